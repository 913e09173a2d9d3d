package answer

import (
	"context"
	"errors"
	"testing"
)

// Any question gets an answer, an abstention or ErrInvalidQuestion, never
// a panic, and every quote it shows is a byte-exact span of its document.
func FuzzAsk(f *testing.F) {
	for _, q := range probeQuestions {
		f.Add(q)
	}
	for _, q := range []string{
		"Did", "what", "What is \"\"?", `"`, "What sport is?", "What kind of of?", "Which political",
		"What is the of Sinaloa?", "did the the the?", "How many?", "When?", "What American sport is popular in Mexico?",
		"Did armed US agents operate in Sinaloa, or not?", "what drugs were seized", "Is \"The 1982\" a band?",
	} {
		f.Add(q)
	}
	e := defaultEngine(f)
	f.Fuzz(func(t *testing.T, q string) {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			if !errors.Is(err, ErrInvalidQuestion) {
				t.Fatalf("Ask(%q): %v", q, err)
			}
			return
		}
		for _, acc := range a.Accounts {
			for _, qu := range acc.Quotes {
				d := e.Corpus().Doc(qu.DocID)
				if d == nil || string(d.Raw[qu.Start:qu.End]) != qu.Text {
					t.Fatalf("Ask(%q): quote %q is not raw[%d:%d] of %s", q, qu.Text, qu.Start, qu.End, qu.DocID)
				}
			}
		}
	})
}
