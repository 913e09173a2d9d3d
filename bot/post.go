package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/slack-go/slack"
)

// maxRateLimitWait caps how long one call waits on a 429's Retry-After; a
// longer wait would outlive the question's deadline anyway.
const (
	maxRateLimitWait = 30 * time.Second
	maxAttempts      = 5
)

// poster sends pages to Slack: chat.postMessage, chat.update,
// chat.postEphemeral and response_url. Every call honours Slack's
// rate-limit answers (429 + Retry-After) by waiting and retrying, bounded by
// ctx, so a burst slows answers down instead of losing them.
type poster struct {
	api  *slack.Client
	http *http.Client
	log  *slog.Logger
}

func (p *poster) post(ctx context.Context, channel, threadTS string, pg page) (string, error) {
	var ts string
	err := p.retry(ctx, "chat.postMessage", func() error {
		var err error
		_, ts, err = p.api.PostMessageContext(ctx, channel, p.options(pg, threadTS, true)...)
		return err
	})
	return ts, err
}

func (p *poster) update(ctx context.Context, channel, ts string, pg page) error {
	return p.retry(ctx, "chat.update", func() error {
		_, _, _, err := p.api.UpdateMessageContext(ctx, channel, ts, p.options(pg, "", false)...)
		return err
	})
}

func (p *poster) ephemeral(ctx context.Context, channel, user, threadTS string, pg page) error {
	return p.retry(ctx, "chat.postEphemeral", func() error {
		_, err := p.api.PostEphemeralContext(ctx, channel, user, p.options(pg, threadTS, false)...)
		return err
	})
}

// respond posts to a response_url (slash commands and button clicks):
// ephemeral to the user who triggered it; replace swaps out the message the
// button was on.
func (p *poster) respond(ctx context.Context, responseURL string, pg page, replace bool) error {
	blocks := slack.Blocks{BlockSet: pg.Blocks}
	return p.retry(ctx, "response_url", func() error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, p.http, &slack.WebhookMessage{
			ResponseType:    slack.ResponseTypeEphemeral,
			Text:            pg.Text,
			Blocks:          &blocks,
			ReplaceOriginal: replace,
		})
	})
}

// deleteOriginal removes the ephemeral message a button was on.
func (p *poster) deleteOriginal(ctx context.Context, responseURL string) error {
	return p.retry(ctx, "response_url", func() error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, p.http, &slack.WebhookMessage{DeleteOriginal: true})
	})
}

func (p *poster) options(pg page, threadTS string, unfurl bool) []slack.MsgOption {
	opts := []slack.MsgOption{slack.MsgOptionText(pg.Text, false), slack.MsgOptionBlocks(pg.Blocks...)}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	if unfurl {
		// A quote's link should stay a link, not grow a preview card per
		// source under every answer.
		opts = append(opts, slack.MsgOptionDisableLinkUnfurl(), slack.MsgOptionDisableMediaUnfurl())
	}
	return opts
}

func (p *poster) retry(ctx context.Context, method string, call func() error) error {
	for attempt := 1; ; attempt++ {
		err := call()
		var rl *slack.RateLimitedError
		if err == nil || !errors.As(err, &rl) || attempt == maxAttempts {
			if err != nil {
				return fmt.Errorf("%s: %w", method, err)
			}
			return nil
		}
		wait := min(max(rl.RetryAfter, 100*time.Millisecond), maxRateLimitWait)
		p.log.WarnContext(ctx, "slack rate limit", "method", method, "retry_after", rl.RetryAfter, "attempt", attempt)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: waiting out rate limit: %w", method, ctx.Err())
		case <-t.C:
		}
	}
}
