package main

import (
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

// adjPointer is one adjective pertainym pointer ("\") to a noun, its source
// word resolved.
type adjPointer struct {
	adj    string // normalised, syntactic marker dropped
	synset string // offset of the adjective's synset in data.adj
	noun   string // offset of the target synset in data.noun
	word   int    // target word number from 1; 0 (never seen) means all
}

// readPertainyms reads the pertainym pointers of data.adj, head adjectives
// (a) and satellites (s) alike, in file order. Pointers to adjectives (a
// handful in WordNet 3.1) are skipped: the lexicon keeps no adjectives as
// targets, and "of or relating to" another adjective says nothing about a
// noun.
func readPertainyms(log *slog.Logger, fsys fs.FS, name string) ([]adjPointer, error) {
	var out []adjPointer
	skipped := 0
	err := eachRecord(fsys, name, func(r record) error {
		if r.typ != "a" && r.typ != "s" {
			return fmt.Errorf("synset type %q in %s", r.typ, name)
		}
		for _, p := range r.ptrs {
			if p.sym != `\` {
				continue
			}
			if p.pos != "n" {
				skipped++
				continue
			}
			if p.src > len(r.words) {
				return fmt.Errorf("pertainym source word %d of %d", p.src, len(r.words))
			}
			words := r.words
			if p.src > 0 {
				words = words[p.src-1 : p.src]
			}
			for _, w := range words {
				out = append(out, adjPointer{adj: adjective(w), synset: r.offset, noun: p.offset, word: p.dst})
			}
		}
		return nil
	})
	log.Info("pertainyms", "to_nouns", len(out), "skipped_not_noun", skipped)
	return out, err
}

// adjective normalises an adjective as written in data.adj, dropping the
// syntactic marker some carry ("galore(ip)", "elect(p)").
func adjective(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 && strings.HasSuffix(w, ")") {
		w = w[:i]
	}
	return normalise(w)
}

// pertainyms resolves ptrs to noun lemmas and stores them in d: for each
// adjective, its synsets in index.adj's sense order, within a synset the
// pointers in file order, each noun once.
func pertainyms(d *lexfile.Data, nouns []synset, ptrs []adjPointer, index map[string][]string) error {
	words := make(map[string][]string, len(nouns))
	for _, s := range nouns {
		words[s.offset] = s.words
	}
	type target struct {
		synset string
		id     int32
	}
	byAdj := map[string][]target{}
	for _, p := range ptrs {
		ws, ok := words[p.noun]
		if !ok || p.word > len(ws) {
			return fmt.Errorf("adjective %s (synset %s): pertainym %s word %d not found", p.adj, p.synset, p.noun, p.word)
		}
		if p.word > 0 {
			ws = ws[p.word-1 : p.word]
		}
		for _, w := range ws {
			id, ok := d.Lemmas.Search(w)
			if !ok {
				return fmt.Errorf("adjective %s: pertainym %q is not a lemma", p.adj, w)
			}
			byAdj[p.adj] = append(byAdj[p.adj], target{p.synset, id})
		}
	}
	adjs := slices.Sorted(maps.Keys(byAdj))
	d.Adjectives = lexfile.MakeLemmas(adjs)
	d.PertainymOff = make([]int32, 1, len(adjs)+1)
	d.Pertainyms = make([]int32, 0, len(ptrs))
	for _, a := range adjs {
		rank := map[string]int{}
		for r, off := range index[a] {
			rank[off] = r + 1
		}
		ts := byAdj[a]
		slices.SortStableFunc(ts, func(x, y target) int { return byRank(rank[x.synset], rank[y.synset]) })
		start := len(d.Pertainyms)
		for _, t := range ts {
			if !slices.Contains(d.Pertainyms[start:], t.id) {
				d.Pertainyms = append(d.Pertainyms, t.id)
			}
		}
		d.PertainymOff = append(d.PertainymOff, int32(len(d.Pertainyms)))
	}
	return nil
}
