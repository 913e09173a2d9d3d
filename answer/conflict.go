package answer

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lexicon"
)

// conflicting decides conflicts_with: one statement with a different
// filler (variants); opposite stances on a yes/no question; different
// figures or dates for the asked-for quantity or time.
func conflicting(a, b *cluster, sa, sb Stance, qa *Query, aboutMain bool, lx *lexicon.Lexicon) bool {
	// When the answer has documents about the question's main subject, a
	// document about something else contradicts neither them nor another
	// such document; it merely mentions other facts.
	if len(qa.names) > 0 && aboutMain && (!a.mainNamed() || !b.mainNamed()) {
		return false
	}
	if qa.class != nil && qa.class.plural {
		// "What drugs were seized": one source's cocaine and another's
		// heroin add up, however alike their sentences.
		return false
	}
	if qa.kind == kindYesNo && a.hkey != "" && sameHolder(a.hkey, b.hkey) {
		// One speaker's two statements are two accounts, but not a
		// conflict to report between sources: "she rejected the claim"
		// and "she criticized the arrival of …" are not yes and no.
		return false
	}
	if variants(a, b) {
		return true
	}
	switch {
	case qa.kind == kindYesNo:
		return opposed(sa, sb)
	case qa.oneHolder:
		return otherHolder(a.best(), b.best(), qa, lx)
	case qa.valued():
	default:
		// Different names are different answers only when the sentences
		// are the same statement otherwise (caught by variants above);
		// two sources naming different places are not thereby at odds.
		return false
	}
	va, vb := a.values(), b.values()
	match := valueMatch
	if qa.class != nil {
		// Only the kinds asked for are answers: two sources naming
		// different teams may agree on the sport.
		va, vb = kindsOnly(a.allValues()), kindsOnly(b.allValues())
		match = qa.class.kindMatch
	}
	if len(va) == 0 || len(vb) == 0 {
		return false
	}
	for _, x := range va {
		for _, y := range vb {
			if match(x, y) {
				return false
			}
		}
	}
	if otherYear(va[0], vb[0]) && a.best().rel >= 1 && b.best().rel >= 1 {
		return true
	}
	return comparable(va[0], vb[0])
}

// otherHolder reports whether two sentences that each state the role asked
// about ("the manager of Tullow Rovers was …", "an album by …") name different
// people for it. A sentence that leaves the role out names people for
// something else.
func otherHolder(a, b *candidate, qa *Query, lx *lexicon.Lexicon) bool {
	na, nb := roleHolders(a, qa, lx), roleHolders(b, qa, lx)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for _, x := range na {
		for _, y := range nb {
			if valueMatch(x, y) {
				return false
			}
		}
	}
	return true
}

// roleHolders returns the names a sentence about what the role is of
// gives for the role asked about: all its names when it writes the role
// ("the manager of Tullow Rovers … was Ada Lind"), those just after "by" when
// it credits a work ("the album Vell by the band Ada Lind"); none
// otherwise. A nationality is no one ("by American band …").
func roleHolders(c *candidate, qa *Query, lx *lexicon.Lexicon) []value {
	lower := strings.ToLower(c.text)
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(lower, notWordRune) {
		words[trimPossessive(w)] = true
	}
	// The sentence must say what the role is of: "the current minister
	// is Ada Lind" names no minister of immigration.
	for _, n := range qa.roleOf {
		for _, w := range n.words {
			if !words[trimPossessive(strings.ToLower(w))] {
				return nil
			}
		}
	}
	var ns []value
	for _, v := range c.values {
		if v.kind == vName && !nationality(lx, v.key) {
			ns = append(ns, v)
		}
	}
	role := false
	for s := range c.stems() {
		if stemMatch(qa.role, s) >= 0.8 {
			role = true
			break
		}
	}
	var out []value
	for _, n := range ns {
		written := strings.ToLower(n.text)
		if written == "" {
			written = n.key
		}
		for from := 0; ; {
			at := strings.Index(lower[from:], written)
			if at < 0 {
				break
			}
			at += from
			if by := strings.LastIndex(lower[:at], "by "); by >= 0 && at-by <= maxByGap {
				out = append(out, n)
				break
			}
			from = at + len(written)
		}
	}
	if role {
		// A sentence that writes the role names its holder anywhere;
		// one credited "by" comes first.
		for _, n := range ns {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// maxByGap is how far after "by" (in bytes) a credited name may start:
// past a description of a few words, "by the Irish folk band Ada Lind".
const maxByGap = 48

// nationality reports whether a one-word name is a people's adjective
// ("Irish", "Mexican": an adjective pertaining to a noun), which credits
// no one; a surname that is also an adjective ("Young") still does.
func nationality(lx *lexicon.Lexicon, key string) bool {
	return !strings.Contains(key, " ") && len(lx.Pertainyms(key)) > 0
}
