package corpus

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
)

// Consent is what a claim says one party does about another's part in its
// affairs: asks for or lets it in ("Sheinbaum has requested U.S.
// assistance"), or keeps it out ("her administration would not permit U.S.
// agents …"). Two accounts of one party both inviting and refusing the
// same other party cannot both stand.

// welcomeVerbs and refuseVerbs are base forms of verbs of letting in and
// of keeping out.
var (
	welcomeVerbs = setOf("request", "allow", "permit", "authorize", "authorise", "invite", "welcome", "accept",
		"seek", "approve", "let")
	refuseVerbs = setOf("refuse", "reject", "forbid", "prohibit", "ban", "bar", "block", "decline", "expel")
)

// readConsent sets c.Consent, c.ConsentBy and c.ConsentOf from the first
// verb of letting in or keeping out whose parties the sentence names.
func readConsent(c *Claim, toks []lang.Token, names []nameRun, ents *Entities) {
	if ents.lex == nil {
		return
	}
	for i, t := range toks {
		lw := strings.ToLower(t.Word)
		if runAt(names, i) >= 0 || len(lw) < 3 {
			continue
		}
		dir := consentDirection(lw, ents.lex)
		if dir == 0 && askedFor(toks, names, i) {
			dir = 1 // "asked Orland for help"
		}
		if dir == 0 {
			continue
		}
		prev := ""
		if i > 0 {
			prev = strings.ToLower(toks[i-1].Word)
		}
		if isDeterminer(prev) || prev == "a" || prev == "an" {
			continue // "the request", "a ban": a noun
		}
		var by, of, ofText string
		if passiveBefore[prev] {
			// "no U.S. agency personnel are authorized to …": the
			// party is the subject, the one consenting is the speaker.
			of = nameKeyBefore(names, i, 5, true)
			if r := runBefore(names, i, 5); r >= 0 {
				ofText = runText(toks, names[r])
			}
			if c.Speaker != "" {
				by = ents.Key(c.Speaker)
			}
		} else {
			by = nameKeyBefore(names, i, 15, false)
			of, ofText = nameKeyAfter(toks, names, i)
		}
		if by == "" || of == "" || ents.Related(by, of) {
			continue
		}
		for k := i - 1; k >= 0 && i-k <= 5; k-- {
			if negations[strings.ToLower(toks[k].Word)] {
				dir = -dir
				break
			}
		}
		c.Consent, c.ConsentBy, c.ConsentOf, c.ConsentText = dir, by, of, ofText
		return
	}
}

// passiveBefore makes the verb after it passive.
var passiveBefore = setOf("are", "is", "was", "were", "be", "been", "being")

// consentDirection is +1 for a form of a verb of letting in, -1 for one of
// keeping out.
func consentDirection(lw string, lex *lexicon.Lexicon) int8 {
	return verbDirection(lw, lex, welcomeVerbs, refuseVerbs)
}

// nameKeyBefore is the first key of the nearest name within the words
// before token i, a country's only when countries are asked for: who
// consents ("Mexican President Claudia Sheinbaum emphasized that her
// administration would not permit"), or who is let in ("no U.S. agency
// personnel are authorized").
func nameKeyBefore(names []nameRun, i, within int, countries bool) string {
	for k := len(names) - 1; k >= 0; k-- {
		n := names[k]
		if n.to > i || i-n.to > within {
			continue
		}
		for _, key := range n.keys {
			if countries || !strings.HasPrefix(key, "country:") {
				return key
			}
		}
	}
	return ""
}

// nameKeyAfter is the key of the name right after token i, past a
// determiner: whom a verb of consent lets in or keeps out ("requested U.S.
// assistance", "would not permit U.S. agents").
func nameKeyAfter(toks []lang.Token, names []nameRun, i int) (key, text string) {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if r := runAt(names, k); r >= 0 && len(names[r].keys) > 0 {
			return names[r].keys[0], runText(toks, names[r])
		}
		if w := strings.ToLower(toks[k].Word); !isDeterminer(w) && w != "a" && w != "an" && w != "any" {
			return "", ""
		}
	}
	return "", ""
}

// consentSame reports whether two claims' consents are of one party toward
// another: the same two parties, whichever names they go by.
func (cs *Claims) consentSame(x, y *Claim) bool {
	return x.Consent != 0 && y.Consent != 0 && sameParty(cs.Entities, x.ConsentBy, y.ConsentBy) &&
		sameParty(cs.Entities, x.ConsentOf, y.ConsentOf)
}

// sameParty reports whether two keys name one party: related in the
// registry, or one person with and without a title ("mexican president
// sheinbaum", "claudia sheinbaum": the same last word).
func sameParty(ents *Entities, a, b string) bool {
	if ents.Related(a, b) {
		return true
	}
	if strings.HasPrefix(a, "country:") || strings.HasPrefix(b, "country:") {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	return len(wa) > 0 && len(wb) > 0 && len(wa[len(wa)-1]) > 3 && wa[len(wa)-1] == wb[len(wb)-1]
}

// consentLabel names a side of a consent dispute.
func (cs *Claims) consentLabel(c *Claim) string {
	of := c.ConsentText
	if of == "" {
		of = cs.Entities.Display(c.ConsentOf)
	}
	if c.Consent > 0 {
		return "asks for or lets in " + of
	}
	return "keeps out " + of
}

// AsksConsent reports whether words (a question's lemmas) ask whether a
// party lets another in: a verb of letting in or keeping out.
func (cs *Claims) AsksConsent(words []string) int8 {
	if cs.Entities.lex == nil {
		return 0
	}
	for _, w := range words {
		if d := consentDirection(w, cs.Entities.lex); d != 0 {
			return d
		}
	}
	// "Has she asked Washington for help?"
	if slices.Contains(words, "ask") && slices.ContainsFunc(words, func(w string) bool { return helpNouns[w] }) {
		return 1
	}
	return 0
}

// helpNouns are what one party asks another for when it asks it in.
var helpNouns = setOf("help", "assistance", "aid", "support", "backing")

// askedFor reports whether token i is "asked" (or "asks", "ask") with a
// name after it and "for" right after the name: "asked Orland for help".
func askedFor(toks []lang.Token, names []nameRun, i int) bool {
	switch strings.ToLower(toks[i].Word) {
	case "ask", "asks", "asked", "asking":
	default:
		return false
	}
	r := runAt(names, i+1)
	return r >= 0 && names[r].to < len(toks) && strings.EqualFold(toks[names[r].to].Word, "for")
}

// SideConsent is the way side s of consent dispute d says its party
// stands toward the other.
func (cs *Claims) SideConsent(d *Dispute, s int) int8 {
	if d.Kind != KindConsent || len(d.Sides[s]) == 0 {
		return 0
	}
	return cs.All[d.Sides[s][0]].Consent
}
