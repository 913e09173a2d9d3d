package corpus

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck/lexicon"
)

// disputeOver finds the dispute of a kind with a side holding a claim that
// says a and another side holding one that says b.
func disputeOver(c *Corpus, cs *Claims, kind, a, b string) *Dispute {
	sideOf := func(d *Dispute, s string) int {
		for k, side := range d.Sides {
			for _, i := range side {
				cl := cs.All[i]
				if strings.Contains(string(c.Doc(cl.DocID).Raw[cl.Start:cl.End]), s) {
					return k
				}
			}
		}
		return -1
	}
	for i := range cs.Disputes {
		d := &cs.Disputes[i]
		if d.Kind != kind {
			continue
		}
		if x, y := sideOf(d, a), sideOf(d, b); x >= 0 && y >= 0 && x != y {
			return d
		}
	}
	return nil
}

func TestDisputes(t *testing.T) {
	tests := []struct {
		story, kind, a, b string
		want              bool
	}{
		// A figure of one scope given two ways is a dispute …
		{"dam", KindValue, "four people died on the night", "six people died that night", true},
		// … figures of different scopes are not: one night against a
		// running total, or against a part of the dead.
		{"dam", KindValue, "four people died on the night", "has risen to seven", false},
		{"dam", KindValue, "has risen to seven", "Two of the dead were employees", false},
		// "unsafe" is "not safe".
		{"dam", KindPolarity, "the dam was unsafe", "was safe", true},
		{"dam", KindCause, "poor maintenance caused the breach", "blamed the breach on an earthquake", true},
		// A rebuttal that names whose report it rejects.
		{"dam", KindRebuttal, "rejected the water board's report", "the dam was unsafe", true},
		{"ferry", KindRebuttal, "denied that the ferry was overloaded", "the Saltwind was overloaded", true},
		{"ferry", KindPolarity, "there was no squall", "blamed a sudden squall", true},
		// "that evening" is the noun, not the verb "even": no squall
		// that evening says nothing of a sinking on Sunday evening.
		{"ferry", KindPolarity, "there was no squall", "sank off Kell Point on Sunday evening", false},
		// Counts with thousands separators, in one document from two
		// holders; the day a figure was announced is not its scope.
		{"vote", KindValue, "won 1,204,311 votes", "won only 980,000 votes", true},
		{"vote", KindValue, "turnout was 61.5 percent", "turnout was 58 percent", true},
		// A rebuttal naming the other side by surname.
		{"vote", KindRebuttal, "rejected Reyk's claim", "commission inflated the count", true},
		// A denial that soldiers blocked polling stations denies the
		// blocking; "polling stations" is a thing, not a vote, so the
		// count of votes is not what it denies.
		{"vote", KindRebuttal, "army denied that soldiers blocked", "He added that soldiers blocked", true},
		{"vote", KindRebuttal, "army denied that soldiers blocked", "won 1,204,311 votes", false},
		// Rejecting a denial asserts what it denied: the resident who
		// calls "the company says nothing leaked" untrue sides with the
		// agency's finding, against the company's spokesman.
		{"spill", KindPolarity, "That is just not true", "no toxic chemicals leaked", true},
		{"spill", KindPolarity, "That is just not true", "benzene leaked into", false},
		// "X caused it, not Y" rules Y out; it agrees with "there was
		// no Y" and blames another cause than "blamed Y".
		{"spill", KindPolarity, "faulty valve caused the fire", "no lightning that night", false},
		{"spill", KindCause, "faulty valve caused the fire", "lightning strike", true},
		// A time of day is no figure: "by 4 a.m." counts nothing.
		{"spill", KindValue, "by 4 a.m", "1,200 residents", false},
		// Counts of different scopes: one night, in all, a part.
		{"spill", KindValue, "1,200 residents were evacuated on Monday night", "risen to 3,400 in all", false},
		// A condition asserts nothing, so it contradicts nothing.
		{"ferry", KindPolarity, "nobody would have drowned", "missing", false},
	}
	for _, tt := range tests {
		c, cs := storyClaims(t, tt.story)
		if got := disputeOver(c, cs, tt.kind, tt.a, tt.b) != nil; got != tt.want {
			t.Errorf("%s: %s dispute between %q and %q = %v, want %v", tt.story, tt.kind, tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDisputeIDsAreStable(t *testing.T) {
	_, a := storyClaims(t, "dam")
	_, b := storyClaims(t, "dam")
	if len(a.Disputes) == 0 || len(a.Disputes) != len(b.Disputes) {
		t.Fatalf("disputes: %d then %d", len(a.Disputes), len(b.Disputes))
	}
	for i := range a.Disputes {
		if a.Disputes[i].ID != b.Disputes[i].ID {
			t.Errorf("dispute %d: id %s then %s", i, a.Disputes[i].ID, b.Disputes[i].ID)
		}
	}
}

// Claims and disputes written to a data directory and read back answer the
// same lookups without being found again.
func TestRestoreClaims(t *testing.T) {
	c, cs := storyClaims(t, "dam")
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cs.Data()); err != nil {
		t.Fatal(err)
	}
	var back ClaimsData
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	rs := RestoreClaims(c, lexicon.Default(), back)
	for _, name := range []string{"Engineers at the state water board", "Korven Dam"} {
		if rs.Entities.Key(name) != cs.Entities.Key(name) {
			t.Errorf("restored registry keys %q as %q, built %q", name, rs.Entities.Key(name), cs.Entities.Key(name))
		}
	}
	for i := range cs.All {
		if !slices.Equal(cs.DisputesOf(i), rs.DisputesOf(i)) || cs.Degree(i) != rs.Degree(i) {
			t.Errorf("claim %d: disputes %v degree %d, restored %v degree %d", i, cs.DisputesOf(i), cs.Degree(i), rs.DisputesOf(i), rs.Degree(i))
		}
	}
}

// Two denials of the same assertion are one dispute, on one side (the
// overlap rule, sameDenial); claims naming different acts are no dispute
// however alike their verbs (agents of one act only): every film is
// "directed by" someone.
func TestDisputeGrouping(t *testing.T) {
	c, cs := storyClaims(t, "ferry")
	d := disputeOver(c, cs, KindRebuttal, "not overloaded", "Saltwind was overloaded")
	if d == nil || disputeOver(c, cs, KindRebuttal, "denied that the ferry", "Saltwind was overloaded") != d {
		t.Fatalf("the port director's and the operator's denials are not one dispute")
	}
	fs := fstest.MapFS{}
	for i, film := range []string{"Velm Nights", "Orrin Bay", "The Tallow Road", "Kestrel Hill", "Ashgrove", "Minnow Lake", "Paper Saints", "Quillon"} {
		fs[fmt.Sprintf("f%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("%s is a 1987 drama film directed by Dara Oyelaran%c. It was shot in the north.\n", film, 'a'+rune(i)))}
	}
	films, _, err := Load(fs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := BuildClaims(films, lexicon.Default()).Disputes; len(got) != 0 {
		t.Errorf("eight films with eight directors make %d disputes, want none", len(got))
	}
}

// Claims that name one event in two words ("blast", "explosion") are
// compared: they meet through the words' first WordNet sense.
func TestSynonymsMeet(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("Inspectors said the blast at the Dunmore quarry was caused by unstable explosives.\n")},
		"b.md": {Data: []byte("The Dunmore quarry owner blamed the explosion on a lightning strike.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindCause, "unstable explosives", "lightning strike"); d == nil {
		t.Errorf("no cause dispute between the blast's and the explosion's causes")
	}
	if h := claimWith(t, c, cs, "lightning strike").Holder; h != "Dunmore quarry owner" {
		t.Errorf("holder %q, want the noun phrase before the stance verb", h)
	}
}

// A denial governs a verb; the same word used as a noun elsewhere is
// another word: "has not issued a statement" denies no claim about
// tackling "the issue".
func TestDeniedVerbIsNotItsNoun(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("Governor Alvi's office has not issued an official statement regarding the Tarn flood.\n")},
		"b.md": {Data: []byte("Relief work after the Tarn flood has increased, reflecting pressure on Governor Alvi to tackle the issue.\n")},
		"c.md": {Data: []byte("Governor Alvi's office issued a statement on the Tarn flood on Monday.\n")},
		"d.md": {Data: []byte("Governor Alvi's office issued an official drought strategy for the Tarn valley in March.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindPolarity, "has not issued", "tackle the issue"); d != nil {
		t.Errorf("'has not issued' disputes 'tackle the issue': %+v", d)
	}
	if d := disputeOver(c, cs, KindPolarity, "has not issued", "issued a statement on"); d == nil {
		t.Errorf("'has not issued' does not dispute 'issued a statement'")
	}
	// Not issuing a statement is not not issuing a strategy.
	if d := disputeOver(c, cs, KindPolarity, "has not issued", "drought strategy"); d != nil {
		t.Errorf("'has not issued an official statement' disputes 'issued a drought strategy'")
	}
}

// An -ing verb stays a verb ("denied shooting protesters" rebuts "soldiers
// shot protesters"); only after a word of time is an -ing noun a time
// ("that evening").
func TestIngVerbsAndTimes(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("Witnesses in Brevik said soldiers shot protesters near the Brevik bridge.\n")},
		"b.md": {Data: []byte("The Varnian Army denied shooting protesters near the Brevik bridge.\n")},
		"c.md": {Data: []byte("The Brevik mayor said there was no curfew that evening.\n")},
		"d.md": {Data: []byte("The Brevik march began on Sunday evening near the bridge.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindRebuttal, "denied shooting", "soldiers shot"); d == nil {
		t.Errorf("'denied shooting protesters' does not rebut 'soldiers shot protesters'")
	}
	for _, kind := range []string{KindPolarity, KindRebuttal} {
		if d := disputeOver(c, cs, kind, "no curfew that evening", "Sunday evening"); d != nil {
			t.Errorf("'no curfew that evening' disputes a march on Sunday evening (%s)", kind)
		}
	}
}

// A cause written before "caused" keeps its modifying nouns: "a lightning
// strike caused the fire" blames lightning, as "caused by lightning" does.
func TestCauseKeepsItsNouns(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("Fire officers said a lightning strike caused the fire at the Holm depot.\n")},
		"b.md": {Data: []byte("The Holm depot owner said the fire was caused by lightning.\n")},
		"c.md": {Data: []byte("Inspectors said a faulty heater caused the fire at the Holm depot.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindCause, "lightning strike caused", "caused by lightning"); d != nil {
		t.Errorf("a lightning strike and lightning are two sides: %+v", d)
	}
	if d := disputeOver(c, cs, KindCause, "faulty heater", "lightning strike caused"); d == nil {
		t.Errorf("a faulty heater and a lightning strike are not two causes")
	}
}

// A correction names the figure it rejects ("seven, not the five …"): it
// disputes that figure whatever scope and unit the other gives it; a figure
// with no noun after it counts what the clause named before it; and a past
// event's figure ("since 2016, when four died") disputes no current count.
func TestFiguresRuledOutAndCounted(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("The death toll from the fever outbreak at Norrby Clinic has risen to five, the Coastal Health Board said on Monday.\n")},
		"b.md": {Data: []byte("The Norrby nurses' union put the number of patients who died in the fever outbreak at seven, not the five announced by the Coastal Health Board.\n")},
		"c.md": {Data: []byte("The Norrby fever outbreak is the worst at the clinic since 2016, when four patients died in a fever outbreak.\n")},
		"d.md": {Data: []byte("Two patients died over the weekend in the Norrby fever outbreak, Norrby Clinic said.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	d := disputeOver(c, cs, KindValue, "at seven, not the five", "risen to five")
	if d == nil {
		t.Fatalf("'seven, not the five' does not dispute 'risen to five'")
	}
	if len(d.Sides) != 2 {
		t.Errorf("want two sides (five, seven), got %v", d.Labels)
	}
	for _, s := range []string{"since 2016, when four", "over the weekend"} {
		if d := disputeOver(c, cs, KindValue, s, "risen to five"); d != nil {
			t.Errorf("%q disputes the running toll: %v", s, d.Labels)
		}
	}
}

// Figures count what befell people: the injured of one story dispute
// whatever kind of people each names, but not the passengers a train
// carried; "three of the dead" is a part of a toll.
func TestFiguresOfOneEvent(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("The Holmby District Ambulance Service said 48 people had been injured in the derailment at the Canal Bend near Holmby.\n")},
		"b.md": {Data: []byte("Ostra Rail said on Friday that 37 passengers had been injured in the derailment at the Canal Bend near Holmby.\n\nThe Ostra Rail train was carrying about 260 passengers near Holmby.\n")},
		"c.md": {Data: []byte("The Holmby derailment toll rose to six on Thursday, Ostra Rail said.\n\nThree of the dead were Ostra Rail employees, the company said.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindValue, "48 people had been injured", "37 passengers had been injured"); d == nil {
		t.Errorf("48 injured and 37 injured do not conflict")
	}
	for _, pair := range [][2]string{
		{"carrying about 260 passengers", "37 passengers had been injured"},
		{"Three of the dead", "toll rose to six"},
	} {
		if d := disputeOver(c, cs, KindValue, pair[0], pair[1]); d != nil {
			t.Errorf("%q and %q conflict: %v", pair[0], pair[1], d.Labels)
		}
	}
}

// Causes are read from the ways news gives them ("pointed to", "was the
// most likely cause", "were to blame"); a cause inside a rejection is one
// the claim rules out; and causes of different things — a disease's
// definition, a count's explanation — are no rival accounts of the event.
func TestCausesAndWhatTheyCaused(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("Orsa Clinic chief Lena Pask pointed to repairs on the Orsa water main as the source of the fever outbreak.\n")},
		"b.md": {Data: []byte("Orsa Water rejected the clinic's suggestion that repairs to the Orsa water main were to blame for the fever outbreak.\n")},
		"c.md": {Data: []byte("Nurse Ida Holm said a broken boiler at Orsa Clinic was the most likely cause of the fever outbreak.\n")},
		"d.md": {Data: []byte("Marsh fever is a form of pneumonia caused by bacteria that grow in warm water at Orsa Clinic.\n")},
		"e.md": {Data: []byte("The Orsa union counted nine cases of the fever outbreak because two patients at Orsa Clinic were left out.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"pointed to repairs", "broken boiler", true},
		{"rejected the clinic's suggestion", "pointed to repairs", true},
		{"form of pneumonia", "broken boiler", false},
		{"because two patients", "broken boiler", false},
	} {
		if got := disputeOver(c, cs, KindCause, tt.a, tt.b) != nil; got != tt.want {
			t.Errorf("cause dispute between %q and %q = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// Claims saved by older rules are read again from the documents, not
// served stale: a store whose claims lack what newer rules find (a
// figure's event) answers as a fresh one does.
func TestRestoreClaimsOfOlderRules(t *testing.T) {
	c, cs := storyClaims(t, "dam")
	old := cs.Data()
	old.Rules = ClaimRules - 1
	old.All, old.Disputes = nil, nil
	got := RestoreClaims(c, lexicon.Default(), old)
	if len(got.All) != len(cs.All) || len(got.Disputes) != len(cs.Disputes) {
		t.Errorf("restored %d claims, %d disputes from older rules; want %d, %d read again", len(got.All), len(got.Disputes), len(cs.All), len(cs.Disputes))
	}
}

// Review cases: each line a reading that once went wrong.
func TestClaimReadingEdgeCases(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("Brannoch Foods rejected the suggestion that faulty wiring was to blame for the Brenn depot fire.\n\n" +
			"3 people were hurt in the 10:30 collision at Brenn.\n\n" +
			"Twelve workers were found dead at the Brenn mine.\n\n" +
			"Residents blame the council for the slow response in Brenn.\n\n" +
			"Mayor Lena Fisk said the collapse was caused by heavy rain, not the Brenn quarry.\n\n" +
			"The Brenn vote tally rose to 5,200 after the recount.\n\n" +
			"“We lost everything,” said residents of Mill Street.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if cl := claimWith(t, c, cs, "faulty wiring"); !slices.Contains(cl.NotCauses, "wiring") && !slices.Contains(cl.NotCauses, "wire") || len(cl.Causes) > 0 {
		t.Errorf("a rejected cause: causes %v, ruled out %v", cl.Causes, cl.NotCauses)
	}
	if cl := claimWith(t, c, cs, "10:30 collision"); len(cl.Values) == 0 || cl.Values[0].Num != 3 {
		t.Errorf("a clock time elsewhere hides the figure: %+v", cl.Values)
	}
	if cl := claimWith(t, c, cs, "found dead"); len(cl.Values) == 0 || cl.Values[0].Event != "die" {
		t.Errorf("'found dead' counts the dead: %+v", cl.Values)
	}
	if cl := claimWith(t, c, cs, "Residents blame"); !slices.Contains(cl.Causes, "council") {
		t.Errorf("'Residents blame the council': causes %v", cl.Causes)
	}
	if cl := claimWith(t, c, cs, "heavy rain"); slices.Contains(cl.Causes, "quarry") {
		t.Errorf("a cause window ran past its clause: %v", cl.Causes)
	}
	if cl := claimWith(t, c, cs, "tally rose"); len(cl.Values) > 0 && cl.Values[0].Unit == "death" {
		t.Errorf("a vote tally is no death toll: %+v", cl.Values)
	}
	if cl := claimWith(t, c, cs, "We lost everything"); cl.Holder == "Mill Street" {
		t.Errorf("a street is no speaker")
	}
}

// A mayor quoted on two incidents in one town makes them no one story:
// their counts of the dead do not conflict.
func TestTwoIncidentsInOneTown(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: Flat fire in Halvard\npublished: 2026-01-10\n---\nThree people died in the flat fire in Halvard, Mayor Tom Ashby said.\n")},
		"b.md": {Data: []byte("---\ntitle: Coach crash on the Orrin road\npublished: 2026-03-02\n---\nSeven people died when a coach crashed near Halvard, Mayor Tom Ashby said.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindValue, "Three people died", "Seven people died"); d != nil {
		t.Errorf("two incidents' tolls conflict: %v", d.Labels)
	}
}

// Who did an act is said with other verbs than "led": "carried out",
// "conducted", "acts on that information". An infinitive ("would not
// permit Orland boats to carry out patrols") or a passive without "by"
// ("the search was conducted at night") names no one who did it.
func TestWhoDidTheAct(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("The Harlow Coast Guard carried out the rescue off Brenn, the ministry said.\n\n" +
			"A tip is received, and the Brenn Harbour Police acts on that information.\n\n" +
			"Vesk would not permit Orland boats to carry out patrols near Brenn.\n\n" +
			"The search near Brenn was conducted at night.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	for text, want := range map[string]string{
		"carried out the rescue": "Harlow Coast Guard",
		"acts on that":           "Brenn Harbour Police",
		"to carry out patrols":   "",
		"was conducted":          "",
	} {
		if got := claimWith(t, c, cs, text).AgentText; got != want {
			t.Errorf("%q: done by %q, want %q", text, got, want)
		}
	}
}

// One report giving two parties' causes sets them against each other,
// whatever words each uses ("blamed the collapse on a clogged sluice",
// "the dyke had been undermined by dredging"); one party's two causes are
// no dispute, nor is the report's own "because". "said deputy harbour
// master Jonas Frey" is Frey speaking, and "She said" after Peter Strand
// goes back to the woman quoted before.
func TestCausesInOneReport(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Brenn Post\npublished: 2026-04-02\n---\n" +
			"Osterby Dredging blamed the collapse of the dyke on a clogged sluice at Fenmark.\n\n" +
			"The farmers' league said the dyke had been undermined by dredging.\n\n" +
			"Two engineers came to Fenmark because the sluice gates were made in Vell.\n\n" +
			"League secretary Ruth Kellan said the farms had no warning. Dredging director Peter Strand said the dyke was 9 metres wide. She said the league had photographs of the leak.\n\n" +
			"\"We offered sandbags on Monday,\" said deputy harbour master Jonas Frey.\n")},
		"b.md": {Data: []byte("---\noutlet: Fenmark Echo\npublished: 2026-04-02\n---\n" +
			"Harl Pumps blamed the flooding of the polder on a broken gate at Oster.\n\n" +
			"Harl Pumps also said the flooding was caused by a storm surge.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindCause, "clogged sluice", "undermined by dredging"); d == nil {
		t.Error("the sluice and the dredging are not rival causes")
	}
	if d := disputeOver(c, cs, KindCause, "because the sluice gates", "undermined by dredging"); d != nil {
		t.Error("the report's own 'because' is a side of a cause dispute")
	}
	if d := disputeOver(c, cs, KindCause, "broken gate", "storm surge"); d != nil {
		t.Error("one party's two causes are a dispute")
	}
	for text, want := range map[string]string{"league had photographs": "Ruth Kellan", "We offered sandbags": "Jonas Frey"} {
		if h := claimWith(t, c, cs, text).Holder; h != want {
			t.Errorf("%q held by %q, want %q", text, h, want)
		}
	}
}

// A phrasal verb is the verb it means: "turned down the offer" refuses it
// and meets "denied that it had refused help"; "turned down the heating"
// refuses nothing.
func TestPhrasalVerbs(t *testing.T) {
	c, _, err := Load(fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Brenn Post\npublished: 2026-04-02\n---\n" +
			"The Brenn fire service said Harl Quarries had turned down its offer of two pumps.\n\n" +
			"Harl Quarries denied that it had refused help.\n\n" +
			"The Brenn school turned down the heating in March.\n")},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if d := disputeOver(c, cs, KindRebuttal, "turned down its offer", "denied that it had refused"); d == nil && disputeOver(c, cs, KindPolarity, "turned down its offer", "denied that it had refused") == nil {
		t.Error("turning down the offer and denying a refusal are not in dispute")
	}
	if slices.Contains(claimWith(t, c, cs, "turned down the heating").Words, "refuse") {
		t.Error("turning down the heating refuses something")
	}
	_, words, _ := cs.Entities.Frame("Did Harl Quarries say no to the pumps?")
	if !slices.Contains(words, "refuse") || cs.Entities.Negative("Did Harl Quarries say no to the pumps?") {
		t.Errorf("'say no to' is not asking whether they refused: words %v", words)
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
