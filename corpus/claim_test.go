package corpus

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck/lexicon"
)

// storyClaims loads an invented story from testdata/stories and reads its
// claims and disputes.
func storyClaims(t *testing.T, story string) (*Corpus, *Claims) {
	t.Helper()
	c, skipped, err := LoadDir("testdata/stories/"+story, Options{})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("load %s: %v %v", story, err, skipped)
	}
	return c, BuildClaims(c, lexicon.Default())
}

// claimWith returns the claim whose text contains s.
func claimWith(t *testing.T, c *Corpus, cs *Claims, s string) *Claim {
	t.Helper()
	for i := range cs.All {
		cl := &cs.All[i]
		if strings.Contains(string(c.Doc(cl.DocID).Raw[cl.Start:cl.End]), s) {
			return cl
		}
	}
	t.Fatalf("no claim says %q", s)
	return nil
}

func TestClaimSpansAreExact(t *testing.T) {
	for _, story := range []string{"dam", "ferry", "vote"} {
		c, cs := storyClaims(t, story)
		for _, cl := range cs.All {
			d := c.Doc(cl.DocID)
			s := d.Sentences[cl.Sentence]
			if cl.Start < s.Start || cl.End > s.End || cl.Start >= cl.End {
				t.Errorf("%s: claim [%d:%d] outside its sentence [%d:%d]", cl.DocID, cl.Start, cl.End, s.Start, s.End)
			}
			if text := string(d.Raw[cl.Start:cl.End]); strings.TrimSpace(text) != text {
				t.Errorf("%s: claim %q has space at an end", cl.DocID, text)
			}
		}
	}
}

// Who holds a claim: transcript labels, pronouns by gender, groups named
// by a plural noun, and the subject of a stance verb that is no verb of
// speech.
func TestClaimHolders(t *testing.T) {
	c, cs := storyClaims(t, "dam")
	tests := []struct{ says, holder string }{
		// "He added" after a woman spoke goes back to the man before her.
		{"rescue crews had pulled 30 residents", "Tomas Brell"},
		{"the clinic ran out of blankets", "Nurse Ada Quill"},
		{"blamed the breach on an earthquake", "Alma Sethi"},
		{"the dam was unsafe", "Engineers at the state water board"},
		{"years of poor maintenance caused the breach", "Engineers at the state water board"},
		// A transcript line, and the next sentence on the same line.
		{"That is just not true.", "Lena Voss"},
		{"Our inspectors flagged cracks", "Lena Voss"},
	}
	for _, tt := range tests {
		if got := claimWith(t, c, cs, tt.says).Holder; got != tt.holder {
			t.Errorf("holder of %q = %q, want %q", tt.says, got, tt.holder)
		}
	}
	// A transcript claim is quoted without its label.
	cl := claimWith(t, c, cs, "That is just not true.")
	if got := string(c.Doc(cl.DocID).Raw[cl.Start:cl.End]); got != "That is just not true." {
		t.Errorf("transcript claim quotes %q, want it without the label", got)
	}
	for _, cl := range cs.All {
		text := string(c.Doc(cl.DocID).Raw[cl.Start:cl.End])
		if strings.HasSuffix(text, "?") || strings.Contains(text, "Thank you") {
			t.Errorf("an interviewer's line or a question is a claim: %q", text)
		}
	}
	c, cs = storyClaims(t, "ferry")
	if got := claimWith(t, c, cs, "blamed a sudden squall").Holder; got != "Tidewell Lines" {
		t.Errorf("holder of the operator's blame = %q, want Tidewell Lines", got)
	}
	// "He said later" after a woman spoke, two sentences on; a sentence
	// after a clock time ("by 4 a.m. Deputy mayor …") is its own.
	c, cs = storyClaims(t, "spill")
	for _, tt := range []struct{ says, holder string }{
		{"the sirens had been tested in May", "Howard Pike"},
		{"the town had no working sirens", "Clara Voss"},
		{"the evacuation was chaotic", "Clara Voss"},
		{"The flames came from the tank farm", "Nina Ortega"},
		{"900 homes were without power", "The council"},
		{"the plant had passed a safety inspection", "Omar Haddad"},
	} {
		if got := claimWith(t, c, cs, tt.says).Holder; got != tt.holder {
			t.Errorf("holder of %q = %q, want %q", tt.says, got, tt.holder)
		}
	}
}

func TestClaimPolarityAndValues(t *testing.T) {
	c, cs := storyClaims(t, "ferry")
	tests := []struct {
		says string
		want Polarity
	}{
		{"the ferry was not overloaded", Denied},
		{"Tidewell Lines denied that the ferry was overloaded", Denied},
		{"the Saltwind was overloaded", Asserted},
		// A condition asserts nothing.
		{"If the crew had launched all six lifeboats", Hypothetical},
	}
	for _, tt := range tests {
		if got := claimWith(t, c, cs, tt.says).Polarity; got != tt.want {
			t.Errorf("polarity of %q = %v, want %v", tt.says, got, tt.want)
		}
	}
	c, cs = storyClaims(t, "dam")
	scopes := []struct {
		says  string
		num   float64
		scope string
	}{
		{"four people died on the night", 4, "night"},
		{"has risen to seven", 7, "total"},
		{"Two of the dead were employees", 2, "part"},
	}
	for _, tt := range scopes {
		cl := claimWith(t, c, cs, tt.says)
		if !slices.ContainsFunc(cl.Values, func(v Value) bool { return v.Num == tt.num && v.Scope == tt.scope }) {
			t.Errorf("values of %q = %+v, want %g with scope %q", tt.says, cl.Values, tt.num, tt.scope)
		}
	}
}

// The registry meets names across spellings: an acronym and its expansion,
// a country and its demonym.
func TestEntities(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ents := NewEntities(c, lexicon.Default())
	tests := []struct{ a, b string }{
		{"U.S. Immigration and Customs Enforcement", "ICE"},
		{"American", "United States"},
		{"U.S.", "America"},
		{"Mexican", "Mexico"},
	}
	for _, tt := range tests {
		if ka, kb := ents.Key(tt.a), ents.Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want one key", tt.a, ka, tt.b, kb)
		}
	}
	if !ents.Related(ents.Key("ICE"), ents.Key("U.S.")) {
		t.Errorf("ICE is not related to the U.S., though the corpus names it U.S. Immigration and Customs Enforcement")
	}
	if ents.Key("Mexican") == ents.Key("American") {
		t.Errorf("Mexican and American share a key")
	}
}

// "The company" is the last business named, never the document's own
// outlet, even when a dateline names the outlet by its initials.
func TestTheCompanyIsNotTheOutlet(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Drevnian News Wire\n---\nSTAVRA (DNW) — Ostra Rail said the train was on time.\n\nTwo of the dead were Ostra Rail employees, the company said.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if h := claimWith(t, c, cs, "Two of the dead").Holder; h != "Ostra Rail" {
		t.Errorf("holder %q, want Ostra Rail", h)
	}
}

// A post, a letter or a statement speaks for whoever issued it: "The post
// added …" is the ministry's, and "The letter also said …" the union's
// who wrote it, not a holder called "The post". A described report with
// words of its own ("The annual safety report said") stays its own holder.
func TestDocumentNounsSpeakForTheirIssuer(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Harlow Courier\n---\n" +
			"The Transport Ministry of Vell posted on Monday that the bridge would reopen in May.\n\n" +
			"The post added that inspectors had found no cracks in the main span.\n\n" +
			"In a reply on Tuesday the Dockworkers Union said the ministry was hiding the cracks.\n\n" +
			"The letter also said that two girders had rusted through.\n\n" +
			"The annual safety report said repairs were overdue.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	for text, want := range map[string]string{
		"The post added":           "Transport Ministry",
		"The letter also said":     "Dockworkers Union",
		"The annual safety report": "The annual safety report",
	} {
		if h := claimWith(t, c, cs, text).Holder; !strings.Contains(h, want) {
			t.Errorf("%q: holder %q, want %q", text, h, want)
		}
	}
}

// A text with no front matter and no headline is named by its file, not
// by its first sentence taken for a title; a headline stays the name.
func TestUntitledTextIsNamedByItsFile(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"port-notes.txt": {Data: []byte("The port authority said on Tuesday that the trawler was released.\n\nPatrol boats docked on Monday.\n")},
		"wire.txt":       {Data: []byte("Trawler released\n\nPatrol boats docked on Monday.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Doc("port-notes").SourceName(); got != "port-notes" {
		t.Errorf("untitled text named %q, want its file's name", got)
	}
	if got := c.Doc("wire").SourceName(); got != "Trawler released" {
		t.Errorf("headlined text named %q, want its headline", got)
	}
}
