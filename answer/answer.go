// Package answer turns retrieved passages into the answer contract: accounts
// of who claims what, each with byte-exact quotes, conflicts between them, a
// one-line summary, or an abstention.
//
// Engine.Ask is a pipeline that reads top to bottom. Each stage is a small
// type in its own file and hands the next what it made:
//
//	analyser        analyse.go   the question → *Query (read once)
//	finder          search.go    *Query → found: the sentences, scored
//	picker          pick.go      found → picked: accounts and their labels
//	claimMatcher    claims.go    + claims that say what the question asks
//	disputeExpander disputes.go  + every dispute those touch, whole
//	summariser      summary.go   the line above the accounts
//	Composer        compose.go   Evidence → the final Answer
//
// Every stage reads the same knowledge (knowledge.go: corpus, index,
// vocabulary, claims, lexicon, weights) and none writes it.
//
// Nothing here imports Slack; the JSON shape of Answer is the public contract
// of `crosscheck ask --json` (see DESIGN.md).
package answer

// Stance of an account relative to the question.
type Stance string

const (
	Affirms   Stance = "affirms"
	Denies    Stance = "denies"
	Qualifies Stance = "qualifies"
	Context   Stance = "context"
)

// Answer is the answer contract.
type Answer struct {
	Question  string    `json:"question"`
	Mode      string    `json:"mode"`
	Summary   string    `json:"summary"`
	Abstained bool      `json:"abstained"`
	Note      string    `json:"note,omitempty"`
	Accounts  []Account `json:"accounts"`
	// Disputes are the ids of the corpus disputes this answer shows whole
	// (see `crosscheck disputes`); omitted when it shows none.
	Disputes []string `json:"disputes,omitempty"`
}

// Account is one position held by one side, with the quotes that carry it.
type Account struct {
	Holder   string `json:"holder"`
	Position string `json:"position"`
	// PositionBy is "model" when a model worded the position; our rules'
	// wording otherwise (omitted). Either way it is never a quote.
	PositionBy    string  `json:"position_by,omitempty"`
	Stance        Stance  `json:"stance"`
	ConflictsWith []int   `json:"conflicts_with"`
	Quotes        []Quote `json:"quotes"`
}

// Quote is a byte-exact span of a source document.
type Quote struct {
	DocID   string `json:"doc_id"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
	Source  Source `json:"source"`
	// relevance is the score the question gave the quote's sentence when
	// the question found it, 0 when a dispute brought it: an answer with
	// too many quotes drops further quotes by it.
	relevance float64
}

// Source is the metadata a reader needs to check a quote.
type Source struct {
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

func abstain(q, why string) *Answer {
	return &Answer{Question: q, Mode: "extractive", Abstained: true, Summary: why, Accounts: []Account{}}
}
