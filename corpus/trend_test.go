package corpus

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck/lexicon"
)

// Two holders who see one relationship heading opposite ways disagree,
// whatever words and tense each uses: more cooperation against strained
// ties, a forecast against a report, growing tension against a deepening
// partnership. Prices that rose in January and will fall next year are no
// dispute, and a negated "will weaken" is a forecast of no weakening.
func TestTrendDisputes(t *testing.T) {
	c, cs := storyClaims(t, "treaty")
	for _, pair := range [][2]string{
		{"will strengthen their collaboration", "will remain strained"},
		{"has increased in recent months", "have cooled further"},
		{"has increased in recent months", "Tensions between Vesk and Orland"},
	} {
		d := disputeOver(c, cs, KindTrend, pair[0], pair[1])
		if d == nil {
			t.Errorf("no trend dispute between %q and %q", pair[0], pair[1])
			continue
		}
		if !slices.Contains(d.Labels, "relations improving") || !slices.Contains(d.Labels, "relations worsening") {
			t.Errorf("sides labelled %q", d.Labels)
		}
	}
	if d := disputeOver(c, cs, KindTrend, "prices in Orland rose", "prices in Orland will fall"); d != nil {
		t.Errorf("last month's prices and next year's are in dispute %s", d.ID)
	}
	for text, want := range map[string]int8{
		"no sign that the partnership":    1, // "no sign that … will weaken"
		"Tensions between":                -1,
		"will remain strained":            -1,
		"Fish prices in Orland will fall": -1,
	} {
		if got := claimWith(t, c, cs, text).Trend; got != want {
			t.Errorf("%q: trend %+d, want %+d", text, got, want)
		}
	}
	if of := claimWith(t, c, cs, "will fall next year").TrendOf; slices.Contains(of, "year") {
		t.Errorf("the year is what falls: %q", of)
	}
}

// A question's words say which way it asks a trend heads.
func TestTrendDirection(t *testing.T) {
	_, cs := storyClaims(t, "treaty")
	for words, want := range map[string]int8{
		"relation get worse":        -1,
		"cooperation deepen":        1,
		"cooperation deepen strain": 0,
		"tension rise":              -1,
		"patrol dock":               0,
	} {
		if got := cs.Direction(strings.Fields(words)); got != want {
			t.Errorf("%q: direction %+d, want %+d", words, got, want)
		}
	}
}

// Water said to be going down now and forecast to rise over the coming
// week are rival accounts; water that rose on Monday and was pumped down
// since are two moments of one story. "X has said …" is X speaking.
func TestTrendTimesAndWords(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Brenn Post\npublished: 2026-04-02\n---\n" +
			"The water in the Brenn mine rose six metres on Monday, the fire service said.\n\n" +
			"\"The water is going down every hour,\" said Ada Kell, the owner of the Brenn mine.\n\n" +
			"Kell said the pumps had lowered the water in the Brenn mine by two metres since Tuesday.\n")},
		"b.md": {Data: []byte("---\noutlet: Brenn Courier\npublished: 2026-04-03\n---\n" +
			"Hydrologists expect the water in the Brenn mine to rise again over the coming week, the river board said.\n\n" +
			"Brenn Mining Company has said that twelve men were underground.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindTrend, "going down every hour", "rise again over the coming week"); d == nil {
		t.Error("falling now and rising next week are not in dispute")
	}
	if d := disputeOver(c, cs, KindTrend, "rose six metres on Monday", "had lowered the water"); d != nil {
		t.Error("Monday's rise and the pumping since are in dispute")
	}
	if h := claimWith(t, c, cs, "twelve men").Holder; h != "Brenn Mining Company" {
		t.Errorf("'… has said' held by %q", h)
	}
}

// Relations between Vesk and Orland and ties between Vesk and Tarnia are
// two relationships; "not too early to say" says the matter is known; a
// negated "expect" in another clause does not turn a rise into a fall.
func TestTrendAndOpenEdges(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Brenn Post\npublished: 2026-04-02\n---\n" +
			"Relations between Vesk and Orland will deepen this year, the envoy said.\n\n" +
			"It is not too early to say that the sluice failed, the engineer said.\n\n" +
			"Officials did not expect the storm, and the water levels at Fenmark have risen.\n")},
		"b.md": {Data: []byte("---\noutlet: Brenn Courier\npublished: 2026-04-03\n---\n" +
			"Ties between Vesk and Tarnia will remain strained, the minister said.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindTrend, "Vesk and Orland", "Vesk and Tarnia"); d != nil {
		t.Error("two relationships sharing one party are in dispute")
	}
	if claimWith(t, c, cs, "not too early to say").Open {
		t.Error("'not too early to say' is open")
	}
	if got := claimWith(t, c, cs, "water levels at Fenmark have risen").Trend; got != 1 {
		t.Errorf("the risen water trends %+d, want +1", got)
	}
}
