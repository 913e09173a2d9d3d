package corpus

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
)

// Entities is the corpus's one registry of what names mean: an acronym and
// the name it abbreviates ("U.S. Immigration and Customs Enforcement (ICE)"
// → ice, which belongs to the United States), a country and its spellings
// and demonyms through WordNet (American, U.S., United States → one key;
// Mexican → Mexico), and a person's surname for the full name. Claims,
// disputes and questions all read names through it, so "American agents" in
// a question and "ICE" in a document meet.
//
// It is built once per corpus and read-only afterwards.
type Entities struct {
	lex *lexicon.Lexicon
	// alias maps a folded lower-case name to its key.
	alias map[string]string
	// parent maps a key to the key of what it belongs to (ice → united states).
	parent map[string]string
	// lower holds words the corpus writes in lower case mid-sentence:
	// "Security" in a name is a common word, "Sheinbaum" is not.
	lower map[string]bool
	// capital holds words the corpus writes capitalised mid-sentence, so a
	// sentence-initial capital is read as a name only when it is one.
	capital map[string]bool
	// defs maps each long form the corpus defines an acronym for, as
	// written, to the acronym: "U.S. Immigration and Customs Enforcement"
	// → "ICE".
	defs    map[string]string
	lemmas  sync.Map // word → lemma
	display sync.Map // key → a name written for it
}

var acronymDef = regexp.MustCompile(`((?:[A-Z][\w.'’-]*\s+(?:(?:and|of|for|the|de|del|la|on)\s+)*){1,8})\(([A-Z][A-Za-z]{1,7})\)`)

// NewEntities learns the registry from a corpus. lex may be nil (no
// countries, demonyms or lemmas: names are matched as written).
func NewEntities(c *Corpus, lex *lexicon.Lexicon) *Entities {
	e := &Entities{lex: lex, alias: map[string]string{}, parent: map[string]string{}, lower: map[string]bool{}, capital: map[string]bool{}, defs: map[string]string{}}
	for _, d := range c.Docs() {
		for _, s := range d.Sentences {
			if s.Boilerplate {
				continue
			}
			toks := lang.TokenizeAll(s.Text)
			for i, t := range toks {
				r, _ := utf8.DecodeRuneInString(t.Word)
				switch {
				case unicode.IsLower(r):
					e.lower[t.Word] = true
				case unicode.IsUpper(r) && i > 0:
					e.capital[strings.ToLower(t.Word)] = true
				}
			}
			if strings.Contains(s.Text, "(") {
				e.learnAcronyms(s.Text)
			}
		}
	}
	return e
}

// learnAcronyms records "Long Name (ACR)": the long name is an alias of the
// acronym, and a country that opens the long name ("U.S. Immigration …")
// is what the acronym belongs to.
func (e *Entities) learnAcronyms(text string) {
	for _, m := range acronymDef.FindAllStringSubmatch(text, -1) {
		long, acr := strings.TrimSpace(m[1]), m[2]
		if !initialsMatch(long, acr) {
			continue
		}
		key := strings.ToLower(acr)
		e.alias[foldKey(long)] = key
		e.defs[long] = acr
		toks := lang.TokenizeAll(long)
		if len(toks) > 0 {
			// "U.S. Immigration …" belongs to the U.S.; "ICE's Homeland
			// Security Investigations" to ICE.
			if c := e.country(toks[0].Word); c != "" && c != key {
				e.parent[key] = c
			} else if w := toks[0].Word; isAllCaps(w) && len(toks) > 1 && strings.ToLower(w) != key {
				e.parent[key] = strings.ToLower(w)
			}
		}
	}
}

// initialsMatch checks that an acronym plausibly abbreviates a name: its
// letters are the initials of the name's capitalised words, in order,
// allowing leading words (the "U.S." of "U.S. Immigration…") to be skipped.
func initialsMatch(long, acr string) bool {
	var initials []byte
	for _, w := range strings.Fields(long) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			initials = append(initials, w[0])
		}
	}
	return len(acr) >= 2 && strings.HasSuffix(string(initials), strings.ToUpper(acr))
}

func foldKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(lang.Fold(s))), " ")
}

// EntitiesData is what a data directory keeps of the registry, so opening
// an index does not read every sentence again.
type EntitiesData struct {
	Alias, Parent, Defs map[string]string
	Lower, Capital      map[string]bool
}

// Data returns what a data directory keeps of e.
func (e *Entities) Data() EntitiesData {
	return EntitiesData{Alias: e.alias, Parent: e.parent, Defs: e.defs, Lower: e.lower, Capital: e.capital}
}

// restoreEntities is the registry read back from a data directory.
func restoreEntities(d EntitiesData, lex *lexicon.Lexicon) *Entities {
	orEmpty := func(m map[string]string) map[string]string {
		if m == nil {
			return map[string]string{}
		}
		return m
	}
	e := &Entities{lex: lex, alias: orEmpty(d.Alias), parent: orEmpty(d.Parent), defs: orEmpty(d.Defs), lower: d.Lower, capital: d.Capital}
	if e.lower == nil {
		e.lower = map[string]bool{}
	}
	if e.capital == nil {
		e.capital = map[string]bool{}
	}
	return e
}

// Definitions returns the acronyms the corpus defines, by their long form
// as written ("U.S. Immigration and Customs Enforcement" → "ICE").
func (e *Entities) Definitions() map[string]string { return e.defs }

// Key is the key of one name as written ("U.S. Immigration and Customs
// Enforcement" → "ice"; "America" → the United States' key).
func (e *Entities) Key(name string) string {
	k := foldKey(name)
	if a, ok := e.alias[k]; ok {
		return a
	}
	if c := e.country(name); c != "" {
		return c
	}
	return k
}

// Related reports whether key a names b or something b belongs to, or the
// other way round ("ice" and "united states"; "hsi" and "ice"), or both
// belong to one organisation.
func (e *Entities) Related(a, b string) bool {
	return a == b || e.parent[a] == b || e.parent[b] == a
}

// Parent is the key of what key belongs to ("hsi" → "ice"), or "".
func (e *Entities) Parent(key string) string { return e.parent[key] }

// country returns the key of a country named or described by word ("U.S.",
// "America", "American", "Mexican"), or "". A country's key is the first
// lemma of its first WordNet sense, so every spelling of it meets.
func (e *Entities) country(word string) string {
	if e.lex == nil {
		return ""
	}
	w := strings.ToLower(lang.Fold(word))
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return ""
	}
	if k := e.countryKey(w); k != "" {
		return k
	}
	for _, n := range e.lex.Pertainyms(w) {
		if k := e.countryKey(n); k != "" {
			return k
		}
	}
	// "Americans", "Mexicans": the people of a country stand for it as
	// its adjective does.
	if strings.HasSuffix(w, "s") && len(w) > 4 {
		for _, n := range e.lex.Pertainyms(w[:len(w)-1]) {
			if k := e.countryKey(n); k != "" {
				return k
			}
		}
	}
	return ""
}

// IsCapital reports whether key names a national capital ("washington",
// "mexico city"), which news writes for its country's government.
func (e *Entities) IsCapital(key string) bool {
	return e.lex != nil && !strings.Contains(key, ":") && e.lex.SenseIsA(key, 1, "national capital", 1)
}

// countryKey keys a country by its first WordNet sense, so that every
// spelling sharing that sense ("us", "america", "united states") meets.
func (e *Entities) countryKey(w string) string {
	if !e.lex.SenseIsA(w, 1, "country", 2) {
		return ""
	}
	ss := e.lex.Senses(w, lexicon.Noun, 1)
	if len(ss) == 0 {
		return ""
	}
	key := "country:" + strconv.Itoa(int(ss[0]))
	e.display.LoadOrStore(key, w)
	return key
}

// Display is a key as a reader should see it: the name it was first
// written as.
func (e *Entities) Display(key string) string {
	if v, ok := e.display.Load(key); ok {
		return v.(string)
	}
	return key
}

// nameRun is one name in a token list: tokens [from, to) and its keys.
type nameRun struct {
	from, to int
	keys     []string
}

// nameConnectors may sit inside a name ("Bank of America").
var nameConnectors = setOf("of", "de", "del", "la", "and", "for", "the", "y", "da", "von", "van")

// namesIn finds the names of a tokenized text: runs of capitalised words
// (a sentence-initial word only when the corpus capitalises it elsewhere),
// acronyms, and demonyms. Each gets its own key, the keys of its parts that
// the corpus never writes in lower case (a surname), and the key of what it
// belongs to.
func (e *Entities) namesIn(toks []lang.Token) []nameRun {
	var out []nameRun
	for i := 0; i < len(toks); i++ {
		if !e.isNameWord(toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) {
			if e.isNameWord(toks, j) {
				j++
				continue
			}
			if nameConnectors[strings.ToLower(toks[j].Word)] && j+1 < len(toks) && e.isNameWord(toks, j+1) {
				// "and" joins two names ("ICE and HSI") unless the whole is
				// a name the corpus defines ("Immigration and Customs
				// Enforcement").
				if strings.ToLower(toks[j].Word) != "and" || e.definesRun(toks, i, j) {
					j += 2
					continue
				}
			}
			break
		}
		out = append(out, nameRun{from: i, to: j, keys: e.runKeys(toks[i:j])})
		i = j - 1
	}
	return out
}

// definesRun reports whether the name run from i across the "and" at j is
// a long form the corpus defines an acronym for.
func (e *Entities) definesRun(toks []lang.Token, i, j int) bool {
	end := j + 1
	for end < len(toks) && (e.isNameWord(toks, end) || nameConnectors[strings.ToLower(toks[end].Word)] && strings.ToLower(toks[end].Word) != "and") {
		end++
	}
	ws := make([]string, 0, end-i)
	for _, t := range toks[i:end] {
		ws = append(ws, t.Word)
	}
	for k := len(ws); k > j-i+1; k-- {
		if _, ok := e.alias[foldKey(strings.Join(ws[:k], " "))]; ok {
			return true
		}
	}
	return false
}

func (e *Entities) isNameWord(toks []lang.Token, i int) bool {
	w := toks[i].Word
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	lw := strings.ToLower(w)
	if lang.IsStopword(lw) && w != "US" {
		return false
	}
	if _, ok := lang.Month(lw); ok || lang.IsWeekday(lw) {
		return false
	}
	if i == 0 && !e.capital[lw] && !isAllCaps(w) && e.lower[lw] {
		return false
	}
	return true
}

func isAllCaps(w string) bool { return len(w) >= 2 && strings.ToUpper(w) == w }

// runKeys are the keys of one name run.
func (e *Entities) runKeys(run []lang.Token) []string {
	words := make([]string, len(run))
	for k, t := range run {
		words[k] = t.Word
	}
	full := strings.Join(words, " ")
	keys := []string{e.Key(full)}
	e.display.LoadOrStore(keys[0], full)
	for _, t := range run {
		lw := strings.ToLower(t.Word)
		if nameConnectors[lw] {
			continue
		}
		if c := e.country(t.Word); c != "" {
			keys = appendUnique(keys, c)
			continue
		}
		if len(run) > 1 && (isAllCaps(t.Word) || !e.lower[lw]) {
			k := e.Key(t.Word)
			e.display.LoadOrStore(k, t.Word)
			keys = appendUnique(keys, k)
		}
	}
	for _, k := range keys {
		if p := e.parent[k]; p != "" {
			keys = appendUnique(keys, p)
		}
	}
	return keys
}

// Names returns the keys of the names in text.
func (e *Entities) Names(text string) []string {
	var out []string
	for _, n := range e.namesIn(lang.TokenizeAll(text)) {
		out = appendUnique(out, n.keys...)
	}
	return out
}

// lemma is a content word's dictionary form, noun first ("labs" → "lab",
// "led" → "lead"), or the word.
func (e *Entities) lemma(w string) string {
	if v, ok := e.lemmas.Load(w); ok {
		return v.(string)
	}
	l := w
	if e.lex != nil {
		if b := e.lex.Base(w, lexicon.Noun); len(b) > 0 {
			l = b[0]
		} else if b := e.lex.Base(w, lexicon.Verb); len(b) > 0 {
			l = b[0]
		}
	}
	e.lemmas.Store(w, l)
	return l
}

func (e *Entities) isNoun(w string) bool {
	return e.lex != nil && len(e.lex.Base(w, lexicon.Noun)) > 0
}

// isModifier is an adjective that is not first of all a noun ("poor",
// "sudden"), skipped when looking for the noun heading a phrase.
func (e *Entities) isModifier(w string) bool {
	return e.lex != nil && e.lex.IsAdjective(w) && len(e.lex.Senses(w, lexicon.Noun, 0)) < 2
}

// questionAux open the verb phrase of a question ("what did X seize").
var questionAux = setOf("did", "does", "do", "will", "would", "can", "could", "should", "has", "have", "had")

// determinersBefore mark the word after them as a noun ("the ferry").
var determinersBefore = setOf("the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "no", "any", "some", "every", "each")

// auxBefore mark the word after them as a verb ("was overloaded", "did not
// lead", "to participate").
var auxBefore = setOf("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
	"will", "would", "can", "could", "may", "might", "must", "should", "shall", "to", "not", "n't", "never", "it", "he", "she", "they", "we", "i")

// isPredicateAt reports whether the word at i is used as a predicate: a
// verb form (after an auxiliary or a pronoun, or ending -ed/-ing) or an
// adjective, not a noun after a determiner.
func (e *Entities) isPredicateAt(toks []lang.Token, i int) bool {
	if e.lex == nil {
		return false
	}
	w := strings.ToLower(toks[i].Word)
	prev := ""
	if i > 0 {
		prev = strings.ToLower(toks[i-1].Word)
	}
	if determinersBefore[prev] {
		return false
	}
	// "polling stations", "operating room": a verb's form that begins a
	// compound noun the dictionary knows names a thing, not an act.
	if i+1 < len(toks) && len(e.lex.Senses(w+" "+strings.ToLower(toks[i+1].Word), lexicon.Noun, 1)) > 0 {
		return false
	}
	verb := len(e.lex.Base(w, lexicon.Verb)) > 0
	switch {
	case verb && (auxBefore[prev] || strings.HasSuffix(w, "ed")):
		return true
	case verb && strings.HasSuffix(w, "ing"):
		// "that evening", "on Monday morning": after a word of time an
		// -ing word the dictionary knows as a noun is that noun; else it
		// is the verb ("denied shooting protesters").
		return !(timeBefore[prev] || lang.IsWeekday(prev)) || !slices.Contains(e.lex.Base(w, lexicon.Noun), w)
	}
	return e.lex.IsAdjective(w) && len(e.lex.Senses(w, lexicon.Noun, 0)) == 0
}

// timeBefore are words after which an -ing noun names a time ("that
// evening", "every morning", "yesterday evening").
var timeBefore = setOf("that", "this", "last", "next", "every", "each", "yesterday", "tomorrow", "early", "late")

// negativePrefixes turn an adjective into its opposite ("unsafe").
var negativePrefixes = []string{"un", "in", "im", "il", "ir", "dis", "non"}

// negatedAdjective returns the adjective a negative-prefixed adjective
// denies ("unsafe" → "safe", "impossible" → "possible"), when both are
// adjectives the dictionary knows.
func (e *Entities) negatedAdjective(w string) (string, bool) {
	if e.lex == nil || len(w) < 6 {
		return "", false
	}
	for _, p := range negativePrefixes {
		base, ok := strings.CutPrefix(w, p)
		base = strings.TrimPrefix(base, "-")
		// "dismantled" is a verb's form, not "not mantled".
		if ok && len(base) >= 4 && e.lex.IsAdjective(w) && e.lex.IsAdjective(base) && len(e.lex.Base(w, lexicon.Verb)) == 0 {
			return base, true
		}
	}
	return "", false
}

// Frame reads a question (or any text) the way claims are read: the keys
// of its names, the lemmas of its other content words, and those of them
// used as predicates ("seized" in "what was seized").
func (e *Entities) Frame(text string) (names, words, preds []string) {
	toks := lang.TokenizeAll(text)
	runs := e.namesIn(toks)
	for _, n := range runs {
		names = appendUnique(names, n.keys...)
	}
	aux, main := false, false
	for i, t := range toks {
		lw := strings.ToLower(t.Word)
		if questionAux[lw] {
			aux = true
		}
		if runAt(runs, i) >= 0 || lang.IsStopword(lw) || len(lw) < 3 || isNumber(lw) || negations[lw] {
			continue
		}
		l := e.lemmaAt(toks, i)
		if base, ok := e.negatedAdjective(lw); ok {
			// "unsafe" is about "safe", as claims read it.
			lw, l = base, base
		}
		words = appendUnique(words, l)
		// "What did the agency seize": the first verb after the
		// auxiliary is what the question asks of its subject.
		first := aux && !main && e.lex != nil && len(e.lex.Base(lw, lexicon.Verb)) > 0 && !determinersBefore[strings.ToLower(toks[max(0, i-1)].Word)]
		phrasal := ""
		if i+1 < len(toks) {
			phrasal = phrasalVerbs[lowerBase(e, lw)+" "+strings.ToLower(toks[i+1].Word)]
			if !phrasalFits(toks, i, phrasal) {
				phrasal = ""
			}
		}
		if phrasal != "" {
			// "Did they say no to the pumps?" asks whether they refused.
			l = phrasal
			words = appendUnique(words, l)
		}
		if first {
			main = true
			if b := e.lex.Base(lw, lexicon.Verb); len(b) > 0 && phrasal == "" {
				l = b[0]
			}
		}
		if first || e.isPredicateAt(toks, i) {
			preds = appendUnique(preds, l)
		}
	}
	return names, words, preds
}

// lemmaAt is the lemma of the word at i, as a verb where it is used as a
// predicate ("led" → "lead", not the noun "LED").
func (e *Entities) lemmaAt(toks []lang.Token, i int) string {
	w := strings.ToLower(toks[i].Word)
	if e.lex != nil && e.isPredicateAt(toks, i) {
		if b := e.lex.Base(w, lexicon.Verb); len(b) > 0 {
			if i+1 < len(toks) {
				// "turned down the offer" refuses it.
				if p, ok := phrasalVerbs[b[0]+" "+strings.ToLower(toks[i+1].Word)]; ok && phrasalFits(toks, i, p) {
					return p
				}
			}
			return b[0]
		}
	}
	return e.lemma(w)
}

// phrasalVerbs are verbs whose particle makes them another verb: the one
// a question or another source may use instead.
var phrasalVerbs = map[string]string{
	"turn down": "refuse", "call off": "cancel", "put off": "postpone", "shut down": "close",
	"give up": "abandon", "look into": "investigate", "rule out": "exclude", "step down": "resign",
	"cover up": "conceal", "play down": "minimize", "carry out": "perform",
	"hand over": "surrender", "pull out": "withdraw", "back down": "retreat", "break down": "fail",
	"blow up": "explode", "hold back": "withhold",
	"say no": "refuse",
}

// phrasalFits reports whether the phrasal verb at i means p here: "turn
// down" refuses an offer or a request, but lowers a temperature.
func phrasalFits(toks []lang.Token, i int, p string) bool {
	if p != "refuse" || !strings.EqualFold(toks[i+1].Word, "down") {
		return true
	}
	for k := i + 2; k < len(toks) && k <= i+6; k++ {
		if offerNouns[strings.ToLower(toks[k].Word)] {
			return true
		}
	}
	return false
}

// offerNouns are what one refuses by turning it down.
var offerNouns = setOf("offer", "offers", "request", "requests", "help", "invitation", "proposal", "proposals", "bid",
	"plea", "application", "appeal", "demand", "demands", "deal", "aid", "assistance")

// lowerBase is the verb base of w, or w in lower case.
func lowerBase(e *Entities, w string) string {
	w = strings.ToLower(w)
	if e.lex != nil {
		if b := e.lex.Base(w, lexicon.Verb); len(b) > 0 {
			return b[0]
		}
	}
	return w
}

func (e *Entities) isAdjective(w string) bool { return e.lex != nil && e.lex.IsAdjective(w) }

func (e *Entities) isVerb(w string) bool { return e.lex != nil && len(e.lex.Base(w, lexicon.Verb)) > 0 }

// Negative reports whether text is put negatively: an odd number of
// negations and negated adjectives ("Was the plant unsafe?", "Did no
// agent take part?").
func (e *Entities) Negative(text string) bool {
	n := 0
	toks := lang.TokenizeAll(text)
	for i, t := range toks {
		w := strings.ToLower(t.Word)
		if negations[w] && i > 0 && strings.EqualFold(toks[i-1].Word, "or") {
			// "overloaded or not?" asks both ways.
			continue
		}
		if w == "no" && i > 0 && phrasalVerbs[lowerBase(e, toks[i-1].Word)+" no"] != "" {
			continue // "Did they say no to the pumps?" asks whether they refused
		}
		if negations[w] {
			n++
		} else if _, ok := e.negatedAdjective(w); ok {
			n++
		}
	}
	return n%2 == 1
}

func (e *Entities) isNegatedAdjective(w string) bool { _, ok := e.negatedAdjective(w); return ok }
