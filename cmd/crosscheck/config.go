package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/retrieval"
)

// loadCorpus loads the corpus at dir (flag, else CROSSCHECK_CORPUS), or the
// shipped default when both are empty. Skipped files are reported on stderr,
// one line each; they never stop the rest from loading.
func loadCorpus(dir string, getenv env, stderr io.Writer) (*corpus.Corpus, error) {
	if dir == "" {
		dir = getenv("CROSSCHECK_CORPUS")
	}
	if dir == "" {
		return corpus.Default()
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w (pass --corpus DIR with a directory of .md/.txt files)", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("corpus %s is not a directory (pass --corpus DIR with a directory of .md/.txt files)", dir)
	}
	c, skipped, err := corpus.LoadDir(dir, corpus.Options{})
	for _, s := range skipped {
		fmt.Fprintf(stderr, "crosscheck: skipped %s: %s\n", s.Path, s.Reason)
	}
	if err != nil {
		return nil, fmt.Errorf("load corpus %s: %w", dir, err)
	}
	if c.Len() == 0 {
		return nil, fmt.Errorf("corpus %s holds no readable document (%s)", dir, corpus.Extensions)
	}
	return c, nil
}

// resolveDataDir is the data directory: the flag, else CROSSCHECK_DATA,
// else the per-user default serve uses; "" when none can be found.
func resolveDataDir(flagDir string, getenv env) string {
	if flagDir != "" {
		return flagDir
	}
	if d := getenv("CROSSCHECK_DATA"); d != "" {
		return d
	}
	return defaultDataDir(getenv)
}

// openAnswering returns the corpus to answer from and the engine options
// that go with it. A corpus named by --corpus or CROSSCHECK_CORPUS is
// loaded and indexed as it always was; otherwise the persisted index of the
// data directory (--data, CROSSCHECK_DATA, the per-user default) is opened
// when there is one, and the shipped corpus used when there is not. A
// damaged or outdated index is an error naming the rebuild command, never a
// silent fallback to another corpus.
//
// A PostgreSQL store (--store, CROSSCHECK_STORE; see resolveStore) is
// read instead when one is named. done closes the store once the answers
// are given: with pgvector, vector search still asks it.
func openAnswering(ctx context.Context, corpusDir, dataDir, storeDSN string, getenv env, stderr io.Writer) (c *corpus.Corpus, opts answer.Options, done func(), err error) {
	c, opts, st, err := openAnsweringFrom(ctx, corpusDir, dataDir, storeDSN, getenv, stderr)
	if st == nil {
		return c, opts, func() {}, err
	}
	return c, opts, st.Close, err
}

// weightsFrom reads CROSSCHECK_WEIGHTS ("KeepRatio=0.35,Cosine=0.3"),
// which scripts/fit sets to try other weights; unset means the defaults.
func weightsFrom(getenv env) (*answer.Weights, error) {
	s := getenv("CROSSCHECK_WEIGHTS")
	if s == "" {
		return nil, nil
	}
	w, err := answer.ParseWeights(s)
	if err != nil {
		return nil, fmt.Errorf("CROSSCHECK_WEIGHTS: %w", err)
	}
	return &w, nil
}

// openAnsweringFrom is openAnswering keeping the store open, with the
// generation it read, for serve to watch.
func openAnsweringFrom(ctx context.Context, corpusDir, dataDir, storeDSN string, getenv env, stderr io.Writer) (*corpus.Corpus, answer.Options, *storeState, error) {
	dsn, err := resolveStore(storeDSN, corpusDir, getenv)
	if err != nil {
		return nil, answer.Options{}, nil, err
	}
	w, err := weightsFrom(getenv)
	if err != nil {
		return nil, answer.Options{}, nil, err
	}
	if dsn != "" {
		st, err := openStore(ctx, dsn)
		if err != nil {
			return nil, answer.Options{}, nil, err
		}
		l, c, opts, err := loadStore(ctx, st, stderr)
		if err != nil {
			st.Close()
			return nil, answer.Options{}, nil, err
		}
		opts.Weights = w
		return c, opts, &storeState{Store: st, gen: l.Generation}, nil
	}
	c, opts, err := openLocal(ctx, corpusDir, dataDir, getenv, stderr)
	opts.Weights = w
	return c, opts, nil, err
}

// openLocal answers from a corpus directory or a data directory.
func openLocal(ctx context.Context, corpusDir, dataDir string, getenv env, stderr io.Writer) (*corpus.Corpus, answer.Options, error) {
	if corpusDir == "" && getenv("CROSSCHECK_CORPUS") == "" {
		if dir := resolveDataDir(dataDir, getenv); dir != "" && datadir.Has(dir) {
			op, err := datadir.Open(ctx, dir, retrieval.Offline())
			if err != nil {
				return nil, answer.Options{}, fmt.Errorf("open index in %s: %w", dir, err)
			}
			return op.Corpus, answer.Options{Searcher: op.Index, Claims: openedClaims(op), Vocabulary: openedVocabulary(op)}, nil
		}
	}
	c, err := loadCorpus(corpusDir, getenv, stderr)
	return c, answer.Options{}, err
}

// claimsSection names the data directory's section of claims and disputes.
const claimsSection = "claims"

// openedClaims reads the claims and disputes an ingest saved with the index,
// or nil (the engine then reads them from the documents, as for a corpus
// directory) when the index has none.
func openedClaims(op interface{ Section(string, any) error }) *corpus.ClaimsData {
	var cd corpus.ClaimsData
	if err := op.Section(claimsSection, &cd); err != nil {
		return nil
	}
	return &cd
}

// vocabularySection names the section of the answer engine's vocabulary.
const vocabularySection = "vocabulary"

// openedVocabulary reads the vocabulary an ingest saved with the index, or
// nil (the engine then reads it from the documents) when the index has
// none: one ingested before it was saved.
func openedVocabulary(op interface{ Section(string, any) error }) *answer.Vocabulary {
	var v answer.Vocabulary
	if err := op.Section(vocabularySection, &v); err != nil {
		return nil
	}
	return &v
}

// openLibrary is openAnswering for commands that only list and show
// documents: it reads the stored documents without the vectors.
func openLibrary(ctx context.Context, corpusDir, storeDSN string, getenv env, stderr io.Writer) (*corpus.Corpus, error) {
	if dsn, err := resolveStore(storeDSN, corpusDir, getenv); err != nil || dsn != "" {
		if err != nil {
			return nil, err
		}
		c, _, done, err := openAnswering(ctx, corpusDir, "", dsn, getenv, stderr)
		done() // the documents are in memory
		return c, err
	}
	if corpusDir == "" && getenv("CROSSCHECK_CORPUS") == "" {
		if dir := resolveDataDir("", getenv); dir != "" && datadir.Has(dir) {
			c, err := datadir.OpenCorpus(dir)
			if err != nil {
				return nil, fmt.Errorf("open index in %s: %w", dir, err)
			}
			return c, nil
		}
	}
	return loadCorpus(corpusDir, getenv, stderr)
}

// parseSize reads a file size such as 8MiB, 20MB, 512k or 1048576.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"gb", 1e9}, {"mb", 1e6}, {"kb", 1e3}, {"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<40 {
		return 0, fmt.Errorf("size must be a positive number of bytes such as 8MiB, 20MB or 512k, not %q", s)
	}
	return int64(n * float64(mult)), nil
}
