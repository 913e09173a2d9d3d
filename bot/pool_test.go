package bot

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// submit admits fn and hands it over at once; false when refused.
func submit(p *pool, fn func(context.Context)) bool {
	j, _, ok := p.admit()
	if ok {
		p.run(j, fn)
	}
	return ok
}

// occupy starts n jobs that hold their workers until release is closed.
func occupy(t *testing.T, p *pool, n int, release chan struct{}) {
	t.Helper()
	var started atomic.Int32
	for range n {
		if !submit(p, func(context.Context) { started.Add(1); <-release }) {
			t.Fatal("pool refused a job with idle workers")
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for started.Load() < int32(n) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d jobs started", started.Load(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestPoolAdmitsByExpectedWait(t *testing.T) {
	p := newPool(2, 1000, time.Second, nil)
	clock := time.Unix(1_700_000_000, 0)
	p.mu.Lock()
	p.now = func() time.Time { return clock }
	// Answers have been taking 100 ms.
	p.took.observe(100 * time.Millisecond)
	p.mu.Unlock()
	release := make(chan struct{})
	occupy(t, p, 2, release)

	// With both workers busy, the k-th waiting question (from 1) expects
	// k × 100 ms ÷ 2 workers: twenty fit in a second, the 21st does not.
	var last place
	admitted := 0
	for {
		j, pl, ok := p.admit()
		if !ok {
			last = pl
			break
		}
		if want := admitted + 2; pl.Ahead != want {
			t.Errorf("question %d: %d ahead, want %d", admitted+1, pl.Ahead, want)
		}
		p.run(j, func(context.Context) {})
		admitted++
		if admitted > 100 {
			t.Fatal("admitted 100 questions with a 1 s deadline and 100 ms answers")
		}
	}
	if admitted != 20 {
		t.Errorf("admitted %d questions, want 20 (20 × 100 ms ÷ 2 workers = 1 s)", admitted)
	}
	if last.Ahead != 22 || last.Wait <= time.Second {
		t.Errorf("refused question: %+v, want 22 ahead and a wait past 1 s", last)
	}
	close(release)
	if err := p.shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestPoolAdmitsEverythingBeforeAnyMeasurement(t *testing.T) {
	p := newPool(1, 1000, time.Millisecond, nil)
	clock := time.Unix(1_700_000_000, 0)
	p.mu.Lock()
	p.now = func() time.Time { return clock }
	p.mu.Unlock()
	release := make(chan struct{})
	occupy(t, p, 1, release)
	for i := range 200 {
		if !submit(p, func(context.Context) {}) {
			t.Fatalf("question %d refused with no answer time measured yet", i+1)
		}
	}
	close(release)
	_ = p.shutdown(context.Background())
}

func TestPoolHangingAnswerRaisesTheEstimate(t *testing.T) {
	p := newPool(1, 1000, time.Second, nil)
	clock := time.Unix(1_700_000_000, 0)
	var now atomic.Int64
	now.Store(clock.UnixNano())
	p.mu.Lock()
	p.now = func() time.Time { return time.Unix(0, now.Load()) }
	p.took.observe(10 * time.Millisecond)
	p.mu.Unlock()
	release := make(chan struct{})
	occupy(t, p, 1, release)
	if !submit(p, func(context.Context) {}) {
		t.Fatal("refused with 10 ms answers")
	}
	// Three seconds into an answer that usually takes 10 ms the engine is
	// slow, but may only be sharing the CPU with a burst: still admitted.
	now.Add(int64(3 * time.Second))
	if j, pl, ok := p.admit(); !ok {
		t.Errorf("refused with wait %v three seconds into one answer", pl.Wait)
	} else {
		p.run(j, func(context.Context) {})
	}
	// Past five seconds it has hung: waiting behind it is at least that,
	// whatever earlier answers took.
	now.Add(int64(3 * time.Second))
	if _, pl, ok := p.admit(); ok || pl.Wait < 6*time.Second {
		t.Errorf("admitted = %v with wait %v behind a 6 s answer, want refused", ok, pl.Wait)
	}
	close(release)
	_ = p.shutdown(context.Background())
}

func TestPoolCeilingAndDrain(t *testing.T) {
	release := make(chan struct{})
	var ran atomic.Int32
	p := newPool(2, 3, time.Hour, nil)
	occupy(t, p, 2, release)
	accepted := 0
	for range 10 {
		if submit(p, func(context.Context) { ran.Add(1) }) {
			accepted++
		}
	}
	if accepted != 3 {
		t.Errorf("accepted %d waiting jobs, want the ceiling of 3", accepted)
	}
	close(release)
	if err := p.shutdown(context.Background()); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if got := ran.Load(); got != int32(accepted) {
		t.Errorf("ran %d of %d accepted jobs", got, accepted)
	}
	if submit(p, func(context.Context) {}) {
		t.Error("admitted after shutdown")
	}
}

func TestPoolSkipsJobsStillBeingSetUp(t *testing.T) {
	p := newPool(1, 10, time.Hour, nil)
	slow, _, _ := p.admit() // its placeholder is held up
	done := make(chan struct{})
	if !submit(p, func(context.Context) { close(done) }) {
		t.Fatal("refused")
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a job whose placeholder is still being posted blocked the one behind it")
	}
	p.drop(slow)
	if err := p.shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestPoolShutdownDeadlineCancelsWork(t *testing.T) {
	p := newPool(1, 1, time.Hour, nil)
	var sawCancel atomic.Bool
	started := make(chan struct{})
	submit(p, func(ctx context.Context) {
		close(started)
		<-ctx.Done()
		sawCancel.Store(true)
	})
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := p.shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("shutdown = %v, want deadline exceeded", err)
	}
	if !sawCancel.Load() {
		t.Error("running job did not see its context cancelled, or shutdown returned before it finished")
	}
}
