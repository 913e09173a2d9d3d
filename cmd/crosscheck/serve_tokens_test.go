package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// TestServeChecksBothTokensAtStart: a token of the right shape that Slack
// refuses stops serve at once, with one line naming the variable to fix.
func TestServeChecksBothTokensAtStart(t *testing.T) {
	sl := slacktest.New(t, slacktest.Options{})
	for _, c := range []struct {
		name, bot, app, want, notWant string
	}{
		{"bad bot token", "xoxb-1-wrong-bot-token", sl.AppToken(), "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"},
		{"bad app token", sl.BotToken(), "xapp-1-wrong-app-token", "SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			environ := map[string]string{"SLACK_BOT_TOKEN": c.bot, "SLACK_APP_TOKEN": c.app, "SLACK_API_URL": sl.URL, "CROSSCHECK_DATA": t.TempDir()}
			code := run(context.Background(), []string{"serve"}, slackTestEnv(environ), nil, &stdout, &stderr)
			out := strings.TrimSpace(stderr.String())
			t.Logf("stderr: %s", out)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, exitUsage, out)
			}
			if strings.Count(out, "\n") != 0 || !strings.Contains(out, c.want) || strings.Contains(out, c.notWant) {
				t.Errorf("stderr %q: want one line naming %s (and not %s)", out, c.want, c.notWant)
			}
			if strings.Contains(out, "wrong-bot-token") || strings.Contains(out, "wrong-app-token") {
				t.Errorf("stderr echoes the token: %q", out)
			}
		})
	}
}

func TestServeSaysWhenSlackIsUnreachable(t *testing.T) {
	var stdout, stderr bytes.Buffer
	environ := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1-some-bot-token", "SLACK_APP_TOKEN": "xapp-1-some-app-token",
		"SLACK_API_URL": "http://" + freeAddr(t) + "/api/", "CROSSCHECK_DATA": t.TempDir()}
	code := run(context.Background(), []string{"serve"}, slackTestEnv(environ), nil, &stdout, &stderr)
	out := strings.TrimSpace(stderr.String())
	if code != exitFail || strings.Count(out, "\n") != 0 || !strings.Contains(out, "cannot reach Slack") {
		t.Errorf("exit %d, stderr %q; want exit 1 with one line saying Slack cannot be reached", code, out)
	}
}
