package lexicon

import (
	"slices"
	"testing"
)

func TestSynonyms(t *testing.T) {
	l := Default()
	tests := []struct {
		word   string
		pos    POS
		prefix []string // the result starts with these
		has    []string
	}{
		{"car", Noun, []string{"auto", "automobile", "machine", "motorcar"}, []string{"railcar"}},
		{"cars", Noun, []string{"auto", "automobile"}, nil},
		{"build", Verb, []string{"construct", "make"}, nil},
		{"built", Verb, []string{"construct", "make"}, nil},
		{"church", Noun, []string{"christian church", "church building"}, []string{"church service"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := l.Synonyms(tt.word, tt.pos)
			if len(got) < len(tt.prefix) || !slices.Equal(got[:len(tt.prefix)], tt.prefix) {
				t.Errorf("Synonyms(%q) = %q, want it to start %q", tt.word, got, tt.prefix)
			}
			for _, w := range tt.has {
				if !slices.Contains(got, w) {
					t.Errorf("Synonyms(%q) = %q, lacks %q", tt.word, got, w)
				}
			}
			for _, w := range append(l.Base(tt.word, tt.pos), tt.word) {
				if slices.Contains(got, w) {
					t.Errorf("Synonyms(%q) contains the word itself (%q)", tt.word, w)
				}
			}
			if again := l.Synonyms(tt.word, tt.pos); !slices.Equal(again, got) {
				t.Errorf("Synonyms(%q) differs between calls", tt.word)
			}
		})
	}
	for _, w := range []string{"xyzzy", "", "the"} {
		if got := l.Synonyms(w, Noun); got != nil {
			t.Errorf("Synonyms(%q) = %q, want nil", w, got)
		}
	}
	if got := l.Synonyms("car", POS(-1)); got != nil {
		t.Errorf("Synonyms with a bad POS = %q, want nil", got)
	}
}

func TestSynonymsOfSenses(t *testing.T) {
	l := Default()
	// "photo" has one sense, shared with "photograph".
	if got := l.SynonymsOfSenses("photos", Noun, 2); !slices.Contains(got, "photograph") {
		t.Errorf(`SynonymsOfSenses("photos") = %q, lacks "photograph"`, got)
	}
	// A rare sense of "show" is "usher" (show someone in); its first two are not.
	all, first := l.Synonyms("show", Verb), l.SynonymsOfSenses("show", Verb, 2)
	if !slices.Contains(all, "usher") || slices.Contains(first, "usher") {
		t.Errorf("show: all senses %q, first two %q; want usher only among all", all, first)
	}
}
