package answer

import "context"

// Dispute is one contested claim of the corpus as a reader sees it: what it
// is about, and each side with its holder, position, date and one quote.
// Disputes are found when the corpus is indexed (see corpus.Dispute); this
// is their view for `crosscheck disputes`, Slack's /disputes and App Home.
type Dispute struct {
	// ID is stable across runs over the same corpus text.
	ID string `json:"id"`
	// Subject says what the sides disagree about, in our words.
	Subject string `json:"subject"`
	// Kind is why the sides cannot all be true: "polarity" (one asserts
	// what another denies), "rebuttal" (one calls another's claim false) or
	// "value" (different figures or dates of the same scope).
	Kind  string `json:"kind"`
	Sides []Side `json:"sides"`
}

// Side is one position in a dispute.
type Side struct {
	Holder    string `json:"holder"`
	Position  string `json:"position"`
	Published string `json:"published,omitempty"`
	Quote     Quote  `json:"quote"`
}

// Disputes lists the corpus's disputes, most contested first; with words,
// only those about them. (Being built: returns none until the claims
// engine lands.)
func (e *Engine) Disputes(ctx context.Context, words string) ([]Dispute, error) {
	return nil, ctx.Err()
}
