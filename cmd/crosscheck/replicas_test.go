package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/bot/slacktest"
)

// Kill test sizes: questions in the burst during which a replica is
// killed, and in the wave after it restarted.
const (
	killBurst  = 40
	rejoinWave = 30
	// killAtAck is which of the victim's acks it is killed right after.
	killAtAck = 4
	// testClaimTimeout is short so the test does not wait long for the
	// sweep; heartbeats come every quarter of it. At 3 s a loaded CI
	// machine (2 cores, every package's tests at once) stalled heartbeats
	// long enough for a live replica's question to be taken over.
	testClaimTimeout = 6 * time.Second
)

// TestReplicasSurviveAKill runs two, then three, real `crosscheck serve`
// processes sharing one PostgreSQL store against one loopback Slack that
// hands each envelope to one connection at random and redelivers what is
// not acked. One replica is SIGKILLed right after it acked a question,
// mid-burst: every question is answered exactly once (unacked envelopes by
// redelivery, acked ones by another replica's sweep after the claim
// timeout). The killed replica is restarted, rejoins and answers again.
func TestReplicasSurviveAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds crosscheck and runs several serve processes")
	}
	pgOrSkip(t)
	bin := buildCrosscheck(t)
	for _, n := range []int{2, 3} {
		t.Run(fmt.Sprintf("%d replicas", n), func(t *testing.T) { runKill(t, bin, n) })
	}
}

// pgOrSkip skips before the build when there is no PostgreSQL to run on.
func pgOrSkip(t *testing.T) {
	t.Helper()
	if os.Getenv("CROSSCHECK_TEST_PG") == "" {
		t.Skip("CROSSCHECK_TEST_PG is not set: no PostgreSQL to test against (.ci/run starts one)")
	}
}

// buildCrosscheck builds this command into a temporary directory, with
// -race when the tests run with it (the race-built packages are then in
// the build cache already, so it is mostly a link).
func buildCrosscheck(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build crosscheck with")
	}
	bin := filepath.Join(t.TempDir(), "crosscheck")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	cmd := exec.Command(goTool, append(args, ".")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// serveProc is one `crosscheck serve` process.
type serveProc struct {
	t      *testing.T
	bin    string
	env    []string
	addr   string
	cmd    *exec.Cmd
	stderr *lockedBuffer
	conn   int // its Socket Mode connection in the loopback
	exited chan struct{}
}

func (p *serveProc) start(sl *slacktest.Server) {
	p.t.Helper()
	want := sl.Connections() + 1
	p.stderr = &lockedBuffer{}
	p.cmd = exec.Command(p.bin, "serve", "--metrics-addr", p.addr)
	p.cmd.Env, p.cmd.Stderr = p.env, p.stderr
	if err := p.cmd.Start(); err != nil {
		p.t.Fatalf("start serve: %v", err)
	}
	p.exited = make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(p.exited) }()
	if !sl.WaitConnected(want, 60*time.Second) {
		p.t.Fatalf("replica never connected; stderr:\n%s", p.stderr.String())
	}
	p.conn = want
}

// stop ends the process with SIGTERM (a clean shutdown) unless it exited.
func (p *serveProc) stop() {
	select {
	case <-p.exited:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}

func (p *serveProc) metric(re *regexp.Regexp) int {
	_, body := httpGet(p.t, "http://"+p.addr+"/metrics")
	n := 0
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		v, _ := strconv.Atoi(m[len(m)-1])
		n += v
	}
	return n
}

var (
	takenOverCount = regexp.MustCompile(`(?m)^crosscheck_questions_taken_over_total (\d+)$`)
	answeredCount  = regexp.MustCompile(`crosscheck_questions_total\{outcome="(?:answered|abstained)",route="mention"\} (\d+)`)
	duplicateCount = regexp.MustCompile(`crosscheck_questions_total\{outcome="duplicate",route="mention"\} (\d+)`)
)

func runKill(t *testing.T, bin string, n int) {
	dsn := storeDSN(t)
	story, _ := filepath.Abs("../../corpus/testdata/stories/dam")
	if code, out, errb := runEnv(t, nil, "ingest", "--store", dsn, story); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	sl := slacktest.New(t, slacktest.Options{SeveralConnections: true})
	reps := make([]*serveProc, n)
	for i := range reps {
		reps[i] = &serveProc{t: t, bin: bin, addr: freeAddr(t), env: []string{
			"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
			"SLACK_BOT_TOKEN=" + sl.BotToken(), "SLACK_APP_TOKEN=" + sl.AppToken(), "SLACK_API_URL=" + sl.URL,
			"CROSSCHECK_STORE=" + dsn, "CROSSCHECK_DATA=" + t.TempDir(),
			"CROSSCHECK_CLAIM_TIMEOUT=" + testClaimTimeout.String(), "CROSSCHECK_SHUTDOWN_GRACE=5s",
			"CROSSCHECK_WORKERS=2", "CROSSCHECK_LOG_LEVEL=info",
		}}
		reps[i].start(sl)
	}
	t.Cleanup(func() {
		for _, r := range reps {
			r.stop()
			logs := r.stderr.String()
			noSecret(t, dsn, logs)
			for _, tok := range []string{sl.BotToken(), sl.AppToken()} {
				if strings.Contains(logs, tok) {
					t.Errorf("a token appears in a replica's logs")
				}
			}
			if strings.Contains(logs, "DATA RACE") {
				t.Errorf("a replica reported a data race:\n%s", logs)
			}
		}
	})
	if !slacktest.Eventually(10*time.Second, func() bool { return sl.OpenConnections() == n }) {
		t.Fatalf("%d connections open, want %d", sl.OpenConnections(), n)
	}

	// The victim is killed the moment its killAtAck-th ack reaches Slack:
	// that question is recorded and acked, and not answered yet.
	victim := reps[0]
	var (
		mu        sync.Mutex
		victimAck int
		killedKey string
	)
	sl.OnAck(func(d slacktest.Delivery) {
		mu.Lock()
		defer mu.Unlock()
		if d.AckedOn != victim.conn || d.Type != "events_api" || killedKey != "" {
			return
		}
		if victimAck++; victimAck == killAtAck {
			killedKey = d.Key
			_ = victim.cmd.Process.Kill()
		}
	})
	burst := ask(sl, "burst", killBurst)
	<-victim.exited
	mu.Lock()
	t.Logf("replica 1 of %d killed (SIGKILL) right after acking %s", n, killedKey)
	mu.Unlock()
	allAnswered(t, sl, burst)
	redelivered := 0
	for _, d := range sl.Deliveries() {
		if d.Reason == "timeout" {
			redelivered++
		}
	}

	live := reps[1:]
	takenOver, dups := 0, 0
	for _, r := range live {
		takenOver += r.metric(takenOverCount)
		dups += r.metric(duplicateCount)
	}
	if takenOver == 0 {
		t.Errorf("no replica took over a question the killed one acked")
	}

	victim.start(sl)
	if !slacktest.Eventually(10*time.Second, func() bool { return sl.OpenConnections() == n }) {
		t.Fatalf("%d connections open after the restart, want %d", sl.OpenConnections(), n)
	}
	wave := ask(sl, "wave", rejoinWave)
	allAnswered(t, sl, wave)
	answeredOnce(t, sl, append(burst, wave...))
	if got := victim.metric(answeredCount); got == 0 {
		t.Errorf("the restarted replica answered none of %d questions", rejoinWave)
	}
	t.Logf("%d replicas: %d questions in the burst and %d after the restart, each answered exactly once; "+
		"%d envelopes redelivered after a missed ack, %d redeliveries dropped as duplicates, "+
		"%d questions taken over from the killed replica after the claim timeout; "+
		"the restarted replica answered %d", n, killBurst, rejoinWave, redelivered, dups, takenOver, victim.metric(answeredCount))
}

// ask sends count mentions at once, each a distinct question, and returns
// their timestamps.
func ask(sl *slacktest.Server, label string, count int) []string {
	var tss []string
	for i := range count {
		_, ts := sl.Mention("C0GENERAL", "U0ALICE", fmt.Sprintf("How many people died? (%s %d)", label, i), "")
		tss = append(tss, ts)
	}
	return tss
}

// answers counts, in the thread of the question at ts, the messages that
// are final (not a placeholder), how many times an answer was shown (a
// message's versions that are not a placeholder), and placeholders left.
func answers(sl *slacktest.Server, ts string) (final, shown, stuck int) {
	for _, m := range sl.Thread("C0GENERAL", ts) {
		if strings.HasPrefix(m.Text, ":hourglass") {
			stuck++
		} else {
			final++
		}
		for _, v := range m.Versions {
			if !strings.HasPrefix(v, ":hourglass") {
				shown++
			}
		}
	}
	return final, shown, stuck
}

// allAnswered waits until every question has an answer.
func allAnswered(t *testing.T, sl *slacktest.Server, tss []string) {
	t.Helper()
	if !slacktest.Eventually(90*time.Second, func() bool {
		for _, ts := range tss {
			if final, _, _ := answers(sl, ts); final == 0 {
				return false
			}
		}
		return true
	}) {
		missing := 0
		for _, ts := range tss {
			if final, _, _ := answers(sl, ts); final == 0 {
				missing++
			}
		}
		t.Fatalf("%d of %d questions never answered", missing, len(tss))
	}
}

// answeredOnce checks, after another replica would have had time to answer
// any of them again (a claim timeout and a sweep), that each question got
// exactly one answer: one message in its thread that is not a placeholder,
// shown once (a placeholder updated with an answer, never with a second).
func answeredOnce(t *testing.T, sl *slacktest.Server, tss []string) {
	t.Helper()
	time.Sleep(testClaimTimeout + testClaimTimeout/2)
	stuckTotal := 0
	for _, ts := range tss {
		final, shown, stuck := answers(sl, ts)
		stuckTotal += stuck
		if final != 1 || shown != 1 {
			var texts []string
			for _, m := range sl.Thread("C0GENERAL", ts) {
				texts = append(texts, m.Versions...)
			}
			t.Errorf("question %s: %d answers in its thread shown %d times, want exactly 1: %q", ts, final, shown, texts)
		}
		for _, m := range sl.Thread("C0GENERAL", ts) {
			if strings.HasPrefix(m.Text, ":warning:") || strings.HasPrefix(m.Text, ":traffic_light:") || strings.HasPrefix(m.Text, ":zzz:") {
				t.Errorf("question %s was not answered: %q", ts, m.Text)
			}
		}
	}
	if stuckTotal > 0 {
		t.Logf("%d placeholders left without an answer beside their question's answer (a replica died between posting one and recording it)", stuckTotal)
	}
}
