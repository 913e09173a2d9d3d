package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// inProcessReplica runs `crosscheck serve` in this process against sl and
// the store at dsn until the test ends.
type inProcessReplica struct {
	addr   string
	stderr *lockedBuffer
	// stop cancels serve's context (SIGTERM) and waits for it to exit.
	stop func()
}

func startReplica(t *testing.T, sl *slacktest.Server, dsn string, args ...string) *inProcessReplica {
	t.Helper()
	r := &inProcessReplica{addr: freeAddr(t), stderr: &lockedBuffer{}}
	environ := map[string]string{
		"SLACK_BOT_TOKEN": sl.BotToken(), "SLACK_APP_TOKEN": sl.AppToken(), "SLACK_API_URL": sl.URL,
		"CROSSCHECK_DATA": t.TempDir(),
	}
	want := sl.Connections() + 1
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	args = append([]string{"serve", "--store", dsn, "--metrics-addr", r.addr, "--shutdown-grace", "5s"}, args...)
	go func() { exit <- run(ctx, args, slackTestEnv(environ), nil, io.Discard, r.stderr) }()
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case <-exit:
			case <-time.After(20 * time.Second):
				t.Error("serve did not exit after cancel")
			}
			noSecret(t, dsn, r.stderr.String())
		})
	}
	t.Cleanup(r.stop)
	if !sl.WaitConnected(want, 20*time.Second) {
		t.Fatalf("replica never connected; stderr:\n%s", r.stderr.String())
	}
	return r
}

// finalThread waits until the thread at ts holds n messages, none a
// placeholder.
func finalThread(t *testing.T, sl *slacktest.Server, ts string, n int) []slacktest.Message {
	t.Helper()
	var th []slacktest.Message
	if !slacktest.Eventually(20*time.Second, func() bool {
		th = sl.Thread("C0GENERAL", ts)
		if len(th) != n {
			return false
		}
		for _, m := range th {
			if strings.HasPrefix(m.Text, ":hourglass") {
				return false
			}
		}
		return true
	}) {
		t.Fatalf("thread %s: want %d answers, got %d", ts, n, len(th))
	}
	return th
}

// A follow-up in a thread that one replica answered, and a button under
// that answer, work when they reach another replica: thread context, the
// answer the button refers to and the vote live in the database.
func TestStoreReplicasShareThreadsAndButtons(t *testing.T) {
	dsn := storeDSN(t)
	story, _ := filepath.Abs("../../corpus/testdata/stories/dam")
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, story); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	sl := slacktest.New(t, slacktest.Options{SeveralConnections: true})
	startReplica(t, sl, dsn)
	startReplica(t, sl, dsn)

	sl.Steer(1)
	_, ts := sl.Mention("C0GENERAL", "U0ALICE", "How many people died?", "")
	ans := finalThread(t, sl, ts, 1)[0]

	sl.Steer(2)
	sl.Mention("C0GENERAL", "U0ALICE", "source?", ts)
	th := finalThread(t, sl, ts, 2)
	if !strings.Contains(th[1].Text, "Sources of my last answer here") {
		t.Errorf("a follow-up reaching the other replica was not read against the thread's answer: %q", th[1].Text)
	}

	var up string
	for _, b := range ans.Buttons() {
		if b.ActionID == "feedback_up" {
			up = b.Value
		}
	}
	if up == "" {
		t.Fatalf("the answer has no 👍 button: %s", ans.Blocks)
	}
	sl.Click("U0BOB", ans, "feedback_up", up)
	if !slacktest.Eventually(10*time.Second, func() bool {
		for _, m := range sl.Ephemeral("U0BOB") {
			if strings.Contains(m.Text, "recorded your 👍") {
				return true
			}
		}
		return false
	}) {
		t.Fatalf("the vote on the other replica was not acknowledged: %v", sl.Ephemeral("U0BOB"))
	}
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var question string
	var expired bool
	err = conn.QueryRow(context.Background(), `SELECT record->>'question', coalesce((record->>'answer_expired')::bool, false) FROM feedback`).Scan(&question, &expired)
	if err != nil || question != "How many people died?" || expired {
		t.Errorf("feedback row: question %q expired %v err %v; want the answered question, found through the database", question, expired, err)
	}

	sl.HomeOpened("U0BOB")
	if !slacktest.Eventually(10*time.Second, func() bool { _, ok := sl.Home("U0BOB"); return ok }) {
		t.Error("App Home was not published by the replica the event reached")
	}
}

// When the database goes away while a question is being answered (it was
// recorded, then the placeholder waited out a rate limit), the answer
// still shows, says the database could not be reached, and the question is
// marked answered once the database is back, so no replica answers it
// again.
func TestStoreAnswerWhileTheDatabaseGoesAway(t *testing.T) {
	u, proxy := damStoreBehindProxy(t)
	sl := slacktest.New(t, slacktest.Options{})
	r := startReplica(t, sl, u.String(), "--claim-timeout", "2s")

	sl.RateLimit("chat.postMessage", 2)
	_, ts := sl.Mention("C0GENERAL", "U0ALICE", "How many people died?", "")
	if !slacktest.Eventually(10*time.Second, func() bool { return sl.RateLimited("chat.postMessage") == 1 }) {
		t.Fatal("the placeholder never met the rate limit")
	}
	proxy.stop()
	ans := finalThread(t, sl, ts, 1)[0]
	if !strings.Contains(string(ans.Blocks), "cannot reach its database") {
		t.Errorf("the answer does not say the database was away: %s", ans.Blocks)
	}
	proxy.start()
	conn, err := pgx.Connect(context.Background(), u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if !slacktest.Eventually(20*time.Second, func() bool {
		var answered bool
		err := conn.QueryRow(context.Background(), `SELECT answered_at IS NOT NULL FROM questions`).Scan(&answered)
		return err == nil && answered
	}) {
		t.Errorf("the question was not marked answered after the database came back; stderr:\n%s", r.stderr.String())
	}
	time.Sleep(3 * time.Second) // a claim timeout and a sweep
	if th := sl.Thread("C0GENERAL", ts); len(th) != 1 || th[0].Updates != 1 {
		t.Errorf("the question was answered again: %d messages, %d updates", len(th), th[0].Updates)
	}
	if code, _ := httpGet(t, "http://"+r.addr+"/readyz"); code != http.StatusOK {
		t.Errorf("/readyz = %d after the database came back", code)
	}
}

// A replica stopping cleanly (SIGTERM) hands a question it could not
// finish within the shutdown grace to another replica instead of telling
// the asker to ask again: the other one answers it in the same
// placeholder.
func TestStoreStoppingReplicaHandsOver(t *testing.T) {
	dsn := storeDSN(t)
	story, _ := filepath.Abs("../../corpus/testdata/stories/dam")
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, story); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	sl := slacktest.New(t, slacktest.Options{SeveralConnections: true})
	a := startReplica(t, sl, dsn, "--shutdown-grace", "500ms", "--claim-timeout", "2s")
	b := startReplica(t, sl, dsn, "--claim-timeout", "2s")

	// The placeholder waits out a rate limit longer than a's grace, so
	// the question is still a's, unanswered, when a stops.
	sl.Steer(1)
	sl.RateLimit("chat.postMessage", 3)
	_, ts := sl.Mention("C0GENERAL", "U0ALICE", "How many people died?", "")
	if !slacktest.Eventually(10*time.Second, func() bool { return sl.RateLimited("chat.postMessage") == 1 }) {
		t.Fatal("the placeholder never met the rate limit")
	}
	a.stop()
	th := finalThread(t, sl, ts, 1)
	if strings.Contains(th[0].Text, "ask again") || strings.HasPrefix(th[0].Text, ":warning:") {
		t.Errorf("the question was not handed over: %q", th[0].Text)
	}
	if !strings.Contains(b.stderr.String(), "took over a question") {
		t.Errorf("the other replica did not take the question over; its log:\n%s", b.stderr.String())
	}
	if !strings.Contains(a.stderr.String(), "released the question") {
		t.Errorf("the stopping replica did not release the question; its log:\n%s", a.stderr.String())
	}
}
