package lexicon

import (
	"slices"
	"testing"
)

func TestPertainyms(t *testing.T) {
	l := Default()
	tests := []struct {
		adj   string
		want  []string // exactly, when set
		has   []string
		lacks []string
	}{
		{adj: "finnish", want: []string{"finland"}},
		{adj: "russian", has: []string{"russia"}},
		{adj: "mexican", has: []string{"mexico"}},
		{adj: "french", has: []string{"france"}},
		// The pointer names the word "Netherlands", not its synonyms.
		{adj: "dutch", want: []string{"netherlands"}, lacks: []string{"holland"}},
		{adj: "norwegian", has: []string{"norway"}},
		{adj: "norse", has: []string{"norway"}},
		{adj: "parisian", has: []string{"paris"}},
		// Sense order: Gallic is Gaul's before it is France's.
		{adj: "gallic", want: []string{"gaul", "france"}},
		// Two senses pointing at "america" give it once.
		{adj: "american", want: []string{"america"}},
		{adj: "north american", want: []string{"north america"}},
		// A syntactic marker in data.adj: centigrade(ip).
		{adj: "centigrade", want: []string{"centigrade scale"}},
		{adj: "Finnish", want: []string{"finland"}},
		{adj: " RUSSIAN ", has: []string{"russia"}},
	}
	for _, tt := range tests {
		t.Run(tt.adj, func(t *testing.T) {
			checkWords(t, "Pertainyms("+tt.adj+")", l.Pertainyms(tt.adj), tt.want, tt.has, tt.lacks)
		})
	}
}

// checkWords reports got against exactly want (when set), and words it
// must have and must lack.
func checkWords(t *testing.T, call string, got, want, has, lacks []string) {
	t.Helper()
	if want != nil && !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", call, got, want)
	}
	for _, w := range has {
		if !slices.Contains(got, w) {
			t.Errorf("%s = %q, lacks %q", call, got, w)
		}
	}
	for _, w := range lacks {
		if slices.Contains(got, w) {
			t.Errorf("%s = %q, has %q", call, got, w)
		}
	}
}

func TestPertainymsNone(t *testing.T) {
	l := Default()
	for _, adj := range []string{
		"", "xyzzy",
		"blue",         // an adjective without pertainyms
		"finland",      // a noun
		"intracranial", // its only pertainym is an adjective (cranial)
		"finnishes",    // adjectives are not inflected
	} {
		if got := l.Pertainyms(adj); got != nil {
			t.Errorf("Pertainyms(%q) = %q, want nil", adj, got)
		}
	}
}

func TestAdjectives(t *testing.T) {
	l := Default()
	tests := []struct {
		noun string
		want []string // exactly, when set
		has  []string
	}{
		{noun: "finland", want: []string{"finnish"}},
		{noun: "russia", has: []string{"russian"}},
		{noun: "mexico", has: []string{"mexican"}},
		{noun: "france", want: []string{"french", "gallic"}},
		{noun: "netherlands", has: []string{"dutch"}},
		{noun: "norway", want: []string{"norse", "norwegian"}},
		{noun: "paris", has: []string{"parisian"}},
		{noun: "city", has: []string{"civic", "urban"}},
		{noun: "FINLAND", want: []string{"finnish"}},
		{noun: " Russia ", has: []string{"russian"}},
	}
	for _, tt := range tests {
		t.Run(tt.noun, func(t *testing.T) {
			got := l.Adjectives(tt.noun)
			checkWords(t, "Adjectives("+tt.noun+")", got, tt.want, tt.has, nil)
			if !slices.IsSorted(got) {
				t.Errorf("Adjectives(%q) = %q, not sorted", tt.noun, got)
			}
		})
	}
}

func TestAdjectivesNone(t *testing.T) {
	l := Default()
	for _, noun := range []string{
		"", "xyzzy",
		"holland",         // Netherlands' synonym; no pointer names it
		"the netherlands", // likewise
		"finlands",        // nouns are not inflected
		"finnish",         // a noun (the language) no adjective points at
		"build",           // a verb
	} {
		if got := l.Adjectives(noun); got != nil {
			t.Errorf("Adjectives(%q) = %q, want nil", noun, got)
		}
	}
}

// TestPertainymsInvert checks that Adjectives is exactly the reverse of
// Pertainyms over the whole lexicon, and that both give the same answers
// from a second, independently parsed lexicon (whose lemma index has
// another hash seed).
func TestPertainymsInvert(t *testing.T) {
	l := Default()
	other, err := parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for i := range int32(l.d.Adjectives.Len()) {
		adj := l.d.Adjectives.At(i)
		nouns := l.Pertainyms(adj)
		if len(nouns) == 0 {
			t.Fatalf("Pertainyms(%q) is empty", adj)
		}
		if again := other.Pertainyms(adj); !slices.Equal(again, nouns) {
			t.Errorf("Pertainyms(%q) = %q, then %q", adj, nouns, again)
		}
		for _, n := range nouns {
			pairs++
			adjs := l.Adjectives(n)
			if !slices.Contains(adjs, adj) {
				t.Errorf("Pertainyms(%q) has %q but Adjectives(%q) = %q", adj, n, n, adjs)
			}
			if again := other.Adjectives(n); !slices.Equal(again, adjs) {
				t.Errorf("Adjectives(%q) = %q, then %q", n, adjs, again)
			}
		}
	}
	if pairs != len(l.pertainedBy) {
		t.Errorf("%d adjective-noun pairs, but %d inverted", pairs, len(l.pertainedBy))
	}
	if pairs < 4000 {
		t.Errorf("only %d adjective-noun pairs, want WordNet's 4000 and more", pairs)
	}
}

func BenchmarkPertainyms(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Pertainyms("Finnish")
	}
}

func BenchmarkAdjectives(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Adjectives("Finland")
	}
}
