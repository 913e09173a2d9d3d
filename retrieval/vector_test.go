package retrieval

import (
	"math"
	"sort"
	"testing"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
)

func TestQuantize(t *testing.T) {
	v := OfflineVector("Drug labs were dismantled in Sinaloa, the navy said.")
	q := Quantize(v)
	if !q.Stored() {
		t.Fatal("a real vector was left out")
	}
	if got := float64(q.similarity(newQuery(v))); math.Abs(got-1) > 1e-3 {
		t.Errorf("cosine of a vector with itself = %v, want 1", got)
	}
	wide := make([]float32, 3072)
	for i := range wide {
		wide[i] = 1
	}
	if got := Quantize(wide).similarity(newQuery(normalized(wide))); math.Abs(float64(got)-1) > 1e-3 {
		t.Errorf("3,072 dimensions: cosine with itself = %v, want 1 (no overflow)", got)
	}
	for _, bad := range [][]float32{make([]float32, 8), {float32(math.NaN()), 1}, {float32(math.Inf(1)), 0}} {
		if Quantize(bad).Stored() {
			t.Errorf("%v: stored, want left out", bad)
		}
	}
}

// Quantized cosines rank passages as float32 ones do: over the shipped
// corpus, each sentence's top 10 passages by the two measures agree but
// for near-ties.
func TestQuantizedRanking(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	units := CorpusUnits(c)
	floats := make([][]float32, len(units))
	quant := make([]Vector, len(units))
	for i, u := range units {
		floats[i] = OfflineVector(u.Text)
		quant[i] = Quantize(floats[i])
	}
	agree, total := 0, 0
	for _, d := range c.Docs() {
		for k, s := range d.Sentences {
			toks := lang.Tokenize(s.Text)
			if len(toks) < 3 || k%4 != 0 {
				continue
			}
			q := OfflineTokens(toks[:min(6, len(toks))])
			top := func(sim func(i int) float64) map[int]bool {
				idx := make([]int, len(units))
				for i := range idx {
					idx[i] = i
				}
				sort.SliceStable(idx, func(a, b int) bool { return sim(idx[a]) > sim(idx[b]) })
				m := map[int]bool{}
				for _, i := range idx[:10] {
					m[i] = true
				}
				return m
			}
			f := top(func(i int) float64 { return Cosine(q, floats[i]) })
			nq := newQuery(q)
			for i := range top(func(i int) float64 { return float64(quant[i].similarity(nq)) }) {
				if f[i] {
					agree++
				}
				total++
			}
		}
	}
	frac := float64(agree) / float64(total)
	t.Logf("top-10 agreement %.3f over %d passages", frac, total)
	if frac < 0.97 {
		t.Errorf("top-10 agreement %.3f, want at least 0.97", frac)
	}
}
