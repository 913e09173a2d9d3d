package bot

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// burstSize mentions arrive at once: every envelope must be acked before
// Slack's redelivery deadline, and every question gets exactly one reply,
// an answer or "busy".
const burstSize = 200

type burstResult struct {
	acks, answers  []time.Duration
	answered, busy int
}

func TestBurstOfMentions(t *testing.T) {
	r := runBurst(t, burstSize)
	t.Logf("%d mentions: %d answered, %d told busy", burstSize, r.answered, r.busy)
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
	h := startHarness(t, withPool(4, 32))
	type sent struct{ event, ts string }
	var all []sent
	for range n {
		ev, ts := h.slack.Mention(general, alice, headline, "")
		all = append(all, sent{ev, ts})
	}
	var r burstResult
	settled := func() bool {
		for _, s := range all {
			th := h.slack.Thread(general, s.ts)
			if len(th) == 0 || isPlaceholder(th[0]) {
				return false
			}
		}
		return true
	}
	if !slacktest.Eventually(60*time.Second, settled) {
		t.Fatalf("not every question got a reply")
	}
	settle()
	deliveries := h.slack.Deliveries()
	first := map[string]slacktest.Delivery{}
	for _, d := range deliveries {
		if d.Attempt > 0 {
			t.Errorf("event %s redelivered (retry_attempt %d): its ack missed the deadline", d.Key, d.Attempt)
		}
		if d.Attempt == 0 {
			first[d.Key] = d
		}
	}
	for _, s := range all {
		d := first[s.event]
		if d.AckedAt.IsZero() {
			t.Errorf("event %s never acked", s.event)
			continue
		}
		r.acks = append(r.acks, d.AckedAt.Sub(d.SentAt))
		th := h.slack.Thread(general, s.ts)
		if len(th) != 1 {
			t.Errorf("question %s got %d replies, want exactly 1: %s", s.ts, len(th), texts(th))
			continue
		}
		m := th[0]
		switch {
		case strings.Contains(m.Text, "busy"):
			r.busy++
			r.answers = append(r.answers, m.PostedAt.Sub(d.SentAt))
		case m.Updates == 1 && len(quotedDocs(m)) > 0:
			r.answered++
			r.answers = append(r.answers, m.UpdatedAt.Sub(d.SentAt))
		default:
			t.Errorf("question %s got neither an answer nor busy: %q", s.ts, m.Text)
		}
	}
	if c := h.slack.Connections(); c != 1 {
		t.Errorf("the bot reconnected %d times during the burst", c-1)
	}
	if r.answered+r.busy != n {
		t.Errorf("answered %d + busy %d != %d questions", r.answered, r.busy, n)
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
