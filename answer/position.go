package answer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/lang"
)

// maxPosition is how long a position line may be: one line a reader takes
// in at a glance, on a phone too.
const maxPosition = 120

// attributionLead is reported speech before what is said: "X said that",
// "According to X,", "LABEL:".
var (
	attributionLead = regexp.MustCompile(`^(?:[^,“"]{0,40},\s*)?(?:[^,“"]{0,80}?\b(?:said|says|told reporters|added|stated|claimed|insisted|argued|emphasized|emphasised|clarified|reiterated|highlighted|warned|noted|explained)\b(?: on \w+)?(?: that)?\s+|According to [^,]{1,80},\s+|[A-Z][A-Z .'-]{1,40}:\s+)`)
	// discourseLead is a sentence adverb that links to the text before
	// ("However, …"), meaningless in a position line.
	discourseLead   = regexp.MustCompile(`^(?:However|Meanwhile|Moreover|Furthermore|Additionally|In fact|Still|Yet|Also|But|And|Nonetheless|Nevertheless),?\s+`)
	attributionTail = regexp.MustCompile(`[,;]?\s*(?:[“”"]\s*)?(?:(?:the|its|his|her|their) [^,]{1,60}|[A-Z][^,]{0,60}) (?:said|says|added|concludes|wrote)(?: in a [^.]{1,40})?\.?\s*$`)
)

// gist is what a sentence says in a position line: without its reported
// speech frame, quotation marks and final stop, cut at a clause boundary
// (never mid-word, never with an ellipsis) to fit maxPosition less room.
func gist(text string, room int) string {
	t := strings.Join(strings.Fields(text), " ")
	if m := attributionLead.FindString(t); m != "" && len(m) < len(t)*2/3 {
		t = t[len(m):]
	}
	if loc := attributionTail.FindStringIndex(t); loc != nil && loc[0] > len(t)/3 {
		t = t[:loc[0]]
	}
	t = discourseLead.ReplaceAllString(t, "")
	t = strings.Trim(t, " “”\"'‘’.")
	if r, n := utf8.DecodeRuneInString(t); n > 0 && r >= 'a' && r <= 'z' {
		t = strings.ToUpper(t[:1]) + t[1:]
	}
	// "About 120 characters": a line a little over fits better than one
	// cut mid-thought.
	if len(t) <= room+room/6 {
		return t
	}
	// The last clause boundary that fits, well into the line; else the
	// last word. Either way no function word is left dangling at the end
	// ("… after the", "… even though").
	cut := -1
	for _, sep := range []string{"; ", ", ", " — "} {
		if i := strings.LastIndex(t[:room], sep); i > cut && i >= room*2/3 {
			cut = i
		}
	}
	if cut < 0 {
		cut = strings.LastIndex(t[:room], " ")
	}
	if cut <= 0 {
		cut = room
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
	}
	out := strings.TrimRight(t[:cut], " ,;:—")
	for {
		i := strings.LastIndex(out, " ")
		if i < len(out)/2 || !lang.IsStopword(strings.ToLower(strings.Trim(out[i+1:], ",;:"))) {
			break
		}
		out = strings.TrimRight(out[:i], " ,;:—")
	}
	return out
}

// sidePosition is a position line for one side of a dispute: its stance in
// our words, then the gist of its best claim.
func sidePosition(label, text string) string {
	var lead string
	switch label {
	case "denies":
		lead = "Denies: "
	case "asserts":
		lead = "Says: "
	default:
		lead = strings.ToUpper(label[:1]) + label[1:] + ": "
	}
	return lead + gist(text, maxPosition-len(lead))
}

// position says in one line what the account claims: its answer value or
// stance, then the gist of its best quote.
func position(k *cluster, qa *Query) string {
	lead := ""
	if p := k.label(qa); p != nil && qa.valued() {
		lead = displayValue(*p) + ": "
	} else {
		switch k.stance() {
		case Denies:
			lead = "No: "
		case Affirms:
			if qa.kind == kindYesNo {
				lead = "Yes: "
			}
		case Qualifies:
			lead = "Partly: "
		}
	}
	return lead + gist(k.best().text, maxPosition-len(lead))
}

func displayValue(v value) string {
	if v.text != "" {
		return v.text
	}
	if v.kind == vName {
		words := strings.Fields(v.key)
		for i, w := range words {
			if !nameJoiners[w] || i == 0 {
				r, n := utf8.DecodeRuneInString(w)
				words[i] = strings.ToUpper(string(r)) + w[n:]
			}
		}
		return strings.Join(words, " ")
	}
	return v.key
}

// clip shortens s to at most n bytes at a word boundary. Positions are our
// words, not quotes, so they may be shortened; quotes never are.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
