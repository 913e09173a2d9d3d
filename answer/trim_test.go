package answer

import "testing"

// When an answer has too many quotes, an account gives up first the
// further quotes a dispute brought (its first quote already states the
// side), then the sentence the question scored lowest, and among equals
// the one writing fewer of the words the question asks about; its first
// quote never goes.
func TestWeakestQuoteGoesFirst(t *testing.T) {
	qa := &Query{relStems: []string{"photo", "show"}}
	qs := []Quote{
		{Text: "The minister denied the report, calling it false."},
		{Text: "This photograph does not correspond to the raid, the minister said.", relevance: 0.25},
		{Text: "The minister rejected the report on Thursday.", relevance: 0.2},
		{Text: "The minister said no foreign agents took part."},
		{Text: "The minister said the photo was old."},
	}
	var order []string
	for len(qs) > 1 {
		w := weakestQuote(qa, qs, nil)
		if w == 0 {
			t.Fatal("the first quote was dropped")
		}
		order = append(order, qs[w].Text)
		qs = append(qs[:w:w], qs[w+1:]...)
	}
	want := []string{
		"The minister said no foreign agents took part.", // brought by a dispute, no word asked
		"The minister said the photo was old.",           // brought by a dispute
		"The minister rejected the report on Thursday.",  // found, scored lower
		"This photograph does not correspond to the raid, the minister said.",
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("dropped in order %q, want %q", order, want)
		}
	}
}

// A further quote that alone carries a side of a shown dispute in its
// account is never dropped: with every further quote so marked, none is.
func TestWeakestQuoteKeepsSoleSides(t *testing.T) {
	qa := &Query{relStems: []string{"lead"}}
	qs := []Quote{
		{Text: "The minister denied the report."},
		{Text: "The minister said the raid was legal.", relevance: 0.3},
		{Text: "The harbour police acts on tips it receives."},
	}
	if w := weakestQuote(qa, qs, []bool{false, false, true}); w != 1 {
		t.Fatalf("dropped %d, want the quote carrying no side of its own", w)
	}
	if w := weakestQuote(qa, qs, []bool{false, true, true}); w != -1 {
		t.Fatalf("dropped %d, want none", w)
	}
}
