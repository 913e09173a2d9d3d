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
const maxSynonymSenses = 4

// corpusSynonyms returns the stems and words of w's synonyms that the
// corpus writes, for a word the corpus itself never writes: a question's
// "photo" is the documents' "photograph", its "permit" their "allow". A
// word the corpus writes is matched as written; its synonyms would only
// widen the search.
func (e *Engine) corpusSynonyms(w, stem string) (stems, words []string) {
	if e.known[stem] || len(w) < 3 || lang.IsStopword(w) {
		return nil, nil
	}
	lx := e.lex()
	for _, pos := range []lexicon.POS{lexicon.Noun, lexicon.Verb} {
		if n := len(lx.Senses(w, pos, 0)); n > maxSynonymSenses {
			// A word of many senses ("point": a dot, a place, a
			// purpose, to indicate…) has no one stand-in.
			continue
		}
		for _, syn := range lx.SynonymsOfSenses(w, pos, synonymSenses) {
			if strings.Contains(syn, " ") {
				continue
			}
			st := lang.Stems(syn)
			if len(st) != 1 || st[0] == stem || !e.known[st[0]] || slices.Contains(stems, st[0]) {
				continue
			}
			stems = append(stems, st[0])
			words = append(words, syn)
		}
	}
	return stems, words
}

// expandSynonyms adds to the search the corpus's words for each question
// word the corpus never writes, and lets them count for it in full: "Does the photo show…" reads the documents'
// "photograph".
func (e *Engine) expandSynonyms(qa *question) {
	for _, t := range lang.Tokenize(qa.text) {
		w := strings.ToLower(t.Word)
		if w != t.Word || qa.nameWords[w] || auxStarts[w] || questionWords[w] {
			continue
		}
		if _, done := qa.synonyms[t.Stem]; done {
			continue
		}
		stems, words := e.corpusSynonyms(w, t.Stem)
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

func (e *Engine) synonymStems(w, stem string) []string {
	stems, _ := e.corpusSynonyms(w, stem)
	return stems
}
