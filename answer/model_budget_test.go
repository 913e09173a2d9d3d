package answer

import (
	"slices"
	"testing"
)

func TestBudgetOrder_EverySideFirst(t *testing.T) {
	q := func(doc string, start int) Quote {
		return Quote{DocID: doc, Start: start, End: start + 10, Text: "0123456789"}
	}
	// Invented evidence: dispute d1 has sides 0 (ids 1, 2, 3) and 1 (id 5);
	// an undisputed account holds ids 4 and 6.
	ev := &Evidence{
		Sentences: []EvidenceSentence{
			{ID: 1, Quote: q("a", 0), Holder: "A", Disputes: []string{"d1"}, Side: []int{0}},
			{ID: 2, Quote: q("a", 20), Holder: "A", Disputes: []string{"d1"}, Side: []int{0}},
			{ID: 3, Quote: q("a", 40), Holder: "A", Disputes: []string{"d1"}, Side: []int{0}},
			{ID: 4, Quote: q("c", 0), Holder: "C"},
			{ID: 5, Quote: q("b", 0), Holder: "B", Disputes: []string{"d1"}, Side: []int{1}},
			{ID: 6, Quote: q("c", 20), Holder: "C"},
		},
		Offline: &Answer{Accounts: []Account{{Holder: "C", Quotes: []Quote{q("c", 0), q("c", 20)}}}},
	}
	got := budgetOrder(ev)
	want := []int{1, 5, 4, 2, 6, 3}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	m := NewModelComposer(ModelConfig{Budget: 1})
	if n := m.fit(ev, got); n != 1 {
		t.Errorf("a budget too small for anything keeps %d sentences, want 1", n)
	}
	m = NewModelComposer(ModelConfig{Budget: 1 << 20})
	if n := m.fit(ev, got); n != len(got) {
		t.Errorf("a large budget keeps %d sentences, want all %d", n, len(got))
	}
}
