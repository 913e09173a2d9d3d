package corpus

import (
	"embed"
	"fmt"
	"io/fs"
)

// shipped is the default corpus, compiled in so that `crosscheck ask` works
// on a laptop with nothing configured.
//
//go:embed default/*.md
var shipped embed.FS

// Default returns the corpus shipped inside the binary. It is parsed on each
// call (a few milliseconds) rather than cached, so callers never share
// mutable state.
func Default() (*Corpus, error) {
	sub, err := fs.Sub(shipped, "default")
	if err != nil {
		return nil, fmt.Errorf("shipped corpus: %w", err)
	}
	c, skipped, err := Load(sub, Options{})
	if err != nil {
		return nil, fmt.Errorf("shipped corpus: %w", err)
	}
	if len(skipped) > 0 {
		return nil, fmt.Errorf("shipped corpus: %s: %s", skipped[0].Path, skipped[0].Reason)
	}
	return c, nil
}
