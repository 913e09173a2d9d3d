package lexicon

// Synonyms returns the other lemmas of the synsets of word (any inflection)
// for pos: the synsets of the word's most frequent sense first, each synset's
// lemmas in WordNet's order, each lemma once. Unknown words give nil.
//
//	Synonyms("car", Noun) starts "auto", "automobile", "machine", …
func (l *Lexicon) Synonyms(word string, pos POS) []string {
	return l.SynonymsOfSenses(word, pos, 0)
}

// SynonymsOfSenses is Synonyms over the word's first n senses only (all
// when n ≤ 0): a word's rare senses make poor stand-ins for it ("show" as
// "prove").
func (l *Lexicon) SynonymsOfSenses(word string, pos POS, n int) []string {
	var buf [8]int32
	bases := l.baseIDs(word, pos, buf[:0])
	var out []string
	seen := make(map[int32]bool)
	for _, id := range bases {
		seen[id] = true
	}
	for _, id := range bases {
		ss := l.senses(id, pos)
		if n > 0 && len(ss) > n {
			ss = ss[:n]
		}
		for _, s := range ss {
			for _, m := range l.members(s) {
				if !seen[m] {
					seen[m] = true
					out = append(out, l.d.Lemmas.At(m))
				}
			}
		}
	}
	return out
}
