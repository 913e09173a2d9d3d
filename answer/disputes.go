package answer

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/lang"

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
	dx.addOpen(ans, shown)
	dx.bestQuoteFirst(ans, shown)
	dx.trimQuotes(qa, ans, shown)
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
				switch sd.d.Kind {
				case corpus.KindPolarity, corpus.KindRebuttal:
					acc.Position = restance(acc.Position, acc.Stance)
				case corpus.KindTrend, corpus.KindConsent:
					acc.Position = trendPosition(sd.d.Labels[s], acc.Quotes[0].Text, acc.Stance)
				}
			}
		}
	}
}

// maxAnswerQuotes bounds the quotes of an answer once disputes are in: a
// reader takes in a handful of accounts, not a page of quotes.
const maxAnswerQuotes = 10

// trimQuotes drops further quotes (never an account's first), last
// accounts first, until the answer is within maxAnswerQuotes; which of an
// account's further quotes goes first is weakestQuote's to say, and the
// one quote carrying a shown dispute's side in its account stays.
func (dx *disputeExpander) trimQuotes(qa *Query, ans *Answer, shown []shownDispute) {
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
				qs := ans.Accounts[a].Quotes
				w := weakestQuote(qa, qs, dx.soleSides(qs, shown))
				if w < 0 {
					break
				}
				ans.Accounts[a].Quotes = append(qs[:w:w], qs[w+1:]...)
				total--
			}
		}
	}
}

// weakestQuote is the index of the further quote (never the first, nor one
// keep marks) that bears least on the question, or -1: a quote a dispute brought before one the
// question found, the question's lower-scored sentence first, then the one
// writing fewer of the words the question asks about; the last of equals.
// The account's first quote already states its side; asked whether a
// photo shows the raid, "This photograph does not correspond …", which the
// question found, outlasts a further restatement of the denial.
func weakestQuote(qa *Query, qs []Quote, keep []bool) int {
	worst := -1
	var least float64
	var words int
	for i := len(qs) - 1; i >= 1; i-- {
		if keep != nil && keep[i] {
			continue
		}
		r, w := qs[i].relevance, relationWords(qa, qs[i].Text)
		if worst < 0 || r < least || r == least && w < words {
			worst, least, words = i, r, w
		}
	}
	return worst
}

// soleSides marks the quotes of an account that alone carry a side of a
// shown dispute in it: "the Attorney General's Office acts on that
// information" is the account's only word on who led the raid, so it stays
// however many of its denials are quoted.
func (dx *disputeExpander) soleSides(qs []Quote, shown []shownDispute) []bool {
	type sideKey struct{ d, s int }
	carriers := map[sideKey][]int{}
	for qi, q := range qs {
		i, ok := dx.k.claimOf(q)
		if !ok {
			continue
		}
		for di, sd := range shown {
			for s, side := range sd.d.Sides {
				if slices.Contains(side, i) {
					carriers[sideKey{di, s}] = append(carriers[sideKey{di, s}], qi)
				}
			}
		}
	}
	keep := make([]bool, len(qs))
	for _, qis := range carriers {
		if len(qis) == 1 {
			keep[qis[0]] = true
		}
	}
	return keep
}

// relationWords counts the question's words outside its names that text
// writes: the same stem, one stem beginning the other ("photo",
// "photograph"), or a synonym the corpus uses for the word.
func relationWords(qa *Query, text string) int {
	stems := lang.Stems(text)
	n := 0
	for _, w := range qa.relStems {
		if slices.ContainsFunc(stems, func(s string) bool {
			return s == w || len(w) >= 5 && len(s) >= 5 && (strings.HasPrefix(s, w) || strings.HasPrefix(w, s)) || slices.Contains(qa.synonyms[w], s)
		}) {
			n++
		}
	}
	return n
}

// addOpen adds, for the disputes shown, the accounts saying their matter
// is not yet known ("too soon to say what had caused the derailment"): a
// reader weighing two accounts needs to know the investigator has not
// decided. They contradict no side.
func (dx *disputeExpander) addOpen(ans *Answer, shown []shownDispute) {
	added := 0
	for _, sd := range shown {
		for _, i := range dx.k.claims.OpenOn(sd.d) {
			if added == maxOpenAccounts {
				return
			}
			if _, ok := dx.k.accountOf(ans, i); ok {
				continue
			}
			c := &dx.k.claims.All[i]
			q := dx.k.claimQuote(c)
			ans.Accounts = append(ans.Accounts, Account{Holder: c.Holder, Stance: Context,
				Position: "Not yet known: " + gist(q.Text, maxPosition-len("Not yet known: ")), Quotes: []Quote{q}})
			added++
		}
	}
}

// maxOpenAccounts bounds the accounts saying a matter is not yet known.
const maxOpenAccounts = 2
