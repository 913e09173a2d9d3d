package pgstore

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// Question is a question one replica acknowledged to Slack and has not
// answered yet: enough to answer it from another replica.
type Question struct {
	Key           string // the delivery key
	Route         string
	Channel       string
	ThreadTS      string
	MsgTS         string
	User          string
	Text          string
	PlaceholderTS string
	// Claims counts the replicas that claimed it: 1 for the one that
	// received it, more once others took it over.
	Claims int
}

// Questions is the record of questions every replica of one Slack app
// shares. A replica receives a question (records it, claimed by itself,
// atomically with its delivery keys), refreshes the claim while it works,
// and marks it answered; a question whose claim was not refreshed within
// the claim timeout (its replica died) is taken over by another.
type Questions struct {
	s *Store
	// keep is how long a question and its delivery keys are kept.
	keep  time.Duration
	calls atomic.Int64
}

// Questions returns the store's shared record of questions, kept for
// keep (with their delivery keys).
func (s *Store) Questions(keep time.Duration) *Questions { return &Questions{s: s, keep: keep} }

// Receive records keys as seen (as Events.FirstAll does) and, when none
// was seen before, q as claimed by replica, in one transaction: a replica
// that recorded the keys has recorded the question, so a redelivery
// dropped as a duplicate never loses it. It reports whether the keys were
// new.
func (qs *Questions) Receive(ctx context.Context, replica string, q Question, keys ...string) (bool, error) {
	var nonEmpty []string
	for _, k := range keys {
		if k != "" {
			nonEmpty = append(nonEmpty, k)
		}
	}
	if qs.calls.Add(1)%eventsPruneEvery == 0 {
		if err := qs.Prune(ctx); err != nil {
			return false, err
		}
	}
	fresh := false
	err := pgx.BeginFunc(ctx, qs.s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO events (key) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (key) DO NOTHING`, nonEmpty)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != int64(distinct(nonEmpty)) {
			return nil
		}
		tag, err = tx.Exec(ctx, `INSERT INTO questions (key, route, channel, thread_ts, msg_ts, user_id, text, claimed_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
			q.Key, q.Route, q.Channel, q.ThreadTS, q.MsgTS, q.User, q.Text, replica)
		fresh = err == nil && tag.RowsAffected() == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("store %s: record question: %w", qs.s.name, err)
	}
	return fresh, nil
}

// Placeholder records the placeholder message a replica posted for the
// question, so a replica taking it over updates that message instead of
// posting a second one.
func (qs *Questions) Placeholder(ctx context.Context, key, ts string) error {
	if _, err := qs.s.pool.Exec(ctx, `UPDATE questions SET placeholder_ts = $2 WHERE key = $1`, key, ts); err != nil {
		return fmt.Errorf("store %s: record placeholder: %w", qs.s.name, err)
	}
	return nil
}

// Heartbeat refreshes replica's claims on keys.
func (qs *Questions) Heartbeat(ctx context.Context, replica string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	_, err := qs.s.pool.Exec(ctx, `UPDATE questions SET heartbeat = now()
		WHERE key = ANY($2) AND claimed_by = $1 AND answered_at IS NULL`, replica, keys)
	if err != nil {
		return fmt.Errorf("store %s: refresh claims: %w", qs.s.name, err)
	}
	return nil
}

// Hold takes the right to show the answer to key: when replica still
// holds the claim, it marks the question answered by it, in one statement,
// and reports true; false when another replica took it over (this one was
// taken for dead) or it was answered. A replica holds before it shows an
// answer. Marking it here, not after the answer shows, closes the window
// in which a replica stalled between holding and showing (a loaded
// machine, a slow Slack call) is taken for dead and a second replica
// answers too; an answer that then fails to show is not retried elsewhere,
// as it was not before (the answer was marked whether shown or not).
func (qs *Questions) Hold(ctx context.Context, replica, key string) (bool, error) {
	tag, err := qs.s.pool.Exec(ctx, `UPDATE questions SET heartbeat = now(), answered_at = now()
		WHERE key = $1 AND claimed_by = $2 AND answered_at IS NULL`, key, replica)
	if err != nil {
		return false, fmt.Errorf("store %s: hold claim: %w", qs.s.name, err)
	}
	return tag.RowsAffected() == 1, nil
}

// Answered marks key answered, whoever holds the claim: an answer shown
// is never shown again.
func (qs *Questions) Answered(ctx context.Context, key string) error {
	_, err := qs.s.pool.Exec(ctx, `UPDATE questions SET answered_at = now() WHERE key = $1 AND answered_at IS NULL`, key)
	if err != nil {
		return fmt.Errorf("store %s: mark question answered: %w", qs.s.name, err)
	}
	return nil
}

// Release gives up replica's claim on key at once (it is shutting down),
// so the next sweep of any replica takes it over.
func (qs *Questions) Release(ctx context.Context, replica, key string) error {
	_, err := qs.s.pool.Exec(ctx, `UPDATE questions SET heartbeat = '-infinity'
		WHERE key = $1 AND claimed_by = $2 AND answered_at IS NULL`, key, replica)
	if err != nil {
		return fmt.Errorf("store %s: release claim: %w", qs.s.name, err)
	}
	return nil
}

// TakeOver claims for replica up to limit unanswered questions whose claim
// was not refreshed for olderThan, oldest first. Replicas sweeping at once
// skip each other's locked rows, so each question goes to exactly one.
func (qs *Questions) TakeOver(ctx context.Context, replica string, olderThan time.Duration, limit int) ([]Question, error) {
	rows, err := qs.s.pool.Query(ctx, `UPDATE questions q
		SET claimed_by = $1, claimed_at = now(), heartbeat = now(), claims = q.claims + 1
		FROM (SELECT key FROM questions
		      WHERE answered_at IS NULL AND heartbeat < now() - make_interval(secs => $2)
		      ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED) stale
		WHERE q.key = stale.key
		RETURNING q.key, q.route, q.channel, q.thread_ts, q.msg_ts, q.user_id, q.text, q.placeholder_ts, q.claims`,
		replica, olderThan.Seconds(), limit)
	if err != nil {
		return nil, fmt.Errorf("store %s: take over questions: %w", qs.s.name, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Question, error) {
		var q Question
		err := r.Scan(&q.Key, &q.Route, &q.Channel, &q.ThreadTS, &q.MsgTS, &q.User, &q.Text, &q.PlaceholderTS, &q.Claims)
		return q, err
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: take over questions: %w", qs.s.name, err)
	}
	return out, nil
}

// Prune deletes questions and delivery keys past their keep.
func (qs *Questions) Prune(ctx context.Context) error {
	for _, q := range []string{
		`DELETE FROM questions WHERE received_at < now() - make_interval(secs => $1)`,
		`DELETE FROM events WHERE seen_at < now() - make_interval(secs => $1)`,
	} {
		if _, err := qs.s.pool.Exec(ctx, q, qs.keep.Seconds()); err != nil {
			return fmt.Errorf("store %s: prune questions: %w", qs.s.name, err)
		}
	}
	return nil
}
