package answer

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/lang"
)

// denial marks a sentence that denies, rejects or refutes as a whole:
// "Sheinbaum rejected on Thursday that ICE agents were involved".
var denial = regexp.MustCompile(`(?i)\b(false|falsely|untrue|inaccurate|incorrect|denie[sd]|deny|denying|denial|reject(s|ed|ing)?|refut(e|es|ed|ing)|dismiss(es|ed|ing)?|disput(e|es|ed|ing)|unfounded|baseless|misleading)\b`)

// negators deny only what stands close after them: "no ICE agents
// operated" denies, "we do not see any sign that … operations will wane"
// does not deny the operations.
var negators = map[string]bool{
	"no": true, "not": true, "never": true, "none": true, "nobody": true, "nothing": true,
	"neither": true, "nor": true, "without": true, "cannot": true, "t": true, // don't → don, t
}

// negationWindow is how many words after a negator it reaches.
const negationWindow = 8

// minStanceCoverage is the share of the question a sentence must cover to
// take a side; a sentence that merely shares a word is context.
const minStanceCoverage = 0.45

// hedge marks a sentence that limits or conditions a claim.
var hedge = regexp.MustCompile(`(?i)\b(but|however|although|though|while)\b`)

// sentenceStance is a sentence's stance toward the question. On a yes/no
// question: denies when it rejects the claim or negates the question's own
// words, qualifies when it concedes with a "but", affirms otherwise, and
// context when it covers too little of the question to take a side. Other
// questions: affirms when the sentence carries an answer value.
func sentenceStance(text string, qa *Query, hasValue bool, cov float64) Stance {
	if qa.kind != kindYesNo {
		if hasValue {
			return Affirms
		}
		return Context
	}
	if cov < minStanceCoverage {
		return Context
	}
	f := lang.Fold(text)
	// A question that itself denies ("Did Sheinbaum deny the claim?",
	// "Is the statement false?") is answered yes by a denial.
	neg := denial.MatchString(f) || negatesQuestion(f, qa)
	if neg != qa.negative {
		return Denies
	}
	if neg {
		return Affirms // a denial answering "did X deny…?"
	}
	if hedge.MatchString(f) {
		return Qualifies
	}
	return Affirms
}

// negatesQuestion reports whether a negator stands within negationWindow
// words before one of the question's words.
func negatesQuestion(folded string, qa *Query) bool {
	toks := lang.TokenizeAll(folded)
	last := -negationWindow - 1
	for i, t := range toks {
		if negators[strings.ToLower(t.Word)] {
			last = i
			continue
		}
		if i-last > negationWindow {
			continue
		}
		for _, qs := range qa.stems {
			if stemMatch(qs, t.Stem) > 0 {
				return true
			}
		}
	}
	return false
}

// opposed reports whether two stances contradict each other.
func opposed(a, b Stance) bool {
	return a == Affirms && b == Denies || a == Denies && b == Affirms
}
