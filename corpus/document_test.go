package corpus

import (
	"strings"
	"testing"
)

func TestSentenceAtPassageAt(t *testing.T) {
	body := "---\ntitle: T\n---\nOne here. Two there.\n\nThree follows.\n"
	d, err := ParseDocument("t", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, s := range d.Sentences {
		for _, off := range []int{s.Start, s.End - 1} {
			if got := d.SentenceAt(off); got != k {
				t.Errorf("SentenceAt(%d) = %d, want %d", off, got, k)
			}
		}
	}
	for k, p := range d.Passages {
		if got := d.PassageAt(p.Start); got != k {
			t.Errorf("PassageAt(%d) = %d, want %d", p.Start, got, k)
		}
	}
	for _, off := range []int{-1, 0, d.BodyStart - 1, d.Sentences[0].End, len(d.Raw), len(d.Raw) + 5} {
		if got := d.SentenceAt(off); got != -1 {
			t.Errorf("SentenceAt(%d) = %d, want -1", off, got)
		}
	}
	if got := d.PassageAt(0); got != -1 {
		t.Errorf("PassageAt(0) = %d in front matter", got)
	}
}

func TestTitleFallback(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"front matter wins", "---\ntitle: Set\n---\nFirst line\n", "Set"},
		{"first line", "The Headline Here\n\nBody text follows.\n", "The Headline Here"},
		{"markdown heading", "# A Heading\nBody.\n", "A Heading"},
		{"skips chrome", "JANE DOE/AFP via Getty Images\nA Headline About Trade\nBody.\n", "A Headline About Trade"},
		{"too long is empty", strings.Repeat("word ", 40) + "end.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDocument("t", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.want {
				t.Errorf("Title = %q, want %q", d.Title, tt.want)
			}
		})
	}
}

func TestFilter(t *testing.T) {
	c := newCorpus([]*Document{
		{ID: "b-doc", Title: "Embassy Clarifies", Outlet: "Latin Paper"},
		{ID: "a-doc", Title: "Labs Dismantled", Author: "Jane Roe"},
	})
	if got := c.Filter(""); len(got) != 2 || got[0].ID != "a-doc" {
		t.Errorf("Filter(\"\") = %v", ids(got))
	}
	if got := c.Filter("EMBASSY latin"); len(got) != 1 || got[0].ID != "b-doc" {
		t.Errorf("Filter(embassy latin) = %v", ids(got))
	}
	if got := c.Filter("roe a-doc"); len(got) != 1 || got[0].ID != "a-doc" {
		t.Errorf("Filter(roe a-doc) = %v", ids(got))
	}
	if got := c.Filter("embassy roe"); len(got) != 0 {
		t.Errorf("Filter(embassy roe) = %v, want none", ids(got))
	}
}

func ids(ds []*Document) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.ID)
	}
	return out
}

// TestShippedCorpus pins what the answer layer relies on in the shipped
// documents: chrome is marked, and the key quotes have their speakers.
func TestShippedCorpus(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	find := func(id, prefix string) Sentence {
		t.Helper()
		d := c.Doc(id)
		if d == nil {
			t.Fatalf("no document %s", id)
		}
		for _, s := range d.Sentences {
			if strings.HasPrefix(s.Text, prefix) {
				return s
			}
		}
		t.Fatalf("%s: no sentence starting %q", id, prefix)
		return Sentence{}
	}
	const (
		embassy = "latintimes-us-embassy-clarifies-no-ice-agents-on-mexican-soil"
		rejects = "latintimes-sheinbaum-rejects-ice-role-in-sinaloa-raids"
		reveals = "latintimes-ice-reveals-us-agents-operating-mexico"
		gr      = "globalresearch-mexico-us-relations-strain-over-organized-crime"
	)
	speakers := []struct{ id, prefix, want string }{
		{embassy, "\"But there is no subordination", "Claudia Sheinbaum"},
		{embassy, "The U.S. embassy in Mexico clarified", "U.S. Embassy"},
		{embassy, "\"Therefore, we appreciate", "U.S. Embassy"},
		{rejects, "“But there is no subordination", "Claudia Sheinbaum"},
		{rejects, "The embassy emphasized", "U.S. Embassy"},
		{rejects, "Three large-scale synthetic", "ICE"},
		{reveals, "According to Mexican Security Chief", "Omar García Harfuch"},
		{reveals, "In a bold move", "ICE"},
		{gr, "“Three large-scale synthetic", "ICE"},
		{gr, "This photograph does not correspond", "Claudia Sheinbaum"},
		{gr, "Regarding security", ""},
	}
	for _, tt := range speakers {
		if got := find(tt.id, tt.prefix).Speaker; got != tt.want {
			t.Errorf("%s: %q… speaker %q, want %q", tt.id, tt.prefix, got, tt.want)
		}
	}
	for _, prefix := range []string{"Contact Form", "Email *", "Click the share button", "Help us stay afloat", "No comments:", "Home Top Ad", "us-mexico-400x229"} {
		if !find(gr, prefix).Boilerplate {
			t.Errorf("%q not boilerplate", prefix)
		}
	}
	if !find(rejects, "ALFREDO ESTRELLA/AFP").Boilerplate || !find(rejects, "© 2025 Latin Times").Boilerplate {
		t.Error("credit or copyright not boilerplate")
	}
	if find(rejects, "“But there is no subordination").Boilerplate {
		t.Error("quote marked boilerplate")
	}
}
