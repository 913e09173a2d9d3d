package retrieval

import (
	"context"
	"math"
	"testing"
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
