package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

func TestServeLogsDurationsForPeople(t *testing.T) {
	var buf bytes.Buffer
	log := serveLogger(&buf, "info")
	log.Info("answered", "took", 52*time.Millisecond+300*time.Microsecond, "grace", 20*time.Second, "ack", 180*time.Microsecond)
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("log line is not JSON: %q", buf.String())
	}
	for k, want := range map[string]string{"took": "52ms", "grace": "20s", "ack": "180µs"} {
		if rec[k] != want {
			t.Errorf("%s = %v, want %q", k, rec[k], want)
		}
	}
}

// TestServeLogsSkippedFilesAsJSON: a file the corpus loader skips is a JSON
// log record like every other line serve logs, not plain text among them.
func TestServeLogsSkippedFilesAsJSON(t *testing.T) {
	sl := slacktest.New(t, slacktest.Options{})
	dir := t.TempDir()
	good := "---\ntitle: Bridge closure\n---\nThe mayor said the bridge would close in May.\n"
	if err := os.WriteFile(filepath.Join(dir, "bridge.md"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.md"), []byte("\x00\x01\x02 not text"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr := &lockedBuffer{}
	environ := map[string]string{"SLACK_BOT_TOKEN": sl.BotToken(), "SLACK_APP_TOKEN": sl.AppToken(), "SLACK_API_URL": sl.URL,
		"CROSSCHECK_DATA": t.TempDir(), "CROSSCHECK_CORPUS": dir}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exit := make(chan int, 1)
	go func() { exit <- run(ctx, []string{"serve"}, slackTestEnv(environ), nil, &bytes.Buffer{}, stderr) }()
	if !sl.WaitConnected(1, 10*time.Second) {
		t.Fatalf("serve never connected; stderr:\n%s", stderr.String())
	}
	cancel()
	if code := <-exit; code != exitOK {
		t.Fatalf("serve exited %d; stderr:\n%s", code, stderr.String())
	}
	skipped := false
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Errorf("log line is not JSON: %q", l)
			continue
		}
		if rec["msg"] == "corpus file skipped" && rec["path"] == "broken.md" && rec["reason"] != "" {
			skipped = true
		}
	}
	if !skipped {
		t.Errorf("no JSON record names the skipped file; stderr:\n%s", stderr.String())
	}
}
