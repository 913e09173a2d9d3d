package lexicon

import "strings"

// IsWord reports whether word (any case, trimmed) is a WordNet lemma of any
// part of speech (noun, verb, adjective or adverb), or an inflection of one
// by WordNet's morphy rules ("agents", "armed", "heavier" → yes; "norbian"
// → no). Multiword phrases use spaces.
//
// It tells an English word that nothing else here has a use for
// ("federal", "heavily") from a made-up or foreign name typed in lower case.
// A lemma costs one or two hash lookups; anything else also tries each part
// of speech's exception list and suffix rules, a few dozen lookups at most.
// It does not allocate for lower-case input.
//
// WordNet is not a full dictionary: it has no function words ("the",
// "which", "they" are not words here) but has many proper nouns ("norway",
// "paris"), abbreviations and letters ("ab", "i"); and morphy's rules accept
// regular forms that English does not use ("goodest").
func (l *Lexicon) IsWord(word string) bool {
	// Neither call allocates for trimmed lower-case input.
	word = strings.ToLower(strings.TrimSpace(word))
	if word == "" {
		return false
	}
	// Every lemma in index is a noun or a verb, every one in words an
	// adjective or an adverb.
	if _, ok := l.index.find(word); ok {
		return true
	}
	if _, ok := l.words.find(word); ok {
		return true
	}
	var buf [8]int32
	for pos := Noun; pos <= adverb; pos++ {
		if len(l.inflectionIDs(word, pos, buf[:0])) > 0 {
			return true
		}
	}
	return false
}
