package lexicon

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestIsA(t *testing.T) {
	l := Default()
	tests := []struct {
		term, class string
		want        bool
	}{
		// Kinds of sport.
		{"ice hockey", "sport", true},
		{"basketball", "sport", true},
		{"american football", "sport", true},
		{"cricket", "sport", true}, // the game, though its first sense is the insect
		{"golf", "sport", true},
		{"tennis", "sport", true},
		{"table", "sport", false},
		{"bank", "sport", false},
		{"chess", "sport", false}, // a board game
		// Buildings and institutions.
		{"basilica", "church", true},
		{"cathedral", "church", true},
		{"basilicas", "churches", true},
		{"mosque", "church", false},
		// WordNet files a chapel beside the church, under place of worship.
		{"chapel", "church", false},
		{"chapel", "place of worship", true},
		// Animals.
		{"badger", "animal", true},
		{"skunk", "animal", true},
		{"badgers", "animal", true},
		{"oak", "animal", false},
		// Organisations.
		{"democratic party", "political party", true},
		{"republican party", "political party", true},
		{"political party", "political party", true},
		{"democratic party", "sport", false},
		// Instances.
		{"paris", "city", true},
		{"paris", "sport", false},
		// Same lemma, any inflection.
		{"church", "church", true},
		{"churches", "church", true},
		// Unknown on either side.
		{"xyzzy", "sport", false},
		{"golf", "xyzzy", false},
		{"", "sport", false},
		{"golf", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.term+"/"+tt.class, func(t *testing.T) {
			if got := l.IsA(tt.term, tt.class); got != tt.want {
				t.Errorf("IsA(%q, %q) = %v, want %v", tt.term, tt.class, got, tt.want)
			}
		})
	}
}

func TestIsADoesNotAllocateWhenCached(t *testing.T) {
	l := Default()
	l.IsA("golf", "sport")
	allocs := testing.AllocsPerRun(100, func() {
		l.IsA("golf", "sport")
		l.IsA("the red table", "sport")
	})
	if allocs != 0 {
		t.Errorf("IsA: %v allocations, want 0", allocs)
	}
}

// TestIsACacheEvicts fills the class cache past its bound and checks that
// answers stay right and the cache stays bounded.
func TestIsACacheEvicts(t *testing.T) {
	l, err := parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	for i := range maxClasses + 10 {
		if l.IsA("golf", fmt.Sprintf("class%d", i)) {
			t.Fatalf("golf is a class%d", i)
		}
	}
	if !l.IsA("golf", "sport") {
		t.Error("IsA(golf, sport) = false after evictions")
	}
	if n := len(l.classes.order); n > maxClasses {
		t.Errorf("cache holds %d classes, want at most %d", n, maxClasses)
	}
	n := 0
	l.classes.m.Range(func(any, any) bool { n++; return true })
	if n != len(l.classes.order) {
		t.Errorf("cache map holds %d classes, order %d", n, len(l.classes.order))
	}
}

// TestConcurrentUse runs every method from several goroutines; run it with
// -race.
func TestConcurrentUse(t *testing.T) {
	l := Default()
	classes := []string{"sport", "animal", "church", "city", "political party"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				c := classes[(g+i)%len(classes)]
				if !l.IsA(c, c) {
					t.Errorf("IsA(%q, %q) = false", c, c)
				}
				l.IsA("basketball", fmt.Sprintf("class%d-%d", g, i)) // exercise eviction
				if got := l.Hyponyms(c, 5); len(got) != 5 {
					t.Errorf("Hyponyms(%q, 5) = %q", c, got)
				}
				l.Base("churches", Noun)
				l.Synonyms("car", Noun)
				Default()
			}
		})
	}
	wg.Wait()
}

// sentenceNgrams returns every n-gram up to three words of a made-up
// sentence, as an answer scanner would try them.
func sentenceNgrams() []string {
	words := strings.Fields("after the match the players of both clubs drove to the old cathedral where a badger had built its home under the ice hockey rink")
	var out []string
	for i := range words {
		for n := 1; n <= 3 && i+n <= len(words); n++ {
			out = append(out, strings.Join(words[i:i+n], " "))
		}
	}
	return out
}

func BenchmarkIsA(b *testing.B) {
	l := Default()
	grams := sentenceNgrams()
	for _, g := range grams {
		l.IsA(g, "sport")
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		l.IsA(grams[i%len(grams)], "sport")
		i++
	}
}

// BenchmarkIsA_Cold measures the first call for a class: computing its
// hyponym closure ("animal" has about 4,000 synsets at or below it).
func BenchmarkIsA_Cold(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		l.closureOf("animal", 0)
	}
}

// SenseIsA counts only the first senses, most frequent first.
func TestSenseIsA(t *testing.T) {
	l := Default()
	tests := []struct {
		term        string
		termSenses  int
		class       string
		classSenses int
		want        bool
	}{
		{"port", 1, "drug", 1, false}, // a harbour first
		{"joint", 2, "drug", 1, false},
		{"cricket", 1, "sport", 1, false}, // an insect first
		{"cricket", 2, "sport", 1, true},  // the game second
		{"ice hockey", 1, "sport", 1, true},
		{"heroin", 1, "drug", 1, true},
		{"basilica", 1, "church", 2, true}, // the building is church's second sense
		{"basilica", 1, "church", 1, false},
		{"pun", 0, "sport", 1, false}, // "sport" as fun is not its first sense
		{"pun", 0, "sport", 0, true},
	}
	for _, tt := range tests {
		if got := l.SenseIsA(tt.term, tt.termSenses, tt.class, tt.classSenses); got != tt.want {
			t.Errorf("SenseIsA(%q, %d, %q, %d) = %v, want %v", tt.term, tt.termSenses, tt.class, tt.classSenses, got, tt.want)
		}
	}
	if !l.IsA("port", "drug") {
		t.Error(`IsA("port", "drug") = false; all senses count there (port wine)`)
	}
}
