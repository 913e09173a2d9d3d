package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
)

// unmentioned returns what the question is about that no document
// mentions, when that is reason to abstain. A question about something the
// corpus never mentions is not answered from what it does mention. A long
// question that names many things may carry one aside the corpus lacks; it
// is abstained on only when at least half of its names are unknown, or
// when the unknown one is its first: the subject it asks about ("How did
// the Canadian government react to the raid in Sinaloa?").
func (an *analyser) unmentioned(qa *Query) []string {
	missing := an.unknownEntities(qa)
	subjectUnknown := len(missing) > 0 && len(qa.names) > 0 && missing[0] == strings.Join(qa.names[0].words, " ")
	if len(missing) == 0 || 2*len(missing) < len(qa.names) && !subjectUnknown {
		missing = nil
	}
	if s := an.unknownSubject(qa); s != "" && len(missing) == 0 {
		missing = []string{s}
	}
	return missing
}

// unknownEntities returns the question's names that no document
// mentions. A name counts as mentioned when one of its words is in the
// corpus ("John Smyth" when the corpus spells "Jon Smyth") or a word of
// the corpus is one typo away from it.
func (an *analyser) unknownEntities(qa *Query) []string {
	var out []string
	for _, n := range qa.names {
		known := false
		for _, s := range n.stems {
			if an.k.known[s] || len(n.words) == 1 && an.nearName(s) || len(n.words) > 1 && an.nearSpelling(s) {
				known = true
				break
			}
		}
		for _, w := range n.words {
			known = known || len(an.relatedForms(w)) > 0
		}
		if known && an.ofCommonWords(n) && !an.phraseWritten(n) {
			// "the World Health Organization" is not mentioned by a
			// corpus that writes "world", "health" and "organization"
			// apart: a name made of common words is known only as the
			// phrase.
			known = false
		}
		if !known {
			out = append(out, strings.Join(n.words, " "))
		}
	}
	return out
}

// unknownSubject returns the subject of a question written in lower case
// ("how did norway react…", "what did the mayor say…") when no document
// mentions it: the phrase after the auxiliary, past a determiner, up to
// its verb. Names written with a capital are judged by unknownEntities;
// this catches the same question typed without capitals.
func (an *analyser) unknownSubject(qa *Query) string {
	toks := lang.TokenizeAll(lang.Fold(qa.text))
	for i := 0; i+1 < len(toks); i++ {
		aux := strings.ToLower(toks[i].Word)
		if !auxStarts[aux] {
			continue
		}
		if beForms[aux] {
			for k := 1; k < i; k++ {
				if !lang.IsStopword(strings.ToLower(toks[k].Word)) {
					// "what American sport is popular…": the subject
					// comes before "is", and what follows is said of it.
					return ""
				}
			}
		}
		j := i + 1
		for j < len(toks) && determiners[strings.ToLower(toks[j].Word)] {
			j++
		}
		if j == len(toks) {
			return ""
		}
		if ofFollows(toks[j+1:]) {
			// "what is the birth date of Ada Lind": the subject is
			// what follows "of".
			return ""
		}
		// The subject phrase runs to the first function word; its last
		// word is most often the verb ("canada react", "federal agents
		// operate"). A name in it is judged by unknownEntities.
		var phrase []lang.Token
		for k := j; k < len(toks) && len(phrase) < maxSubjectWords; k++ {
			w, lw := toks[k].Word, strings.ToLower(toks[k].Word)
			if w != lw {
				return ""
			}
			if lang.IsStopword(lw) || auxStarts[lw] {
				break
			}
			phrase = append(phrase, toks[k])
		}
		if len(phrase) >= 2 {
			phrase = phrase[:len(phrase)-1]
		}
		// A word neither the corpus nor the dictionary knows is a name
		// typed in lower case ("the norbian embassy"). Otherwise abstain
		// only when no word of the phrase is known: "federal agents" is
		// about agents, whatever the corpus calls them.
		known, unknown := false, ""
		for _, t := range phrase {
			lw := strings.ToLower(t.Word)
			switch {
			case len(lw) < 4 || genericSubjects[lw] || an.k.known[t.Stem] || an.nearSpelling(t.Stem):
				known = true
			case len(qa.synonyms[t.Stem]) > 0 || an.synonymKnown(lw):
				// "the photo" is the documents' "photograph"; "the
				// picture" their "photo", though "picture" has too
				// many senses to stand in for it in a search.
				known = true
			case !an.k.lex().IsWord(lw):
				return lw
			case unknown == "":
				unknown = lw
			}
		}
		if known {
			return ""
		}
		return unknown
	}
	return ""
}

// synonymKnown reports whether the corpus writes a synonym of w's first
// noun sense (a subject is a thing; a verb's synonyms reach too far): a word the question uses for what the documents call
// otherwise is no sign that they never speak of it.
func (an *analyser) synonymKnown(w string) bool {
	lx := an.k.lex()
	for _, syn := range lx.SynonymsOfSenses(w, lexicon.Noun, subjectSynonymSenses) {
		if !strings.Contains(syn, " ") && an.k.known[lang.Stem(syn)] {
			return true
		}
	}
	return false
}

// subjectSynonymSenses is how many senses of a question's subject word
// are read for a synonym the corpus writes before abstaining: its first
// only, so that a question that only common words connect to the corpus
// is still abstained on.
const subjectSynonymSenses = 1

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true}

// maxSubjectWords bounds the subject phrase read after the auxiliary.
const maxSubjectWords = 4

// ofFollows reports whether "of" comes within the next two words.
func ofFollows(toks []lang.Token) bool {
	for i := 0; i < len(toks) && i < 2; i++ {
		if strings.EqualFold(toks[i].Word, "of") {
			return true
		}
	}
	return false
}

// determiners open a noun phrase: what follows is its noun, not a verb.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "some": true, "any": true, "no": true, "every": true,
}

// genericSubjects stand for no one in particular; a corpus need not
// contain them to answer "did anyone deny…".
var genericSubjects = map[string]bool{
	"anyone": true, "anybody": true, "someone": true, "somebody": true, "everyone": true,
	"everybody": true, "nobody": true, "people": true, "sources": true, "source": true,
	"document": true, "documents": true, "article": true, "articles": true, "report": true, "reports": true,
}

// ofCommonWords reports whether a name of three words or more is an
// organisation's made only of dictionary words, none a country's: "World
// Health Organization", not "Mexican Navy" or "Omar García". A person's
// name may be dictionary words too ("Tyler Mane"), and a document may spell
// it otherwise; an organisation's full name is written as it is. Two words
// are often a short form standing for what a corpus names otherwise ("White
// House", "State Department").
func (an *analyser) ofCommonWords(n name) bool {
	if len(n.words) < 3 || an.k.claims == nil || !slices.ContainsFunc(n.words, corpus.IsOrgWord) {
		return false
	}
	lx := an.k.lex()
	for _, w := range n.words {
		lw := strings.ToLower(w)
		if !lx.IsWord(lw) && !lx.IsAdjective(lw) || strings.HasPrefix(an.k.claims.Entities.Key(w), "country:") {
			return false
		}
	}
	return true
}

// phraseWritten reports whether some passage writes the name's words as
// one phrase, in any case, with at most two small words between them
// ("Secretary of State").
func (an *analyser) phraseWritten(n name) bool {
	parts := make([]string, len(n.words))
	for i, w := range n.words {
		// Any ending of the word's stem: "Organizations" writes it too.
		parts[i] = regexp.QuoteMeta(lang.Stem(strings.ToLower(lang.Fold(w)))) + `\w*`
	}
	re, err := regexp.Compile(`\b` + strings.Join(parts, `(?:\W+\w{1,4}){0,2}\W+`))
	if err != nil {
		return true
	}
	units := an.k.index.Units()
	for _, s := range an.k.index.Lexical().Search(n.stems, phraseSearchDepth) {
		if re.MatchString(strings.ToLower(lang.Fold(units[s.Unit].Text))) {
			return true
		}
	}
	return false
}

// phraseSearchDepth is how many passages holding a name's words are read
// for the name as a phrase: the passages that hold all its words rank
// first, and a corpus that writes the name writes it in one of them.
const phraseSearchDepth = 50
