package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/answer"
)

// style wraps text in ANSI codes when colour is on.
type style bool

func (s style) wrap(code, text string) string {
	if !s {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// writeText prints an answer for a person at a terminal: the summary, then
// each account with its holder, stance, position and quotes, each quote
// followed by an outlet · date · url line.
func writeText(w io.Writer, a *answer.Answer, color bool) {
	st := style(color)
	fmt.Fprintln(w, st.wrap("1", a.Summary))
	if a.Note != "" {
		fmt.Fprintln(w, st.wrap("33", "Note: "+a.Note))
	}
	for i, acc := range a.Accounts {
		fmt.Fprintln(w)
		marker := ""
		if len(acc.ConflictsWith) > 0 {
			refs := make([]string, len(acc.ConflictsWith))
			for j, k := range acc.ConflictsWith {
				refs[j] = fmt.Sprintf("[%d]", k+1)
			}
			marker = st.wrap("31", "  ⚔ conflicts with "+strings.Join(refs, ", "))
		}
		fmt.Fprintf(w, "[%d] %s (%s)%s\n", i+1, st.wrap("1", acc.Holder), acc.Stance, marker)
		fmt.Fprintf(w, "    %s\n", acc.Position)
		for _, q := range acc.Quotes {
			fmt.Fprintf(w, "    %s\n", st.wrap("36", quoted(oneLine(q.Text))))
			fmt.Fprintf(w, "      %s\n", st.wrap("2", sourceLine(q)))
		}
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// quoted wraps a quote in quotation marks unless it already opens with
// one: “““Three labs…” ICE said” reads worse than the source itself.
func quoted(s string) string {
	if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") {
		return s
	}
	return "“" + s + "”"
}

// sourceLine is "outlet · date · url", naming the document id when the
// source has no URL and skipping parts that are unknown.
func sourceLine(q answer.Quote) string {
	var parts []string
	name := q.Source.Outlet
	if name == "" {
		name = q.Source.Author
	}
	if name == "" {
		name = q.Source.Title
	}
	if name != "" {
		parts = append(parts, name)
	}
	if q.Source.Published != "" {
		parts = append(parts, q.Source.Published)
	}
	if q.Source.URL != "" {
		parts = append(parts, q.Source.URL)
	} else {
		parts = append(parts, q.DocID)
	}
	return strings.Join(parts, " · ") + fmt.Sprintf(" [%d:%d]", q.Start, q.End)
}
