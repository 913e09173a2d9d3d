package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/crosscheck/crosscheck/answer"
)

// Shared is the state the replicas of one Slack app share besides the
// questions (PostgreSQL in production: pgstore.Shared): thread context, so
// a follow-up is read against the last answer whichever replica gave it;
// feedback votes; and the answers buttons refer to, so a click works on
// any replica. Values are JSON; without a Shared each replica keeps them in
// its data directory and memory.
type Shared interface {
	PutThread(ctx context.Context, channel, threadTS string, value []byte) error
	// Thread returns nil when the thread has no context younger than
	// maxAge.
	Thread(ctx context.Context, channel, threadTS string, maxAge time.Duration) ([]byte, error)
	AddFeedback(ctx context.Context, record []byte) error
	Keep(ctx context.Context, kind, id string, body []byte) error
	// Kept returns nil for an id never kept (or pruned).
	Kept(ctx context.Context, kind, id string) ([]byte, error)
}

// sharedTimeout bounds one call to the shared state: a follow-up or a
// click must not wait long on the database.
const sharedTimeout = 2 * time.Second

// keptAnswer is the kind of the answers buttons refer to.
const keptAnswer = "answer"

// lastAnswer is the context of the conversation at channel/threadTS: from
// the shared state when there is one, else (or when it has none, or cannot
// be reached) from this replica's data directory. The error says the
// shared state could not be read.
func (s *Server) lastAnswer(ctx context.Context, channel, threadTS string) (*threadContext, error) {
	local := s.threads.get(threadKey(channel, threadTS))
	if s.cfg.Shared == nil {
		return local, nil
	}
	ctx, cancel := context.WithTimeout(ctx, sharedTimeout)
	defer cancel()
	b, err := s.cfg.Shared.Thread(ctx, channel, threadTS, threadMaxAge)
	if err != nil || b == nil {
		return local, err
	}
	var tc threadContext
	if err := json.Unmarshal(b, &tc); err != nil || tc.Answer == nil {
		return local, fmt.Errorf("thread context of %s/%s is not readable: %v", channel, threadTS, err)
	}
	if local != nil && local.Time.After(tc.Time) {
		return local, nil
	}
	return &tc, nil
}

// saveContext records a as the last answer of the conversations keys name:
// in the data directory, and in the shared state when there is one.
func (s *Server) saveContext(q question, a *answer.Answer, log *slog.Logger, keys ...string) {
	if err := s.threads.put(q.text, a, keys...); err != nil {
		log.Error("save thread context", "err", err)
	}
	if s.cfg.Shared == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
	defer cancel()
	for _, k := range keys {
		channel, ts, _ := strings.Cut(k, "/")
		b, err := json.Marshal(threadContext{Key: k, Question: q.text, Answer: a, Time: time.Now().UTC()})
		if err == nil {
			err = s.cfg.Shared.PutThread(ctx, channel, ts, b)
		}
		if err != nil {
			log.Warn("save thread context for other replicas", "err", err)
			return
		}
	}
}

// remember keeps an answer for its buttons: in memory, and in the shared
// state so a click reaching another replica finds it.
func (s *Server) remember(a *answer.Answer, user, channel string, log *slog.Logger) *recentAnswer {
	ra := s.recent.put(a, user, channel)
	if s.cfg.Shared == nil {
		return ra
	}
	ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
	defer cancel()
	b, err := json.Marshal(ra)
	if err == nil {
		err = s.cfg.Shared.Keep(ctx, keptAnswer, ra.ID, b)
	}
	if err != nil {
		log.Warn("keep answer for other replicas' buttons", "err", err)
	}
	return ra
}

// recall finds the answer a button refers to: in memory, else in the
// shared state; nil when neither has it.
func (s *Server) recall(ctx context.Context, id string, log *slog.Logger) *recentAnswer {
	if ra := s.recent.get(id); ra != nil || s.cfg.Shared == nil || id == "" {
		return ra
	}
	ctx, cancel := context.WithTimeout(ctx, sharedTimeout)
	defer cancel()
	b, err := s.cfg.Shared.Kept(ctx, keptAnswer, id)
	if err != nil {
		log.Warn("look up an answer kept by another replica", "err", err)
		return nil
	}
	var ra recentAnswer
	if b == nil || json.Unmarshal(b, &ra) != nil || ra.Answer == nil {
		return nil
	}
	return &ra
}

// saveFeedback records a vote in the shared state when there is one, else
// (or when it cannot be reached) in the data directory.
func (s *Server) saveFeedback(ctx context.Context, fb Feedback, log *slog.Logger) error {
	if s.cfg.Shared != nil {
		ctx, cancel := context.WithTimeout(ctx, sharedTimeout)
		defer cancel()
		b, err := json.Marshal(fb)
		if err == nil {
			err = s.cfg.Shared.AddFeedback(ctx, b)
		}
		if err == nil {
			return nil
		}
		log.Warn("record feedback in the database; keeping it in the data directory", "err", err)
	}
	return s.feedback.record(fb)
}

// lateAck returns what acks evt when the dispatch loop left that to the
// handler (acksLate): it acks at most once, however often it is called. For
// any other envelope it does nothing.
func (s *Server) lateAck(evt *socketmode.Event, received time.Time) func() {
	if !s.acksLate(evt) {
		return func() {}
	}
	var once sync.Once
	return func() { once.Do(func() { s.ack(evt.Request.EnvelopeID, received) }) }
}

// acksLate reports whether evt is acked by its handler rather than the
// dispatch loop: Events API envelopes, when questions are recorded in the
// shared record before their ack. Acked first, a question whose replica
// died before recording it would be lost: Slack does not redeliver an
// acked envelope.
func (s *Server) acksLate(evt *socketmode.Event) bool {
	return s.cfg.Questions != nil && evt.Type == socketmode.EventTypeEventsAPI && evt.Request != nil && evt.Request.EnvelopeID != ""
}

// storeDownNote is added to an answer given while the database could not
// be reached.
const storeDownNote = ":warning: crosscheck cannot reach its database right now, so this answer comes from the index in its memory, and a follow-up in this thread may be read without it."

// withNote adds a line of context under a page (in place of its last block
// when the page is at Slack's block limit).
func withNote(pg page, note string) page {
	if len(pg.Blocks) >= maxBlocks {
		pg.Blocks = pg.Blocks[:maxBlocks-1]
	}
	pg.Blocks = append(pg.Blocks, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, note, false, false)))
	return pg
}
