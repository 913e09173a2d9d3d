package lexicon

import "slices"

// Hyponyms returns the lemmas of all transitive hyponyms and instances of
// every noun sense of class (any inflection), nearest first: breadth-first by
// depth below the class, and within one depth in lemma order. It returns at
// most limit lemmas (none if limit ≤ 0), each once, and never a lemma of the
// class's own synsets (those are synonyms, not hyponyms). The result depends
// only on class and limit.
//
//	Hyponyms("church", 50) includes "basilica", "cathedral", "chapel"
func (l *Lexicon) Hyponyms(class string, limit int) []string {
	return l.HyponymsOfSenses(class, 0, limit)
}

// HyponymsOfSenses is Hyponyms over the first senses noun senses of each
// base form of class only (all of them when senses ≤ 0). WordNet orders
// senses by frequency, so the first sense of "sport" is athletics, not
// fun or a mutant; answer typing wants that one.
func (l *Lexicon) HyponymsOfSenses(class string, senses, limit int) []string {
	if limit <= 0 {
		return nil
	}
	var buf [8]int32
	ids := l.baseIDs(class, Noun, buf[:0])
	if len(ids) == 0 {
		return nil
	}
	visited := make(map[int32]bool)
	seen := make(map[int32]bool) // lemma ids emitted or excluded
	var level []int32
	for _, id := range ids {
		ss := l.senses(id, Noun)
		if senses > 0 && len(ss) > senses {
			ss = ss[:senses]
		}
		for _, s := range ss {
			if !visited[s] {
				visited[s] = true
				level = append(level, s)
			}
		}
	}
	for _, s := range level {
		for _, m := range l.members(s) {
			seen[m] = true
		}
	}
	var out []string
	var lemmas []int32
	for len(level) > 0 && len(out) < limit {
		var next []int32
		for _, s := range level {
			for _, h := range l.hypos[l.hypoOff[s]:l.hypoOff[s+1]] {
				if !visited[h] {
					visited[h] = true
					next = append(next, h)
				}
			}
		}
		lemmas = lemmas[:0]
		for _, s := range next {
			for _, m := range l.members(s) {
				if !seen[m] {
					seen[m] = true
					lemmas = append(lemmas, m)
				}
			}
		}
		slices.Sort(lemmas) // lemma ids are in lemma order
		for _, m := range lemmas {
			if len(out) == limit {
				break
			}
			out = append(out, l.d.Lemmas.At(m))
		}
		level = next
	}
	return out
}
