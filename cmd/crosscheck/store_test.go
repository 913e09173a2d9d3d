package main

import (
	"cmp"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
	"github.com/crosscheck/crosscheck/pgstore"
	"github.com/crosscheck/crosscheck/pgstore/pgtest"
)

// storeDSN is a migrated, empty store for t, with a password in its DSN
// (the test server trusts loopback, so any password works) to check that
// it is never shown.
func storeDSN(t *testing.T) string {
	t.Helper()
	return migratedStore(t, pgtest.DSN(t))
}

// vectorStoreDSN is storeDSN on the pgvector server.
func vectorStoreDSN(t *testing.T) string {
	t.Helper()
	return migratedStore(t, pgtest.VectorDSN(t))
}

func migratedStore(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(cmp.Or(u.User.Username(), "postgres"), "hunter2pw")
	dsn = u.String()
	if code, out, errb := runEnv(t, nil, "migrate", "--store", dsn); code != exitOK {
		t.Fatalf("migrate: %d %s %s", code, out, errb)
	}
	return dsn
}

func noSecret(t *testing.T, dsn string, texts ...string) {
	t.Helper()
	pw := pgstore.Password(dsn)
	for _, s := range texts {
		if pw != "" && strings.Contains(s, pw) {
			t.Errorf("the store's password appears in output: %q", s)
		}
	}
}

func TestStoreSchemaBehindNamesMigrate(t *testing.T) {
	dsn := pgtest.DSN(t)
	code, _, errb := runEnv(t, nil, "ask", "--store", dsn, "Will the channel be dredged?")
	if code != exitFail || !strings.Contains(errb, "schema version 0") || !strings.Contains(errb, "crosscheck migrate --store") {
		t.Errorf("ask on an unmigrated store: %d %q, want the migrate command", code, errb)
	}
	code, _, errb = runEnv(t, map[string]string{storeEnv: dsn}, "ingest", newsFolder(t))
	if code != exitFail || !strings.Contains(errb, "crosscheck migrate --store") {
		t.Errorf("ingest on an unmigrated store: %d %q, want the migrate command", code, errb)
	}
}

// Ingest twice: the second run changes nothing and writes nothing.
func TestStoreIngestIsIdempotent(t *testing.T) {
	dsn, dir := storeDSN(t), newsFolder(t)
	code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, dir)
	if code != exitOK || summaryCount(t, out, "added") != 3 {
		t.Fatalf("first ingest: %d %s %s", code, out, errb)
	}
	noSecret(t, dsn, out, errb)
	if code, out, _ := runEnv(t, map[string]string{storeEnv: dsn}, "source", "courier/harbour"); code != exitOK || !strings.Contains(out, "has no plan to dredge") {
		t.Errorf("source from the store: %d\n%s", code, out)
	}
	if code, out, _ := runEnv(t, nil, "sources", "--store", dsn); code != exitOK || !strings.Contains(out, "council") {
		t.Errorf("sources from the store: %d\n%s", code, out)
	}
	code, out2, errb := runEnv(t, map[string]string{storeEnv: dsn}, "ingest", dir)
	if code != exitOK || summaryCount(t, out2, "unchanged") != 3 || summaryCount(t, out2, "embedded") != 0 ||
		!strings.Contains(out2, "nothing changed") || !strings.Contains(out2, "(generation 1)") {
		t.Fatalf("second ingest: %d %s %s", code, out2, errb)
	}
	// A changed document is written again; the others keep their rows.
	writeFiles(t, dir, map[string]string{"council.md": "---\ntitle: Council statement\n---\nThe council now says dredging starts in June.\n"})
	code, out3, errb := runEnv(t, nil, "ingest", "--store", dsn, dir)
	if code != exitOK || summaryCount(t, out3, "updated") != 1 || summaryCount(t, out3, "unchanged") != 2 || !strings.Contains(out3, "(generation 2)") {
		t.Fatalf("third ingest: %d %s %s", code, out3, errb)
	}
}

// While one ingest holds the store's lock, a second refuses at once.
func TestStoreConcurrentIngestRefuses(t *testing.T) {
	dsn := storeDSN(t)
	st, err := pgstore.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	unlock, err := st.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	code, _, errb := runEnv(t, nil, "ingest", "--store", dsn, newsFolder(t))
	unlock()
	if code != exitFail || !strings.Contains(errb, "another ingest is writing to this store") {
		t.Errorf("ingest while another runs: %d %q", code, errb)
	}
	noSecret(t, dsn, errb)
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, newsFolder(t)); code != exitOK {
		t.Errorf("ingest after the other finished: %d %s %s", code, out, errb)
	}
}

// The store answers as a corpus directory does, whether vector search
// runs in the database (pgvector) or in process: the same JSON, the same
// disputes, and it says at start where vector search runs and why.
func TestStoreAnswersAsTheCorpus(t *testing.T) {
	story, err := filepath.Abs("../../corpus/testdata/stories/dam")
	if err != nil {
		t.Fatal(err)
	}
	stores := []struct {
		name string
		dsn  func(*testing.T) string
		note string
	}{
		{"postgres", storeDSN, "vector search runs in process over vectors loaded from postgres://"},
		{"pgvector", vectorStoreDSN, "vector search runs in the database with pgvector (HNSW) on postgres://"},
	}
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			dsn := st.dsn(t)
			if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, story); code != exitOK {
				t.Fatalf("ingest: %d %s %s", code, out, errb)
			}
			for _, q := range []string{"How many people died?", "Did the dam fail?", "Who built the bridge on the moon?"} {
				code, fromStore, errb := runEnv(t, nil, "ask", "--json", "--store", dsn, q)
				if code != exitOK || !strings.Contains(errb, st.note) {
					t.Fatalf("ask --store: %d %q, want it to say %q", code, errb, st.note)
				}
				noSecret(t, dsn, fromStore, errb)
				_, fromDir, _ := runEnv(t, nil, "ask", "--json", "--corpus", story, q)
				var a, b answer.Answer
				if err := json.Unmarshal([]byte(fromStore), &a); err != nil {
					t.Fatal(err)
				}
				if err := json.Unmarshal([]byte(fromDir), &b); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(a, b) {
					t.Errorf("%q: answer through the store differs from the corpus directory's:\nstore  %s\ncorpus %s", q, fromStore, fromDir)
				}
			}
			_, fromStore, _ := runEnv(t, nil, "disputes", "--json", "--store", dsn)
			_, fromDir, _ := runEnv(t, nil, "disputes", "--json", "--corpus", story)
			if fromStore != fromDir || !strings.Contains(fromDir, `"id": "d-`) {
				t.Errorf("disputes through the store:\n%s\nfrom the corpus:\n%s", fromStore, fromDir)
			}
			if code, _, errb := runEnv(t, nil, "ask", "--store", dsn, "--corpus", story, "Did the dam fail?"); code != exitFail || !strings.Contains(errb, "not both") {
				t.Errorf("--store with --corpus: %d %q", code, errb)
			}
		})
	}
}

// Without pgvector, every start says that vector search runs in process
// and why: never a silent degradation.
func TestStoreSaysWhyVectorsRunInProcess(t *testing.T) {
	dsn := storeDSN(t)
	st, err := pgstore.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	sup, err := st.Vectors(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if sup.Available {
		t.Skip("this PostgreSQL offers pgvector; the fallback needs a server without it")
	}
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, newsFolder(t)); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	code, _, errb := runEnv(t, nil, "ask", "--store", dsn, "Will the channel be dredged?")
	want := "crosscheck: vector search runs in process over vectors loaded from " + pgstore.Redact(dsn) + " (the server has no pgvector extension)\n"
	if code != exitOK || !strings.Contains(errb, want) {
		t.Errorf("ask on a store without pgvector: %d %q, want %q", code, errb, want)
	}
}

// Two serve replicas share one store; Slack hands each question to both
// (a delivery and its redelivery to another replica): every question is
// answered exactly once.
func TestStoreReplicasAnswerOnce(t *testing.T) {
	dsn := storeDSN(t)
	story, _ := filepath.Abs("../../corpus/testdata/stories/dam")
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, story); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	ctx, cancel := context.WithCancel(context.Background())
	type replica struct {
		sl     *slacktest.Server
		addr   string
		stderr *lockedBuffer
		exit   chan int
	}
	var reps []*replica
	for range 2 {
		r := &replica{sl: slacktest.New(t, slacktest.Options{}), addr: freeAddr(t), stderr: &lockedBuffer{}, exit: make(chan int, 1)}
		environ := map[string]string{
			"SLACK_BOT_TOKEN": r.sl.BotToken(), "SLACK_APP_TOKEN": r.sl.AppToken(), "SLACK_API_URL": r.sl.URL,
			"CROSSCHECK_DATA": t.TempDir(), storeEnv: dsn,
		}
		go func() {
			r.exit <- run(ctx, []string{"serve", "--metrics-addr", r.addr, "--shutdown-grace", "5s"}, slackTestEnv(environ), nil, io.Discard, r.stderr)
		}()
		reps = append(reps, r)
	}
	defer func() {
		cancel()
		for _, r := range reps {
			select {
			case <-r.exit:
			case <-time.After(15 * time.Second):
				t.Error("serve did not exit after cancel")
			}
			noSecret(t, dsn, r.stderr.String())
		}
	}()
	for _, r := range reps {
		if !r.sl.WaitConnected(1, 20*time.Second) {
			t.Fatalf("replica never connected; stderr:\n%s", r.stderr.String())
		}
		ready := func() bool {
			code, body := httpGet(t, "http://"+r.addr+"/readyz")
			return code == http.StatusOK && strings.Contains(body, `"store":"reachable"`)
		}
		if !slacktest.Eventually(10*time.Second, ready) {
			t.Errorf("/readyz never said ready with the store reachable")
		}
	}
	const questions = 6
	var tss [questions]string
	for i := range questions {
		// The first replica gets the question; Slack redelivers the same
		// event (same event id) to the second, as after a missed ack.
		text := "How many people died? (question " + strconv.Itoa(i) + ")"
		var eventID string
		eventID, tss[i] = reps[0].sl.Mention("C0GENERAL", "U0ALICE", text, "")
		redeliver(t, reps[1].sl, eventID, tss[i], "C0GENERAL", "U0ALICE", text)
	}
	handled := func() (answered, dup int) {
		for _, r := range reps {
			_, body := httpGet(t, "http://"+r.addr+"/metrics")
			for _, m := range questionCount.FindAllStringSubmatch(body, -1) {
				n, _ := strconv.Atoi(m[2])
				if m[1] == "duplicate" {
					dup += n
				} else {
					answered += n
				}
			}
		}
		return answered, dup
	}
	if !slacktest.Eventually(30*time.Second, func() bool { a, d := handled(); return a+d == 2*questions }) {
		a, d := handled()
		t.Fatalf("handled %d answered + %d duplicates, want %d deliveries", a, d, 2*questions)
	}
	if a, d := handled(); a != questions || d != questions {
		t.Errorf("%d answered and %d dropped as duplicates, want %d each", a, d, questions)
	}
	for _, ts := range tss {
		n := 0
		for _, r := range reps {
			n += len(r.sl.Thread("C0GENERAL", ts))
		}
		if n != 1 {
			t.Errorf("question %s has %d answers across replicas, want 1", ts, n)
		}
	}
}

// redeliver sends sl the app_mention the other loopback delivered as
// eventID, as Slack's redelivery to another connection of the app.
func redeliver(t *testing.T, sl *slacktest.Server, eventID, ts, channel, user, text string) {
	t.Helper()
	payload := map[string]any{
		"token": "verification-token-unused", "team_id": slacktest.TeamID, "api_app_id": slacktest.AppID,
		"type": "event_callback", "event_id": eventID, "event_time": time.Now().Unix(),
		"event": map[string]any{"type": "app_mention", "user": user, "text": "<@" + slacktest.BotUser + "> " + text,
			"ts": ts, "channel": channel, "event_ts": ts},
		"authorizations": []map[string]any{{"team_id": slacktest.TeamID, "user_id": slacktest.BotUser, "is_bot": true}},
	}
	env := "redelivery-" + eventID
	frame, err := json.Marshal(map[string]any{"envelope_id": env, "type": "events_api", "payload": payload,
		"accepts_response_payload": false, "retry_attempt": 1, "retry_reason": "timeout"})
	if err != nil {
		t.Fatal(err)
	}
	sl.SendRaw(env, frame)
}

var questionCount = regexp.MustCompile(`crosscheck_questions_total\{outcome="([a-z]+)",route="mention"\} (\d+)`)

// tcpProxy forwards loopback connections to a server and can cut them
// all, as a network partition from the database would.
type tcpProxy struct {
	t      *testing.T
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

// damStoreBehindProxy ingests the dam story into a store of the test's own
// and returns its DSN pointing at a loopback proxy the test can cut.
func damStoreBehindProxy(t *testing.T) (*url.URL, *tcpProxy) {
	t.Helper()
	dsn := storeDSN(t)
	story, _ := filepath.Abs("../../corpus/testdata/stories/dam")
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, story); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	u, _ := url.Parse(dsn)
	proxy := newTCPProxy(t, u.Host)
	u.Host = proxy.addr
	return u, proxy
}

func newTCPProxy(t *testing.T, target string) *tcpProxy {
	p := &tcpProxy{t: t, target: target, addr: "127.0.0.1:0"}
	p.start()
	t.Cleanup(p.stop)
	return p
}

func (p *tcpProxy) start() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy listen: %v", err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
}

func (p *tcpProxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// While the database is unreachable /readyz says so, questions are still
// answered from the index in memory, and readiness returns with the
// database.
func TestStoreReadyzFollowsTheDatabase(t *testing.T) {
	u, proxy := damStoreBehindProxy(t)
	sl := slacktest.New(t, slacktest.Options{})
	addr := freeAddr(t)
	environ := map[string]string{
		"SLACK_BOT_TOKEN": sl.BotToken(), "SLACK_APP_TOKEN": sl.AppToken(), "SLACK_API_URL": sl.URL,
		"CROSSCHECK_DATA": t.TempDir(),
	}
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &lockedBuffer{}
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve", "--store", u.String(), "--metrics-addr", addr, "--shutdown-grace", "5s"}, slackTestEnv(environ), nil, io.Discard, stderr)
	}()
	defer func() {
		cancel()
		<-exit
		noSecret(t, u.String(), stderr.String())
	}()
	if !sl.WaitConnected(1, 20*time.Second) {
		t.Fatalf("serve never connected; stderr:\n%s", stderr.String())
	}
	probe := func(want int, store string) func() bool {
		return func() bool {
			code, body := httpGet(t, "http://"+addr+"/readyz")
			return code == want && strings.Contains(body, `"store":"`+store+`"`)
		}
	}
	if !slacktest.Eventually(10*time.Second, probe(http.StatusOK, "reachable")) {
		t.Fatalf("/readyz never ready; stderr:\n%s", stderr.String())
	}
	proxy.stop()
	if !slacktest.Eventually(20*time.Second, probe(http.StatusServiceUnavailable, "unreachable")) {
		t.Fatalf("/readyz stayed ready with the database unreachable")
	}
	_, ts := sl.Mention("C0GENERAL", "U0ALICE", "How many people died?", "")
	if !slacktest.Eventually(20*time.Second, func() bool {
		th := sl.Thread("C0GENERAL", ts)
		return len(th) == 1 && th[0].Updates == 1
	}) {
		t.Errorf("a question asked while the database is away was not answered; stderr:\n%s", stderr.String())
	}
	proxy.start()
	if !slacktest.Eventually(20*time.Second, probe(http.StatusOK, "reachable")) {
		t.Errorf("/readyz not ready again after the database came back")
	}
}

// A replica reading a store swaps in the generation a later ingest makes
// current, and only then.
func TestStoreServeReloadsANewIngest(t *testing.T) {
	dsn, dir := storeDSN(t), newsFolder(t)
	story, _ := filepath.Abs("../../corpus/testdata/stories/dam")
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, story); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	live, err := openLive(context.Background(), "", "", dsn, noEnv, io.Discard, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer live.store.Close()
	if live.Doc("council") != nil {
		t.Fatal("the document is served before it was ingested")
	}
	if swapped, err := live.Reload(context.Background()); swapped || err != nil {
		t.Errorf("Reload with nothing new: %v %v", swapped, err)
	}
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, dir); code != exitOK {
		t.Fatalf("second ingest: %d %s %s", code, out, errb)
	}
	swapped, err := live.Reload(context.Background())
	if err != nil || !swapped {
		t.Fatalf("Reload after an ingest: %v %v", swapped, err)
	}
	if live.Doc("council") == nil || live.Doc("coastline-times-toll") == nil {
		t.Error("the new generation (old and new documents) is not served")
	}
}
