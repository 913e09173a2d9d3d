package bot

import (
	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
)

// verifyQuotes drops every quote that is not byte-for-byte at its offsets in
// its document, and then every account left without quotes, remapping
// conflicts_with. The engine promises byte-exact quotes; this is the last
// gate before a quote is shown under an outlet's name, so it trusts nothing.
// It returns a new answer and the number of quotes dropped.
func verifyQuotes(lib Library, a *answer.Answer) (*answer.Answer, int) {
	out := *a
	out.Accounts = nil
	dropped := 0
	newIndex := make([]int, len(a.Accounts))
	for i, acc := range a.Accounts {
		newIndex[i] = -1
		var kept []answer.Quote
		for _, q := range acc.Quotes {
			if quoteHolds(lib.Doc(q.DocID), q) {
				kept = append(kept, q)
			} else {
				dropped++
			}
		}
		if len(kept) == 0 {
			continue
		}
		acc.Quotes = kept
		newIndex[i] = len(out.Accounts)
		out.Accounts = append(out.Accounts, acc)
	}
	for i := range out.Accounts {
		var cw []int
		for _, j := range out.Accounts[i].ConflictsWith {
			if j >= 0 && j < len(newIndex) && newIndex[j] >= 0 {
				cw = append(cw, newIndex[j])
			}
		}
		out.Accounts[i].ConflictsWith = cw
	}
	if len(out.Accounts) == 0 && len(a.Accounts) > 0 {
		out.Abstained = true
		out.Summary = ""
		out.Note = "The answer's quotes could not be found verbatim in their documents, so none are shown."
	}
	if out.Accounts == nil {
		out.Accounts = []answer.Account{}
	}
	return &out, dropped
}

func quoteHolds(d *corpus.Document, q answer.Quote) bool {
	return d != nil && q.Start >= 0 && q.Start < q.End && q.End <= len(d.Raw) && string(d.Raw[q.Start:q.End]) == q.Text
}
