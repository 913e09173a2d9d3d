package answer

import (
	"fmt"
	"strings"
)

// summarize writes the one line above the accounts: what the sources
// disagree about, or what they say when they do not.
func summarize(a *Answer, qa *question) string {
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
	if len(conflicted) == 0 {
		return counts + ": " + holders(a.Accounts, nil, 4) + "."
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
		return fmt.Sprintf("Sources disagree: %s %s yes; %s %s no (%s).",
			holders(yes, nil, 3), says(len(yes)), holders(no, nil, 3), says(len(no)), counts)
	}
	var parts []string
	seen := map[string]bool{}
	for _, i := range conflicted {
		acc := a.Accounts[i]
		v, _, _ := strings.Cut(acc.Position, ":")
		if seen[v] {
			continue
		}
		seen[v] = true
		parts = append(parts, fmt.Sprintf("%s (%s)", v, acc.Holder))
		if len(parts) == 4 {
			break
		}
	}
	return fmt.Sprintf("Sources disagree: %s (%s).", strings.Join(parts, " vs "), counts)
}

func holders(accs []Account, _ []int, n int) string {
	var names []string
	seen := map[string]bool{}
	for _, a := range accs {
		if seen[a.Holder] {
			continue
		}
		seen[a.Holder] = true
		names = append(names, a.Holder)
	}
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

func says(n int) string {
	if n == 1 {
		return "says"
	}
	return "say"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
