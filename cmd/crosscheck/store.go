package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/pgstore"
	"github.com/crosscheck/crosscheck/retrieval"
)

const storeEnv = "CROSSCHECK_STORE"

// storeFlagHelp is the --store line of every command that takes it.
const storeFlagHelp = `  --store DSN    PostgreSQL store (postgres://user:password@host:port/db) shared
                 by replicas (default: $CROSSCHECK_STORE); see docs/postgres.md
`

// resolveStore is the store DSN to use, or "" to use a corpus directory or
// data directory instead: a --store flag, else CROSSCHECK_STORE unless a
// corpus directory is named. Naming both a store and a corpus in the same
// way (two flags, or two variables) is an error rather than a guess.
func resolveStore(storeFlag, corpusFlag string, getenv env) (string, error) {
	switch {
	case storeFlag != "" && corpusFlag != "":
		return "", errors.New("pass --store or --corpus, not both")
	case storeFlag != "":
		return storeFlag, nil
	case corpusFlag != "" || getenv(storeEnv) == "":
		return "", nil
	case getenv("CROSSCHECK_CORPUS") != "":
		return "", fmt.Errorf("both %s and CROSSCHECK_CORPUS are set; unset one, or pass --store or --corpus", storeEnv)
	}
	return getenv(storeEnv), nil
}

// openStore connects to the store and checks that its schema is the one
// this crosscheck needs (the error names the migrate command otherwise).
func openStore(ctx context.Context, dsn string) (*pgstore.Store, error) {
	st, err := pgstore.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := st.CheckSchema(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// vectorNote says where vector search runs: in the database with pgvector,
// or, and why, in process over vectors read from it. It is said at every
// start, so that a store without pgvector never degrades silently.
func vectorNote(st *pgstore.Store, l *pgstore.Loaded) string {
	if l.VectorsInDatabase {
		return fmt.Sprintf("crosscheck: vector search runs in the database with pgvector (HNSW) on %s\n", st.Name())
	}
	return fmt.Sprintf("crosscheck: vector search runs in process over vectors loaded from %s (%s)\n", st.Name(), l.VectorsWhy)
}

// loadStore reads the store's current generation into the corpus and
// engine options ask and serve answer from, as a data directory's.
func loadStore(ctx context.Context, st *pgstore.Store, stderr io.Writer) (*pgstore.Loaded, *corpus.Corpus, answer.Options, error) {
	l, err := st.Load(ctx, retrieval.Offline(), pgstore.LoadOptions{})
	switch {
	case errors.Is(err, pgstore.ErrNoIndex):
		return nil, nil, answer.Options{}, fmt.Errorf("store %s holds no index yet; run: crosscheck ingest --store '%s' PATH…", st.Name(), st.Name())
	case errors.Is(err, pgstore.ErrRebuild):
		return nil, nil, answer.Options{}, fmt.Errorf("%w; rebuild it with: crosscheck ingest --store '%s' PATH…", err, st.Name())
	case err != nil:
		return nil, nil, answer.Options{}, err
	}
	fmt.Fprint(stderr, vectorNote(st, l))
	return l, l.Corpus, answer.Options{Searcher: l.Index, Claims: openedClaims(l), Vocabulary: openedVocabulary(l)}, nil
}

// storeState is the store serve answers from and the generation it loaded.
type storeState struct {
	*pgstore.Store
	gen int64
}

// reloadStore loads the store's current generation when an ingest has
// made a new one current, builds an engine on it and swaps it in, as
// Reload does for a data directory.
func (l *liveIndex) reloadStore(ctx context.Context) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	gen, err := l.store.CurrentGeneration(ctx)
	if err != nil || gen == 0 || gen == l.cur.Load().gen {
		return false, err
	}
	ld, err := l.store.Load(ctx, retrieval.Offline(), pgstore.LoadOptions{})
	if err != nil {
		return false, err
	}
	opts := l.opts
	opts.Searcher, opts.Claims, opts.Vocabulary = ld.Index, openedClaims(ld), openedVocabulary(ld)
	eng, err := l.build(ctx, ld.Corpus, opts)
	if err != nil {
		return false, err
	}
	l.cur.Store(&liveState{eng: eng, c: ld.Corpus, gen: ld.Generation})
	return true, nil
}

// deliveryKeep is how long replicas remember a Slack delivery key in the
// store: Slack's retries and redeliveries come within minutes.
const deliveryKeep = 24 * time.Hour

// storeName is the store serve watches, for logs; "" for none.
func (l *liveIndex) storeName() string {
	if l.store == nil {
		return ""
	}
	return l.store.Name()
}
