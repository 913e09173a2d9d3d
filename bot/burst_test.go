package bot

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// burstSize mentions arrive at once, with every redeliverEvery-th one
// delivered a second time as Slack does after a reconnect.
const (
	burstSize      = 200
	redeliverEvery = 10
)

type burstResult struct {
	acks, answers []time.Duration
	answered      int
}

// TestBurstOfMentions is issue 11's rush: with answer times measured (one
// question first), 200 mentions at once plus redeliveries under the
// default wait deadline. Every envelope is acked before Slack would
// redeliver it, every question is answered exactly once, none is turned
// away, and the placeholder told the later ones where they stood.
func TestBurstOfMentions(t *testing.T) {
	r := runBurst(t, burstSize)
	t.Logf("%d mentions (+%d redelivered): %d answered", burstSize, burstSize/redeliverEvery, r.answered)
	t.Logf("ack latency (loopback, send→ack): median %v, p99 %v, max %v", pct(r.acks, 50), pct(r.acks, 99), pct(r.acks, 100))
	t.Logf("answer latency (send→answer shown): median %v, p99 %v, max %v", pct(r.answers, 50), pct(r.answers, 99), pct(r.answers, 100))
}

// BenchmarkServer_Burst_200 reports the burst's latencies as custom metrics
// (run with -bench Burst -benchtime 3x); each iteration is a fresh bot and
// loopback Slack.
func BenchmarkServer_Burst_200(b *testing.B) {
	var acks, answers []time.Duration
	for b.Loop() {
		r := runBurst(b, burstSize)
		acks, answers = append(acks, r.acks...), append(answers, r.answers...)
	}
	b.ReportMetric(float64(pct(acks, 50).Microseconds()), "ack-p50-µs")
	b.ReportMetric(float64(pct(acks, 99).Microseconds()), "ack-p99-µs")
	b.ReportMetric(float64(pct(answers, 50).Microseconds()), "answer-p50-µs")
	b.ReportMetric(float64(pct(answers, 99).Microseconds()), "answer-p99-µs")
}

func runBurst(t testing.TB, n int) burstResult {
	t.Helper()
	// serve warms the engine before it connects (the first question loads
	// the lexicon); so does this test, then one question through Slack
	// gives the bot a measured answer time.
	if _, err := engine(t).Ask(context.Background(), headline); err != nil {
		t.Fatal(err)
	}
	// Default workers and wait deadline: the machine's size decides.
	h := startHarness(t, withWorkers(0))
	_, warm := h.slack.Mention(general, bob, headline, "")
	h.waitThread(general, warm, 1)

	type sent struct{ event, ts string }
	var all []sent
	for i := range n {
		ev, ts := h.slack.Mention(general, alice, headline, "")
		all = append(all, sent{ev, ts})
		if i%redeliverEvery == redeliverEvery-1 {
			h.slack.Redeliver(all[i-redeliverEvery/2].event)
		}
	}
	settled := func() bool {
		for _, s := range all {
			th := h.slack.Thread(general, s.ts)
			if len(th) == 0 || isPlaceholder(th[0]) {
				return false
			}
		}
		return true
	}
	if !slacktest.Eventually(90*time.Second, settled) {
		t.Fatalf("not every question got a reply")
	}
	settle()
	var r burstResult
	first := map[string]slacktest.Delivery{}
	for _, d := range h.slack.Deliveries() {
		if d.Reason == "timeout" {
			t.Errorf("event %s redelivered after a missed ack (retry_attempt %d)", d.Key, d.Attempt)
		}
		if d.AckedAt.IsZero() {
			t.Errorf("envelope %s (event %s, attempt %d) never acked", d.EnvelopeID, d.Key, d.Attempt)
			continue
		}
		r.acks = append(r.acks, d.AckedAt.Sub(d.SentAt))
		if d.Attempt == 0 {
			first[d.Key] = d
		}
	}
	queued := 0
	for _, s := range all {
		th := h.slack.Thread(general, s.ts)
		if len(th) != 1 {
			t.Errorf("question %s got %d replies, want exactly 1: %s", s.ts, len(th), texts(th))
			continue
		}
		m := th[0]
		if strings.Contains(m.Text, "busy") || m.Updates == 0 || len(quotedDocs(m)) == 0 {
			t.Errorf("question %s was not answered: %q", s.ts, m.Text)
			continue
		}
		if strings.Contains(m.Versions[0], "ahead of yours") {
			queued++
		}
		r.answered++
		r.answers = append(r.answers, m.UpdatedAt.Sub(first[s.event].SentAt))
	}
	if queued == 0 {
		t.Errorf("no placeholder of %d said how many questions were ahead", n)
	}
	if c := h.slack.Connections(); c != 1 {
		t.Errorf("the bot reconnected %d times during the burst", c-1)
	}
	return r
}

// pct is the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s)+99)/100 - 1
	return s[max(0, min(i, len(s)-1))]
}
