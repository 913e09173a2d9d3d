package lexicon

// Synset is one WordNet meaning. Two words that share a synset can stand
// for each other ("take part" and "participate"); a synset among another
// word's hypernyms is a more general meaning of it ("raid" is a kind of
// "operation").
type Synset int32

// Senses returns the synsets of the first n senses of word (any inflection)
// in pos, most frequent first; all senses when n ≤ 0. Rare senses are what
// make "lead" mean "go" or "result": a caller matching what a sentence means
// keeps n small.
func (l *Lexicon) Senses(word string, pos POS, n int) []Synset {
	var buf [8]int32
	var out []Synset
	for _, id := range l.baseIDs(word, pos, buf[:0]) {
		ss := l.senses(id, pos)
		if n > 0 && len(ss) > n {
			ss = ss[:n]
		}
		for _, s := range ss {
			out = appendSynset(out, Synset(s))
		}
	}
	return out
}

// Hypernyms returns the direct hypernyms (and instance hypernyms) of s.
func (l *Lexicon) Hypernyms(s Synset) []Synset {
	if int(s) < 0 || int(s)+1 >= len(l.d.HyperOff) {
		return nil
	}
	hs := l.d.Hypers[l.d.HyperOff[s]:l.d.HyperOff[s+1]]
	out := make([]Synset, len(hs))
	for i, h := range hs {
		out[i] = Synset(h)
	}
	return out
}

// IsAdjective reports whether word (lower case) is a WordNet adjective or
// an inflection of one.
func (l *Lexicon) IsAdjective(word string) bool {
	if id, ok := l.lemma(word, adjective); ok && l.has(id, adjective) {
		return true
	}
	var buf [8]int32
	return len(l.inflectionIDs(word, adjective, buf[:0])) > 0
}

func appendSynset(ss []Synset, s Synset) []Synset {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}
