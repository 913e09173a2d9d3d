package lexicon

import (
	"slices"
	"testing"
)

func TestHyponyms(t *testing.T) {
	l := Default()
	tests := []struct {
		class    string
		limit    int
		includes []string
		excludes []string
	}{
		{"church", 50, []string{"basilica", "cathedral", "abbey", "kirk"}, []string{"church", "church building", "mosque"}},
		{"churches", 50, []string{"basilica", "cathedral"}, nil},
		{"sport", 500, []string{"basketball", "ice hockey", "golf", "cricket"}, []string{"sport", "table"}},
		{"political party", 100, []string{"democratic party", "republican party"}, nil},
		{"city", 5000, []string{"paris"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			got := l.Hyponyms(tt.class, tt.limit)
			if len(got) > tt.limit {
				t.Errorf("got %d lemmas, limit %d", len(got), tt.limit)
			}
			for _, w := range tt.includes {
				if !slices.Contains(got, w) {
					t.Errorf("Hyponyms(%q, %d) lacks %q: %q", tt.class, tt.limit, w, got)
				}
			}
			for _, w := range tt.excludes {
				if slices.Contains(got, w) {
					t.Errorf("Hyponyms(%q, %d) has %q", tt.class, tt.limit, w)
				}
			}
			if len(got) != len(uniq(got)) {
				t.Errorf("Hyponyms(%q, %d) repeats lemmas", tt.class, tt.limit)
			}
		})
	}
}

func TestHyponymsNearestFirst(t *testing.T) {
	got := Default().Hyponyms("sport", 1000)
	// "team sport" is directly below sport; basketball three levels down.
	near, far := slices.Index(got, "team sport"), slices.Index(got, "basketball")
	if near < 0 || far < 0 || near > far {
		t.Errorf("team sport at %d, basketball at %d; want both, team sport first", near, far)
	}
	// Within the first level, lemma order.
	church := Default().Hyponyms("church", 3)
	if want := []string{"abbey", "armenian apostolic orthodox church", "armenian church"}; !slices.Equal(church, want) {
		t.Errorf("Hyponyms(church, 3) = %q, want %q", church, want)
	}
}

// TestHyponymsDeterministic checks that the result depends only on the
// arguments: not on the run, the lexicon instance (each has its own hash
// seed) or the limit beyond truncation.
func TestHyponymsDeterministic(t *testing.T) {
	a := Default()
	b, err := parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	for _, class := range []string{"church", "sport", "animal", "city"} {
		full := a.Hyponyms(class, 300)
		for range 3 {
			if got := b.Hyponyms(class, 300); !slices.Equal(got, full) {
				t.Fatalf("Hyponyms(%q) differs between calls", class)
			}
		}
		n := min(len(full), 20)
		if got := a.Hyponyms(class, n); !slices.Equal(got, full[:n]) {
			t.Errorf("Hyponyms(%q, %d) is not a prefix of Hyponyms(%q, 300)", class, n, class)
		}
	}
}

func TestHyponymsEmpty(t *testing.T) {
	l := Default()
	for _, tt := range []struct {
		class string
		limit int
	}{{"church", 0}, {"church", -1}, {"xyzzy", 10}, {"", 10}, {"basilica", 10}} {
		if got := l.Hyponyms(tt.class, tt.limit); got != nil {
			t.Errorf("Hyponyms(%q, %d) = %q, want nil", tt.class, tt.limit, got)
		}
	}
}

func uniq(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

func BenchmarkHyponyms(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Hyponyms("church", 50)
	}
}

func BenchmarkHyponyms_Large(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Hyponyms("animal", 1000)
	}
}

// The first sense of "sport" is athletics: its kinds include ice hockey
// and cricket but not the jokes and mutants of its other senses.
func TestHyponymsOfFirstSense(t *testing.T) {
	kinds := map[string]bool{}
	for _, k := range Default().HyponymsOfSenses("sport", 1, 8000) {
		kinds[k] = true
	}
	for _, want := range []string{"ice hockey", "cricket", "basketball", "golf"} {
		if !kinds[want] {
			t.Errorf("first sense of sport lacks %q", want)
		}
	}
	for _, not := range []string{"pun", "comedy", "mutant", "freak"} {
		if kinds[not] {
			t.Errorf("first sense of sport includes %q", not)
		}
	}
	all := Default().HyponymsOfSenses("sport", 0, 8000)
	if len(all) <= len(kinds) {
		t.Errorf("all senses give %d kinds, the first sense %d; want more", len(all), len(kinds))
	}
}
