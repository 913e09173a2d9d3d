package retrieval

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strconv"

	chromem "github.com/philippgille/chromem-go"
)

var (
	_ VectorSearcher = (*Store)(nil)
	_ VectorSearcher = (*ChromemStore)(nil)
)

// ChromemStore keeps vectors in a chromem-go collection, the in-process
// vector store an index built in memory uses (a corpus directory, the
// shipped corpus). A persisted index at scale uses Store instead: chromem-go
// v0.7.0 sends every document of a query through a channel and takes one
// lock per document, seven times one pass over the vectors at 100,000
// passages (docs/bench.md).
type ChromemStore struct {
	col *chromem.Collection
	emb Embedder
}

// NewChromemStore returns an empty chromem-go collection for vectors of
// emb. The collection is always given emb's function: chromem-go would
// otherwise call OpenAI with whatever OPENAI_API_KEY is set.
func NewChromemStore(emb Embedder) (*ChromemStore, error) {
	db := chromem.NewDB()
	meta := map[string]string{"embedder": emb.Name, "dim": strconv.Itoa(emb.Dim)}
	col, err := db.CreateCollection("passages", meta, chromem.EmbeddingFunc(emb.Embed))
	if err != nil {
		return nil, fmt.Errorf("create collection: %w", err)
	}
	return &ChromemStore{col: col, emb: emb}, nil
}

// Count is the number of vectors stored.
func (s *ChromemStore) Count() int { return s.col.Count() }

// AddVectors stores precomputed vectors of the store's embedder. A vector
// that cannot be normalised (a passage with no words) is left out:
// chromem-go would turn it into NaNs, which no similarity orders.
func (s *ChromemStore) AddVectors(ctx context.Context, ids, texts []string, vecs [][]float32) error {
	docs := make([]chromem.Document, 0, len(ids))
	for i := range ids {
		if len(vecs[i]) != s.emb.Dim {
			return fmt.Errorf("vector %s has %d dimensions, want %d (embedder %s)", ids[i], len(vecs[i]), s.emb.Dim, s.emb.Name)
		}
		v := normalized(vecs[i])
		if v == nil {
			continue
		}
		docs = append(docs, chromem.Document{ID: ids[i], Embedding: v, Content: texts[i]})
	}
	if len(docs) == 0 {
		return nil
	}
	if err := s.col.AddDocuments(ctx, docs, runtime.GOMAXPROCS(0)); err != nil {
		return fmt.Errorf("add %d vectors: %w", len(docs), err)
	}
	return nil
}

// Query returns the n stored vectors nearest to vec, n clamped to the
// collection (chromem-go rejects a larger n). chromem-go ranks in parallel,
// so which members of a run of equal similarities across the n-th place
// come back is left to chance; answers must not depend on it: ask for more
// until the run at the n-th place ends inside what came back, order ties by
// id, and cut there.
func (s *ChromemStore) Query(ctx context.Context, vec []float32, n int) ([]Match, error) {
	count := s.col.Count()
	n = min(n, count)
	if n <= 0 {
		return nil, nil
	}
	q := normalized(vec)
	if q == nil {
		return nil, nil
	}
	var out []Match
	for want := min(2*n, count); ; want = min(2*want, count) {
		res, err := s.col.QueryEmbedding(ctx, q, want, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("query vectors: %w", err)
		}
		out = make([]Match, len(res))
		for i, r := range res {
			out[i] = Match{ID: r.ID, Similarity: float64(r.Similarity)}
		}
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Similarity != out[j].Similarity {
				return out[i].Similarity > out[j].Similarity
			}
			return out[i].ID < out[j].ID
		})
		// The run at the n-th place is whole when it ends before the last
		// result, or when everything came back.
		if want == count || out[n-1].Similarity > out[len(out)-1].Similarity {
			break
		}
	}
	return out[:n], nil
}
