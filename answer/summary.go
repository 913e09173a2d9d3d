package answer

import (
	"fmt"
	"slices"
	"strings"
)

// summariser writes the one line above an answer's accounts.
type summariser struct {
	k *knowledge
}

// summary is what the sources disagree about (the sides of the disputes
// shown first), or who speaks when they do not; for a "how many" question
// also the figures of other scopes shown beside a dispute. labels holds
// the picked accounts' answer values; accounts added later have none.
func (sm *summariser) summary(qa *Query, ans *Answer, labels []string, shown []shownDispute) string {
	for len(labels) < len(ans.Accounts) {
		labels = append(labels, "")
	}
	s := summarize(ans, labels, qa)
	if d := disputeSummary(ans, shown, qa); d != "" {
		s = d
	}
	if qa.kind == kindQuantity {
		s += sm.otherScopes(ans, shown)
	}
	return s
}

// summarize writes the one line above the accounts: what the sources
// disagree about, or who speaks when they do not. labels holds each
// account's answer value as written ("1,040", "3 June 2024"), or "".
func summarize(a *Answer, labels []string, qa *Query) string {
	docs := map[string]bool{}
	for _, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			docs[q.DocID] = true
		}
	}
	var conflicted []int
	for i, acc := range a.Accounts {
		if len(acc.ConflictsWith) > 0 {
			conflicted = append(conflicted, i)
		}
	}
	counts := fmt.Sprintf("%d %s from %d %s", len(a.Accounts), plural(len(a.Accounts), "account", "accounts"),
		len(docs), plural(len(docs), "source", "sources"))
	if len(conflicted) == 0 && len(a.Accounts) == 1 {
		return fmt.Sprintf("One account (%s): %s", a.Accounts[0].Holder, clip(a.Accounts[0].Position, 120))
	}
	if len(conflicted) == 0 {
		return counts + ", none contradicting another: " + holders(a.Accounts, 4) + "."
	}
	if qa.kind == kindYesNo {
		var yes, no []Account
		for _, i := range conflicted {
			switch a.Accounts[i].Stance {
			case Affirms:
				yes = append(yes, a.Accounts[i])
			case Denies:
				no = append(no, a.Accounts[i])
			}
		}
		if len(yes) > 0 && len(no) > 0 {
			return fmt.Sprintf("Sources disagree: %s yes; %s no (%s).", saying(yes, 3), saying(no, 3), counts)
		}
	}
	var parts []string
	seen := map[string]bool{}
	for _, i := range conflicted {
		what := labels[i]
		if what == "" {
			what = "“" + clip(a.Accounts[i].Quotes[0].Text, 60) + "”"
		}
		if seen[what] {
			continue
		}
		seen[what] = true
		parts = append(parts, fmt.Sprintf("%s (%s)", what, a.Accounts[i].Holder))
		if len(parts) == 4 {
			break
		}
	}
	return fmt.Sprintf("Sources disagree: %s (%s).", strings.Join(parts, " vs "), counts)
}

// saying is "A says" or "A, B say", by distinct holder names.
func saying(accs []Account, n int) string {
	names := distinctHolders(accs)
	verb := "say"
	if len(names) == 1 {
		verb = "says"
	}
	return holders(accs, n) + " " + verb
}

func distinctHolders(accs []Account) []string {
	var names []string
	seen := map[string]bool{}
	for _, a := range accs {
		if !seen[a.Holder] {
			seen[a.Holder] = true
			names = append(names, a.Holder)
		}
	}
	return names
}

// holders lists up to n distinct holder names, then how many more.
func holders(accs []Account, n int) string {
	names := distinctHolders(accs)
	more := 0
	if len(names) > n {
		more = len(names) - n
		names = names[:n]
	}
	s := strings.Join(names, ", ")
	if more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// disputeSummary names the sides of every dispute an answer shows: who
// holds which side, in the question's terms where it asks yes or no.
func disputeSummary(a *Answer, shown []shownDispute, qa *Query) string {
	if len(shown) == 0 {
		return ""
	}
	var parts []string
	for _, sd := range shown {
		if asksYesNo(qa) && (sd.d.Kind == "polarity" || sd.d.Kind == "rebuttal") {
			if p := yesNoSides(a, sd); p != "" && !slices.Contains(parts, p) {
				parts = append(parts, p)
			}
			if len(parts) == 2 {
				break
			}
			continue
		}
		var sides []string
		for s, accs := range sd.accounts {
			if len(accs) == 0 {
				continue
			}
			group := make([]Account, 0, len(accs))
			for _, i := range accs {
				group = append(group, a.Accounts[i])
			}
			sides = append(sides, sideSentence(sd.d.Kind, sd.d.Labels[s], group, qa))
		}
		if len(sides) >= 2 {
			parts = append(parts, strings.Join(sides, "; "))
		}
		if len(parts) == 2 {
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	docs := map[string]bool{}
	for _, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			docs[q.DocID] = true
		}
	}
	return fmt.Sprintf("Sources disagree: %s (%d %s from %d %s).", strings.Join(parts, ". Also: "),
		len(a.Accounts), plural(len(a.Accounts), "account", "accounts"), len(docs), plural(len(docs), "source", "sources"))
}

// sideSentence says who holds one side: "ICE says yes", "Engineers at the
// board say: caused by maintenance".
func sideSentence(kind, label string, accs []Account, qa *Query) string {
	who := saying(accs, 3)
	switch {
	case (kind == "polarity" || kind == "rebuttal") && asksYesNo(qa):
		yes := label != "denies"
		if qa.negative {
			yes = !yes
		}
		if yes {
			return who + " yes"
		}
		return who + " no"
	case label == "denies":
		return holders(accs, 3) + " " + plural(len(distinctHolders(accs)), "denies", "deny") + " it"
	case label == "asserts":
		return who + " so"
	}
	return fmt.Sprintf("%s (%s)", label, holders(accs, 3))
}

// yesNoSides says who answers yes and who no among the accounts on the
// sides of a dispute: "ICE says yes; Claudia Sheinbaum, U.S. Embassy say
// no".
func yesNoSides(a *Answer, sd shownDispute) string {
	var yes, no []Account
	seen := map[int]bool{}
	for _, side := range sd.accounts {
		for _, i := range side {
			if seen[i] {
				continue
			}
			seen[i] = true
			switch a.Accounts[i].Stance {
			case Affirms:
				yes = append(yes, a.Accounts[i])
			case Denies:
				no = append(no, a.Accounts[i])
			}
		}
	}
	if len(yes) == 0 || len(no) == 0 {
		return ""
	}
	return saying(yes, 3) + " yes; " + saying(no, 3) + " no"
}

// otherScopes says, after the summary of a "how many" answer, the figures
// of other scopes the answer shows beside the dispute: "Of other scopes:
// 7 (in all) (The health ministry)." They are not in conflict, and a
// reader should see why.
func (sm *summariser) otherScopes(a *Answer, shown []shownDispute) string {
	inDispute := map[int]bool{}
	for _, sd := range shown {
		for _, side := range sd.accounts {
			for _, i := range side {
				inDispute[i] = true
			}
		}
	}
	var parts []string
	for i, acc := range a.Accounts {
		if inDispute[i] || len(acc.Quotes) == 0 {
			continue
		}
		c, ok := sm.k.claimOf(acc.Quotes[0])
		if !ok {
			continue
		}
		for _, v := range sm.k.claims.All[c].Values {
			if v.Scope != "" {
				parts = append(parts, fmt.Sprintf("%s (%s)", v.Label(), acc.Holder))
				break
			}
		}
		if len(parts) == 3 {
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " Of other scopes, not in conflict: " + strings.Join(parts, "; ") + "."
}
