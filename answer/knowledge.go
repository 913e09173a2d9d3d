package answer

import (
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lexicon"
)

// knowledge is what every stage of the engine reads and none writes: the
// corpus, its index, the words it writes, its claims and the disputes
// among them, the lexicon, and the weights answers are chosen with.
// NewEngine builds it once; each stage holds a pointer to it.
type knowledge struct {
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
	lex func() *lexicon.Lexicon
	// claims are the corpus's claims and the disputes among them.
	claims *corpus.Claims
}

func (k *knowledge) docStems(d *corpus.Document) map[string]bool { return k.stems[d.ID] }

func (k *knowledge) isCommon(lower string) bool { return k.lower[lower] }

// claimQuote is the quote of a claim: its own span (a transcript label
// left out), with its source.
func (k *knowledge) claimQuote(c *corpus.Claim) Quote {
	doc := k.corpus.Doc(c.DocID)
	return Quote{
		DocID: c.DocID, Text: string(doc.Raw[c.Start:c.End]), Start: c.Start, End: c.End,
		Speaker: c.Speaker,
		Source: Source{Title: doc.Title, Outlet: doc.Outlet, Author: doc.Author,
			Published: doc.Published, URL: doc.URL},
	}
}

// claimOf returns the claim a quote is the span of.
func (k *knowledge) claimOf(q Quote) (int, bool) {
	d := k.corpus.Doc(q.DocID)
	if d == nil {
		return 0, false
	}
	return k.claims.At(q.DocID, d.SentenceAt(q.Start))
}

// accountOf returns the account quoting claim i.
func (k *knowledge) accountOf(ans *Answer, i int) (int, bool) {
	for a, acc := range ans.Accounts {
		for _, q := range acc.Quotes {
			if j, ok := k.claimOf(q); ok && j == i {
				return a, true
			}
		}
	}
	return 0, false
}

// sameParty reports whether two holders are one party: the same name, an
// alias, or a unit of the other ("HSI" of "ICE").
func (k *knowledge) sameParty(a, b string) bool {
	if sameHolder(holderKey(a), holderKey(b)) {
		return true
	}
	ents := k.claims.Entities
	ka, kb := ents.Key(a), ents.Key(b)
	pa, pb := ents.Parent(ka), ents.Parent(kb)
	return pa == kb && !strings.HasPrefix(pa, "country:") || pb == ka && !strings.HasPrefix(pb, "country:")
}

// frameWeight is what a match by meaning (a synonym, a demonym, an alias)
// is worth against a match of the same word: a little less, so the
// sentence that uses the question's own words still comes first.
const frameWeight = 0.9

// frameCoverage is the share of the question's frame (names not topical to
// the whole corpus, words not common; each weighted by how rare it is in
// the corpus's claims) that the claim of a sentence says in one of their
// meanings; 0 for a sentence that is no claim.
func (k *knowledge) frameCoverage(qa *Query, docID string, si int) float64 {
	cs := k.claims
	i, ok := cs.At(docID, si)
	if !ok {
		return 0
	}
	got, total := cs.MatchWeight(qa.frame.names, qa.frame.words, i)
	if total == 0 {
		return 0
	}
	return got / total
}
