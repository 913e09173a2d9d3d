package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// slashReply runs a slash command and returns its ephemeral reply.
func slashReply(t *testing.T, h *harness, command, text string) slacktest.Message {
	t.Helper()
	_, resp := h.slack.Slash(general, alice, command, text)
	var m slacktest.Message
	if !slacktest.Eventually(10*time.Second, func() bool {
		for _, e := range h.slack.Ephemeral(alice) {
			if e.ResponseURL == resp {
				m = e
				return true
			}
		}
		return false
	}) {
		t.Fatalf("no reply to %s %s", command, text)
	}
	return m
}

func TestSlashDisputes(t *testing.T) {
	ds := fixtureDisputes(t)
	h := startHarness(t, withLibrary(fixtureLibrary(t)), withAnswerer(answerFunc(nil)), withDisputer(ds),
		func(c *Config, _ *slacktest.Options) {
			c.Commands = Commands{Ask: "/ask", Sources: "/sources", Source: "/source", Disputes: "/contested"}
		})

	m := slashReply(t, h, "/contested", "")
	all := strings.Join(blockTexts(t, m.Blocks)["mrkdwn"], "\n")
	for _, want := range []string{"2 disputes", "Whether foreign agents were at the raid", "The police chief", "No foreign agents were present", "one side asserts what another denies"} {
		if !strings.Contains(all, want) {
			t.Errorf("/contested lacks %q:\n%s", want, all)
		}
	}
	rich := blockTexts(t, m.Blocks)["rich"]
	for _, d := range ds {
		for _, side := range d.Sides {
			if !contains1(rich, side.Quote.Text) {
				t.Errorf("side %s's quote %q not shown verbatim", side.Holder, side.Quote.Text)
			}
		}
	}
	assertInert(t, m)
	if _, ok := m.Button(actionShowPassage); !ok {
		t.Error("no Show passage button beside the sides' quotes")
	}
	if got := h.slack.Thread(general, ""); len(got) != 0 {
		t.Errorf("/contested posted in the channel: %s", texts(got))
	}

	m = slashReply(t, h, "/contested", "chief")
	all = strings.Join(blockTexts(t, m.Blocks)["mrkdwn"], "\n")
	if !strings.Contains(all, "1 dispute") || strings.Contains(all, "at all") {
		t.Errorf("/contested chief = %s, want only the dispute about the chief", all)
	}
	m = slashReply(t, h, "/contested", "weather")
	if !strings.Contains(m.Text, "No disputes found") {
		t.Errorf("/contested weather = %q", m.Text)
	}
}

func TestSlashDisputesWithoutDisputer(t *testing.T) {
	h := startHarness(t, withLibrary(fixtureLibrary(t)), withAnswerer(answerFunc(nil)))
	m := slashReply(t, h, "/disputes", "")
	if !strings.Contains(m.Text, "not switched on") {
		t.Errorf("/disputes without a Disputer = %q", m.Text)
	}
}
