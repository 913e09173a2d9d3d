package main

import (
	"bytes"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

// miniWordNet is a made-up dictionary in WordNet's file formats: two senses
// of "badger" ranked in the opposite order of their file offsets, an
// instance pointer, a cross-POS pointer to ignore, a verb, exceptions some
// of which point at non-lemmas, and adjectives whose pertainyms name single
// words of noun synsets: "metropolitan" the second word of the city synset,
// "animalic" a satellite sense ranked before a head sense, "civic(a)" with
// a syntactic marker, "urbane" only an adjective, "blue" nothing; "animal"
// is also an adjective, "blue" also an adverb, "urbanely" only an adverb;
// adjective and adverb exceptions some of which point at lemmas of another
// part of speech or at none.
func miniWordNet() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"data.noun": file(`  1 This software and database is being provided to you, the LICENSEE  
00001740 03 n 01 entity 0 000 | that which exists  
00002000 05 n 02 animal 0 Animal_Kingdom 0 001 @ 00001740 n 0000 | a living organism  
00003000 05 n 01 badger 0 002 @ 00002000 n 0000 + 01000000 v 0101 | a burrowing mammal  
00004000 15 n 01 Paris 0 001 @i 00005000 n 0000 | a made-up city  
00005000 15 n 02 city 0 metropolis 0 001 @ 00001740 n 0000 | a large town  
00006000 18 n 01 badger 1 001 @ 00001740 n 0000 | a pest  
`),
		"index.noun": file(`  1 This software and database is being provided to you, the LICENSEE  
animal n 1 1 @ 1 0 00002000  
animal_kingdom n 1 1 @ 1 0 00002000  
badger n 2 1 @ 2 0 00006000 00003000  
city n 1 1 @ 1 0 00005000  
entity n 1 0 1 0 00001740  
metropolis n 1 1 @ 1 0 00005000  
paris n 1 1 @i 1 0 00004000  
`),
		"data.verb": file(`01000000 29 v 01 badger 0 001 @ 01000100 v 0000 01 + 08 00 | pester  
01000100 29 v 01 bother 0 000 01 + 08 00 | annoy  
`),
		"index.verb": file(`badger v 1 1 @ 1 0 01000000  
bother v 1 0 1 0 01000100  
`),
		"data.adj": file(`  1 This software and database is being provided to you, the LICENSEE  
00100000 02 a 02 urban 0 civic(a) 0 002 \ 00005000 n 0101 \ 00005000 n 0201 | of a city  
00100100 02 a 01 metropolitan 0 001 \ 00005000 n 0102 | of a metropolis  
00100200 02 a 01 animalic 0 003 \ 00002000 n 0101 \ 00002000 n 0102 \ 00002000 n 0101 | of animals  
00100300 02 s 01 animalic 0 002 & 00100200 a 0000 \ 00001740 n 0101 | of entities  
00100400 02 a 01 urbane 0 001 \ 00100000 a 0101 | of urban things  
00100500 02 a 01 blue 0 001 + 00001740 n 0101 | the colour  
00100600 02 s 01 animal 0 000 | bestial  
`),
		"data.adv": file(`  1 This software and database is being provided to you, the LICENSEE  
00200000 02 r 02 urbanely 0 blue 0 000 | in an urbane way  
`),
		"index.adj": file(`  1 This software and database is being provided to you, the LICENSEE  
animalic a 2 2 \ & 2 0 00100300 00100200  
blue a 1 1 + 1 0 00100500  
civic a 1 1 \ 1 0 00100000  
metropolitan a 1 1 \ 1 0 00100100  
urban a 1 1 \ 1 0 00100000  
urbane a 1 1 \ 1 0 00100400  
`),
		"noun.exc": file("badgeren badger\ncities city\nmice mouse\n"),
		"verb.exc": file("badgered badger\nbothert bother bottle\n"),
		"adj.exc":  file("bluer blue\nanimaller animal\nbadgerer badger\n"),
		"adv.exc":  file("bluest blue\nbetter well\n"),
	}
}

func TestBuild(t *testing.T) {
	fsys := miniWordNet()
	d, err := build(slog.New(slog.DiscardHandler), fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	var lemmas []string
	for i := range int32(d.Lemmas.Len()) {
		lemmas = append(lemmas, d.Lemmas.At(i))
	}
	if want := []string{"animal", "animal kingdom", "badger", "bother", "city", "entity", "metropolis", "paris"}; !slices.Equal(lemmas, want) {
		t.Errorf("lemmas = %q, want %q", lemmas, want)
	}
	if d.Nouns != 6 || len(d.MemberOff)-1 != 8 {
		t.Errorf("synsets: %d nouns of %d, want 6 of 8", d.Nouns, len(d.MemberOff)-1)
	}
	id := func(s string) int32 { i, _ := d.Lemmas.Search(s); return i }
	senses := func(pos int, lemma string) []int32 {
		i := id(lemma)
		return d.Senses[pos][d.SenseOff[pos][i]:d.SenseOff[pos][i+1]]
	}
	hypers := func(s int32) []int32 { return d.Hypers[d.HyperOff[s]:d.HyperOff[s+1]] }
	// Synsets number in file order: entity 0, animal 1, badger 2, paris 3,
	// city 4, badger-the-pest 5; verbs badger 6, bother 7.
	if got := senses(lexfile.Noun, "badger"); !slices.Equal(got, []int32{5, 2}) {
		t.Errorf("badger's noun senses = %v, want index order [5 2]", got)
	}
	if got := senses(lexfile.Verb, "badger"); !slices.Equal(got, []int32{6}) {
		t.Errorf("badger's verb senses = %v, want [6]", got)
	}
	if got := hypers(3); !slices.Equal(got, []int32{4}) {
		t.Errorf("paris's hypernyms = %v, want the instance pointer to city [4]", got)
	}
	if got := hypers(2); !slices.Equal(got, []int32{1}) {
		t.Errorf("badger's hypernyms = %v, want [1] (no cross-POS pointer)", got)
	}
	if got := hypers(6); !slices.Equal(got, []int32{7}) {
		t.Errorf("verb badger's hypernyms = %v, want [7]", got)
	}
	wantExc := [4]map[string][]string{
		lexfile.Noun: {"badgeren": {"badger"}, "cities": {"city"}},
		lexfile.Verb: {"badgered": {"badger"}, "bothert": {"bother"}},
		lexfile.Adj:  {"bluer": {"blue"}, "animaller": {"animal"}},
		lexfile.Adv:  {"bluest": {"blue"}},
	}
	if !reflect.DeepEqual(d.Exceptions, wantExc) {
		t.Errorf("exceptions = %v, want %v", d.Exceptions, wantExc)
	}
	if d.MaxWords != 2 {
		t.Errorf("MaxWords = %d, want 2", d.MaxWords)
	}
	perts := map[string][]string{}
	for i := range int32(d.Adjectives.Len()) {
		for _, n := range d.Pertainyms[d.PertainymOff[i]:d.PertainymOff[i+1]] {
			perts[d.Adjectives.At(i)] = append(perts[d.Adjectives.At(i)], d.Lemmas.At(n))
		}
	}
	wantPerts := map[string][]string{
		"animalic":     {"entity", "animal", "animal kingdom"},
		"civic":        {"city"},
		"metropolitan": {"metropolis"},
		"urban":        {"city"},
	}
	if !reflect.DeepEqual(perts, wantPerts) {
		t.Errorf("pertainyms = %q, want %q", perts, wantPerts)
	}
	var words []string
	for i := range int32(d.Words.Len()) {
		words = append(words, d.Words.At(i))
	}
	if want := []string{"animalic", "blue", "civic", "metropolitan", "urban", "urbane", "urbanely"}; !slices.Equal(words, want) {
		t.Errorf("words = %q, want %q (adjectives and adverbs not nouns or verbs)", words, want)
	}
	named := func(ids []int32) []string {
		var out []string
		for _, id := range ids {
			out = append(out, d.Word(id))
		}
		return out
	}
	if got, want := named(d.AdjIDs), []string{"animal", "animalic", "blue", "civic", "metropolitan", "urban", "urbane"}; !slices.Equal(got, want) {
		t.Errorf("adjectives = %q, want %q", got, want)
	}
	if got, want := named(d.AdvIDs), []string{"blue", "urbanely"}; !slices.Equal(got, want) {
		t.Errorf("adverbs = %q, want %q", got, want)
	}
	if _, err := lexfile.Encode(d); err != nil {
		t.Errorf("Encode: %v", err)
	}
}

func TestRunIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	fsys := miniWordNet()
	for name, f := range maps.All(fsys) {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.DiscardHandler)
	var outs [2][]byte
	for i := range outs {
		out := filepath.Join(dir, "out.gz")
		if err := run(log, dir, dir, out); err != nil {
			t.Fatal(err)
		}
		var err error
		if outs[i], err = os.ReadFile(out); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two runs on the same input wrote different files")
	}
}

func TestBuildReportsBrokenFiles(t *testing.T) {
	for _, tt := range []struct{ name, file, data string }{
		{"word count", "data.noun", "00001740 03 n zz entity 0 000 | bad word count\n"},
		{"synset count", "index.noun", "entity n 9 0 1 0 00001740\n"},
		{"exception", "noun.exc", "lonely\n"},
		{"adjective type", "data.adj", "00100000 02 n 01 urban 0 000 | a noun\n"},
		{"source/target", "data.adj", "00100000 02 a 01 urban 0 001 \\ 00005000 n 01 | short\n"},
		{"source word", "data.adj", "00100000 02 a 01 urban 0 001 \\ 00005000 n 0201 | no word 2\n"},
		{"target synset", "data.adj", "00100000 02 a 01 urban 0 001 \\ 00009999 n 0101 | none\n"},
		{"target word", "data.adj", "00100000 02 a 01 urban 0 001 \\ 00005000 n 0103 | no word 3\n"},
		{"adjective index", "index.adj", "urban a x 1 \\ 1 0 00100000\n"},
		{"adverb type", "data.adv", "00200000 02 a 01 urbanely 0 000 | an adjective\n"},
		{"adverb exception", "adv.exc", "bluest\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := miniWordNet()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			if _, err := build(slog.New(slog.DiscardHandler), fsys, fsys); err == nil {
				t.Errorf("build accepted a broken %s", tt.file)
			}
		})
	}
	for _, name := range []string{"verb.exc", "data.adj", "index.adj", "data.adv", "adj.exc", "adv.exc"} {
		fsys := miniWordNet()
		delete(fsys, name)
		if _, err := build(slog.New(slog.DiscardHandler), fsys, fsys); err == nil {
			t.Errorf("build accepted a missing %s", name)
		}
	}
}
