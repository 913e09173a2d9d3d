package answer

import (
	"context"
	"fmt"
)

// Composer writes the answer from the evidence the engine selected. The
// extractive composer is the default; a model-backed one may replace it and
// must fall back to Evidence.Offline on any failure, with a Note saying so.
type Composer interface {
	Compose(ctx context.Context, ev *Evidence) (*Answer, error)
}

// Evidence is what the engine hands a composer: the question, every
// sentence it selected (each side of every dispute it touches included),
// the disputes, and the answer the offline composer wrote from them.
type Evidence struct {
	Question string
	// Sentences are numbered from 1 in the order a prompt should show them:
	// every side of a dispute before any second sentence of one side.
	Sentences []EvidenceSentence
	Disputes  []Dispute
	// Offline is the extractive answer from the same evidence; a model
	// composer adds back its accounts that the model left out.
	Offline *Answer
}

// EvidenceSentence is one quotable sentence, with the byte span that makes
// any quote of it exact by construction.
type EvidenceSentence struct {
	ID     int    // assigned by the engine, 1-based
	Quote  Quote  // doc id, text, span, speaker, source metadata
	Holder string // who makes the claim: the speaker, else the source
	// Disputes are the ids of the disputes this sentence is a side of, and
	// Side its side's index in each (parallel slices).
	Disputes []string
	Side     []int
}

// evidenceSidePerDispute bounds the claims of one side of a dispute that a
// composer is shown.
const evidenceSidePerDispute = 4

// evidenceOf numbers what a composer works from: first every side of every
// dispute the answer shows, one claim per side in turn (so that a prompt
// budget cuts a second quote of one side before the first of another),
// then the offline answer's other quotes.
func (k *knowledge) evidenceOf(a *Answer, shown []shownDispute) *Evidence {
	ev := &Evidence{Question: a.Question, Offline: a}
	at := map[string]int{} // doc:start → index in ev.Sentences
	add := func(q Quote, holder string) int {
		key := fmt.Sprintf("%s:%d", q.DocID, q.Start)
		if i, ok := at[key]; ok {
			return i
		}
		ev.Sentences = append(ev.Sentences, EvidenceSentence{ID: len(ev.Sentences) + 1, Quote: q, Holder: holder})
		at[key] = len(ev.Sentences) - 1
		return at[key]
	}
	for _, sd := range shown {
		ev.Disputes = append(ev.Disputes, k.disputeView(sd.d))
		for n := 0; n < evidenceSidePerDispute; n++ {
			for s, side := range sd.d.Sides {
				if n >= len(side) {
					continue
				}
				c := &k.claims.All[side[n]]
				i := add(k.claimQuote(c), c.Holder)
				ev.Sentences[i].Disputes = append(ev.Sentences[i].Disputes, sd.d.ID)
				ev.Sentences[i].Side = append(ev.Sentences[i].Side, s)
			}
		}
	}
	for _, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			add(q, acc.Holder)
		}
	}
	return ev
}
