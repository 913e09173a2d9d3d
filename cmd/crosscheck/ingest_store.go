package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/pgstore"
	"github.com/crosscheck/crosscheck/retrieval"
)

// indexStore is where ingest reads the index it merges into and writes the
// next one: a data directory or a PostgreSQL store.
type indexStore interface {
	// name says where, for messages (a DSN without its password).
	name() string
	// lock is held for the whole ingest; a second ingest is refused.
	lock(ctx context.Context) (unlock func(), err error)
	// open reads the current index: datadir.ErrNoIndex when there is none,
	// an error wrapping datadir.ErrRebuild when it cannot be used.
	open(ctx context.Context, emb retrieval.Embedder) (*datadir.Opened, error)
	// save writes the next index and returns its generation; readers see
	// it whole or not at all.
	save(ctx context.Context, s datadir.Snapshot) (int64, error)
	// roots are the paths and URLs the current index was built from.
	roots(ctx context.Context) []string
}

// dirIndexStore is a data directory.
type dirIndexStore string

func (d dirIndexStore) name() string { return string(d) }

func (d dirIndexStore) lock(context.Context) (func(), error) { return datadir.Lock(string(d)) }

func (d dirIndexStore) open(ctx context.Context, emb retrieval.Embedder) (*datadir.Opened, error) {
	return datadir.Open(ctx, string(d), emb)
}

func (d dirIndexStore) save(_ context.Context, s datadir.Snapshot) (int64, error) {
	m, err := datadir.Save(string(d), s)
	if err != nil {
		return 0, err
	}
	return m.Generation, nil
}

func (d dirIndexStore) roots(context.Context) []string {
	if m, err := datadir.ReadManifest(string(d)); err == nil {
		return m.Roots
	}
	return nil
}

// pgIndexStore is a PostgreSQL store. It keeps the generation open read
// so that save reuses the rows of unchanged documents.
type pgIndexStore struct {
	st    *pgstore.Store
	prior *pgstore.Loaded
}

func (p *pgIndexStore) name() string { return p.st.Name() }

func (p *pgIndexStore) lock(ctx context.Context) (func(), error) { return p.st.Lock(ctx) }

func (p *pgIndexStore) open(ctx context.Context, emb retrieval.Embedder) (*datadir.Opened, error) {
	l, err := p.st.Load(ctx, emb, pgstore.LoadOptions{InProcess: true})
	switch {
	case errors.Is(err, pgstore.ErrNoIndex):
		return nil, datadir.ErrNoIndex
	case errors.Is(err, pgstore.ErrRebuild):
		return nil, fmt.Errorf("%w: %w", datadir.ErrRebuild, err)
	case err != nil:
		return nil, err
	}
	p.prior = l
	return l.Opened(), nil
}

func (p *pgIndexStore) save(ctx context.Context, s datadir.Snapshot) (int64, error) {
	sv, err := p.st.Save(ctx, pgstore.Snapshot{Roots: s.Roots, Corpus: s.Corpus, Index: s.Index, Sections: s.Sections}, p.prior)
	if err != nil {
		return 0, err
	}
	return sv.Generation, nil
}

func (p *pgIndexStore) roots(ctx context.Context) []string {
	roots, _ := p.st.Roots(ctx)
	return roots
}
