package answer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lang"
)

// relatedForms returns the words WordNet relates to a name as its
// adjective or its noun that the corpus uses: "Finnish" for "Finland", "Mexico"
// for "Mexican". A corpus writing "Finnish time" is about Finland.
func (an *analyser) relatedForms(word string) []string {
	w := strings.ToLower(word)
	if an.k.known[lang.Stem(w)] {
		return nil
	}
	lx := an.k.lex()
	var out []string
	for _, r := range append(lx.Adjectives(w), lx.Pertainyms(w)...) {
		if strings.Contains(r, " ") {
			continue
		}
		if an.k.known[lang.Stem(r)] && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// nearSpelling reports whether some corpus word is within one edit of s
// (two for long words).
func (an *analyser) nearSpelling(s string) bool { return len(an.spellings(s, 1)) > 0 }

// nearName reports whether a one-word name is a misspelling of a word the
// corpus writes as a name: "Sheinbam" of "Sheinbaum", but "Interpol" not
// of "interior", which the corpus writes in lower case. A name of several
// words is more often a description than a name ("White House" for the
// administration), and a near word of it keeps it from being abstained on.
// Two edits apart count only as a swap of letters ("Shienbaum"): two
// changed letters make another name ("Interpol", "interior").
func (an *analyser) nearName(stem string) bool {
	for _, s := range an.spellings(stem, 3) {
		if !an.k.lower[s] && (editDistance(stem, s, 1) <= 1 || sameLetters(stem, s)) {
			return true
		}
	}
	return false
}

func sameLetters(a, b string) bool {
	x, y := []byte(a), []byte(b)
	slices.Sort(x)
	slices.Sort(y)
	return string(x) == string(y)
}

// spellings returns up to n corpus stems within one edit of s (two for
// long words) that start with the same letter, nearest and then most
// common first: "kowalsky" finds "kowalski", an acronym the question
// clips ("ABCD") finds the corpus's "ABCDE".
func (an *analyser) spellings(s string, n int) []string {
	if len(s) < 4 {
		return nil
	}
	limit := 1
	if len(s) >= 8 {
		limit = 2
	}
	type near struct {
		stem string
		dist int
		df   int
	}
	var found []near
	lex := an.k.index.Lexical()
	for w := range an.k.known {
		if d := len(w) - len(s); d > limit || -d > limit || w[0] != s[0] {
			continue
		}
		if d := editDistance(s, w, limit); d <= limit {
			found = append(found, near{w, d, lex.DF(w)})
		}
	}
	slices.SortFunc(found, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(b.df, a.df), strings.Compare(a.stem, b.stem))
	})
	var out []string
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.stem)
	}
	return out
}

// correctSpelling adds, for each word of the question's names that no
// document writes, the corpus's near spellings ("Kowalsky": kowalski)
// and WordNet's adjective or noun for it ("Norway": norwegian) as names of
// their own, and says so in the answer's note.
func (an *analyser) correctSpelling(qa *Query) {
	for _, n := range slices.Clone(qa.names) {
		var tried []string
		for i, w := range n.words {
			if i >= len(n.stems) || an.k.known[n.stems[i]] {
				continue
			}
			var alts []string
			for _, st := range an.spellings(n.stems[i], maxSpellings) {
				alts = append(alts, an.surfaceOf(st))
			}
			for _, alt := range append(alts, an.relatedForms(w)...) {
				stems := lang.Stems(alt)
				if slices.Contains(tried, "“"+alt+"”") || len(stems) == 0 {
					continue
				}
				// Each spelling is a name of its own: a page writing it
				// is about what the question names.
				qa.search += " " + alt
				qa.names = append(qa.names, name{words: []string{alt}, stems: stems})
				qa.stems = append(qa.stems, stems...)
				qa.words[alt] = true
				tried = append(tried, "“"+alt+"”")
			}
		}
		if len(tried) > 0 {
			qa.notes = append(qa.notes, fmt.Sprintf("No document writes “%s”; also searched for %s.",
				strings.Join(n.words, " "), strings.Join(tried, ", ")))
		}
	}
}

// surfaceOf returns a word the corpus writes for a stem, in lower case:
// "embassy" for "embassi". The search and the reader's note want words.
func (an *analyser) surfaceOf(stem string) string {
	for _, h := range an.k.index.Lexical().Search([]string{stem}, 1) {
		for _, t := range lang.TokenizeAll(an.k.index.Units()[h.Unit].Text) {
			if t.Stem == stem {
				return strings.ToLower(t.Word)
			}
		}
	}
	return stem
}

// maxSpellings bounds the corrections tried per unknown word.
const maxSpellings = 3

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// exceeds limit.
func editDistance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
