package lexfile

import (
	"errors"
	"fmt"
	"slices"
)

// Len is the number of lemmas of every part of speech: Lemmas, then Words.
func (d *Data) Len() int { return d.Lemmas.Len() + d.Words.Len() }

// Word returns the lemma with id, a noun or verb lemma or one of Words.
func (d *Data) Word(id int32) string {
	if n := int32(d.Lemmas.Len()); id >= n {
		return d.Words.At(id - n)
	}
	return d.Lemmas.At(id)
}

// Search returns the id of s among Lemmas and Words, if present.
func (d *Data) Search(s string) (int32, bool) {
	if id, ok := d.Lemmas.Search(s); ok {
		return id, true
	}
	id, ok := d.Words.Search(s)
	return int32(d.Lemmas.Len()) + id, ok
}

// Has reports whether lemma id is a lemma of pos.
func (d *Data) Has(id int32, pos int) bool {
	switch pos {
	case Noun, Verb:
		off := d.SenseOff[pos]
		return int(id) < d.Lemmas.Len() && off[id+1] > off[id]
	case Adj:
		_, ok := slices.BinarySearch(d.AdjIDs, id)
		return ok
	case Adv:
		_, ok := slices.BinarySearch(d.AdvIDs, id)
		return ok
	}
	return false
}

// words writes the file's last section: Words front-coded, the adjective
// and adverb ids as gaps (most are under 128, so one byte each), then the
// adjective and adverb exceptions.
func (w *writer) words(d *Data) {
	w.uint(d.Words.Len())
	w.lemmas(d.Words)
	for _, ids := range [][]int32{d.AdjIDs, d.AdvIDs} {
		w.uint(len(ids))
		prev := int32(-1)
		for _, id := range ids {
			w.uint(int(id - prev - 1))
			prev = id
		}
	}
	w.exceptions(d, Adj)
	w.exceptions(d, Adv)
}

// words reads what writer.words wrote.
func (r *reader) words(d *Data) {
	d.Words = r.lemmas(r.uint())
	d.AdjIDs = r.ascending(d.Len())
	d.AdvIDs = r.ascending(d.Len())
	d.Exceptions[Adj] = r.exceptions(d)
	d.Exceptions[Adv] = r.exceptions(d)
}

// ascending reads a count and that many gaps, and returns the ids they
// make, each below limit.
func (r *reader) ascending(limit int) []int32 {
	n := r.uint()
	if !r.room(n) {
		return nil
	}
	out := make([]int32, n)
	id := -1
	for i := range out {
		id += r.uint() + 1
		if id >= limit {
			r.fail("id out of range")
			return nil
		}
		out[i] = int32(id)
	}
	return out
}

// checkWords reports the first inconsistency in Words and the adjective and
// adverb ids: unsorted words, a word that is also a noun or verb lemma or
// that is neither adjective nor adverb, or ids unsorted or out of range.
func (d *Data) checkWords() error {
	if err := d.Words.check(); err != nil {
		return fmt.Errorf("word %w", err)
	}
	for i := range int32(d.Words.Len()) {
		if _, ok := d.Lemmas.Search(d.Words.At(i)); ok {
			return fmt.Errorf("word %q is also a noun or verb lemma", d.Words.At(i))
		}
	}
	for _, ids := range [][]int32{d.AdjIDs, d.AdvIDs} {
		for i, id := range ids {
			if id < 0 || int(id) >= d.Len() || i > 0 && ids[i-1] >= id {
				return errors.New("adjective or adverb ids out of order or range")
			}
		}
	}
	for id := int32(d.Lemmas.Len()); int(id) < d.Len(); id++ {
		if !d.Has(id, Adj) && !d.Has(id, Adv) {
			return fmt.Errorf("word %q is neither adjective nor adverb", d.Word(id))
		}
	}
	return nil
}
