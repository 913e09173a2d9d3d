package bot

import (
	"context"
	"sync"
)

// pool runs jobs on a fixed number of workers fed by a bounded queue. Submit
// never blocks: a full queue is the caller's cue to tell the user "busy"
// instead of letting envelopes pile up behind slow answers.
type pool struct {
	jobs chan func(context.Context)
	// work is the context jobs run under. It is not the serve context: a
	// shutdown signal stops new work at once but lets in-flight answers
	// finish; only when the grace period runs out is work cancelled.
	work   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.RWMutex
	closed bool

	onDepth func(int) // queue depth, for the gauge
}

func newPool(workers, queue int, onDepth func(int)) *pool {
	work, cancel := context.WithCancel(context.Background())
	p := &pool{
		jobs:    make(chan func(context.Context), queue),
		work:    work,
		cancel:  cancel,
		onDepth: onDepth,
	}
	if p.onDepth == nil {
		p.onDepth = func(int) {}
	}
	for range workers {
		p.wg.Go(func() {
			for job := range p.jobs {
				p.onDepth(len(p.jobs))
				job(p.work)
			}
		})
	}
	return p
}

// submit queues job and reports whether it was taken; false means the queue
// is full or the pool is shutting down.
func (p *pool) submit(job func(context.Context)) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return false
	}
	select {
	case p.jobs <- job:
		p.onDepth(len(p.jobs))
		return true
	default:
		return false
	}
}

// shutdown stops taking jobs and waits for queued and running ones. If ctx
// ends first, running jobs see their context cancelled (so they can tell
// their user), and shutdown waits for them to return before reporting
// ctx's error.
func (p *pool) shutdown(ctx context.Context) error {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.jobs)
	}
	p.mu.Unlock()
	done := make(chan struct{})
	go func() { p.wg.Wait(); close(done) }()
	select {
	case <-done:
		p.cancel()
		return nil
	case <-ctx.Done():
		p.cancel()
		<-done
		return ctx.Err()
	}
}
