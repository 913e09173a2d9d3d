package retrieval

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sort"

	"github.com/philippgille/chromem-go"
)

// Store is a chromem-go collection of unit vectors. Embeddings are computed
// here, concurrently and in one pass, and handed to chromem-go precomputed:
// chromem-go would otherwise call the embedder once per document and, given
// no function, silently fall back to OpenAI.
type Store struct {
	col *chromem.Collection
	emb Embedder
}

// NewStore returns an empty in-memory store for vectors of emb.
func NewStore(emb Embedder) (*Store, error) {
	db := chromem.NewDB()
	meta := map[string]string{"embedder": emb.Name, "dim": fmt.Sprint(emb.Dim)}
	col, err := db.CreateCollection("passages", meta, chromem.EmbeddingFunc(emb.Embed))
	if err != nil {
		return nil, fmt.Errorf("create collection: %w", err)
	}
	return &Store{col: col, emb: emb}, nil
}

// Count is the number of vectors stored.
func (s *Store) Count() int { return s.col.Count() }

// Add embeds texts and stores them under ids.
func (s *Store) Add(ctx context.Context, ids, texts []string) error {
	if len(ids) == 0 {
		return nil
	}
	vecs, err := s.embedAll(ctx, texts)
	if err != nil {
		return err
	}
	return s.AddVectors(ctx, ids, texts, vecs)
}

// AddVectors stores precomputed vectors of the store's embedder. A zero
// vector (a passage with no words, such as "." or a code fence) is left
// out: chromem-go would normalise it to NaN, and NaN similarities defeat
// every ranking. Its unit stays findable through the lexical index.
func (s *Store) AddVectors(ctx context.Context, ids, texts []string, vecs [][]float32) error {
	if len(ids) == 0 {
		return nil
	}
	docs := make([]chromem.Document, 0, len(ids))
	for i, v := range vecs {
		if len(v) != s.emb.Dim {
			return fmt.Errorf("vector %s has %d dimensions, want %d (embedder %s)", ids[i], len(v), s.emb.Dim, s.emb.Name)
		}
		if !usable(v) {
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

// usable reports whether v can be ranked by cosine: finite and not zero.
func usable(v []float32) bool {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	return sum > 0 && !math.IsInf(sum, 0) && !math.IsNaN(sum)
}

func (s *Store) embedAll(ctx context.Context, texts []string) ([][]float32, error) {
	vecs := make([][]float32, len(texts))
	errs := make([]error, len(texts))
	Parallel(len(texts), func(i int) {
		if err := ctx.Err(); err != nil {
			errs[i] = err
			return
		}
		v, err := s.emb.Embed(ctx, texts[i])
		if err == nil && len(v) != s.emb.Dim {
			err = fmt.Errorf("embedder %s returned %d dimensions, want %d", s.emb.Name, len(v), s.emb.Dim)
		}
		vecs[i], errs[i] = v, err
	})
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("embed unit %d: %w", i, err)
		}
	}
	return vecs, nil
}

// Match is a stored id and its cosine similarity to the query.
type Match struct {
	ID         string
	Similarity float64
}

// Query returns the n stored vectors nearest to vec. n is clamped to the
// collection size: chromem-go rejects a larger n, even on an empty store.
func (s *Store) Query(ctx context.Context, vec []float32, n int) ([]Match, error) {
	if c := s.col.Count(); n > c {
		n = c
	}
	if n <= 0 || !usable(vec) {
		// A question with no words has no direction to rank by.
		return nil, nil
	}
	// chromem-go ranks in parallel; equal similarities (copies of one
	// passage) may come back in any order, and which members of a run of
	// them across the n-th place make the cut is left to chance. Answers
	// must not depend on it: ask for more until the run at the n-th place
	// ends inside what came back, order ties by id, and cut there.
	count := s.col.Count()
	var out []Match
	for want := min(2*n, count); ; want = min(2*want, count) {
		res, err := s.col.QueryEmbedding(ctx, vec, want, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("query vectors: %w", err)
		}
		out = out[:0]
		for _, r := range res {
			// Nothing stored is NaN (AddVectors refuses it); should one
			// slip in, it must neither rank nor keep the loop going.
			if sim := float64(r.Similarity); !math.IsNaN(sim) {
				out = append(out, Match{ID: r.ID, Similarity: sim})
			}
		}
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Similarity != out[j].Similarity {
				return out[i].Similarity > out[j].Similarity
			}
			return out[i].ID < out[j].ID
		})
		if want == count || len(out) <= n || len(out) < len(res) || out[len(out)-1].Similarity < out[n-1].Similarity {
			break
		}
	}
	return out[:min(n, len(out))], nil
}
