package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
	"github.com/crosscheck/crosscheck/corpus"
)

// Test users and channels.
const (
	alice   = "U0ALICE"
	bob     = "U0BOB"
	general = "C0GENERAL"
	aliceDM = "D0ALICE"
)

// answerFunc adapts a function to Answerer.
type answerFunc func(ctx context.Context, q string) (*answer.Answer, error)

func (f answerFunc) Ask(ctx context.Context, q string) (*answer.Answer, error) { return f(ctx, q) }

// harness runs a real Server against a loopback Slack.
type harness struct {
	t       testing.TB
	slack   *slacktest.Server
	srv     *Server
	cfg     Config
	logs    *syncBuffer
	cancel  context.CancelFunc
	done    chan error
	stopped bool
}

type harnessOpt func(*Config, *slacktest.Options)

func withAnswerer(a Answerer) harnessOpt {
	return func(c *Config, _ *slacktest.Options) { c.Answerer = a }
}
func withLibrary(l Library) harnessOpt {
	return func(c *Config, _ *slacktest.Options) { c.Library = l }
}
func withDataDir(dir string) harnessOpt {
	return func(c *Config, _ *slacktest.Options) { c.DataDir = dir }
}
func withWorkers(n int) harnessOpt {
	return func(c *Config, _ *slacktest.Options) { c.Workers = n }
}

// defaultCorpus is the shipped corpus, loaded once per test binary.
var defaultCorpus = sync.OnceValues(corpus.Default)

func shippedCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := defaultCorpus()
	if err != nil {
		t.Fatalf("load shipped corpus: %v", err)
	}
	return c
}

// realEngine is the answer engine over the shipped corpus.
var realEngine = sync.OnceValues(func() (*answer.Engine, error) {
	c, err := defaultCorpus()
	if err != nil {
		return nil, err
	}
	return answer.NewEngine(context.Background(), c, answer.Options{})
})

func engine(t testing.TB) *answer.Engine {
	t.Helper()
	e, err := realEngine()
	if err != nil {
		t.Fatalf("build engine: %v", err)
	}
	return e
}

func startHarness(t testing.TB, opts ...harnessOpt) *harness {
	t.Helper()
	logs := &syncBuffer{}
	sopts := slacktest.Options{}
	cfg := Config{
		Workers: 2, Deadline: 5 * time.Second, ShutdownGrace: 5 * time.Second,
		// Generous: a loaded CI box under -race can starve the pinger for
		// a second or two, and a ping timeout would reconnect mid-test.
		PingInterval: 10 * time.Second,
		DataDir:      t.TempDir(),
		Logger:       slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	for _, o := range opts {
		o(&cfg, &sopts)
	}
	sl := slacktest.New(t, sopts)
	cfg.BotToken, cfg.AppToken, cfg.APIURL = sl.BotToken(), sl.AppToken(), sl.URL
	if cfg.Library == nil {
		cfg.Library = shippedCorpus(t)
	}
	if cfg.Answerer == nil {
		cfg.Answerer = engine(t)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, slack: sl, srv: srv, cfg: srv.cfg, logs: logs, cancel: cancel, done: make(chan error, 1)}
	go func() { h.done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		if !h.stopped {
			h.stop()
		}
		for _, tok := range []string{cfg.BotToken, cfg.AppToken} {
			if strings.Contains(logs.String(), tok) {
				t.Errorf("a token appears in the logs")
			}
		}
	})
	if !sl.WaitConnected(1, 5*time.Second) {
		t.Fatalf("bot never connected to the loopback Slack")
	}
	if !slacktest.Eventually(5*time.Second, srv.connected.Load) {
		t.Fatalf("bot did not report connected")
	}
	return h
}

// stop cancels the serve context and returns Run's error.
func (h *harness) stop() error {
	h.t.Helper()
	h.stopped = true
	h.cancel()
	select {
	case err := <-h.done:
		return err
	case <-time.After(15 * time.Second):
		h.t.Fatalf("Run did not return after cancel")
		return nil
	}
}

// waitThread waits until the thread holds n bot messages, none of them a
// placeholder, and returns them.
func (h *harness) waitThread(channel, ts string, n int) []slacktest.Message {
	h.t.Helper()
	var got []slacktest.Message
	ok := slacktest.Eventually(10*time.Second, func() bool {
		got = h.slack.Thread(channel, ts)
		if len(got) < n {
			return false
		}
		for _, m := range got {
			if isPlaceholder(m) {
				return false
			}
		}
		return true
	})
	if !ok {
		h.t.Fatalf("thread %s/%s: want %d settled messages, got %d: %s", channel, ts, n, len(got), texts(got))
	}
	return got
}

// settle waits a little for anything that should not happen (a second
// answer) to have had its chance.
func settle() { time.Sleep(150 * time.Millisecond) }

func isPlaceholder(m slacktest.Message) bool { return strings.HasPrefix(m.Text, placeholderMark) }

func texts(ms []slacktest.Message) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("\n  [" + m.TS + " thread " + m.ThreadTS + "] " + m.Text)
	}
	return b.String()
}

// quotedDocs returns the documents a message quotes, from its Show passage
// buttons.
func quotedDocs(m slacktest.Message) map[string]bool {
	docs := map[string]bool{}
	for _, b := range m.Buttons() {
		if b.ActionID == actionShowPassage {
			if _, _, id, ok := parsePassageValue(b.Value); ok {
				docs[id] = true
			}
		}
	}
	return docs
}

// blockTexts returns every text a user can see in blocks, by object type:
// "mrkdwn", "plain_text" and "rich" (rich-text literals).
func blockTexts(t testing.TB, raw json.RawMessage) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	var v any
	if len(raw) == 0 {
		return out
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("blocks are not JSON: %v", err)
	}
	var walk func(v any, inRich bool)
	walk = func(v any, inRich bool) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, inRich)
			}
		case map[string]any:
			typ, _ := x["type"].(string)
			text, hasText := x["text"].(string)
			switch {
			case typ == "mrkdwn" && hasText:
				out["mrkdwn"] = append(out["mrkdwn"], text)
			case typ == "plain_text" && hasText:
				out["plain_text"] = append(out["plain_text"], text)
			case typ == "text" && inRich && hasText:
				out["rich"] = append(out["rich"], text)
			}
			for k, e := range x {
				if k == "text" && hasText {
					continue
				}
				walk(e, inRich || typ == "rich_text")
			}
		}
	}
	walk(v, false)
	return out
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
