package lang

import "testing"

func TestMonth(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"january", 1, true}, {"sept.", 9, true}, {"aug", 8, true}, {"may", 5, true},
		{"mayor", 0, false}, {"marching", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, ok := Month(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Month(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsClockAt(t *testing.T) {
	tests := []struct {
		text string
		at   string // the number token asked about
		want bool
	}{
		{"crews held it by 4 a.m. on Tuesday", "4", true},
		{"the meeting ended at 10:30 pm", "10", true},
		{"the meeting ended at 10:30 pm", "30", true},
		{"4 people died and 30 were hurt", "4", false},
		{"4 people died and 30 were hurt", "30", false},
	}
	for _, tt := range tests {
		toks := TokenizeAll(tt.text)
		found := false
		for i, tk := range toks {
			if tk.Word == tt.at {
				found = true
				if got := IsClockAt(toks, i); got != tt.want {
					t.Errorf("IsClockAt(%q at %q) = %v, want %v", tt.text, tt.at, got, tt.want)
				}
				break
			}
		}
		if !found {
			t.Fatalf("%q has no token %q", tt.text, tt.at)
		}
	}
}

func TestPercentAfter(t *testing.T) {
	for _, tt := range []struct {
		text, number string
		want         bool
	}{
		{"Turnout was 39% in Lerin.", "39", true},
		{"Turnout was 39 % in Lerin.", "39", true},
		{"Some 9 districts reported 39% turnout.", "9", false},
		{"It rose to 52.5% from 2 points.", "5", false},
		{"It rose to 52.5% from 2 points.", "52.5", true},
		{"Some 9 districts voted.", "9", false},
	} {
		if got := PercentAfter(tt.text, tt.number); got != tt.want {
			t.Errorf("PercentAfter(%q, %q) = %v, want %v", tt.text, tt.number, got, tt.want)
		}
	}
}
