package bot

import (
	"context"
	"sync"
	"time"
)

// pool runs questions on a fixed number of workers and decides, when a
// question arrives, whether it may wait for one. The rule is the wait a
// person would see, not the length of the line: a hundred questions that
// take 50 ms each are a five-second wait and all fit, while ten that take a
// minute each do not. Only a question whose expected wait is past maxWait
// is turned away.
//
// A place is taken in two steps, admit then run, so the caller can post the
// placeholder ("2 questions ahead of yours") in between: the work itself
// needs the placeholder's timestamp. Workers pick the oldest job whose work
// has been handed over and skip ones still being set up, so a placeholder
// held up by a rate limit never idles a worker.
type pool struct {
	workers int
	maxWait time.Duration
	// maxQueued is a ceiling on waiting jobs whatever the wait, so memory
	// stays bounded when answers are fast and a flood never ends.
	maxQueued int

	// work is the context jobs run under. It is not the serve context: a
	// shutdown signal stops new work at once but lets in-flight answers
	// finish; only when the grace period runs out is work cancelled.
	work   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	ready   *sync.Cond
	queue   []*job
	running map[*job]time.Time
	took    answerTimes
	closed  bool

	onDepth func(int) // queue depth, for the gauge
	now     func() time.Time
}

// job is one admitted question.
type job struct {
	fn func(context.Context) // nil until run hands it over
}

// place is where an admitted (or refused) question stands.
type place struct {
	// Ahead is the number of questions admitted before this one that have
	// not finished: waiting or being answered. Zero when a worker is free.
	Ahead int
	// Wait is the expected time before a worker starts on it.
	Wait time.Duration
}

func newPool(workers, maxQueued int, maxWait time.Duration, onDepth func(int)) *pool {
	work, cancel := context.WithCancel(context.Background())
	p := &pool{
		workers:   workers,
		maxWait:   maxWait,
		maxQueued: maxQueued,
		work:      work,
		cancel:    cancel,
		running:   map[*job]time.Time{},
		onDepth:   onDepth,
		now:       time.Now,
	}
	p.ready = sync.NewCond(&p.mu)
	if p.onDepth == nil {
		p.onDepth = func(int) {}
	}
	for range workers {
		p.wg.Go(p.worker)
	}
	return p
}

// admit takes a place in line for a question, or refuses it (false) when
// its expected wait is past maxWait, the line is at its ceiling, or the pool
// is shutting down. An admitted job must be handed to run or drop.
func (p *pool) admit() (*job, place, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	pl := p.placeLocked()
	if p.closed || len(p.queue) >= p.maxQueued || pl.Wait > p.maxWait {
		return nil, pl, false
	}
	j := &job{}
	p.queue = append(p.queue, j)
	p.onDepth(len(p.queue))
	return j, pl, true
}

// placeLocked is where a question arriving now would stand. With every
// worker busy, the k-th waiting question starts after about k answers'
// time spread over the workers: (waiting+1) × answer time ÷ workers.
func (p *pool) placeLocked() place {
	ahead := len(p.queue) + len(p.running)
	if ahead < p.workers {
		return place{}
	}
	per := p.took.estimate(p.now(), p.running)
	return place{Ahead: ahead, Wait: time.Duration(len(p.queue)+1) * per / time.Duration(p.workers)}
}

// run hands an admitted job its work; a worker starts it in turn.
func (p *pool) run(j *job, fn func(context.Context)) {
	p.mu.Lock()
	j.fn = fn
	p.mu.Unlock()
	p.ready.Broadcast()
}

// drop gives up an admitted job's place (its placeholder could not be
// posted, so there is no one to answer).
func (p *pool) drop(j *job) {
	p.run(j, func(context.Context) {})
}

func (p *pool) worker() {
	for {
		j, ok := p.next()
		if !ok {
			return
		}
		start := p.now()
		j.fn(p.work)
		p.mu.Lock()
		delete(p.running, j)
		p.took.observe(p.now().Sub(start))
		p.mu.Unlock()
		p.ready.Broadcast() // a shutdown may be waiting for the last one
	}
}

// next blocks until a job is ready or the pool is closed and empty.
func (p *pool) next() (*job, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		for i, j := range p.queue {
			if j.fn != nil {
				p.queue = append(p.queue[:i], p.queue[i+1:]...)
				p.running[j] = p.now()
				p.onDepth(len(p.queue))
				return j, true
			}
		}
		if p.closed && len(p.queue) == 0 {
			return nil, false
		}
		p.ready.Wait()
	}
}

// shutdown stops admitting and waits for queued and running jobs. If ctx
// ends first, running and queued jobs see their context cancelled (so they
// can tell their user), and shutdown waits for them to return before
// reporting ctx's error.
func (p *pool) shutdown(ctx context.Context) error {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.ready.Broadcast()
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

// answerTimes estimates how long one job holds a worker, from the jobs that
// finished: an exponentially weighted mean, so the estimate follows a
// corpus that grew or an endpoint that slowed down within a few answers.
type answerTimes struct {
	mean time.Duration
	n    int
}

// answerTimeWeight is the weight of the newest answer in the mean: about
// the last ten answers count.
const answerTimeWeight = 0.2

func (a *answerTimes) observe(d time.Duration) {
	if a.n == 0 {
		a.mean = d
	} else {
		a.mean = time.Duration(answerTimeWeight*float64(d) + (1-answerTimeWeight)*float64(a.mean))
	}
	a.n++
}

// estimate is the expected time per job: the measured mean, or more when
// the jobs running now have clearly hung (an engine or model endpoint that
// stalls must not keep admitting on old, fast numbers). A job counts as
// hung only past hungAfter: under a burst, answers run slower for a moment
// while hundreds of placeholders are posted beside them, and that is no
// reason to turn people away. Before any answer has finished there is no
// evidence of a wait, and nothing is turned away.
func (a *answerTimes) estimate(now time.Time, running map[*job]time.Time) time.Duration {
	hung := max(hungFactor*a.mean, hungFloor)
	est := a.mean
	for _, started := range running {
		if took := now.Sub(started); took > hung {
			est = max(est, took)
		}
	}
	return est
}

// A running job is taken as hung after ten times the mean answer time, and
// never before five seconds.
const (
	hungFactor = 10
	hungFloor  = 5 * time.Second
)
