package answer

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
)

// synonymSenses is how many of a word's senses lend it stand-ins: a
// word's rare senses make poor ones ("show" as "usher").
const synonymSenses = 2

// maxSynonymSenses: a word with more senses than this in a part of speech
// lends no synonyms in it.
const maxSynonymSenses = 4 // nouns only: a question's verb is read in its sense

// corpusSynonyms returns the stems and words of w's synonyms that the
// corpus writes, for a word the corpus itself never writes (for one it
// writes, only its clippings): a question's
// "photo" is the documents' "photograph", its "show" their "demonstrate".
// A word the corpus writes is matched as written; its synonyms would only
// widen the search. A word the question uses as its verb lends its verb
// senses; any other its noun senses, unless it has too many to stand for
// one thing ("point": a dot, a place, a purpose…).
func (an *analyser) corpusSynonyms(w, stem string, verb bool) (stems, words []string) {
	if len(w) < 3 || lang.IsStopword(w) {
		return nil, nil
	}
	// A word the corpus writes still lends its clippings: "laboratories"
	// is the documents' "labs" too, "photo" their "photograph".
	clippingsOnly := an.k.known[stem]
	lx := an.k.lex()
	pos := lexicon.Noun
	if verb {
		pos = lexicon.Verb
	} else if len(lx.Senses(w, pos, 0)) > maxSynonymSenses {
		return nil, nil
	}
	for _, syn := range lx.SynonymsOfSenses(w, pos, synonymSenses) {
		if strings.Contains(syn, " ") || lightVerbs[syn] {
			continue
		}
		st := lang.Stems(syn)
		if len(st) != 1 || st[0] == stem || !an.k.known[st[0]] || slices.Contains(stems, st[0]) {
			continue
		}
		if clippingsOnly && !clipping(syn, w) {
			continue
		}
		stems = append(stems, st[0])
		words = append(words, syn)
	}
	return stems, words
}

// expandSynonyms adds to the search the corpus's words for each question
// word the corpus never writes, and lets them count for it in full: "Does
// the photo show…" reads the documents' "photograph". It runs before the
// question is judged unknown: a word with a stand-in is known.
func (an *analyser) expandSynonyms(qa *Query) {
	all := lang.TokenizeAll(qa.text)
	for _, t := range lang.Tokenize(qa.text) {
		w := strings.ToLower(t.Word)
		if w != t.Word || qa.nameWords[w] || auxStarts[w] || questionWords[w] {
			continue
		}
		if _, done := qa.synonyms[t.Stem]; done {
			continue
		}
		stems, words := an.corpusSynonyms(w, t.Stem, an.usedAsVerb(qa, all, w))
		if len(stems) == 0 {
			continue
		}
		if qa.synonyms == nil {
			qa.synonyms = map[string][]string{}
		}
		qa.synonyms[t.Stem] = stems
		qa.search += " " + strings.Join(words, " ")
	}
}

// usedAsVerb reports whether the question uses w as its verb: followed by
// a determiner ("show the operation", "cause the breach"), or read as a
// predicate the way claims are read; after a determiner it is a noun
// ("the show").
func (an *analyser) usedAsVerb(qa *Query, toks []lang.Token, w string) bool {
	for i, t := range toks {
		if !strings.EqualFold(t.Word, w) {
			continue
		}
		if i > 0 && determiners[strings.ToLower(toks[i-1].Word)] {
			return false
		}
		if i+1 < len(toks) && determiners[strings.ToLower(toks[i+1].Word)] {
			return len(an.k.lex().Base(w, lexicon.Verb)) > 0
		}
	}
	if an.k.claims == nil {
		return false
	}
	if qa.preds == nil {
		_, _, preds := an.k.claims.Entities.Frame(qa.text)
		qa.preds = append([]string{}, preds...)
	}
	for _, b := range an.k.lex().Base(w, lexicon.Verb) {
		if slices.Contains(qa.preds, b) {
			return true
		}
	}
	return false
}

// lightVerbs say little on their own; no word stands in for them, nor they
// for a word ("cause" → "make").
var lightVerbs = map[string]bool{"make": true, "get": true, "do": true, "have": true, "take": true, "give": true, "go": true, "put": true, "set": true, "let": true}

// clipping reports whether one word is the other cut short ("lab",
// "laboratories"; "photo", "photograph"): the same word, whatever else
// their senses share.
func clipping(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && len(a) < len(b) && strings.HasPrefix(b, a)
}
