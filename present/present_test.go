package present

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/answer"
)

func TestOfOrder(t *testing.T) {
	acc := func(stance answer.Stance, conflicts ...int) answer.Account {
		return answer.Account{Stance: stance, ConflictsWith: conflicts}
	}
	tests := []struct {
		name        string
		accounts    []answer.Account
		order       []int
		conflicting int
	}{
		{"no conflicts keeps the engine's order", []answer.Account{acc(answer.Context), acc(answer.Affirms), acc(answer.Qualifies)}, []int{0, 1, 2}, 0},
		{"conflicts first, claim before denial", []answer.Account{acc(answer.Context), acc(answer.Denies, 2), acc(answer.Affirms, 1)}, []int{2, 1, 0}, 2},
		{"one claim, two denials", []answer.Account{acc(answer.Denies, 2), acc(answer.Denies, 2), acc(answer.Affirms, 0, 1)}, []int{2, 0, 1}, 3},
		{"two disputes stay apart, ranked by their first member", []answer.Account{
			acc(answer.Context), acc(answer.Denies, 4), acc(answer.Affirms, 3), acc(answer.Denies, 2), acc(answer.Affirms, 1)},
			[]int{4, 1, 2, 3, 0}, 4},
		{"figures of one scope keep their order", []answer.Account{acc(answer.Affirms, 1), acc(answer.Affirms, 0), acc(answer.Affirms)}, []int{0, 1, 2}, 2},
		{"bad and self references are ignored", []answer.Account{acc(answer.Affirms, 0, 7, -1), acc(answer.Denies)}, []int{0, 1}, 0},
		{"no accounts", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Of(&answer.Answer{Accounts: tt.accounts})
			if !slices.Equal(l.Order, tt.order) || l.Conflicting != tt.conflicting {
				t.Errorf("order %v, %d conflicting; want %v, %d", l.Order, l.Conflicting, tt.order, tt.conflicting)
			}
			for p, i := range l.Order {
				if l.Position(i) != p {
					t.Errorf("Position(%d) = %d, want %d", i, l.Position(i), p)
				}
			}
		})
	}
}

func TestTitle(t *testing.T) {
	lede := "Mayor Ines Varro said on Tuesday that no customs officers took part in the Pier 4 raid."
	q := func(id, title, text string, start int) answer.Quote {
		return answer.Quote{DocID: id, Text: text, Start: start, End: start + len(text), Source: answer.Source{Title: title}}
	}
	a := &answer.Answer{Accounts: []answer.Account{
		{Quotes: []answer.Quote{q("ledger-1182", "", "She called the statement a press release.", 400), q("courier", "Dock Inspections", "Inspections doubled.", 90)}},
		{Quotes: []answer.Quote{q("ledger-1182", "", lede, 120)}},
	}}
	l := Of(a)
	tests := []struct {
		name string
		q    answer.Quote
		want string
	}{
		{"the document's own title", a.Accounts[0].Quotes[1], "Dock Inspections"},
		{"a long title is cut at a word", q("x", "Harbour Board Says Its Inspectors Did Not Board Any Vessel In Caldra Waters After Dispute Over Search", "x", 0),
			"Harbour Board Says Its Inspectors Did Not Board Any Vessel In Caldra Waters After Dispute…"},
		{"untitled: from the earliest quoted text, whichever quote is shown", a.Accounts[0].Quotes[0], "Mayor Ines Varro said on Tuesday that no customs officers…"},
		{"untitled and not quoted: never the id", q("other-doc-id", "", "x", 0), "Untitled document"},
		{"blank title counts as none", q("ledger-1182", "  ", lede, 120), "Mayor Ines Varro said on Tuesday that no customs officers…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.Title(tt.q); got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

// A derived title is about ten words: enough to recognise a story by its
// lede, short enough to share a phone line with outlet and date.
func TestClipWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Short lede.", "Short lede."},
		{"“Quoted opening,” she said.", "Quoted opening,” she said."},
		{"Spread\nover   lines", "Spread over lines"},
		{"The health ministry said on Friday that seven people were hurt in all, including three.", "The health ministry said on Friday that seven people were…"},
		{"Varro, Malk, Tavin, Orsk, Delane, Quist, Harrow, Benne, Cole, Ferro, Dunmore", "Varro, Malk, Tavin, Orsk, Delane, Quist, Harrow, Benne…"},
		{strings.Repeat("x", 100), strings.Repeat("x", derivedTitleRunes-1) + "…"},
	}
	for _, tt := range tests {
		got := clipWords(tt.in, derivedTitleRunes)
		if got != tt.want {
			t.Errorf("clipWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > derivedTitleRunes {
			t.Errorf("clipWords(%q) has %d runes", tt.in, n)
		}
	}
}
