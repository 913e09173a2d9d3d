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

// One party said both to ask another in and to keep it out is a dispute,
// whichever verbs and titles each account uses; the person is one with or
// without a title.
func TestConsentDisputes(t *testing.T) {
	c, cs := storyClaims(t, "treaty")
	d := disputeOver(c, cs, KindConsent, "has requested Orland assistance", "would not permit Orland patrol boats")
	if d == nil {
		t.Fatal("no consent dispute between the request and the refusal")
	}
	if got := claimWith(t, c, cs, "would not permit").Consent; got != -1 {
		t.Errorf("'would not permit' consents %+d, want -1", got)
	}
	for _, l := range d.Labels {
		if !strings.Contains(l, "Orland") {
			t.Errorf("side %q does not name whom it lets in or keeps out", l)
		}
	}
}

// A claim that the matter is not yet known is open, and belongs to the
// dispute over that matter in its story; a plain statement is not open.
func TestOpenClaims(t *testing.T) {
	c, cs := storyClaims(t, "dam")
	open := claimWith(t, c, cs, "too early to say what caused the breach")
	if !open.Open {
		t.Fatal("'too early to say what caused' is not open")
	}
	if claimWith(t, c, cs, "poor maintenance caused the breach").Open {
		t.Error("a cause given is open")
	}
	var d *Dispute
	for i := range cs.Disputes {
		if cs.Disputes[i].Kind == KindCause {
			d = &cs.Disputes[i]
		}
	}
	if d == nil {
		t.Fatal("no cause dispute")
	}
	found := false
	for _, i := range cs.OpenOn(d) {
		found = found || &cs.All[i] == open
	}
	if !found {
		t.Errorf("the open claim is not on the cause dispute")
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

// Figures of two units given in one claim make two disputes, each of one
// unit, not one dispute mixing people and metres.
func TestValueDisputesKeepTheirUnits(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Brenn Post\npublished: 2026-04-02\n---\n" +
			"The Fenmark pier owner said nine anglers were on the pier when the deck, 40 metres long, gave way.\n")},
		"b.md": {Data: []byte("---\noutlet: Brenn Courier\npublished: 2026-04-03\n---\n" +
			"The Fenmark anglers' club said fourteen anglers were on the pier.\n\n" +
			"The Fenmark club said the deck was only 25 metres long.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	values := 0
	defer func() {
		if values < 2 {
			t.Errorf("%d value disputes, want one over the men and one over the metres", values)
		}
	}()
	for _, d := range cs.Disputes {
		if d.Kind != KindValue {
			continue
		}
		values++
		units := map[string]bool{}
		for _, side := range d.Sides {
			for _, i := range side {
				for _, v := range cs.All[i].Values {
					if v.Unit != "" && strings.Contains(strings.Join(d.Labels, " "), v.Text) {
						units[cs.unitKey(v.Unit)] = true
					}
				}
			}
		}
		if len(units) > 1 {
			t.Errorf("dispute %s mixes units %v: sides %q", d.ID, units, d.Labels)
		}
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
