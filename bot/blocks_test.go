package bot

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/present"
)

var update = flag.Bool("update", false, "rewrite the Block Kit golden files in testdata/")

// golden compares a page's JSON with testdata/name.json.
func golden(t *testing.T, name string, pg page) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep < > & readable: the escaping under test is ours
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"text": pg.Text, "blocks": pg.Blocks}); err != nil {
		t.Fatalf("marshal: %v", err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test ./bot -run Golden -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden; if the change is intended, run go test ./bot -run Golden -update\ngot:\n%s", path, got)
	}
}

func TestGoldenBlocks(t *testing.T) {
	lib := fixtureLibrary(t)
	local := lib.Doc("local-paper")
	q := quoteOf(t, local, "police chief")
	cases := []struct {
		name string
		page page
	}{
		{"answer_conflict", renderAnswer(conflictAnswer(t, lib), view{AnswerID: "a1", Sources: 2}, 0)},
		{"answer_ephemeral", renderAnswer(conflictAnswer(t, lib), view{AnswerID: "a1", Sources: 2, Ephemeral: true}, 0)},
		{"answer_shared", renderAnswer(conflictAnswer(t, lib), view{AnswerID: "a1", Sources: 2, SharedBy: "U0ALICE"}, 0)},
		{"answer_abstained", renderAnswer(&answer.Answer{Question: "What did Canada say?", Abstained: true, Accounts: []answer.Account{}}, view{AnswerID: "a2", Sources: 5}, 0)},
		{"answer_injection", renderAnswer(injectionAnswer(t, lib), view{AnswerID: "a3", Sources: 2}, 0)},
		{"sources", renderSources(lib.Docs(), "", lib.Len())},
		{"source_card", renderSource(local)},
		{"source_card_injection", renderSource(lib.Doc("evil"))},
		{"passage", renderPassage(local, q.Start, q.End)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkLimits(t, c.page)
			golden(t, c.name, c.page)
		})
	}
}

// checkLimits fails when a page breaks one of Slack's Block Kit limits.
func checkLimits(t *testing.T, pg page) {
	t.Helper()
	if len(pg.Blocks) > maxBlocks {
		t.Errorf("%d blocks, limit %d", len(pg.Blocks), maxBlocks)
	}
	if pg.Text == "" {
		t.Error("no plain-text fallback")
	}
	if n := utf8.RuneCountInString(pg.Text); n > maxTextChars {
		t.Errorf("fallback text has %d characters", n)
	}
	raw, err := json.Marshal(pg.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	_ = json.Unmarshal(raw, &v)
	var walk func(v any, parent string)
	walk = func(v any, parent string) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, parent)
			}
		case map[string]any:
			typ, _ := x["type"].(string)
			if s, ok := x["text"].(string); ok {
				limit := maxTextChars
				switch parent {
				case "header":
					limit = maxHeaderChars
				case "button":
					limit = maxButtonChars
				}
				if n := utf8.RuneCountInString(s); n > limit {
					t.Errorf("%s text in a %s has %d characters, limit %d", typ, parent, n, limit)
				}
			}
			if s, ok := x["value"].(string); ok && len(s) > maxValueChars {
				t.Errorf("button value has %d characters", len(s))
			}
			for k, e := range x {
				if k != "type" {
					walk(e, typ)
				}
			}
		}
	}
	walk(v, "")
}

func TestRenderAnswerLongIsPagedWithinLimits(t *testing.T) {
	lib := testLibrary(t, map[string]string{"local-paper": plainDoc, "long": longDoc})
	a := longAnswer(t, lib, 14)
	l := present.Of(a)
	pages := paginate(a, l)
	if len(pages) < 2 {
		t.Fatalf("a %d-account answer fits one page; make the fixture longer", len(a.Accounts))
	}
	seen := map[int]int{}
	for n := range pages {
		pg := renderAnswer(a, view{AnswerID: "long", Sources: 2}, n)
		checkLimits(t, pg)
		_, hasMore := findButton(pg, actionShowMore)
		if want := n+1 < len(pages); hasMore != want {
			t.Errorf("page %d: Show more = %v, want %v", n, hasMore, want)
		}
		for _, i := range l.Order[pages[n][0]:pages[n][1]] {
			seen[i]++
		}
	}
	for i := range a.Accounts {
		if seen[i] != 1 {
			t.Errorf("account %d shown on %d pages, want 1", i, seen[i])
		}
	}
}

// longAnswer has n accounts with long positions and three quotes each, one
// of them longer than a text object may be.
func longAnswer(t testing.TB, lib Library, n int) *answer.Answer {
	local := lib.Doc("local-paper")
	long := lib.Doc("long")
	a := &answer.Answer{Question: "long?", Summary: strings.Repeat("Sources disagree at length. ", 200)}
	for i := range n {
		acc := answer.Account{
			Holder: fmt.Sprintf("Speaker %d", i), Position: strings.Repeat("A long position. ", 60),
			Stance: answer.Affirms, ConflictsWith: []int{(i + 1) % n},
			Quotes: []answer.Quote{quoteOf(t, local, "mayor"), quoteOf(t, local, "Residents"), quoteOf(t, local, "police")},
		}
		if long != nil && i == 0 {
			acc.Quotes[0] = spanQuote(long)
		}
		a.Accounts = append(a.Accounts, acc)
	}
	return a
}

func findButton(pg page, actionID string) (*slack.ButtonBlockElement, bool) {
	for _, b := range pg.Blocks {
		if ab, ok := b.(*slack.ActionBlock); ok {
			for _, e := range ab.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == actionID {
					return btn, true
				}
			}
		}
	}
	return nil, false
}

func TestQuoteIsByteExactInRichText(t *testing.T) {
	lib := testLibrary(t, map[string]string{"long": longDoc})
	q := spanQuote(lib.Doc("long"))
	if utf8.RuneCountInString(q.Text) <= maxTextChars {
		t.Fatalf("fixture quote has only %d characters", utf8.RuneCountInString(q.Text))
	}
	raw, _ := json.Marshal([]slack.Block{quoteBlock(q.Text)})
	got := strings.Join(blockTexts(t, raw)["rich"], "")
	if got != q.Text {
		t.Errorf("rich-text chunks do not reassemble the quote exactly")
	}
}

// longDoc holds one sentence of more than 3000 characters.
var longDoc = "---\ntitle: Long\n---\n" + strings.TrimSpace(strings.Repeat("word *and* <stuff> ", 400)) + ".\n"

// spanQuote quotes a document's whole body (trimmed): a quote longer than
// any sentence, as an LLM composer might return.
func spanQuote(d *corpus.Document) answer.Quote {
	body := string(d.Raw[d.BodyStart:])
	start := d.BodyStart + len(body) - len(strings.TrimLeft(body, " \n"))
	end := d.BodyStart + len(strings.TrimRight(body, " \n"))
	return answer.Quote{DocID: d.ID, Text: string(d.Raw[start:end]), Start: start, End: end,
		Source: answer.Source{Title: d.Title, URL: d.URL}}
}
