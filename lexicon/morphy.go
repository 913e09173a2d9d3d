package lexicon

import (
	"slices"
	"strings"
)

// rule is one of WordNet's detachment rules: a word ending in suffix may be
// an inflection of the word ending in repl instead.
type rule struct{ suffix, repl string }

// rules are WordNet's morphy rules (morph.c), tried in this order. WordNet
// has none for adverbs, only their exception list.
var rules = [4][]rule{
	Noun:      {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb:      {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	adjective: {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// Base returns the WordNet base forms of a lower-case word or phrase for the
// given part of speech, using WordNet's morphy: the word itself if it is a
// lemma, then its entries in the exception list, or failing those the forms
// the suffix rules give; only forms that are lemmas are returned, without
// duplicates. Phrases inflect their last word ("political parties" →
// "political party"); phrasal verbs that do not also try their first word
// ("gave up" → "give up"). Unknown words give nil.
//
//	Base("churches", Noun) = ["church"]
//	Base("built", Verb)    = ["build"]
//	Base("geese", Noun)    = ["goose"]
//	Base("glasses", Noun)  = ["glasses", "glass"]
func (l *Lexicon) Base(word string, pos POS) []string {
	var buf [8]int32
	ids := l.baseIDs(word, pos, buf[:0])
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = l.d.Lemmas.At(id)
	}
	return out
}

// baseIDs is Base returning lemma ids appended to dst. It does not allocate
// for lower-case input when dst has room, because IsA runs it for every
// n-gram of every sentence.
func (l *Lexicon) baseIDs(word string, pos POS, dst []int32) []int32 {
	// Neither call allocates for trimmed lower-case input.
	word = strings.ToLower(strings.TrimSpace(word))
	if !validPOS(pos) || word == "" {
		return dst
	}
	if id, ok := l.lemma(word, pos); ok {
		dst = addID(dst, id)
	}
	return l.inflectionIDs(word, pos, dst)
}

// inflectionIDs appends the lemmas of pos that the trimmed lower-case word
// is an inflection of: its exception entries if it has any, else the forms
// the suffix rules give. It works for adjectives and adverbs too, whose ids
// may be past the noun and verb lemmas' (see lexfile.Data.Words).
func (l *Lexicon) inflectionIDs(word string, pos POS, dst []int32) []int32 {
	if bases, ok := l.d.Exceptions[pos][word]; ok {
		for _, b := range bases {
			if id, ok := l.lemma(b, pos); ok {
				dst = addID(dst, id)
			}
		}
		return dst
	}
	i := strings.LastIndexByte(word, ' ')
	dst = l.morph(word[:i+1], word[i+1:], "", pos, dst)
	if pos == Verb && i >= 0 && len(dst) == 0 {
		j := strings.IndexByte(word, ' ')
		dst = l.morph("", word[:j], word[j:], pos, dst)
	}
	return dst
}

// morph appends the lemmas head+b+tail for each base form b of the single
// word w: its exception entries if it has any, else its suffix-rule forms.
func (l *Lexicon) morph(head, w, tail string, pos POS, dst []int32) []int32 {
	var kb [96]byte
	try := func(stem, repl string) {
		k := append(append(append(append(kb[:0], head...), stem...), repl...), tail...)
		if id, ok := l.lemmaBytes(k, pos); ok {
			dst = addID(dst, id)
		}
	}
	if bases, ok := l.d.Exceptions[pos][w]; ok {
		for _, b := range bases {
			try(b, "")
		}
		return dst
	}
	// As in WordNet, nouns in -ss and very short nouns are not detached
	// ("glass" is not a plural of "glas").
	if pos == Noun && (len(w) <= 2 || strings.HasSuffix(w, "ss")) {
		return dst
	}
	for _, r := range rules[pos] {
		if len(w) > len(r.suffix) && strings.HasSuffix(w, r.suffix) {
			try(w[:len(w)-len(r.suffix)], r.repl)
		}
	}
	return dst
}

func addID(dst []int32, id int32) []int32 {
	if slices.Contains(dst, id) {
		return dst
	}
	return append(dst, id)
}
