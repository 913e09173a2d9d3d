package retrieval

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/corpus"
)

func defaultIndex(tb testing.TB) *Index {
	tb.Helper()
	c, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := Build(context.Background(), c, Offline())
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// The headline question's conflicting accounts live in different articles:
// the first results must come from several of them, not one.
func TestSearchHeadlineSpansDocuments(t *testing.T) {
	ix := defaultIndex(t)
	hits, err := ix.Search(context.Background(), "Did US agents operate in Sinaloa?", SearchOptions{K: 5})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	for _, h := range hits {
		docs[h.DocID] = true
	}
	if len(docs) < 3 {
		t.Errorf("top %d hits come from %d documents (%v), want at least 3", len(hits), len(docs), docs)
	}
}

func TestDiversifyRoundRobin(t *testing.T) {
	ranked := []Hit{{Unit: 0, DocID: "a"}, {Unit: 1, DocID: "a"}, {Unit: 2, DocID: "a"}, {Unit: 3, DocID: "b"}, {Unit: 4, DocID: "c"}}
	got := diversify(ranked, 4, 2)
	var units []int
	for _, h := range got {
		units = append(units, h.Unit)
	}
	want := []int{0, 3, 4, 1}
	if len(units) != len(want) {
		t.Fatalf("got %v, want %v", units, want)
	}
	for i := range want {
		if units[i] != want[i] {
			t.Fatalf("got %v, want %v", units, want)
		}
	}
}

func BenchmarkIndex_Build_Default(b *testing.B) {
	c, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Build(context.Background(), c, Offline()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndex_Search_Default(b *testing.B) {
	ix := defaultIndex(b)
	for b.Loop() {
		if _, err := ix.Search(context.Background(), "Did US agents operate in Sinaloa?", SearchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
