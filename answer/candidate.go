package answer

import (
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
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
