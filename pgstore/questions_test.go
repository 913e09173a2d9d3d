package pgstore

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestQuestionsReceiveOnce(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	a, b := s.Questions(time.Hour), s.Questions(time.Hour)
	q := Question{Key: "event:1", Route: "mention", Channel: "C1", ThreadTS: "1.1", MsgTS: "1.1", User: "U1", Text: "Did the dam fail?"}
	tests := []struct {
		name string
		qs   *Questions
		keys []string
		want bool
	}{
		{"first delivery", a, []string{"event:1", "msg:C1:1.1"}, true},
		{"redelivered to another replica", b, []string{"event:1", "msg:C1:1.1"}, false},
		{"same message under another event", b, []string{"event:2", "msg:C1:1.1"}, false},
	}
	for _, tt := range tests {
		got, err := tt.qs.Receive(ctx, "replica-"+tt.name, q, tt.keys...)
		if err != nil || got != tt.want {
			t.Errorf("%s: Receive = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
	// A key another path recorded (Events) makes the question a duplicate too.
	if _, err := s.Events(time.Hour).FirstAll(ctx, "event:3"); err != nil {
		t.Fatal(err)
	}
	if got, err := a.Receive(ctx, "r", Question{Key: "event:3", Text: "x", Channel: "C"}, "event:3"); got || err != nil {
		t.Errorf("Receive of a key Events recorded = %v, %v; want a duplicate", got, err)
	}
}

// Replicas sweeping at once take each stale question exactly once; a
// replica whose question was taken over no longer holds it; heartbeats
// keep a live claim from being taken.
func TestQuestionsTakeOverOnce(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	qs := s.Questions(time.Hour)
	const n = 40
	var keys []string
	for i := range n {
		k := fmt.Sprintf("event:%d", i)
		keys = append(keys, k)
		if ok, err := qs.Receive(ctx, "dead", Question{Key: k, Route: "mention", Channel: "C", Text: "q"}, k); !ok || err != nil {
			t.Fatalf("Receive %s = %v, %v", k, ok, err)
		}
	}
	if ok, err := qs.Receive(ctx, "alive", Question{Key: "event:alive", Route: "mention", Channel: "C", Text: "q"}, "event:alive"); !ok || err != nil {
		t.Fatal(err)
	}
	if err := qs.Placeholder(ctx, "event:0", "9.9"); err != nil {
		t.Fatal(err)
	}
	// The dead replica's claims go stale; a sweeper's own fresh claims
	// must not, however loaded the machine: sweeps take far less than
	// the staleness window.
	time.Sleep(1200 * time.Millisecond)
	if err := qs.Heartbeat(ctx, "alive", []string{"event:alive"}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	taken := map[string][]string{}
	var wg sync.WaitGroup
	for r := range 4 {
		wg.Go(func() {
			for {
				ps, err := qs.TakeOver(ctx, fmt.Sprintf("sweeper-%d", r), time.Second, 3)
				if err != nil {
					t.Error(err)
					return
				}
				if len(ps) == 0 {
					return
				}
				mu.Lock()
				for _, p := range ps {
					taken[p.Key] = append(taken[p.Key], fmt.Sprint(r))
					if p.Claims != 2 {
						t.Errorf("%s: claims = %d, want 2", p.Key, p.Claims)
					}
					if p.Key == "event:0" && p.PlaceholderTS != "9.9" {
						t.Errorf("placeholder = %q, want 9.9", p.PlaceholderTS)
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, k := range keys {
		if len(taken[k]) != 1 {
			t.Errorf("%s taken over by %v, want exactly one sweeper", k, taken[k])
		}
	}
	if len(taken["event:alive"]) != 0 {
		t.Errorf("a question with a fresh heartbeat was taken over")
	}
	if held, err := qs.Hold(ctx, "dead", "event:1"); held || err != nil {
		t.Errorf("Hold by the replica taken for dead = %v, %v; want false", held, err)
	}
	if err := qs.Answered(ctx, "event:1"); err != nil {
		t.Fatal(err)
	}
	if err := qs.Release(ctx, "alive", "event:alive"); err != nil {
		t.Fatal(err)
	}
	ps, err := qs.TakeOver(ctx, "next", time.Hour, 10)
	if err != nil || len(ps) != 1 || ps[0].Key != "event:alive" {
		t.Errorf("TakeOver after Release = %v, %v; want the released question at once", ps, err)
	}
	// Holding takes the right to show: once held, a question is never
	// taken over, however long its replica then stalls.
	if held, err := qs.Hold(ctx, "next", "event:alive"); !held || err != nil {
		t.Fatalf("Hold by the claim's holder = %v, %v; want true", held, err)
	}
	if ps, err := qs.TakeOver(ctx, "other", 0, 10); err != nil || slices.ContainsFunc(ps, func(p Question) bool { return p.Key == "event:alive" }) {
		t.Errorf("a held question was taken over: %v, %v", ps, err)
	}
	if held, _ := qs.Hold(ctx, "next", "event:alive"); held {
		t.Errorf("a question was held twice")
	}
}
