package lexfile

import (
	"reflect"
	"strings"
	"testing"
)

// tiny is a hand-built lexicon: noun synsets 0 (animal), 1 (badger, brock
// — made up), 2 (skunk, polecat); verb synset 3 (build, construct); made-up
// adjectives "badgerly" (pertaining to badger and brock) and "skunky"
// (skunk), which with "animal" (id 0) are the adjectives; the adverb
// "skunkily".
func tiny() *Data {
	lemmas := []string{"animal", "badger", "brock", "build", "construct", "polecat", "skunk"}
	return &Data{
		Lemmas:    MakeLemmas(lemmas),
		Nouns:     3,
		MemberOff: []int32{0, 1, 3, 5, 7},
		Members:   []int32{0, 1, 2, 6, 5, 3, 4},
		HyperOff:  []int32{0, 0, 1, 2, 2},
		Hypers:    []int32{0, 0},
		SenseOff: [2][]int32{
			Noun: {0, 1, 2, 3, 3, 3, 4, 5},
			Verb: {0, 0, 0, 0, 1, 2, 2, 2},
		},
		Senses: [2][]int32{
			Noun: {0, 1, 1, 2, 2},
			Verb: {3, 3},
		},
		Exceptions: [4]map[string][]string{
			Noun: {"badgeren": {"badger"}},
			Verb: {"builded": {"build", "construct"}},
			Adj:  {"skunkier": {"skunky"}, "animaler": {"animal"}},
			Adv:  {"skunklier": {"skunkily"}},
		},
		MaxWords:     1,
		Adjectives:   MakeLemmas([]string{"badgerly", "skunky"}),
		PertainymOff: []int32{0, 2, 3},
		Pertainyms:   []int32{1, 2, 6},
		Words:        MakeLemmas([]string{"badgerly", "skunkily", "skunky"}),
		AdjIDs:       []int32{0, 7, 9},
		AdvIDs:       []int32{8},
	}
}

func TestRoundTrip(t *testing.T) {
	noPertainyms := tiny()
	noPertainyms.Adjectives, noPertainyms.PertainymOff, noPertainyms.Pertainyms = MakeLemmas(nil), []int32{0}, []int32{}
	noWords := tiny()
	noWords.Words, noWords.AdjIDs, noWords.AdvIDs = MakeLemmas(nil), []int32{}, []int32{}
	noWords.Exceptions[Adj], noWords.Exceptions[Adv] = map[string][]string{}, map[string][]string{}
	for name, want := range map[string]*Data{"full": tiny(), "without pertainyms": noPertainyms, "without words": noWords} {
		b, err := Encode(want)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := Decode(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Decode(Encode(d)) = %+v, want %+v", name, got, want)
		}
	}
}

func TestSenseOrderSurvives(t *testing.T) {
	d := tiny()
	// Give "brock" a second noun sense (animal) ranked before badger.
	d.Members = []int32{0, 2, 1, 2, 6, 5, 3, 4}
	d.MemberOff = []int32{0, 2, 4, 6, 8}
	d.SenseOff[Noun] = []int32{0, 1, 2, 4, 4, 4, 5, 6}
	d.Senses[Noun] = []int32{0, 1, 0, 1, 2, 2}
	b, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if s := got.Senses[Noun][2:4]; !reflect.DeepEqual(s, []int32{0, 1}) {
		t.Errorf("brock's senses: got %v, want [0 1]", s)
	}
}

func TestEncodeRejectsInconsistentData(t *testing.T) {
	for name, mutate := range map[string]func(*Data){
		"unsorted lemmas":          func(d *Data) { d.Lemmas = MakeLemmas([]string{"b", "a", "c", "d", "e", "f", "g"}) },
		"newline in lemma":         func(d *Data) { d.Lemmas = MakeLemmas([]string{"a", "b\nc", "d", "e", "f", "g", "h"}) },
		"member range":             func(d *Data) { d.Members[0] = 99 },
		"cross-pos hyper":          func(d *Data) { d.Hypers[0] = 3 },
		"missing sense":            func(d *Data) { d.Senses[Noun][0] = 2 },
		"bad exception":            func(d *Data) { d.Exceptions[Noun]["x"] = []string{"nonlemma"} },
		"unsorted adjectives":      func(d *Data) { d.Adjectives = MakeLemmas([]string{"skunky", "badgerly"}) },
		"adjective count":          func(d *Data) { d.Adjectives = MakeLemmas([]string{"badgerly"}) },
		"pertainym offsets":        func(d *Data) { d.PertainymOff = []int32{0, 2, 4} },
		"adjective sans pertainym": func(d *Data) { d.PertainymOff = []int32{0, 0, 3} },
		"pertainym range":          func(d *Data) { d.Pertainyms[2] = 99 },
		"verb pertainym":           func(d *Data) { d.Pertainyms[2] = 3 },
		"pertainym twice":          func(d *Data) { d.Pertainyms[1] = 1 },
		"unsorted words":           func(d *Data) { d.Words = MakeLemmas([]string{"skunky", "badgerly", "skunkily"}) },
		"word is a lemma":          func(d *Data) { d.Words = MakeLemmas([]string{"badgerly", "skunk", "skunky"}) },
		"word without pos":         func(d *Data) { d.AdjIDs = []int32{0, 7} },
		"unsorted adjective ids":   func(d *Data) { d.AdjIDs = []int32{0, 9, 7} },
		"adverb id range":          func(d *Data) { d.AdvIDs = []int32{8, 10} },
		"adjective exception pos":  func(d *Data) { d.Exceptions[Adj]["badgerer"] = []string{"badger"} },
		"adverb exception pos":     func(d *Data) { d.Exceptions[Adv]["skunkier"] = []string{"skunky"} },
		"verb exception pos":       func(d *Data) { d.Exceptions[Verb]["skunked"] = []string{"skunk"} },
		"exception base unknown":   func(d *Data) { d.Exceptions[Adj]["x"] = []string{"nonword"} },
	} {
		t.Run(name, func(t *testing.T) {
			d := tiny()
			mutate(d)
			if _, err := Encode(d); err == nil {
				t.Error("Encode accepted inconsistent data")
			}
		})
	}
}

func TestDecodeRejectsCorruptData(t *testing.T) {
	good, err := Encode(tiny())
	if err != nil {
		t.Fatal(err)
	}
	// Every truncation and every single-byte flip must fail cleanly or
	// decode to something; none may panic.
	for n := range len(good) {
		if _, err := Decode(good[:n]); err == nil {
			t.Errorf("Decode accepted %d of %d bytes", n, len(good))
		}
	}
	for i := len(magic); i < len(good); i++ {
		b := []byte(string(good))
		b[i] ^= 0xff
		Decode(b)
	}
	if _, err := Decode(append(good, 0)); err == nil || !strings.Contains(err.Error(), "trailing") {
		t.Errorf("Decode with a trailing byte: got %v, want a trailing-bytes error", err)
	}
}

func TestWordIDs(t *testing.T) {
	d := tiny()
	for _, tt := range []struct {
		word     string
		id       int32
		adj, adv bool
	}{
		{"animal", 0, true, false},
		{"badger", 1, false, false},
		{"badgerly", 7, true, false},
		{"skunkily", 8, false, true},
		{"skunky", 9, true, false},
	} {
		id, ok := d.Search(tt.word)
		if !ok || id != tt.id || d.Word(id) != tt.word {
			t.Errorf("Search(%q) = %d, %v; want %d", tt.word, id, ok, tt.id)
		}
		if got := d.Has(id, Adj); got != tt.adj {
			t.Errorf("Has(%q, Adj) = %v, want %v", tt.word, got, tt.adj)
		}
		if got := d.Has(id, Adv); got != tt.adv {
			t.Errorf("Has(%q, Adv) = %v, want %v", tt.word, got, tt.adv)
		}
	}
	if _, ok := d.Search("skunkier"); ok {
		t.Error("Search found an exception form")
	}
	if n := d.Len(); n != 10 {
		t.Errorf("Len() = %d, want 10", n)
	}
}

func TestLemmasSearch(t *testing.T) {
	l := MakeLemmas([]string{"ant", "bee", "ice hockey"})
	for i, s := range []string{"ant", "bee", "ice hockey"} {
		if id, ok := l.Search(s); !ok || id != int32(i) || l.At(id) != s {
			t.Errorf("Search(%q) = %d, %v", s, id, ok)
		}
	}
	if _, ok := l.Search("cat"); ok {
		t.Error("Search(cat) found a lemma")
	}
	if n := (Lemmas{}).Len(); n != 0 {
		t.Errorf("zero Lemmas has Len %d", n)
	}
}
