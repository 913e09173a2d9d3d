package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// texts returns the sentence texts ParseDocument finds in body.
func texts(t testing.TB, body string) []string {
	t.Helper()
	d, err := ParseDocument("t", []byte(body))
	if err != nil {
		t.Fatalf("ParseDocument: %v", err)
	}
	var out []string
	for _, s := range d.Sentences {
		out = append(out, s.Text)
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"plain", "One here. Two there! Three? Four.",
			[]string{"One here.", "Two there!", "Three?", "Four."}},
		{"country abbreviation", "The U.S. Embassy said no. It added more.",
			[]string{"The U.S. Embassy said no.", "It added more."}},
		{"abbreviation ends sentence", "Agents came from the U.S. The raid ended.",
			[]string{"Agents came from the U.S.", "The raid ended."}},
		{"titles", "Mr. Roe met Dr. Doe and Gen. Poe on St. Mark's day.",
			[]string{"Mr. Roe met Dr. Doe and Gen. Poe on St. Mark's day."}},
		{"months and No.", "Labs closed since Feb. 18 and No. 5 fell. Then Jan. 3 came.",
			[]string{"Labs closed since Feb. 18 and No. 5 fell.", "Then Jan. 3 came."}},
		{"latin", "Some agencies, e.g. ICE, act. Others, i.e. few, do not.",
			[]string{"Some agencies, e.g. ICE, act.", "Others, i.e. few, do not."}},
		{"company and versus", "Acme Inc. sued Roe vs. Doe Co. in court. They lost.",
			[]string{"Acme Inc. sued Roe vs. Doe Co. in court.", "They lost."}},
		{"initials", "J. R. Smith spoke. Then he left.",
			[]string{"J. R. Smith spoke.", "Then he left."}},
		{"platform letter before quote", "He posted on X. “Come now,” he wrote.",
			[]string{"He posted on X.", "“Come now,” he wrote."}},
		{"clock time ends a sentence", "Crews held the fire by 4 a.m. Deputy mayor Roe said so. It began at 9 p.m. Monday and ended at 2 a.m. GMT on Tuesday.",
			[]string{"Crews held the fire by 4 a.m.", "Deputy mayor Roe said so.", "It began at 9 p.m. Monday and ended at 2 a.m. GMT on Tuesday."}},
		{"decimals", "Growth was 3.5 percent. Prices rose 0.2.",
			[]string{"Growth was 3.5 percent.", "Prices rose 0.2."}},
		{"straight quote closes", `"We all want it," she said. "Us too."`,
			[]string{`"We all want it," she said.`, `"Us too."`}},
		{"curly quote closes", "“It is false.” The agency disagreed.",
			[]string{"“It is false.”", "The agency disagreed."}},
		{"question inside quote continues", "“Why now?” she asked. Nobody knew.",
			[]string{"“Why now?” she asked.", "Nobody knew."}},
		{"lines stand alone", "Home\nAbout us\nThe story begins here. It goes on.\n",
			[]string{"Home", "About us", "The story begins here.", "It goes on."}},
		{"blank lines", "Heading\n\nFirst para ends.\n\nSecond para.",
			[]string{"Heading", "First para ends.", "Second para."}},
		{"hard wrap lower-case", "The agents did not\ntake part in the raid. Officials\nagreed.",
			[]string{"The agents did not\ntake part in the raid.", "Officials\nagreed."}},
		{"hard wrap after function word", "The operation was led by the\nAttorney General's Office.",
			[]string{"The operation was led by the\nAttorney General's Office."}},
		{"list items", "Findings:\n  1. First finding here.\n  2. Second one.\n- A bullet\n* Another\n",
			[]string{"Findings:", "First finding here.", "Second one.", "A bullet", "Another"}},
		{"label markers", "KJ-1. Cooperation will grow.\n",
			[]string{"Cooperation will grow."}},
		{"markdown heading", "# The Title\nBody text.",
			[]string{"The Title", "Body text."}},
		{"tweet signature on its own line", "Labs were dismantled… pic.twitter.com/abc123\n— Some Agency (@agency) May 14, 2025\n",
			[]string{"Labs were dismantled…", "pic.twitter.com/abc123", "— Some Agency (@agency) May 14, 2025"}},
		{"tweet signature inline", "We did it. — Jane Roe (@jroe) May 15, 2025",
			[]string{"We did it.", "— Jane Roe (@jroe) May 15, 2025"}},
		{"tweet signature after link", "Big day https://t.co/x — Jane Roe (@jroe) 15 May 2025",
			[]string{"Big day", "https://t.co/x", "— Jane Roe (@jroe) 15 May 2025"}},
		{"ellipsis mid sentence", "They said... nothing. Then left.",
			[]string{"They said... nothing.", "Then left."}},
		{"spaced tokens", "It was built here . It is old .",
			[]string{"It was built here .", "It is old ."}},
		{"nbsp trimmed", "Ends here.\u00a0\n\u00a0Next line.",
			[]string{"Ends here.", "Next line."}},
		{"crlf", "First.\r\nSecond line\r\n",
			[]string{"First.", "Second line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(t, tt.body); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSplitCapsLongSentences(t *testing.T) {
	body := strings.Repeat("word, ", 700) + "end."
	d, err := ParseDocument("long", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) < 4 {
		t.Fatalf("%d sentences, want the text cut", len(d.Sentences))
	}
	for _, s := range d.Sentences {
		if len(s.Text) > maxSentenceBytes {
			t.Errorf("sentence of %d bytes", len(s.Text))
		}
	}
	checkSpans(t, d)
}

func FuzzParseDocument(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("default", "*.md"))
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "\ufeff---\r\ntitle: x\r\n---\r\nA.\r\n", "A. B. C.",
		"“Open quote never closes. Next.", "U.S. U.S. U.S.", "...", "…", "— X (@y) May 1, 2025",
		"a pic.twitter.com/x — B (@c)", "1. \n2. \n", "# \n> \n", "\"\"\"", "x\u00a0\u00a0.\u00a0",
		"Mr.", "e.g.", "a\n\nb\n\n\n", strings.Repeat("x", 2100), "---\n: :\n---\nA",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := ParseDocument("fuzz", raw)
		if err != nil {
			return
		}
		checkSpans(t, d)
	})
}

func BenchmarkParseDocument(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("default", "globalresearch-mexico-us-relations-strain-over-organized-crime.md"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDocument("bench", raw); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseLongLineIsLinear guards against per-sentence scans of the whole
// line: a 700 KB single-line file took 9 s before they were removed.
func TestParseLongLineIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("slow in -short mode")
	}
	raw := []byte(strings.Repeat("Jane Roe Smith and Ann Doe said it. ", 20000))
	start := time.Now()
	d, err := ParseDocument("long", raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 20000 {
		t.Errorf("%d sentences, want 20000", len(d.Sentences))
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("parse took %v: something is quadratic", el)
	}
}
