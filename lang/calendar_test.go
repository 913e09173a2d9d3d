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
