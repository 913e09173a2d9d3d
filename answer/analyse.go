package answer

import (
	"fmt"
	"strings"
)

// analyser is the first stage: it reads a question once into the Query
// every later stage works from, or finds that the corpus never mentions
// what it asks about.
type analyser struct {
	k       *knowledge
	classes classes
}

// analyse reads q (already checked) into a Query: what it asks for, its
// names and words, each expanded into the words the corpus uses for it
// (the spelt-out acronym, a synonym, a corrected spelling, kinds of its
// nouns), its answer type, and its frame. When the corpus mentions
// nothing the question is about, it returns why instead.
func (an *analyser) analyse(q string) (qa *Query, unknown string) {
	query := parseQuery(q)
	qa = &query
	qa.w = &an.k.weights
	an.expandAcronyms(qa)
	an.expandSynonyms(qa)
	if missing := an.unmentioned(qa); len(missing) > 0 {
		return nil, fmt.Sprintf("No document in the corpus mentions %s, so nothing here answers this question.", strings.Join(missing, ", "))
	}
	an.correctSpelling(qa)
	qa.class = an.lookupClass(qa.classWords, qa.classNext, qa.classAfter)
	an.expandKinds(qa)
	qa.frame = an.frameOf(qa)
	return qa, ""
}
