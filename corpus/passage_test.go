package corpus

import (
	"strings"
	"testing"
)

func TestPassages(t *testing.T) {
	para := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("This is sentence number " + string(rune('a'+i)) + " of the paragraph.")
		}
		return b.String()
	}
	tests := []struct {
		name string
		body string
		want []int // sentences per passage
	}{
		{"short paragraph", para(3), []int{3}},
		{"five fit", para(5), []int{5}},
		{"six split evenly", para(6), []int{3, 3}},
		{"eleven", para(11), []int{4, 4, 3}},
		{"paragraph break", para(2) + "\n\n" + para(2), []int{2, 2}},
		{"heading joins paragraph", "Background\n\n" + para(2), []int{1, 2}}, // heading is chrome: its own passage
		{"lone short line joins", "It began in May.\n\n" + para(2), []int{3}},
		{"byte cap", strings.Repeat("Word"+strings.Repeat(" word", 44)+". ", 6), []int{2, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDocument("t", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, d)
			var got []int
			for _, p := range d.Passages {
				got = append(got, p.Last-p.First+1)
				if len(p.Text) > maxPassageBytes && p.Last > p.First {
					t.Errorf("passage of %d bytes with %d sentences", len(p.Text), p.Last-p.First+1)
				}
			}
			if !equalInts(got, tt.want) {
				t.Errorf("sentences per passage = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPassagesSeparateChrome(t *testing.T) {
	body := "The talks ended on Monday. Both sides left.\nClick the share button below to email/forward this article.\nFollow us on Instagram.\n"
	d, err := ParseDocument("t", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Passages {
		bp := d.Sentences[p.First].Boilerplate
		for k := p.First; k <= p.Last; k++ {
			if d.Sentences[k].Boilerplate != bp {
				t.Errorf("passage %q mixes chrome and prose", p.Text)
			}
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}
