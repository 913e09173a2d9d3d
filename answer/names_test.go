package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// askOver asks one question of an in-memory corpus.
func askOver(t *testing.T, docs map[string]string, q string) *Answer {
	t.Helper()
	a, err := engineOver(t, docs).Ask(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if a.Abstained {
		t.Fatalf("abstained on %q: %s", q, a.Summary)
	}
	return a
}

// accountsOf returns the account quoting each document, failing the test
// when one is not quoted.
func accountsOf(t *testing.T, a *Answer, ids ...string) []int {
	t.Helper()
	where := accountOf(a)
	out := make([]int, len(ids))
	for i, id := range ids {
		k, ok := where[id]
		if !ok {
			t.Fatalf("%s is not quoted: %+v", id, a.Accounts)
		}
		out[i] = k
	}
	return out
}

// A quoted title is one name: "The 1982" is a band, not every page that
// mentions the year 1982, and the page about the band comes first.
func TestQuotedTitleIsOneName(t *testing.T) {
	docs := map[string]string{
		"band": "The singer told a magazine about The 1982 's beginnings in a garage in Leeds, where the band first played.",
	}
	for i := range 12 {
		docs[fmt.Sprintf("year-%02d", i)] = fmt.Sprintf("The club number %d was founded in 1982 and has played in the regional league since then.", i)
	}
	a := askOver(t, docs, `What is "The 1982"?`)
	if len(a.Accounts) == 0 || a.Accounts[0].Quotes[0].DocID != "band" {
		t.Fatalf("the page about the band is not the first account: %+v", a.Accounts)
	}
}

// A page that names the subject but shares no other word with the
// question is still read, even when many pages on other subjects share
// the question's other words.
func TestPageNamingTheSubjectIsRead(t *testing.T) {
	docs := map[string]string{
		"mixtape": "Edit links Read View history Tools Download as PDF From the free encyclopedia 2011 mixtape by Rell Tavin Night Songs Released November 9, 2011 Genre hip hop Length 33:38",
	}
	for i := range 80 {
		docs[fmt.Sprintf("album-%02d", i)] = fmt.Sprintf("Record %d is the studio album by American artist Singer%d, and the album sold well.", i, i)
	}
	a := askOver(t, docs, `Who is the artist of the album "Night Songs"?`)
	accountsOf(t, a, "mixtape")
}

// A name the corpus spells with one more letter ("TIMA" for "TIMAR") is
// searched for under the corpus's spelling.
func TestNameSpelledDifferently(t *testing.T) {
	docs := map[string]string{
		"institute": "The Tarven Institute of Marine Arts (TIMAR) is a college located in the city of Ostra.",
		"other":     "The Lindqvist Museum is located in the harbour district of Velm.",
		"third":     "The Vantor Library is located beside the old mill in Kessa.",
	}
	a := askOver(t, docs, "Where is the TIMA located?")
	if where := accountOf(a); len(where) == 0 || a.Accounts[0].Quotes[0].DocID != "institute" {
		t.Fatalf("the institute is not the first account: %+v", a.Accounts)
	}
	if !strings.Contains(a.Note, "TIMA") || !strings.Contains(a.Note, "timar") {
		t.Errorf("note = %q, want it to say that TIMA was also searched as timar", a.Note)
	}
}

// A source that gives a full date is grouped by that date, not by the
// bare year its life span also carries: two birth dates in one year are
// two accounts, and they conflict.
func TestFullDateOutranksItsYear(t *testing.T) {
	docs := map[string]string{
		"a": "Ada Lind 1901–1960 painter from Oslo Quick Facts Ada Lind born 3 March 1901 died 1960",
		"b": "Ada Lind 1901–1960 painter from Oslo Quick Facts Ada Lind born 9 June 1901 died 1960",
	}
	a := askOver(t, docs, "What is the birth date of Ada Lind?")
	at := accountsOf(t, a, "a", "b")
	ia, ib := at[0], at[1]
	if ia == ib {
		t.Fatalf("the two birth dates are not two accounts: %+v", a.Accounts)
	}
	if !containsInt(a.Accounts[ia].ConflictsWith, ib) {
		t.Errorf("3 March 1901 and 9 June 1901 are not marked as conflicting: %+v", a.Accounts)
	}
}

// The full date a leading bare year belongs to is the sentence's answer
// to a date question.
func TestRefineYear(t *testing.T) {
	e := engineOver(t, map[string]string{"a": "Ada Lind was a painter from the town of Oslo."})
	qa := analyze("What is the birth date of Ada Lind?")
	text := "Ada Lind ( 1901–1960 ) painter Quick Facts Ada Lind born 22 October 1901 died 8 July 1960"
	vals := e.answerValues(text, &qa)
	if len(vals) == 0 || vals[0].text != "22 October 1901" {
		t.Fatalf("first value = %+v, want 22 October 1901", vals)
	}
}

func TestQuotedNames(t *testing.T) {
	for q, want := range map[string]string{
		`What is "The 1982"?`:                                            "the 1982",
		`Who is the artist of the album "Night Songs"?`:                  "night songs",
		`Did she call it a "hoax"?`:                                      "", // a scare quote
		`"Did Ada Lind leave Oslo?"`:                                     "", // the whole question
		`Did Lind say "We Will Win the war in the north before winter"?`: "", // a statement
	} {
		got := ""
		for _, n := range analyze(q).names {
			if n.phrase != "" {
				got = n.phrase
			}
		}
		if got != want {
			t.Errorf("quoted title of %q = %q, want %q", q, got, want)
		}
	}
}

// Searching a name under another spelling does not make up for a name
// nothing mentions: half the question's names unknown is an abstention.
func TestSpellingDoesNotHideUnknownName(t *testing.T) {
	e := engineOver(t, map[string]string{
		"a": "The Ostrian town of Kel was founded in 1200 on the river.",
		"b": "The Ostrian parliament met in Kel for the first time in 1921.",
	})
	a, err := e.Ask(context.Background(), "Is Vardland older than Ostria?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Abstained {
		t.Fatalf("answered a question about Vardland, which no document mentions: %+v", a.Accounts)
	}
}

// A corpus that writes the adjective ("Norwegian") answers a question
// that writes the country ("Norway"), and the note says so.
func TestCountryFoundByItsAdjective(t *testing.T) {
	docs := map[string]string{
		"treaty": "The harbour treaty was signed at noon, Norwegian time, in the town of Velm.",
		"bakery": "The bakery on Main Street sells bread and pastries every morning.",
	}
	a := askOver(t, docs, "When was the harbour treaty signed in Norway?")
	accountsOf(t, a, "treaty")
	if !strings.Contains(a.Note, "norwegian") {
		t.Errorf("note = %q, want it to say Norway was also searched as norwegian", a.Note)
	}
}
