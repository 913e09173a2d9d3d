package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

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

	// key names the question in the shared record of questions; claimed
	// is true while this replica holds it there.
	key     string
	claimed bool
	// takenOver marks a question another replica acknowledged and did not
	// answer; placeholderTS is the placeholder that replica posted, if any.
	takenOver     bool
	placeholderTS string
	// storeDown is set when the database could not be reached for this
	// question: its answer says so.
	storeDown bool
}

// leadingMentions matches the "<@U123> " (or "<@U123|name> ") a mention
// starts with; only leading ones are the address, later ones are content.
var leadingMentions = regexp.MustCompile(`^(\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*)+`)

func (s *Server) onEventsAPI(evt *socketmode.Event, _ *socketmode.Client) {
	received := time.Now()
	// Acked by the dispatch loop, unless questions are recorded before
	// their ack (a shared record of questions): then on every path here.
	ack := s.lateAck(evt, received)
	defer ack()
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		return
	}
	eventID := ""
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
		eventID = cb.EventID
	}
	if user, ok := homeOpened(ev.InnerEvent.Data); ok {
		ack()
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
	if q.route == routeMention && !s.channelAllowed(q.channel) {
		ack()
		log.Info("mention in a channel outside the allowlist ignored")
		s.metrics.questions.WithLabelValues(q.route, outcomeIgnored).Inc()
		return
	}
	// The event id is what Slack keeps across redeliveries; the message
	// timestamp also catches the same message arriving as two event types.
	keys := []string{prefixed("event:", eventID), prefixed("msg:"+q.channel+":", q.msgTS)}
	fresh := s.seen.local.firstAll(received, keys...)
	switch {
	case !fresh:
	case s.cfg.Questions != nil:
		fresh = s.receive(&q, keys, log)
	default:
		fresh = s.seen.sharedFirst(keys...)
	}
	ack()
	if !fresh {
		log.Info("duplicate delivery ignored")
		s.metrics.questions.WithLabelValues(q.route, outcomeDuplicate).Inc()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	s.handle(ctx, q, log)
}

// handle answers a new question: a follow-up from its thread's context,
// help for an empty one, else through the workers. Questions taken over
// from another replica come here too.
func (s *Server) handle(ctx context.Context, q question, log *slog.Logger) {
	tc, err := s.lastAnswer(ctx, q.channel, q.threadTS)
	if err != nil {
		log.Warn("read thread context; reading the message as a new question", "err", err)
		q.storeDown = true
	}
	if tc != nil && (q.threadTS != "" || time.Since(tc.Time) < dmFollowUpWindow) {
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
		if s.showText(ctx, q, textPage(helpText(s.cfg.Commands, s.example())), log) {
			s.settle(q, log)
		}
		return
	}
	s.admit(ctx, q, log)
}

// dmFollowUpWindow is how long a message at the top level of a DM is read
// as a follow-up to the answer above it. A thread is one conversation for
// as long as its context is kept; the top of a DM is many, and "what did
// the mayor say?" asked tomorrow is a new question.
const dmFollowUpWindow = time.Hour

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
	ra := s.remember(verified, user, channel, log)
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
