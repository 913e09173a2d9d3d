package answer

import (
	"context"
	"fmt"
	"slices"
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
	docs["season"] = "In the 1982 season the club won the regional league for the first time."
	a := askOver(t, docs, `What is "The 1982"?`)
	if len(a.Accounts) == 0 || a.Accounts[0].Quotes[0].DocID != "band" {
		t.Fatalf("the page about the band is not the first account: %+v", a.Accounts)
	}
	// The title matches whatever its case, but only where the document
	// writes it with a capital.
	docs["phone"] = "The new iPhone went on sale in the Velm shop on Monday."
	docs["cases"] = "Cheap iphone cases and other covers are sold at the market."
	e := engineOver(t, docs)
	for q, want := range map[string]map[string]bool{
		`What is "The 1982"?`: {"band": true, "season": false},
		// A title that starts in lower case matches as written.
		`When was the "iPhone" first sold?`: {"phone": true, "cases": false},
	} {
		qa := parseQuery(q)
		for id, w := range want {
			if got := e.finder.writesName(&qa, e.Corpus().Doc(id), qa.names); got != w {
				t.Errorf("%q: %s writes the title: %v, want %v", q, id, got, w)
			}
		}
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
		docs[fmt.Sprintf("album-%02d", i)] = fmt.Sprintf("Record %d is the studio album of songs for the night by American artist Singer%d, and the album sold well.", i, i)
	}
	a := askOver(t, docs, `Who is the artist of the album "Night Songs"?`)
	accountsOf(t, a, "mixtape")
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
	if !slices.Contains(a.Accounts[ia].ConflictsWith, ib) {
		t.Errorf("3 March 1901 and 9 June 1901 are not marked as conflicting: %+v", a.Accounts)
	}
}

func TestQuotedNames(t *testing.T) {
	for q, want := range map[string]string{
		`What is "The 1982"?`:                                            "The 1982",
		`Who is the artist of the album "Night Songs"?`:                  "Night Songs",
		`Did she call it a "hoax"?`:                                      "", // a scare quote
		`"Did Ada Lind leave Oslo?"`:                                     "", // the whole question
		`Did Lind say "We Will Win the war in the north before winter"?`: "", // a statement
	} {
		got := ""
		for _, n := range parseQuery(q).names {
			if n.phrase != "" {
				got = n.phrase
			}
		}
		if got != want {
			t.Errorf("quoted title of %q = %q, want %q", q, got, want)
		}
	}
}

// Documents about other people do not conflict with the subject's, nor
// with each other, however their dates differ.
func TestOffTopicDocumentsDoNotConflict(t *testing.T) {
	docs := map[string]string{
		"lind": "Ada Lind, a Norwegian painter, was born in 1901 in the harbour town of Oslo.",
		"holm": "Per Holm, a Norwegian painter, was born in 1920 in the harbour town of Velm.",
		"berg": "Kari Berg, a Norwegian painter, was born in 1933 in the harbour town of Kessa.",
	}
	a := askOver(t, docs, "When was the Norwegian painter Ada Lind born?")
	at := accountsOf(t, a, "lind")
	for i, acc := range a.Accounts {
		if len(acc.ConflictsWith) > 0 {
			t.Errorf("account %d (%s) conflicts with %v; only Ada Lind's page is about her (lind is %d)", i, acc.Quotes[0].DocID, acc.ConflictsWith, at[0])
		}
	}
}

// An acronym matches in case: "hearing aids" does not write "AIDS".
func TestAcronymNameMatchesCase(t *testing.T) {
	e := engineOver(t, map[string]string{
		"aids":    "The clinic in Velm hands out hearing aids every Monday.",
		"acronym": "AIDS cases in Velm rose in the last decade, the clinic said.",
	})
	qa := parseQuery("Did AIDS cases rise in Velm?")
	var acr []name
	for _, n := range qa.names {
		if isAcronymName(n) {
			acr = append(acr, n)
		}
	}
	if len(acr) != 1 {
		t.Fatalf("names = %+v, want the acronym AIDS among them", qa.names)
	}
	if e.finder.writesName(&qa, e.Corpus().Doc("aids"), acr) {
		t.Error(`"hearing aids" counted as writing AIDS`)
	}
	if !e.finder.writesName(&qa, e.Corpus().Doc("acronym"), acr) {
		t.Error(`"AIDS cases" not counted as writing AIDS`)
	}
	// A corpus that never writes the acronym in capitals is matched
	// whatever the case.
	e = engineOver(t, map[string]string{"nato": "Nato was founded in 1949 in Washington by twelve countries."})
	qa = parseQuery("When was NATO founded?")
	if !e.finder.writesName(&qa, e.Corpus().Doc("nato"), qa.names) {
		t.Error(`"Nato" not counted as writing NATO in a corpus that never writes it in capitals`)
	}
}

// A question whose lower-case subject no document mentions is abstained
// on even when it also names something the corpus knows.
func TestUnknownSubjectBesideKnownName(t *testing.T) {
	e := engineOver(t, map[string]string{
		"raid":  "Police raided three warehouses in Velm on Monday, officials said.",
		"mayor": "The mayor of Velm said the raid was lawful.",
	})
	for _, q := range []string{
		"How did norbia react to the raid in Velm?",
		"how many warehouses did norbia raid in Velm?",
		"what drug does norbia seize in Velm?",
		// An unknown modifier that is no English word is a name.
		"did the norbian police raid warehouses in Velm?",
	} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Abstained {
			t.Errorf("answered %q about norbia, which no document mentions: %+v", q, a.Accounts)
		}
	}
	// What follows "is" is said of a subject that comes before it.
	a, err := e.Ask(context.Background(), "What police force is responsible for the raid in Velm?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Abstained {
		t.Fatalf("abstained on a question whose subject (police) the corpus has: %s", a.Summary)
	}
	// A modifier the corpus lacks does not hide a subject it has.
	a, err = e.Ask(context.Background(), "Did undercover police raid warehouses in Velm?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Abstained {
		t.Fatalf("abstained on undercover police, though the police are in the corpus: %s", a.Summary)
	}
}
