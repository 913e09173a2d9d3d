// Package retrieval finds the passages of a corpus that bear on a question:
// an Embedder (offline by default) feeding a chromem-go vector store, a
// lexical BM25 index, and hybrid fusion of both with per-document
// diversification, because conflicting accounts live in different sources.
//
// Nothing here imports Slack or knows the answer contract.
package retrieval

import (
	"context"
	"hash/fnv"
	"math"

	"github.com/crosscheck/crosscheck/lang"
)

// EmbedFunc turns a text into a vector. It has the shape of
// chromem.EmbeddingFunc so a remote (OpenAI-compatible) embedder can take the
// offline one's place without the store noticing.
type EmbedFunc func(ctx context.Context, text string) ([]float32, error)

// Embedder names an EmbedFunc and its dimension, so a persisted store can
// refuse vectors from a different embedder.
type Embedder struct {
	Name  string
	Dim   int
	Embed EmbedFunc
	// embedTokens, when set, embeds already tokenized text: an index
	// build tokenizes each passage once for both the lexical index and
	// a local embedder. Remote embedders leave it nil.
	embedTokens func([]lang.Token) []float32
}

// OfflineDim is the dimension of the offline embedder. 1024 hashed buckets
// keep collisions rare for passage-sized texts while a brute-force query over
// 10,000 passages stays in the low milliseconds.
const OfflineDim = 1024

// Offline returns the built-in embedder: hashed stemmed words, word bigrams
// and character 4-grams (so "agent" and "agency" land close). It needs no
// weights and no network, and is deterministic. Vectors are L2-normalised
// because chromem-go does not normalise a custom EmbeddingFunc's output.
func Offline() Embedder {
	return Embedder{Name: "offline-hash-v1", Dim: OfflineDim, Embed: func(_ context.Context, text string) ([]float32, error) {
		return OfflineVector(text), nil
	}, embedTokens: OfflineTokens}
}

// OfflineVector is the offline embedding of text.
func OfflineVector(text string) []float32 { return OfflineTokens(lang.Tokenize(text)) }

// OfflineTokens is the offline embedding of text already tokenized with
// Tokenize, for callers that also need the tokens.
func OfflineTokens(toks []lang.Token) []float32 {
	v := make([]float32, OfflineDim)
	for i, t := range toks {
		addFeature(v, "w:"+t.Stem, 1)
		if i > 0 {
			addFeature(v, "b:"+toks[i-1].Stem+" "+t.Stem, 0.5)
		}
		w := "<" + t.Stem + ">"
		if len(w) > 5 {
			n := len(w) - 3
			for j := 0; j < n; j++ {
				addFeature(v, "c:"+w[j:j+4], 0.6/float32(n))
			}
		}
	}
	normalize(v)
	return v
}

func addFeature(v []float32, f string, w float32) {
	h := fnv.New64a()
	h.Write([]byte(f))
	x := h.Sum64()
	i := int(x % uint64(len(v)))
	if x>>63 == 1 {
		w = -w
	}
	v[i] += w
}

func normalize(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	n := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= n
	}
}

// Cosine is the dot product of two normalised vectors.
func Cosine(a, b []float32) float64 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return float64(s)
}
