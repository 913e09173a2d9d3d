package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/slack-go/slack/socketmode"
)

// question is one thing a user asked in a channel or DM, with where the
// answer goes.
type question struct {
	route    string
	text     string
	user     string
	channel  string
	threadTS string // the answer's thread; "" posts at the top of a DM
	msgTS    string // the message that asked
	eventID  string
	received time.Time
}

// leadingMentions matches the "<@U123> " (or "<@U123|name> ") a mention
// starts with; only leading ones are the address, later ones are content.
var leadingMentions = regexp.MustCompile(`^(\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*)+`)

func (s *Server) onEventsAPI(evt *socketmode.Event, _ *socketmode.Client) {
	received := time.Now() // already acked by the dispatch loop
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		return
	}
	eventID := ""
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
		eventID = cb.EventID
	}
	if user, ok := homeOpened(ev.InnerEvent.Data); ok {
		if s.seen.firstAll(received, prefixed("event:", eventID)) {
			s.publishHome(user, eventID)
		}
		return
	}
	q, ok := s.questionFrom(ev.InnerEvent.Data)
	if !ok {
		return
	}
	q.eventID, q.received = eventID, received
	log := s.log.With("event_id", eventID, "route", q.route, "channel", q.channel)
	if evt.Request != nil && evt.Request.RetryAttempt > 0 {
		log = log.With("retry_attempt", evt.Request.RetryAttempt, "retry_reason", evt.Request.RetryReason)
	}
	// The event id is what Slack keeps across redeliveries; the message
	// timestamp also catches the same message arriving as two event types.
	if !s.seen.firstAll(received, prefixed("event:", eventID), prefixed("msg:"+q.channel+":", q.msgTS)) {
		log.Info("duplicate delivery ignored")
		s.metrics.questions.WithLabelValues(q.route, outcomeDuplicate).Inc()
		return
	}
	if q.route == routeMention && !s.channelAllowed(q.channel) {
		log.Info("mention in a channel outside the allowlist ignored")
		s.metrics.questions.WithLabelValues(q.route, outcomeIgnored).Inc()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if tc := s.threads.get(threadKey(q.channel, q.threadTS)); tc != nil {
		// The documents may have been re-ingested since: only quotes
		// still byte-for-byte in them are shown again.
		current := *tc
		current.Answer, _ = verifyQuotes(s.cfg.Library, tc.Answer)
		if f, ok := readFollowUp(q.text, current.Answer); ok {
			s.followUp(ctx, q, &current, f, log)
			return
		}
	}
	if q.text == "" || strings.EqualFold(strings.Trim(q.text, "?!. "), "help") {
		s.metrics.questions.WithLabelValues(q.route, outcomeUsage).Inc()
		if _, err := s.out.post(ctx, q.channel, q.threadTS, textPage(helpText(s.cfg.Commands, s.example()))); err != nil {
			log.Warn("post help", "err", err)
		}
		return
	}
	s.admit(ctx, q, log)
}

// questionFrom turns an inner event into a question, or false for events
// the bot must not answer: anything from a bot (including itself), edits,
// deletions and other subtypes, and messages outside DMs.
func (s *Server) questionFrom(inner any) (question, bool) {
	switch e := inner.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.Edited != nil {
			return question{}, false
		}
		// In the thread it was written in, else a new thread under it.
		thread := e.ThreadTimeStamp
		if thread == "" {
			thread = e.TimeStamp
		}
		return question{route: routeMention, text: cleanQuestion(e.Text), user: e.User, channel: e.Channel, threadTS: thread, msgTS: e.TimeStamp}, true
	case *slackevents.MessageEvent:
		if e.ChannelType != "im" || e.BotID != "" || e.SubType != "" || e.User == "" {
			return question{}, false
		}
		return question{route: routeDM, text: cleanQuestion(e.Text), user: e.User, channel: e.Channel, threadTS: e.ThreadTimeStamp, msgTS: e.TimeStamp}, true
	}
	return question{}, false
}

// cleanQuestion strips the leading @-mention and Slack's entity escaping.
func cleanQuestion(text string) string {
	text = leadingMentions.ReplaceAllString(text, "")
	return strings.TrimSpace(unescapeSlack(text))
}

// admit takes a place in line for q, posts the placeholder that says where
// it stands, and hands the answer to a worker. Past the wait deadline the
// asker is told the bot is busy, with the wait they would have had.
func (s *Server) admit(ctx context.Context, q question, log *slog.Logger) {
	j, pl, ok := (*job)(nil), place{}, false
	if s.accepting.Load() {
		j, pl, ok = s.pool.admit()
	}
	if !ok {
		s.metrics.questions.WithLabelValues(q.route, outcomeBusy).Inc()
		log.Warn("expected wait past the deadline; told the user to retry", "ahead", pl.Ahead, "expected_wait", pl.Wait.Round(time.Millisecond).String())
		if _, err := s.out.post(ctx, q.channel, q.threadTS, textPage(s.busyText(pl))); err != nil {
			log.Warn("post busy reply", "err", err)
		}
		return
	}
	ts, err := s.out.post(ctx, q.channel, q.threadTS, textPage(s.placeholderText(pl)))
	var refused slack.SlackErrorResponse
	if errors.As(err, &refused) {
		// Slack refused the channel (not_in_channel, channel_not_found…):
		// the answer could not be posted either.
		s.pool.drop(j)
		log.Error("post placeholder", "err", err)
		s.metrics.questions.WithLabelValues(q.route, outcomeFailed).Inc()
		return
	}
	if err != nil {
		// Rate limits outlasted the wait or Slack was slow: still answer,
		// posting the answer as a new message when it is ready.
		log.Warn("post placeholder; will post the answer without one", "err", err)
		ts = ""
	}
	s.pool.run(j, func(work context.Context) { s.answer(work, q, ts) })
}

// answer runs on a worker: retrieval, then the verified answer in place of
// the placeholder at ts (or as a new message when there is none), or a
// visible failure.
func (s *Server) answer(work context.Context, q question, ts string) {
	log := s.log.With("event_id", q.eventID, "route", q.route, "channel", q.channel)
	// The answer (or the failure) must reach the user even when the
	// question's deadline or the shutdown grace is what ended the work.
	show := func(pg page) bool {
		showCtx, cancel := context.WithTimeout(context.WithoutCancel(work), 15*time.Second)
		defer cancel()
		if ts == "" {
			if _, err := s.out.post(showCtx, q.channel, q.threadTS, pg); err != nil {
				log.Error("post answer", "err", err)
				return false
			}
			return true
		}
		if err := s.out.update(showCtx, q.channel, ts, pg); err != nil {
			log.Warn("update placeholder; posting instead", "err", err)
			if _, err := s.out.post(showCtx, q.channel, q.threadTS, pg); err != nil {
				log.Error("post answer", "err", err)
				return false
			}
		}
		return true
	}
	if work.Err() != nil {
		// Still queued when the shutdown grace ran out: say so rather than
		// leave the question unanswered.
		show(textPage(failureText(work.Err(), s.cfg.Deadline)))
		s.metrics.questions.WithLabelValues(q.route, outcomeFailed).Inc()
		return
	}
	ctx, cancel := context.WithTimeout(work, s.cfg.Deadline)
	defer cancel()
	progress := s.showProgress(q.channel, ts, log) // a no-op without a placeholder
	pg, outcome, ra := s.compose(ctx, q.text, q.user, q.channel, view{}, log)
	progress.finish()
	if !show(pg) {
		outcome = outcomeFailed
	}
	if ra != nil {
		// Follow-ups come in the thread the question was asked in, or (in
		// a DM) in a thread under the answer itself.
		keys := []string{threadKey(q.channel, q.threadTS)}
		if ts != "" {
			keys = append(keys, threadKey(q.channel, ts))
		}
		if err := s.threads.put(q.text, ra.Answer, keys...); err != nil {
			log.Error("save thread context", "err", err)
		}
	}
	took := time.Since(q.received)
	s.metrics.questions.WithLabelValues(q.route, outcome).Inc()
	s.metrics.answerSeconds.WithLabelValues(q.route).Observe(took.Seconds())
	log.Info("answered", "outcome", outcome, "took", took.Round(time.Millisecond).String())
}

// compose asks, verifies and renders the first page; failures become a page
// that says what happened and what to do.
func (s *Server) compose(ctx context.Context, text, user, channel string, v view, log *slog.Logger) (page, string, *recentAnswer) {
	ans, err := s.cfg.Answerer.Ask(ctx, text)
	if err == nil && ans == nil {
		err = errors.New("engine returned no answer")
	}
	if err != nil {
		log.Error("answer", "err", err)
		return textPage(failureText(err, s.cfg.Deadline)), failureOutcome(err), nil
	}
	verified, dropped := verifyQuotes(s.cfg.Library, ans)
	if dropped > 0 {
		s.metrics.quotesDropped.Add(float64(dropped))
		log.Error("quotes failed verification and were dropped", "dropped", dropped)
	}
	ra := s.recent.put(verified, user, channel)
	v.AnswerID, v.Sources = ra.ID, s.cfg.Library.Len()
	outcome := outcomeAnswered
	if verified.Abstained || len(verified.Accounts) == 0 {
		outcome = outcomeAbstained
	}
	return renderAnswer(verified, v, 0), outcome, ra
}

func failureOutcome(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return outcomeTimeout
	}
	if errors.Is(err, answer.ErrInvalidQuestion) {
		return outcomeUsage
	}
	return outcomeFailed
}

// failureText is what a user sees when answering failed: what happened and
// what to do, never the error itself (that goes to the log).
func failureText(err error, deadline time.Duration) string {
	switch {
	case errors.Is(err, answer.ErrInvalidQuestion):
		// The engine words these for users: what is wrong with the question.
		return ":warning: " + mrkdwn(truncate(err.Error(), 1000))
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf(":warning: I ran out of time (%s) before finding an answer. Try a shorter or more specific question, or ask again in a minute.", deadline)
	case errors.Is(err, context.Canceled):
		return ":warning: crosscheck was restarting and could not finish this answer. Please ask again in a minute."
	default:
		return ":warning: Something went wrong while answering, and the details are in crosscheck's log. Please ask again; if it keeps happening, tell whoever runs crosscheck."
	}
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

// placeholderMark starts every placeholder, so a reader (and a test) can
// tell a message that will still change from a final one.
const placeholderMark = ":hourglass_flowing_sand:"

// helpText says how to ask, with a question drawn from the corpus (example
// may be empty for a corpus with nothing to draw from).
func helpText(c Commands, example string) string {
	how := "Ask me a question about the documents with an @-mention or in a DM"
	if example != "" {
		how += ", e.g. `@crosscheck " + mrkdwn(example) + "`"
	}
	return how + ". I answer with verbatim quotes from every side, and in a thread I answered you can follow up " +
		"(“and what did they say?”, “source?”, “more on that part”).\n" +
		"• `" + c.Ask + " &lt;question&gt;`: answer privately, with a button to share it\n" +
		"• `" + c.Sources + " [words]`: list the documents\n" +
		"• `" + c.Source + " &lt;id or words&gt;`: show one document and its passages\n" +
		"• `" + c.Disputes + " [words]`: the claims the documents disagree about\n" +
		"• *" + ShortcutName + "* (in any message's ⋯ menu): check the claims in a message"
}

// prefixed is prefix+key, or "" (no key) when key is empty.
func prefixed(prefix, key string) string {
	if key == "" {
		return ""
	}
	return prefix + key
}
