package lexicon

import (
	"strings"
	"testing"
)

func TestIsWord(t *testing.T) {
	l := Default()
	tests := []struct {
		word string
		want bool
	}{
		// Noun and verb lemmas.
		{"federal", true},
		{"norwegian", true},
		{"ice hockey", true},
		// Adjectives and adverbs that are not nouns or verbs.
		{"undercover", true},
		{"heavily", true},
		{"quickly", true},
		{"well-known", true},
		// Noun and verb inflections.
		{"agents", true},
		{"armed", true},
		{"political parties", true},
		{"gave up", true},
		// Adjective exceptions (adj.exc) and suffix rules.
		{"better", true},
		{"heavier", true},
		{"hotter", true},
		{"taller", true},
		{"finest", true},
		// The adjective rules need an adjective: "dog" and "table" are
		// not, so these are not their comparatives.
		{"dogest", false},
		{"tabler", false},
		// Made up, misspelt or empty.
		{"norbian", false},
		{"norbians", false},
		{"norbianer", false},
		{"xyzzy", false},
		{"qwertyuiop", false},
		{"", false},
		{" ", false},
		{"ice  hockey", false},
		// WordNet has no function words.
		{"the", false},
		{"which", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := l.IsWord(tt.word); got != tt.want {
				t.Errorf("IsWord(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

func TestIsWordIgnoresCaseAndSpace(t *testing.T) {
	l := Default()
	for _, w := range []string{"Federal", "HEAVILY", " Armed ", "NorWegian", "\tquickly\n", "Heavier", "Political Parties"} {
		if !l.IsWord(w) {
			t.Errorf("IsWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"Norbian", "XYZZY", " Qwertyuiop "} {
		if l.IsWord(w) {
			t.Errorf("IsWord(%q) = true, want false", w)
		}
	}
}

// TestAdverbExceptions checks adv.exc through inflectionIDs: IsWord cannot
// show it, since every form it lists is also an adjective's.
func TestAdverbExceptions(t *testing.T) {
	l := Default()
	var buf [8]int32
	ids := l.inflectionIDs("deeper", adverb, buf[:0])
	if len(ids) != 1 || l.d.Word(ids[0]) != "deeply" {
		t.Errorf("adverb bases of \"deeper\": got ids %v, want [deeply]", ids)
	}
}

// TestIsWordKnowsEveryLemma checks the embedded data end to end: every noun
// and verb lemma and every adjective and adverb word is a word, and there
// are as many adjectives and adverbs as WordNet 3.1 has.
func TestIsWordKnowsEveryLemma(t *testing.T) {
	l := Default()
	for id := range int32(l.d.Len()) {
		if w := l.d.Word(id); !l.IsWord(w) {
			t.Fatalf("IsWord(%q) = false for lemma %d", w, id)
		}
	}
	if n, m := len(l.d.AdjIDs), len(l.d.AdvIDs); n < 21_000 || m < 4_000 {
		t.Errorf("%d adjectives and %d adverbs, want over 21000 and 4000", n, m)
	}
}

// TestIsWordIsDeterministic compares two lexicons parsed from the same data,
// whose hash indexes have different seeds, and repeated calls on one.
func TestIsWordIsDeterministic(t *testing.T) {
	a, err := parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	b, err := parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for id := int32(0); int(id) < a.d.Len(); id += 97 {
		w := a.d.Word(id)
		words = append(words, w, w+"s", w+"er", w+"est", w+"ed", strings.TrimSuffix(w, "e")+"ing", "x"+w)
	}
	for _, w := range words {
		got := a.IsWord(w)
		if b.IsWord(w) != got || a.IsWord(w) != got {
			t.Errorf("IsWord(%q) differs between calls or lexicons", w)
		}
	}
}

func TestIsWordDoesNotAllocate(t *testing.T) {
	l := Default()
	for _, w := range []string{"federal", "heavily", "heavier", "political parties", "gave up", "norbian", "norbians"} {
		if allocs := testing.AllocsPerRun(100, func() { l.IsWord(w) }); allocs != 0 {
			t.Errorf("IsWord(%q): %v allocations, want 0", w, allocs)
		}
	}
}

// BenchmarkIsWord measures the kinds of word the answer engine asks about:
// lemmas (one lookup), adjectives and adverbs (two), inflections and
// unknown words (the exception lists and suffix rules of every part of
// speech).
func BenchmarkIsWord(b *testing.B) {
	l := Default()
	for _, bb := range []struct {
		name  string
		words []string
	}{
		{"lemma", []string{"federal", "agent", "norwegian", "ice hockey"}},
		{"adjective", []string{"undercover", "heavily", "quickly", "well-known"}},
		{"inflected", []string{"agents", "armed", "heavier", "taller"}},
		{"unknown", []string{"norbian", "xyzzy", "norbians", "qwertyuiop"}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				l.IsWord(bb.words[i%len(bb.words)])
				i++
			}
		})
	}
}
