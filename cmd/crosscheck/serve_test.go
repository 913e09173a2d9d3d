package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot"
	"github.com/crosscheck/crosscheck/bot/slacktest"
)

func TestServeRejectsBadTokens(t *testing.T) {
	const secretish = "xoxp-not-a-bot-token-1234"
	cases := []struct {
		name     string
		env      map[string]string
		wantVars []string
	}{
		{"both missing", nil, []string{"SLACK_BOT_TOKEN", "xoxb-", "SLACK_APP_TOKEN", "xapp-"}},
		{"user token as bot token", map[string]string{"SLACK_BOT_TOKEN": secretish, "SLACK_APP_TOKEN": "xapp-1-A1-123-abc"}, []string{"SLACK_BOT_TOKEN", "xoxb-"}},
		{"tokens swapped", map[string]string{"SLACK_BOT_TOKEN": "xapp-1-A1-123-abc", "SLACK_APP_TOKEN": "xoxb-123-456-abc"}, []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"}},
		{"bad api url", map[string]string{"SLACK_BOT_TOKEN": "xoxb-123-456-abc", "SLACK_APP_TOKEN": "xapp-1-A1-123-abc", "SLACK_API_URL": "ftp://slack"}, []string{"SLACK_API_URL"}},
		{"bad worker count", map[string]string{"SLACK_BOT_TOKEN": "xoxb-123-456-abc", "SLACK_APP_TOKEN": "xapp-1-A1-123-abc", "CROSSCHECK_WORKERS": "many"}, []string{"CROSSCHECK_WORKERS"}},
		{"bad deadline", map[string]string{"SLACK_BOT_TOKEN": "xoxb-123-456-abc", "SLACK_APP_TOKEN": "xapp-1-A1-123-abc", "CROSSCHECK_DEADLINE": "soon"}, []string{"CROSSCHECK_DEADLINE"}},
		{"bad max wait", map[string]string{"SLACK_BOT_TOKEN": "xoxb-123-456-abc", "SLACK_APP_TOKEN": "xapp-1-A1-123-abc", "CROSSCHECK_MAX_WAIT": "a while"}, []string{"CROSSCHECK_MAX_WAIT"}},
		{"negative max wait", map[string]string{"SLACK_BOT_TOKEN": "xoxb-123-456-abc", "SLACK_APP_TOKEN": "xapp-1-A1-123-abc", "CROSSCHECK_MAX_WAIT": "-1s"}, []string{"--max-wait"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"serve"}, slackTestEnv(c.env), nil, &stdout, &stderr)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr %q", code, exitUsage, stderr.String())
			}
			for _, want := range c.wantVars {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr %q does not mention %q", stderr.String(), want)
				}
			}
			for _, v := range c.env {
				if strings.HasPrefix(v, "xo") || strings.HasPrefix(v, "xa") {
					if strings.Contains(stderr.String(), v) {
						t.Errorf("stderr echoes a token value")
					}
				}
			}
		})
	}
}

func TestServeHelpListsEnvironment(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"serve", "--help"}, slackTestEnv(nil), nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_API_URL", "CROSSCHECK_CORPUS", "CROSSCHECK_DATA",
		"CROSSCHECK_CHANNELS", "-metrics-addr", "-workers", "-queue", "-deadline", "-shutdown-grace", "-ask-command",
		"CROSSCHECK_MAX_WAIT", "-max-wait", "-disputes-command", "CROSSCHECK_DISPUTES_COMMAND", "/livez", "/readyz"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("serve --help does not mention %s", want)
		}
	}
}

// TestServeEndToEnd runs the real serve command against a loopback Slack:
// it connects, answers a mention, serves /healthz and /metrics, shuts down
// cleanly on cancel, and never logs a token.
func TestServeEndToEnd(t *testing.T) {
	sl := slacktest.New(t, slacktest.Options{})
	data := t.TempDir()
	addr := freeAddr(t)
	environ := map[string]string{
		"SLACK_BOT_TOKEN": sl.BotToken(), "SLACK_APP_TOKEN": sl.AppToken(), "SLACK_API_URL": sl.URL,
		"CROSSCHECK_DATA": data, "CROSSCHECK_LOG_LEVEL": "debug",
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &lockedBuffer{}
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve", "--metrics-addr", addr, "--shutdown-grace", "5s"}, slackTestEnv(environ), nil, io.Discard, stderr)
	}()
	if !sl.WaitConnected(1, 10*time.Second) {
		t.Fatalf("serve never connected; stderr:\n%s", stderr.String())
	}
	_, ts := sl.Mention("C0GENERAL", "U0ALICE", "did US agents operate in Sinaloa?", "")
	if !slacktest.Eventually(10*time.Second, func() bool {
		th := sl.Thread("C0GENERAL", ts)
		return len(th) == 1 && th[0].Updates == 1
	}) {
		t.Fatalf("mention not answered; stderr:\n%s", stderr.String())
	}
	for _, probe := range []string{"/livez", "/readyz", "/healthz"} {
		if code, body := httpGet(t, "http://"+addr+probe); code != http.StatusOK || !strings.Contains(body, `"ok":true`) {
			t.Errorf("%s = %d %q", probe, code, body)
		}
	}
	// The counter moves when the handler returns, just after the update
	// Slack saw: poll rather than read once.
	if !slacktest.Eventually(5*time.Second, func() bool {
		_, body := httpGet(t, "http://"+addr+"/metrics")
		return strings.Contains(body, `crosscheck_questions_total{outcome="answered",route="mention"} 1`)
	}) {
		t.Errorf("/metrics does not count the answered mention")
	}
	cancel()
	select {
	case code := <-exit:
		if code != exitOK {
			t.Errorf("serve exited %d after cancel, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not exit after cancel")
	}
	logs := stderr.String()
	for _, tok := range []string{sl.BotToken(), sl.AppToken()} {
		if strings.Contains(logs, tok) {
			t.Errorf("a token appears in serve's logs")
		}
	}
	sc := bufio.NewScanner(strings.NewReader(logs))
	for sc.Scan() {
		if !json.Valid(sc.Bytes()) {
			t.Errorf("log line is not JSON (stderr is not a terminal): %q", sc.Text())
		}
	}
	if _, err := os.Stat(filepath.Join(data, bot.FeedbackFile)); err != nil {
		t.Errorf("feedback log not created in the data directory: %v", err)
	}
}

func TestRedactSecrets(t *testing.T) {
	var buf bytes.Buffer
	log := serveLogger(&buf, "debug", "xoxb-secret", "xapp-secret")
	log.Info("calling with xoxb-secret", "token", "Bearer xapp-secret", "err", io.ErrUnexpectedEOF, "wrapped", errString("dial xapp-secret failed"))
	if strings.Contains(buf.String(), "secret") && !strings.Contains(buf.String(), "[redacted]") {
		t.Fatalf("log = %s", buf.String())
	}
	if strings.Contains(buf.String(), "xoxb-secret") || strings.Contains(buf.String(), "xapp-secret") {
		t.Errorf("token survived redaction: %s", buf.String())
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	var resp *http.Response
	var err error
	for range 50 {
		if resp, err = http.Get(url); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
