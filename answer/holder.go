package answer

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
)

// aliases maps the key of a long name to the key of its acronym, learnt from
// "Long Name (ACR)" anywhere in the corpus, so "U.S. Immigration and Customs
// Enforcement" and "ICE" are one holder across documents.
type aliases map[string]string

var acronymDef = regexp.MustCompile(`((?:[A-Z][\w.'-]*\s+(?:(?:and|of|for|the|de|del|la|on)\s+)*){1,8})\(([A-Z][A-Za-z]{1,7})\)`)

func learnAliases(c *corpus.Corpus) aliases {
	a := aliases{}
	for _, d := range c.Docs() {
		for _, s := range d.Sentences {
			if !strings.Contains(s.Text, "(") {
				continue
			}
			// Acronym definitions are ASCII letters; folding first is not needed.
			for _, m := range acronymDef.FindAllStringSubmatch(s.Text, -1) {
				long, acr := strings.TrimSpace(m[1]), m[2]
				if !initialsMatch(long, acr) {
					continue
				}
				a[holderKey(long)] = holderKey(acr)
			}
		}
	}
	return a
}

// initialsMatch checks that an acronym plausibly abbreviates a name: its
// letters are the initials of the name's capitalised words, in order,
// allowing leading words (the "U.S." of "U.S. Immigration…") to be skipped.
func initialsMatch(long, acr string) bool {
	var initials []byte
	for _, w := range strings.Fields(long) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			initials = append(initials, w[0])
		}
	}
	return strings.HasSuffix(string(initials), strings.ToUpper(acr)) && len(acr) >= 2
}

// holderKey is a holder name reduced to what identifies it: folded,
// lower-case stems without stop words or titles.
func holderKey(name string) string {
	var parts []string
	for _, t := range lang.Tokenize(name) {
		if holderNoise[t.Stem] {
			continue
		}
		parts = append(parts, t.Stem)
	}
	return strings.Join(parts, " ")
}

// holderNoise are title and role words that do not tell two holders apart.
var holderNoise = map[string]bool{
	"presid": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"offici": true, "spokesperson": true, "spokesman": true, "spokeswoman": true, "minist": true,
}

// resolve maps a holder key through the alias table.
func (a aliases) resolve(key string) string {
	if k, ok := a[key]; ok {
		return k
	}
	return key
}

// sameHolder reports whether two resolved holder keys name the same holder:
// equal, or one's words a subset of the other's ("sheinbaum" ⊂ "claudia
// sheinbaum", "usa embassi" ⊂ "usa embassi mexico").
func sameHolder(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return a == b || wordSubset(a, b) || wordSubset(b, a)
}
