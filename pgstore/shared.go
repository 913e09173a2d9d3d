package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// Shared holds what the replicas of one Slack app share besides questions:
// thread context for follow-ups, feedback votes, and what the buttons under
// an answer need. Values are JSON the caller encodes; nothing here knows
// their shape.
type Shared struct {
	s *Store
	// keep is how long thread context and kept answers live.
	keep  time.Duration
	calls atomic.Int64
}

// Shared returns the store's shared bot state, kept for keep.
func (s *Store) Shared(keep time.Duration) *Shared { return &Shared{s: s, keep: keep} }

// PutThread records the context of the thread rooted at threadTS in
// channel ("" for the top of a DM), replacing what was there.
func (sh *Shared) PutThread(ctx context.Context, channel, threadTS string, value []byte) error {
	_, err := sh.s.pool.Exec(ctx, `INSERT INTO threads (channel, thread_ts, context) VALUES ($1, $2, $3)
		ON CONFLICT (channel, thread_ts) DO UPDATE SET context = excluded.context, updated = now()`, channel, threadTS, value)
	if err != nil {
		return fmt.Errorf("store %s: save thread context: %w", sh.s.name, err)
	}
	return nil
}

// Thread returns a thread's context, or nil when none was recorded within
// maxAge.
func (sh *Shared) Thread(ctx context.Context, channel, threadTS string, maxAge time.Duration) ([]byte, error) {
	var b []byte
	err := sh.s.pool.QueryRow(ctx, `SELECT context FROM threads
		WHERE channel = $1 AND thread_ts = $2 AND updated > now() - make_interval(secs => $3)`,
		channel, threadTS, maxAge.Seconds()).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: read thread context: %w", sh.s.name, err)
	}
	return b, nil
}

// AddFeedback records one vote.
func (sh *Shared) AddFeedback(ctx context.Context, record []byte) error {
	if _, err := sh.s.pool.Exec(ctx, `INSERT INTO feedback (record) VALUES ($1)`, record); err != nil {
		return fmt.Errorf("store %s: record feedback: %w", sh.s.name, err)
	}
	return nil
}

// Keep records body under kind and id (an answer or a message check a
// button refers to).
func (sh *Shared) Keep(ctx context.Context, kind, id string, body []byte) error {
	if sh.calls.Add(1)%eventsPruneEvery == 0 {
		if err := sh.Prune(ctx); err != nil {
			return err
		}
	}
	_, err := sh.s.pool.Exec(ctx, `INSERT INTO answers (kind, id, body) VALUES ($1, $2, $3)
		ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body`, kind, id, body)
	if err != nil {
		return fmt.Errorf("store %s: keep %s: %w", sh.s.name, kind, err)
	}
	return nil
}

// Kept returns what Keep recorded under kind and id, or nil.
func (sh *Shared) Kept(ctx context.Context, kind, id string) ([]byte, error) {
	var b []byte
	err := sh.s.pool.QueryRow(ctx, `SELECT body FROM answers WHERE kind = $1 AND id = $2`, kind, id).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: read %s: %w", sh.s.name, kind, err)
	}
	return b, nil
}

// Prune deletes thread contexts and kept answers past their keep.
func (sh *Shared) Prune(ctx context.Context) error {
	for _, q := range []string{
		`DELETE FROM threads WHERE updated < now() - make_interval(secs => $1)`,
		`DELETE FROM answers WHERE created < now() - make_interval(secs => $1)`,
	} {
		if _, err := sh.s.pool.Exec(ctx, q, sh.keep.Seconds()); err != nil {
			return fmt.Errorf("store %s: prune: %w", sh.s.name, err)
		}
	}
	return nil
}
