package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
)

const headline = "did US agents operate in Sinaloa?"

func TestMentionHeadlineAnsweredOnceInThread(t *testing.T) {
	h := startHarness(t)
	_, ts := h.slack.Mention(general, alice, headline, "")
	msgs := h.waitThread(general, ts, 1)
	settle()
	msgs = h.slack.Thread(general, ts)
	if len(msgs) != 1 {
		t.Fatalf("thread has %d bot messages, want exactly 1: %s", len(msgs), texts(msgs))
	}
	m := msgs[0]
	if m.Updates != 1 || !strings.Contains(m.Versions[0], "Checking 5 sources") {
		t.Errorf("placeholder not replaced: versions %q", m.Versions)
	}
	docs := quotedDocs(m)
	if len(docs) < 3 {
		t.Errorf("answer quotes %d documents %v, want at least 3", len(docs), docs)
	}
	for _, want := range []string{actionFeedbackUp, actionFeedbackDown} {
		if _, ok := m.Button(want); !ok {
			t.Errorf("answer has no %s button", want)
		}
	}
	if m.Text == "" {
		t.Error("answer has no plain-text fallback")
	}
}

func TestMentionInThreadIsAnsweredInThatThread(t *testing.T) {
	h := startHarness(t)
	_, root := h.slack.Mention(general, alice, headline, "")
	h.waitThread(general, root, 1)
	// A follow-up written in the thread where the bot already answered.
	h.slack.Mention(general, bob, "what did the U.S. embassy say?", root)
	msgs := h.waitThread(general, root, 2)
	settle()
	if got := len(h.slack.Thread(general, root)); got != 2 {
		t.Fatalf("thread has %d bot messages, want 2 (one per question): %s", got, texts(msgs))
	}
}

func TestDirectMessages(t *testing.T) {
	h := startHarness(t)
	_, _ = h.slack.DM(aliceDM, alice, headline, "")
	var top []slacktest.Message
	if !slacktest.Eventually(10*time.Second, func() bool {
		top = h.slack.Thread(aliceDM, "")
		return len(top) == 1 && !isPlaceholder(top[0])
	}) {
		t.Fatalf("DM not answered at top level: %s", texts(h.slack.Thread(aliceDM, "")))
	}
	if len(quotedDocs(top[0])) == 0 {
		t.Errorf("DM answer quotes nothing: %s", top[0].Text)
	}
	// In a DM thread the answer stays in the thread.
	_, ts := h.slack.DM(aliceDM, alice, "what did Sheinbaum say?", top[0].TS)
	h.waitThread(aliceDM, top[0].TS, 1)
	_ = ts
}

func TestIgnoresBotsEditsAndOwnPosts(t *testing.T) {
	h := startHarness(t)
	h.slack.Event(map[string]any{"type": "message", "channel_type": "im", "channel": aliceDM, "bot_id": "B0OTHER",
		"text": "I am a bot", "ts": h.slack.NewTS()})
	h.slack.Event(map[string]any{"type": "message", "channel_type": "im", "channel": aliceDM, "subtype": "message_changed",
		"message": map[string]any{"text": "edited", "user": alice}, "ts": h.slack.NewTS()})
	h.slack.Event(map[string]any{"type": "message", "channel_type": "im", "channel": aliceDM, "subtype": "bot_message",
		"bot_id": "B0CROSS", "text": "my own answer", "ts": h.slack.NewTS()})
	h.slack.Event(map[string]any{"type": "app_mention", "channel": general, "bot_id": "B0OTHER", "user": "U0OTHERBOT",
		"text": "<@U0CROSSBOT> loop?", "ts": h.slack.NewTS()})
	// A real question afterwards proves the bot was listening.
	h.slack.DM(aliceDM, alice, headline, "")
	if !slacktest.Eventually(10*time.Second, func() bool { return len(h.slack.Messages()) >= 1 }) {
		t.Fatal("no answer to the real question")
	}
	settle()
	if got := h.slack.Messages(); len(got) != 1 {
		t.Fatalf("bot posted %d messages, want 1 (only the real question): %s", len(got), texts(got))
	}
}

func TestEmptyMentionGetsHelp(t *testing.T) {
	h := startHarness(t)
	_, ts := h.slack.Mention(general, alice, "", "")
	m := h.waitThread(general, ts, 1)[0]
	if !strings.Contains(m.Text, "/ask") {
		t.Errorf("help text = %q, want it to name the slash commands", m.Text)
	}
}

func TestChannelAllowlist(t *testing.T) {
	h := startHarness(t, func(c *Config, _ *slacktest.Options) { c.Channels = []string{"C0ALLOWED"} })
	_, ts := h.slack.Mention(general, alice, headline, "")
	_, ok := h.slack.Mention("C0ALLOWED", alice, headline, "")
	h.waitThread("C0ALLOWED", ok, 1)
	settle()
	if got := h.slack.Thread(general, ts); len(got) != 0 {
		t.Errorf("answered in a channel outside the allowlist: %s", texts(got))
	}
}

func TestRedeliveryAfterLostAckAnswersOnce(t *testing.T) {
	h := startHarness(t, func(_ *Config, o *slacktest.Options) { o.AckDeadline = 300 * time.Millisecond })
	h.slack.LoseAcks(1)
	ev, ts := h.slack.Mention(general, alice, headline, "")
	h.waitThread(general, ts, 1)
	if !slacktest.Eventually(5*time.Second, func() bool { return attempts(h.slack, ev) >= 2 }) {
		t.Fatalf("event was not redelivered after its ack was lost")
	}
	settle()
	if got := h.slack.Thread(general, ts); len(got) != 1 {
		t.Fatalf("redelivered event answered %d times: %s", len(got), texts(got))
	}
	for _, d := range h.slack.Deliveries() {
		if d.Key == ev && d.Attempt > 0 && d.AckedAt.IsZero() {
			t.Errorf("redelivery %s (retry_attempt %d) was not acked", d.EnvelopeID, d.Attempt)
		}
	}
}

func attempts(s *slacktest.Server, key string) int {
	n := 0
	for _, d := range s.Deliveries() {
		if d.Key == key {
			n++
		}
	}
	return n
}

func TestRedeliveryAfterDisconnectMidQuestionAnswersOnce(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	gated := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		started <- struct{}{}
		<-release
		return engine(t).Ask(ctx, q)
	})
	h := startHarness(t, withAnswerer(gated))
	ev, ts := h.slack.Mention(general, alice, headline, "")
	<-started // mid-question
	h.slack.Disconnect()
	if !h.slack.WaitConnected(2, 10*time.Second) {
		t.Fatal("bot did not reconnect after disconnect")
	}
	env := h.slack.Redeliver(ev)
	if !slacktest.Eventually(5*time.Second, func() bool { return h.slack.Acked(env) }) {
		t.Error("redelivered envelope not acked")
	}
	close(release)
	h.waitThread(general, ts, 1)
	settle()
	if got := h.slack.Thread(general, ts); len(got) != 1 {
		t.Fatalf("event redelivered after reconnect answered %d times: %s", len(got), texts(got))
	}
	if _, body := get(t, h.srv.OpsHandler(), "/metrics"); !strings.Contains(body, "crosscheck_reconnects_total 1") {
		t.Errorf("reconnects metric is not 1")
	}
}

func TestUnparseableEnvelopeIsAcked(t *testing.T) {
	h := startHarness(t)
	env := h.slack.BadEnvelope()
	if !slacktest.Eventually(5*time.Second, func() bool { return h.slack.Acked(env) }) {
		t.Fatal("envelope slack-go cannot parse was never acked")
	}
	// And the connection still works.
	_, ts := h.slack.Mention(general, alice, headline, "")
	h.waitThread(general, ts, 1)
}

func TestRateLimitIsHonoured(t *testing.T) {
	h := startHarness(t)
	h.slack.RateLimit("chat.postMessage", 1)
	start := time.Now()
	_, ts := h.slack.Mention(general, alice, headline, "")
	m := h.waitThread(general, ts, 1)[0]
	if h.slack.RateLimited("chat.postMessage") != 1 {
		t.Fatalf("429 not served")
	}
	if gap := m.PostedAt.Sub(start); gap < time.Second {
		t.Errorf("message posted %v after the 429, before Retry-After: 1 s had passed", gap)
	}
	if len(quotedDocs(m)) == 0 {
		t.Errorf("answer missing after the rate limit: %s", m.Text)
	}
}

func TestDeadlineAndEngineErrorsAreVisible(t *testing.T) {
	slow := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		if q == "boom" {
			return nil, errors.New("index exploded: secret detail")
		}
		if q == "too long" {
			return nil, fmt.Errorf("%w: the question is 2000 bytes, the limit is 1000", answer.ErrInvalidQuestion)
		}
		<-ctx.Done()
		return nil, ctx.Err()
	})
	h := startHarness(t, withAnswerer(slow), func(c *Config, _ *slacktest.Options) { c.Deadline = 200 * time.Millisecond })
	_, ts := h.slack.Mention(general, alice, "anything slow", "")
	m := h.waitThread(general, ts, 1)[0]
	if !strings.Contains(m.Text, "ran out of time") {
		t.Errorf("timeout reply = %q", m.Text)
	}
	_, ts = h.slack.Mention(general, alice, "boom", "")
	m = h.waitThread(general, ts, 1)[0]
	if !strings.Contains(m.Text, "Something went wrong") || strings.Contains(m.Text, "secret detail") {
		t.Errorf("error reply = %q: want a plain explanation without internals", m.Text)
	}
	_, ts = h.slack.Mention(general, alice, "too long", "")
	m = h.waitThread(general, ts, 1)[0]
	if !strings.Contains(m.Text, "the limit is 1000") {
		t.Errorf("invalid-question reply = %q: want the engine's explanation", m.Text)
	}
}

func TestShutdownFinishesInFlightQuestions(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	gated := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		started <- struct{}{}
		<-release
		return engine(t).Ask(ctx, q)
	})
	h := startHarness(t, withAnswerer(gated))
	_, ts := h.slack.Mention(general, alice, headline, "")
	<-started
	stopped := make(chan error, 1)
	go func() { stopped <- h.stop() }()
	time.Sleep(100 * time.Millisecond)
	// New questions during the drain are told, not queued.
	_, late := h.slack.Mention(general, bob, headline, "")
	lateMsg := h.waitThread(general, late, 1)[0]
	if !strings.Contains(lateMsg.Text, "restarting") {
		t.Errorf("question during shutdown got %q, want a restarting notice", lateMsg.Text)
	}
	close(release)
	if err := <-stopped; err != nil {
		t.Fatalf("Run returned %v, want nil after a graceful shutdown", err)
	}
	m := h.slack.Thread(general, ts)
	if len(m) != 1 || len(quotedDocs(m[0])) == 0 {
		t.Fatalf("in-flight question not answered before exit: %s", texts(m))
	}
}

func TestShutdownGraceRunsOut(t *testing.T) {
	stuck := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	h := startHarness(t, withAnswerer(stuck), withWorkers(1), func(c *Config, _ *slacktest.Options) {
		c.ShutdownGrace, c.Deadline = 200*time.Millisecond, time.Minute
	})
	_, ts := h.slack.Mention(general, alice, headline, "")
	if !slacktest.Eventually(5*time.Second, func() bool { return len(h.slack.Thread(general, ts)) == 1 }) {
		t.Fatal("no placeholder")
	}
	// A second question waits in the queue behind the stuck one.
	_, queued := h.slack.Mention(general, bob, headline, "")
	time.Sleep(100 * time.Millisecond)
	if err := h.stop(); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
	for _, th := range []string{ts, queued} {
		m := h.slack.Thread(general, th)
		if len(m) != 1 || !strings.Contains(m[0].Text, "restarting") {
			t.Errorf("question cut off by shutdown shows %s, want one visible 'ask again'", texts(m))
		}
	}
}

func TestHealthzAndMetrics(t *testing.T) {
	h := startHarness(t)
	_, ts := h.slack.Mention(general, alice, headline, "")
	h.waitThread(general, ts, 1)
	code, body := get(t, h.srv.OpsHandler(), "/healthz")
	if code != 200 || !strings.Contains(body, `"connected"`) {
		t.Errorf("/healthz = %d %s, want 200 connected", code, body)
	}
	// The counters move just after the answer is shown.
	slacktest.Eventually(5*time.Second, func() bool {
		_, body = get(t, h.srv.OpsHandler(), "/metrics")
		return strings.Contains(body, `crosscheck_questions_total{outcome="answered",route="mention"} 1`)
	})
	for _, want := range []string{
		`crosscheck_questions_total{outcome="answered",route="mention"} 1`,
		"crosscheck_ack_seconds_count", "crosscheck_answer_seconds_bucket", "crosscheck_queue_depth", "crosscheck_expected_wait_seconds",
		"crosscheck_quotes_dropped_total", "crosscheck_reconnects_total 0", "crosscheck_slack_connected 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if code, _ := get(t, h.srv.OpsHandler(), "/readyz"); code != 200 {
		t.Errorf("/readyz while connected = %d, want 200", code)
	}
	h.stop()
	// Without Slack the bot is not ready, but it is alive: a liveness
	// probe must not restart it for a reconnect.
	if code, _ := get(t, h.srv.OpsHandler(), "/readyz"); code != 503 {
		t.Errorf("/readyz after stop = %d, want 503", code)
	}
	if code, _ := get(t, h.srv.OpsHandler(), "/livez"); code != 200 {
		t.Errorf("/livez after the connection is gone = %d, want 200", code)
	}
}

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}
