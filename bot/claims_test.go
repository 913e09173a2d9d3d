package bot

import (
	"slices"
	"testing"
)

func TestSplitClaims(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
		more int
	}{
		{"The bridge closed in May. The mayor opened a new library downtown! Did Canada ban fishing?",
			[]string{"The bridge closed in May.", "The mayor opened a new library downtown!"}, 0},
		{"<@U0BOB> heads up: U.S. agents ran the raid in the north. Reyes said so. <https://x.example/a|See here> for more details today. Mr. Reyes led the team.",
			[]string{"U.S. agents ran the raid in the north.", "See here for more details today.", "Mr. Reyes led the team."}, 0},
		{"• The port was closed for two weeks\n• Wow\n1. Fishing boats were turned away at dawn", []string{"The port was closed for two weeks", "Fishing boats were turned away at dawn"}, 0},
		{"One two three four. Five six seven eight. Nine ten eleven twelve. Ab cd ef gh. Ij kl mn op. Qr st uv wx. Yz ab cd ef.",
			[]string{"One two three four.", "Five six seven eight.", "Nine ten eleven twelve.", "Ab cd ef gh.", "Ij kl mn op."}, 2},
		{"<!channel> lol", nil, 0},
	} {
		got, more := splitClaims(c.text)
		if !slices.Equal(got, c.want) || more != c.more {
			t.Errorf("splitClaims(%q) = %q +%d, want %q +%d", c.text, got, more, c.want, c.more)
		}
	}
}
