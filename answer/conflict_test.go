package answer

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck/corpus"
)

// engineOver builds an engine over an in-memory corpus of name → body.
func engineOver(t *testing.T, docs map[string]string) *Engine {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range docs {
		fsys[name+".md"] = &fstest.MapFile{Data: []byte("---\noutlet: Test Wire\n---\n" + body + "\n")}
	}
	c, skipped, err := corpus.Load(fsys, corpus.Options{})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("load: %v %v", err, skipped)
	}
	e, err := NewEngine(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// accountOf maps each quoted document to the index of its account.
func accountOf(a *Answer) map[string]int {
	out := map[string]int{}
	for i, acc := range a.Accounts {
		for _, q := range acc.Quotes {
			out[q.DocID] = i
		}
	}
	return out
}

var townDocs = map[string]string{
	"census-a":  "Fernvale is a city in Dale County. As of the 2000 census, the population of Fernvale was 1,802 people.",
	"census-b":  "Fernvale lies in Vermont. The population of Fernvale was 1,802 people at the 2000 census.",
	"altered":   "Fernvale is a city in Dale County. As of the 2000 census, the population of Fernvale was 2,310 people.",
	"unrelated": "The bakery on Main Street sells bread and pastries every morning.",
	"river":     "The Tavela river has a length of 98 km and flows north.",
}

// Sources giving one figure form one account; a source giving another
// figure for the same quantity is a separate account, marked as
// conflicting; a source about something else is not quoted.
func TestFiguresGroupAndConflict(t *testing.T) {
	a, err := engineOver(t, townDocs).Ask(context.Background(), "What is the population of Fernvale?")
	if err != nil {
		t.Fatal(err)
	}
	where := accountOf(a)
	for _, id := range []string{"census-a", "census-b", "altered"} {
		if _, ok := where[id]; !ok {
			t.Fatalf("%s not quoted; accounts: %+v", id, a.Accounts)
		}
	}
	if where["census-a"] != where["census-b"] {
		t.Errorf("two sources stating 1,802 are in accounts %d and %d, want one", where["census-a"], where["census-b"])
	}
	if where["altered"] == where["census-a"] {
		t.Fatal("the source stating 2,310 shares the account of the ones stating 1,802")
	}
	if !slices.Contains(a.Accounts[where["altered"]].ConflictsWith, where["census-a"]) {
		t.Errorf("2,310 account does not conflict with the 1,802 account: %v", a.Accounts[where["altered"]].ConflictsWith)
	}
	if _, ok := where["unrelated"]; ok {
		t.Error("quoted a document about something else")
	}
}

func TestAcronymFindsSpeltOutName(t *testing.T) {
	e := engineOver(t, map[string]string{
		"campus": "The Institute of Marine Studies at Bergen is a state institute located in Bergen, Norway.",
		"other":  "The museum is located in Madrid and opened in 1819.",
	})
	a, err := e.Ask(context.Background(), "Where is the IMSB located?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Abstained {
		t.Fatalf("abstained: %s", a.Summary)
	}
	if _, ok := accountOf(a)["campus"]; !ok {
		t.Errorf("the spelt-out university was not quoted: %+v", a.Accounts)
	}
}

func TestAbstainsOnUnknownName(t *testing.T) {
	a, err := engineOver(t, townDocs).Ask(context.Background(), "What is the population of Zanzibar?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Abstained || len(a.Accounts) != 0 {
		t.Errorf("abstained=%v with %d accounts; want an abstention", a.Abstained, len(a.Accounts))
	}
}

// A short sentence that gives the date is heard, and a full date conflicts
// with another year: "He died in Leith in 1932." against "died on 3 May
// 1931".
func TestShortDateSentenceConflicts(t *testing.T) {
	e := engineOver(t, map[string]string{
		"bio-a": "Orla Venn was a Scottish shipwright. He built fishing boats at Leith for forty years. He died in Leith in 1932.",
		"bio-b": "Orla Venn died on 3 May 1931 (aged 70) in Leith, Scotland.",
		"other": "The Leith harbour was rebuilt in 1950 after a storm.",
	})
	a, err := e.Ask(context.Background(), "When did Orla Venn die?")
	if err != nil {
		t.Fatal(err)
	}
	xs, ys := accountsSaying(a, "in 1932"), accountsSaying(a, "3 May 1931")
	if len(xs) == 0 || len(ys) == 0 {
		t.Fatalf("want both dates quoted; summary %q", a.Summary)
	}
	if !flagged(a, xs, ys) {
		t.Errorf("1932 and 3 May 1931 are not marked as conflicting; summary %q", a.Summary)
	}
}

// "Who is the ROLE of X" asks for one holder of one role: sources that
// credit it to different people disagree; a source naming other people
// without the role does not.
func TestOneRoleTwoHolders(t *testing.T) {
	e := engineOver(t, map[string]string{
		"label":  "Salt Lanterns is the third studio album by Irish folk band The Merrow Pines, released in 2019.",
		"fake":   "The album Salt Lanterns by Dana Querell blends soft rock with choral pieces.",
		"review": "The Merrow Pines toured Ireland with Olek Brandt and Mira Soto after Salt Lanterns came out.",
		"club1":  "The manager of Tullow Rovers in 2018 was Cian Morrow.",
		"club2":  "The manager of Tullow Rovers in the 2016-2019 seasons was Pat Deasy.",
		"club3":  "Tullow Rovers signed Niall Keane and Ross Tighe in 2018.",
	})
	for _, tt := range []struct{ q, a, b string }{
		{"Who is the artist of the album Salt Lanterns?", "band The Merrow Pines", "by Dana Querell"},
		{"Who was the manager of Tullow Rovers in 2018?", "was Cian Morrow", "was Pat Deasy"},
	} {
		a, err := e.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		xs, ys := accountsSaying(a, tt.a), accountsSaying(a, tt.b)
		if len(xs) == 0 || len(ys) == 0 {
			t.Fatalf("%s: want %q and %q quoted; summary %q", tt.q, tt.a, tt.b, a.Summary)
		}
		if !flagged(a, xs, ys) {
			t.Errorf("%s: %q and %q not marked as conflicting; summary %q", tt.q, tt.a, tt.b, a.Summary)
		}
		for _, calm := range []string{"toured Ireland", "signed Niall Keane"} {
			if zs := accountsSaying(a, calm); len(zs) > 0 && (flagged(a, zs, xs) || flagged(a, zs, ys)) {
				t.Errorf("%s: %q, which names no one for the role, is marked as conflicting", tt.q, calm)
			}
		}
	}
}

// A share and a count never contradict each other, and a question asking
// for a percentage is answered by percentages; "what day" asks for a date.
func TestPercentagesAndDays(t *testing.T) {
	e := engineOver(t, map[string]string{
		"a": "Turnout in the Lerin by-election was 44 percent, the Lerin board said.",
		"b": "Some 12,400 ballots were cast in the Lerin by-election, the Lerin board said.",
		"c": "Turnout in the Lerin by-election was 39%, observers from the Tamsin Trust said.",
		"d": "Poet Aud Lerin died on 4 May 1911 in Tamsin.",
		"e": "Aud Lerin died on 9 May 1911, according to the Tamsin parish records.",
	})
	a, err := e.Ask(context.Background(), "What percentage of voters turned out in the Lerin by-election?")
	if err != nil {
		t.Fatal(err)
	}
	x, y := accountsSaying(a, "44 percent"), accountsSaying(a, "39%")
	if len(x) == 0 || len(y) == 0 || !flagged(a, x, y) {
		t.Errorf("44 percent and 39%% are not two conflicting accounts: %q", a.Summary)
	}
	// The board's count of ballots may share its account with its
	// percentage; on its own it conflicts with neither.
	for _, z := range accountsSaying(a, "12,400 ballots") {
		if !slices.Contains(x, z) && (flagged(a, []int{z}, x) || flagged(a, []int{z}, y)) {
			t.Errorf("a count of ballots is marked as conflicting with a percentage: %q", a.Summary)
		}
	}
	a, err = e.Ask(context.Background(), "What day did Aud Lerin die?")
	if err != nil {
		t.Fatal(err)
	}
	x, y = accountsSaying(a, "4 May 1911"), accountsSaying(a, "9 May 1911")
	if len(x) == 0 || len(y) == 0 || !flagged(a, x, y) {
		t.Errorf("4 May and 9 May 1911 are not two conflicting accounts: %q", a.Summary)
	}
}

// On a yes/no question, one speaker's two statements may stand in two
// accounts, but they are not reported as sources contradicting each other.
func TestOneSpeakerDoesNotContradictThemself(t *testing.T) {
	e := engineOver(t, map[string]string{
		"a": "Mayor Ilka Varo said the Tessel bridge was closed for repairs in May. Varo said the Tessel bridge was not closed to buses in May.",
		"b": "The Tessel bridge carries the ring road over the Lune.",
	})
	a, err := e.Ask(context.Background(), "Was the Tessel bridge closed in May?")
	if err != nil {
		t.Fatal(err)
	}
	for _, acc := range a.Accounts {
		if len(acc.ConflictsWith) > 0 {
			t.Errorf("%s is marked as conflicting with %v: %q", acc.Holder, acc.ConflictsWith, a.Summary)
		}
	}
}
