package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
)

func TestSlowAnswerShowsProgress(t *testing.T) {
	lib := fixtureLibrary(t)
	release := make(chan struct{})
	slow := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		if q == "slow" {
			<-release
		}
		return conflictAnswer(t, lib), nil
	})
	h := startHarness(t, withLibrary(lib), withAnswerer(slow), func(c *Config, _ *slacktest.Options) { c.ProgressAfter = 50 * time.Millisecond })
	passages := 0
	for _, d := range lib.Docs() {
		passages += len(d.Passages)
	}
	_, ts := h.slack.Mention(general, alice, "slow", "")
	if !slacktest.Eventually(10*time.Second, func() bool {
		th := h.slack.Thread(general, ts)
		return len(th) == 1 && strings.Contains(th[0].Text, "Searching")
	}) {
		t.Fatalf("no progress in the placeholder of a slow answer: %s", texts(h.slack.Thread(general, ts)))
	}
	close(release)
	m := h.waitThread(general, ts, 1)[0]
	if len(quotedDocs(m)) == 0 {
		t.Fatalf("answer did not replace the progress: %q", m.Text)
	}
	want := "Searching " + thousands(passages) + " passages in 2 documents"
	if !strings.Contains(strings.Join(m.Versions, "\n"), want) {
		t.Errorf("placeholder versions %q, want one saying %q", m.Versions, want)
	}
	settle()
	if got := h.slack.Thread(general, ts)[0]; got.Text != m.Text {
		t.Errorf("a progress update came after the answer: %q", got.Text)
	}

}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 12000: "12,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
