package bot

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

func TestPoolBoundsQueueAndDrains(t *testing.T) {
	release := make(chan struct{})
	var ran atomic.Int32
	p := newPool(2, 3, nil)
	job := func(ctx context.Context) { <-release; ran.Add(1) }
	accepted := 0
	for range 10 {
		if p.submit(job) {
			accepted++
		}
		time.Sleep(time.Millisecond) // let workers pick up
	}
	if accepted != 5 {
		t.Errorf("accepted %d jobs, want 2 running + 3 queued", accepted)
	}
	close(release)
	if err := p.shutdown(context.Background()); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if got := ran.Load(); got != int32(accepted) {
		t.Errorf("ran %d of %d accepted jobs", got, accepted)
	}
	if p.submit(job) {
		t.Error("submit accepted after shutdown")
	}
}

func TestPoolShutdownDeadlineCancelsWork(t *testing.T) {
	p := newPool(1, 1, nil)
	var sawCancel atomic.Bool
	started := make(chan struct{})
	p.submit(func(ctx context.Context) {
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
