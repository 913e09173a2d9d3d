package main

import (
	"fmt"
	"io"
	"os"

	"github.com/crosscheck/crosscheck/corpus"
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
		return nil, fmt.Errorf("corpus %s holds no readable .md or .txt document", dir)
	}
	return c, nil
}
