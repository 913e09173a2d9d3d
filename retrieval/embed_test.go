package retrieval

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/lang"
)

func TestOfflineVector(t *testing.T) {
	a := OfflineVector("ICE agents operated in Sinaloa")
	b := OfflineVector("ICE agents operated in Sinaloa")
	var norm float64
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("not deterministic at %d: %v vs %v", i, a[i], b[i])
		}
		norm += float64(a[i]) * float64(a[i])
	}
	if math.Abs(norm-1) > 1e-5 {
		t.Errorf("norm² = %v, want 1", norm)
	}
	near := Cosine(a, OfflineVector("agency operations in Sinaloa state"))
	far := Cosine(a, OfflineVector("the recipe needs two cups of flour"))
	if near <= far {
		t.Errorf("related text cos %.3f not above unrelated %.3f", near, far)
	}
	if len(a) != OfflineDim {
		t.Errorf("dim = %d, want %d", len(a), OfflineDim)
	}
}

func TestStoreClampsN(t *testing.T) {
	ctx := context.Background()
	s, err := NewStore(Offline())
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Query(ctx, OfflineVector("anything"), 5)
	if err != nil || len(got) != 0 {
		t.Fatalf("empty store: got %v, %v; want no matches and no error", got, err)
	}
	if err := s.Add(ctx, []string{"a", "b"}, []string{"drug labs in Sinaloa", "flour and sugar"}); err != nil {
		t.Fatal(err)
	}
	got, err = s.Query(ctx, OfflineVector("Sinaloa labs"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "a" {
		t.Errorf("got %+v, want both ids with a first", got)
	}
}

// Copies of one passage tie; which of them make the cut must not depend
// on chromem-go's parallel ranking: always the lowest ids, whatever the
// run (a run of ties larger than twice the cut included).
func TestStoreQueryTiesAreDeterministic(t *testing.T) {
	ctx := context.Background()
	s, err := NewStore(Offline())
	if err != nil {
		t.Fatal(err)
	}
	var ids, texts []string
	for i := range 60 {
		ids = append(ids, fmt.Sprintf("copy-%02d", i))
		texts = append(texts, "drug labs in the harbour of Velm")
	}
	ids, texts = append(ids, "best"), append(texts, "drug labs in Velm")
	if err := s.Add(ctx, ids, texts); err != nil {
		t.Fatal(err)
	}
	q := OfflineVector("drug labs in Velm")
	for range 30 {
		got, err := s.Query(ctx, q, 5)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []string
		for _, m := range got {
			gotIDs = append(gotIDs, m.ID)
		}
		want := []string{"best", "copy-00", "copy-01", "copy-02", "copy-03"}
		if !slices.Equal(gotIDs, want) {
			t.Fatalf("Query = %v, want %v", gotIDs, want)
		}
	}
}

// referenceVector is the offline embedding as first written, with
// hash/fnv over concatenated feature strings; the in-place hashing must
// give the very same vectors, or every persisted index would be stale.
func referenceVector(text string) []float32 {
	toks := lang.Tokenize(text)
	v := make([]float32, OfflineDim)
	add := func(f string, w float32) {
		h := fnv.New64a()
		h.Write([]byte(f))
		x := h.Sum64()
		i := int(x % uint64(len(v)))
		if x>>63 == 1 {
			w = -w
		}
		v[i] += w
	}
	for i, t := range toks {
		add("w:"+t.Stem, 1)
		if i > 0 {
			add("b:"+toks[i-1].Stem+" "+t.Stem, 0.5)
		}
		w := "<" + t.Stem + ">"
		if len(w) > 5 {
			n := len(w) - 3
			for j := 0; j < n; j++ {
				add("c:"+w[j:j+4], 0.6/float32(n))
			}
		}
	}
	normalize(v)
	return v
}

func TestOfflineVectorMatchesReference(t *testing.T) {
	for _, text := range []string{"ICE agents operated in Sinaloa", "Ünïcode wörds, 750 labs; the Institute of Marine Studies", "a", ""} {
		if got, want := OfflineVector(text), referenceVector(text); !slices.Equal(got, want) {
			t.Errorf("%q: vectors differ", text)
		}
	}
}
