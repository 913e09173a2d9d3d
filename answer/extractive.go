package answer

import (
	"context"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Tuning of the extractive composer. They are relative to the best sentence
// of each answer, so they hold across corpora of different styles.
const (
	searchK             = 60  // passages retrieved
	searchPerDoc        = 4   // passages per document
	nameSearchDepth     = 200 // passages searched by the question's names alone
	maxNameDocs         = 20  // documents added per name beyond the search
	docWeight           = 0.5 // share of passage coverage in a document score
	maxQuotesPerDoc     = 2
	maxQuotes           = 12 // in all, speakers' further statements included
	maxSourceQuotes     = 10 // from the round over documents
	minSentenceTokens   = 4
	maxQuotesPerHolder  = 3
	maxPassagesPerDoc   = 60  // bounds the work on very long documents
	sameVoiceValueRatio = 0.8 // a second value from the same voice in one document
)

// candidate is one sentence considered for quoting.
type candidate struct {
	doc    *corpus.Document
	si     int
	text   string
	score  float64
	cov    float64
	rel    float64 // coverage of the relation asked about (qa.relStems)
	ctxCov float64 // coverage of the question by the passage and title
	// relevance is the score before penalties for the answer type and
	// off-topic documents.
	relevance float64
	named     bool    // the document mentions what the question names
	mainNamed bool    // … and mentions one of its main names
	fullName  bool    // … and writes one of those in full
	values    []value // answer-bearing values the question does not name
	stance    Stance
	// holder is who makes the claim: the attributed speaker, else the source.
	holder  string
	hkey    string // resolved speaker key; "" in the author's own voice
	speaker string
	stemSet map[string]bool
}

// stems is the set of the candidate's content stems, computed once.
func (c *candidate) stems() map[string]bool {
	if c.stemSet == nil {
		c.stemSet = map[string]bool{}
		for _, s := range lang.Stems(c.text) {
			c.stemSet[s] = true
		}
	}
	return c.stemSet
}

// primary is the candidate's answer-bearing value, or nil.
func (c *candidate) primary() *value {
	if len(c.values) == 0 {
		return nil
	}
	return &c.values[0]
}

// compose builds the answer to an analysed question from retrieval hits.
func (e *Engine) compose(ctx context.Context, qa *Query) (*Answer, error) {
	hits, err := e.index.Search(ctx, qa.search, retrieval.SearchOptions{K: searchK, PerDoc: searchPerDoc, Depth: 200})
	if err != nil {
		return nil, err
	}
	hits = append(hits, e.nameHits(qa, hits)...)
	qa.frame = e.frameOf(qa)
	cands := e.candidates(qa, hits, e.offTopic(qa, hits))
	if len(cands) == 0 || bestRelevance(cands) < qa.w.MinBestScore {
		return abstain(qa.text, "No passage in the corpus answers this question."), nil
	}
	for _, c := range cands {
		e.describe(c, qa)
	}
	picked := pick(cands, qa)
	accounts, labels := e.group(picked, qa)
	ans := &Answer{Question: qa.text, Mode: "extractive", Accounts: accounts, Note: strings.Join(qa.notes, " ")}
	shown := e.expandDisputes(qa, ans)
	for len(labels) < len(ans.Accounts) {
		labels = append(labels, "")
	}
	ans.Summary = summarize(ans, labels, qa)
	if s := disputeSummary(ans, shown, qa); s != "" {
		ans.Summary = s
	}
	if qa.kind == kindQuantity {
		ans.Summary += e.otherScopes(ans, shown)
	}
	if e.composer == nil {
		return ans, nil
	}
	return e.composer.Compose(ctx, e.evidenceOf(ans, shown))
}

// nameHits returns, for documents the search left out, the best passage
// of each document that mentions one of the question's main names. The fused
// search ranks by all the question's words, so a page that names the
// subject but shares no other word with the question ("… 2011 mixtape by
// A. Artist: Night Songs …" for "who is the artist of the album "Night
// Songs"?") can rank below many pages about other albums; every document
// about the subject deserves to be read.
func (e *Engine) nameHits(qa *Query, hits []retrieval.Hit) []retrieval.Hit {
	have := map[string]bool{}
	for _, h := range hits {
		have[h.DocID] = true
	}
	units := e.index.Units()
	var out []retrieval.Hit
	for _, n := range e.mainNames(qa.names) {
		added := 0
		for _, s := range e.index.Lexical().Search(n.stems, nameSearchDepth) {
			id := units[s.Unit].DocID
			if have[id] {
				continue
			}
			// Judged once per document, whichever passage comes first.
			have[id] = true
			if !e.mentionsAny(qa, e.corpus.Doc(id), []name{n}) {
				continue
			}
			out = append(out, retrieval.Hit{Unit: s.Unit, DocID: id, Lexical: s.Score})
			if added++; added == maxNameDocs {
				break
			}
		}
	}
	return out
}

// bestRelevance is the highest score before the answer-type penalty: a
// question is abstained on when nothing is about it, not when nothing
// states a figure.
func bestRelevance(cands []*candidate) float64 {
	var best float64
	for _, c := range cands {
		best = max(best, c.relevance)
	}
	return best
}

func abstain(q, why string) *Answer {
	return &Answer{Question: q, Mode: "extractive", Abstained: true, Summary: why, Accounts: []Account{}}
}

// describe fills a picked candidate's values, stance and holder.
func (e *Engine) describe(c *candidate, qa *Query) {
	c.stance = sentenceStance(c.text, qa, len(c.values) > 0, c.cov)
	if i, ok := e.claims.At(c.doc.ID, c.si); ok {
		// The claim's holder is the better read: a transcript label, a
		// group ("Engineers at the board said"), a stance verb's subject,
		// a pronoun resolved by gender.
		c.speaker = e.claims.All[i].Speaker
	}
	if c.speaker != "" {
		c.holder = c.speaker
		c.hkey = e.aliases.resolve(holderKey(c.speaker))
		// A unit speaks for its organisation ("ICE's HSI unit said"): one
		// account.
		ents := e.claims.Entities
		if p := ents.Parent(ents.Key(c.speaker)); p != "" && !strings.HasPrefix(p, "country:") {
			c.hkey = e.aliases.resolve(holderKey(p))
		}
	} else {
		c.holder = c.doc.SourceName()
	}
}

// valuesOf returns the values of a sentence (tokenized with stop words)
// that can answer qa, nearest first; kinds are the kinds of a typed
// question's class it names, which come first.
func (e *Engine) valuesOf(toks []lang.Token, kinds []value, qa *Query) []value {
	var vals []value
	var rel []int
	counts := qa.relStems
	if qa.counted != "" {
		counts = []string{qa.counted}
	}
	if qa.kind == kindQuantity && len(counts) > 0 && !qa.asksPercent {
		// (A percentage is what "what percentage" counts: percentages
		// answer it wherever they stand; see percentages.)
		rel = positions(toks, counts)
	}
	for _, v := range extractValues(toks, qa, e.isCommon) {
		if !wants(qa.kind, v.kind) {
			continue
		}
		// A count answers "how many relatives" only when it counts
		// relatives: "17 relatives", not "two factions" in the same
		// sentence.
		if qa.kind == kindQuantity && len(counts) > 0 && !qa.asksPercent && !near(v.pos, rel, countWindow) {
			continue
		}
		vals = append(vals, v)
	}
	// The kinds a typed question asks for come first, before any name or
	// figure; kinds the question itself names ("switched to cricket from
	// ice hockey") come after the others.
	var asked, named []value
	for _, k := range kinds {
		if qa.words[strings.Fields(k.key)[0]] {
			named = append(named, k)
		} else {
			asked = append(asked, k)
		}
	}
	out := append(byProximity(asked, toks, qa), byProximity(named, toks, qa)...)
	return append(out, refineYear(byProximity(vals, toks, qa))...)
}

// refineYear puts first the full date that a leading bare year belongs
// to: "(1901–1960) … born 3 March 1901" answers "what is the birth date"
// with 3 March 1901, not with 1901, which every date of that year would
// agree with.
func refineYear(vals []value) []value {
	if len(vals) < 2 || vals[0].kind != vYear {
		return vals
	}
	for i, v := range vals[1:] {
		if v.kind == vDate && timeGrain(v) == "day" && strings.HasSuffix(v.key, " "+vals[0].key) {
			out := append([]value{v}, vals[:i+1]...)
			return append(out, vals[i+2:]...)
		}
	}
	return vals
}

// countWindow is how many words may stand between a count and what it
// counts ("over 120 small regional airports").
const countWindow = 4

func near(pos int, anchors []int, window int) bool {
	for _, a := range anchors {
		if d := pos - a; d <= window && d >= -window {
			return true
		}
	}
	return false
}

// byProximity orders values by their distance to the question's words in
// the sentence: the value next to "population" answers "what is the
// population", not the year two clauses later.
func byProximity(vals []value, toks []lang.Token, qa *Query) []value {
	if len(vals) < 2 {
		return vals
	}
	// Anchor on the question's relation words ("population", "born",
	// "language") when the sentence has them: the subject's name is often
	// nearer to a wrong value than the relation word is to the answer.
	anchors := positions(toks, qa.relStems)
	if len(anchors) == 0 {
		anchors = positions(toks, qa.stems)
	}
	if len(anchors) == 0 {
		return vals
	}
	dist := func(v value) int {
		d := 1 << 30
		for _, a := range anchors {
			x := v.pos - a
			if x < 0 {
				x = -x
			}
			d = min(d, x)
		}
		return d + kindRank(qa.kind, v.kind)
	}
	sort.SliceStable(vals, func(i, j int) bool { return dist(vals[i]) < dist(vals[j]) })
	return vals
}

// kindRank makes an open question ("What is the genre of…") prefer a
// name over a figure, and a figure over a year, at equal distance and a
// little beyond: years and counts are the usual bystanders of such answers.
func kindRank(qk kind, vk vkind) int {
	if qk != kindOpen {
		return 0
	}
	switch vk {
	case vName:
		return 0
	case vNumber:
		return 3
	}
	return 6
}

func positions(toks []lang.Token, stems []string) []int {
	var out []int
	for i, t := range toks {
		for _, qs := range stems {
			if stemMatch(qs, t.Stem) > 0 {
				out = append(out, i)
				break
			}
		}
	}
	return out
}
