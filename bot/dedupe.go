package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// dedupe remembers delivery keys (event ids, message timestamps, trigger ids)
// long enough to outlast Slack's redeliveries: retries come within minutes,
// and a reconnect redelivers what was not acked. Two generations of maps keep
// memory bounded without a sweep: a key lives between one and two ttl.
type dedupe struct {
	mu       sync.Mutex
	ttl      time.Duration
	max      int
	rotated  time.Time
	cur, old map[string]struct{}
}

func newDedupe(ttl time.Duration, max int) *dedupe {
	return &dedupe{ttl: ttl, max: max, cur: map[string]struct{}{}, old: map[string]struct{}{}}
}

// first records key and reports whether this is its first sighting.
func (d *dedupe) first(key string, now time.Time) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.rotated.IsZero() {
		d.rotated = now
	}
	if now.Sub(d.rotated) > d.ttl || len(d.cur) >= d.max {
		d.old, d.cur, d.rotated = d.cur, map[string]struct{}{}, now
	}
	if _, ok := d.cur[key]; ok {
		return false
	}
	if _, ok := d.old[key]; ok {
		return false
	}
	d.cur[key] = struct{}{}
	return true
}

// firstAll records every key and reports whether none was seen before. All
// keys are recorded either way, so a later delivery matching any of them is
// a duplicate too.
func (d *dedupe) firstAll(now time.Time, keys ...string) bool {
	fresh := true
	for _, k := range keys {
		if k == "" {
			continue
		}
		if !d.first(k, now) {
			fresh = false
		}
	}
	return fresh
}

// Seen is a record of delivery keys shared by replicas of one Slack app
// (PostgreSQL in production: pgstore.Events). Slack hands each envelope to
// one open connection and redelivers one not acked in time, perhaps to
// another replica; the shared record makes exactly one replica answer.
// FirstAll records every non-empty key and reports whether none was
// recorded before, by any replica.
type Seen interface {
	FirstAll(ctx context.Context, keys ...string) (bool, error)
}

// sharedSeenTimeout bounds one check of the shared record: delivery
// handling must not wait long on the database.
const sharedSeenTimeout = 2 * time.Second

// deliveries checks this replica's memory first (cheap, and it catches a
// redelivery to the same replica while the database is away), then the
// shared record when there is one. When the shared record cannot be
// reached, the delivery is answered: a rare duplicate answer is better
// than a lost question.
type deliveries struct {
	local  *dedupe
	shared Seen
	log    *slog.Logger
}

func (d *deliveries) first(key string, now time.Time) bool { return d.firstAll(now, key) }

func (d *deliveries) firstAll(now time.Time, keys ...string) bool {
	if !d.local.firstAll(now, keys...) {
		return false
	}
	return d.sharedFirst(keys...)
}

// sharedFirst checks the shared record alone (the caller checked this
// replica's memory).
func (d *deliveries) sharedFirst(keys ...string) bool {
	if d.shared == nil {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), sharedSeenTimeout)
	defer cancel()
	fresh, err := d.shared.FirstAll(ctx, keys...)
	if err != nil {
		d.log.Warn("shared delivery record unreachable; answering without it", "err", err)
		return true
	}
	return fresh
}
