package answer

import (
	"context"
	"strings"
	"testing"
)

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

// The note and the search use the corpus's word, not its stem.
func TestSpellingUsesTheCorpusWord(t *testing.T) {
	docs := map[string]string{
		"embassy": "The Embassy said no agents of its country took part in the raid on Velm.",
		"bakery":  "The bakery on Main Street sells bread and pastries every morning.",
	}
	a := askOver(t, docs, "Did the Embasy deny the raid on Velm?")
	if !strings.Contains(a.Note, "“embassy”") {
		t.Errorf("note = %q, want it to name the corpus's word “embassy”", a.Note)
	}
}
