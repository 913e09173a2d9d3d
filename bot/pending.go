package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"
)

// Pending is a question a replica acknowledged to Slack and has not
// answered yet, as the shared record keeps it.
type Pending struct {
	Key           string // the delivery key
	Route         string
	Channel       string
	ThreadTS      string
	MsgTS         string
	User          string
	Text          string
	PlaceholderTS string
	// Claims counts the replicas that claimed it: 1 for the one that
	// received it.
	Claims int
}

// Questions is the record of questions the replicas of one Slack app share
// (PostgreSQL in production: pgstore.Questions). Slack forgets an envelope
// once it is acked, so a replica records a question, claimed by itself,
// before it acks; while it works it refreshes the claim, and when the
// answer shows it marks the question answered. A replica that died with
// questions claimed stops refreshing them, and after the claim timeout
// another replica takes them over.
type Questions interface {
	// Receive records keys as seen and, when none was seen before, p as
	// claimed by replica, atomically; false means a duplicate delivery.
	Receive(ctx context.Context, replica string, p Pending, keys ...string) (bool, error)
	// Placeholder records the message the answer will replace.
	Placeholder(ctx context.Context, key, ts string) error
	// Heartbeat refreshes replica's claims on keys.
	Heartbeat(ctx context.Context, replica string, keys []string) error
	// Hold takes the right to show one answer: it reports whether replica
	// still held the claim, and marks the question answered if so.
	Hold(ctx context.Context, replica, key string) (bool, error)
	Answered(ctx context.Context, key string) error
	// Release gives a claim up for another replica to take at once.
	Release(ctx context.Context, replica, key string) error
	// TakeOver claims up to limit questions whose claims were not
	// refreshed for olderThan; each goes to exactly one replica.
	TakeOver(ctx context.Context, replica string, olderThan time.Duration, limit int) ([]Pending, error)
}

// DefaultClaimTimeout is how long a claim may go without a heartbeat
// before another replica takes the question over. Heartbeats come every
// quarter of it, so only a replica that stopped (or lost the database for
// that long) loses its questions; a longer timeout only delays the answer
// to a question whose replica died.
const DefaultClaimTimeout = 2 * time.Minute

// maxTakeOvers is how many replicas may claim one question before the next is
// told to give up on it: a question that takes down every replica that
// answers it must not take down all of them in turn.
const maxTakeOvers = 3

// pendingTimeout bounds one call to the shared record of questions. The
// first call comes before the ack, which Slack wants within 3 s.
const pendingTimeout = time.Second

// holdTimeout bounds the check before an answer shows. It comes after the
// ack, and a check that times out answers anyway (a second answer beats a
// lost one), so it waits longer than pendingTimeout: on a loaded machine a
// one-second wait turned slow queries into second answers.
const holdTimeout = 5 * time.Second

// newReplicaID names this process among the replicas, for claims. It is
// unique per process, so a restarted replica never mistakes the claims of
// its previous life for its own.
func newReplicaID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return "replica-" + hex.EncodeToString(b[:])
}

// claims are the questions this replica holds: refreshed by the heartbeat,
// and answers whose mark could not be written yet.
type claims struct {
	mu      sync.Mutex
	held    map[string]bool
	unmarks map[string]bool // answered, mark not yet written
}

func newClaims() *claims {
	return &claims{held: map[string]bool{}, unmarks: map[string]bool{}}
}

func (c *claims) add(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held[key] = true
}

// keys lists the claims to refresh: those held and those answered but not
// marked yet (so no other replica takes them over while the mark waits
// for the database).
func (c *claims) keys() (held, unmarked []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.held {
		held = append(held, k)
	}
	for k := range c.unmarks {
		unmarked = append(unmarked, k)
	}
	return held, unmarked
}

func (c *claims) drop(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.held, key)
	delete(c.unmarks, key)
}

func (c *claims) markLater(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.unmarks[key] = true
}

// receive records q in the shared record before its envelope is acked.
// It reports whether q is new; a record that cannot be reached answers
// the question anyway (from memory, as without a database) and marks it
// unrecorded, so its answer says so.
func (s *Server) receive(q *question, keys []string, log *slog.Logger) bool {
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	q.key = firstKey(keys)
	p := Pending{Key: q.key, Route: q.route, Channel: q.channel, ThreadTS: q.threadTS, MsgTS: q.msgTS, User: q.user, Text: q.text}
	fresh, err := s.cfg.Questions.Receive(ctx, s.cfg.Replica, p, keys...)
	if err != nil {
		log.Warn("shared record of questions unreachable; answering from memory without it", "err", err)
		q.storeDown = true
		return true
	}
	if fresh {
		q.claimed = true
		s.claims.add(q.key)
	}
	return fresh
}

func firstKey(keys []string) string {
	for _, k := range keys {
		if k != "" {
			return k
		}
	}
	return ""
}

// settle marks a claimed question answered (or given up on). A mark the
// database does not take now is retried by the heartbeat: until it is
// written, the claim stays refreshed so no one answers the question again.
func (s *Server) settle(q question, log *slog.Logger) {
	if !q.claimed {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	if err := s.cfg.Questions.Answered(ctx, q.key); err != nil {
		log.Warn("mark question answered; will retry", "err", err)
		s.claims.markLater(q.key)
		return
	}
	s.claims.drop(q.key)
}

// holds reports whether this replica may show the answer to q: it still
// holds the claim, or the record cannot say (a rare second answer beats a
// lost one; reachable is false then).
func (s *Server) holds(q question, log *slog.Logger) (ok, reachable bool) {
	if !q.claimed {
		return true, true
	}
	ctx, cancel := context.WithTimeout(context.Background(), holdTimeout)
	defer cancel()
	ok, err := s.cfg.Questions.Hold(ctx, s.cfg.Replica, q.key)
	if err != nil {
		log.Warn("check claim before answering; answering anyway", "err", err)
		return true, false
	}
	if !ok {
		log.Warn("another replica took this question over while it was being answered; not answering it twice")
		s.claims.drop(q.key)
	}
	return ok, true
}

// release gives a claimed question back for another replica (this one is
// shutting down); false when it is not claimed or the record is away.
func (s *Server) release(q question, log *slog.Logger) bool {
	if !q.claimed {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	if err := s.cfg.Questions.Release(ctx, s.cfg.Replica, q.key); err != nil {
		log.Warn("release question to another replica", "err", err)
		return false
	}
	s.claims.drop(q.key)
	log.Info("released the question for another replica to answer")
	return true
}

// placeholderPosted records ts as q's placeholder, so a replica taking q
// over updates it rather than posting a second message.
func (s *Server) placeholderPosted(q question, ts string, log *slog.Logger) {
	if !q.claimed || ts == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	if err := s.cfg.Questions.Placeholder(ctx, q.key, ts); err != nil {
		log.Warn("record placeholder", "err", err)
	}
}

// watchClaims refreshes this replica's claims and takes over questions
// whose replica stopped, every quarter of the claim timeout, until ctx
// ends.
func (s *Server) watchClaims(ctx context.Context) {
	t := time.NewTicker(s.cfg.ClaimTimeout / 4)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.heartbeat()
		if s.accepting.Load() {
			s.takeOver()
		}
	}
}

// heartbeat writes the answered marks that waited for the database, then
// refreshes the claims still held.
func (s *Server) heartbeat() {
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	held, unmarked := s.claims.keys()
	for _, k := range unmarked {
		if err := s.cfg.Questions.Answered(ctx, k); err != nil {
			s.log.Warn("mark question answered", "key", k, "err", err)
			break
		}
		s.claims.drop(k)
	}
	if err := s.cfg.Questions.Heartbeat(ctx, s.cfg.Replica, append(held, unmarked...)); err != nil {
		s.log.Warn("refresh claims on questions", "err", err)
	}
}

// takeOver claims questions another replica acknowledged and did not
// answer, at most as many as there are workers, and answers them as if
// they had just arrived here.
func (s *Server) takeOver() {
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	ps, err := s.cfg.Questions.TakeOver(ctx, s.cfg.Replica, s.cfg.ClaimTimeout, s.cfg.Workers)
	if err != nil {
		s.log.Warn("look for questions other replicas did not answer", "err", err)
		return
	}
	for _, p := range ps {
		s.claims.add(p.Key)
		s.metrics.takenOver.Inc()
		go s.resume(p)
	}
}

// resume answers a question taken over from another replica: its
// placeholder is updated when it has one, else the answer is posted in
// its thread.
func (s *Server) resume(p Pending) {
	q := question{route: p.Route, text: p.Text, user: p.User, channel: p.Channel, threadTS: p.ThreadTS, msgTS: p.MsgTS,
		eventID: p.Key, key: p.Key, claimed: true, takenOver: true, placeholderTS: p.PlaceholderTS, received: time.Now()}
	log := s.log.With("key", p.Key, "route", p.Route, "channel", p.Channel, "claims", p.Claims)
	log.Info("took over a question another replica acknowledged and did not answer")
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if p.Claims > maxTakeOvers {
		log.Error("giving up on a question after several replicas claimed it and none answered")
		pg := textPage(":warning: Something went wrong while answering this, more than once, and the details are in crosscheck's log. Please ask again in other words; if it keeps happening, tell whoever runs crosscheck.")
		if s.showText(ctx, q, pg, log) {
			s.settle(q, log)
		}
		return
	}
	s.handle(ctx, q, log)
}

// showText shows a page that is the whole reply to q: in its placeholder
// when it has one, else posted in its thread.
func (s *Server) showText(ctx context.Context, q question, pg page, log *slog.Logger) bool {
	if q.placeholderTS != "" {
		if err := s.out.update(ctx, q.channel, q.placeholderTS, pg); err == nil {
			return true
		}
	}
	if _, err := s.out.post(ctx, q.channel, q.threadTS, pg); err != nil {
		log.Warn("post reply", "err", err)
		return false
	}
	return true
}
