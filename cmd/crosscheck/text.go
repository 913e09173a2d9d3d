package main

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/present"
)

// style wraps text in ANSI codes when colour is on.
type style bool

func (s style) wrap(code, text string) string {
	if !s {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// stanceColors mark a stance the way the Slack answer does, without emoji.
var stanceColors = map[answer.Stance]string{
	answer.Affirms: "32", answer.Denies: "31", answer.Qualifies: "33", answer.Context: "2",
}

// writeText prints an answer for a person at a terminal, in the shape of
// the Slack answer: the summary, then each account (those in conflict
// first) as holder and stance, its position, its best quote and that
// quote's source line. With all, every quote of an account is printed,
// each with its source line, document id and byte offsets; without, the
// holder's line counts the quotes not shown.
func writeText(w io.Writer, a *answer.Answer, color, all bool) {
	st := style(color)
	fmt.Fprintln(w, st.wrap("1", oneLine(a.Summary)))
	if a.Note != "" {
		fmt.Fprintln(w, st.wrap("33", "Note: "+oneLine(a.Note)))
	}
	l := present.Of(a)
	hidden := false
	for p, i := range l.Order {
		if p == l.Conflicting && p > 0 {
			fmt.Fprintln(w)
			fmt.Fprintln(w, st.wrap("2", "Also in the sources, not in conflict:"))
		}
		fmt.Fprintln(w)
		writeAccount(w, st, a, l, p, i, all)
		hidden = hidden || !all && len(a.Accounts[i].Quotes) > 1
	}
	if hidden {
		fmt.Fprintln(w)
		fmt.Fprintln(w, st.wrap("2", "Every quote: crosscheck ask --all"))
	}
}

// writeAccount prints account i, shown as number p+1. Accounts refer to
// each other by the numbers a reader sees, not by JSON indexes.
func writeAccount(w io.Writer, st style, a *answer.Answer, l present.Layout, p, i int, all bool) {
	acc := &a.Accounts[i]
	var refs []string
	for _, j := range acc.ConflictsWith {
		if q := l.Position(j); q >= 0 && j != i {
			refs = append(refs, fmt.Sprintf("[%d]", q+1))
		}
	}
	marker := ""
	if len(refs) > 0 {
		marker = st.wrap("31", " · ⚔ contradicts "+strings.Join(refs, ", "))
	}
	quotes := acc.Quotes
	if !all {
		quotes = quotes[:min(1, len(quotes))]
	}
	if more := len(acc.Quotes) - len(quotes); more == 1 {
		marker += st.wrap("2", " · +1 more quote")
	} else if more > 1 {
		marker += st.wrap("2", fmt.Sprintf(" · +%d more quotes", more))
	}
	stance := st.wrap(cmp.Or(stanceColors[acc.Stance], "0"), string(acc.Stance))
	fmt.Fprintf(w, "[%d] %s · %s%s\n", p+1, st.wrap("1", oneLine(cmp.Or(acc.Holder, "Unattributed"))), stance, marker)
	if acc.Position != "" {
		by := ""
		if acc.PositionBy == "model" {
			by = " (model's wording)"
		}
		fmt.Fprintf(w, "    %s%s\n", oneLine(acc.Position), by)
	}
	for _, q := range quotes {
		fmt.Fprintf(w, "    %s\n", st.wrap("36", quoted(oneLine(q.Text))))
		line := sourceLine(l, q)
		if all {
			line += fmt.Sprintf(" · %s [%d:%d]", q.DocID, q.Start, q.End)
		}
		fmt.Fprintf(w, "      %s\n", st.wrap("2", line))
	}
}

// oneLine is s on one line, made safe for a terminal.
func oneLine(s string) string { return strings.Join(strings.Fields(printable(s)), " ") }

// printable replaces control characters (other than spaces and line
// breaks) with U+FFFD: document text must not be able to move the cursor,
// clear the screen or recolour what follows, just as in Slack it cannot
// mention or link. The --json output keeps every byte.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return utf8.RuneError
		}
		return r
	}, s)
}

// quoted wraps a quote in quotation marks unless it already opens with
// one: “““Three labs…” ICE said” reads worse than the source itself.
func quoted(s string) string {
	if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") {
		return s
	}
	return "“" + s + "”"
}

// sourceLine is "outlet · date · title <url>", skipping parts that are
// unknown. The title is the document's or one derived from its text, never
// its id.
func sourceLine(l present.Layout, q answer.Quote) string {
	var parts []string
	if o := present.Outlet(q); o != "" {
		parts = append(parts, o)
	}
	if q.Source.Published != "" {
		parts = append(parts, q.Source.Published)
	}
	title := l.Title(q)
	if q.Source.URL != "" {
		title += " <" + q.Source.URL + ">"
	}
	return oneLine(strings.Join(append(parts, title), " · "))
}
