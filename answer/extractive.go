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
	searchK           = 24   // passages retrieved
	searchPerDoc      = 2    // passages per document
	minBestScore      = 0.22 // below this nothing answers the question
	keepRatio         = 0.55 // a sentence is kept if it scores this share of the best
	docExtraRatio     = 0.85 // a document's second quote must score this share of its first
	maxQuotesPerDoc   = 2
	maxQuotes         = 12
	minSentenceTokens = 4
)

// candidate is one sentence considered for quoting.
type candidate struct {
	doc    *corpus.Document
	si     int
	text   string
	score  float64
	cov    float64
	values []value // answer-bearing values the question does not name
	stance Stance
	// holder is who makes the claim: the attributed speaker, else the source.
	holder  string
	hkey    string // resolved speaker key; "" in the author's own voice
	speaker string
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
	hits, err := e.index.Search(ctx, qa.text, retrieval.SearchOptions{K: searchK, PerDoc: searchPerDoc, Depth: 200})
	if err != nil {
		return nil, err
	}
	cands := e.candidates(qa, hits)
	if len(cands) == 0 || cands[0].score < minBestScore {
		return abstain(qa.text, "No passage in the corpus answers this question."), nil
	}
	picked := pick(cands)
	for _, c := range picked {
		e.describe(c, qa)
	}
	accounts := group(picked, qa)
	ans := &Answer{Question: qa.text, Mode: "extractive", Accounts: accounts}
	ans.Summary = summarize(ans, qa)
	return ans, nil
}

func abstain(q, why string) *Answer {
	return &Answer{Question: q, Mode: "extractive", Abstained: true, Summary: why, Accounts: []Account{}}
}

// candidates scores the sentences of the retrieved passages, best first.
func (e *Engine) candidates(qa *question, hits []retrieval.Hit) []*candidate {
	lex := e.index.Lexical()
	qvec := retrieval.OfflineVector(qa.text)
	var total float64
	for _, s := range qa.stems {
		total += lex.IDF(s)
	}
	if total == 0 {
		return nil
	}
	coverage := func(stems []string) float64 {
		var got float64
		for _, qs := range qa.stems {
			for _, s := range stems {
				if stemMatch(qs, s) {
					got += lex.IDF(qs)
					break
				}
			}
		}
		return got / total
	}
	units := e.index.Units()
	seen := map[[2]int]bool{}
	docIdx := map[string]int{}
	var out []*candidate
	for _, h := range hits {
		u := units[h.Unit]
		d := e.corpus.Doc(u.DocID)
		if d == nil {
			continue
		}
		di, ok := docIdx[d.ID]
		if !ok {
			di = len(docIdx)
			docIdx[d.ID] = di
		}
		p := d.Passages[u.Passage]
		ctxCov := coverage(retrieval.Stems(d.Title + " " + p.Text))
		for si := p.First; si <= p.Last; si++ {
			if seen[[2]int{di, si}] {
				continue
			}
			seen[[2]int{di, si}] = true
			s := d.Sentences[si]
			if s.Boilerplate {
				continue
			}
			stems := retrieval.Stems(s.Text)
			if len(stems) < minSentenceTokens {
				continue
			}
			cov := coverage(stems)
			if cov == 0 {
				continue
			}
			cos := retrieval.Cosine(qvec, retrieval.OfflineVector(s.Text))
			score := 0.5*cov + 0.2*ctxCov + 0.3*cos
			out = append(out, &candidate{doc: d, si: si, text: s.Text, score: score, cov: cov, speaker: s.Speaker})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// stemMatch compares a question stem with a sentence stem, letting a long
// shared stem match across derivations ("director" ~ "direct").
func stemMatch(q, s string) bool {
	if q == s {
		return true
	}
	if len(q) < 5 || len(s) < 5 {
		return false
	}
	return strings.HasPrefix(q, s) || strings.HasPrefix(s, q)
}

// pick keeps the sentences close enough to the best one, at most
// maxQuotesPerDoc per document, taking every document's best sentence
// before any document's second so that each source is heard.
func pick(cands []*candidate) []*candidate {
	best := cands[0].score
	byDoc := map[string][]*candidate{}
	var order []string
	for _, c := range cands {
		if c.score < keepRatio*best {
			break
		}
		if _, ok := byDoc[c.doc.ID]; !ok {
			order = append(order, c.doc.ID)
		}
		byDoc[c.doc.ID] = append(byDoc[c.doc.ID], c)
	}
	var out []*candidate
	for r := 0; r < maxQuotesPerDoc && len(out) < maxQuotes; r++ {
		for _, id := range order {
			cs := byDoc[id]
			if r >= len(cs) || (r > 0 && cs[r].score < docExtraRatio*cs[0].score) {
				continue
			}
			out = append(out, cs[r])
			if len(out) == maxQuotes {
				break
			}
		}
	}
	return out
}

// describe fills a picked candidate's values, stance and holder.
func (e *Engine) describe(c *candidate, qa *question) {
	var vals []value
	for _, v := range extractValues(c.text, qa, e.isCommon) {
		if wants(qa.kind, v.kind) {
			vals = append(vals, v)
		}
	}
	c.values = byProximity(vals, c.text, qa)
	c.stance = sentenceStance(c.text, qa, len(c.values) > 0)
	if c.speaker != "" {
		c.holder = c.speaker
		c.hkey = e.aliases.resolve(holderKey(c.speaker))
	} else {
		c.holder = sourceName(c.doc)
	}
}

// byProximity orders values by their distance to the question's words in
// the sentence: the value next to "population" answers "what is the
// population", not the year two clauses later.
func byProximity(vals []value, text string, qa *question) []value {
	if len(vals) < 2 {
		return vals
	}
	toks := retrieval.TokenizeAll(text)
	var anchors []int
	for i, t := range toks {
		for _, qs := range qa.stems {
			if stemMatch(qs, t.Stem) {
				anchors = append(anchors, i)
				break
			}
		}
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
		return d
	}
	sort.SliceStable(vals, func(i, j int) bool { return dist(vals[i]) < dist(vals[j]) })
	return vals
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
