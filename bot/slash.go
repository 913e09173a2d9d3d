package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// onSlash handles /ask, /sources, /source and /disputes (names from
// Config.Commands).
// Replies go through the command's response_url, so they are ephemeral and
// work in channels the bot was never invited to.
func (s *Server) onSlash(evt *socketmode.Event, _ *socketmode.Client) {
	received := time.Now() // already acked by the dispatch loop
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok {
		return
	}
	route := s.slashRoute(cmd.Command)
	log := s.log.With("command", cmd.Command, "channel", cmd.ChannelID, "route", route)
	envelope := ""
	if evt.Request != nil {
		envelope = evt.Request.EnvelopeID
	}
	// A trigger id is unique per invocation and survives redelivery.
	if !s.seen.firstAll(received, prefixed("trigger:", cmd.TriggerID), prefixed("envelope:", envelope)) {
		log.Info("duplicate slash command ignored")
		s.metrics.questions.WithLabelValues(route, outcomeDuplicate).Inc()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	text := strings.TrimSpace(unescapeSlack(cmd.Text))
	reply := func(pg page, outcome string) {
		s.metrics.questions.WithLabelValues(route, outcome).Inc()
		if err := s.out.respond(ctx, cmd.ResponseURL, pg, false); err != nil {
			log.Warn("respond to slash command", "err", err)
		}
	}
	switch cmd.Command {
	case s.cfg.Commands.Ask:
		if text == "" || text == "help" {
			reply(textPage(s.usage(cmd.Command)), outcomeUsage)
			return
		}
		s.slashAsk(cmd, text, received, log, reply)
	case s.cfg.Commands.Sources:
		if text == "help" {
			reply(textPage(s.usage(cmd.Command)), outcomeUsage)
			return
		}
		docs := s.cfg.Library.Filter(text)
		reply(renderSources(docs, text, s.cfg.Library.Len()), outcomeAnswered)
	case s.cfg.Commands.Source:
		if text == "" || text == "help" {
			reply(textPage(s.usage(cmd.Command)), outcomeUsage)
			return
		}
		if d := s.cfg.Library.Doc(text); d != nil {
			reply(renderSource(d), outcomeAnswered)
			return
		}
		switch docs := s.cfg.Library.Filter(text); len(docs) {
		case 0:
			reply(textPage(fmt.Sprintf("No document has the id or words “%s”. List them with `%s`.", mrkdwn(truncate(text, 200)), s.cfg.Commands.Sources)), outcomeUsage)
		case 1:
			reply(renderSource(docs[0]), outcomeAnswered)
		default:
			reply(renderSourceChoices(docs, text), outcomeAnswered)
		}
	case s.cfg.Commands.Disputes:
		if text == "help" {
			reply(textPage(s.usage(cmd.Command)), outcomeUsage)
			return
		}
		reply(s.listDisputes(ctx, text, log))
	default:
		reply(textPage(fmt.Sprintf("I don't know the command %s.\n%s", mrkdwn(cmd.Command), helpText(s.cfg.Commands, s.example()))), outcomeUsage)
	}
}

// slashAsk answers /ask on a worker and replies ephemerally with a "Share in
// channel" button.
func (s *Server) slashAsk(cmd slack.SlashCommand, text string, received time.Time, log *slog.Logger, reply func(page, string)) {
	j, pl, ok := s.takePlace(log)
	if !ok {
		reply(textPage(s.busyText(pl)), outcomeBusy)
		return
	}
	s.pool.run(j, func(work context.Context) {
		ctx, cancel := context.WithTimeout(work, s.cfg.Deadline)
		defer cancel()
		pg, outcome, _ := s.compose(ctx, text, cmd.UserID, cmd.ChannelID, view{Ephemeral: true}, log)
		showCtx, cancelShow := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
		defer cancelShow()
		if err := s.out.respond(showCtx, cmd.ResponseURL, pg, false); err != nil {
			log.Error("respond with answer", "err", err)
			outcome = outcomeFailed
		}
		s.metrics.questions.WithLabelValues(routeAsk, outcome).Inc()
		s.metrics.answerSeconds.WithLabelValues(routeAsk).Observe(time.Since(received).Seconds())
	})
}

func (s *Server) slashRoute(command string) string {
	switch command {
	case s.cfg.Commands.Ask:
		return routeAsk
	case s.cfg.Commands.Sources:
		return routeSources
	case s.cfg.Commands.Source:
		return routeSource
	case s.cfg.Commands.Disputes:
		return routeDisputes
	}
	return "unknown"
}

func (s *Server) usage(command string) string {
	c := s.cfg.Commands
	switch command {
	case c.Ask:
		eg := ""
		if ex := s.example(); ex != "" {
			eg = fmt.Sprintf(", e.g. `%s %s`", c.Ask, mrkdwn(ex))
		}
		return fmt.Sprintf("Usage: `%s &lt;question&gt;`%s. I answer privately with verbatim quotes from every side, and a button to share the answer in the channel.", c.Ask, eg)
	case c.Sources:
		return fmt.Sprintf("Usage: `%s [words]` lists the documents I answer from; words narrow the list by id, title, outlet or author.", c.Sources)
	case c.Disputes:
		return fmt.Sprintf("Usage: `%s [words]` lists the claims the documents disagree about, most contested first; words narrow the list.", c.Disputes)
	default:
		return fmt.Sprintf("Usage: `%s &lt;id or words&gt;` shows one document's details and passages. Find ids with `%s`.", c.Source, c.Sources)
	}
}
