package answer

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/corpus"
)

func defaultEngine(tb testing.TB) *Engine {
	tb.Helper()
	c, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return engineOf(tb, c)
}

// Questions of different kinds over the shipped corpus; none of them is
// special-cased anywhere in the engine.
var probeQuestions = []string{
	"Did US agents operate in Sinaloa?",
	"How many drug labs has Mexico dismantled?",
	"Where did the chemical precursors come from?",
	"Who is Ronald Johnson?",
	"What did Chuck Schumer say about El Chapo's relatives?",
	"When did ICE post about the operation?",
	"Did the CIA fly drones over Mexico?",
}

// Every quote must be a byte-exact span of its document, from a sentence
// that is not boilerplate, and every conflicts_with index must point at
// another account that points back.
func TestAnswersQuoteExactSpans(t *testing.T) {
	e := defaultEngine(t)
	for _, q := range probeQuestions {
		t.Run(q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if a.Abstained {
				t.Fatalf("abstained on %q: %s", q, a.Summary)
			}
			for i, acc := range a.Accounts {
				if len(acc.Quotes) == 0 {
					t.Errorf("account %d has no quotes", i)
				}
				for _, qu := range acc.Quotes {
					d := e.Corpus().Doc(qu.DocID)
					if d == nil {
						t.Fatalf("quote from unknown document %q", qu.DocID)
					}
					if got := string(d.Raw[qu.Start:qu.End]); got != qu.Text {
						t.Errorf("raw[%d:%d] = %q, quote says %q", qu.Start, qu.End, got, qu.Text)
					}
					if si := d.SentenceAt(qu.Start); si >= 0 && d.Sentences[si].Boilerplate {
						t.Errorf("quoted boilerplate: %q", qu.Text)
					}
				}
				for _, j := range acc.ConflictsWith {
					if j == i || j < 0 || j >= len(a.Accounts) {
						t.Fatalf("account %d conflicts_with %d: out of range", i, j)
					}
					if !slices.Contains(a.Accounts[j].ConflictsWith, i) {
						t.Errorf("account %d conflicts with %d but not the other way round", i, j)
					}
				}
			}
		})
	}
}

// The headline question has sources on both sides: the answer must show at
// least two accounts that conflict, drawn from at least three documents.
func TestHeadlineShowsConflict(t *testing.T) {
	a, err := defaultEngine(t).Ask(context.Background(), "Did US agents operate in Sinaloa?")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	conflicts := 0
	for _, acc := range a.Accounts {
		conflicts += len(acc.ConflictsWith)
		for _, q := range acc.Quotes {
			docs[q.DocID] = true
		}
	}
	if conflicts == 0 {
		t.Errorf("no conflicting accounts in %d accounts", len(a.Accounts))
	}
	if len(docs) < 3 {
		t.Errorf("quotes come from %d documents, want at least 3", len(docs))
	}
	if !strings.HasPrefix(a.Summary, "Sources disagree") {
		t.Errorf("summary %q does not say the sources disagree", a.Summary)
	}
}

func TestAbstains(t *testing.T) {
	e := defaultEngine(t)
	for _, q := range []string{
		"What did Canada's prime minister say about the raid?",
		"What is the boiling point of liquid nitrogen?",
		"how did canada react to the raid?",
		"what did the pope say about the raid",
	} {
		t.Run(q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Abstained || len(a.Accounts) != 0 {
				t.Errorf("abstained=%v with %d accounts, want abstention with none", a.Abstained, len(a.Accounts))
			}
			if a.Summary == "" {
				t.Error("abstention has no summary saying why")
			}
		})
	}
}

// Questions about what the corpus does cover are answered even when typed
// in lower case or with a generic subject.
func TestAnswersLowerCase(t *testing.T) {
	e := defaultEngine(t)
	for _, q := range []string{"did sheinbaum deny the ice claim?", "did anyone deny the ICE claim?", "were the labs raided at night?"} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Abstained {
			t.Errorf("%q: abstained (%s)", q, a.Summary)
		}
	}
}

func TestInvalidQuestions(t *testing.T) {
	e := defaultEngine(t)
	for name, q := range map[string]string{
		"empty":       "   ",
		"huge":        strings.Repeat("why ", MaxQuestionBytes),
		"no words":    "?!?",
		"invalid utf": "Sinaloa \xff\xfe?",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := e.Ask(context.Background(), q)
			if !errors.Is(err, ErrInvalidQuestion) {
				t.Errorf("err = %v, want ErrInvalidQuestion", err)
			}
		})
	}
}

func BenchmarkAsk_Default(b *testing.B) {
	c, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	// Index build included, as in one `crosscheck ask` run.
	for b.Loop() {
		e, err := NewEngine(ctx, c, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.Ask(ctx, "Did US agents operate in Sinaloa?"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAsk_RAMDocs(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "eval-corpora", "ramdocs")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("RAMDocs corpus not beside the repository")
	}
	ctx := context.Background()
	for b.Loop() {
		c, _, err := corpus.LoadDir(dir, corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		e, err := NewEngine(ctx, c, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.Ask(ctx, "What sport is Ryan Davis associated with?"); err != nil {
			b.Fatal(err)
		}
	}
}

// Every account carries a conflicts list, empty when it contradicts none:
// the JSON contract never shows "conflicts_with": null.
func TestConflictsListIsNeverNull(t *testing.T) {
	e := defaultEngine(t)
	for _, q := range []string{"Did ICE lead the Sinaloa raid?", "What was seized in the raid?", "How many labs were dismantled?"} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(a)
		if strings.Contains(string(b), `"conflicts_with":null`) {
			t.Errorf("%q: an account has conflicts_with null", q)
		}
	}
}
