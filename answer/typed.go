package answer

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lexicon"
	"github.com/crosscheck/crosscheck/retrieval"
)

// A typed question asks for a kind of thing: "What sport is Ada Lind
// associated with?", "What kind of animal is Rex?", "What is the style
// of the old church?". Its answers are the words of a sentence that name
// a kind of that thing ("ice hockey" is a sport, "baroque" a style),
// looked up in WordNet (package lexicon). Two sources naming different
// kinds give different answers, as two sources giving different years do.

// class is the answer type of a typed question.
type class struct {
	lemma string   // "sport", "political party"
	stems []string // its stems: a sentence naming a kind covers them
	// kinds holds the lemmas of the class's hyponyms and instances, and
	// last the last word of each, so most words are rejected by one look-up.
	kinds map[string]bool
	last  map[string]bool
	// maxWords is the longest lemma in kinds, in words.
	maxWords int
}

// maxClassKinds bounds the kinds read per class: "sport" has some
// hundreds, "animal" many thousands, most of them rare species.
const maxClassKinds = 8000

// classSenses is how many senses of a class word count: WordNet lists
// the most frequent first, and the others make "sport" take in fun and
// mutants, "position" every point in space.
const classSenses = 1

// maxKindWords bounds the words of a kind looked for in a sentence
// ("american football", "national liberal party").
const maxKindWords = 3

// genericClasses are heads of "what … " questions that name no answer
// type: "what name did…", "what kind of…".
var genericClasses = map[string]bool{
	"name": true, "thing": true, "things": true, "kind": true, "type": true, "sort": true, "one": true,
	"part": true, "way": true, "something": true, "reason": true, "role": true, "purpose": true,
	"happened": true, "happen": true, "does": true, "did": true,
}

// classPhrase returns the answer-type words of a question in lower case:
// "what sport …" → "sport", "which political party …" → "political
// party", "what kind of animal …" → "animal", "what is the style of …" →
// "style"; or "" when the question names none.
func classPhrase(words []string) string {
	if len(words) < 2 || words[0] != "what" && words[0] != "which" {
		return ""
	}
	i := 1
	collect := func(i int) []string {
		var out []string
		for ; i < len(words) && len(out) < maxKindWords; i++ {
			w := words[i]
			if retrieval.IsStopword(w) || auxStarts[w] || questionWords[w] {
				break
			}
			out = append(out, w)
		}
		return out
	}
	if i+1 < len(words) && (words[i] == "kind" || words[i] == "type" || words[i] == "sort") && words[i+1] == "of" {
		i += 2
	}
	got := collect(i)
	if len(got) == 0 && i+1 < len(words) && (words[i] == "is" || words[i] == "was" || words[i] == "are" || words[i] == "were") &&
		(words[i+1] == "the" || words[i+1] == "a" || words[i+1] == "an") {
		// "what is the style of …": the noun before "of"
		got = collect(i + 2)
		if end := i + 2 + len(got); end >= len(words) || words[end] != "of" {
			return ""
		}
	}
	if len(got) == 0 || genericClasses[got[len(got)-1]] {
		return ""
	}
	return strings.Join(got, " ")
}

// lookupClass resolves a class phrase in the lexicon: the longest tail of
// the phrase that is a noun with kinds under it ("political party", not
// "party"; "sport" for "sport team" only when "sport team" is unknown).
func lookupClass(phrase string) *class {
	if phrase == "" {
		return nil
	}
	lx := lexicon.Default()
	words := strings.Fields(phrase)
	for i := range words {
		tail := strings.Join(words[i:], " ")
		for _, base := range lx.Base(tail, lexicon.Noun) {
			if genericClasses[base] {
				continue
			}
			kinds := lx.HyponymsOfSenses(base, classSenses, maxClassKinds)
			if len(kinds) == 0 {
				continue
			}
			c := &class{lemma: base, stems: retrieval.Stems(base), kinds: map[string]bool{}, last: map[string]bool{}}
			for _, k := range kinds {
				c.kinds[k] = true
				f := strings.Fields(k)
				c.last[f[len(f)-1]] = true
				c.maxWords = max(c.maxWords, len(f))
			}
			c.maxWords = min(c.maxWords, maxKindWords)
			return c
		}
	}
	return nil
}

// kindValues returns the kinds of the class a sentence names, longest
// first at each place ("american football", not "football"), skipping
// words of the question's own names ("Scout the Skunk" names no animal).
func (c *class) kindValues(toks []retrieval.Token, qa *question) []value {
	lx := lexicon.Default()
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = strings.ToLower(t.Word)
	}
	var out []value
	for i := 0; i < len(toks); i++ {
		for n := min(c.maxWords, len(toks)-i); n >= 1; n-- {
			lastWord := lower[i+n-1]
			if qa.nameWords[lastWord] || retrieval.IsStopword(lastWord) || retrieval.IsStopword(lower[i]) {
				continue
			}
			phrase := strings.Join(lower[i:i+n], " ")
			key := ""
			switch {
			case c.last[lastWord] && c.kinds[phrase]:
				key = phrase
			case c.last[strings.TrimSuffix(lastWord, "s")] || c.last[strings.TrimSuffix(lastWord, "es")] ||
				strings.HasSuffix(lastWord, "ies") && c.last[strings.TrimSuffix(lastWord, "ies")+"y"]:
				// a plural: let the lexicon find its singular
				for _, b := range lx.Base(phrase, lexicon.Noun) {
					if c.kinds[b] {
						key = b
						break
					}
				}
			}
			if key == "" {
				continue
			}
			text := toks[i].Word
			for _, t := range toks[i+1 : i+n] {
				text += " " + t.Word
			}
			out = append(out, value{key: key, text: text, kind: vKind, pos: i})
			i += n - 1
			break
		}
	}
	return out
}

// valued reports whether the question's answers are values: figures,
// dates, or kinds of what a typed question asks for. Such accounts group
// and conflict by value.
func (qa *question) valued() bool {
	return qa.kind == kindQuantity || qa.kind == kindTime || qa.class != nil
}

func kindsOnly(vals []value) []value {
	var out []value
	for _, v := range vals {
		if v.kind == vKind {
			out = append(out, v)
		}
	}
	return out
}

// Expansion of a question's nouns by their kinds: "Does the list contain
// churches?" is answered by a list naming a basilica and a cathedral.
const (
	kindMatch      = 0.7 // coverage credit of a kind for its class
	expandSenses   = 2   // senses of a noun whose kinds are read
	maxNounKinds   = 60  // a noun with more kinds is too broad to expand
	maxExpandKinds = 8   // kinds per noun the corpus uses, added to the search
)

var nounDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "any": true, "some": true, "no": true, "his": true, "her": true,
	"its": true, "their": true, "this": true, "that": true, "these": true, "those": true, "which": true, "what": true,
}

// expandKinds adds to the search the single-word kinds of each of the
// question's common nouns that the corpus uses. Names, question words and
// the answer type of a typed question are not expanded: "sport" would
// take in every game.
func (e *Engine) expandKinds(qa *question) {
	var lx *lexicon.Lexicon
	toks := retrieval.TokenizeAll(qa.text)
	for i, t := range toks {
		w := strings.ToLower(t.Word)
		if w != t.Word || qa.nameWords[w] || auxStarts[w] || questionWords[w] || len(w) < 3 || retrieval.IsStopword(w) {
			continue
		}
		// Only a word used as a noun: after a determiner ("the church")
		// or plural ("churches"); "did she play" is no play.
		plural := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
		if !plural && (i == 0 || !nounDeterminers[strings.ToLower(toks[i-1].Word)]) {
			continue
		}
		if qa.class != nil && slices.Contains(qa.class.stems, t.Stem) {
			continue
		}
		if _, done := qa.kinds[t.Stem]; done {
			continue
		}
		if lx == nil {
			lx = lexicon.Default()
		}
		var got, words []string
		for _, base := range lx.Base(w, lexicon.Noun) {
			kinds := lx.HyponymsOfSenses(base, expandSenses, maxNounKinds+1)
			if len(kinds) > maxNounKinds {
				// A broad noun ("list": agenda, bill, menu, index…)
				// would drag in unrelated pages.
				continue
			}
			for _, k := range kinds {
				if strings.Contains(k, " ") {
					continue
				}
				st := retrieval.Stems(k)
				// A stem much shorter than its word may be another
				// word's ("protestant" → "protest").
				if len(st) != 1 || len(st[0]) < len(k)-2 || st[0] == t.Stem || !e.known[st[0]] || slices.Contains(got, st[0]) {
					continue
				}
				got = append(got, st[0])
				words = append(words, k)
				if len(got) == maxExpandKinds {
					break
				}
			}
		}
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
