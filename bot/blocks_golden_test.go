package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
	"github.com/crosscheck/crosscheck/present/presenttest"
)

// The three answers of presenttest pin the answer's shape whatever the
// engine produces: a dispute, figures of different scopes, an abstention.
func TestGoldenAnswerShapes(t *testing.T) {
	cases := []struct {
		name string
		a    *answer.Answer
	}{
		{"answer_dispute", presenttest.Dispute()},
		{"answer_figures", presenttest.Figures()},
		{"answer_abstention", presenttest.Abstention()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pg := renderAnswer(c.a, view{AnswerID: "g1", Sources: len(presenttest.Docs)}, 0)
			checkLimits(t, pg)
			golden(t, c.name, pg)
		})
	}
	t.Run("answer_dispute_more", func(t *testing.T) {
		pg := renderMoreQuotes(presenttest.Dispute(), 0)
		checkLimits(t, pg)
		golden(t, "answer_dispute_more", pg)
	})
}

// sixAccounts is a busy answer: six accounts of three quotes each, two of
// them in conflict, with a note, as an ephemeral /ask answer shows it.
func sixAccounts() *answer.Answer {
	d := presenttest.Dispute()
	a := &answer.Answer{Question: d.Question, Mode: d.Mode, Summary: d.Summary, Note: "Answered without a model."}
	for i := range 6 {
		acc := d.Accounts[i%2]
		acc.Holder = fmt.Sprintf("Holder %d", i)
		acc.ConflictsWith = nil
		if i < 2 {
			acc.ConflictsWith = []int{1 - i}
		}
		a.Accounts = append(a.Accounts, acc)
	}
	return a
}

func TestAnswerFitsBudget(t *testing.T) {
	a := sixAccounts()
	for _, v := range []view{{AnswerID: "b"}, {AnswerID: "b", Ephemeral: true}, {AnswerID: "b", SharedBy: alice}} {
		pg := renderAnswer(a, v, 0)
		checkLimits(t, pg)
		if len(pg.Blocks) > maxAnswerBlocks {
			t.Errorf("%+v: %d blocks, budget %d", v, len(pg.Blocks), maxAnswerBlocks)
		}
		if got := len(headers(t, pg)); got != len(a.Accounts) {
			t.Errorf("%+v: first page shows %d of %d accounts; all should fit", v, got, len(a.Accounts))
		}
		if _, ok := findButton(pg, actionShowMore); ok {
			t.Errorf("%+v: a six-account answer is split into pages", v)
		}
	}
}

// headers returns the holder of each account header on a page, in order.
func headers(t *testing.T, pg page) []string {
	t.Helper()
	raw, _ := json.Marshal(pg.Blocks)
	var out []string
	for _, s := range blockTexts(t, raw)["mrkdwn"] {
		if holder, _, ok := strings.Cut(s, "* · :"); ok && strings.HasPrefix(holder, "*") {
			out = append(out, strings.TrimPrefix(holder, "*"))
		}
	}
	return out
}

func TestConflictingAccountsComeFirst(t *testing.T) {
	acc := func(holder string, stance answer.Stance, conflicts ...int) answer.Account {
		q := presenttest.Quote("kesh-courier-notes", "Inspections", "")
		return answer.Account{Holder: holder, Position: holder + " position", Stance: stance, ConflictsWith: conflicts, Quotes: []answer.Quote{q}}
	}
	tests := []struct {
		name string
		a    *answer.Answer
		want []string
	}{
		{"context ranked first moves below the dispute", &answer.Answer{Summary: "s", Accounts: []answer.Account{
			acc("Background", answer.Context), acc("Denier", answer.Denies, 2), acc("Claimant", answer.Affirms, 1)}},
			[]string{"Claimant", "Denier", "Background"}},
		{"two disputes each keep their sides together", &answer.Answer{Summary: "s", Accounts: []answer.Account{
			acc("A no", answer.Denies, 3), acc("B yes", answer.Affirms, 2), acc("B no", answer.Denies, 1),
			acc("A yes", answer.Affirms, 0), acc("Aside", answer.Qualifies)}},
			[]string{"A yes", "A no", "B yes", "B no", "Aside"}},
		{"a one-sided reference still groups both", &answer.Answer{Summary: "s", Accounts: []answer.Account{
			acc("Other", answer.Context), acc("Yes", answer.Affirms), acc("No", answer.Denies, 1)}},
			[]string{"Yes", "No", "Other"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := headers(t, renderAnswer(tt.a, view{AnswerID: "c"}, 0))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("accounts shown as %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSourceLineNeverUsesTheIDAsTitle(t *testing.T) {
	a := presenttest.Dispute()
	for _, pg := range []page{renderAnswer(a, view{AnswerID: "t"}, 0), renderMoreQuotes(a, 0)} {
		raw, _ := json.Marshal(pg.Blocks)
		all := strings.Join(append(blockTexts(t, raw)["mrkdwn"], pg.Text), "\n")
		for id := range presenttest.Docs {
			if strings.Contains(all, id) {
				t.Errorf("the page shows document id %q", id)
			}
		}
		// harbor-ledger-denial has no title: it is named after its lede.
		if !strings.Contains(all, "|Mayor Ines Varro said on Tuesday that no customs officers…>") {
			t.Errorf("untitled document not linked under a title derived from its text:\n%s", all)
		}
	}
}

// "Show N more" shows the clicker the account's other quotes, verbatim and
// inert; nobody else sees them.
func TestShowMoreQuotesInert(t *testing.T) {
	lib := testLibrary(t, presenttest.Docs)
	a := presenttest.Dispute()
	stub := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) { return presenttest.Dispute(), nil })
	h := startHarness(t, withLibrary(lib), withAnswerer(stub))
	_, ts := h.slack.Mention(general, alice, "pier 4?", "")
	m := h.waitThread(general, ts, 1)[0]
	assertInert(t, m)

	var more []slacktest.Button
	for _, b := range m.Buttons() {
		if b.ActionID == actionShowQuotes {
			more = append(more, b)
		}
	}
	if len(more) != 2 || more[0].Text != "Show 2 more" {
		t.Fatalf("Show N more buttons = %+v, want two reading \"Show 2 more\" (the accounts with three quotes)", more)
	}
	rich := blockTexts(t, m.Blocks)["rich"]
	h.slack.Click(bob, m, more[0].ActionID, more[0].Value)
	var e []slacktest.Message
	if !slacktest.Eventually(5*time.Second, func() bool { e = h.slack.Ephemeral(bob); return len(e) == 1 }) {
		t.Fatal("no reply to Show 2 more")
	}
	if e[0].ThreadTS != ts {
		t.Errorf("reply in thread %q, want %q", e[0].ThreadTS, ts)
	}
	assertInert(t, e[0])
	// The first account shown is the claim (conflicts first, claim before
	// denial): the port authority's.
	shown := a.Accounts[1]
	if !contains1(rich, shown.Quotes[0].Text) {
		t.Fatalf("answer does not lead with the port authority's best quote; rich texts %q", rich)
	}
	got := blockTexts(t, e[0].Blocks)["rich"]
	for _, q := range shown.Quotes[1:] {
		if !contains1(got, q.Text) {
			t.Errorf("Show 2 more lacks %q; got %q", q.Text, got)
		}
		if contains1(rich, q.Text) {
			t.Errorf("%q was already in the answer", q.Text)
		}
	}
	if contains1(got, shown.Quotes[0].Text) {
		t.Error("Show 2 more repeats the best quote")
	}
	if n := len(e[0].Buttons()); n != len(shown.Quotes)-1 {
		t.Errorf("Show 2 more has %d buttons, want a Show passage per quote", n)
	}
	if len(h.slack.Ephemeral(alice)) != 0 {
		t.Error("the quotes were shown to someone who did not click")
	}

	t.Run("the injection quote stays inert", func(t *testing.T) {
		h.slack.Click(bob, m, more[1].ActionID, more[1].Value)
		if !slacktest.Eventually(5*time.Second, func() bool { e = h.slack.Ephemeral(bob); return len(e) == 2 }) {
			t.Fatal("no reply to the second Show 2 more")
		}
		assertInert(t, e[1])
		evil := presenttest.Quote("harbor-ledger-denial", "Officials said", "")
		if !contains1(blockTexts(t, e[1].Blocks)["rich"], evil.Text) {
			t.Errorf("quote with mentions and a link not shown verbatim")
		}
	})
	t.Run("on a private /ask answer", func(t *testing.T) {
		_, resp := h.slack.Slash(general, alice, "/ask", "pier 4?")
		var ask slacktest.Message
		if !slacktest.Eventually(5*time.Second, func() bool {
			for _, e := range h.slack.Ephemeral(alice) {
				if e.ResponseURL == resp {
					ask = e
					return true
				}
			}
			return false
		}) {
			t.Fatal("no /ask answer")
		}
		b, ok := ask.Button(actionShowQuotes)
		if !ok {
			t.Fatal("/ask answer has no Show N more")
		}
		h.slack.Click(alice, ask, b.ActionID, b.Value)
		var reply slacktest.Message
		if !slacktest.Eventually(5*time.Second, func() bool {
			for _, e := range h.slack.Ephemeral(alice) {
				if e.TS != ask.TS && strings.HasPrefix(e.Text, "2 more quotes from") {
					reply = e
					return true
				}
			}
			return false
		}) {
			t.Fatal("Show 2 more on a private answer showed nothing")
		}
		if !contains1(blockTexts(t, reply.Blocks)["rich"], shown.Quotes[1].Text) {
			t.Errorf("reply lacks %q", shown.Quotes[1].Text)
		}
	})
	t.Run("expired answer", func(t *testing.T) {
		h.slack.Click(bob, m, actionShowQuotes, "gone:0")
		if !slacktest.Eventually(5*time.Second, func() bool { e = h.slack.Ephemeral(bob); return len(e) == 3 }) {
			t.Fatal("no reply to a stale Show more")
		}
		if !strings.Contains(e[2].Text, "no longer in my memory") {
			t.Errorf("stale click answered %q", e[2].Text)
		}
	})
}
