package answer

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
)

// showSide makes sure one side of a dispute is in the answer and returns
// the accounts that carry it.
func (dx *disputeExpander) showSide(qa *Query, f frame, ans *Answer, d *corpus.Dispute, s int, side []int, decided map[int]bool) []int {
	cs := dx.k.claims
	var accs []int
	for _, i := range side {
		if a, ok := dx.k.accountOf(ans, i); ok && !slices.Contains(accs, a) {
			accs = append(accs, a)
		}
	}
	// A side's claims in order of how much they answer the question and
	// how contested they are: the statement most contradicted is the one a
	// reader needs to see.
	order := append([]int(nil), side...)
	future := d.Kind == corpus.KindTrend && asksFuture(qa.text)
	rank := func(i int) int {
		n, w := cs.Match(f.names, f.words, i)
		r := n + w + cs.Degree(i)
		if future && cs.All[i].Future {
			// "Are ties likely to improve?" asks for forecasts first.
			r += 2
		}
		return r
	}
	sort.SliceStable(order, func(x, y int) bool { return rank(order[x]) > rank(order[y]) })
	added := 0
	had := len(accs) > 0
	for _, i := range order {
		if added == quotesPerSide || had && added >= 1 {
			break
		}
		if _, ok := dx.k.accountOf(ans, i); ok {
			continue
		}
		// Beyond one claim per side, only claims that say what the
		// question asks are worth a reader's time.
		if n, w := cs.Match(f.names, f.words, i); len(accs) > 0 && n+w == 0 && !(future && cs.All[i].Future) {
			break
		}
		a := dx.addClaim(qa, ans, d, s, i)
		if !slices.Contains(accs, a) {
			accs = append(accs, a)
		}
		added++
	}
	if (d.Kind == corpus.KindTrend || d.Kind == corpus.KindConsent) && asksYesNo(qa) {
		// "Will cooperation deepen?": the side saying it will says yes.
		// "… deepen or become strained?" asks no yes or no.
		dx.trendStance(qa, f, ans, d, s, accs, decided)
		return accs
	}
	causeAsked := false
	if d.Kind == corpus.KindCause && asksYesNo(qa) {
		_, causeAsked = dx.causeAnswer(qa, d, s)
	}
	if asksYesNo(qa) && (d.Kind == corpus.KindPolarity || d.Kind == corpus.KindRebuttal || causeAsked) {
		for _, a := range accs {
			if decided[a] {
				continue
			}
			decided[a] = true
			acc := &ans.Accounts[a]
			acc.Stance = dx.yesOrNo(qa, d, s, acc)
			acc.Position = restance(acc.Position, acc.Stance)
		}
	}
	return accs
}

// joinHolders adds to a side of a yes/no dispute the other accounts of its
// holders that answer the same way: the embassy's own "no ICE agents
// operated" is on the side the corpus put the embassy on, though the claim
// the dispute holds is another of its sentences. A holder found on two
// sides, or an account answering otherwise, joins none.
func (dx *disputeExpander) joinHolders(ans *Answer, d *corpus.Dispute, sides [][]int) {
	placed := map[int]bool{}
	for _, accs := range sides {
		for _, a := range accs {
			placed[a] = true
		}
	}
	for a := range ans.Accounts {
		acc := &ans.Accounts[a]
		if placed[a] || acc.Stance != Affirms && acc.Stance != Denies {
			continue
		}
		home := -1
		for s, side := range d.Sides {
			if !slices.ContainsFunc(side, func(i int) bool { return dx.k.sameParty(acc.Holder, dx.k.claims.All[i].Holder) }) {
				continue
			}
			if home >= 0 {
				home = -2
				break
			}
			home = s
		}
		if home < 0 || !slices.ContainsFunc(sides[home], func(b int) bool { return ans.Accounts[b].Stance == acc.Stance }) {
			continue
		}
		sides[home] = append(sides[home], a)
	}
}

// yesOrNo is an account's answer to a yes/no question from its side of a
// dispute. The side's label says whether it denies the dispute's central
// statement; a denial that is itself negative ("denied that the plant was
// unsafe") asserts, and a question put negatively ("Was the plant
// unsafe?", "Did X deny …?") swaps yes and no.
func (dx *disputeExpander) yesOrNo(qa *Query, d *corpus.Dispute, s int, acc *Account) Stance {
	yes := d.Labels[s] != "denies"
	for _, q := range acc.Quotes {
		i, ok := dx.k.claimOf(q)
		if !ok || !slices.Contains(d.Sides[s], i) {
			continue
		}
		if c := &dx.k.claims.All[i]; c.Rebuts || c.Polarity == corpus.Denied {
			yes = c.Polarity != corpus.Denied
		}
		break
	}
	if d.Kind == corpus.KindCause {
		if y, ok := dx.causeAnswer(qa, d, s); ok {
			yes = y
		}
	}
	if qa.negative != dx.k.claims.Entities.Negative(qa.text) {
		yes = !yes
	}
	if yes {
		return Affirms
	}
	return Denies
}

// causeAnswer answers "Did X cause it?" for one side of a cause dispute:
// yes when the side blames what the question names, no when it blames
// something else ("poor maintenance caused the breach, not the tremor").
// ok is false when the question names none of the dispute's causes.
func (dx *disputeExpander) causeAnswer(qa *Query, d *corpus.Dispute, s int) (yes, ok bool) {
	asked := func(c *corpus.Claim) bool {
		for _, cause := range c.Causes {
			for _, w := range qa.frame.words {
				if dx.k.claims.Related(cause, w) {
					return true
				}
			}
		}
		return false
	}
	for _, side := range d.Sides {
		for _, i := range side {
			ok = ok || asked(&dx.k.claims.All[i])
		}
	}
	if !ok {
		return false, false
	}
	for _, i := range d.Sides[s] {
		if c := &dx.k.claims.All[i]; len(c.Causes) > 0 {
			return asked(c) && c.Polarity != corpus.Denied, true
		}
	}
	return false, false
}

// restance puts a position's lead in line with a stance set by a dispute:
// "Yes: " becomes "No: " for an account on the denying side.
func restance(pos string, st Stance) string {
	for _, lead := range []string{"Yes: ", "No: ", "Partly: ", "Says: ", "Denies: "} {
		pos = strings.TrimPrefix(pos, lead)
	}
	switch st {
	case Affirms:
		return "Yes: " + pos
	case Denies:
		return "No: " + pos
	}
	return pos
}

// addClaim quotes claim i of side s: in the account of the same holder
// that holds no other side of the dispute, else in a new account.
func (dx *disputeExpander) addClaim(qa *Query, ans *Answer, d *corpus.Dispute, s, i int) int {
	c := &dx.k.claims.All[i]
	q := dx.k.claimQuote(c)
	for a := range ans.Accounts {
		acc := &ans.Accounts[a]
		if !dx.k.sameParty(acc.Holder, c.Holder) || dx.holdsOtherSide(acc, d, s) {
			continue
		}
		acc.Quotes = append(acc.Quotes, q)
		return a
	}
	acc := Account{Holder: c.Holder, Stance: Context, Quotes: []Quote{q}}
	acc.Position = sidePosition(d.Labels[s], q.Text)
	ans.Accounts = append(ans.Accounts, acc)
	return len(ans.Accounts) - 1
}

// holdsOtherSide reports whether an account quotes a claim of another side
// of d than s.
func (dx *disputeExpander) holdsOtherSide(acc *Account, d *corpus.Dispute, s int) bool {
	for _, q := range acc.Quotes {
		i, ok := dx.k.claimOf(q)
		if !ok {
			continue
		}
		for t, side := range d.Sides {
			if t != s && slices.Contains(side, i) {
				return true
			}
		}
	}
	return false
}

func markConflict(ans *Answer, i, j int) {
	if i == j {
		return
	}
	if !slices.Contains(ans.Accounts[i].ConflictsWith, j) {
		ans.Accounts[i].ConflictsWith = append(ans.Accounts[i].ConflictsWith, j)
	}
	if !slices.Contains(ans.Accounts[j].ConflictsWith, i) {
		ans.Accounts[j].ConflictsWith = append(ans.Accounts[j].ConflictsWith, i)
	}
}

// trendStance sets, for a yes/no question, the stance of the accounts on
// side s of trend or consent dispute d: yes when the side heads the way
// the question asks (or lets in when it asks "allow"), no when the other
// way, neither when the question asks both ways.
func (dx *disputeExpander) trendStance(qa *Query, f frame, ans *Answer, d *corpus.Dispute, s int, accs []int, decided map[int]bool) {
	cs := dx.k.claims
	asked, side := cs.Direction(f.words), cs.SideTrend(d, s)
	if d.Kind == corpus.KindConsent {
		// "Does she allow …?": the side letting in says yes.
		asked, side = cs.AsksConsent(f.words), cs.SideConsent(d, s)
	}
	st := Context
	switch {
	case asked == 0 || side == 0:
	case asked == side:
		st = Affirms
	default:
		st = Denies
	}
	for _, a := range accs {
		if decided[a] {
			continue
		}
		decided[a] = true
		acc := &ans.Accounts[a]
		acc.Stance = st
		acc.Position = trendPosition(d.Labels[s], acc.Quotes[0].Text, st)
	}
}

// trendPosition is the position line of an account on a side of a trend
// dispute: "No: …" when it answers a yes/no question, else the side's
// label ("Relations worsening: …").
func trendPosition(label, text string, st Stance) string {
	if st == Affirms || st == Denies {
		return restance(gist(text, maxPosition-len("Yes: ")), st)
	}
	return sidePosition(label, text)
}

// asksFuture reports whether a question asks what will happen: "will",
// "likely to", "going to", "expected to".
func asksFuture(q string) bool {
	for _, w := range strings.Fields(strings.ToLower(q)) {
		switch strings.Trim(w, "?,.!") {
		case "will", "likely", "going", "expected", "forecast", "outlook", "future", "next":
			return true
		}
	}
	return false
}
