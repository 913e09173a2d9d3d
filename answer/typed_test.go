package answer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestQuestionClass(t *testing.T) {
	e := engineOver(t, map[string]string{"a": "Rell Tavin plays ice hockey in Velm."})
	for q, want := range map[string]string{
		"What sport is Rell Tavin associated with?": "sport",
		"Which political party did Ada Lind join?":  "political party",
		"What kind of animal is Rex?":               "animal",
		"What is the style of the Old Mill Church?": "style",
		"What drugs were seized in Velm?":           "drug (several)",
		// The noun, never the verb after it ("led" is also a diode).
		"What agency led the raid?":   "agency",
		"What sport uses a puck?":     "sport",
		"What virus causes the rash?": "virus",
		"What sport uses pucks?":      "sport",
		// An adjective before the noun.
		"What American sport is Rell Tavin known for?": "sport",
		"What Mexican agency led the raid?":            "agency",
		"What synthetic drugs were seized?":            "drug (several)",
		"What arms were seized at the docks?":          "arms (several)",
		// The verb's object is not the type.
		"What country produces wine?": "country",
		"What agency runs prisons?":   "agency",
		"What team plays football?":   "team",
		// A plural noun before a preposition is no verb.
		"What political parties in Velm opposed the bill?": "political party (several)",
		"What political parties oppose the bill?":          "political party (several)",
		"What illegal drugs in the shipment were seized?":  "drug (several)",
		// "are" before a subject asks for one.
		"What sport are Rell Tavin and his brother known for?": "sport",
		// No answer type.
		"What is the population of Fernvale?":      "", // a quantity
		"What did the mayor say about the bridge?": "",
		"What name did the band use first?":        "",
		"Who founded the club?":                    "",
		"What is Tavin known for?":                 "",
	} {
		got := ""
		qa := parseQuery(q)
		if c := e.analyser.lookupClass(qa.classWords, qa.classNext, qa.classAfter); c != nil {
			got = c.lemma
			if c.plural {
				got += " (several)"
			}
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
	if !slices.Contains(a.Accounts[ha].ConflictsWith, c) {
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

// One speaker's statements stay one account when they name different
// teams but no other sport.
func TestTypedQuestionKeepsSpeakerTogether(t *testing.T) {
	docs := map[string]string{
		"signed": "Coach Mia Rand said Rell Tavin signed with the Oslo Wolves in 2019.",
		"left":   "Coach Mia Rand said Rell Tavin left the Bergen Bears after one season.",
		"player": "Rell Tavin is a professional ice hockey player from Velm.",
	}
	a := askOver(t, docs, "What sport is Rell Tavin associated with?")
	at := accountsOf(t, a, "signed", "left")
	if at[0] != at[1] {
		t.Errorf("Mia Rand's two statements are accounts %d and %d, want one: %+v", at[0], at[1], a.Accounts)
	}
}

// A question asking for several kinds ("what drugs") does not set the
// sources naming different ones against each other.
func TestPluralTypedQuestionHasNoConflict(t *testing.T) {
	docs := map[string]string{
		"police":  "Police said officers seized cocaine at the Velm docks on Monday.",
		"customs": "Customs officers said they seized heroin at the Velm docks on Monday.",
	}
	a := askOver(t, docs, "What drugs were seized at the Velm docks?")
	accountsOf(t, a, "police", "customs")
	for i, acc := range a.Accounts {
		if len(acc.ConflictsWith) > 0 {
			t.Errorf("account %d conflicts with %v; cocaine and heroin add up", i, acc.ConflictsWith)
		}
	}
}

// A word is a kind in its first two senses only, and a word of the
// question or an acronym in its first sense only: "joint" and "ICE" are
// no drugs, "port" in "the port of Velm" no port wine, but LSD is one.
func TestKindsOfASentence(t *testing.T) {
	e := engineOver(t, map[string]string{"a": "Police in Velm seized cocaine."})
	qa := parseQuery("What drug was seized at the port of Velm?")
	qa.class = e.analyser.lookupClass(qa.classWords, qa.classNext, qa.classAfter)
	if qa.class == nil {
		t.Fatal("no answer type for a what-drug question")
	}
	for text, want := range map[string][]string{
		"ICE officers in a joint operation seized cocaine at the port of Velm.": {"cocaine"},
		"Police seized LSD and heroin at the station.":                          {"lsd", "heroin"},
	} {
		var got []string
		for _, v := range e.finder.answerValues(text, &qa) {
			if v.kind == vKind {
				got = append(got, v.key)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("kinds of %q = %q, want %q", text, got, want)
		}
	}
}

// A kind the question names is not the answer when the sentence names
// another: "switched to cricket from ice hockey" answers cricket.
func TestKindNamedByTheQuestionComesLast(t *testing.T) {
	docs := map[string]string{
		"switch": "Rell Tavin switched to cricket after ten years of ice hockey in Velm.",
	}
	a := askOver(t, docs, "What sport did Rell Tavin switch to from ice hockey?")
	if p := strings.ToLower(a.Accounts[0].Position); !strings.HasPrefix(p, "cricket:") {
		t.Errorf("position = %q, want it to start with cricket", a.Accounts[0].Position)
	}
}
