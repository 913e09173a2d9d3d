package answer

import (
	"slices"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
)

// Expansion of a question's nouns by their kinds: "Does the list contain
// churches?" is answered by a list naming a basilica and a cathedral.
const (
	kindMatch      = 0.7 // coverage credit of a kind for its class
	expandSenses   = 2   // senses of a noun whose kinds are read
	maxNounKinds   = 60  // a noun with more kinds is too broad to expand
	maxExpandKinds = 8   // kinds per noun the corpus uses, added to the search
)

// expandKinds adds to the search the single-word kinds of each of the
// question's specific nouns that the corpus uses. A kind counts only in
// its first sense ("horse" is a kind of troops only as cavalry). Names,
// question words and the answer type of a typed question are not
// expanded: "sport" would take in every game.
func (an *analyser) expandKinds(qa *Query) {
	var lx *lexicon.Lexicon
	toks := lang.TokenizeAll(qa.text)
	for i, t := range toks {
		w := strings.ToLower(t.Word)
		if w != t.Word || qa.nameWords[w] || auxStarts[w] || questionWords[w] || len(w) < 3 || lang.IsStopword(w) {
			continue
		}
		// Only a word used as a noun: after a determiner ("the church")
		// or plural ("churches"); "did she play" is no play.
		plural := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
		prev := ""
		if i > 0 {
			prev = strings.ToLower(toks[i-1].Word)
		}
		if !plural && !determiners[prev] && prev != "which" && prev != "what" {
			continue
		}
		if qa.class != nil && slices.Contains(qa.class.stems, t.Stem) {
			continue
		}
		if _, done := qa.kinds[t.Stem]; done {
			continue
		}
		if lx == nil {
			lx = an.k.lex()
		}
		got, words := an.nounKinds(lx, w, t.Stem)
		if len(got) == 0 {
			continue
		}
		if qa.kinds == nil {
			qa.kinds = map[string][]string{}
		}
		qa.kinds[t.Stem] = got
		qa.search += " " + strings.Join(words, " ")
	}
}

// nounKinds returns the stems and words of up to maxExpandKinds kinds of
// noun w that the corpus uses, nearest first.
func (an *analyser) nounKinds(lx *lexicon.Lexicon, w, stem string) (stems, words []string) {
	for _, base := range lx.Base(w, lexicon.Noun) {
		kinds := lx.HyponymsOfSenses(base, expandSenses, maxNounKinds+1)
		if len(kinds) > maxNounKinds {
			// A broad noun ("list": agenda, bill, menu, index…) would
			// drag in unrelated pages.
			continue
		}
		for _, k := range kinds {
			if strings.Contains(k, " ") || numberWords[k] != "" || strings.ContainsFunc(k, unicode.IsDigit) {
				continue
			}
			st := lang.Stems(k)
			// A stem much shorter than its word may be another word's
			// ("protestant" → "protest").
			if len(st) != 1 || len(st[0]) < len(k)-2 || st[0] == stem || !an.k.known[st[0]] || slices.Contains(stems, st[0]) ||
				!lx.SenseIsA(k, 1, base, expandSenses) {
				continue
			}
			stems = append(stems, st[0])
			words = append(words, k)
			if len(stems) == maxExpandKinds {
				return stems, words
			}
		}
	}
	return stems, words
}
