package answer

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/lang"
)

// A question word no document writes stands for its synonym that one
// does, in the part of speech the question uses it in; a noun of many
// senses stands for nothing in particular.
func TestCorpusSynonyms(t *testing.T) {
	e := storyEngine(t, "dam")
	tests := []struct {
		question, word string
		want           string // a synonym's word, or "" for none
	}{
		{"Did a quake cause the breach?", "quake", "earthquake"},
		// "point" has some twenty senses as a noun.
		{"What is the boiling point of the reservoir?", "point", ""},
		// The dam's documents write "dam"; it needs no stand-in.
		{"Was the dam safe?", "dam", ""},
	}
	for _, tt := range tests {
		qa := parseQuery(tt.question)
		_, words := e.analyser.corpusSynonyms(tt.word, lang.Stems(tt.word)[0], e.analyser.usedAsVerb(&qa, lang.TokenizeAll(tt.question), tt.word))
		if tt.want == "" && len(words) > 0 || tt.want != "" && !slices.Contains(words, tt.want) {
			t.Errorf("%q: synonyms of %q = %q, want %q", tt.question, tt.word, words, tt.want)
		}
	}
}

// A word is its clipping: "lab" and "laboratories", "photo" and
// "photograph"; not a word that merely begins alike and is short.
func TestClipping(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{{"lab", "laboratories", true}, {"Photograph", "photo", true}, {"ad", "advertisement", false}, {"lab", "lab", false}, {"shut", "close", false}} {
		if got := clipping(tt.a, tt.b); got != tt.want {
			t.Errorf("clipping(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
