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

// A name the corpus writes as its adjective ("Norway": Norwegian) or
// spells otherwise ("Embasy": embassy) is searched for under the corpus's
// word, which the answer's note names.
func TestNoteSaysWhatWasSearched(t *testing.T) {
	bakery := "The bakery on Main Street sells bread and pastries every morning."
	for _, tt := range []struct {
		doc, question, note string
	}{
		{"The harbour treaty was signed at noon, Norwegian time, in the town of Velm.",
			"When was the harbour treaty signed in Norway?", "“norwegian”"},
		{"The Embassy said no agents of its country took part in the raid on Velm.",
			"Did the Embasy deny the raid on Velm?", "“embassy”"},
	} {
		a := askOver(t, map[string]string{"doc": tt.doc, "bakery": bakery}, tt.question)
		accountsOf(t, a, "doc")
		if !strings.Contains(a.Note, tt.note) {
			t.Errorf("%q: note = %q, want it to name %s", tt.question, a.Note, tt.note)
		}
	}
}
