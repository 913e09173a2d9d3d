package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/lang"
)

// vkind is the sort of an answer-bearing value.
type vkind int

const (
	vNumber vkind = iota
	vYear
	vDate
	vName
	vKind // a kind of what a typed question asks for: "ice hockey" for "what sport"
)

// value is one answer-bearing item of a sentence: a figure, a year, a date
// or a name the question does not already contain. Agreement and
// disagreement of values drive grouping and conflicts.
type value struct {
	key  string // normalised: "3559", "1979", "may 14", "mahesh bhatt"
	text string // as written, for display ("3,559"); empty means key
	kind vkind
	pos  int // token index in the sentence
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
	"dozen": "12",
}

var magnitudes = map[string]bool{"thousand": true, "million": true, "billion": true, "trillion": true, "percent": true}

// nameJoiners may sit inside a multi-word name ("Bank of America").
var nameJoiners = map[string]bool{"of": true, "de": true, "del": true, "la": true, "von": true, "van": true, "da": true, "di": true, "and": true, "the": true, "y": true, "bin": true, "al": true}

// extractValues finds the values of a sentence. common holds lower-case
// words seen in lower case in the corpus: a capitalised sentence-initial
// word that is common ("However", "The") is grammar, not a name.
func extractValues(toks []lang.Token, q *Query, common func(string) bool) []value {
	var out []value
	for i := 0; i < len(toks); i++ {
		w := toks[i].Word
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsDigit(r) && len(w) <= 2 && i+1 < len(toks) && isMonth(strings.ToLower(toks[i+1].Word)):
			// "14 May 2025": day first, one date with its year
			key := strings.ToLower(toks[i+1].Word)[:3] + " " + w
			text := w + " " + toks[i+1].Word
			i++
			if i+1 < len(toks) && isYear(toks[i+1].Word) {
				key += " " + toks[i+1].Word
				text += " " + toks[i+1].Word
				i++
			}
			out = append(out, value{key: key, text: text, kind: vDate, pos: i})
		case unicode.IsDigit(r) && isOrdinal(lw):
			// "8th", "21st": a rank, not an amount or a date
		case unicode.IsDigit(r) && lang.IsClockAt(toks, i):
			// "by 4 a.m.": a time of day, not a count
		case unicode.IsDigit(r):
			v, last := numberValue(toks, i)
			if !q.words[strings.ToLower(w)] {
				out = append(out, v)
			}
			i = last
		case isMonth(lw) && (unicode.IsUpper(r)) && i+1 < len(toks) && isDigits(toks[i+1].Word):
			// "May 14, 2025" or "May 2025"
			key := lw[:3] + " " + strings.ToLower(toks[i+1].Word)
			text := w + " " + toks[i+1].Word
			i++
			if !isYear(toks[i].Word) && i+1 < len(toks) && isYear(toks[i+1].Word) {
				key += " " + toks[i+1].Word
				text += ", " + toks[i+1].Word
				i++
			}
			out = append(out, value{key: key, text: text, kind: vDate, pos: i})
		case lang.IsWeekday(lw) && unicode.IsUpper(r):
			// News dates events by weekday: "clarified on Thursday".
			out = append(out, value{key: lw, text: w, kind: vDate, pos: i})
		case numberWords[lw] != "" && !q.words[lw]:
			out = append(out, value{key: numberWords[lw], kind: vNumber, pos: i})
		case unicode.IsUpper(r):
			j := i
			var parts []string
			inQuestion := false
			for j < len(toks) {
				tw := toks[j].Word
				tr, _ := utf8.DecodeRuneInString(tw)
				ltw := strings.ToLower(tw)
				if unicode.IsUpper(tr) && !isMonth(ltw) {
					if !(j == 0 && common(ltw)) && !(lang.IsStopword(ltw) && toks[j].Stem != "usa") {
						parts = append(parts, ltw)
						if q.words[ltw] {
							inQuestion = true
						}
					}
					j++
					continue
				}
				if len(parts) > 0 && nameJoiners[ltw] && j+1 < len(toks) && startsUpper(toks[j+1].Word) {
					j++
					continue
				}
				break
			}
			if j == i {
				j = i + 1
			}
			// A name sharing a word with the question is its subject
			// ("Jon Smyth" for "How old is John Smyth?"), not an answer.
			if len(parts) > 0 && !inQuestion {
				out = append(out, value{key: strings.Join(parts, " "), kind: vName, pos: i})
			}
			i = j - 1
		}
	}
	return out
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// numberValue reads the number at toks[i] and returns it with the index
// of its last token.
func numberValue(toks []lang.Token, i int) (value, int) {
	raw := strings.ToLower(toks[i].Word)
	w := strings.ReplaceAll(raw, ",", "")
	// "1,802" is a count; "1802" a year.
	if len(raw) == 4 && isDigits(w) && w >= "1000" && w <= "2100" {
		return value{key: w, kind: vYear, pos: i}, i
	}
	if len(w) == 5 && w[4] == 's' && isDigits(w[:4]) {
		return value{key: w, kind: vYear, pos: i}, i
	}
	if i+1 < len(toks) && magnitudes[strings.ToLower(toks[i+1].Word)] {
		w += " " + strings.ToLower(toks[i+1].Word)
	}
	// A compound measure is one value: "6 ft 9 in" and 6' 8" differ.
	j := i + 1
	if j < len(toks) && isUnit(toks[j].Word) {
		j++
	}
	last := i
	if j < len(toks) && isDigits(toks[j].Word) && len(toks[j].Word) <= 2 && j-i <= 2 {
		w += " " + toks[j].Word
		last = j
	}
	text := toks[i].Word
	for k := i + 1; k <= last; k++ {
		text += " " + toks[k].Word
	}
	if last == i && strings.Contains(w, " ") { // magnitude
		text += " " + toks[i+1].Word
	}
	return value{key: w, text: text, kind: vNumber, pos: i}, last
}

// isUnit matches a short unit word between the parts of a measure.
func isUnit(w string) bool {
	switch strings.ToLower(w) {
	case "ft", "feet", "foot", "in", "m", "cm", "st", "lb", "lbs", "h", "min", "hours", "hour":
		return true
	}
	return false
}

// wants reports whether a value of kind k can answer a question of kind qk.
func wants(qk kind, k vkind) bool {
	switch qk {
	case kindQuantity:
		return k == vNumber
	case kindTime:
		return k == vYear || k == vDate
	case kindPerson, kindPlace:
		return k == vName
	default:
		return true
	}
}

// valueMatch reports whether two value keys name the same thing: equal, or
// for names one's words a subset of the other's ("Okafor" ⊂ "Ada Okafor").
func valueMatch(a, b value) bool {
	if a.kind != b.kind && !(a.kind == vYear && b.kind == vDate || a.kind == vDate && b.kind == vYear) {
		return false
	}
	if a.key == b.key {
		return true
	}
	if a.kind == vName && b.kind == vName || a.kind != vNumber && b.kind != vNumber {
		// "Okafor" ⊂ "Ada Okafor"; "2025" ⊂ "may 14 2025"
		return wordSubset(a.key, b.key) || wordSubset(b.key, a.key)
	}
	return false
}

// percentages marks the figures a sentence gives as percentages ("58
// percent", "3.8%"): a share and a count never contradict each other. On a
// question asking for a percentage, only percentages answer. toks are the
// sentence's tokens (values' positions index them), text the sentence.
func percentages(vals []value, toks []lang.Token, text string, qa *Query) []value {
	out := vals[:0:0]
	for _, v := range vals {
		if v.kind == vNumber && v.pos < len(toks) {
			next := ""
			if v.pos+1 < len(toks) {
				next = strings.ToLower(toks[v.pos+1].Word)
			}
			if next == "percent" || next == "pct" || next == "per" && v.pos+2 < len(toks) && strings.EqualFold(toks[v.pos+2].Word, "cent") ||
				lang.PercentAfter(text, toks[v.pos].Word) {
				v.key += " %"
			}
			if qa.asksPercent && !strings.HasSuffix(v.key, " %") {
				continue
			}
		}
		out = append(out, v)
	}
	return out
}

// comparable reports whether two values could contradict each other: a
// weekday and a calendar date, or a day and a year, are different
// granularities of time, not rival answers.
func comparable(a, b value) bool {
	if a.kind == vNumber && b.kind == vNumber {
		return strings.HasSuffix(a.key, " %") == strings.HasSuffix(b.key, " %")
	}
	if a.kind == vName || b.kind == vName || a.kind == vNumber || b.kind == vNumber || a.kind == vKind || b.kind == vKind {
		return a.kind == b.kind
	}
	return timeGrain(a) == timeGrain(b)
}

// otherYear reports whether a date and a bare year of different grains
// name different years: "3 May 1931" and "1932" cannot both date one
// death. Only when both sentences state the relation asked about (see
// conflicting): a bare year in a sentence is as often the time of
// something else.
func otherYear(a, b value) bool {
	if a.kind != vYear && b.kind != vYear {
		return false
	}
	ya, yb := yearOf(a), yearOf(b)
	return ya != "" && yb != "" && ya != yb
}

// yearOf returns the year a time value states, or "".
func yearOf(v value) string {
	for _, f := range strings.Fields(v.key) {
		if isYear(f) {
			return f
		}
	}
	return ""
}

// timeGrain is "weekday", "day" (month and day), "month" or "year".
func timeGrain(v value) string {
	if v.kind == vYear {
		return "year"
	}
	f := strings.Fields(v.key)
	switch {
	case len(f) == 1:
		return "weekday"
	case len(f) == 2 && isYear(f[1]):
		return "month"
	}
	return "day"
}

func isOrdinal(lw string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(lw, suf) && isDigits(strings.TrimSuffix(lw, suf)) {
			return true
		}
	}
	return false
}

func isYear(w string) bool { return len(w) == 4 && isDigits(w) && w >= "1000" && w <= "2100" }

func wordSubset(a, b string) bool {
	bw := map[string]bool{}
	for _, w := range strings.Fields(b) {
		bw[w] = true
	}
	for _, w := range strings.Fields(a) {
		if !bw[w] {
			return false
		}
	}
	return true
}

func isMonth(lower string) bool { _, ok := lang.Month(lower); return ok }
