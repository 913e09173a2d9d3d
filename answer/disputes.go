package answer

import (
	"sort"

	"github.com/crosscheck/crosscheck/corpus"
)

// Tuning of the dispute stage. Counts of shared meaning, not fitted scores.
const (
	// maxDisputes bounds the disputes one answer brings whole.
	maxDisputes = 3
	// quotesPerSide is how many claims of one side of a dispute an answer
	// shows at most, beyond those it already quotes.
	quotesPerSide = 2
)

// disputeExpander is the stage after claim selection: it brings every
// dispute the answer's claims belong to, whole.
type disputeExpander struct {
	k *knowledge
}

// expand brings every dispute that the question is about, whole. Each
// side gets an account (the quotes it already has, or its claims that best
// fit the question), accounts on different sides are marked as
// conflicting, and the answer names the disputes it shows.
//
// Which disputes a question is about depends on what it asks: a yes/no
// question is answered by who asserts and who denies; "who" by who led;
// "how many" by figures of one scope; "why" by causes. A question that asks
// when or where something happened is not answered by a dispute over
// whether it happened, so its answer marks none.
func (dx *disputeExpander) expand(qa *Query, ans *Answer) []shownDispute {
	cs := dx.k.claims
	if cs == nil || ans.Abstained {
		return nil
	}
	if len(cs.Disputes) == 0 {
		return nil
	}
	f := qa.frame
	picked := dx.relevantDisputes(qa, f, ans)
	if len(picked) == 0 {
		return nil
	}
	var shown []shownDispute
	if asksYesNo(qa) {
		for i := range ans.Accounts {
			ans.Accounts[i].ConflictsWith = nil
		}
	}
	// An account's yes or no is set by the first (best) dispute that
	// decides it: a later one over a related matter (a rebuttal of a
	// report, after the polarity dispute it belongs to) does not undo it.
	decided := map[int]bool{}
	for _, ch := range picked {
		d := &cs.Disputes[ch.idx]
		sideAccounts := make([][]int, len(d.Sides))
		for s, side := range d.Sides {
			sideAccounts[s] = dx.showSide(qa, f, ans, d, s, side, decided)
		}
		if asksYesNo(qa) && (d.Kind == corpus.KindPolarity || d.Kind == corpus.KindRebuttal) {
			dx.joinHolders(ans, d, sideAccounts)
		}
		for s := range sideAccounts {
			for t := s + 1; t < len(sideAccounts); t++ {
				for _, i := range sideAccounts[s] {
					for _, j := range sideAccounts[t] {
						markConflict(ans, i, j)
					}
				}
			}
		}
		ans.Disputes = append(ans.Disputes, d.ID)
		shown = append(shown, shownDispute{d: d, accounts: sideAccounts})
	}
	dx.bestQuoteFirst(ans, shown)
	trimQuotes(ans, shown)
	return shown
}

// shownDispute is a dispute as an answer shows it: the accounts carrying
// each side.
type shownDispute struct {
	d        *corpus.Dispute
	accounts [][]int
}

// bestQuoteFirst puts first, in each account on a side of a shown dispute,
// the quote that states the side most plainly: the claim the other sides
// contradict most. The position line then says what that quote says.
func (dx *disputeExpander) bestQuoteFirst(ans *Answer, shown []shownDispute) {
	done := map[int]bool{}
	for _, sd := range shown {
		for s, side := range sd.accounts {
			for _, a := range side {
				if done[a] {
					continue
				}
				done[a] = true
				acc := &ans.Accounts[a]
				degree := func(q Quote) int {
					if i, ok := dx.k.claimOf(q); ok {
						return dx.k.claims.Degree(i)
					}
					return -1
				}
				first := acc.Quotes[0]
				sort.SliceStable(acc.Quotes, func(x, y int) bool { return degree(acc.Quotes[x]) > degree(acc.Quotes[y]) })
				if acc.Quotes[0] == first {
					continue
				}
				acc.Position = sidePosition(sd.d.Labels[s], acc.Quotes[0].Text)
				if sd.d.Kind == corpus.KindPolarity || sd.d.Kind == corpus.KindRebuttal {
					acc.Position = restance(acc.Position, acc.Stance)
				}
			}
		}
	}
}

// maxAnswerQuotes bounds the quotes of an answer once disputes are in: a
// reader takes in a handful of accounts, not a page of quotes.
const maxAnswerQuotes = 10

// trimQuotes drops further quotes (never an account's first), last
// accounts first, until the answer is within maxAnswerQuotes.
func trimQuotes(ans *Answer, shown []shownDispute) {
	inDispute := map[int]bool{}
	for _, sd := range shown {
		for _, side := range sd.accounts {
			for _, a := range side {
				inDispute[a] = true
			}
		}
	}
	total := 0
	for _, acc := range ans.Accounts {
		total += len(acc.Quotes)
	}
	// Accounts outside the disputes give up their further quotes first;
	// then accounts on a side keep their best three.
	for _, keep := range []int{1, 3} {
		for a := len(ans.Accounts) - 1; a >= 0 && total > maxAnswerQuotes; a-- {
			if inDispute[a] != (keep == 3) {
				continue
			}
			for len(ans.Accounts[a].Quotes) > keep && total > maxAnswerQuotes {
				ans.Accounts[a].Quotes = ans.Accounts[a].Quotes[:len(ans.Accounts[a].Quotes)-1]
				total--
			}
		}
	}
}
