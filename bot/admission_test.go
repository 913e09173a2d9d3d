package bot

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// statedWait reads the expected wait a placeholder or busy reply states, in
// whole seconds ("under a second" is 0); false when it states none.
var statedWaitRe = regexp.MustCompile(`expected wait (?:is )?(?:more than )?(under a second|(\d+) s|(\d+) min)`)

func statedWait(text string) (time.Duration, bool) {
	m := statedWaitRe.FindStringSubmatch(text)
	switch {
	case m == nil:
		return 0, false
	case m[2] != "":
		n, _ := strconv.Atoi(m[2])
		return time.Duration(n) * time.Second, true
	case m[3] != "":
		n, _ := strconv.Atoi(m[3])
		return time.Duration(n) * time.Minute, true
	}
	return 0, true
}

// TestSlowEngineTurnsAwayOnlyPastTheDeadline: answers take 100 ms, one
// worker, a 2 s deadline. Of 30 questions at once, those whose wait fits
// are queued and answered; the rest are told the bot is busy, with a wait
// past the deadline. Nobody gets silence or two replies.
func TestSlowEngineTurnsAwayOnlyPastTheDeadline(t *testing.T) {
	const maxWait = 2 * time.Second
	lib := fixtureLibrary(t)
	slow := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		select {
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return conflictAnswer(t, lib), nil
	})
	h := startHarness(t, withAnswerer(slow), withLibrary(lib), withWorkers(1), func(c *Config, _ *slacktest.Options) { c.MaxWait = maxWait })
	_, warm := h.slack.Mention(general, bob, "warm up", "")
	h.waitThread(general, warm, 1)

	var asked []string
	for range 30 {
		_, ts := h.slack.Mention(general, alice, "were foreign agents there?", "")
		asked = append(asked, ts)
	}
	var answered, busy int
	for _, ts := range asked {
		th := h.waitThread(general, ts, 1)
		if len(th) != 1 {
			t.Errorf("question %s got %d replies: %s", ts, len(th), texts(th))
			continue
		}
		m := th[0]
		switch {
		case strings.Contains(m.Text, "I'm busy"):
			busy++
			wait, ok := statedWait(m.Text)
			if !ok || !strings.Contains(m.Text, "ahead of yours") || !strings.Contains(m.Text, "the 2 s I let a question wait") {
				t.Errorf("busy reply %q does not say how many are ahead, the expected wait and the deadline", m.Text)
			}
			if ok && wait < maxWait {
				t.Errorf("turned away with an expected wait of %v, within the %v deadline: %q", wait, maxWait, m.Text)
			}
		case len(quotedDocs(m)) > 0:
			answered++
			if wait, ok := statedWait(m.Versions[0]); ok && wait > maxWait {
				t.Errorf("queued with a stated wait of %v, past the deadline: %q", wait, m.Versions[0])
			}
		default:
			t.Errorf("question %s got neither an answer nor busy: %q", ts, m.Text)
		}
	}
	t.Logf("%d answered, %d told busy", answered, busy)
	// 100 ms answers, one worker, 2 s: about twenty fit. A loaded machine
	// measures slower answers, so fewer; never only a few, never all thirty.
	if answered < 4 || busy == 0 {
		t.Errorf("%d answered and %d busy; want the questions that fit in 1 s answered and the rest told busy", answered, busy)
	}
}

// TestRefusedChannelCostsNoAnswer: when Slack refuses the placeholder
// (the bot was removed from the channel), the question is not answered
// into the void.
func TestRefusedChannelCostsNoAnswer(t *testing.T) {
	var asked atomic.Int32
	count := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		asked.Add(1)
		return conflictAnswer(t, fixtureLibrary(t)), nil
	})
	h := startHarness(t, withLibrary(fixtureLibrary(t)), withAnswerer(count))
	h.slack.Refuse("C0GONE", "not_in_channel")
	h.slack.Mention("C0GONE", alice, "were foreign agents there?", "")
	_, ok := h.slack.Mention(general, alice, "were foreign agents there?", "")
	h.waitThread(general, ok, 1)
	settle()
	if got := asked.Load(); got != 1 {
		t.Errorf("engine asked %d times, want once (only where the answer can be posted)", got)
	}
}
