package answer

import (
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
)

// A typed question asks for a kind of thing: "What sport is Ada Lind
// associated with?", "What kind of animal is Rex?", "What is the style
// of the old church?". Its answers are the words of a sentence that name
// a kind of that thing ("ice hockey" is a sport, "baroque" a style),
// looked up in WordNet (package lexicon). Two sources naming different
// kinds give different answers, as two sources giving different years do,
// unless the question asks for several ("what drugs were seized").

// class is the answer type of a typed question.
type class struct {
	lemma string   // "sport", "political party"
	stems []string // its stems: a sentence naming a kind covers them
	// plural is true when the question asks for several ("what drugs"):
	// sources naming different kinds then add up rather than disagree.
	plural bool
	// kinds holds the lemmas of the class's hyponyms and instances, and
	// last the last word of each, so most words are rejected by one look-up.
	kinds map[string]bool
	last  map[string]bool
	// maxWords is the longest lemma in kinds, in words.
	maxWords int
	lx       *lexicon.Lexicon
}

const (
	// maxClassKinds bounds the kinds read per class: "sport" has some
	// hundreds, "animal" many thousands, most of them rare species.
	maxClassKinds = 8000
	// classSenses is how many senses of a class word count: WordNet lists
	// the most frequent first, and the others make "sport" take in fun and
	// mutants, "position" every point in space.
	classSenses = 1
	// kindSenses is how many senses of a sentence's word may make it a
	// kind: "cricket" is an insect first and a game second. A rare second
	// sense still counts ("port" wine is a drug), and "joint" does not.
	kindSenses = 2
	// maxKindWords bounds the words of a kind looked for in a sentence
	// ("american football", "national liberal party").
	maxKindWords = 3
	// maxClasses bounds an engine's memo of resolved classes.
	maxClasses = 256
)

// genericClasses are heads of "what … " questions that name no answer
// type: "what name did…", "what kind of…".
var genericClasses = map[string]bool{
	"name": true, "thing": true, "kind": true, "type": true, "sort": true, "one": true,
	"part": true, "way": true, "something": true, "reason": true, "role": true, "purpose": true,
}

// classWords returns the words that may name the answer type of a
// question, in lower case, the word after them in lower case and the one
// after that as written: "what sport uses a puck" → [sport uses] "a"
// "puck", "which political party…" → [political party],
// "what kind of animal…" → [animal], "what is the style of…" → [style];
// nil when there are none. lookupClass picks the noun among them.
func classWords(written []string) (run []string, next, after string) {
	words := make([]string, len(written))
	for i, w := range written {
		words[i] = strings.ToLower(w)
	}
	if len(words) < 2 || words[0] != "what" && words[0] != "which" {
		return nil, "", ""
	}
	i := 1
	at := func(k int) string {
		if k < len(words) {
			return words[k]
		}
		return ""
	}
	collect := func(i int) ([]string, string, string) {
		var out []string
		for ; i < len(words) && len(out) < maxKindWords; i++ {
			w := words[i]
			if lang.IsStopword(w) || auxStarts[w] || questionWords[w] {
				break
			}
			out = append(out, w)
		}
		after := ""
		if i+1 < len(written) {
			after = written[i+1]
		}
		return out, at(i), after
	}
	if i+1 < len(words) && (words[i] == "kind" || words[i] == "type" || words[i] == "sort") && words[i+1] == "of" {
		i += 2
	}
	run, next, after = collect(i)
	if len(run) == 0 && i+1 < len(words) && beForms[words[i]] && (words[i+1] == "the" || words[i+1] == "a" || words[i+1] == "an") {
		// "what is the style of …": the noun before "of"
		run, next, after = collect(i + 2)
		if next != "of" {
			return nil, "", ""
		}
	}
	return run, next, after
}

// classes memoises resolved classes: building one reads up to
// maxClassKinds lemmas.
type classes struct {
	mu sync.Mutex
	m  map[string]*class
}

// lookupClass resolves a question's class words in the lexicon.
//   - The run ends before a verb: an inflected verb with an object after
//     it in the run ("what country produces wine") or before a
//     determiner ("what agency led the raid") is cut off with all after
//     it, unless the words up to it are a noun ("political parties in").
//   - Then the longest tail that is a noun with kinds under it is the
//     class ("political party"; "sport" in "what American sport"), else
//     the longest run from the first word ("sport" in "what sport
//     operated…").
//
// The class is plural, asking for several answers, when its noun is
// ("what drugs") or when "are"/"were" follows and no subject comes
// after it ("what arms were seized", not "what sport are the Lind
// brothers known for" nor "…are Ada and Per known for"). Nil when there
// is no class.
func (an *analyser) lookupClass(words []string, next, after string) *class {
	if len(words) == 0 {
		return nil
	}
	lx := an.k.lex()
	for i := 1; i < len(words); i++ {
		objectFollows := i < len(words)-1 || determiners[next]
		if !objectFollows || an.nounClass(lx, strings.Join(words[:i+1], " ")) {
			continue
		}
		if bases := lx.Base(words[i], lexicon.Verb); len(bases) > 0 && bases[0] != words[i] {
			words = words[:i]
			break
		}
	}
	la := strings.ToLower(after)
	several := (next == "were" || next == "are") && after != "" && after == la && !determiners[la] && !subjectPronouns[la]
	var runs []string
	for i := range words {
		runs = append(runs, strings.Join(words[i:], " "))
	}
	for n := len(words) - 1; n >= 1; n-- {
		runs = append(runs, strings.Join(words[:n], " "))
	}
	for _, phrase := range runs {
		for _, base := range lx.Base(phrase, lexicon.Noun) {
			if genericClasses[base] {
				continue
			}
			if c := an.classOf(lx, base); c != nil {
				copied := *c
				copied.plural = several || base != phrase
				return &copied
			}
		}
		if genericClasses[phrase] {
			return nil // "what name did…"
		}
	}
	return nil
}

// nounClass reports whether phrase is a noun with kinds ("political
// parties").
func (an *analyser) nounClass(lx *lexicon.Lexicon, phrase string) bool {
	for _, base := range lx.Base(phrase, lexicon.Noun) {
		if !genericClasses[base] && an.classOf(lx, base) != nil {
			return true
		}
	}
	return false
}

var subjectPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "you": true, "i": true}

// classOf returns the class of a noun lemma, or nil if it has no kinds.
func (an *analyser) classOf(lx *lexicon.Lexicon, lemma string) *class {
	an.classes.mu.Lock()
	c, ok := an.classes.m[lemma]
	an.classes.mu.Unlock()
	if ok {
		return c
	}
	// Built outside the lock: a large class takes tens of milliseconds,
	// and other questions should not wait for it.
	if kinds := lx.HyponymsOfSenses(lemma, classSenses, maxClassKinds); len(kinds) > 0 {
		c = &class{lemma: lemma, stems: lang.Stems(lemma), kinds: map[string]bool{}, last: map[string]bool{}, lx: lx}
		for _, k := range kinds {
			c.kinds[k] = true
			f := strings.Fields(k)
			c.last[f[len(f)-1]] = true
			c.maxWords = max(c.maxWords, len(f))
		}
		c.maxWords = min(c.maxWords, maxKindWords)
	}
	an.classes.mu.Lock()
	defer an.classes.mu.Unlock()
	if an.classes.m == nil || len(an.classes.m) >= maxClasses {
		an.classes.m = map[string]*class{}
	}
	an.classes.m[lemma] = c
	return c
}

// kindValues returns the kinds of the class a sentence names, longest
// first at each place ("american football", not "football"). A word of
// the question ("what drug was seized at the port": no port wine) or an
// acronym ("ICE", but "LSD") is a kind only in its first sense; single
// letters never are.
func (c *class) kindValues(lx *lexicon.Lexicon, toks []lang.Token, qa *Query) []value {
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = strings.ToLower(t.Word)
	}
	skip := func(i int) bool {
		return qa.nameWords[lower[i]] || lang.IsStopword(lower[i]) || len(toks[i].Word) < 2
	}
	// A word of the question ("what drug was seized at the port") or an
	// acronym ("ICE", but also "LSD") is a kind only in its first sense.
	strict := func(from, to int) bool {
		for k := from; k < to; k++ {
			if w := toks[k].Word; qa.words[lower[k]] || strings.ToUpper(w) == w {
				return true
			}
		}
		return false
	}
	var out []value
	for i := 0; i < len(toks); i++ {
		if skip(i) {
			continue
		}
		for n := min(c.maxWords, len(toks)-i); n >= 1; n-- {
			last := lower[i+n-1]
			if skip(i + n - 1) {
				continue
			}
			key := ""
			phrase := strings.Join(lower[i:i+n], " ")
			switch {
			case c.last[last] && c.kinds[phrase]:
				key = phrase
			case c.last[strings.TrimSuffix(last, "s")] || c.last[strings.TrimSuffix(last, "es")] ||
				strings.HasSuffix(last, "ies") && c.last[strings.TrimSuffix(last, "ies")+"y"]:
				// a plural: let the lexicon find its singular
				for _, b := range lx.Base(phrase, lexicon.Noun) {
					if c.kinds[b] {
						key = b
						break
					}
				}
			}
			senses := kindSenses
			if strict(i, i+n) {
				senses = 1
			}
			if key == "" || !lx.SenseIsA(key, senses, c.lemma, classSenses) {
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
func (qa *Query) valued() bool {
	return qa.kind == kindQuantity || qa.kind == kindTime || qa.class != nil
}

// kindsDisagree reports whether c names another kind than the cluster
// does, on a question asking for one kind.
func kindsDisagree(k *cluster, c *candidate, qa *Query) bool {
	if qa.class.plural {
		return false
	}
	p := c.primary()
	if p == nil || p.kind != vKind {
		return false
	}
	kinds := kindsOnly(k.allValues())
	for _, v := range kinds {
		if qa.class.kindMatch(v, *p) {
			return false
		}
	}
	return len(kinds) > 0
}

// kindMatch reports whether two kinds give the same answer: the same
// kind, or one a kind of the other ("fentanyl" is a "narcotic").
func (c *class) kindMatch(a, b value) bool {
	return valueMatch(a, b) || c.lx.SenseIsA(a.key, kindSenses, b.key, 0) || c.lx.SenseIsA(b.key, kindSenses, a.key, 0)
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
