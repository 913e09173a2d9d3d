// Package retrieval finds the passages of a corpus that bear on a question:
// an Embedder (offline by default) feeding a vector store — a chromem-go
// collection for an index built in memory, a compact scan of 8-bit vectors
// for an index persisted by an ingest — a lexical BM25 index, and hybrid
// fusion of both with per-document diversification, because conflicting
// accounts live in different sources.
//
// Nothing here imports Slack or knows the answer contract.
package retrieval

import (
	"context"
	"math"

	"github.com/crosscheck/crosscheck/lang"
)

// EmbedFunc turns a text into a vector. It has the shape of
// chromem.EmbeddingFunc, so a remote (OpenAI-compatible) embedder written
// for chromem-go can take the offline one's place.
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
// so that a cosine is a dot product (the store normalises others itself).
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
		addFeature(v, fnvAdd(fnvAdd(fnvOffset, "w:"), t.Stem), 1)
		if i > 0 {
			h := fnvAdd(fnvAdd(fnvOffset, "b:"), toks[i-1].Stem)
			addFeature(v, fnvAdd(fnvAdd(h, " "), t.Stem), 0.5)
		}
		// Character 4-grams of "<stem>", hashed as "c:" + gram.
		if w := len(t.Stem) + 2; w > 5 {
			n := w - 3
			for j := 0; j < n; j++ {
				h := fnvAdd(fnvOffset, "c:")
				for k := j; k < j+4; k++ {
					h = fnvByte(h, boundedByte(t.Stem, k-1))
				}
				addFeature(v, h, 0.6/float32(n))
			}
		}
	}
	normalize(v)
	return v
}

// boundedByte is byte i of "<" + s + ">" without building that string,
// given i counted from s's start (-1 is the "<").
func boundedByte(s string, i int) byte {
	switch {
	case i < 0:
		return '<'
	case i >= len(s):
		return '>'
	}
	return s[i]
}

// FNV-1a, 64 bit, computed over feature strings in place: the index build
// hashes several features per token, and hash/fnv would allocate for each.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

// addFeature adds w to the bucket of feature hash x, signed by its top bit
// so that collisions cancel out on average rather than pile up.
func addFeature(v []float32, x uint64, w float32) {
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
