package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/retrieval"
)

// indexPollInterval is how often serve looks for a new ingest. Reading
// the manifest's generation costs one small file read.
const indexPollInterval = 5 * time.Second

// liveIndex answers from the newest index in a data directory. Ask and the
// Library methods go through one atomic pointer to an engine and its
// corpus; Reload swaps in a new pair when an ingest has written a new
// generation, and questions in flight finish on the pair they started
// with. It is a bot.Answerer and a bot.Library.
type liveIndex struct {
	cur atomic.Pointer[liveState]
	// dataDir is watched for new ingests; "" when answering from a
	// corpus directory, which is never reloaded.
	dataDir string
	// store, when serve answers from PostgreSQL, is watched instead.
	store *storeState
	opts  answer.Options
	// build makes an engine with whatever model stages serve was given.
	build func(context.Context, *corpus.Corpus, answer.Options) (*answer.Engine, error)
	log   *slog.Logger
	mu    sync.Mutex // one reload at a time
}

type liveState struct {
	eng *answer.Engine
	c   *corpus.Corpus
	gen int64
}

// openLive opens what serve answers from (see openAnswering) and
// remembers the data directory to watch when no corpus directory is named.
func openLive(ctx context.Context, corpusDir, dataDir, storeDSN string, getenv env, stderr io.Writer, log *slog.Logger,
	build func(context.Context, *corpus.Corpus, answer.Options) (*answer.Engine, error)) (*liveIndex, error) {
	c, opts, st, err := openAnsweringFrom(ctx, corpusDir, dataDir, storeDSN, getenv, stderr)
	if err != nil {
		return nil, err
	}
	if build == nil {
		build = func(ctx context.Context, c *corpus.Corpus, opts answer.Options) (*answer.Engine, error) {
			return answer.NewEngine(ctx, c, opts)
		}
	}
	l := &liveIndex{log: log, build: build}
	var gen int64
	if st != nil {
		l.store, gen = st, st.gen
	} else if corpusDir == "" && getenv("CROSSCHECK_CORPUS") == "" {
		l.dataDir = resolveDataDir(dataDir, getenv)
		if m, err := datadir.ReadManifest(l.dataDir); err == nil && opts.Searcher != nil {
			gen = m.Generation
		}
	}
	eng, err := l.build(ctx, c, opts)
	if err != nil {
		return nil, fmt.Errorf("build answer engine: %w", err)
	}
	l.opts = opts
	l.opts.Searcher, l.opts.Claims, l.opts.Vocabulary = nil, nil, nil
	l.cur.Store(&liveState{eng: eng, c: c, gen: gen})
	return l, nil
}

// Ask answers from the current engine.
func (l *liveIndex) Ask(ctx context.Context, q string) (*answer.Answer, error) {
	return l.cur.Load().eng.Ask(ctx, q)
}

// Disputes lists the current engine's disputes (for /disputes and App Home).
func (l *liveIndex) Disputes(ctx context.Context, words string) ([]answer.Dispute, error) {
	return l.cur.Load().eng.Disputes(ctx, words)
}

// Len, Docs, Doc and Filter read the current corpus.
func (l *liveIndex) Len() int                               { return l.cur.Load().c.Len() }
func (l *liveIndex) Docs() []*corpus.Document               { return l.cur.Load().c.Docs() }
func (l *liveIndex) Doc(id string) *corpus.Document         { return l.cur.Load().c.Doc(id) }
func (l *liveIndex) Filter(words string) []*corpus.Document { return l.cur.Load().c.Filter(words) }

// Reload opens the data directory's index when its generation differs from
// the one being served, builds an engine on it and swaps it in. It reports
// whether it swapped. A failed open keeps the current engine.
func (l *liveIndex) Reload(ctx context.Context) (bool, error) {
	if l.store != nil {
		return l.reloadStore(ctx)
	}
	if l.dataDir == "" {
		return false, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	m, err := datadir.ReadManifest(l.dataDir)
	if errors.Is(err, datadir.ErrNoIndex) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if m.Generation == l.cur.Load().gen {
		return false, nil
	}
	op, err := datadir.Open(ctx, l.dataDir, retrieval.Offline())
	if err != nil {
		return false, err
	}
	opts := l.opts
	opts.Searcher, opts.Claims, opts.Vocabulary = op.Index, openedClaims(op), openedVocabulary(op)
	eng, err := l.build(ctx, op.Corpus, opts)
	if err != nil {
		return false, err
	}
	l.cur.Store(&liveState{eng: eng, c: op.Corpus, gen: op.Manifest.Generation})
	return true, nil
}

// Watch reloads every interval and on SIGHUP until ctx ends. Failures are
// logged; the current engine keeps answering.
func (l *liveIndex) Watch(ctx context.Context, every time.Duration) {
	if l.dataDir == "" && l.store == nil {
		return
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-hup:
		}
		swapped, err := l.Reload(ctx)
		switch {
		case err != nil && l.log != nil:
			l.log.Error("reload index", "data_dir", l.dataDir, "store", l.storeName(), "err", err)
		case swapped && l.log != nil:
			st := l.cur.Load()
			l.log.Info("reloaded index", "data_dir", l.dataDir, "store", l.storeName(), "generation", st.gen, "documents", st.c.Len())
		}
	}
}

// storedNote is the lines `source` adds for a document converted from
// another format: where it came from, and that offsets index the stored
// text shown below rather than the original file.
func storedNote(d *corpus.Document) string {
	if d.Source == "" {
		return ""
	}
	note := fmt.Sprintf("source:    %s (%s)\n", d.Source, d.Format)
	if d.Format != corpus.FormatText && d.Format != "" {
		note += "offsets:   into the stored text converted from the original (shown below)\n"
	}
	return note
}

// pageNote is " (page N)" for a passage of a paged original.
func pageNote(d *corpus.Document, off int) string {
	if p := d.Page(off); p > 0 {
		return fmt.Sprintf(" (page %d)", p)
	}
	return ""
}
