package answer

import (
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck/corpus"
)

// claimMatcher is the claim-selection stage, after picking: it unmarks
// conflicts between figures of different scopes, then quotes the claims
// that say what the question asks in other words than its own.
type claimMatcher struct {
	k *knowledge
}

// match adjusts and extends the picked accounts of ans.
func (cm *claimMatcher) match(qa *Query, ans *Answer) {
	if cm.k.claims == nil || ans.Abstained {
		return
	}
	cm.keepScopesApart(ans)
	cm.keepEventsApart(qa, ans)
	cm.addMatchedClaims(qa, ans)
}

// keepScopesApart unmarks conflicts between accounts whose figures share
// no scope ("4 died on the night" and "7 in all"; "three labs" in one raid
// and "750 by April"), or count different events ("48 injured" and "six
// dead"): they are shown side by side, not as a conflict. A figure whose
// sentence states no scope has the empty one, which only another such
// figure shares; one whose clause names no event may count any.
func (cm *claimMatcher) keepScopesApart(ans *Answer) {
	figures := make([][]corpus.Value, len(ans.Accounts))
	for a, acc := range ans.Accounts {
		for _, q := range acc.Quotes {
			if i, ok := cm.k.claimOf(q); ok {
				figures[a] = append(figures[a], cm.k.claims.All[i].Values...)
			}
		}
	}
	for a := range ans.Accounts {
		var keep []int
		for _, b := range ans.Accounts[a].ConflictsWith {
			if !apart(figures[a], figures[b]) {
				keep = append(keep, b)
			}
		}
		ans.Accounts[a].ConflictsWith = keep
	}
}

// keepEventsApart unmarks the conflicts of an account whose figures all
// count another event than a "how many" question asks about: to "how many
// were killed", "48 people were injured" is no rival count of the dead.
func (cm *claimMatcher) keepEventsApart(qa *Query, ans *Answer) {
	if qa.kind != kindQuantity {
		return
	}
	asked := qa.frame.event
	if asked == "" {
		return
	}
	other := func(a int) bool {
		n := 0
		for _, q := range ans.Accounts[a].Quotes {
			i, ok := cm.k.claimOf(q)
			if !ok {
				continue
			}
			for _, v := range cm.k.claims.All[i].Values {
				switch v.Event {
				case "":
					// "nine of them seriously": says no event of its own
				case asked:
					return false
				default:
					n++
				}
			}
		}
		return n > 0
	}
	for a := range ans.Accounts {
		if !other(a) {
			continue
		}
		for _, b := range ans.Accounts[a].ConflictsWith {
			ans.Accounts[b].ConflictsWith = slices.DeleteFunc(ans.Accounts[b].ConflictsWith, func(x int) bool { return x == a })
		}
		ans.Accounts[a].ConflictsWith = []int{}
	}
}

// apart reports whether two accounts' figures have no scope and event in
// common; accounts without figures are not apart.
func apart(a, b []corpus.Value) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x.Scope == y.Scope && (x.Event == "" || y.Event == "" || x.Event == y.Event) {
				return false
			}
		}
	}
	return true
}

// Claim selection by meaning: a claim that says most of what the question
// asks, in other words than the question's ("family members" for
// "relatives", "U.S." for "American"), is quoted even when sentence
// picking passed it over, while the answer has room.
const (
	// claimMatchFloor: the claim must say at least this share of the
	// question's frame.
	claimMatchFloor = 0.5
	// claimMatchRatio: … and nearly as much as the best claim does.
	claimMatchRatio = 0.8
	// maxMatchedClaims bounds the claims one answer adds this way.
	maxMatchedClaims = 3
)

// addMatchedClaims is the claim-selection stage: claims that match the
// question's frame best, not yet quoted, join the answer (in their
// holder's account, else a new one) while it has room.
func (cm *claimMatcher) addMatchedClaims(qa *Query, ans *Answer) {
	cs := cm.k.claims
	total := 0
	for _, acc := range ans.Accounts {
		total += len(acc.Quotes)
	}
	type scored struct {
		i   int
		cov float64
	}
	var best float64
	var all []scored
	for i := range cs.All {
		c := &cs.All[i]
		cov := cm.k.frameCoverage(qa, c.DocID, c.Sentence)
		if cov < claimMatchFloor {
			continue
		}
		best = max(best, cov)
		all = append(all, scored{i, cov})
	}
	sort.SliceStable(all, func(x, y int) bool { return all[x].cov > all[y].cov })
	added := 0
	for _, s := range all {
		if added == maxMatchedClaims || total >= maxAnswerQuotes || s.cov < claimMatchRatio*best {
			break
		}
		if _, ok := cm.k.accountOf(ans, s.i); ok {
			continue
		}
		c := &cs.All[s.i]
		q := cm.k.claimQuote(c)
		// It joins its holder's account only from the same document: two
		// documents in one outlet's voice may well disagree.
		placed := false
		for a := range ans.Accounts {
			acc := &ans.Accounts[a]
			if cm.k.sameParty(acc.Holder, c.Holder) && slices.ContainsFunc(acc.Quotes, func(x Quote) bool { return x.DocID == c.DocID }) {
				acc.Quotes = append(acc.Quotes, q)
				placed = true
				break
			}
		}
		if !placed {
			ans.Accounts = append(ans.Accounts, Account{Holder: c.Holder, Stance: Context, Position: gist(q.Text, maxPosition), Quotes: []Quote{q}})
		}
		added++
		total++
	}
}
