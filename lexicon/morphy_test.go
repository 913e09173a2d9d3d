package lexicon

import (
	"slices"
	"strings"
	"testing"
)

func TestBase(t *testing.T) {
	l := Default()
	tests := []struct {
		word string
		pos  POS
		want []string
	}{
		// Exception lists.
		{"geese", Noun, []string{"goose"}},
		{"children", Noun, []string{"child"}},
		{"built", Verb, []string{"build"}},
		{"was", Verb, []string{"be"}},
		{"went", Verb, []string{"go"}},
		{"axes", Noun, []string{"ax", "axis"}},
		// Suffix rules.
		{"churches", Noun, []string{"church"}},
		{"dogs", Noun, []string{"dog"}},
		{"boxes", Noun, []string{"box"}},
		{"parties", Noun, []string{"party"}},
		{"women", Noun, []string{"woman"}},
		{"running", Verb, []string{"run"}},
		{"looked", Verb, []string{"look"}},
		{"hoped", Verb, []string{"hope", "hop"}},
		// A lemma is its own first base; the rules may add more.
		{"church", Noun, []string{"church"}},
		{"glasses", Noun, []string{"glasses", "glass"}},
		{"glass", Noun, []string{"glass"}},
		// Phrases inflect their last word; phrasal verbs their first.
		{"political parties", Noun, []string{"political party"}},
		{"political party", Noun, []string{"political party"}},
		{"ice hockey", Noun, []string{"ice hockey"}},
		{"gave up", Verb, []string{"give up"}},
		{"takes off", Verb, []string{"take off"}},
		// Case folds; outer spaces go.
		{"Churches", Noun, []string{"church"}},
		{" political parties ", Noun, []string{"political party"}},
		// Nothing to find.
		{"glas", Noun, nil},
		{"xyzzies", Noun, nil},
		{"church", POS(7), nil},
		{"the", Noun, nil},
		{"", Noun, nil},
		{" ", Verb, nil},
		{"q", Verb, nil},
		{"ñandúes", Noun, nil},
		{strings.Repeat("very ", 40) + "dogs", Noun, nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := l.Base(tt.word, tt.pos); !slices.Equal(got, tt.want) {
				t.Errorf("Base(%q, %d) = %q, want %q", tt.word, tt.pos, got, tt.want)
			}
		})
	}
}

func TestBaseDoesNotAllocate(t *testing.T) {
	l := Default()
	var buf [8]int32
	for _, w := range []string{"churches", "political parties", "the red churches", "gave up", "xyzzy"} {
		allocs := testing.AllocsPerRun(100, func() { l.baseIDs(w, Noun, buf[:0]); l.baseIDs(w, Verb, buf[:0]) })
		if allocs != 0 {
			t.Errorf("baseIDs(%q): %v allocations, want 0", w, allocs)
		}
	}
}

func BenchmarkBase(b *testing.B) {
	l := Default()
	words := []string{"churches", "political parties", "built", "table", "the", "of the", "xyzzy"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		l.Base(words[i%len(words)], Noun)
		i++
	}
}
