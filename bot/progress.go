package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"
)

// DefaultProgressAfter is when a placeholder starts showing progress: an
// answer within two seconds feels immediate, past it a silent hourglass
// looks stuck.
const DefaultProgressAfter = 2 * time.Second

// progressEvery spaces later progress updates, well inside Slack's rate
// limit for chat.update (about one a second per channel).
const progressEvery = 10 * time.Second

// placeholder is a question's placeholder message while its answer is
// being found. Progress updates and the final answer go through it, so a
// late progress update can never overwrite the answer.
type placeholder struct {
	s       *Server
	channel string
	ts      string
	log     *slog.Logger

	mu   sync.Mutex
	done bool
	stop chan struct{}
}

// showProgress updates the placeholder after ProgressAfter, and every
// progressEvery after that, until finish is called.
func (s *Server) showProgress(channel, ts string, log *slog.Logger) *placeholder {
	p := &placeholder{s: s, channel: channel, ts: ts, log: log, stop: make(chan struct{})}
	if ts == "" {
		p.done = true // no placeholder to show progress in
		return p
	}
	started := time.Now()
	go func() {
		t := time.NewTimer(s.cfg.ProgressAfter)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
			p.update(s.progressText(time.Since(started)))
			t.Reset(progressEvery)
		}
	}()
	return p
}

func (p *placeholder) update(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := p.s.out.update(ctx, p.channel, p.ts, textPage(text)); err != nil {
		p.log.Warn("update placeholder with progress", "err", err)
	}
}

// finish stops progress updates; after it returns none will be sent, so
// the caller may show the answer.
func (p *placeholder) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.done {
		p.done = true
		close(p.stop)
	}
}

// progressText says what the search is doing and for how long it has run.
func (s *Server) progressText(elapsed time.Duration) string {
	return fmt.Sprintf("%s Searching %s passages in %s… (%s so far)", placeholderMark,
		thousands(s.passages), plural(s.cfg.Library.Len(), "document"), roughly(elapsed))
}

// thousands writes n with thousands separators: 12,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
