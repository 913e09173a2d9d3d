package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/slack-go/slack"
)

// admit takes a place in line for q, posts the placeholder that says where
// it stands, and hands the answer to a worker. Past the wait deadline the
// asker is told the bot is busy, with the wait they would have had.
func (s *Server) admit(ctx context.Context, q question, log *slog.Logger) {
	j, pl, ok := s.takePlace(log)
	if !ok {
		// A question taken over from another replica goes back for a
		// replica with room, and one arriving while this replica stops
		// goes to one that does not.
		if q.claimed && !q.takenOver && !s.accepting.Load() && q.placeholderTS == "" {
			if ts, err := s.out.post(ctx, q.channel, q.threadTS, textPage(restartingText)); err == nil {
				s.placeholderPosted(q, ts, log)
			}
		}
		if (q.takenOver || !s.accepting.Load()) && s.release(q, log) {
			return
		}
		s.metrics.questions.WithLabelValues(q.route, outcomeBusy).Inc()
		if s.showText(ctx, q, textPage(s.busyText(pl)), log) {
			s.settle(q, log)
		}
		return
	}
	ts := q.placeholderTS
	if ts != "" {
		// Taken over: the placeholder says the search has started again.
		if err := s.out.update(ctx, q.channel, ts, textPage(s.placeholderText(pl))); err != nil {
			log.Warn("update the placeholder of a question taken over; will post the answer instead", "err", err)
			ts = ""
		}
	} else {
		var err error
		ts, err = s.out.post(ctx, q.channel, q.threadTS, textPage(s.placeholderText(pl)))
		var refused slack.SlackErrorResponse
		if errors.As(err, &refused) {
			// Slack refused the channel (not_in_channel, channel_not_found…):
			// the answer could not be posted either.
			s.pool.drop(j)
			log.Error("post placeholder", "err", err)
			s.metrics.questions.WithLabelValues(q.route, outcomeFailed).Inc()
			s.settle(q, log)
			return
		}
		if err != nil {
			// Rate limits outlasted the wait or Slack was slow: still answer,
			// posting the answer as a new message when it is ready.
			log.Warn("post placeholder; will post the answer without one", "err", err)
			ts = ""
		}
		s.placeholderPosted(q, ts, log)
	}
	s.pool.run(j, func(work context.Context) { s.answer(work, q, ts) })
}

// answer runs on a worker: retrieval, then the verified answer in place of
// the placeholder at ts (or as a new message when there is none), or a
// visible failure.
func (s *Server) answer(work context.Context, q question, ts string) {
	log := s.log.With("event_id", q.eventID, "route", q.route, "channel", q.channel)
	// The answer (or the failure) must reach the user even when the
	// question's deadline or the shutdown grace is what ended the work. It
	// returns the ts of the message the answer is in, "" if it is in none.
	show := func(pg page) string {
		showCtx, cancel := context.WithTimeout(context.WithoutCancel(work), 15*time.Second)
		defer cancel()
		if ts != "" {
			err := s.out.update(showCtx, q.channel, ts, pg)
			if err == nil {
				return ts
			}
			log.Warn("update placeholder; posting instead", "err", err)
		}
		posted, err := s.out.post(showCtx, q.channel, q.threadTS, pg)
		if err != nil {
			log.Error("post answer", "err", err)
		}
		return posted
	}
	if work.Err() != nil {
		// Still queued when the shutdown grace ran out: another replica
		// answers it when there is a shared record, else say so rather
		// than leave the question unanswered.
		if s.release(q, log) {
			return
		}
		show(textPage(failureText(work.Err(), s.cfg.Deadline)))
		s.settle(q, log)
		s.metrics.questions.WithLabelValues(q.route, outcomeFailed).Inc()
		return
	}
	ctx, cancel := context.WithTimeout(work, s.cfg.Deadline)
	defer cancel()
	progress := s.showProgress(q.channel, ts, log) // a no-op without a placeholder
	pg, outcome, ra := s.compose(ctx, q.text, q.user, q.channel, view{}, log)
	progress.finish()
	if work.Err() != nil && s.release(q, log) {
		// The shutdown grace ran out mid-answer: another replica answers.
		return
	}
	// Follow-ups come in the thread the question was asked in, or (in a
	// DM) in a thread under the answer itself. The context is saved before
	// the answer shows, so a follow-up sent the moment it appears finds it.
	if ra != nil {
		keys := []string{threadKey(q.channel, q.threadTS)}
		if ts != "" {
			keys = append(keys, threadKey(q.channel, ts))
		}
		s.saveContext(q, ra.Answer, log, keys...)
	}
	held, reachable := s.holds(q, log)
	if !held {
		return
	}
	if q.storeDown || !reachable {
		pg = withNote(pg, storeDownNote)
	}
	shown := show(pg)
	s.settle(q, log)
	if shown == "" {
		outcome = outcomeFailed
	} else if ra != nil && shown != ts {
		s.saveContext(q, ra.Answer, log, threadKey(q.channel, shown))
	}
	took := time.Since(q.received)
	s.metrics.questions.WithLabelValues(q.route, outcome).Inc()
	s.metrics.answerSeconds.WithLabelValues(q.route).Observe(took.Seconds())
	log.Info("answered", "outcome", outcome, "took", took.Round(time.Millisecond).String())
}

// takePlace admits a question unless the bot is shutting down, and logs a
// refusal with the wait that caused it; the caller tells the user.
func (s *Server) takePlace(log *slog.Logger) (*job, place, bool) {
	if !s.accepting.Load() {
		log.Info("shutting down; told the user to ask again")
		return nil, place{}, false
	}
	j, pl, ok := s.pool.admit()
	s.metrics.expectedWait.Set(pl.Wait.Seconds())
	if !ok {
		log.Warn("expected wait past the deadline; told the user to retry", "ahead", pl.Ahead, "expected_wait", pl.Wait.Round(time.Millisecond).String())
	}
	return j, pl, ok
}

// busyText tells a person turned away why, and how long the wait would
// have been, so they can judge when to come back.
func (s *Server) busyText(pl place) string {
	if !s.accepting.Load() {
		return ":zzz: crosscheck is restarting and not taking questions right now. Try again in a minute."
	}
	return fmt.Sprintf(":traffic_light: I'm busy: %s %s ahead of yours and the expected wait is %s, longer than the %s I let a question wait. Please ask again in a few minutes.",
		plural(pl.Ahead, "question"), isAre(pl.Ahead), roughlyOver(pl.Wait, s.cfg.MaxWait), roughly(s.cfg.MaxWait))
}

// placeholderText is what a question shows while it waits: where it stands
// in line, or that the search has started.
func (s *Server) placeholderText(pl place) string {
	if pl.Ahead == 0 {
		return fmt.Sprintf("%s Checking %s…", placeholderMark, plural(s.cfg.Library.Len(), "source"))
	}
	return fmt.Sprintf("%s %s %s ahead of yours; expected wait %s. I'll check %s when it's your turn.",
		placeholderMark, plural(pl.Ahead, "question"), isAre(pl.Ahead), roughly(pl.Wait), plural(s.cfg.Library.Len(), "source"))
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// restartingText is the placeholder of a question that arrived while this
// replica was stopping, left for another replica (or this one, restarted).
const restartingText = placeholderMark + " crosscheck is restarting; your question will be answered as soon as it is back."

// placeholderMark starts every placeholder, so a reader (and a test) can
// tell a message that will still change from a final one.
const placeholderMark = ":hourglass_flowing_sand:"
