package answer

import "context"

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

// evidenceOf numbers the quotes of an offline answer as the evidence a
// composer works from.
func evidenceOf(a *Answer) *Evidence {
	ev := &Evidence{Question: a.Question, Offline: a}
	for _, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			ev.Sentences = append(ev.Sentences, EvidenceSentence{ID: len(ev.Sentences) + 1, Quote: q, Holder: acc.Holder})
		}
	}
	return ev
}
