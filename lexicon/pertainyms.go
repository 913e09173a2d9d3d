package lexicon

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

// Pertainyms returns the nouns an adjective pertains to, lower-case, in
// WordNet's order (the adjective's most frequent sense first), each once;
// nil if none. They come from WordNet's pertainym pointers, which link
// words, not synsets: "dutch" pertains to "netherlands" but not to its
// synonym "holland". The adjective may be in any case but is not inflected.
//
//	Pertainyms("finnish") = ["finland"]
//	Pertainyms("Gallic")  = ["gaul", "france"] (its first sense is Gaul's)
func (l *Lexicon) Pertainyms(adj string) []string {
	i, ok := l.d.Adjectives.Search(strings.ToLower(strings.TrimSpace(adj)))
	if !ok {
		return nil
	}
	ids := l.d.Pertainyms[l.d.PertainymOff[i]:l.d.PertainymOff[i+1]]
	out := make([]string, len(ids))
	for j, id := range ids {
		out[j] = l.d.Lemmas.At(id)
	}
	return out
}

// Adjectives returns the adjectives that pertain to a noun, the reverse of
// Pertainyms: lower-case, in lexical order; nil if none. The noun may be in
// any case but must be a lemma as written ("finland", not "finlands");
// like Pertainyms it follows words, so Adjectives("holland") is nil while
// Adjectives("netherlands") includes "dutch".
//
//	Adjectives("finland") = ["finnish"]
//	Adjectives("russia")  = ["russian"]
func (l *Lexicon) Adjectives(noun string) []string {
	id, ok := l.index.find(strings.ToLower(strings.TrimSpace(noun)))
	if !ok {
		return nil
	}
	i, _ := slices.BinarySearch(l.pertainedBy, uint64(id)<<32)
	var out []string
	for ; i < len(l.pertainedBy) && l.pertainedBy[i]>>32 == uint64(id); i++ {
		out = append(out, l.d.Adjectives.At(int32(uint32(l.pertainedBy[i]))))
	}
	return out
}

// pertainedBy inverts d's pertainym lists into sorted pairs, each a noun
// lemma id in the high 32 bits and an adjective's index in the low: one flat
// slice of a few thousand integers that sorts in well under a millisecond
// and that the garbage collector never scans, where a map would hold a slice
// per noun. Sorting the pairs orders each noun's adjectives lexically.
func pertainedBy(d *lexfile.Data) []uint64 {
	out := make([]uint64, 0, len(d.Pertainyms))
	for a := range d.Adjectives.Len() {
		for _, n := range d.Pertainyms[d.PertainymOff[a]:d.PertainymOff[a+1]] {
			out = append(out, uint64(n)<<32|uint64(a))
		}
	}
	slices.Sort(out)
	return out
}
