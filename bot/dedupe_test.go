package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDedupe(t *testing.T) {
	d := newDedupe(time.Minute, 1000)
	now := time.Unix(1_700_000_000, 0)
	if !d.first("a", now) {
		t.Fatal("first sighting reported as duplicate")
	}
	if d.first("a", now.Add(time.Second)) {
		t.Error("second sighting not a duplicate")
	}
	// Still remembered after one rotation, forgotten after two.
	if d.first("a", now.Add(90*time.Second)) {
		t.Error("forgotten after one ttl")
	}
	d.first("b", now.Add(200*time.Second))
	if !d.first("a", now.Add(400*time.Second)) {
		t.Error("remembered after two ttl")
	}
}

func TestDedupeFirstAllRecordsEveryKey(t *testing.T) {
	d := newDedupe(time.Hour, 1000)
	now := time.Now()
	if !d.firstAll(now, "event:1", "msg:C:1", "") {
		t.Fatal("fresh keys reported as duplicate")
	}
	// Same message under a new event id (e.g. app_mention and message.im).
	if d.firstAll(now, "event:2", "msg:C:1") {
		t.Error("same message with a new event id not caught")
	}
	if d.firstAll(now, "event:2") {
		t.Error("event:2 was not recorded by the failed firstAll")
	}
}

func TestDedupeBoundedMemory(t *testing.T) {
	d := newDedupe(time.Hour, 10)
	now := time.Now()
	for i := range 1000 {
		d.first(string(rune('a'+i%26))+string(rune(i)), now)
	}
	if n := len(d.cur) + len(d.old); n > 20 {
		t.Errorf("dedupe holds %d keys, cap 2×10", n)
	}
}

// sharedSeen is an in-memory Seen shared by several deliveries, standing
// in for the database replicas share; broken makes it unreachable.
type sharedSeen struct {
	mu     sync.Mutex
	keys   map[string]bool
	broken bool
}

func (s *sharedSeen) FirstAll(_ context.Context, keys ...string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken {
		return false, errors.New("connection refused")
	}
	fresh := true
	for _, k := range keys {
		if k == "" {
			continue
		}
		if s.keys[k] {
			fresh = false
		}
		s.keys[k] = true
	}
	return fresh, nil
}

func TestDeliveriesShared(t *testing.T) {
	shared := &sharedSeen{keys: map[string]bool{}}
	replica := func() *deliveries {
		return &deliveries{local: newDedupe(time.Hour, 1000), shared: shared, log: slog.New(slog.DiscardHandler)}
	}
	a, b := replica(), replica()
	now := time.Now()
	tests := []struct {
		name string
		d    *deliveries
		keys []string
		want bool
	}{
		{"first delivery", a, []string{"event:1"}, true},
		{"redelivered to the other replica", b, []string{"event:1"}, false},
		{"redelivered to the same replica", a, []string{"event:1"}, false},
		{"a new event on the other replica", b, []string{"event:2"}, true},
	}
	for _, tt := range tests {
		if got := tt.d.firstAll(now, tt.keys...); got != tt.want {
			t.Errorf("%s: firstAll = %v, want %v", tt.name, got, tt.want)
		}
	}
	// With the shared record away, a new delivery is answered (a rare
	// duplicate beats a lost question) and this replica still catches its
	// own redeliveries.
	shared.broken = true
	if !a.firstAll(now, "event:3") {
		t.Error("a new delivery was dropped while the shared record is away")
	}
	if a.firstAll(now, "event:3") {
		t.Error("a redelivery to the same replica was answered twice while the shared record is away")
	}
}

func TestReadyzChecksTheStore(t *testing.T) {
	var connected atomic.Bool
	connected.Store(true)
	var storeErr atomic.Pointer[error]
	h := opsHandler(newMetrics(), &connected, func(context.Context) error {
		if e := storeErr.Load(); e != nil {
			return *e
		}
		return nil
	})
	if code, body := get(t, h, "/readyz"); code != 200 || !strings.Contains(body, `"store":"reachable"`) {
		t.Errorf("/readyz with the store up = %d %s", code, body)
	}
	down := errors.New("dial tcp: connection refused")
	storeErr.Store(&down)
	if code, body := get(t, h, "/readyz"); code != 503 || !strings.Contains(body, `"store":"unreachable"`) {
		t.Errorf("/readyz with the store down = %d %s, want 503", code, body)
	}
	if code, _ := get(t, h, "/livez"); code != 200 {
		t.Errorf("/livez with the store down = %d, want 200 (a restart does not bring the database back)", code)
	}
}
