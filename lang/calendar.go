package lang

import "strings"

// Month returns the month number (1–12) of a lower-case month name or its
// abbreviation, with or without a trailing dot ("sept.", "aug"). "may" is a
// month here; callers that read names decide whether "May" opens one.
func Month(lower string) (int, bool) {
	m, ok := months[strings.TrimSuffix(lower, ".")]
	return m, ok
}

// IsWeekday reports whether a lower-case word is a day of the week.
func IsWeekday(lower string) bool { return weekdays[lower] }

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// IsClockAt reports whether the number at toks[i] is an hour of the clock
// ("4 a.m.", "10:30 pm"), which is a time of day, not a count.
func IsClockAt(toks []Token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+2; k++ {
		switch strings.ToLower(toks[k].Word) {
		case "am", "pm", "a.m", "p.m":
			return true
		}
		if !isAllDigits(toks[k].Word) {
			return false
		}
	}
	return false
}

func isAllDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// PercentAfter reports whether text writes the figure number (as a token
// gives it: "39", "52.5") as a percentage, "39%" or "39 %", with no digit
// or decimal point right before it: "9" is no percentage in "39%".
func PercentAfter(text, number string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], number)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(number)
		if i > 0 && (isDigitByte(text[i-1]) || text[i-1] == '.' || text[i-1] == ',') {
			continue
		}
		rest := strings.TrimPrefix(text[from:], " ")
		if strings.HasPrefix(rest, "%") {
			return true
		}
	}
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
