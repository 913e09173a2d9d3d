package answer

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/retrieval"
)

// negation marks a sentence that denies, rejects or refutes. Relative to a
// yes/no question a relevant negated sentence is a "no".
var negation = regexp.MustCompile(`(?i)\b(no|not|never|none|nobody|nothing|neither|nor|false|falsely|untrue|inaccurate|incorrect|wrong|denie[sd]|deny|denying|denial|reject(s|ed|ing)?|refut(e|es|ed|ing)|dismiss(es|ed|ing)?|disput(e|es|ed|ing)|without|cannot|n't|unfounded|baseless|misleading)\b|n't\b`)

// hedge marks a sentence that limits or conditions a claim.
var hedge = regexp.MustCompile(`(?i)\b(but|however|although|though|while|only|partially|partly|allegedly|reportedly|unclear|may have|might have|some)\b`)

// sentenceStance is a sentence's stance toward a yes/no question; other
// kinds of question get affirms when the sentence carries an answer value
// and context otherwise.
func sentenceStance(text string, q *question, hasValue bool) Stance {
	if q.kind != kindYesNo {
		if hasValue {
			return Affirms
		}
		return Context
	}
	f := retrieval.Fold(text)
	neg := negation.MatchString(f)
	// A negation inside the question itself ("Did X not…") flips nothing
	// here: the sentence is read on its own.
	if neg {
		return Denies
	}
	if hedge.MatchString(f) && strings.Contains(strings.ToLower(f), "but") {
		return Qualifies
	}
	return Affirms
}

// opposed reports whether two stances contradict each other.
func opposed(a, b Stance) bool {
	return a == Affirms && b == Denies || a == Denies && b == Affirms
}
