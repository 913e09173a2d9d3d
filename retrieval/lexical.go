package retrieval

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/crosscheck/crosscheck/lang"
)

// Lexical is an Okapi BM25 index over units of text (passages or sentences).
// It exists beside the vector store because exact names and figures ("HSI",
// "750") matter more in news questions than any hashed similarity.
type Lexical struct {
	postings map[string][]posting
	lens     []int
	avgLen   float64
	// scratch holds score arrays for Search, one per concurrent search.
	scratch sync.Pool
}

// posting is 8 bytes: int32 holds any unit count one process can index,
// and postings are most of the index's memory.
type posting struct {
	unit int32
	tf   int32
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
			l.postings[s] = append(l.postings[s], posting{unit: int32(i), tf: int32(n)})
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
// best n (all when n <= 0), highest first, ties by unit. Repeated query
// stems count once. Scores add up in a dense array rather than a map, and
// only the best n are ordered: a common stem has postings in a good part
// of a 100,000-passage index.
func (l *Lexical) Search(queryStems []string, n int) []Scored {
	acc, _ := l.scratch.Get().(*[]float64)
	if acc == nil || len(*acc) != len(l.lens) {
		buf := make([]float64, len(l.lens))
		acc = &buf
	}
	scores := *acc
	var touched []int32
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
			if scores[p.unit] == 0 {
				touched = append(touched, p.unit)
			}
			// Every term adds a positive amount (idf > 0), so a zero
			// score marks an untouched unit.
			scores[p.unit] += idf * tf * (bm25K1 + 1) / (tf + norm)
		}
	}
	out := make([]Scored, len(touched))
	for i, u := range touched {
		out[i] = Scored{int(u), scores[u]}
		scores[u] = 0
	}
	l.scratch.Put(acc)
	if n > 0 && len(out) > n {
		out = bestScored(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return scoredBefore(out[i], out[j]) })
	return out
}

func scoredBefore(a, b Scored) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.Unit < b.Unit
}

// bestScored returns the n best of all, in no particular order, through a
// min-heap of size n.
func bestScored(all []Scored, n int) []Scored {
	h := scoredHeap(append([]Scored(nil), all[:n]...))
	heap.Init(&h)
	for _, c := range all[n:] {
		if scoredBefore(c, h[0]) {
			h[0] = c
			heap.Fix(&h, 0)
		}
	}
	return h
}

// scoredHeap keeps the worst of the best on top.
type scoredHeap []Scored

func (h scoredHeap) Len() int           { return len(h) }
func (h scoredHeap) Less(i, j int) bool { return scoredBefore(h[j], h[i]) }
func (h scoredHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoredHeap) Push(x any)        { *h = append(*h, x.(Scored)) }
func (h *scoredHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// lexicalMagic opens a saved lexical index; the digit is its version.
const lexicalMagic = "CXLEX1\n"

// WriteTo saves the index in a compact binary form (unit lengths, then each
// stem with its postings as varint deltas), terms sorted so that the same
// index always gives the same bytes. Decoding it is far cheaper than
// tokenizing every passage again.
func (l *Lexical) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := &countWriter{w: bw}
	buf := make([]byte, 0, binary.MaxVarintLen64)
	put := func(x uint64) { cw.Write(binary.AppendUvarint(buf[:0], x)) }
	cw.Write([]byte(lexicalMagic))
	put(uint64(len(l.lens)))
	for _, n := range l.lens {
		put(uint64(n))
	}
	terms := make([]string, 0, len(l.postings))
	for t := range l.postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	put(uint64(len(terms)))
	for _, t := range terms {
		put(uint64(len(t)))
		cw.Write([]byte(t))
		ps := l.postings[t]
		put(uint64(len(ps)))
		prev := int32(0)
		for _, p := range ps {
			put(uint64(p.unit - prev))
			put(uint64(p.tf))
			prev = p.unit
		}
	}
	if cw.err == nil {
		cw.err = bw.Flush()
	}
	return cw.n, cw.err
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// ReadLexical decodes an index saved by WriteTo. Damaged input is an
// error, never a panic or a partial index.
func ReadLexical(r io.Reader) (*Lexical, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic := make([]byte, len(lexicalMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != lexicalMagic {
		return nil, errors.New("not a saved lexical index (bad header)")
	}
	var err error
	get := func(limit uint64) uint64 {
		if err != nil {
			return 0
		}
		var x uint64
		if x, err = binary.ReadUvarint(br); err == nil && x > limit {
			err = fmt.Errorf("value %d out of range", x)
		}
		return x
	}
	const maxUnits = math.MaxInt32
	n := get(maxUnits)
	if err != nil {
		return nil, fmt.Errorf("lexical index: %w", err)
	}
	l := &Lexical{lens: make([]int, 0, min(n, 1<<20))}
	total := 0
	for range n {
		x := int(get(1 << 30))
		l.lens = append(l.lens, x)
		total += x
	}
	terms := get(maxUnits)
	if err != nil {
		return nil, fmt.Errorf("lexical index: %w", err)
	}
	l.postings = make(map[string][]posting, min(terms, 1<<20))
	var word []byte
	for range terms {
		wl := get(1 << 16)
		if err != nil {
			break
		}
		word = append(word[:0], make([]byte, wl)...)
		if _, err = io.ReadFull(br, word); err != nil {
			break
		}
		np := get(n)
		ps := make([]posting, 0, min(np, 1<<20))
		unit := uint64(0)
		for range np {
			unit += get(n)
			tf := get(1 << 30)
			if err == nil && unit >= n {
				err = fmt.Errorf("posting for unit %d of %d", unit, n)
			}
			if err != nil {
				break
			}
			ps = append(ps, posting{unit: int32(unit), tf: int32(tf)})
		}
		l.postings[string(word)] = ps
	}
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("lexical index: %w", err)
	}
	if n > 0 {
		l.avgLen = float64(total) / float64(n)
	}
	return l, nil
}
