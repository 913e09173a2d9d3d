package lexfile

import (
	"errors"
	"fmt"
	"slices"
)

// pertainyms writes the file's last section: the adjectives front-coded,
// then each one's pertainym count, then all the noun lemma ids, in columns
// like the rest of the file.
func (w *writer) pertainyms(d *Data) {
	n := d.Adjectives.Len()
	w.uint(n)
	w.lemmas(d.Adjectives)
	for i := range n {
		w.uint(int(d.PertainymOff[i+1] - d.PertainymOff[i]))
	}
	for _, id := range d.Pertainyms {
		w.uint(int(id))
	}
}

// pertainyms reads what writer.pertainyms wrote.
func (r *reader) pertainyms(d *Data) {
	n := r.uint()
	d.Adjectives = r.lemmas(n)
	d.PertainymOff = r.offsets(n)
	if r.err != nil {
		return
	}
	d.Pertainyms = r.ids(int(d.PertainymOff[n]), d.Lemmas.Len())
}

// checkPertainyms reports the first inconsistency in the pertainym lists:
// unsorted adjectives, an adjective without pertainyms, or a pertainym that
// is not a noun lemma or is listed twice.
func (d *Data) checkPertainyms() error {
	if err := d.Adjectives.check(); err != nil {
		return fmt.Errorf("adjective %w", err)
	}
	n := d.Adjectives.Len()
	off := d.PertainymOff
	if len(off) != n+1 || off[0] != 0 || int(off[n]) != len(d.Pertainyms) {
		return errors.New("pertainym offsets disagree with counts")
	}
	nouns := d.SenseOff[Noun]
	for i := range n {
		adj := d.Adjectives.At(int32(i))
		if off[i+1] <= off[i] {
			return fmt.Errorf("adjective %q: no pertainyms", adj)
		}
		ids := d.Pertainyms[off[i]:off[i+1]]
		for j, id := range ids {
			if id < 0 || int(id) >= d.Lemmas.Len() || nouns[id+1] == nouns[id] {
				return fmt.Errorf("adjective %q: pertainym %d is not a noun lemma", adj, id)
			}
			if slices.Contains(ids[:j], id) {
				return fmt.Errorf("adjective %q: pertainym %q twice", adj, d.Lemmas.At(id))
			}
		}
	}
	return nil
}
