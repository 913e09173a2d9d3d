package answer

import (
	"fmt"
	"strings"
)

// summarize writes the one line above the accounts: what the sources
// disagree about, or who speaks when they do not. labels holds each
// account's answer value as written ("1,040", "3 June 2024"), or "".
func summarize(a *Answer, labels []string, qa *question) string {
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
