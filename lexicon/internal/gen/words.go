package main

import (
	"fmt"
	"io/fs"
	"log/slog"
	"slices"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

// words reads the adjective and adverb lemmas from data.adj and data.adv
// and their exceptions from adj.exc and adv.exc, and stores them in d: as
// Words those that are not noun or verb lemmas, and the ids of all of them.
func words(log *slog.Logger, d *lexfile.Data, dict, exc fs.FS) error {
	adj, err := readLemmas(dict, "data.adj", "a", "s")
	if err != nil {
		return err
	}
	adv, err := readLemmas(dict, "data.adv", "r")
	if err != nil {
		return err
	}
	var extra []string
	for w := range adj {
		if _, ok := d.Lemmas.Search(w); !ok {
			extra = append(extra, w)
		}
	}
	for w := range adv {
		if _, ok := d.Lemmas.Search(w); !ok && !adj[w] {
			extra = append(extra, w)
		}
	}
	slices.Sort(extra)
	d.Words = lexfile.MakeLemmas(extra)
	d.AdjIDs, d.AdvIDs = ids(d, adj), ids(d, adv)
	for _, f := range []struct {
		pos  int
		name string
	}{{lexfile.Adj, "adj"}, {lexfile.Adv, "adv"}} {
		e, err := readExceptions(exc, f.name+".exc")
		if err != nil {
			return err
		}
		d.Exceptions[f.pos] = exceptions(log, f.name, e, func(b string) bool {
			id, ok := d.Search(b)
			return ok && d.Has(id, f.pos)
		})
	}
	return nil
}

// ids returns the ids of lemmas in d, ascending.
func ids(d *lexfile.Data, lemmas map[string]bool) []int32 {
	out := make([]int32, 0, len(lemmas))
	for w := range lemmas {
		id, _ := d.Search(w)
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// readLemmas returns the set of words of a data.* file's synsets of the
// given types, normalised as adjectives are (only adjectives carry syntactic
// markers, but the rule is harmless elsewhere).
func readLemmas(fsys fs.FS, name string, types ...string) (map[string]bool, error) {
	out := map[string]bool{}
	err := eachRecord(fsys, name, func(r record) error {
		if !slices.Contains(types, r.typ) {
			return fmt.Errorf("synset type %q in %s", r.typ, name)
		}
		for _, w := range r.words {
			out[adjective(w)] = true
		}
		return nil
	})
	return out, err
}
