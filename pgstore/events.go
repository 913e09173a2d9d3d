package pgstore

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"
)

// Events records Slack delivery keys (event ids, trigger ids, message
// timestamps) for every replica sharing the store: the first replica to
// record a key answers, the others drop the delivery. It is the shared
// half of the bot's dedupe (bot.Seen).
type Events struct {
	s *Store
	// TTL is how long a key is kept; Slack redelivers within minutes.
	TTL   time.Duration
	calls atomic.Int64
}

// eventsPruneEvery is how many calls pass between two deletions of
// expired keys; any replica may do it.
const eventsPruneEvery = 1000

// Events returns the store's shared delivery keys, kept for ttl.
func (s *Store) Events(ttl time.Duration) *Events { return &Events{s: s, TTL: ttl} }

// FirstAll records every non-empty key and reports whether none was
// recorded before, by this replica or another. Two replicas recording the
// same key at once: exactly one of them inserts it.
func (e *Events) FirstAll(ctx context.Context, keys ...string) (bool, error) {
	var nonEmpty []string
	for _, k := range keys {
		if k != "" {
			nonEmpty = append(nonEmpty, k)
		}
	}
	if len(nonEmpty) == 0 {
		return true, nil
	}
	if e.calls.Add(1)%eventsPruneEvery == 0 {
		if err := e.Prune(ctx); err != nil {
			return false, err
		}
	}
	tag, err := e.s.pool.Exec(ctx, `INSERT INTO events (key) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (key) DO NOTHING`, nonEmpty)
	if err != nil {
		return false, fmt.Errorf("store %s: record delivery: %w", e.s.name, err)
	}
	return tag.RowsAffected() == int64(distinct(nonEmpty)), nil
}

// Prune deletes keys older than the TTL.
func (e *Events) Prune(ctx context.Context) error {
	_, err := e.s.pool.Exec(ctx, `DELETE FROM events WHERE seen_at < now() - make_interval(secs => $1)`, e.TTL.Seconds())
	if err != nil {
		return fmt.Errorf("store %s: prune deliveries: %w", e.s.name, err)
	}
	return nil
}

func distinct(ss []string) int {
	seen := map[string]bool{}
	for _, s := range ss {
		seen[s] = true
	}
	return len(seen)
}
