package retrieval

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// A passage with no words embeds to a zero vector; chromem-go would turn
// it into NaN and every query would rescan the collection. It must stay
// out of the vector store and out of every result.
func TestZeroTokenPassageKeepsNaNOut(t *testing.T) {
	ctx := context.Background()
	units := []Unit{
		{DocID: "a", Text: "."},
		{DocID: "a", Passage: 1, Text: "```"},
		{DocID: "b", Text: "Drug labs were found in Sinaloa."},
		{DocID: "c", Text: "The harbour was dredged in April."},
	}
	ix, err := BuildUnits(ctx, units, Offline())
	if err != nil {
		t.Fatal(err)
	}
	if got := ix.store.Count(); got != 2 {
		t.Errorf("store holds %d vectors, want 2 (the zero-token passages left out)", got)
	}
	for _, q := range []string{"drug labs", "?", "..."} {
		hits, err := ix.Search(ctx, q, SearchOptions{K: 10})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if math.IsNaN(h.Vector) || math.IsNaN(h.Score) {
				t.Errorf("%q: hit %+v carries NaN", q, h)
			}
		}
	}
	matches, err := ix.store.Query(ctx, make([]float32, OfflineDim), 5)
	if err != nil || len(matches) != 0 {
		t.Errorf("zero query vector: %v, %v; want no matches", matches, err)
	}
}

func TestBuildReusingEmbedsOnlyWhatIsNew(t *testing.T) {
	ctx := context.Background()
	units := []Unit{{DocID: "a", Text: "Drug labs in Sinaloa."}, {DocID: "b", Text: "A harbour in Velm."}}
	first, n, err := BuildReusing(ctx, units, Offline(), nil)
	if err != nil || n != 2 {
		t.Fatalf("first build embedded %d (%v), want 2", n, err)
	}
	units = append(units, Unit{DocID: "c", Text: "A new passage."})
	prior := []*Vector{&first.Vectors()[0], &first.Vectors()[1], nil}
	second, n, err := BuildReusing(ctx, units, Offline(), prior)
	if err != nil || n != 1 {
		t.Fatalf("second build embedded %d (%v), want 1", n, err)
	}
	if &second.Vectors()[0].Q[0] != &first.Vectors()[0].Q[0] {
		t.Error("a reused vector was copied or recomputed")
	}
}

// An index built in memory (chromem-go) and the same index restored from
// its saved parts (the compact Store) find the same passages in the same
// order; similarities differ only by the 8-bit quantization's rounding.
func TestRestoreSearchesLikeBuild(t *testing.T) {
	ctx := context.Background()
	built := defaultIndex(t)
	restored, err := Restore(ctx, built.Units(), built.Vectors(), built.Lexical(), Offline())
	if err != nil {
		t.Fatal(err)
	}
	q := "Did US agents operate in Sinaloa?"
	a, _ := built.Search(ctx, q, SearchOptions{})
	b, _ := restored.Search(ctx, q, SearchOptions{})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("hits %d vs %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Unit != b[i].Unit || a[i].Lexical != b[i].Lexical || math.Abs(a[i].Vector-b[i].Vector) > 1e-4 {
			t.Errorf("hit %d: built %+v, restored %+v", i, a[i], b[i])
		}
	}
}

// The parallel scan returns exactly what sorting every similarity gives.
func TestStoreQueryMatchesFullSort(t *testing.T) {
	ctx := context.Background()
	emb := Embedder{Name: "test", Dim: 8}
	s, _ := NewStore(emb)
	r := rand.New(rand.NewPCG(1, 2))
	var ids []string
	var vecs [][]float32
	for i := range 5000 {
		v := make([]float32, emb.Dim)
		for j := range v {
			v[j] = float32(r.IntN(5)) - 2 // coarse values: many exact ties
		}
		ids = append(ids, fmt.Sprintf("u%05d", i))
		vecs = append(vecs, v)
	}
	if err := s.AddVectors(ctx, ids, ids, vecs); err != nil {
		t.Fatal(err)
	}
	q := []float32{1, -1, 2, 0, 0, 1, -2, 1}
	var want []Match
	for i, v := range s.vecs {
		want = append(want, Match{ID: s.ids[i], Similarity: float64(v.similarity(newQuery(normalized(q))))})
	}
	sort.Slice(want, func(i, j int) bool {
		if want[i].Similarity != want[j].Similarity {
			return want[i].Similarity > want[j].Similarity
		}
		return want[i].ID < want[j].ID
	})
	for _, n := range []int{1, 10, 200} {
		got, err := s.Query(ctx, q, n)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want[:n]) {
			t.Errorf("n=%d: got %v…, want %v…", n, got[:min(3, len(got))], want[:3])
		}
	}
}
