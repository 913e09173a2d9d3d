package bot

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxExampleChars keeps example questions short enough for a usage hint
// and a help line.
const maxExampleChars = 80

// ExampleQuestions draws up to n questions from the corpus itself, so the
// hints a team sees are about its own documents, not ours: "What did X
// say?" for the people and bodies most often quoted (in the most documents
// first), then "What do the sources say about <title>?" for short titles.
// The strings are document text: escape them before they reach mrkdwn.
func ExampleQuestions(lib Library, n int) []string {
	type speaker struct {
		name            string
		docs, sentences int
	}
	by := map[string]*speaker{}
	for _, d := range lib.Docs() {
		seen := map[string]bool{}
		for _, s := range d.Sentences {
			name := strings.TrimSpace(s.Speaker)
			if name == "" || s.Boilerplate || utf8.RuneCountInString(name) > 40 {
				continue
			}
			sp := by[name]
			if sp == nil {
				sp = &speaker{name: name}
				by[name] = sp
			}
			sp.sentences++
			if !seen[name] {
				seen[name] = true
				sp.docs++
			}
		}
	}
	speakers := make([]*speaker, 0, len(by))
	for _, sp := range by {
		speakers = append(speakers, sp)
	}
	slices.SortFunc(speakers, func(a, b *speaker) int {
		return cmp.Or(b.docs-a.docs, b.sentences-a.sentences, strings.Compare(a.name, b.name))
	})
	var out []string
	for _, sp := range speakers {
		if len(out) == n {
			return out
		}
		out = append(out, "What did "+withArticle(sp.name)+" say?")
	}
	for _, d := range lib.Docs() {
		if len(out) == n {
			break
		}
		title := strings.TrimRight(strings.TrimSpace(d.Title), ".?!:")
		q := "What do the sources say about " + title + "?"
		if title != "" && utf8.RuneCountInString(q) <= maxExampleChars && !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

// orgWords end the names of bodies that take "the" in English ("the U.S.
// Embassy", "the Interior Ministry"), unlike people and acronyms ("ICE").
var orgWords = map[string]bool{
	"embassy": true, "ministry": true, "department": true, "office": true, "agency": true, "council": true,
	"court": true, "police": true, "army": true, "government": true, "commission": true, "committee": true,
	"union": true, "party": true, "senate": true, "administration": true, "bureau": true, "service": true,
	"authority": true, "secretariat": true, "institute": true, "board": true, "parliament": true, "congress": true,
}

func withArticle(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 || strings.EqualFold(words[0], "the") || !orgWords[strings.ToLower(words[len(words)-1])] {
		return name
	}
	return "the " + name
}
