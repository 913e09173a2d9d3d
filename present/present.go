// Package present decides what of an answer a reader sees first and what a
// source is called, whatever the medium: bot renders a Layout as Block Kit,
// the CLI as text, so both show the same accounts in the same order under
// the same titles.
//
// It never changes the answer itself: `crosscheck ask --json` keeps the
// engine's order and fields. Nothing here imports Slack.
package present

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/answer"
)

// Layout is an answer arranged for reading.
type Layout struct {
	// Order lists account indexes as a reader meets them: the accounts in
	// conflict first, each conflict's sides next to each other, then the
	// rest in the engine's order. People read the first screen; a dispute
	// the answer exists for must be on it.
	Order []int
	// Conflicting is how many leading entries of Order are in a conflict.
	Conflicting int
	titles      map[string]string
}

// stanceRank puts, within one conflict, the claim before its denials and
// qualifications, so the sides read as "X says…; Y says no".
var stanceRank = map[answer.Stance]int{answer.Affirms: 0, answer.Denies: 1, answer.Qualifies: 2, answer.Context: 3}

// Of lays out a.
func Of(a *answer.Answer) Layout {
	n := len(a.Accounts)
	group := conflictGroups(a)
	var conflicting, rest []int
	for i := range n {
		if group[i] >= 0 {
			conflicting = append(conflicting, i)
		} else {
			rest = append(rest, i)
		}
	}
	slices.SortStableFunc(conflicting, func(i, j int) int {
		return cmp.Or(cmp.Compare(group[i], group[j]), cmp.Compare(rank(a.Accounts[i].Stance), rank(a.Accounts[j].Stance)))
	})
	return Layout{
		Order:       append(conflicting, rest...),
		Conflicting: len(conflicting),
		titles:      derivedTitles(a),
	}
}

func rank(s answer.Stance) int {
	if r, ok := stanceRank[s]; ok {
		return r
	}
	return len(stanceRank)
}

// conflictGroups gives each account the smallest index of the accounts it
// is connected to through conflicts_with (either direction), or -1 when it
// conflicts with none: sides of one dispute share a group, and groups sort
// by where the engine ranked their first member.
func conflictGroups(a *answer.Answer) []int {
	n := len(a.Accounts)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	inConflict := make([]bool, n)
	for i, acc := range a.Accounts {
		for _, j := range acc.ConflictsWith {
			if j < 0 || j >= n || j == i {
				continue
			}
			inConflict[i], inConflict[j] = true, true
			ri, rj := find(i), find(j)
			parent[max(ri, rj)] = min(ri, rj)
		}
	}
	group := make([]int, n)
	for i := range group {
		group[i] = -1
		if inConflict[i] {
			group[i] = find(i)
		}
	}
	return group
}

// Position returns where account i appears in the layout (0-based), or -1.
// Text views number accounts as they show them and refer to each other by
// those numbers, not by indexes into the JSON.
func (l Layout) Position(i int) int {
	return slices.Index(l.Order, i)
}

// Title is what a quote's source is called: its document's title, or, for
// a document that has none, words from the start of the text the answer
// quotes from it; at most maxTitleRunes, cut at a word. Never the document id: an id such as
// "latest-news-story-1182" reads like a headline nobody wrote.
func (l Layout) Title(q answer.Quote) string {
	if t := strings.TrimSpace(q.Source.Title); t != "" {
		return clipWords(t, maxTitleRunes)
	}
	if t := l.titles[q.DocID]; t != "" {
		return t
	}
	return "Untitled document"
}

// maxTitleRunes keeps a source line to about two lines on a phone screen;
// the whole title is one click away, at the source's link.
const maxTitleRunes = 90

// derivedTitleRunes bounds a title made from a document's text: long enough
// to recognise the story (about ten words), short enough for one line of a
// phone screen next to the outlet and date.
const derivedTitleRunes = 60

// derivedTitles names each untitled document of a after the earliest text
// the answer quotes from it (nearest the document's start, so usually its
// lede), cut at a word. One title per document, whichever quote is shown.
func derivedTitles(a *answer.Answer) map[string]string {
	first := map[string]answer.Quote{}
	for _, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			if strings.TrimSpace(q.Source.Title) != "" {
				continue
			}
			if f, ok := first[q.DocID]; !ok || q.Start < f.Start {
				first[q.DocID] = q
			}
		}
	}
	titles := make(map[string]string, len(first))
	for id, q := range first {
		titles[id] = clipWords(q.Text, derivedTitleRunes)
	}
	return titles
}

// clipWords is s on one line, cut after the last whole word that fits in
// max runes and marked "…" when cut.
func clipWords(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "\"“‘'")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := ""
	for _, w := range strings.Fields(s) {
		next := strings.TrimSpace(cut + " " + w)
		if utf8.RuneCountInString(next)+1 > max {
			break
		}
		cut = next
	}
	if cut == "" { // one word longer than max
		r := []rune(s)
		cut = string(r[:max-1])
	}
	return strings.TrimRight(cut, ",;:—–-") + "…"
}

// Outlet names who published a quote's source: its outlet, or its author
// when the document names no outlet (a report, a blog), or "".
func Outlet(q answer.Quote) string {
	return strings.TrimSpace(cmp.Or(strings.TrimSpace(q.Source.Outlet), q.Source.Author))
}
