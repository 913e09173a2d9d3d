package retrieval

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"sync"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/llm"
)

// Defaults of a remote embedder. 64 inputs per request is within every
// OpenAI-compatible server's limit we know (OpenAI takes 2048, llama.cpp
// server as many as fit its batch); 4 requests at once keep a local
// server busy without queueing behind itself.
const (
	DefaultEmbedBatch       = 64
	DefaultEmbedConcurrency = 4
)

// RemoteConfig configures an OpenAI-compatible embedder.
type RemoteConfig struct {
	Client *llm.Client
	Model  string
	// Dim asks the server for this many dimensions (text-embedding-3
	// models); zero takes the model's own, found by embedding one text.
	Dim         int
	Batch       int // inputs per request
	Concurrency int // requests at once
	// Cache keeps vectors on disk; nil keeps them in memory only.
	CacheDir string
	Logger   *slog.Logger
}

// Remote embeds through an OpenAI-compatible endpoint, in batches, with
// every vector cached by content hash.
type Remote struct {
	cfg   RemoteConfig
	dim   int
	cache *EmbedCache
	// Changed is the cache's note that the model or dimension changed.
	Changed string
}

// NewRemote connects to the endpoint, learns the dimension if cfg.Dim is
// zero, and opens the cache.
func NewRemote(ctx context.Context, cfg RemoteConfig) (*Remote, error) {
	if cfg.Batch <= 0 {
		cfg.Batch = DefaultEmbedBatch
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultEmbedConcurrency
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	dim := cfg.Dim
	if dim == 0 {
		v, err := cfg.Client.Embed(ctx, cfg.Model, 0, []string{"dimension probe"})
		if err != nil {
			return nil, fmt.Errorf("embedding model %s: %w", cfg.Model, err)
		}
		dim = len(v[0])
	}
	r := &Remote{cfg: cfg, dim: dim}
	var err error
	if cfg.CacheDir != "" {
		r.cache, err = OpenEmbedCache(cfg.CacheDir, cfg.Model, dim)
	} else {
		r.cache = &EmbedCache{model: cfg.Model, dim: dim, vecs: map[[32]byte][]float32{}}
	}
	if err != nil {
		return nil, err
	}
	r.Changed = r.cache.Changed
	if r.Changed != "" {
		cfg.Logger.Warn(r.Changed)
	}
	return r, nil
}

// Dim is the dimension of the vectors.
func (r *Remote) Dim() int { return r.dim }

// Cached is the number of vectors in the cache.
func (r *Remote) Cached() int { return r.cache.Len() }

// Close closes the cache.
func (r *Remote) Close() error { return r.cache.Close() }

// Embedder is r as the index's embedder. Its name carries the model and
// dimension, so a store records which vectors it holds. A question that
// cannot be embedded gets a fixed unit vector — the lexical half of the
// search still answers — rather than no answer.
func (r *Remote) Embedder() Embedder {
	return Embedder{Name: fmt.Sprintf("openai:%s@%d", r.cfg.Model, r.dim), Dim: r.dim, Embed: func(ctx context.Context, text string) ([]float32, error) {
		if v, ok := r.cache.Get(text); ok {
			return v, nil
		}
		if err := r.Warm(ctx, []string{text}); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r.cfg.Logger.Warn("embedding failed; searching by words alone", "err", err.Error())
			return unitVector(r.dim), nil
		}
		v, _ := r.cache.Get(text)
		return v, nil
	}}
}

// WarmCorpus embeds every passage of c that the cache lacks, in batches:
// the index build then finds each vector cached (chromem-go and Build ask
// for one text at a time).
func (r *Remote) WarmCorpus(ctx context.Context, c *corpus.Corpus) error {
	var texts []string
	for _, d := range c.Docs() {
		for _, p := range d.Passages {
			texts = append(texts, p.Text)
		}
	}
	return r.Warm(ctx, texts)
}

// Warm embeds the texts the cache lacks, cfg.Batch per request and
// cfg.Concurrency requests at once, and caches the normalised vectors.
func (r *Remote) Warm(ctx context.Context, texts []string) error {
	var todo []string
	seen := map[string]bool{}
	for _, t := range texts {
		if _, ok := r.cache.Get(t); !ok && !seen[t] {
			seen[t] = true
			todo = append(todo, t)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, r.cfg.Concurrency)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i := 0; i < len(todo); i += r.cfg.Batch {
		batch := todo[i:min(i+r.cfg.Batch, len(todo))]
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := r.embedBatch(ctx, batch); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}()
	}
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		first = ctx.Err()
	}
	return first
}

func (r *Remote) embedBatch(ctx context.Context, batch []string) error {
	vecs, err := r.cfg.Client.Embed(ctx, r.cfg.Model, r.cfg.Dim, batch)
	if err != nil {
		return fmt.Errorf("embed %d passages with %s: %w", len(batch), r.cfg.Model, err)
	}
	for i, v := range vecs {
		if len(v) != r.dim {
			return fmt.Errorf("embedding model %s returned %d dimensions, expected %d (did the model behind the endpoint change?)", r.cfg.Model, len(v), r.dim)
		}
		if isZero(v) {
			// chromem-go turns a zero vector into NaNs.
			vecs[i] = unitVector(r.dim)
			continue
		}
		normalize(v)
	}
	return r.cache.Put(batch, vecs)
}

// isZero reports a vector that cannot be normalised: all zero, or not
// finite anywhere.
func isZero(v []float32) bool {
	zero := true
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return true
		}
		zero = zero && x == 0
	}
	return zero
}

// unitVector is the fixed stand-in for a text with no usable embedding.
func unitVector(dim int) []float32 {
	v := make([]float32, dim)
	v[0] = 1
	return v
}
