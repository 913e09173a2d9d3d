package lang

import (
	"reflect"
	"testing"
)

func TestStems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"dotted acronym equals plain", "U.S. agents", []string{"usa", "agent"}},
		{"plain acronym", "US agents", []string{"usa", "agent"}},
		{"pronoun us is a stop word", "tell us more", []string{"tell"}},
		{"curly possessive", "ICE’s post", []string{"ice", "post"}},
		{"straight possessive", "ICE's post", []string{"ice", "post"}},
		{"diacritics fold", "García Harfuch", []string{"garcia", "harfuch"}},
		{"thousands separator", "57,000 pounds", []string{"57000", "pound"}},
		{"decimal", "3.5 million", []string{"3.5", "million"}},
		{"stemming", "operations operated", []string{"oper", "oper"}},
		{"sentence-final acronym", "agents in the U.S.", []string{"agent", "usa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stems(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Stems(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldQuotes(t *testing.T) {
	got := Fold("“false” — ‘no’")
	want := `"false" - 'no'`
	if got != want {
		t.Errorf("Fold = %q, want %q", got, want)
	}
}
