package answer

import (
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
)

// aliases maps the key of a long name to the key of its acronym, learnt from
// "Long Name (ACR)" anywhere in the corpus, so "U.S. Immigration and Customs
// Enforcement" and "ICE" are one holder across documents.
type aliases map[string]string

// aliasesOf keys the acronyms the corpus defines (corpus.Entities reads
// them) by holder key.
func aliasesOf(ents *corpus.Entities) aliases {
	a := aliases{}
	for long, acr := range ents.Definitions() {
		a[holderKey(long)] = holderKey(acr)
	}
	return a
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
