package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// injections are the strings that must never take effect in Slack.
var injections = []string{"<!channel>", "<!here>", "<!everyone>", "<@U123>", "<https://evil.example", "*bold*", "_Mallory_", "~strike~", "`code`", "_x_"}

// assertInert checks everything Slack parses as mrkdwn in m (its mrkdwn
// objects and its fallback text): no injected control sequence survives,
// and every < opens one of our own links to an http(s) URL or the one user
// mention we write ourselves.
func assertInert(t *testing.T, m slacktest.Message, allowedMentions ...string) {
	t.Helper()
	for _, s := range append(blockTexts(t, m.Blocks)["mrkdwn"], m.Text) {
		for _, bad := range injections {
			if strings.Contains(s, bad) {
				t.Errorf("mrkdwn %q contains live %q", s, bad)
			}
		}
		for i := strings.Index(s, "<"); i >= 0; i = next(s, i) {
			rest := s[i+1:]
			ok := (strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "http://")) && !strings.HasPrefix(rest, "https://evil.example")
			for _, u := range allowedMentions {
				ok = ok || strings.HasPrefix(rest, "@"+u+">")
			}
			if !ok {
				t.Errorf("mrkdwn %q has a < that is not one of our links", s)
			}
		}
	}
}

func next(s string, i int) int {
	j := strings.Index(s[i+1:], "<")
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

func TestInjectionDocumentRendersInert(t *testing.T) {
	lib := fixtureLibrary(t)
	stub := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) { return injectionAnswer(t, lib), nil })
	h := startHarness(t, withLibrary(lib), withAnswerer(stub))

	_, ts := h.slack.Mention(general, alice, "what happened?", "")
	m := h.waitThread(general, ts, 1)[0]
	assertInert(t, m)
	// The quotes themselves are shown byte-exact, as rich-text literals.
	rich := blockTexts(t, m.Blocks)["rich"]
	evil := lib.Doc("evil")
	for _, acc := range injectionAnswer(t, lib).Accounts {
		for _, q := range acc.Quotes[:1] { // the rest: TestShowMoreQuotesInert
			if !contains1(rich, q.Text) || string(evil.Raw[q.Start:q.End]) != q.Text {
				t.Errorf("quote %q not shown verbatim", q.Text)
			}
		}
	}

	t.Run("show passage", func(t *testing.T) {
		b, _ := m.Button(actionShowPassage)
		h.slack.Click(bob, m, b.ActionID, b.Value)
		var e []slacktest.Message
		if !slacktest.Eventually(5*time.Second, func() bool { e = h.slack.Ephemeral(bob); return len(e) == 1 }) {
			t.Fatal("no passage")
		}
		assertInert(t, e[0])
	})
	for _, c := range []struct{ cmd, text string }{{"/sources", ""}, {"/sources", "evil"}, {"/source", "evil"}, {"/source", "<!channel>"}} {
		t.Run(c.cmd+" "+c.text, func(t *testing.T) {
			_, resp := h.slack.Slash(general, alice, c.cmd, c.text)
			var got slacktest.Message
			if !slacktest.Eventually(5*time.Second, func() bool {
				for _, e := range h.slack.Ephemeral(alice) {
					if e.ResponseURL == resp {
						got = e
						return true
					}
				}
				return false
			}) {
				t.Fatal("no reply")
			}
			assertInert(t, got)
		})
	}
	t.Run("ask and share", func(t *testing.T) {
		_, resp := h.slack.Slash(general, bob, "/ask", "what happened <!channel>?")
		var got slacktest.Message
		if !slacktest.Eventually(5*time.Second, func() bool {
			for _, e := range h.slack.Ephemeral(bob) {
				if e.ResponseURL == resp {
					got = e
					return true
				}
			}
			return false
		}) {
			t.Fatal("no reply")
		}
		assertInert(t, got)
		share, _ := got.Button(actionShare)
		h.slack.Click(bob, got, share.ActionID, share.Value)
		var pub []slacktest.Message
		if !slacktest.Eventually(5*time.Second, func() bool { pub = h.slack.Thread(general, ""); return len(pub) == 1 }) {
			t.Fatal("not shared")
		}
		assertInert(t, pub[0], bob)
	})
}

func contains1(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLongAnswerInSlackIsPagedWithShowMore(t *testing.T) {
	lib := testLibrary(t, map[string]string{"local-paper": plainDoc, "long": longDoc})
	a := longAnswer(t, lib, 14)
	stub := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) { return a, nil })
	h := startHarness(t, withLibrary(lib), withAnswerer(stub))
	_, ts := h.slack.Mention(general, alice, "long?", "")
	m := h.waitThread(general, ts, 1)[0]
	pages := []slacktest.Message{m}
	for {
		checkMessageLimits(t, m)
		more, ok := m.Button(actionShowMore)
		if !ok {
			break
		}
		h.slack.Click(alice, m, more.ActionID, more.Value)
		want := len(pages) + 1
		msgs := h.waitThread(general, ts, want)
		if len(msgs) != want {
			t.Fatalf("Show more posted %d messages", len(msgs)-len(pages))
		}
		m = msgs[want-1]
		pages = append(pages, m)
	}
	if len(pages) < 2 {
		t.Fatalf("long answer fit one message; want Show more")
	}
	holders := map[string]int{}
	for _, p := range pages {
		for _, s := range blockTexts(t, p.Blocks)["mrkdwn"] {
			if strings.HasPrefix(s, "*Speaker ") {
				holders[s[:strings.Index(s, "* ·")]]++
			}
		}
	}
	if len(holders) != len(a.Accounts) {
		t.Errorf("pages show %d accounts, want %d", len(holders), len(a.Accounts))
	}
	for k, n := range holders {
		if n != 1 {
			t.Errorf("%s shown %d times", k, n)
		}
	}
}

// checkMessageLimits applies checkLimits to a message as Slack received it.
func checkMessageLimits(t *testing.T, m slacktest.Message) {
	t.Helper()
	var blocks []map[string]any
	if err := json.Unmarshal(m.Blocks, &blocks); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	if len(blocks) > maxBlocks {
		t.Errorf("message has %d blocks", len(blocks))
	}
	for typ, texts := range blockTexts(t, m.Blocks) {
		for _, s := range texts {
			if n := len([]rune(s)); n > maxTextChars {
				t.Errorf("%s text of %d characters", typ, n)
			}
		}
	}
	if m.Text == "" || len([]rune(m.Text)) > maxTextChars {
		t.Errorf("fallback text missing or too long (%d)", len([]rune(m.Text)))
	}
}
