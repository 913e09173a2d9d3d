package answer

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/lang"
)

// MaxQuestionBytes bounds a question: longer text is almost certainly a
// pasted document, and scoring it against every sentence would be slow.
const MaxQuestionBytes = 1000

// Error kinds a caller can show a user as they are.
var (
	// ErrInvalidQuestion wraps every problem with the question itself.
	ErrInvalidQuestion = errors.New("invalid question")
)

// kind is what sort of answer a question asks for; it decides which values
// of a sentence are the answer-bearing ones.
type kind int

const (
	kindOpen     kind = iota // what/which/how: any value
	kindYesNo                // did/is/was…: stance decides
	kindQuantity             // how many/how much: numbers
	kindTime                 // when/what year: years and dates
	kindPerson               // who: names
	kindPlace                // where: names
)

// Query is a question analysed once, by the analysis stage (see
// analyser): every later stage reads it, none analyses the text again.
type Query struct {
	text   string
	search string // text given to retrieval: the question, plus expansions
	kind   kind
	stems  []string // content stems, in order, unique
	// counted is the stem of the thing a "how many" question counts
	// ("how many drug lords were…" → "lord"), or "".
	counted string
	// asksPercent is true for "what percentage…": only shares answer.
	asksPercent bool
	// oneHolder is true for "who is/was the ROLE of X": a role one
	// person holds, so two sources naming different people disagree.
	oneHolder bool
	role      string // the stem of that role ("manag", "artist")
	roleOf    []name // the names the role is of ("Tullow Rovers")
	// negative is true for a question asking whether something was
	// denied or is false; its yes and no swap.
	negative bool
	// relStems are the content stems outside the question's names: the
	// relation asked about ("population", "born", "artist").
	relStems []string
	// names are the proper names of the question, each a run of
	// capitalised words; a question naming something no document mentions
	// is abstained on.
	names []name
	// classWords may name the answer type of an open question ("what
	// sport…"); class is that type once resolved in the lexicon, or nil.
	classWords []string
	classNext  string // the word after classWords, in lower case
	classAfter string // the one after that, as written
	class      *class
	// kinds maps a stem of the question's nouns to the stems of its kinds
	// that the corpus uses: "church" → "cathedr", "basilica".
	kinds map[string][]string
	// synonyms maps the stem of a question word no document writes to the
	// stems of its synonyms that documents do: "photo" → "photograph".
	synonyms map[string][]string
	// preds are the lemmas the question uses as predicates, read once
	// when a synonym needs them.
	preds []string
	// notes tell the reader how the question was read when that is not
	// obvious: a name searched under another spelling.
	notes []string
	// texts holds the words of documents searched for names, per question.
	texts map[string]docWords
	// nameWords are the lower-case words of the question's names.
	nameWords map[string]bool
	// words are all folded lower-case words of the question, for telling
	// a sentence's new values from the ones the question already names.
	words map[string]bool
	// w are the weights the answer is chosen with.
	w *Weights
	// frame is the question read the way claims are read (entity keys and
	// lemmas), for matching by meaning: "American" meets "U.S.",
	// "take part" meets "participate".
	frame frame
}

// checkQuestion trims q and rejects empty, oversized or binary input.
func checkQuestion(q string) (string, error) {
	q = strings.TrimSpace(q)
	switch {
	case q == "":
		return "", fmt.Errorf("%w: the question is empty; ask something like \"Did US agents operate in Sinaloa?\"", ErrInvalidQuestion)
	case len(q) > MaxQuestionBytes:
		return "", fmt.Errorf("%w: the question is %d bytes, the limit is %d; ask one short question", ErrInvalidQuestion, len(q), MaxQuestionBytes)
	case !utf8.ValidString(q):
		return "", fmt.Errorf("%w: the question is not valid UTF-8 text", ErrInvalidQuestion)
	}
	if len(lang.Stems(q)) == 0 {
		return "", fmt.Errorf("%w: the question has no words to search for; ask about a person, place or event", ErrInvalidQuestion)
	}
	return q, nil
}

var auxStarts = map[string]bool{
	"did": true, "does": true, "do": true, "is": true, "are": true, "was": true, "were": true,
	"has": true, "have": true, "had": true, "can": true, "could": true, "will": true, "would": true,
	"should": true, "shall": true, "may": true, "might": true, "must": true,
}

// questionWords never count as entities even when capitalised.
var questionWords = map[string]bool{
	"what": true, "who": true, "whom": true, "whose": true, "when": true, "where": true, "which": true,
	"why": true, "how": true, "according": true, "tell": true, "list": true, "name": true, "give": true,
	"explain": true, "describe": true, "please": true, "in": true, "on": true, "for": true, "as": true,
}

// oneHolder matches "who is/was the ROLE of|for …": one role, one holder.
// "Who are the directors…" asks for several; "who said…" for speakers.
var oneHolder = regexp.MustCompile(`^\s*who\s+(?:is|was)\s+(?:the\s+)?(?:current\s+|first\s+|original\s+)?([a-z]+)\s+(?:of|for|behind)\b`)

func parseQuery(q string) Query {
	folded := lang.Fold(q)
	lower := strings.ToLower(folded)
	qa := Query{text: q, search: q, words: map[string]bool{}, w: &DefaultWeights}
	for _, w := range strings.FieldsFunc(lower, notWordRune) {
		qa.words[trimPossessive(w)] = true
	}
	first := firstWord(lower)
	switch {
	case strings.Contains(lower, "how many") || strings.Contains(lower, "how much") ||
		strings.Contains(lower, "what number") || strings.Contains(lower, "how old") ||
		strings.Contains(lower, "how long") || strings.Contains(lower, "how far") ||
		strings.Contains(lower, "how tall") || strings.Contains(lower, "how high") ||
		strings.Contains(lower, "how big") || strings.Contains(lower, "how large") ||
		strings.Contains(lower, "how heavy") || strings.Contains(lower, "how fast") ||
		strings.Contains(lower, "how deep") || strings.Contains(lower, "how wide") ||
		strings.Contains(lower, "what percentage") || strings.Contains(lower, "what percent") ||
		strings.Contains(lower, "what share") || strings.Contains(lower, "what proportion") ||
		strings.Contains(lower, "what fraction") ||
		strings.Contains(lower, "population"):
		qa.kind = kindQuantity
	case first == "when" || qa.words["date"] || qa.words["birthday"] || strings.Contains(lower, "what year") || strings.Contains(lower, "which year") ||
		strings.Contains(lower, "what day") || strings.Contains(lower, "which day") || strings.Contains(lower, "what month") || strings.Contains(lower, "which month") ||
		strings.Contains(lower, "what date") || strings.Contains(lower, "in what year") || strings.Contains(lower, "what time"):
		qa.kind = kindTime
	case first == "who" || first == "whom" || first == "whose":
		qa.kind = kindPerson
	case first == "where":
		qa.kind = kindPlace
	case auxStarts[first]:
		qa.kind = kindYesNo
	default:
		qa.kind = kindOpen
	}
	seen := map[string]bool{}
	for _, s := range lang.Stems(q) {
		if !seen[s] {
			seen[s] = true
			qa.stems = append(qa.stems, s)
		}
	}
	qa.counted = countedNoun(lower)
	qa.names = quotedNames(folded, questionNames(folded))
	qa.nameWords = map[string]bool{}
	for _, n := range qa.names {
		for _, w := range n.words {
			qa.nameWords[strings.ToLower(w)] = true
		}
	}
	if qa.kind == kindOpen {
		var ws []string
		for _, t := range lang.TokenizeAll(folded) {
			ws = append(ws, t.Word)
		}
		qa.classWords, qa.classNext, qa.classAfter = classWords(ws)
	}
	qa.negative = denial.MatchString(folded)
	qa.asksPercent = qa.kind == kindQuantity && (strings.Contains(lower, "what percent") || strings.Contains(lower, "what share") ||
		strings.Contains(lower, "what proportion") || strings.Contains(lower, "what fraction"))
	if m := oneHolder.FindStringSubmatchIndex(lower); m != nil && qa.kind == kindPerson {
		if st := lang.Stems(lower[m[2]:m[3]]); len(st) == 1 {
			qa.oneHolder, qa.role = true, st[0]
			// What the role is of: the names after it ("of Tullow
			// Rovers", "of the album "Vell"").
			for _, n := range qa.names {
				if len(n.words) > 0 && strings.Contains(lower[m[1]:], strings.ToLower(n.words[0])) {
					qa.roleOf = append(qa.roleOf, n)
				}
			}
		}
	}
	inName := map[string]bool{}
	for _, n := range qa.names {
		for _, st := range n.stems {
			inName[st] = true
		}
	}
	for _, st := range qa.stems {
		if !inName[st] {
			qa.relStems = append(qa.relStems, st)
		}
	}
	return qa
}

// countedNoun returns the stem of the last word of the phrase after "how
// many"/"how much", up to the first function word: the head noun of
// "how many drug lords were extradited".
func countedNoun(lower string) string {
	_, after, ok := strings.Cut(lower, "how many ")
	if !ok {
		_, after, ok = strings.Cut(lower, "how much ")
	}
	if !ok {
		return ""
	}
	head := ""
	for _, t := range lang.TokenizeAll(after) {
		w := strings.ToLower(t.Word)
		if lang.IsStopword(w) || auxStarts[w] {
			break
		}
		head = t.Stem
	}
	return head
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }

func trimPossessive(w string) string {
	w = strings.TrimSuffix(w, "'s")
	return strings.Trim(w, "'")
}

func firstWord(s string) string {
	f := strings.FieldsFunc(s, notWordRune)
	if len(f) == 0 {
		return ""
	}
	// "didn't" asks like "did"
	return strings.TrimSuffix(f[0], "n't")
}

// name is one proper name of a question: its words as written and their
// stems.
type name struct {
	words []string
	stems []string
	// phrase is set for a title the question quotes ("The 1975"): its
	// words as written, one space apart. A document mentions such a name
	// only by writing the whole phrase.
	phrase string
}

// questionNames returns the runs of capitalised words and acronyms of the
// question that are not question or stop words ("Ada Okafor", "Norway").
func questionNames(folded string) []name {
	var out []name
	var cur *name
	last := -2
	for i, t := range lang.TokenizeAll(folded) {
		r, _ := utf8.DecodeRuneInString(t.Word)
		lw := strings.ToLower(t.Word)
		skip := !unicode.IsUpper(r) || questionWords[lw] || auxStarts[lw] ||
			(lang.IsStopword(lw) && t.Stem != "usa") ||
			// The first word is capitalised by grammar, not because it
			// names something, unless it is an acronym.
			(i == 0 && strings.ToUpper(t.Word) != t.Word)
		if skip {
			continue
		}
		if cur == nil || last != i-1 {
			out = append(out, name{})
			cur = &out[len(out)-1]
		}
		cur.words = append(cur.words, t.Word)
		cur.stems = append(cur.stems, t.Stem)
		last = i
	}
	return out
}

// maxTitleWords bounds a quoted title; a longer quote is a statement.
const maxTitleWords = 8

// quoted matches a double-quoted span of a folded question.
var quoted = regexp.MustCompile(`"([^"]{1,120})"`)

// quotedNames replaces the names inside each quoted title of the question
// by the title as a whole: "The 1975" names a band, not a year, and
// "War Music" is not any page with "war" and "music" on it. A quoted span
// without a capital or a digit is a scare quote ("a "hoax""), not a title.
func quotedNames(folded string, names []name) []name {
	for _, m := range quoted.FindAllStringSubmatch(folded, -1) {
		span := m[1]
		if !strings.ContainsFunc(span, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) ||
			strings.ContainsAny(span, "?!") || len(strings.Fields(span)) > maxTitleWords {
			// A quoted question or statement is not a title.
			continue
		}
		var n name
		for _, t := range lang.TokenizeAll(span) {
			lw := strings.ToLower(t.Word)
			n.phrase += " " + t.Word
			if lang.IsStopword(lw) {
				continue
			}
			n.words = append(n.words, t.Word)
			n.stems = append(n.stems, t.Stem)
		}
		n.phrase = strings.TrimSpace(n.phrase)
		if len(n.stems) == 0 {
			continue
		}
		inside := map[string]bool{}
		for _, st := range n.stems {
			inside[st] = true
		}
		names = slices.DeleteFunc(names, func(o name) bool {
			for _, st := range o.stems {
				if !inside[st] {
					return false
				}
			}
			return true
		})
		names = append(names, n)
	}
	return names
}

// phraseWords is text with every run of non-word characters made one
// space, for finding a name in a document.
func phraseWords(text string) string {
	var b strings.Builder
	for _, t := range lang.TokenizeAll(text) {
		b.WriteByte(' ')
		b.WriteString(t.Word)
	}
	b.WriteByte(' ')
	return b.String()
}
