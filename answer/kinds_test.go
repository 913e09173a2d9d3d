package answer

import (
	"slices"
	"testing"
)

// A noun is expanded only by kinds in their first sense: "troops" finds
// cavalry, not horses.
func TestNounKindsFirstSense(t *testing.T) {
	e := engineOver(t, map[string]string{
		"a": "The cavalry and a horse were seen near the garrison of Velm.",
	})
	stems, words := e.analyser.nounKinds(e.k.lex(), "troops", "troop")
	if slices.Contains(words, "horse") {
		t.Errorf("kinds of troops = %q; a horse is an animal first", words)
	}
	_ = stems
}
