package retrieval

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// Store is a brute-force cosine index of unit vectors, the search
// chromem-go does, without its per-query costs: chromem-go v0.7.0 sends
// every document through a channel to filter it and takes one mutex per
// document to rank it, which made a k=10 query over 100,000 vectors take
// 100–250 ms where one pass over the same vectors takes about 30 ms (see
// docs/bench.md). Here the vectors, 8 bits per component (see Vector), sit
// in one slice, each CPU scans its share into its own top-n heap, and the
// heaps are merged. Ties are broken by id, so results never depend on
// scheduling.
type Store struct {
	emb  Embedder
	ids  []string
	vecs []Vector
	// inFlight counts queries running now: a lone query scans on every
	// CPU, concurrent ones share the CPUs instead of each taking them all.
	inFlight atomic.Int32
}

// NewStore returns an empty in-memory store for vectors of emb.
func NewStore(emb Embedder) (*Store, error) {
	if emb.Dim <= 0 {
		return nil, fmt.Errorf("embedder %s has no dimension", emb.Name)
	}
	return &Store{emb: emb}, nil
}

// Count is the number of vectors stored.
func (s *Store) Count() int { return len(s.ids) }

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

// AddVectors stores precomputed vectors of the store's embedder. A vector
// that cannot be normalised (zero: a passage with no words, such as "." or
// a code fence) is left out; its unit stays findable through the lexical
// index.
func (s *Store) AddVectors(ctx context.Context, ids, texts []string, vecs [][]float32) error {
	for i, v := range vecs {
		if len(v) != s.emb.Dim {
			return fmt.Errorf("vector %s has %d dimensions, want %d (embedder %s)", ids[i], len(v), s.emb.Dim, s.emb.Name)
		}
	}
	q := make([]Vector, len(vecs))
	Parallel(len(vecs), func(i int) { q[i] = Quantize(vecs[i]) })
	return s.AddQuantized(ids, q)
}

// AddQuantized stores vectors already quantized (read from a data
// directory, or kept from an earlier build); those not Stored are left out.
func (s *Store) AddQuantized(ids []string, vecs []Vector) error {
	for i, v := range vecs {
		if !v.Stored() {
			continue
		}
		if len(v.Q) != s.emb.Dim {
			return fmt.Errorf("vector %s has %d dimensions, want %d (embedder %s)", ids[i], len(v.Q), s.emb.Dim, s.emb.Name)
		}
		s.ids = append(s.ids, ids[i])
		s.vecs = append(s.vecs, v)
	}
	return nil
}

// normalized returns v scaled to unit length (v itself when it already
// is), or nil when it cannot be normalised (zero, NaN or infinite).
func normalized(v []float32) []float32 {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	switch {
	case !(sum > 0) || math.IsInf(sum, 0):
		return nil
	case math.Abs(sum-1) < 1e-6:
		return v
	}
	out := make([]float32, len(v))
	n := float32(1 / math.Sqrt(sum))
	for i, x := range v {
		out[i] = x * n
	}
	return out
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

// Query returns the n stored vectors nearest to vec, best first, ties in
// id order. n is clamped to the number stored; a zero query (a question
// with no words) has no direction and matches nothing.
func (s *Store) Query(ctx context.Context, vec []float32, n int) ([]Match, error) {
	n = min(n, len(s.ids))
	if len(vec) != s.emb.Dim && n > 0 {
		return nil, fmt.Errorf("query vector has %d dimensions, want %d", len(vec), s.emb.Dim)
	}
	unit := normalized(vec)
	if n <= 0 || unit == nil {
		return nil, nil
	}
	q := newQuery(unit)
	busy := int(s.inFlight.Add(1))
	defer s.inFlight.Add(-1)
	workers := min(max(1, runtime.GOMAXPROCS(0)/busy), max(1, len(s.vecs)/2048))
	tops := make([]topN, workers)
	chunk := (len(s.vecs) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			t := topN{n: n, ids: s.ids}
			for i := w * chunk; i < min((w+1)*chunk, len(s.vecs)); i++ {
				if i&1023 == 0 && ctx.Err() != nil {
					return
				}
				t.offer(i, s.vecs[i].similarity(q))
			}
			tops[w] = t
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var all []scored
	for _, t := range tops {
		all = append(all, t.h...)
	}
	sort.Slice(all, func(i, j int) bool { return better(all[i], all[j], s.ids) })
	all = all[:min(n, len(all))]
	out := make([]Match, len(all))
	for i, c := range all {
		out[i] = Match{ID: s.ids[c.i], Similarity: float64(c.sim)}
	}
	return out, nil
}

type scored struct {
	i   int
	sim float32
}

// better orders by similarity, then by id.
func better(a, b scored, ids []string) bool {
	if a.sim != b.sim {
		return a.sim > b.sim
	}
	return ids[a.i] < ids[b.i]
}

// topN keeps the n best candidates in a min-heap (worst on top).
type topN struct {
	n   int
	h   []scored
	ids []string
}

func (t *topN) Len() int           { return len(t.h) }
func (t *topN) Less(i, j int) bool { return better(t.h[j], t.h[i], t.ids) }
func (t *topN) Swap(i, j int)      { t.h[i], t.h[j] = t.h[j], t.h[i] }
func (t *topN) Push(x any)         { t.h = append(t.h, x.(scored)) }
func (t *topN) Pop() any {
	x := t.h[len(t.h)-1]
	t.h = t.h[:len(t.h)-1]
	return x
}

func (t *topN) offer(i int, sim float32) {
	if sim != sim { // NaN: cannot be ranked
		return
	}
	c := scored{i, sim}
	switch {
	case len(t.h) < t.n:
		heap.Push(t, c)
	case better(c, t.h[0], t.ids):
		t.h[0] = c
		heap.Fix(t, 0)
	}
}
