package retrieval

import (
	"math"
	"sort"

	"github.com/crosscheck/crosscheck/lang"
)

// Lexical is an Okapi BM25 index over units of text (passages or sentences).
// It exists beside the vector store because exact names and figures ("HSI",
// "750") matter more in news questions than any hashed similarity.
type Lexical struct {
	postings map[string][]posting
	lens     []int
	avgLen   float64
}

type posting struct {
	unit int
	tf   int
}

// BM25 parameters: the usual defaults.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// NewLexical indexes texts; unit i is texts[i].
func NewLexical(texts []string) *Lexical {
	stems := make([][]string, len(texts))
	for i, t := range texts {
		stems[i] = lang.Stems(t)
	}
	return newLexicalStems(stems)
}

// newLexicalStems indexes units already split into stems.
func newLexicalStems(units [][]string) *Lexical {
	l := &Lexical{postings: map[string][]posting{}, lens: make([]int, len(units))}
	total := 0
	for i, stems := range units {
		l.lens[i] = len(stems)
		total += len(stems)
		tf := map[string]int{}
		for _, s := range stems {
			tf[s]++
		}
		for s, n := range tf {
			l.postings[s] = append(l.postings[s], posting{unit: i, tf: n})
		}
	}
	if len(units) > 0 {
		l.avgLen = float64(total) / float64(len(units))
	}
	return l
}

// Len is the number of units.
func (l *Lexical) Len() int { return len(l.lens) }

// DF is the number of units containing stem.
func (l *Lexical) DF(stem string) int { return len(l.postings[stem]) }

// IDF is the BM25 inverse document frequency of stem (0 when unseen).
func (l *Lexical) IDF(stem string) float64 {
	df := float64(len(l.postings[stem]))
	if df == 0 {
		return 0
	}
	n := float64(len(l.lens))
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// Scored is a unit and its score.
type Scored struct {
	Unit  int
	Score float64
}

// Search scores every unit sharing a stem with the query and returns the
// best n, highest first. Repeated query stems count once.
func (l *Lexical) Search(queryStems []string, n int) []Scored {
	scores := map[int]float64{}
	seen := map[string]bool{}
	for _, s := range queryStems {
		if seen[s] {
			continue
		}
		seen[s] = true
		idf := l.IDF(s)
		for _, p := range l.postings[s] {
			tf := float64(p.tf)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(l.lens[p.unit])/l.avgLen)
			scores[p.unit] += idf * tf * (bm25K1 + 1) / (tf + norm)
		}
	}
	out := make([]Scored, 0, len(scores))
	for u, s := range scores {
		out = append(out, Scored{u, s})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Unit < out[j].Unit
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
