package lexfile

import (
	"fmt"
	"sort"
	"strings"
)

// Lemmas is a sorted list of lemmas kept as one newline-terminated text and
// the offsets of its lines: a []string would cost 16 bytes and one pointer for
// the garbage collector per lemma, more than the lemmas themselves.
type Lemmas struct {
	text string
	off  []int32 // start of each line, then len(text)
}

// MakeLemmas returns sorted as Lemmas. The strings must be sorted, unique
// and free of newlines; Encode checks.
func MakeLemmas(sorted []string) Lemmas {
	var b strings.Builder
	off := make([]int32, 1, len(sorted)+1)
	for _, s := range sorted {
		b.WriteString(s)
		b.WriteByte('\n')
		off = append(off, int32(b.Len()))
	}
	return Lemmas{text: b.String(), off: off}
}

// Len is the number of lemmas.
func (l Lemmas) Len() int { return max(len(l.off)-1, 0) }

// At returns lemma i.
func (l Lemmas) At(i int32) string { return l.text[l.off[i] : l.off[i+1]-1] }

// Search returns the id of lemma s, if present.
func (l Lemmas) Search(s string) (int32, bool) {
	n := l.Len()
	i := sort.Search(n, func(i int) bool { return l.At(int32(i)) >= s })
	return int32(i), i < n && l.At(int32(i)) == s
}

// check reports the first lemma that is empty, holds a newline or is out of
// order.
func (l Lemmas) check() error {
	for i := range int32(l.Len()) {
		s := l.At(i)
		if s == "" || strings.Contains(s, "\n") || i > 0 && l.At(i-1) >= s {
			return fmt.Errorf("%d (%q) empty or out of order", i, s)
		}
	}
	return nil
}
