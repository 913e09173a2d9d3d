package lexicon

import "testing"

// shareSense: one of a's first n senses is one of b's senses, or the other
// way round.
func shareSense(l *Lexicon, a, b string, pos POS, n int) bool {
	return shareOne(l.Senses(a, pos, n), l.Senses(b, pos, 0)) || shareOne(l.Senses(a, pos, 0), l.Senses(b, pos, n))
}

func shareOne(xs, ys []Synset) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestSenses(t *testing.T) {
	l := Default()
	tests := []struct {
		a, b string
		pos  POS
		n    int
		want bool
	}{
		{"participate", "take part", Verb, 2, true},
		{"photo", "photograph", Noun, 1, true},
		{"depicted", "show", Verb, 1, true},
		{"spearheaded", "led", Verb, 1, false},
		// Rare senses stay out: "lead" means "go" only far down its list.
		{"lead", "go", Verb, 2, false},
		{"photo", "ferry", Noun, 0, false},
	}
	for _, tt := range tests {
		if got := shareSense(l, tt.a, tt.b, tt.pos, tt.n); got != tt.want {
			t.Errorf("%q ~ %q (%d senses) = %v, want %v", tt.a, tt.b, tt.n, got, tt.want)
		}
	}
	var raidIsOperation bool
	for _, s := range l.Senses("raid", Noun, 1) {
		for _, h := range l.Hypernyms(s) {
			for _, o := range l.Senses("foray", Noun, 0) {
				raidIsOperation = raidIsOperation || h == o || s == o
			}
		}
	}
	if !raidIsOperation {
		t.Errorf("raid: want its first sense or hypernym shared with foray")
	}
	for w, want := range map[string]bool{"safe": true, "unsafe": true, "overloaded": true, "ferry": false} {
		if got := l.IsAdjective(w); got != want {
			t.Errorf("IsAdjective(%q) = %v, want %v", w, got, want)
		}
	}
}
