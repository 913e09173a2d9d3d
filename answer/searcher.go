package answer

import (
	"context"

	"github.com/crosscheck/crosscheck/retrieval"
)

// Searcher is the index the engine asks: hybrid search over passages, the
// passages themselves, and the lexical statistics that scoring weighs
// words by. *retrieval.Index (built in memory, or opened from a data
// directory) is one; a database-backed index is another. Declared here,
// where it is used.
type Searcher interface {
	Search(ctx context.Context, question string, opts retrieval.SearchOptions) ([]retrieval.Hit, error)
	Units() []retrieval.Unit
	Lexical() *retrieval.Lexical
}

var _ Searcher = (*retrieval.Index)(nil)
