package lexicon

// Synonyms returns the other lemmas of the synsets of word (any inflection)
// for pos: the synsets of the word's most frequent sense first, each synset's
// lemmas in WordNet's order, each lemma once. Unknown words give nil.
//
//	Synonyms("car", Noun) starts "auto", "automobile", "machine", …
func (l *Lexicon) Synonyms(word string, pos POS) []string {
	var buf [8]int32
	bases := l.baseIDs(word, pos, buf[:0])
	var out []string
	seen := make(map[int32]bool)
	for _, id := range bases {
		seen[id] = true
	}
	for _, id := range bases {
		for _, s := range l.senses(id, pos) {
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
