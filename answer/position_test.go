package answer

import (
	"strings"
	"testing"
)

// A position is our one line, not a clipped quote: the reported-speech frame
// goes, it fits maxPosition, and it never ends in an ellipsis or mid-word.
func TestGist(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Port director Mira Okonedo said the ferry was not overloaded.", "The ferry was not overloaded"},
		{"According to the harbour office, 12 passengers were missing.", "12 passengers were missing"},
		{"LENA VOSS: That is just not true.", "That is just not true"},
		{"“The dam was never inspected,” the engineer said.", "The dam was never inspected"},
	}
	for _, tt := range tests {
		if got := gist(tt.in, maxPosition); got != tt.want {
			t.Errorf("gist(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := "Engineers at the state water board said the dam was unsafe and had been rated deficient since 2024, after three inspections found cracks in the spillway, the gates and the north wall."
	got := gist(long, 80)
	if len(got) > 80 || strings.HasSuffix(got, "…") || !strings.HasPrefix(got, "The dam was unsafe") {
		t.Errorf("gist(long, 80) = %q: want a clause of the said part, at most 80 bytes, no ellipsis", got)
	}
}
