package main

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/pgstore"
	"github.com/crosscheck/crosscheck/retrieval"
)

// storeResult compares one size through the data directory and through
// PostgreSQL (-store); durations in milliseconds.
type storeResult struct {
	passages                  int
	dirIngest, pgIngest       float64 // seconds
	dirReingest, pgReingest   float64
	dirCold, pgCold           float64
	dirOpen, pgOpen           float64
	dirWarm, pgWarm           float64
	dirColdRSSMB, pgColdRSSMB float64
}

// measureStore ingests the size's generated documents (already in
// dir/docs, already ingested into dir/data by measure) into a fresh
// database on the server of dsn, and measures both stores side by side.
func measureStore(bin, dir, dsn string, passages int, qs []string) (storeResult, error) {
	r := storeResult{passages: passages}
	ctx := context.Background()
	db, err := freshDatabase(ctx, dsn, fmt.Sprintf("crosscheck_bench_%d", passages))
	if err != nil {
		return r, err
	}
	docsDir, data := filepath.Join(dir, "docs"), filepath.Join(dir, "data")
	if _, _, err := timed(bin, "migrate", "--store", db); err != nil {
		return r, err
	}
	steps := []struct {
		into *float64
		args []string
	}{
		{&r.pgIngest, []string{"ingest", "--progress", "never", "--store", db, docsDir}},
		{&r.pgReingest, []string{"ingest", "--progress", "never", "--store", db, docsDir}},
		{&r.dirReingest, []string{"ingest", "--progress", "never", "--data", data, docsDir}},
	}
	for _, s := range steps {
		d, _, err := timed(bin, s.args...)
		if err != nil {
			return r, err
		}
		*s.into = d.Seconds()
	}
	d, rss, err := timed(bin, "ask", "--store", db, qs[0])
	if err != nil {
		return r, err
	}
	r.pgCold, r.pgColdRSSMB = ms(d), float64(rss)/1024
	d, rss, err = timed(bin, "ask", "--data", data, qs[0])
	if err != nil {
		return r, err
	}
	r.dirCold, r.dirColdRSSMB = ms(d), float64(rss)/1024

	t := time.Now()
	st, err := pgstore.Open(ctx, db)
	if err != nil {
		return r, err
	}
	defer st.Close()
	l, err := st.Load(ctx, retrieval.Offline(), pgstore.LoadOptions{})
	if err != nil {
		return r, err
	}
	r.pgOpen = ms(time.Since(t))
	t = time.Now()
	op, err := datadir.Open(ctx, data, retrieval.Offline())
	if err != nil {
		return r, err
	}
	r.dirOpen = ms(time.Since(t))
	cd1, cd2 := claimsOf(l), claimsOf(op)
	if r.pgWarm, err = warmMedian(ctx, l.Index, l.Corpus, cd1, vocabularyOf(l), qs); err != nil {
		return r, err
	}
	if r.dirWarm, err = warmMedian(ctx, op.Index, op.Corpus, cd2, vocabularyOf(op), qs); err != nil {
		return r, err
	}
	logf("PostgreSQL: ingest %.2fs, again %.2fs, cold ask %.0f ms, load %.0f ms, warm median %.1f ms",
		r.pgIngest, r.pgReingest, r.pgCold, r.pgOpen, r.pgWarm)
	return r, nil
}

func claimsOf(op interface{ Section(string, any) error }) *corpus.ClaimsData {
	var cd corpus.ClaimsData
	if op.Section("claims", &cd) != nil {
		return nil
	}
	return &cd
}

// vocabularyOf is the answer engine's saved vocabulary, as ask reads it.
func vocabularyOf(op interface{ Section(string, any) error }) *answer.Vocabulary {
	var v answer.Vocabulary
	if op.Section("vocabulary", &v) != nil {
		return nil
	}
	return &v
}

func warmMedian(ctx context.Context, ix *retrieval.Index, c *corpus.Corpus, cd *corpus.ClaimsData, v *answer.Vocabulary, qs []string) (float64, error) {
	eng, err := answer.NewEngine(ctx, c, answer.Options{Searcher: ix, Claims: cd, Vocabulary: v})
	if err != nil {
		return 0, err
	}
	var lat []float64
	for _, q := range qs {
		t := time.Now()
		if _, err := eng.Ask(ctx, q); err != nil {
			return 0, fmt.Errorf("ask %q: %w", q, err)
		}
		lat = append(lat, ms(time.Since(t)))
	}
	return quantile(lat, 0.5), nil
}

// freshDatabase drops and creates name on the server of dsn and returns
// its DSN.
func freshDatabase(ctx context.Context, dsn, name string) (string, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return "", fmt.Errorf("store %s: %v", pgstore.Redact(dsn), err)
	}
	defer conn.Close(ctx)
	id := pgx.Identifier{name}.Sanitize()
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+id+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+id); err != nil {
		return "", err
	}
	u, err := url.Parse(dsn)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		return "", fmt.Errorf("-store must be a postgres:// URL")
	}
	u.Path = "/" + name
	return u.String(), nil
}

func renderStore(rs []storeResult) string {
	var b strings.Builder
	b.WriteString("\n### Data directory vs PostgreSQL (`-store`)\n\n")
	b.WriteString("| passages | ingest (dir / pg) | re-ingest, nothing changed | cold `ask` process | open or load in process | warm ask median | cold RSS |\n|---|---|---|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| %d | %.2f s / %.2f s (%.0f / %.0f passages/s) | %.2f s / %.2f s | %.0f / %.0f ms | %.0f / %.0f ms | %.1f / %.1f ms | %.0f / %.0f MB |\n",
			r.passages, r.dirIngest, r.pgIngest, float64(r.passages)/r.dirIngest, float64(r.passages)/r.pgIngest,
			r.dirReingest, r.pgReingest, r.dirCold, r.pgCold, r.dirOpen, r.pgOpen, r.dirWarm, r.pgWarm, r.dirColdRSSMB, r.pgColdRSSMB)
	}
	b.WriteString("\nBoth stores answer from the same in-process index once loaded (pgvector is not used), so warm asks agree; the store adds the load from the database at start and the writes at ingest.\n")
	return b.String()
}
