package bot

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
)

// actionShareCheck posts a private "Crosscheck this message" result in the
// checked message's thread.
const actionShareCheck = "share_check"

// claimCheck is one claim of a message and what the documents say about
// it: the engine's answer to the claim, read as a question.
type claimCheck struct {
	Claim  string
	Answer *answer.Answer // nil when checking failed
	Failed error
}

// messageCheck is a "Crosscheck this message" result, kept so "Share in
// thread" can post it where the message is.
type messageCheck struct {
	ID        string
	User      string
	Channel   string
	MessageTS string
	ThreadTS  string // the message's thread, or "" when it is top-level
	Claims    []claimCheck
	More      int // statements past maxClaims, not checked
}

// threadTS is where a shared check goes: the message's thread, or a new
// thread under the message.
func (mc *messageCheck) threadTS() string {
	if mc.ThreadTS != "" {
		return mc.ThreadTS
	}
	return mc.MessageTS
}

// checkStore keeps the last checks in memory, oldest evicted first; a
// "Share in thread" click on an evicted one is told to check again.
type checkStore struct {
	mu    sync.Mutex
	max   int
	byID  map[string]*messageCheck
	order []string
}

func newCheckStore(max int) *checkStore {
	return &checkStore{max: max, byID: map[string]*messageCheck{}}
}

func (c *checkStore) put(mc *messageCheck) {
	var b [6]byte
	_, _ = rand.Read(b[:])
	mc.ID = hex.EncodeToString(b[:])
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.order) >= c.max {
		delete(c.byID, c.order[0])
		c.order = c.order[1:]
	}
	c.byID[mc.ID] = mc
	c.order = append(c.order, mc.ID)
}

func (c *checkStore) get(id string) *messageCheck {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byID[id]
}

// onShortcut handles "Crosscheck this message": the claims in the message
// are each checked against the documents on one worker, and the result is
// shown only to the person who asked, through the shortcut's response_url.
func (s *Server) onShortcut(cb slack.InteractionCallback, received time.Time) {
	log := s.log.With("callback_id", cb.CallbackID, "channel", cb.Channel.ID, "route", routeShortcut)
	if !s.seen.first("shortcut:"+cb.TriggerID, received) {
		log.Info("duplicate shortcut ignored")
		s.metrics.questions.WithLabelValues(routeShortcut, outcomeDuplicate).Inc()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	reply := func(pg page, outcome string) {
		s.metrics.questions.WithLabelValues(routeShortcut, outcome).Inc()
		if err := s.out.respond(ctx, cb.ResponseURL, pg, false); err != nil {
			log.Warn("respond to shortcut", "err", err)
		}
	}
	if cb.CallbackID != ShortcutCallbackID {
		log.Info("unknown shortcut")
		reply(textPage("I don't know that shortcut. Update the app from `crosscheck manifest`."), outcomeIgnored)
		return
	}
	claims, more := splitClaims(cb.Message.Text)
	if len(claims) == 0 {
		reply(textPage(noClaimsText), outcomeUsage)
		return
	}
	mc := &messageCheck{User: cb.User.ID, Channel: cmp.Or(cb.Channel.ID, cb.Container.ChannelID), MessageTS: cmp.Or(cb.Message.Timestamp, cb.MessageTs),
		ThreadTS: cb.Message.ThreadTimestamp, More: more}
	j, pl, ok := s.takePlace(log)
	if !ok {
		reply(textPage(s.busyText(pl)), outcomeBusy)
		return
	}
	s.pool.run(j, func(work context.Context) {
		s.checkClaims(work, mc, claims, log)
		s.checks.put(mc)
		showCtx, cancelShow := context.WithTimeout(context.WithoutCancel(work), 15*time.Second)
		defer cancelShow()
		outcome := outcomeAnswered
		if err := s.out.respond(showCtx, cb.ResponseURL, renderCheck(mc, s.cfg.Library.Len(), ""), false); err != nil {
			log.Error("respond with crosscheck", "err", err)
			outcome = outcomeFailed
		}
		s.metrics.questions.WithLabelValues(routeShortcut, outcome).Inc()
		s.metrics.answerSeconds.WithLabelValues(routeShortcut).Observe(time.Since(received).Seconds())
	})
}

const noClaimsText = "I found no claim to check in that message. I check statements of four words or more; questions are not claims."

// checkClaims asks the engine about each claim within the question
// deadline, and keeps only quotes that are byte-for-byte in their
// documents, as for any answer.
func (s *Server) checkClaims(work context.Context, mc *messageCheck, claims []string, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(work, s.cfg.Deadline)
	defer cancel()
	for _, claim := range claims {
		cc := claimCheck{Claim: claim}
		ans, err := s.cfg.Answerer.Ask(ctx, claimQuestion(claim))
		if err == nil && ans == nil {
			err = errors.New("engine returned no answer")
		}
		if err != nil {
			log.Error("check claim", "err", err)
			cc.Failed = err
		} else {
			verified, dropped := verifyQuotes(s.cfg.Library, ans)
			if dropped > 0 {
				s.metrics.quotesDropped.Add(float64(dropped))
				log.Error("quotes failed verification and were dropped", "dropped", dropped)
			}
			cc.Answer = verified
		}
		mc.Claims = append(mc.Claims, cc)
	}
}

// shareCheck posts a check for everyone in the checked message's thread,
// then removes the private copy.
func (s *Server) shareCheck(ctx context.Context, c click, log *slog.Logger) string {
	mc := s.checks.get(c.action.Value)
	if mc == nil {
		s.tell(ctx, c, textPage("That check is no longer in my memory (I was restarted, or it is old). Use *"+ShortcutName+"* on the message again."), log)
		return outcomeFailed
	}
	if !s.channelAllowed(mc.Channel) {
		s.tell(ctx, c, textPage("crosscheck is not enabled for this channel, so I can't share checks here."), log)
		return outcomeIgnored
	}
	if _, err := s.out.post(ctx, mc.Channel, mc.threadTS(), renderCheck(mc, s.cfg.Library.Len(), c.user)); err != nil {
		log.Warn("share check", "err", err)
		s.tell(ctx, c, textPage(":warning: I couldn't post in this channel. If I'm not a member, invite me with `/invite @crosscheck` and press Share again."), log)
		return outcomeFailed
	}
	if err := s.out.deleteOriginal(ctx, c.responseURL); err != nil {
		log.Warn("remove private check after sharing", "err", err)
	}
	return outcomeAnswered
}

// claimQuestion asks about a claim the way the engine reads stances: as a
// yes/no question ("Is it true that the port reopened on Monday?"), so its
// accounts come back as affirming (supporting) or denying (contradicting)
// the claim. Asked as a bare statement, every account that mentions the
// subject would read as agreeing.
func claimQuestion(claim string) string {
	claim = strings.TrimRight(strings.TrimSpace(claim), ".!;:… ")
	first, rest, _ := strings.Cut(claim, " ")
	if lowerFirst[first] {
		claim = strings.ToLower(first) + " " + rest
	}
	return "Is it true that " + claim + "?"
}

// lowerFirst are sentence-initial words that are not names, so they can
// go lower-case mid-question; any other first word might be a name
// ("Canada", "Reyes") and keeps its capital.
var lowerFirst = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "Its": true, "They": true, "Their": true, "We": true, "Our": true, "He": true, "She": true,
	"His": true, "Her": true, "Some": true, "Most": true, "Many": true, "All": true, "No": true, "Several": true,
	"Both": true, "Every": true, "Each": true, "There": true, "Police": true, "Officials": true, "Authorities": true,
}
