package bot

import (
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
