package bot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Claims in one message checked at once: each is a search, and a wall of
// text pasted into a channel is better checked a few sentences at a time.
const maxClaims = 5

// minClaimWords keeps "Wow." and "See below:" from being checked as claims.
const minClaimWords = 4

var (
	// slackMarkup is what Slack puts around mentions, channels and links
	// in message text: <@U1>, <#C1|name>, <!here>, <https://x|label>.
	slackMarkup = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)
	// sentenceEnd is a full stop, ! or ? (with any closing quotes) before
	// white space and a capital, digit or opening quote: "Mr. Smith" and
	// "U.S. agents" stay whole because a lower-case or capital-less word
	// follows, or because the dot is inside an abbreviation.
	sentenceEnd = regexp.MustCompile(`([.!?]+["”’)\]]*)\s+`)
	listMarker  = regexp.MustCompile(`^\s*(?:[-*•·>]|\d+[.)])\s+`)
)

// splitClaims reads the claims in a Slack message: its sentences that state
// something (questions are not claims), without Slack's markup, at most
// maxClaims of them; more reports how many statements were left out.
func splitClaims(text string) (claims []string, more int) {
	text = slackMarkup.ReplaceAllStringFunc(text, func(m string) string {
		sub := slackMarkup.FindStringSubmatch(m)
		switch {
		case sub[2] != "" && !strings.HasPrefix(sub[1], "@") && !strings.HasPrefix(sub[1], "!"):
			return sub[2] // a link's label or a channel's name
		case strings.HasPrefix(sub[1], "http"):
			return sub[1]
		}
		return "" // mentions and broadcasts are not part of a claim
	})
	text = unescapeSlack(text)
	text = strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " \x00 ")), " ")
	text = strings.ReplaceAll(strings.ReplaceAll(text, " \x00 ", "\n"), " \x00", "\n")
	text = strings.NewReplacer(" :", ":", " ,", ",", " .", ".").Replace(text)
	for _, line := range strings.Split(text, "\n") {
		line = listMarker.ReplaceAllString(line, "")
		line = strings.Trim(line, " \t*_~`>")
		for _, s := range splitSentences(line) {
			s = strings.TrimSpace(strings.Trim(s, "*_~`"))
			s = dropLabel(s)
			if len(strings.Fields(s)) < minClaimWords || strings.HasSuffix(s, "?") {
				continue
			}
			if len(claims) == maxClaims {
				more++
				continue
			}
			claims = append(claims, s)
		}
	}
	return claims, more
}

// splitSentences cuts a line after sentence-ending punctuation followed by
// a word that can start a sentence, but not after a single capital ("U."
// in "U.S.", "J." in "J. Smith") or a common abbreviation.
func splitSentences(line string) []string {
	var out []string
	start := 0
	for _, m := range sentenceEnd.FindAllStringSubmatchIndex(line, -1) {
		end := m[3] // end of the punctuation
		next := m[1]
		if next >= len(line) {
			break
		}
		r, _ := utf8.DecodeRuneInString(line[next:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘(", r) {
			continue
		}
		if abbreviation(line[start:m[2]]) {
			continue
		}
		out = append(out, line[start:end])
		start = next
	}
	return append(out, line[start:])
}

// abbreviation reports whether s ends in a word that a dot after it does
// not end a sentence: a single letter or a title.
func abbreviation(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '.' })
	word := strings.ToLower(s[i+1:])
	if utf8.RuneCountInString(word) == 1 {
		return true
	}
	switch word {
	case "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "col", "lt", "sgt", "prof", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp":
		return true
	}
	return false
}

// dropLabel removes a short lead-in before a colon ("Heads up: The port
// reopened…", "BREAKING: …"): it frames the claim but is not part of it.
func dropLabel(s string) string {
	before, after, ok := strings.Cut(s, ": ")
	if !ok || len(strings.Fields(before)) > 3 || after == "" {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(after); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return s
	}
	return after
}
