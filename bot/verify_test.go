package bot

import (
	"slices"
	"testing"
)

func TestVerifyQuotesDropsWhatIsNotVerbatim(t *testing.T) {
	lib := fixtureLibrary(t)
	a := conflictAnswer(t, lib)
	// Account 0 gets a quote whose text was "improved", account 1 loses
	// its only quote to wrong offsets, account 2 is intact.
	bad := a.Accounts[0].Quotes[0]
	bad.Text = "Residents said they definitely saw foreign agents."
	a.Accounts[0].Quotes = append(a.Accounts[0].Quotes, bad)
	a.Accounts[1].Quotes[0].Start++
	a.Accounts[2].ConflictsWith = []int{1, 0}
	unknown := a.Accounts[2].Quotes[0]
	unknown.DocID = "no-such-doc"
	a.Accounts[2].Quotes = append(a.Accounts[2].Quotes, unknown)

	got, dropped := verifyQuotes(lib, a)
	if dropped != 3 {
		t.Errorf("dropped %d quotes, want 3", dropped)
	}
	if len(got.Accounts) != 2 {
		t.Fatalf("kept %d accounts, want 2 (the one without verified quotes goes)", len(got.Accounts))
	}
	if got.Accounts[0].Holder != "Residents" || got.Accounts[1].Holder != "The mayor" {
		t.Errorf("kept %q, %q", got.Accounts[0].Holder, got.Accounts[1].Holder)
	}
	if cw := got.Accounts[1].ConflictsWith; !slices.Equal(cw, []int{0}) {
		t.Errorf("conflicts_with remapped to %v, want [0]", cw)
	}
	if len(got.Accounts[0].ConflictsWith) != 0 {
		t.Errorf("conflict with a dropped account kept: %v", got.Accounts[0].ConflictsWith)
	}
	if len(a.Accounts) != 3 {
		t.Error("verifyQuotes modified its input")
	}
}

func TestVerifyQuotesAllBadAbstains(t *testing.T) {
	lib := fixtureLibrary(t)
	a := conflictAnswer(t, lib)
	for i := range a.Accounts {
		a.Accounts[i].Quotes[0].Text += "!"
	}
	got, dropped := verifyQuotes(lib, a)
	if dropped != 3 || !got.Abstained || len(got.Accounts) != 0 || got.Note == "" {
		t.Errorf("got abstained=%v accounts=%d note=%q dropped=%d", got.Abstained, len(got.Accounts), got.Note, dropped)
	}
}
