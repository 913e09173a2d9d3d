package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
	"github.com/crosscheck/crosscheck/corpus"
)

func TestSlashAskIsEphemeralAndShareable(t *testing.T) {
	h := startHarness(t)
	_, resp := h.slack.Slash(general, alice, "/ask", headline)
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
		t.Fatal("no ephemeral answer to /ask")
	}
	if got := len(h.slack.Thread(general, "")); got != 0 {
		t.Fatalf("/ask posted %d public messages before sharing", got)
	}
	if len(quotedDocs(m)) == 0 {
		t.Errorf("/ask answer quotes nothing: %s", m.Text)
	}
	// Show passage on an ephemeral answer replies through its response_url.
	pb, _ := m.Button(actionShowPassage)
	h.slack.Click(alice, m, pb.ActionID, pb.Value)
	if !slacktest.Eventually(5*time.Second, func() bool {
		for _, e := range h.slack.Ephemeral(alice) {
			if e.TS != m.TS && strings.HasPrefix(e.Text, "Passage from") {
				return true
			}
		}
		return false
	}) {
		t.Error("Show passage on an ephemeral answer showed nothing")
	}
	share, ok := m.Button(actionShare)
	if !ok {
		t.Fatal("/ask answer has no Share in channel button")
	}
	h.slack.Click(alice, m, share.ActionID, share.Value)
	var pub []slacktest.Message
	if !slacktest.Eventually(5*time.Second, func() bool { pub = h.slack.Thread(general, ""); return len(pub) == 1 }) {
		t.Fatal("shared answer not posted in the channel")
	}
	if !strings.Contains(strings.Join(blockTexts(t, pub[0].Blocks)["mrkdwn"], "\n"), "<@"+alice+"> asked") {
		t.Errorf("shared answer does not say who asked")
	}
	if _, ok := pub[0].Button(actionShare); ok {
		t.Error("shared answer still has a Share button")
	}
	if !slacktest.Eventually(5*time.Second, func() bool {
		for _, e := range h.slack.Ephemeral(alice) {
			if e.TS == m.TS {
				return false
			}
		}
		return true
	}) {
		t.Error("ephemeral answer not removed after sharing")
	}
}

func TestSlashSourcesAndSource(t *testing.T) {
	h := startHarness(t)
	lib := h.cfg.Library
	ephemeralFor := func(resp string) slacktest.Message {
		t.Helper()
		var m slacktest.Message
		if !slacktest.Eventually(5*time.Second, func() bool {
			for _, e := range h.slack.Ephemeral(alice) {
				if e.ResponseURL == resp {
					m = e
					return true
				}
			}
			return false
		}) {
			t.Fatalf("no reply on response_url %s", resp)
		}
		return m
	}
	t.Run("sources lists every document", func(t *testing.T) {
		_, resp := h.slack.Slash(general, alice, "/sources", "")
		m := ephemeralFor(resp)
		for _, d := range lib.Docs() {
			if !strings.Contains(string(m.Blocks), d.ID) {
				t.Errorf("/sources does not list %s", d.ID)
			}
		}
	})
	t.Run("sources filters", func(t *testing.T) {
		_, resp := h.slack.Slash(general, alice, "/sources", "embassy")
		m := ephemeralFor(resp)
		want := lib.Filter("embassy")
		for _, d := range lib.Docs() {
			listed := strings.Contains(string(m.Blocks), "id: "+mrkdwn(d.ID))
			if listed != contains(want, d.ID) {
				t.Errorf("/sources embassy lists %s = %v, want %v", d.ID, listed, !listed)
			}
		}
	})
	t.Run("source by id shows card and passages", func(t *testing.T) {
		d := lib.Docs()[0]
		_, resp := h.slack.Slash(general, alice, "/source", d.ID)
		m := ephemeralFor(resp)
		texts := blockTexts(t, m.Blocks)
		if len(texts["rich"]) == 0 || !strings.Contains(d.Passages[0].Text, texts["rich"][0][:min(40, len(texts["rich"][0]))]) {
			t.Errorf("/source card does not show the first passage")
		}
		if !strings.Contains(strings.Join(texts["mrkdwn"], "\n"), "*Outlet*") {
			t.Errorf("/source card has no metadata fields")
		}
	})
	t.Run("source by words", func(t *testing.T) {
		_, resp := h.slack.Slash(general, alice, "/source", "no-such-document-anywhere")
		m := ephemeralFor(resp)
		if !strings.Contains(m.Text, "No document") {
			t.Errorf("unknown source reply = %q", m.Text)
		}
	})
	t.Run("usage errors", func(t *testing.T) {
		for _, cmd := range []string{"/ask", "/source"} {
			_, resp := h.slack.Slash(general, alice, cmd, "")
			if m := ephemeralFor(resp); !strings.Contains(m.Text, "Usage") {
				t.Errorf("%s with no text: reply %q, want usage", cmd, m.Text)
			}
		}
	})
}

func contains(docs []*corpus.Document, id string) bool {
	for _, d := range docs {
		if d.ID == id {
			return true
		}
	}
	return false
}
