package answer

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Options configure an Engine.
type Options struct {
	// Embedder for the vector half of retrieval; zero means the offline one.
	Embedder retrieval.Embedder
	// Composer writes answers from the selected evidence; nil means the
	// extractive composer alone.
	Composer Composer
	// Searcher, when set, is a prebuilt index of the same corpus (opened
	// from a data directory); nil means building one in memory.
	Searcher Searcher
	// Claims, when set, are the corpus's claims and disputes as indexed
	// before (read back from a data directory); nil means reading them now.
	Claims *corpus.ClaimsData
	// Vocabulary, when set, is the corpus's vocabulary as indexed before
	// (see BuildVocabulary); nil, or one that no longer fits the corpus,
	// means reading it from every sentence now.
	Vocabulary *Vocabulary
	// Judge, when set, gives a second opinion (a model's) on each conflict
	// the rules find while claims are read.
	Judge corpus.JudgeFunc
	// Weights, when set, replace DefaultWeights (scripts/fit sets them).
	Weights *Weights
}

// Engine answers questions over one corpus. It is safe for concurrent use:
// everything it builds at start is read-only afterwards.
type Engine struct {
	corpus  *corpus.Corpus
	index   Searcher
	aliases aliases
	// lower holds words seen in lower case mid-sentence in the corpus,
	// caps the words it writes in capitals ("NATO", not "Nato").
	lower, caps map[string]bool
	// stems holds each document's set of stems, title included.
	stems map[string]map[string]bool
	// acronyms maps the initials of capitalised runs to the run.
	acronyms map[string]string
	weights  Weights
	// known holds every stem of the corpus, titles included.
	known map[string]bool
	// lex is the WordNet lexicon; NewEngine starts parsing it, and a
	// question that needs it first waits for it.
	lex     func() *lexicon.Lexicon
	classes classes
	// composer, when set, rewrites the extractive answer from its evidence.
	composer Composer
	// claims are the corpus's claims and the disputes among them.
	claims *corpus.Claims
}

func (e *Engine) docStems(d *corpus.Document) map[string]bool { return e.stems[d.ID] }

// NewEngine indexes the corpus and returns an engine ready to answer.
func NewEngine(ctx context.Context, c *corpus.Corpus, opts Options) (*Engine, error) {
	lex := sync.OnceValue(lexicon.Default)
	// Most questions consult the lexicon; parsing it (tens of ms) beside
	// the index build hides it from the first answer. A panic (corrupt
	// embedded data, which the lexicon's tests rule out) is not lost: the
	// once re-panics in every question that calls lex.
	go func() {
		defer func() { _ = recover() }()
		lex()
	}()
	emb := opts.Embedder
	if emb.Embed == nil {
		emb = retrieval.Offline()
	}
	claims := make(chan *corpus.Claims, 1)
	if opts.Claims != nil {
		go func() { claims <- corpus.RestoreClaims(c, lex(), *opts.Claims) }()
	} else {
		go func() { claims <- corpus.BuildClaimsJudged(c, lex(), opts.Judge) }()
	}
	var ix Searcher = opts.Searcher
	if ix == nil {
		built, err := retrieval.Build(ctx, c, emb)
		if err != nil {
			return nil, fmt.Errorf("build index: %w", err)
		}
		ix = built
	}
	w, ok := opts.Vocabulary.restore(c)
	if !ok {
		w = vocabulary(c)
	}
	cs := <-claims
	e := &Engine{corpus: c, index: ix, aliases: aliasesOf(cs.Entities), lower: w.lower, caps: w.caps, stems: w.stems,
		acronyms: w.acronyms, known: w.known, lex: lex, composer: opts.Composer, claims: cs, weights: DefaultWeights}
	if opts.Weights != nil {
		e.weights = *opts.Weights
	}
	return e, nil
}

// Corpus is the corpus the engine answers from.
func (e *Engine) Corpus() *corpus.Corpus { return e.corpus }

// Ask answers one question. A question that nothing in the corpus answers
// gets an abstention, not an error; errors are invalid questions
// (ErrInvalidQuestion) or a cancelled context.
func (e *Engine) Ask(ctx context.Context, q string) (*Answer, error) {
	q, err := checkQuestion(q)
	if err != nil {
		return nil, err
	}
	qa := parseQuery(q)
	qa.w = &e.weights
	e.expandAcronyms(&qa)
	e.expandSynonyms(&qa)
	// A question about something the corpus never mentions is not
	// answered from what it does mention. A long question that names many
	// things may carry one aside the corpus lacks; it is abstained on only
	// when at least half of its names are unknown, or when the unknown one
	// is its first: the subject it asks about ("How did the Canadian
	// government react to the raid in Sinaloa?").
	missing := e.unknownEntities(&qa)
	subjectUnknown := len(missing) > 0 && len(qa.names) > 0 && missing[0] == strings.Join(qa.names[0].words, " ")
	if len(missing) == 0 || 2*len(missing) < len(qa.names) && !subjectUnknown {
		missing = nil
	}
	if s := e.unknownSubject(&qa); s != "" && len(missing) == 0 {
		missing = []string{s}
	}
	if len(missing) > 0 {
		return abstain(q, fmt.Sprintf("No document in the corpus mentions %s, so nothing here answers this question.", strings.Join(missing, ", "))), nil
	}
	e.correctSpelling(&qa)
	qa.class = e.lookupClass(qa.classWords, qa.classNext, qa.classAfter)
	e.expandKinds(&qa)
	return e.compose(ctx, &qa)
}

// unknownSubject returns the subject of a question written in lower case
// ("how did norway react…", "what did the mayor say…") when no document
// mentions it: the phrase after the auxiliary, past a determiner, up to
// its verb. Names written with a capital are judged by unknownEntities;
// this catches the same question typed without capitals.
func (e *Engine) unknownSubject(qa *Query) string {
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
			case len(lw) < 4 || genericSubjects[lw] || e.known[t.Stem] || e.nearSpelling(t.Stem):
				known = true
			case len(qa.synonyms[t.Stem]) > 0:
				// "the photo" is the documents' "photograph".
				known = true
			case !e.lex().IsWord(lw):
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

// unknownEntities returns the question's names that no document
// mentions. A name counts as mentioned when one of its words is in the
// corpus ("John Smyth" when the corpus spells "Jon Smyth") or a word of
// the corpus is one typo away from it.
func (e *Engine) unknownEntities(qa *Query) []string {
	var out []string
	for _, n := range qa.names {
		known := false
		for _, s := range n.stems {
			if e.known[s] || e.nearSpelling(s) {
				known = true
				break
			}
		}
		for _, w := range n.words {
			known = known || len(e.relatedForms(w)) > 0
		}
		if !known {
			out = append(out, strings.Join(n.words, " "))
		}
	}
	return out
}

func (e *Engine) isCommon(lower string) bool { return e.lower[lower] }

// words are the engine's lookups over the corpus's words (see Engine).
type words struct {
	lower, caps, known map[string]bool
	stems              map[string]map[string]bool
	acronyms           map[string]string
}

// vocabulary collects the words the corpus writes in lower case, which
// tells a capitalised sentence-initial "However" from a name, the words it
// writes in capitals, and the stems of each document.
func vocabulary(c *corpus.Corpus) words {
	docs := c.Docs()
	per := make([]docVocab, len(docs))
	// Documents are independent: read them on every CPU, merge in order
	// so the first spelling of an acronym wins deterministically.
	retrieval.Parallel(len(docs), func(i int) { per[i] = readDocVocab(docs[i]) })
	w := words{lower: map[string]bool{}, caps: map[string]bool{}, known: map[string]bool{},
		stems: make(map[string]map[string]bool, len(docs)), acronyms: map[string]string{}}
	for i, d := range docs {
		w.stems[d.ID] = per[i].stems
		for s := range per[i].stems {
			w.known[s] = true
		}
		for _, l := range per[i].lower {
			w.lower[l] = true
		}
		for _, c := range per[i].caps {
			w.caps[c] = true
		}
		for k, v := range per[i].acronyms {
			if _, ok := w.acronyms[k]; !ok {
				w.acronyms[k] = v
			}
		}
	}
	return w
}

// docVocab is what vocabulary reads from one document.
type docVocab struct {
	stems    map[string]bool
	lower    []string
	caps     []string
	acronyms map[string]string
}

// readDocVocab tokenizes d's title and every sentence: most of the time
// NewEngine takes when no saved Vocabulary is given.
func readDocVocab(d *corpus.Document) docVocab {
	v := docVocab{stems: map[string]bool{}, acronyms: map[string]string{}}
	for _, t := range lang.TokenizeAll(d.Title) {
		v.stems[t.Stem] = true
	}
	for _, s := range d.Sentences {
		toks := lang.TokenizeAll(s.Text)
		for _, t := range toks {
			v.stems[t.Stem] = true
			if w := t.Word; w != "" && w[0] >= 'a' && w[0] <= 'z' {
				v.lower = append(v.lower, w)
			} else if len(w) >= 2 && w[0] >= 'A' && w[0] <= 'Z' && strings.ToUpper(w) == w {
				v.caps = append(v.caps, w)
			}
		}
		learnAcronyms(toks, v.acronyms)
	}
	return v
}

// learnAcronyms records each run of capitalised words by its initials
// ("Institute of Marine Studies at Bergen" under "imsb"), so a question
// that uses an acronym the documents never spell out still finds them.
func learnAcronyms(toks []lang.Token, into map[string]string) {
	for i := 0; i < len(toks); i++ {
		// A run opens on a capitalised word that is not a function word:
		// "The Institute of Marine Studies" is the IMS, not the TIMS.
		if !startsUpper(toks[i].Word) || lang.IsStopword(strings.ToLower(toks[i].Word)) {
			continue
		}
		var initials []byte
		var words []string
		j := i
		for ; j < len(toks); j++ {
			w := toks[j].Word
			switch {
			case startsUpper(w) && !isDigits(w):
				initials = append(initials, byte(unicode.ToLower(rune(w[0]))))
				words = append(words, w)
			case len(words) > 0 && acronymJoiners[strings.ToLower(w)]:
				words = append(words, w)
			default:
				goto done
			}
		}
	done:
		if n := len(initials); n >= 2 && n <= 8 && initials[0] < 0x80 {
			key := string(initials)
			if _, ok := into[key]; !ok {
				into[key] = strings.Join(words, " ")
			}
		}
		i = j
	}
}

var acronymJoiners = map[string]bool{"of": true, "and": true, "at": true, "the": true, "for": true, "de": true, "in": true}

// expandAcronyms adds to the question the spelt-out form of each acronym
// it uses that no document writes as such.
func (e *Engine) expandAcronyms(qa *Query) {
	for i, n := range qa.names {
		if len(n.words) != 1 {
			continue
		}
		w := n.words[0]
		if len(w) < 2 || strings.ToUpper(w) != w || e.known[n.stems[0]] {
			continue
		}
		long, ok := e.acronyms[strings.ToLower(w)]
		if !ok {
			continue
		}
		qa.search += " " + long
		// The spelt-out name is the subject, not an answer value.
		for _, t := range lang.TokenizeAll(long) {
			qa.words[strings.ToLower(t.Word)] = true
		}
		for _, st := range lang.Stems(long) {
			qa.names[i].stems = append(qa.names[i].stems, st)
			qa.stems = append(qa.stems, st)
		}
	}
}
