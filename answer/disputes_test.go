package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck/corpus"
)

// storyEngine answers from an invented story in corpus/testdata/stories:
// corpora of their own, written for these tests, that no rule names.
func storyEngine(tb testing.TB, story string) *Engine {
	tb.Helper()
	c, skipped, err := corpus.LoadDir("../corpus/testdata/stories/"+story, corpus.Options{})
	if err != nil || len(skipped) > 0 {
		tb.Fatalf("load %s: %v %v", story, err, skipped)
	}
	return engineOf(tb, c)
}

// fsEngine answers from documents given in memory.
func fsEngine(tb testing.TB, files fstest.MapFS) *Engine {
	tb.Helper()
	c, _, err := corpus.Load(files, corpus.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return engineOf(tb, c)
}

// engineOf is an engine over c with the default options.
func engineOf(tb testing.TB, c *corpus.Corpus) *Engine {
	tb.Helper()
	e, err := NewEngine(context.Background(), c, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// accountsSaying returns the accounts quoting a sentence that contains one
// of the "|"-separated alternatives of s.
func accountsSaying(a *Answer, s string) []int {
	var out []int
	for i, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			for _, alt := range strings.Split(s, "|") {
				if strings.Contains(q.Text, alt) && !slices.Contains(out, i) {
					out = append(out, i)
				}
			}
		}
	}
	return out
}

// flagged reports whether an account of xs is marked as conflicting with
// one of ys, as a reader is told.
func flagged(a *Answer, xs, ys []int) bool {
	for _, i := range xs {
		for _, j := range ys {
			if i != j && slices.Contains(a.Accounts[i].ConflictsWith, j) {
				return true
			}
		}
	}
	return false
}

// Each side of a dispute is shown and marked as conflicting, whatever
// words the question uses; figures of different scopes are shown apart.
func TestDisputesComeWhole(t *testing.T) {
	engines := map[string]*Engine{"dam": storyEngine(t, "dam"), "ferry": storyEngine(t, "ferry"), "vote": storyEngine(t, "vote"), "spill": storyEngine(t, "spill"), "shipped": defaultEngine(t)}
	tests := []struct {
		story, question string
		a, b            string // a quote of each side
		conflict        bool
	}{
		// "unsafe" denies "safe": a yes/no dispute in the question's words …
		{"dam", "Was the Korven dam safe?", "was safe", "the dam was unsafe", true},
		// … and in the other side's.
		{"dam", "Was the dam unsafe before it broke?", "was safe", "the dam was unsafe", true},
		// A figure of one scope given two ways conflicts …
		{"dam", "How many people died on the night the dam broke?", "four people died", "six people died", true},
		// A count asked by its event alone ("died") brings the
		// dispute over that count, whatever else it leaves out.
		{"dam", "How many people died?", "four people died", "six people died", true},
		// … a running total is another scope, shown beside it.
		{"dam", "How many people were killed when the Korven dam burst?", "four people died", "risen to seven", false},
		// Causes: what the question calls the failure the claims call the breach.
		{"dam", "What caused the dam to fail?", "poor maintenance", "earthquake", true},
		{"dam", "Why did the Korven dam collapse?", "poor maintenance", "earthquake", true},
		// "What made …", "what led to …" ask for a cause too.
		{"dam", "What made the Korven dam fail?", "poor maintenance", "earthquake", true},
		{"dam", "what led to the collapse of the dam", "poor maintenance", "earthquake", true},
		// An explicit rebuttal and a plain denial against one assertion.
		{"ferry", "Was the Saltwind overloaded?", "Saltwind was overloaded", "denied that the ferry was overloaded", true},
		{"ferry", "was the kell point ferry overloaded", "Saltwind was overloaded", "not overloaded", true},
		{"ferry", "Did a squall sink the ferry?", "blamed a sudden squall", "no squall", true},
		// A question asking what caused an event meets the cause
		// dispute by the event alone, however common its word is in a
		// corpus about it; and "started" asks for a cause too.
		{"spill", "What caused the fire?", "faulty valve", "lightning strike", true},
		{"spill", "Who caused the fire?", "faulty valve", "lightning strike", true},
		{"spill", "What started the blaze at Orlen Chemical?", "faulty valve", "lightning strike", true},
		// A word no document writes is read as its synonym that one
		// does: the documents say "earthquake", never "quake".
		{"dam", "Did a quake cause the breach?", "poor maintenance", "earthquake", true},
		// "What was the X?" asks for a figure: two of one scope conflict.
		{"vote", "What was the turnout in the Varnia runoff?", "61.5 percent", "58 percent", true},
		// A question of one word is matched by that word alone.
		{"vote", "what was the turnout", "61.5 percent", "58 percent", true},
		{"vote", "How many votes did Morava get?", "1,204,311 votes", "980,000 votes", true},
		// "What percentage…" asks for what the figures count (percent),
		// whatever its other words.
		{"vote", "What percentage of voters turned out?", "61.5 percent", "58 percent", true},
		// The shipped corpus asked with a demonym, a synonym and a
		// sloppy one-liner instead of its own words.
		{"shipped", "Were American officers involved in the raid on the Sinaloa labs?", "no ICE agents operated", "led by the ICE Homeland Security Investigations", true},
		{"shipped", "Did U.S. immigration agents take part in the Sinaloa raids?", "rejected on Thursday", "led by the ICE Homeland Security Investigations|leadership role", true},
		{"shipped", "ice ran the sinaloa op?", "no ICE agents operated|rejected on Thursday|denied the report", "led by the ICE Homeland Security Investigations|leadership role", true},
		// A capital standing for its country is no subject the
		// disputes must name; the people of a country stand for it; and
		// every account of a holder on one side is marked, not only the
		// one quoting the dispute's own claim.
		{"shipped", "Were agents sent by Washington part of the lab raids in Sinaloa?", "no ICE agents operated", "led by the ICE Homeland Security Investigations|leadership role", true},
		{"shipped", "is it true that no americans took part in taking apart the labs", "no ICE agents operated", "led by the ICE Homeland Security Investigations|leadership role", true},
		{"shipped", "Who was in charge of the Sinaloa lab raid?", "led by Mexican authorities", "led by the ICE Homeland Security Investigations", true},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a, err := engines[tt.story].Ask(context.Background(), tt.question)
			if err != nil {
				t.Fatal(err)
			}
			xs, ys := accountsSaying(a, tt.a), accountsSaying(a, tt.b)
			if len(xs) == 0 || len(ys) == 0 {
				t.Fatalf("want both %q and %q quoted; summary %q", tt.a, tt.b, a.Summary)
			}
			if slices.Equal(xs, ys) && len(xs) == 1 {
				t.Fatalf("%q and %q in one account (%s)", tt.a, tt.b, a.Accounts[xs[0]].Holder)
			}
			if got := flagged(a, xs, ys); got != tt.conflict {
				t.Errorf("marked as conflicting = %v, want %v; summary %q", got, tt.conflict, a.Summary)
			}
			if tt.conflict && (len(a.Disputes) == 0 || !strings.HasPrefix(a.Summary, "Sources disagree")) {
				t.Errorf("a shown dispute must be named: disputes %v, summary %q", a.Disputes, a.Summary)
			}
		})
	}
}

// A question about when or how much is not answered by a dispute over
// whether: its answer marks none, and one naming what no document names is
// abstained on.
func TestNoDisputeWhereNoneIsAsked(t *testing.T) {
	shipped := defaultEngine(t)
	for _, q := range []string{
		"When did ICE announce the raid in Sinaloa?",
		"What did the immigration agency seize in Sinaloa?",
		"What did Chuck Schumer say about El Chapo's family?",
	} {
		a, err := shipped.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Disputes) > 0 {
			t.Errorf("%q: shows disputes %v; summary %q", q, a.Disputes, a.Summary)
		}
	}
	a, err := storyEngine(t, "dam").Ask(context.Background(), "How did the Canadian government react to the dam collapse?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Abstained {
		t.Errorf("a question about a government no document names is answered: %q", a.Summary)
	}
}

// An organisation no document names is not found in its words ("flood",
// "agency" are written apart), nor in a word two letters away from its
// name; a person's name is matched as before.
func TestUnnamedOrganisationIsAbstainedOn(t *testing.T) {
	dam, shipped := storyEngine(t, "dam"), defaultEngine(t)
	for _, tt := range []struct {
		e       *Engine
		q       string
		abstain bool
	}{
		{dam, "What did the Regional Flood Agency say about the Korven dam?", true},
		{dam, "What did the World Dam Council say about the collapse?", true},
		{shipped, "What did Interpol say about the drug labs?", true},
		{shipped, "What did the World Trade Organization say about the Sinaloa labs?", true},
		{shipped, "What did the Mexican Navy do in Sinaloa?", false},
		// A subject in other words than the documents' ("picture" for
		// their "image") is no reason to abstain.
		{shipped, "Was the picture ICE posted taken in Sinaloa?", false},
		// A short form may stand for what the corpus names otherwise.
		{shipped, "Did the White House allow El Chapo's family into the US?", false},
		{shipped, "What did Claudia Sheinbam say about the raid?", false},
	} {
		a, err := tt.e.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Abstained != tt.abstain {
			t.Errorf("%q: abstained = %v, want %v; summary %q", tt.q, a.Abstained, tt.abstain, a.Summary)
		}
	}
}

// Positions are one line in our words, never a clipped quote.
func TestPositionsAreOneLine(t *testing.T) {
	a, err := storyEngine(t, "dam").Ask(context.Background(), "Was the Korven dam safe?")
	if err != nil {
		t.Fatal(err)
	}
	for _, acc := range a.Accounts {
		if len(acc.Position) > maxPosition || strings.HasSuffix(acc.Position, "…") {
			t.Errorf("position %q: want at most %d bytes, no ellipsis", acc.Position, maxPosition)
		}
	}
}

// A yes/no answer follows what each side says of the question, not which
// side denies: "denied that the plant was unsafe" says yes to "was it
// safe?", and a question put negatively swaps yes and no.
func TestYesNoFollowsWhatEachSideSays(t *testing.T) {
	e := engineOver(t, map[string]string{
		"union": "The Tessar workers union said the Oberlin plant was unsafe for months before the fire.",
		"owner": "Oberlin Textiles denied that the Oberlin plant was unsafe before the fire.",
	})
	for _, tt := range []struct {
		q                 string
		unionSays, owners Stance
	}{
		{"Was the Oberlin plant safe?", Denies, Affirms},
		{"Was the Oberlin plant unsafe?", Affirms, Denies},
	} {
		a, err := e.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		u, o := accountsSaying(a, "workers union said"), accountsSaying(a, "Textiles denied")
		if len(u) != 1 || len(o) != 1 {
			t.Fatalf("%q: accounts %v %v; summary %q", tt.q, u, o, a.Summary)
		}
		if got := a.Accounts[u[0]].Stance; got != tt.unionSays {
			t.Errorf("%q: the union %s, want %s", tt.q, got, tt.unionSays)
		}
		if got := a.Accounts[o[0]].Stance; got != tt.owners {
			t.Errorf("%q: the owner %s, want %s", tt.q, got, tt.owners)
		}
		if !flagged(a, u, o) {
			t.Errorf("%q: the two sides are not marked as conflicting", tt.q)
		}
	}
}

// A count written with thousands separators is one figure, and two counts
// of the same thing conflict.
func TestCountsWithSeparatorsConflict(t *testing.T) {
	a := askOver(t, map[string]string{
		"commission": "The Vendal electoral commission said 1,204,311 votes were cast in the Vendal referendum.",
		"observers":  "Observers from the Reyk mission said 980,000 votes were cast in the Vendal referendum.",
	}, "How many votes were cast in the Vendal referendum?")
	x, y := accountsSaying(a, "1,204,311"), accountsSaying(a, "980,000")
	if len(x) == 0 || len(y) == 0 || !flagged(a, x, y) {
		t.Errorf("the two counts are not two conflicting accounts: %q", a.Summary)
	}
}

// On a yes/no question, each side's stance is what its own claim says of
// the question: blaming something else says no ("a faulty valve caused
// the fire, not lightning"), and rejecting a denial says yes ("The company
// says nothing leaked." — "That is just not true.").
func TestYesNoFromEachSidesClaim(t *testing.T) {
	engines := map[string]*Engine{"dam": storyEngine(t, "dam"), "spill": storyEngine(t, "spill"), "ferry": storyEngine(t, "ferry")}
	for _, tt := range []struct {
		story, q string
		yes, no  []string // quotes of accounts that answer yes, no
	}{
		{"spill", "Was lightning to blame for the blaze?", []string{"blamed the fire on a lightning strike"},
			[]string{"faulty valve caused the fire", "no lightning that night"}},
		{"dam", "Did a quake cause the breach?", []string{"blamed the breach on an earthquake"},
			[]string{"poor maintenance caused the breach"}},
		{"ferry", "Did a squall sink the ferry?", []string{"blamed a sudden squall"}, []string{"no squall"}},
		// Two disputes answer it (the polarity one, and the rebuttal of
		// the board's report); the first decides each side's answer.
		{"dam", "Was the dam safe?", []string{"inspected in January and was safe"}, []string{"the dam was unsafe"}},
		{"dam", "dam safe?", []string{"inspected in January and was safe"}, []string{"the dam was unsafe"}},
		// "… or not?" asks both ways: it is not put negatively.
		{"ferry", "was the ferry overloaded or not?", []string{"Saltwind was overloaded"}, []string{"ferry was not overloaded"}},
		{"spill", "Did toxic chemicals leak from the Orlen plant?", []string{"benzene leaked", "That is just not true"},
			[]string{"no toxic chemicals leaked"}},
	} {
		a, err := engines[tt.story].Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		for want, quotes := range map[Stance][]string{Affirms: tt.yes, Denies: tt.no} {
			for _, q := range quotes {
				xs := accountsSaying(a, q)
				if len(xs) == 0 {
					t.Errorf("%q: %q not quoted; summary %q", tt.q, q, a.Summary)
					continue
				}
				if got := a.Accounts[xs[0]].Stance; got != want {
					t.Errorf("%q: the account quoting %q %s, want %s", tt.q, q, got, want)
				}
			}
		}
	}
}

// A dispute shown on a yes/no question is over what the question asks:
// asked whether a squall sank the ferry, the answer does not bring the
// dispute over overloading, whose sides would read as yes and no to it.
func TestYesNoBringsOnlyWhatItAsks(t *testing.T) {
	a, err := storyEngine(t, "ferry").Ask(context.Background(), "Did a squall sink the ferry?")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Saltwind was overloaded", "ferry was not overloaded"} {
		for _, i := range accountsSaying(a, q) {
			if len(a.Accounts[i].ConflictsWith) > 0 {
				t.Errorf("%q is marked as conflicting (%s): the overloading dispute does not answer this question", q, a.Summary)
			}
		}
	}
}

// Figures of different scopes or different events are shown apart;
// figures that leave the event unsaid may count the same.
func TestFiguresApart(t *testing.T) {
	v := func(scope, event string) corpus.Value { return corpus.Value{Num: 1, Scope: scope, Event: event} }
	tests := []struct {
		name string
		a, b []corpus.Value
		want bool
	}{
		{"one scope, one event", []corpus.Value{v("", "die")}, []corpus.Value{v("", "die")}, false},
		{"injured and dead", []corpus.Value{v("", "injure")}, []corpus.Value{v("", "die")}, true},
		{"on the night and in all", []corpus.Value{v("night", "die")}, []corpus.Value{v("total", "die")}, true},
		{"event unsaid", []corpus.Value{v("", "")}, []corpus.Value{v("", "die")}, false},
		{"no figures", nil, []corpus.Value{v("", "die")}, false},
	}
	for _, tt := range tests {
		if got := apart(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: apart = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// To "how many were killed", a count of the injured is no rival figure.
func TestCountsOfAnotherEventAreNoConflict(t *testing.T) {
	e := fsEngine(t, fstest.MapFS{
		"a.md":  {Data: []byte("---\noutlet: Holm Post\n---\nThe Holm District Ambulance Service said 48 people had been injured in the Holm derailment, nine of them seriously.\n")},
		"b.txt": {Data: []byte("HOLM RADIO\nTranscript\n\nHOST: Good evening. Six people are now dead after the Holm derailment. With me is Ada Voss. Ms Voss, what happened?\n\nVOSS: We do not know yet.\n")},
	})
	a, err := e.Ask(context.Background(), "How many people were killed in the Holm derailment?")
	if err != nil {
		t.Fatal(err)
	}
	if xs, ys := accountsSaying(a, "48 people"), accountsSaying(a, "Six people"); len(ys) == 0 || flagged(a, xs, ys) {
		t.Errorf("the dead not shown, or the injured marked as contradicting them: %q", a.Summary)
	}
}

// A yes/no question that writes no figure asks no count: "Did the nurse
// see the dead on the night?" does not bring the dispute over how many
// died that night; "Did six people die on the night?" does.
func TestYesNoBringsCountsOnlyWhenItStatesOne(t *testing.T) {
	e := storyEngine(t, "dam")
	for _, tt := range []struct {
		q     string
		count bool
	}{
		{"Did the nurse see the dead on the night?", false},
		{"Did six people die on the night the dam broke?", true},
	} {
		a, err := e.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.ContainsFunc(e.k.claims.Disputes, func(d corpus.Dispute) bool {
			return d.Kind == corpus.KindValue && slices.Contains(a.Disputes, d.ID)
		})
		if got != tt.count {
			t.Errorf("%q: shows a count dispute = %v, want %v (%v)", tt.q, got, tt.count, a.Disputes)
		}
	}
}

// A question about where a relationship is heading brings the dispute
// over it whole, in its own words or others: the side heading the way a
// yes/no question asks says yes, the other no; a question asking both ways
// ("improve or sour") gets neither, and the sides named in the summary.
func TestTrendDisputesAnswer(t *testing.T) {
	e := storyEngine(t, "treaty")
	up, down := "strengthen their collaboration|has increased in recent months", "remain strained|cooled further|Tensions between"
	for _, tt := range []struct {
		q            string
		upSt, downSt Stance
	}{
		{"Will ties between Orland and Vesk get better?", Affirms, Denies},
		{"Are Vesk-Orland relations going to deteriorate?", Denies, Affirms},
		{"Will cooperation between Orland and Vesk deepen or sour?", Context, Context},
		{"How will relations between Orland and Vesk develop?", "", ""},
	} {
		t.Run(tt.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			xs, ys := accountsSaying(a, up), accountsSaying(a, down)
			if len(xs) == 0 || len(ys) == 0 || !flagged(a, xs, ys) {
				t.Fatalf("want both ways quoted and marked as conflicting; summary %q", a.Summary)
			}
			if !strings.Contains(a.Summary, "relations improving") || !strings.Contains(a.Summary, "relations worsening") {
				t.Errorf("summary does not name the sides: %q", a.Summary)
			}
			if tt.upSt == "" {
				return
			}
			if st := a.Accounts[xs[0]].Stance; st != tt.upSt {
				t.Errorf("improving side %s, want %s", st, tt.upSt)
			}
			if st := a.Accounts[ys[0]].Stance; st != tt.downSt {
				t.Errorf("worsening side %s, want %s", st, tt.downSt)
			}
		})
	}
	// Prices said to have risen and to be about to fall are no dispute.
	a, err := e.Ask(context.Background(), "Will fish prices in Orland fall?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Disputes) > 0 {
		t.Errorf("prices: shows disputes %v; summary %q", a.Disputes, a.Summary)
	}
}

// "Does X allow Y …?" brings the dispute over whether X lets Y in: the
// account of X asking for Y's help says yes, X's refusal no.
func TestConsentDisputeAnswers(t *testing.T) {
	e := storyEngine(t, "treaty")
	a, err := e.Ask(context.Background(), "Does Ilka Dorn let Orland boats help with patrols in Vesk?")
	if err != nil {
		t.Fatal(err)
	}
	xs, ys := accountsSaying(a, "has requested Orland assistance"), accountsSaying(a, "would not permit Orland")
	if len(xs) == 0 || len(ys) == 0 || !flagged(a, xs, ys) {
		t.Fatalf("want the request and the refusal quoted and marked as conflicting; summary %q", a.Summary)
	}
	if a.Accounts[xs[0]].Stance != Affirms || a.Accounts[ys[0]].Stance != Denies {
		t.Errorf("request %s, refusal %s; want affirms, denies", a.Accounts[xs[0]].Stance, a.Accounts[ys[0]].Stance)
	}
}

// Asked whether a party asked another for help, the request says yes and
// the refusal no; asked whether ties are likely to improve, the forecasts
// are quoted before reports of the past.
func TestConsentAndForecastWording(t *testing.T) {
	e := storyEngine(t, "treaty")
	a, err := e.Ask(context.Background(), "Did the Vesk prime minister ask Orland for help with patrols?")
	if err != nil {
		t.Fatal(err)
	}
	xs, ys := accountsSaying(a, "has requested Orland assistance"), accountsSaying(a, "would not permit Orland")
	if len(xs) == 0 || len(ys) == 0 || !flagged(a, xs, ys) {
		t.Fatalf("want the request and the refusal marked as conflicting; summary %q", a.Summary)
	}
	a, err = e.Ask(context.Background(), "Are Orland-Vesk ties likely to get better or worse?")
	if err != nil {
		t.Fatal(err)
	}
	if xs := accountsSaying(a, "will strengthen their collaboration"); len(xs) == 0 {
		t.Errorf("the forecast of closer ties is not quoted; summary %q", a.Summary)
	}
}

// "Why did X do Y?" takes Y for granted; when the sources dispute whether
// X did it at all, the answer shows that dispute, named, whatever verb the
// question uses for it. A yes/no question about a count that writes no
// figure ("more … than the fire chief said") brings the dispute over the
// count.
func TestPremiseAndCountDisputes(t *testing.T) {
	treaty := storyEngine(t, "treaty")
	for _, q := range []string{
		"Why did the fisheries ministry tear up its patrol pact with Vesk?",
		"Why did Orland's fisheries ministry end the joint patrols with Vesk?",
	} {
		a, err := treaty.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		xs, ys := accountsSaying(a, "cancelled the joint patrol agreement"), accountsSaying(a, "had not been cancelled")
		if len(xs) == 0 || len(ys) == 0 || !flagged(a, xs, ys) || len(a.Disputes) == 0 || !strings.Contains(a.Summary, "denies it") {
			t.Errorf("%q: want the report and its denial shown as a dispute; summary %q", q, a.Summary)
		}
	}
	a, err := storyEngine(t, "dam").Ask(context.Background(), "Did more people die on the night of the breach than the fire chief said?")
	if err != nil {
		t.Fatal(err)
	}
	xs, ys := accountsSaying(a, "four people died"), accountsSaying(a, "six people died")
	if len(xs) == 0 || len(ys) == 0 || !flagged(a, xs, ys) {
		t.Errorf("want the fire chief's four and the nurse's six marked as conflicting; summary %q", a.Summary)
	}
}

// With a dispute over a cause, the answer also quotes who says it is not
// yet known ("too early to say what caused the breach"), marked as
// contradicting no one.
func TestOpenMatterIsShown(t *testing.T) {
	a, err := storyEngine(t, "dam").Ask(context.Background(), "Why did the Korven Dam break?")
	if err != nil {
		t.Fatal(err)
	}
	xs := accountsSaying(a, "too early to say what caused the breach")
	if len(xs) == 0 {
		t.Fatalf("the inquiry's 'too early to say' is not quoted; summary %q", a.Summary)
	}
	if acc := a.Accounts[xs[0]]; len(acc.ConflictsWith) > 0 || !strings.HasPrefix(acc.Position, "Not yet known") {
		t.Errorf("open account: position %q, conflicts %v", acc.Position, acc.ConflictsWith)
	}
	if len(accountsSaying(a, "poor maintenance caused the breach")) == 0 || len(accountsSaying(a, "blamed the breach on an earthquake")) == 0 {
		t.Errorf("the cause dispute is not shown; summary %q", a.Summary)
	}
}

// Who led an act is asked in other words than "led": "run", "in charge";
// and "its commander said" is the organisation named before speaking, not
// the last person quoted.
func TestWhoLedInOtherWords(t *testing.T) {
	e := storyEngine(t, "treaty")
	for _, q := range []string{"did the coast guard run the rescue", "was the navy in charge of the rescue"} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		xs, ys := accountsSaying(a, "was led by the Orland Coast Guard"), accountsSaying(a, "led by its frigate Varna")
		if len(xs) == 0 || len(ys) == 0 || !flagged(a, xs, ys) {
			t.Errorf("%q: want both leaders marked as conflicting; summary %q", q, a.Summary)
			continue
		}
		if h := a.Accounts[xs[0]].Holder; h != "Orland Coast Guard" {
			t.Errorf("%q: 'its commander said' held by %q", q, h)
		}
	}
}

// An interviewer's statement is the programme's, never an account held by
// "HOST".
func TestInterviewerIsNoHolder(t *testing.T) {
	e := fsEngine(t, fstest.MapFS{
		"a.txt": {Data: []byte("BRENN RADIO\nTranscript\n\nHOST: Thank you. Mr Brack, the company says it never refused your pumps at Brenn.\n\nBRACK: We offered the pumps on Monday.\n")},
	})
	a, err := e.Ask(context.Background(), "Did the company refuse the pumps at Brenn?")
	if err != nil {
		t.Fatal(err)
	}
	for _, acc := range a.Accounts {
		if strings.EqualFold(acc.Holder, "host") {
			t.Errorf("an account held by %q: %q", acc.Holder, acc.Position)
		}
	}
	if len(a.Accounts) == 0 {
		t.Errorf("nothing answered: %q", a.Summary)
	}
}

// "charges" and "the head of" ask nothing about who led an act.
func TestLeaderWordsAreVerbs(t *testing.T) {
	e := storyEngine(t, "treaty")
	a, err := e.Ask(context.Background(), "Were charges filed over the Kessa Point rescue?")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range a.Disputes {
		for _, d := range e.k.claims.Disputes {
			if d.ID == id && d.Kind == corpus.KindAgent {
				t.Errorf("a question about charges shows the dispute over who led: %q", a.Summary)
			}
		}
	}
}

// "How many anglers drowned?" is not answered by a dispute over metres,
// though its claims name the pier and the anglers too.
func TestHowManyCountsWhatItAsks(t *testing.T) {
	e := fsEngine(t, fstest.MapFS{
		"a.md": {Data: []byte("---\noutlet: Fenmark Post\npublished: 2026-04-02\n---\n" +
			"The Fenmark pier owner said nine anglers were on the pier, 40 metres from the shore, when it gave way.\n\n" +
			"Two anglers drowned at Fenmark pier, the coast guard said.\n")},
		"b.md": {Data: []byte("---\noutlet: Fenmark Courier\npublished: 2026-04-03\n---\n" +
			"The Fenmark anglers' club said the anglers were 25 metres from the shore when the pier gave way.\n\n" +
			"Three anglers drowned at Fenmark pier, the club said.\n")},
	})
	a, err := e.Ask(context.Background(), "How many anglers drowned at Fenmark pier?")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range a.Disputes {
		for _, d := range e.k.claims.Disputes {
			if d.ID == id && slices.ContainsFunc(d.Labels, func(l string) bool { return strings.Contains(l, "metre") }) {
				t.Errorf("a count of anglers shows the dispute over metres %q; summary %q", d.Labels, a.Summary)
			}
		}
	}
	if xs, ys := accountsSaying(a, "Two anglers drowned"), accountsSaying(a, "Three anglers drowned"); len(xs) == 0 || len(ys) == 0 || !flagged(a, xs, ys) {
		t.Errorf("the two counts of the drowned are not marked as conflicting; summary %q", a.Summary)
	}
}
