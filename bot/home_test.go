package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
	"github.com/crosscheck/crosscheck/corpus"
)

// disputeList is the in-memory Disputer: a fixed list, filtered by words
// in the subject, holders or positions.
type disputeList []answer.Dispute

func (l disputeList) Disputes(ctx context.Context, words string) ([]answer.Dispute, error) {
	var out []answer.Dispute
	for _, d := range l {
		hay := strings.ToLower(d.Subject)
		for _, s := range d.Sides {
			hay += " " + strings.ToLower(s.Holder+" "+s.Position)
		}
		ok := true
		for _, w := range strings.Fields(strings.ToLower(words)) {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			out = append(out, d)
		}
	}
	return out, ctx.Err()
}

var _ Disputer = disputeList(nil)

func fixtureDisputes(t *testing.T) disputeList {
	lib := fixtureLibrary(t)
	local, evil := lib.Doc("local-paper"), lib.Doc("evil")
	return disputeList{
		{ID: "d1", Subject: "Whether foreign agents were at the raid", Kind: "polarity", Sides: []answer.Side{
			{Holder: "Residents", Position: "Foreign agents were near the labs", Published: "2025-05-21", Quote: quoteOf(t, local, "Residents said")},
			{Holder: "The police chief", Position: "No foreign agents were present", Published: "2025-05-21", Quote: quoteOf(t, local, "police chief")},
		}},
		{ID: "d2", Subject: "Whether the raid happened <!channel> *at all*", Kind: "rebuttal", Sides: []answer.Side{
			{Holder: "<@U123> Officials", Position: "The raid took place <https://evil.example|click>", Published: "2025-05-20", Quote: quoteOf(t, evil, "Officials said")},
			{Holder: "The governor", Position: "The agents were never there", Published: "2025-05-20", Quote: quoteOf(t, evil, "governor")},
		}},
	}
}

func withDisputer(d Disputer) harnessOpt {
	return func(c *Config, _ *slacktest.Options) { c.Disputer = d }
}

func waitHome(t *testing.T, h *harness, user string) slacktest.Message {
	t.Helper()
	var m slacktest.Message
	if !slacktest.Eventually(10*time.Second, func() bool {
		b, ok := h.slack.Home(user)
		m = slacktest.Message{Blocks: b}
		return ok
	}) {
		t.Fatalf("App Home never published for %s", user)
	}
	return m
}

func TestAppHomeOnOpen(t *testing.T) {
	lib := fixtureLibrary(t)
	h := startHarness(t, withLibrary(lib), withAnswerer(answerFunc(nil)), withDisputer(fixtureDisputes(t)))
	h.slack.HomeOpened(alice)
	m := waitHome(t, h, alice)
	texts := blockTexts(t, m.Blocks)
	all := strings.Join(append(texts["mrkdwn"], texts["plain_text"]...), "\n")
	for _, want := range []string{
		"2 documents", "2 outlets", "2025-05-20 to 2025-05-21", // what the corpus holds
		"The Local (1)", "Index loaded",
		"Whether foreign agents were at the raid", "The police chief", "No foreign agents were present", // most contested
		"2 disputes in all", "/disputes",
		"/ask", "Crosscheck this message", "direct message", // how to ask
	} {
		if !strings.Contains(all, want) {
			t.Errorf("App Home lacks %q:\n%s", want, all)
		}
	}
	if n := strings.Count(all, "• @crosscheck What"); n != 3 {
		t.Errorf("App Home shows %d example questions, want 3:\n%s", n, all)
	}
	for _, q := range ExampleQuestions(lib, 3) {
		if !strings.Contains(all, mrkdwn(q)) {
			t.Errorf("example %q (drawn from the corpus) not on App Home", q)
		}
	}
	assertInert(t, m)
	if _, ok := h.slack.Home(bob); ok {
		t.Error("App Home published for a user who did not open it")
	}
}

func TestAppHomeWithoutDisputesSaysSo(t *testing.T) {
	h := startHarness(t, withLibrary(fixtureLibrary(t)), withAnswerer(answerFunc(nil)))
	h.slack.HomeOpened(bob)
	m := waitHome(t, h, bob)
	all := strings.Join(blockTexts(t, m.Blocks)["mrkdwn"], "\n")
	if !strings.Contains(all, "Dispute detection is not switched on") {
		t.Errorf("App Home without a Disputer does not keep a clear slot:\n%s", all)
	}
}

// Every kind of dispute the corpus finds is said in words on App Home, not
// shown by its internal name.
func TestEveryDisputeKindHasWords(t *testing.T) {
	for _, k := range []string{corpus.KindPolarity, corpus.KindRebuttal, corpus.KindValue, corpus.KindAgent,
		corpus.KindCause, corpus.KindTrend, corpus.KindConsent} {
		if kindWords[k] == "" {
			t.Errorf("dispute kind %q has no words", k)
		}
		if got := disputeText(answer.Dispute{ID: "d-1", Kind: k, Subject: "s"}); !strings.Contains(got, kindWords[k]) {
			t.Errorf("kind %q shown as %q", k, got)
		}
	}
}
