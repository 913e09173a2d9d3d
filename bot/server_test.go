package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

func TestLinkStateIgnoresHandlerOrder(t *testing.T) {
	s := &Server{metrics: newMetrics(), linkUp: -1, linkDown: -1}
	steps := []struct {
		n    int
		up   bool
		want bool
	}{
		{0, true, true},   // connected ran before…
		{0, false, true},  // …its own connecting: still up
		{1, false, false}, // reconnecting
		{1, true, true},
		{2, true, true}, // connected for 2 before connecting for 2
		{2, false, true},
	}
	for i, st := range steps {
		s.setLink(st.n, st.up)
		if got := s.connected.Load(); got != st.want {
			t.Errorf("step %d (conn %d up=%v): connected = %v, want %v", i, st.n, st.up, got, st.want)
		}
	}
	s.closeLink()
	if s.connected.Load() {
		t.Error("connected after close")
	}
}

func TestCheckTokens(t *testing.T) {
	for _, c := range []struct {
		bot, app string
		want     []string
	}{
		{"xoxb-1-2-abc", "xapp-1-A-2-abc", nil},
		{"", "", []string{"SLACK_BOT_TOKEN", "xoxb-", "SLACK_APP_TOKEN", "xapp-"}},
		{"xoxp-1-2-abc", "xapp-1-A-2-abc", []string{"SLACK_BOT_TOKEN"}},
		{"xoxb-1-2-abc", "xoxb-1-2-abc", []string{"SLACK_APP_TOKEN"}},
		{"xoxb-1-2 abc", "xapp-1-A-2-abc", []string{"SLACK_BOT_TOKEN"}},
		{"xoxb-", "xapp-", []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"}},
	} {
		err := CheckTokens(c.bot, c.app)
		if (err == nil) != (c.want == nil) {
			t.Errorf("CheckTokens(%q, %q) = %v", c.bot, c.app, err)
			continue
		}
		if err == nil {
			continue
		}
		if !errors.Is(err, ErrBadConfig) {
			t.Errorf("error %v is not ErrBadConfig", err)
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("CheckTokens(%q, %q) = %q, want it to mention %s", c.bot, c.app, err, w)
			}
		}
		if len(c.bot) > 6 && strings.Contains(err.Error(), c.bot) {
			t.Errorf("error echoes the token")
		}
	}
}

func TestRunFailsFastOnRejectedToken(t *testing.T) {
	sl := slacktest.New(t, slacktest.Options{})
	logs := &syncBuffer{}
	srv, err := New(Config{
		BotToken: sl.BotToken(), AppToken: "xapp-1-revoked-token", APIURL: sl.URL,
		Answerer: answerFunc(nil), Library: fixtureLibrary(t), DataDir: t.TempDir(),
		Logger: slog.New(slog.NewJSONHandler(logs, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Run(context.Background()) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "invalid_auth") {
			t.Errorf("Run = %v, want an invalid_auth error", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run kept going with a token Slack rejects")
	}
	if strings.Contains(logs.String(), "xapp-1-revoked-token") {
		t.Error("the rejected token was logged")
	}
}
