package bot

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

func TestShowPassageAndFeedback(t *testing.T) {
	h := startHarness(t)
	_, ts := h.slack.Mention(general, alice, headline, "")
	m := h.waitThread(general, ts, 1)[0]

	t.Run("show passage", func(t *testing.T) {
		b, ok := m.Button(actionShowPassage)
		if !ok {
			t.Fatal("answer has no Show passage button")
		}
		start, end, id, _ := parsePassageValue(b.Value)
		h.slack.Click(bob, m, b.ActionID, b.Value)
		var e []slacktest.Message
		if !slacktest.Eventually(5*time.Second, func() bool { e = h.slack.Ephemeral(bob); return len(e) == 1 }) {
			t.Fatal("no ephemeral passage for the clicker")
		}
		if e[0].ThreadTS != ts {
			t.Errorf("passage posted in thread %q, want %q", e[0].ThreadTS, ts)
		}
		quote := string(h.cfg.Library.Doc(id).Raw[start:end])
		rich := strings.Join(blockTexts(t, e[0].Blocks)["rich"], "")
		if !strings.Contains(rich, quote) || len(rich) <= len(quote) {
			t.Errorf("passage %q does not show the quote %q with its neighbours", rich, quote)
		}
		if len(h.slack.Ephemeral(alice)) != 0 {
			t.Error("the passage was shown to someone who did not click")
		}
	})
	t.Run("feedback lands in the JSONL file", func(t *testing.T) {
		up, _ := m.Button(actionFeedbackUp)
		down, _ := m.Button(actionFeedbackDown)
		h.slack.Click(alice, m, up.ActionID, up.Value)
		h.slack.Click(bob, m, down.ActionID, down.Value)
		path := filepath.Join(h.cfg.DataDir, FeedbackFile)
		var votes []Feedback
		if !slacktest.Eventually(5*time.Second, func() bool { votes = readVotes(t, path); return len(votes) == 2 }) {
			t.Fatalf("feedback file holds %d votes, want 2", len(votes))
		}
		byUser := map[string]Feedback{votes[0].User: votes[0], votes[1].User: votes[1]}
		if byUser[alice].Vote != "up" || byUser[bob].Vote != "down" {
			t.Errorf("votes = %+v", votes)
		}
		v := byUser[alice]
		if v.Question != headline || v.Summary == "" || len(v.DocIDs) < 3 || v.Time.IsZero() {
			t.Errorf("vote record incomplete: %+v", v)
		}
		if !slacktest.Eventually(5*time.Second, func() bool { return len(h.slack.Ephemeral(alice)) == 1 }) {
			t.Error("voter got no thanks")
		}
	})
}

func readVotes(t *testing.T, path string) []Feedback {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []Feedback
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var fb Feedback
		if err := json.Unmarshal(sc.Bytes(), &fb); err != nil {
			t.Fatalf("feedback line %q is not JSON: %v", sc.Text(), err)
		}
		out = append(out, fb)
	}
	return out
}
