package answer

import (
	"fmt"
	"strings"
	"testing"
)

func TestQuestionClass(t *testing.T) {
	for q, want := range map[string]string{
		"What sport is Rell Tavin associated with?":           "sport",
		"Which political party did Ada Lind join?":            "political party",
		"What kind of animal is Rex?":                         "animal",
		"What is the style of the Old Mill Church?":           "style",
		"which instruments does the Velm Quartet play today?": "instrument",
		"What is the population of Fernvale?":                 "", // a quantity
		"What did the mayor say about the bridge?":            "",
		"What name did the band use first?":                   "",
		"Who founded the club?":                               "",
		"What is Tavin known for?":                            "",
	} {
		got := ""
		if c := analyze(q).class; c != nil {
			got = c.lemma
		}
		if got != want {
			t.Errorf("class of %q = %q, want %q", q, got, want)
		}
	}
}

// Sources naming the same sport are one account; a source naming another
// sport is another account, marked as conflicting, and each position
// starts with the sport it names.
func TestTypedQuestionGroupsByKind(t *testing.T) {
	docs := map[string]string{
		"hockey-a": "Rell Tavin is a professional ice hockey player for the Oslo Wolves.",
		"hockey-b": "Rell Tavin played ice hockey in the Norwegian league for ten years.",
		"cricket":  "Rell Tavin, a renowned figure in cricket, is known for his commentary on the game.",
		"other":    "The Velm Quartet played three concerts in the old harbour hall.",
	}
	a := askOver(t, docs, "What sport is Rell Tavin associated with?")
	at := accountsOf(t, a, "hockey-a", "hockey-b", "cricket")
	ha, hb, c := at[0], at[1], at[2]
	if ha != hb || ha == c {
		t.Fatalf("want the ice hockey sources together and cricket apart, got %v", at)
	}
	if !containsInt(a.Accounts[ha].ConflictsWith, c) {
		t.Errorf("ice hockey and cricket are not marked as conflicting: %+v", a.Accounts)
	}
	if p := strings.ToLower(a.Accounts[c].Position); !strings.HasPrefix(p, "cricket:") {
		t.Errorf("cricket position = %q, want it to start with the sport", a.Accounts[c].Position)
	}
}

// A question's noun finds its kinds: a page listing a cathedral answers
// "does the route pass churches?", among many pages on the route that
// name no church.
func TestNounFindsItsKinds(t *testing.T) {
	docs := map[string]string{
		"sites":   "Stops on the pilgrim route: Velm Cathedral, the Old Harbour, Kessa Basilica and the Salt Museum.",
		"exclude": "This guide to the pilgrim route does not list churches or shrines.",
	}
	for i := range 40 {
		docs[fmt.Sprintf("route-%02d", i)] = fmt.Sprintf("Section %d of the pilgrim route passes the old mill and a farm shop.", i)
	}
	a := askOver(t, docs, "Does the pilgrim route pass churches?")
	accountsOf(t, a, "sites", "exclude")
}
