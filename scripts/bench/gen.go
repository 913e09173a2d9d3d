package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
)

// The generator recombines the sentences of the shipped corpus into a
// corpus of a given number of passages: the same seed always gives the same
// files. Figures in sentences are redrawn, so passages are not copies of
// each other, and about 1.5% of paragraphs are what web text is full of and
// has no words: a lone "." or a code fence.

var outlets = []string{"Velm Courier", "Northern Ledger", "Harbour Weekly", "Coastal Wire", "Daily Meridian", "Radio Solheim"}

var digits = regexp.MustCompile(`\d+`)

// sentencePool returns the prose sentences of the shipped corpus.
func sentencePool() ([]string, error) {
	c, err := corpus.Default()
	if err != nil {
		return nil, err
	}
	var pool []string
	for _, d := range c.Docs() {
		for _, s := range d.Sentences {
			if s.Boilerplate || len(strings.Fields(s.Text)) < 5 || strings.ContainsAny(s.Text, "\n#|") {
				continue
			}
			pool = append(pool, s.Text)
		}
	}
	return pool, nil
}

// generate writes .md documents under dir until they hold at least
// passages passages; it returns the documents and passages written.
func generate(dir string, passages int, seed uint64, pool []string) (docs, units int, err error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for units < passages {
		var b strings.Builder
		title := strings.Join(firstWords(pool[r.IntN(len(pool))], 8), " ")
		fmt.Fprintf(&b, "---\ntitle: %q\noutlet: %s\npublished: 2025-%02d-%02d\n---\n", title, outlets[r.IntN(len(outlets))], 1+r.IntN(12), 1+r.IntN(28))
		paras := 3 + r.IntN(10)
		for p := 0; p < paras; p++ {
			switch x := r.IntN(1000); {
			case x < 10:
				b.WriteString(".\n\n")
				continue
			case x < 15:
				b.WriteString("```\n\n```\n\n")
				continue
			}
			n := 1 + r.IntN(5)
			for s := 0; s < n; s++ {
				if s > 0 {
					b.WriteByte(' ')
				}
				sent := pool[r.IntN(len(pool))]
				sent = digits.ReplaceAllStringFunc(sent, func(string) string { return strconv.Itoa(r.IntN(2000)) })
				b.WriteString(sent)
			}
			b.WriteString("\n\n")
		}
		raw := []byte(b.String())
		d, perr := corpus.ParseDocument("x", raw)
		if perr != nil {
			continue
		}
		name := filepath.Join(dir, fmt.Sprintf("d%03d", docs%1000), fmt.Sprintf("doc-%06d.md", docs))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return 0, 0, err
		}
		if err := os.WriteFile(name, raw, 0o644); err != nil {
			return 0, 0, err
		}
		docs++
		units += len(d.Passages)
	}
	return docs, units, nil
}

func firstWords(s string, n int) []string {
	f := strings.Fields(s)
	return f[:min(n, len(f))]
}

// questions builds a fixed question set from the pool: "What did X say
// about Y?" and "Did X Y?" forms, X a capitalised word and Y content words
// of the same sentence.
func questions(pool []string, n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 7))
	var qs []string
	for len(qs) < n {
		s := pool[r.IntN(len(pool))]
		var names, words []string
		for i, t := range lang.TokenizeAll(s) {
			w := t.Word
			switch {
			case i > 0 && len(w) > 2 && w[0] >= 'A' && w[0] <= 'Z':
				names = append(names, w)
			case len(w) > 4 && !lang.IsStopword(strings.ToLower(w)) && w[0] >= 'a' && w[0] <= 'z':
				words = append(words, w)
			}
		}
		if len(names) == 0 || len(words) < 2 {
			continue
		}
		name := names[r.IntN(len(names))]
		if len(qs)%2 == 0 {
			qs = append(qs, fmt.Sprintf("What did %s say about the %s?", name, words[r.IntN(len(words))]))
		} else {
			w1 := words[r.IntN(len(words))]
			qs = append(qs, fmt.Sprintf("Did %s %s the %s?", name, w1, words[r.IntN(len(words))]))
		}
	}
	return qs
}
