package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/crosscheck/crosscheck/answer"
)

// click is one button press with where to reply.
type click struct {
	action      slack.BlockAction
	user        string
	channel     string
	messageTS   string
	threadTS    string
	ephemeral   bool // the button was on an ephemeral message (an /ask answer)
	responseURL string
}

// onInteractive handles the buttons: Show passage, Show N more (an
// account's quotes), Show more (pages), 👍/👎 and Share in channel. Replies
// are ephemeral to the clicker except "Show more" on a public answer and
// "Share", which post for everyone.
func (s *Server) onInteractive(evt *socketmode.Event, _ *socketmode.Client) {
	received := time.Now() // already acked by the dispatch loop
	cb, ok := evt.Data.(slack.InteractionCallback)
	if !ok {
		return
	}
	if cb.Type == slack.InteractionTypeMessageAction {
		s.onShortcut(cb, received)
		return
	}
	if cb.Type != slack.InteractionTypeBlockActions {
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		c := click{
			action:      *a,
			user:        cb.User.ID,
			channel:     cmp.Or(cb.Container.ChannelID, cb.Channel.ID),
			messageTS:   cmp.Or(cb.Container.MessageTs, cb.Message.Timestamp),
			threadTS:    cmp.Or(cb.Container.ThreadTs, cb.Message.ThreadTimestamp),
			ephemeral:   cb.Container.IsEphemeral,
			responseURL: cb.ResponseURL,
		}
		log := s.log.With("action", a.ActionID, "channel", c.channel)
		if !s.seen.first("click:"+cb.TriggerID+":"+a.ActionID+":"+a.ActionTs, received) {
			log.Info("duplicate click ignored")
			s.metrics.questions.WithLabelValues(routeButton, outcomeDuplicate).Inc()
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		outcome := s.onClick(ctx, c, log)
		cancel()
		s.metrics.questions.WithLabelValues(routeButton, outcome).Inc()
	}
}

func (s *Server) onClick(ctx context.Context, c click, log *slog.Logger) string {
	switch c.action.ActionID {
	case actionShowPassage:
		return s.showPassage(ctx, c, log)
	case actionFeedbackUp, actionFeedbackDown:
		return s.recordVote(ctx, c, log)
	case actionShowMore:
		return s.showMore(ctx, c, log)
	case actionShowQuotes:
		return s.showQuotes(ctx, c, log)
	case actionShare:
		return s.share(ctx, c, log)
	case actionShareCheck:
		return s.shareCheck(ctx, c, log)
	}
	log.Info("unknown button")
	return outcomeIgnored
}

func (s *Server) showPassage(ctx context.Context, c click, log *slog.Logger) string {
	start, end, id, ok := parsePassageValue(c.action.Value)
	d := s.cfg.Library.Doc(id)
	if !ok || d == nil || start < 0 || end > len(d.Raw) || start >= end {
		s.tell(ctx, c, textPage("That passage is no longer in the corpus (it may have been re-ingested). Ask the question again for fresh quotes."), log)
		return outcomeFailed
	}
	s.tell(ctx, c, renderPassage(d, start, end), log)
	return outcomeAnswered
}

func parsePassageValue(v string) (start, end int, id string, ok bool) {
	parts := strings.SplitN(v, ":", 3)
	if len(parts) != 3 {
		return 0, 0, "", false
	}
	start, err1 := strconv.Atoi(parts[0])
	end, err2 := strconv.Atoi(parts[1])
	return start, end, parts[2], err1 == nil && err2 == nil
}

func (s *Server) recordVote(ctx context.Context, c click, log *slog.Logger) string {
	vote, thanks := "up", "Thanks, I recorded your 👍."
	if c.action.ActionID == actionFeedbackDown {
		vote, thanks = "down", "Thanks, I recorded your 👎. Whoever runs crosscheck reviews these."
	}
	fb := Feedback{Time: time.Now().UTC(), Vote: vote, User: c.user, Channel: c.channel, AnswerID: c.action.Value}
	if ra := s.recall(ctx, c.action.Value, log); ra != nil {
		fb.Question, fb.Summary, fb.Abstained, fb.DocIDs = ra.Answer.Question, ra.Answer.Summary, ra.Answer.Abstained, docIDs(ra.Answer)
	} else {
		fb.Expired = true
		fb.DocIDs = []string{}
	}
	if err := s.saveFeedback(ctx, fb, log); err != nil {
		log.Error("record feedback", "err", err)
		s.tell(ctx, c, textPage(":warning: I could not save your vote (crosscheck's data directory is not writable). Whoever runs crosscheck will find the details in its log."), log)
		return outcomeFailed
	}
	s.tell(ctx, c, textPage(thanks), log)
	return outcomeAnswered
}

// docIDs lists the documents an answer quotes, each once, in order.
func docIDs(a *answer.Answer) []string {
	ids := []string{}
	seen := map[string]bool{}
	for _, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			if !seen[q.DocID] {
				seen[q.DocID] = true
				ids = append(ids, q.DocID)
			}
		}
	}
	return ids
}

func (s *Server) showMore(ctx context.Context, c click, log *slog.Logger) string {
	id, n, _ := strings.Cut(c.action.Value, ":")
	pageNo, err := strconv.Atoi(n)
	ra := s.recall(ctx, id, log)
	if ra == nil || err != nil {
		s.tell(ctx, c, textPage(expiredText), log)
		return outcomeFailed
	}
	pg := renderAnswer(ra.Answer, view{AnswerID: ra.ID, Sources: s.cfg.Library.Len(), Ephemeral: c.ephemeral}, pageNo)
	if c.ephemeral {
		if err := s.out.respond(ctx, c.responseURL, pg, false); err != nil {
			log.Warn("post next page", "err", err)
			return outcomeFailed
		}
		return outcomeAnswered
	}
	if _, err := s.out.post(ctx, c.channel, cmp.Or(c.threadTS, c.messageTS), pg); err != nil {
		log.Warn("post next page", "err", err)
		s.tell(ctx, c, textPage(":warning: I could not post the rest of the answer. Please try the button again in a minute."), log)
		return outcomeFailed
	}
	return outcomeAnswered
}

// showQuotes shows the clicker, privately like a passage, the quotes of
// one account after its best one. The value is answerID:account.
func (s *Server) showQuotes(ctx context.Context, c click, log *slog.Logger) string {
	id, n, _ := strings.Cut(c.action.Value, ":")
	i, err := strconv.Atoi(n)
	ra := s.recall(ctx, id, log)
	if ra == nil || err != nil || i < 0 || i >= len(ra.Answer.Accounts) {
		s.tell(ctx, c, textPage(expiredText), log)
		return outcomeFailed
	}
	s.tell(ctx, c, renderMoreQuotes(ra.Answer, i), log)
	return outcomeAnswered
}

// share posts an /ask answer to its channel for everyone, then removes the
// ephemeral copy.
func (s *Server) share(ctx context.Context, c click, log *slog.Logger) string {
	ra := s.recall(ctx, c.action.Value, log)
	if ra == nil {
		s.tell(ctx, c, textPage(expiredText), log)
		return outcomeFailed
	}
	if !s.channelAllowed(c.channel) {
		s.tell(ctx, c, textPage("crosscheck is not enabled for this channel, so I can't share answers here."), log)
		return outcomeIgnored
	}
	pg := renderAnswer(ra.Answer, view{AnswerID: ra.ID, Sources: s.cfg.Library.Len(), SharedBy: c.user}, 0)
	if _, err := s.out.post(ctx, c.channel, "", pg); err != nil {
		log.Warn("share answer", "err", err)
		s.tell(ctx, c, textPage(":warning: I couldn't post in this channel. If I'm not a member, invite me with `/invite @crosscheck` and press Share again."), log)
		return outcomeFailed
	}
	if err := s.out.deleteOriginal(ctx, c.responseURL); err != nil {
		log.Warn("remove ephemeral answer after sharing", "err", err)
	}
	return outcomeAnswered
}

const expiredText = "That answer is no longer in my memory (I was restarted, or it is old). Please ask the question again."

// tell replies privately to the clicker: through the response_url on an
// ephemeral message (those cannot be threaded), else chat.postEphemeral in
// the message's thread.
func (s *Server) tell(ctx context.Context, c click, pg page, log *slog.Logger) {
	var err error
	if c.ephemeral || c.channel == "" {
		err = s.out.respond(ctx, c.responseURL, pg, false)
	} else {
		err = s.out.ephemeral(ctx, c.channel, c.user, c.threadTS, pg)
	}
	if err != nil {
		log.Warn("reply to click", "err", err)
	}
}

// badEnvelopeID digs the envelope id out of a frame slack-go could not
// parse; it is only in the raw JSON, and without an ack Slack would
// redeliver the frame forever.
func badEnvelopeID(evt *socketmode.Event) (id, typ string) {
	bad, ok := evt.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		return "", ""
	}
	var env struct {
		EnvelopeID string `json:"envelope_id"`
		Type       string `json:"type"`
	}
	if err := json.Unmarshal(bad.Message, &env); err != nil {
		return "", ""
	}
	return env.EnvelopeID, env.Type
}

// onBadMessage logs a frame slack-go could not parse (the dispatch loop
// has acked it if it had an envelope id).
func (s *Server) onBadMessage(evt *socketmode.Event, _ *socketmode.Client) {
	bad, ok := evt.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		return
	}
	id, typ := badEnvelopeID(evt)
	s.log.Warn("frame slack-go could not parse", "envelope_id", id, "type", typ, "err", fmt.Sprint(bad.Cause))
}
