package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/lang"
)

func keys(vs []value) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.key)
	}
	return out
}

func TestExtractValues(t *testing.T) {
	never := func(string) bool { return false }
	tests := []struct {
		question, sentence string
		want               []string
	}{
		{"How many labs were dismantled?", "Over 750 clandestine labs were dismantled by April 2025.", []string{"750", "apr 2025"}},
		{"When was it founded?", "It was founded on 14 May 1998 in Oslo.", []string{"may 14 1998", "oslo"}},
		{"Who directed Silver Harbour?", "Silver Harbour is a film directed by Ada Okafor.", []string{"ada okafor"}},
		{"How tall is John Smyth?", "Jon Smyth height is 6 ft 9 in.", []string{"6 9"}},
		{"What is the population?", "The population was 57,000 in three districts.", []string{"57000", "3"}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			qa := parseQuery(tt.question)
			if got := keys(extractValues(lang.TokenizeAll(tt.sentence), &qa, never)); !slices.Equal(got, tt.want) {
				t.Errorf("values = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValuesNearTheRelationComeFirst(t *testing.T) {
	never := func(string) bool { return false }
	qa := parseQuery("What is the population of Elk Ridge Township?")
	s := "Elk Ridge Township is one of sixteen townships; its population was 459 in 2000."
	var vals []value
	for _, v := range extractValues(lang.TokenizeAll(s), &qa, never) {
		if wants(qa.kind, v.kind) {
			vals = append(vals, v)
		}
	}
	got := byProximity(vals, lang.TokenizeAll(s), &qa)
	if len(got) == 0 || got[0].key != "459" {
		t.Errorf("first value = %q, want 459 (next to \"population\")", keys(got))
	}
}

func TestVariant(t *testing.T) {
	set := func(s string) map[string]bool { return (&candidate{text: s}).stems() }
	tests := []struct {
		a, b string
		want bool
	}{
		{"Big Girl is a Canadian documentary, directed by Renuka Jeyapalan and released in 2005.",
			"Big Girl is a Canadian short film, directed by Renuka Jeyapalan and released in 2005.", true},
		{"As of the 2000 census, the township population was 459.",
			"As of the 2000 census, the township population was 1,234.", true},
		{"The same sentence in two places stays one claim here.",
			"The same sentence in two places stays one claim here.", false},
		{"The mayor opened the bridge on Monday.", "Rain is expected across the region tomorrow.", false},
	}
	for _, tt := range tests {
		if got := variant(set(tt.a), set(tt.b)); got != tt.want {
			t.Errorf("variant(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAnalyzeQuestion(t *testing.T) {
	tests := []struct {
		q     string
		kind  kind
		names []string
	}{
		{"Did US agents operate in Sinaloa?", kindYesNo, []string{"US", "Sinaloa"}},
		{"How many drug labs has Mexico dismantled?", kindQuantity, []string{"Mexico"}},
		{"When did Liu Zhi die?", kindTime, []string{"Liu Zhi"}},
		{"Who is Ronald Johnson?", kindPerson, []string{"Ronald Johnson"}},
		{"Where did the chemical precursors come from?", kindPlace, nil},
		{"What did Canada's prime minister say about the raid?", kindOpen, []string{"Canada"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			qa := parseQuery(tt.q)
			if qa.kind != tt.kind {
				t.Errorf("kind = %d, want %d", qa.kind, tt.kind)
			}
			var got []string
			for _, n := range qa.names {
				got = append(got, strings.Join(n.words, " "))
			}
			if !slices.Equal(got, tt.names) {
				t.Errorf("names = %q, want %q", got, tt.names)
			}
		})
	}
}

func TestStemMatch(t *testing.T) {
	tests := []struct {
		q, s string
		want float64
	}{
		{"oper", "oper", 1},
		{"direct", "director", 1},
		{"lab", "laboratori", 0.5},
		{"mexico", "mexican", 0.8},
		{"agent", "agenc", 0.5},
		{"sinaloa", "cartel", 0},
		{"750", "7500", 0},
	}
	for _, tt := range tests {
		if got := stemMatch(tt.q, tt.s); got != tt.want {
			t.Errorf("stemMatch(%q, %q) = %v, want %v", tt.q, tt.s, got, tt.want)
		}
	}
}

func TestLearnAcronyms(t *testing.T) {
	got := map[string]string{}
	learnAcronyms(lang.TokenizeAll("She studied at the Institute of Marine Studies at Bergen until 1990."), got)
	if got["imsb"] != "Institute of Marine Studies at Bergen" {
		t.Errorf("imsb = %q, want the spelt-out name", got["imsb"])
	}
}

func TestCountedNoun(t *testing.T) {
	for q, want := range map[string]string{
		"How many drug lords were extradited?":      "lord",
		"How many drug labs has Mexico dismantled?": "lab",
		"how much money did they seize":             "money",
		"What is the population of Fernvale?":       "",
	} {
		if got := parseQuery(q).counted; got != want {
			t.Errorf("counted(%q) = %q, want %q", q, got, want)
		}
	}
}
