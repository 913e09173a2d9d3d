package answer

import (
	"context"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Tuning of the extractive composer. They are relative to the best sentence
// of each answer, so they hold across corpora of different styles.
const (
	searchK             = 60   // passages retrieved
	searchPerDoc        = 4    // passages per document
	minBestScore        = 0.22 // below this nothing answers the question
	keepRatio           = 0.4  // a document is kept if it scores this share of the best
	docWeight           = 0.5  // share of passage coverage in a document score
	docExtraRatio       = 0.85 // a document's second quote must score this share of its first
	maxQuotesPerDoc     = 2
	maxQuotes           = 12
	minSentenceTokens   = 4
	noValuePenalty      = 0.7
	newAccountRatio     = 0.6 // a document's second quote that states another position
	holderExtraRatio    = 0.3 // a quoted speaker's further statements, relative to the best
	maxQuotesPerHolder  = 3
	maxPassagesPerDoc   = 60  // bounds the work on very long documents
	offTopicPenalty     = 0.6 // a document naming nothing the question names
	sameVoiceValueRatio = 0.8 // a second value from the same voice in one document
)

// candidate is one sentence considered for quoting.
type candidate struct {
	doc    *corpus.Document
	si     int
	text   string
	score  float64
	cov    float64
	ctxCov float64 // coverage of the question by the passage and title
	values []value // answer-bearing values the question does not name
	stance Stance
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
		for _, s := range retrieval.Stems(c.text) {
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
func (e *Engine) compose(ctx context.Context, qa *question) (*Answer, error) {
	hits, err := e.index.Search(ctx, qa.search, retrieval.SearchOptions{K: searchK, PerDoc: searchPerDoc, Depth: 200})
	if err != nil {
		return nil, err
	}
	cands := e.candidates(qa, hits, e.offTopic(qa, hits))
	if len(cands) == 0 || cands[0].score < minBestScore {
		return abstain(qa.text, "No passage in the corpus answers this question."), nil
	}
	for _, c := range cands {
		e.describe(c, qa)
	}
	picked := pick(cands, qa)
	accounts := group(picked, qa)
	ans := &Answer{Question: qa.text, Mode: "extractive", Accounts: accounts}
	ans.Summary = summarize(ans, qa)
	return ans, nil
}

func abstain(q, why string) *Answer {
	return &Answer{Question: q, Mode: "extractive", Abstained: true, Summary: why, Accounts: []Account{}}
}

// offTopic returns the hit documents that mention none of the question's
// names (a name counts when its rarer words are there: "Thomas" for
// "Justin Thomas"). Such a document is most often a distractor however
// many other words it shares, so its sentences are scored down; they are
// not dropped, because a scraped page may have lost the name its passage
// is about. When no document mentions the names, none is off topic.
func (e *Engine) offTopic(qa *question, hits []retrieval.Hit) map[string]bool {
	off := map[string]bool{}
	if len(qa.names) == 0 {
		return off
	}
	for _, h := range hits {
		if !e.mentionsAny(e.corpus.Doc(h.DocID), qa.names) {
			off[h.DocID] = true
		}
	}
	if len(off) == len(hitDocs(hits)) {
		return map[string]bool{}
	}
	return off
}

func (e *Engine) mentionsAny(d *corpus.Document, names []name) bool {
	if d == nil {
		return false
	}
	stems := e.docStems(d)
	lex := e.index.Lexical()
	for _, n := range names {
		var got, total float64
		for _, s := range n.stems {
			idf := lex.IDF(s)
			total += idf
			if stems[s] {
				got += idf
			}
		}
		// Half the name's weight: "Thomas" may stand for "Justin Thomas",
		// but "Township, Ohio" does not stand for "Sandusky Township, Ohio".
		if total > 0 && got >= 0.5*total {
			return true
		}
	}
	return false
}

// candidates scores the sentences of the retrieved passages, best first.
func (e *Engine) candidates(qa *question, hits []retrieval.Hit, offTopic map[string]bool) []*candidate {
	qvec := retrieval.OfflineVector(qa.search)
	if e.coverage(qa.stems, qa.stems) == 0 {
		return nil
	}
	coverage := func(stems []string) float64 { return e.coverage(qa.stems, stems) }
	// Every passage of a retrieved document is read, not only the passages
	// retrieval ranked: the sentence that states a side often shares few
	// words with the question ("the operation was led by Mexican
	// authorities").
	var out []*candidate
	for _, id := range hitDocs(hits) {
		d := e.corpus.Doc(id)
		if d == nil {
			continue
		}
		for pi, p := range d.Passages {
			if pi == maxPassagesPerDoc {
				break
			}
			ctxCov := coverage(retrieval.Stems(d.Title + " " + p.Text))
			for si := p.First; si <= p.Last; si++ {
				s := d.Sentences[si]
				if s.Boilerplate {
					continue
				}
				stems := retrieval.Stems(s.Text)
				if len(stems) < minSentenceTokens {
					continue
				}
				cov := coverage(stems)
				if startsWithPronoun(s.Text) {
					// "He died in 1972" is about the document's subject.
					cov = max(cov, coverage(append(stems, retrieval.Stems(d.Title)...)))
				}
				if cov == 0 {
					continue
				}
				cos := retrieval.Cosine(qvec, retrieval.OfflineVector(s.Text))
				// The relation asked about ("population", "born") must be
				// in the quoted sentence; the subject's name may be only
				// in its context.
				rel := cov
				if len(qa.relStems) > 0 {
					rel = e.coverage(qa.relStems, stems)
				}
				score := 0.35*cov + 0.2*rel + 0.2*ctxCov + 0.25*cos
				if offTopic[d.ID] {
					score *= offTopicPenalty
				}
				vals := e.answerValues(s.Text, qa)
				if qa.kind != kindYesNo && qa.kind != kindOpen && len(vals) == 0 {
					// "How many…" is not answered by a sentence without a figure.
					score *= noValuePenalty
				}
				out = append(out, &candidate{doc: d, si: si, text: s.Text, score: score, cov: cov, ctxCov: ctxCov, speaker: s.Speaker, values: vals})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// coverage is the IDF-weighted share of want stems that stems contain.
func (e *Engine) coverage(want, stems []string) float64 {
	lex := e.index.Lexical()
	var got, total float64
	for _, qs := range want {
		idf := lex.IDF(qs)
		total += idf
		var m float64
		for _, s := range stems {
			if m = max(m, stemMatch(qs, s)); m == 1 {
				break
			}
		}
		got += m * idf
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// hitDocs lists the documents of the hits, best first, once each.
func hitDocs(hits []retrieval.Hit) []string {
	seen := map[string]bool{}
	var out []string
	for _, h := range hits {
		if !seen[h.DocID] {
			seen[h.DocID] = true
			out = append(out, h.DocID)
		}
	}
	return out
}

// stemMatch compares a question stem with a sentence stem: 1 when equal or
// when a long stem prefixes the other across derivations ("director" ~
// "direct"); 0.5 when a short stem prefixes a longer word, which catches
// clippings ("lab" ~ "laboratories") at the risk of "lab" ~ "label".
func stemMatch(q, s string) float64 {
	if q == s {
		return 1
	}
	short, long := q, s
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 3 || isDigits(short) {
		return 0
	}
	l := commonPrefix(short, long)
	switch {
	case l == len(short) && l >= 5:
		return 1
	case l == len(short):
		return 0.5
	case l >= 5 && l >= len(short)-1:
		return 0.8 // "mexico" ~ "mexican"
	case l >= 4 && l >= len(short)-1:
		return 0.5 // "agent" ~ "agency"
	}
	return 0
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// pick chooses the documents that bear on the question, then each one's
// best sentences. A document is judged on its best sentence and on how much
// of the question its passage and title cover, because the sentence that
// carries an answer often leaves the subject implicit ("He died in 1972").
// Every kept document's best sentence comes before any second sentence, so
// each source is heard.
func pick(cands []*candidate, qa *question) []*candidate {
	byDoc := map[string][]*candidate{}
	var order []string
	docScore := map[string]float64{}
	for _, c := range cands {
		if _, ok := byDoc[c.doc.ID]; !ok {
			order = append(order, c.doc.ID)
		}
		byDoc[c.doc.ID] = append(byDoc[c.doc.ID], c)
		docScore[c.doc.ID] = max(docScore[c.doc.ID], docWeight*c.ctxCov+(1-docWeight)*c.score)
	}
	sort.SliceStable(order, func(i, j int) bool { return docScore[order[i]] > docScore[order[j]] })
	best := docScore[order[0]]
	kept := order[:0:0]
	for _, id := range order {
		if docScore[id] >= keepRatio*best && byDoc[id][0].score >= minBestScore/2 {
			kept = append(kept, id)
		}
	}
	var out []*candidate
	for r := 0; r < maxQuotesPerDoc && len(out) < maxQuotes; r++ {
		for _, id := range kept {
			cs := byDoc[id]
			if r >= len(cs) {
				continue
			}
			c := secondChoice(cs, qa, r)
			if c == nil {
				continue
			}
			cs[r] = c
			out = append(out, c)
			if len(out) == maxQuotes {
				break
			}
		}
	}
	return withHolders(out, cands)
}

// secondChoice returns the document's r-th quote: the first is its best
// sentence; a later one must score nearly as well, or bring a position the
// document's best sentence does not state (another speaker, another value,
// the opposite stance), because every account deserves to be heard.
func secondChoice(cs []*candidate, qa *question, r int) *candidate {
	if r == 0 {
		return cs[0]
	}
	first := cs[0]
	for i := r; i < len(cs); i++ {
		c := cs[i]
		if c.score >= docExtraRatio*first.score && i == r {
			return c
		}
		if c.score >= newAccountRatio*first.score && newPosition(first, c, qa) {
			cs[i], cs[r] = cs[r], cs[i]
			return c
		}
	}
	return nil
}

// newPosition reports whether c would stand in another account than first.
func newPosition(first, c *candidate, qa *question) bool {
	switch {
	case c.hkey != first.hkey && !sameHolder(c.hkey, first.hkey):
		return true
	case qa.kind == kindYesNo:
		return opposed(first.stance, c.stance)
	}
	// Another value in the same voice needs a near-equal score: a source
	// rarely gives two answers, but its sentences carry many figures.
	p, q := first.primary(), c.primary()
	return p != nil && q != nil && !valueMatch(*p, *q) && c.score >= sameVoiceValueRatio*first.score
}

// withHolders adds, for each speaker already quoted, their other relevant
// statements (up to maxQuotesPerHolder): a reader wants what each side
// says, not only its single best-matching sentence.
func withHolders(out, cands []*candidate) []*candidate {
	if len(out) == 0 {
		return out
	}
	best := cands[0].score
	in := map[*candidate]bool{}
	perHolder := map[string]int{}
	for _, c := range out {
		in[c] = true
		if c.hkey != "" {
			perHolder[c.hkey]++
		}
	}
	for _, c := range cands {
		if len(out) >= maxQuotes || c.score < holderExtraRatio*best {
			break
		}
		if in[c] || c.hkey == "" {
			continue
		}
		for _, o := range out {
			if o.hkey != "" && sameHolder(o.hkey, c.hkey) && perHolder[o.hkey] < maxQuotesPerHolder && o.doc.ID != c.doc.ID {
				perHolder[o.hkey]++
				out = append(out, c)
				in[c] = true
				break
			}
		}
	}
	return out
}

// startsWithPronoun reports whether a sentence opens with a personal
// pronoun standing for someone named earlier.
func startsWithPronoun(s string) bool {
	w := firstWord(strings.ToLower(s))
	switch w {
	case "he", "she", "it", "they", "his", "her", "its", "their":
		return true
	}
	return false
}

// describe fills a picked candidate's values, stance and holder.
func (e *Engine) describe(c *candidate, qa *question) {
	c.stance = sentenceStance(c.text, qa, len(c.values) > 0, c.cov)
	if c.speaker != "" {
		c.holder = c.speaker
		c.hkey = e.aliases.resolve(holderKey(c.speaker))
	} else {
		c.holder = sourceName(c.doc)
	}
}

// answerValues are the values of text that can answer qa, nearest first.
func (e *Engine) answerValues(text string, qa *question) []value {
	var vals []value
	for _, v := range extractValues(text, qa, e.isCommon) {
		if wants(qa.kind, v.kind) {
			vals = append(vals, v)
		}
	}
	return byProximity(vals, text, qa)
}

// byProximity orders values by their distance to the question's words in
// the sentence: the value next to "population" answers "what is the
// population", not the year two clauses later.
func byProximity(vals []value, text string, qa *question) []value {
	if len(vals) < 2 {
		return vals
	}
	toks := retrieval.TokenizeAll(text)
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

func positions(toks []retrieval.Token, stems []string) []int {
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

// sourceName is how a document is named as the holder of its own voice.
func sourceName(d *corpus.Document) string {
	switch {
	case d.Outlet != "" && d.Author != "":
		return d.Author + " (" + d.Outlet + ")"
	case d.Outlet != "":
		return d.Outlet
	case d.Author != "":
		return d.Author
	case d.Title != "":
		return d.Title
	}
	return d.ID
}
