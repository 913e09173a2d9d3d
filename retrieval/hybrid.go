package retrieval

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
)

// Unit is one retrievable passage.
type Unit struct {
	DocID   string
	Passage int // index into Document.Passages
	Text    string
}

// Index is the hybrid (vector + lexical) index over the passages of a corpus.
type Index struct {
	units []Unit
	// vecs[i] is unit i's vector; a unit with no words has the zero
	// Vector and is left out of the store.
	vecs  []Vector
	lex   *Lexical
	store VectorSearcher
	emb   Embedder
}

// VectorSearcher is what an Index asks of its vectors: the n nearest to a
// query vector, best first, ties in id order, each id a unit's index in
// decimal ("17"). In process it is a Store or a ChromemStore; a database
// that searches vectors itself (pgvector) is another.
type VectorSearcher interface {
	Query(ctx context.Context, vec []float32, n int) ([]Match, error)
	// Count is the number of vectors searched.
	Count() int
}

// Build indexes every passage of c with emb, its vectors in a chromem-go
// collection: an index built in memory, for a corpus directory or the
// shipped corpus. An ingest persists its index instead (BuildReusing,
// Restore), whose vectors a compact Store scans.
func Build(ctx context.Context, c *corpus.Corpus, emb Embedder) (*Index, error) {
	return BuildUnits(ctx, CorpusUnits(c), emb)
}

// CorpusUnits lists the passages of c in the order Build indexes them:
// documents by ID, then passages in document order.
func CorpusUnits(c *corpus.Corpus) []Unit {
	var units []Unit
	for _, d := range c.Docs() {
		for i, p := range d.Passages {
			units = append(units, Unit{DocID: d.ID, Passage: i, Text: p.Text})
		}
	}
	return units
}

// BuildUnits indexes the given units in memory, as Build does.
func BuildUnits(ctx context.Context, units []Unit, emb Embedder) (*Index, error) {
	ix, _, err := BuildReusing(ctx, units, emb, nil)
	if err != nil {
		return nil, err
	}
	st, err := NewChromemStore(emb)
	if err != nil {
		return nil, err
	}
	ids, texts, vecs := make([]string, 0, len(units)), make([]string, 0, len(units)), make([][]float32, 0, len(units))
	for i, u := range units {
		if !ix.vecs[i].Stored() {
			continue
		}
		ids, texts, vecs = append(ids, strconv.Itoa(i)), append(texts, u.Text), append(vecs, ix.vecs[i].Float())
	}
	if err := st.AddVectors(ctx, ids, texts, vecs); err != nil {
		return nil, fmt.Errorf("index passages: %w", err)
	}
	ix.store = st
	return ix, nil
}

// BuildReusing is BuildUnits taking prior[i], when it is set, as unit i's
// vector instead of embedding the unit again, so that an ingest embeds only
// what changed. It returns the number of units it embedded.
func BuildReusing(ctx context.Context, units []Unit, emb Embedder, prior []*Vector) (*Index, int, error) {
	texts := make([]string, len(units))
	ids := make([]string, len(units))
	for i, u := range units {
		texts[i] = u.Text
		ids[i] = strconv.Itoa(i)
	}
	vecs := make([]Vector, len(units))
	var todo []int
	for i := range units {
		if i < len(prior) && prior[i] != nil {
			vecs[i] = *prior[i]
		} else {
			todo = append(todo, i)
		}
	}
	var lex *Lexical
	if emb.embedTokens == nil {
		lex = NewLexical(texts)
		missing := make([]string, len(todo))
		for k, i := range todo {
			missing[k] = texts[i]
		}
		st := &Store{emb: emb}
		got, err := st.embedAll(ctx, missing)
		if err != nil {
			return nil, 0, fmt.Errorf("index passages: %w", err)
		}
		Parallel(len(todo), func(k int) { vecs[todo[k]] = Quantize(got[k]) })
	} else {
		// A local embedder shares the tokenization with the lexical index.
		stems := make([][]string, len(units))
		fresh := make([]bool, len(units))
		for _, i := range todo {
			fresh[i] = true
		}
		Parallel(len(units), func(i int) {
			toks := lang.Tokenize(texts[i])
			stems[i] = make([]string, len(toks))
			for j, t := range toks {
				stems[i][j] = t.Stem
			}
			if fresh[i] {
				vecs[i] = Quantize(emb.embedTokens(toks))
			}
		})
		lex = newLexicalStems(stems)
	}
	ix, err := Restore(ctx, units, vecs, lex, emb)
	return ix, len(todo), err
}

// Restore assembles an index from parts saved earlier (see Vectors and
// Lexical): nothing is embedded or tokenized, which is what lets a
// persisted index open in a fraction of the time a build takes.
func Restore(ctx context.Context, units []Unit, vecs []Vector, lex *Lexical, emb Embedder) (*Index, error) {
	if len(vecs) != len(units) || lex.Len() != len(units) {
		return nil, fmt.Errorf("index parts disagree: %d units, %d vectors, %d lexical entries", len(units), len(vecs), lex.Len())
	}
	store, err := NewStore(emb)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(units))
	for i := range units {
		ids[i] = strconv.Itoa(i)
	}
	if err := store.AddQuantized(ids, vecs); err != nil {
		return nil, fmt.Errorf("index passages: %w", err)
	}
	return &Index{units: units, vecs: vecs, lex: lex, store: store, emb: emb}, nil
}

// RestoreSearching assembles an index whose vectors stay where vs searches
// them (a database with pgvector) instead of in memory: its Vectors is nil.
// vs must answer as a Store holding the same vectors would (see Nearest),
// so that answers do not depend on where the vectors are.
func RestoreSearching(units []Unit, lex *Lexical, emb Embedder, vs VectorSearcher) (*Index, error) {
	if lex.Len() != len(units) {
		return nil, fmt.Errorf("index parts disagree: %d units, %d lexical entries", len(units), lex.Len())
	}
	return &Index{units: units, lex: lex, store: vs, emb: emb}, nil
}

// Nearest ranks candidates against vec as Store.Query ranks its vectors
// (the same 8-bit similarity, ties in id order) and returns the best n: an
// approximate search elsewhere (pgvector's HNSW) proposes candidates, and
// this makes its answer the in-process store's whenever the true n nearest
// are among them.
func Nearest(ctx context.Context, emb Embedder, vec []float32, ids []string, cands []Vector, n int) ([]Match, error) {
	st, err := NewStore(emb)
	if err != nil {
		return nil, err
	}
	if err := st.AddQuantized(ids, cands); err != nil {
		return nil, err
	}
	return st.Query(ctx, vec, n)
}

// Parallel runs f(0), …, f(n-1) spread over every CPU and returns when all
// are done. Index builds are CPU-bound loops over independent documents.
func Parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}(w)
	}
	wg.Wait()
}

// Units returns the indexed units; Hit.Unit indexes it.
func (ix *Index) Units() []Unit { return ix.units }

// Vectors returns each unit's vector, indexed like Units; read-only.
func (ix *Index) Vectors() []Vector { return ix.vecs }

// Embedder is the embedder the index was built with.
func (ix *Index) Embedder() Embedder { return ix.emb }

// Lexical exposes the BM25 index, whose statistics the answerer reuses.
func (ix *Index) Lexical() *Lexical { return ix.lex }

// Hit is one retrieved unit with its fused score.
type Hit struct {
	Unit  int
	DocID string
	// Score is the reciprocal-rank fusion of the lexical and vector ranks.
	Score float64
	// Lexical is the BM25 score, Vector the cosine similarity (0 if absent).
	Lexical, Vector float64
}

// SearchOptions shape a search.
type SearchOptions struct {
	K      int // hits to return (default 12)
	Depth  int // candidates taken from each ranker (default 100)
	PerDoc int // at most this many hits per document (default 3)
}

// rrfK is the reciprocal-rank-fusion constant from Cormack et al. (2009):
// large enough that one ranker's top hit does not drown the other's.
const rrfK = 60

// Search runs both rankers, fuses them by reciprocal rank and diversifies:
// the best hit of each document comes before any document's second hit, so
// every source that bears on the question reaches the answerer.
func (ix *Index) Search(ctx context.Context, question string, opts SearchOptions) ([]Hit, error) {
	if opts.K <= 0 {
		opts.K = 12
	}
	if opts.Depth <= 0 {
		opts.Depth = 100
	}
	if opts.PerDoc <= 0 {
		opts.PerDoc = 3
	}
	vec, err := ix.emb.Embed(ctx, question)
	if err != nil {
		return nil, fmt.Errorf("embed question: %w", err)
	}
	matches, err := ix.store.Query(ctx, vec, opts.Depth)
	if err != nil {
		return nil, err
	}
	lex := ix.lex.Search(lang.Stems(question), opts.Depth)

	fused := map[int]*Hit{}
	get := func(u int) *Hit {
		h := fused[u]
		if h == nil {
			h = &Hit{Unit: u, DocID: ix.units[u].DocID}
			fused[u] = h
		}
		return h
	}
	for rank, s := range lex {
		h := get(s.Unit)
		h.Lexical = s.Score
		h.Score += 1 / float64(rrfK+rank+1)
	}
	for rank, m := range matches {
		u, err := strconv.Atoi(m.ID)
		if err != nil || u < 0 || u >= len(ix.units) {
			continue
		}
		if m.Similarity <= 0 {
			continue
		}
		h := get(u)
		h.Vector = m.Similarity
		h.Score += 1 / float64(rrfK+rank+1)
	}
	all := make([]Hit, 0, len(fused))
	for _, h := range fused {
		all = append(all, *h)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Score != all[j].Score {
			return all[i].Score > all[j].Score
		}
		return all[i].Unit < all[j].Unit
	})
	return diversify(all, opts.K, opts.PerDoc), nil
}

// diversify picks up to k hits in rounds: round r takes the r-th best hit of
// every document, in fused order, so one long article cannot fill the list.
func diversify(ranked []Hit, k, perDoc int) []Hit {
	byDoc := map[string][]Hit{}
	var order []string
	for _, h := range ranked {
		if _, ok := byDoc[h.DocID]; !ok {
			order = append(order, h.DocID)
		}
		byDoc[h.DocID] = append(byDoc[h.DocID], h)
	}
	var out []Hit
	for r := 0; r < perDoc && len(out) < k; r++ {
		for _, d := range order {
			if hs := byDoc[d]; r < len(hs) {
				out = append(out, hs[r])
				if len(out) == k {
					break
				}
			}
		}
	}
	return out
}
