package corpus

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/lang"
)

// Where a sentence may end inside a segment, and which parts of a segment
// are never one sentence with their neighbours (tweet signatures, trailing
// links).

type abbrevKind uint8

const (
	abbrevNone  abbrevKind = iota
	abbrevTitle            // never ends a sentence: "Dr. Smith", "e.g. Mexico"
	abbrevNum              // ends one unless a number follows: "No. 5", "Feb. 18"
	abbrevEnd              // ends one only before a clear sentence opener: "in the U.S. The"
	abbrevClock            // "a.m.": ends one unless a day, a month or a time zone follows
)

// abbrevs is keyed by the lower-cased word before the dot.
var abbrevs = map[string]abbrevKind{
	"mr": abbrevTitle, "mrs": abbrevTitle, "ms": abbrevTitle, "dr": abbrevTitle, "prof": abbrevTitle,
	"st": abbrevTitle, "mt": abbrevTitle, "ft": abbrevTitle, "gen": abbrevTitle, "sen": abbrevTitle,
	"rep": abbrevTitle, "gov": abbrevTitle, "lt": abbrevTitle, "col": abbrevTitle, "capt": abbrevTitle,
	"sgt": abbrevTitle, "cmdr": abbrevTitle, "adm": abbrevTitle, "rev": abbrevTitle, "hon": abbrevTitle,
	"pres": abbrevTitle, "supt": abbrevTitle, "messrs": abbrevTitle, "vs": abbrevTitle, "v": abbrevTitle,
	"e.g": abbrevTitle, "i.e": abbrevTitle, "cf": abbrevTitle, "approx": abbrevTitle, "ca": abbrevTitle,
	"dept": abbrevTitle, "univ": abbrevTitle, "ave": abbrevTitle, "blvd": abbrevTitle, "fig": abbrevNum,
	"no": abbrevNum, "nos": abbrevNum, "vol": abbrevNum, "pp": abbrevNum, "p": abbrevNum, "art": abbrevNum,
	"sec": abbrevNum, "ch": abbrevNum, "op": abbrevNum,
	"jan": abbrevNum, "feb": abbrevNum, "mar": abbrevNum, "apr": abbrevNum, "jun": abbrevNum,
	"jul": abbrevNum, "aug": abbrevNum, "sep": abbrevNum, "sept": abbrevNum, "oct": abbrevNum,
	"nov": abbrevNum, "dec": abbrevNum,
	"inc": abbrevEnd, "ltd": abbrevEnd, "co": abbrevEnd, "corp": abbrevEnd, "jr": abbrevEnd,
	"sr": abbrevEnd, "bros": abbrevEnd, "etc": abbrevEnd, "al": abbrevEnd, "ph.d": abbrevEnd,
	"llc": abbrevEnd, "plc": abbrevEnd,
	"a.m": abbrevClock, "p.m": abbrevClock,
}

// starters are words that, capitalised after an abbreviation such as "U.S."
// or "Inc.", almost surely open a new sentence rather than continue a name.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "It": true, "Its": true, "He": true, "She": true, "They": true,
	"We": true, "I": true, "You": true, "In": true, "On": true, "At": true, "But": true, "And": true,
	"This": true, "That": true, "These": true, "Those": true, "There": true, "Their": true, "His": true,
	"Her": true, "Our": true, "As": true, "If": true, "When": true, "While": true, "After": true,
	"Before": true, "Since": true, "However": true, "Meanwhile": true, "According": true, "For": true,
	"Yet": true, "So": true, "Still": true, "Also": true, "Some": true, "Many": true, "Most": true,
	"No": true, "Not": true, "Both": true, "Each": true, "Such": true, "Then": true, "Officials": true,
}

// isBoundary decides whether the terminal marks [i, j) of a sentence that
// began at start end it, given that the next text starts at nx.
func isBoundary(raw []byte, start, i, j, nx, end int) bool {
	r, _ := runeAt(raw, nx)
	if isLowerRune(r) {
		return false
	}
	if j-i != 1 || raw[i] != '.' {
		return true
	}
	ws := i
	for ws > start && (isAlnumByte(raw[ws-1]) || raw[ws-1] == '.') {
		ws--
	}
	if ws > start && raw[ws-1] >= 0x80 {
		if pr, _ := lastRune(raw, start, ws); unicode.IsLetter(pr) {
			return true // the tail of a non-ASCII word: no abbreviation
		}
	}
	w := raw[ws:i]
	if len(w) == 0 {
		return true
	}
	if len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' {
		// An initial ("J. Smith"), unless a quote or a clear opener
		// follows ("posted on X. “What…").
		return isOpenQuote(r) || startsSentence(raw, nx, end)
	}
	switch abbrevOf(w) {
	case abbrevTitle:
		return false
	case abbrevNum:
		return !isDigitByte(raw[nx])
	case abbrevEnd:
		return startsSentence(raw, nx, end)
	case abbrevClock:
		// "by 4 a.m. Deputy mayor Voss said…" ends; "at 4 a.m. Monday"
		// and "at 9 p.m. EST" do not.
		return !continuesTime(raw, nx, end)
	}
	return true
}

// continuesTime reports whether the word at nx carries on a clock time: a
// weekday, a month, or a time zone in capitals ("EST", "GMT").
func continuesTime(raw []byte, nx, end int) bool {
	k := nx
	for k < end && ('a' <= raw[k] && raw[k] <= 'z' || 'A' <= raw[k] && raw[k] <= 'Z') {
		k++
	}
	w := string(raw[nx:k])
	if w == "" {
		return false
	}
	if _, ok := lang.Month(strings.ToLower(w)); ok {
		return true
	}
	if lang.IsWeekday(strings.ToLower(w)) {
		return true
	}
	return len(w) >= 2 && len(w) <= 4 && strings.ToUpper(w) == w
}

func isOpenQuote(r rune) bool {
	return r == '"' || r == '“' || r == '\'' || r == '‘' || r == '«'
}

// abbrevOf classifies the word before a dot without allocating.
func abbrevOf(w []byte) abbrevKind {
	if len(w) <= 8 {
		var buf [8]byte
		for k, c := range w {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if k, ok := abbrevs[string(buf[:len(w)])]; ok {
			return k
		}
	}
	if isDottedAcronym(w) {
		return abbrevEnd
	}
	return abbrevNone
}

// isDottedAcronym matches "U.S", "D.C", "a.m": single letters joined by dots.
func isDottedAcronym(w []byte) bool {
	if len(w) < 3 {
		return false
	}
	for k, c := range w {
		if k%2 == 1 {
			if c != '.' {
				return false
			}
		} else if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return len(w)%2 == 1
}

func startsSentence(raw []byte, nx, end int) bool {
	k := nx
	for k < end && ('a' <= raw[k] && raw[k] <= 'z' || 'A' <= raw[k] && raw[k] <= 'Z') {
		k++
	}
	return k > nx && starters[string(raw[nx:k])]
}

// tweetSig finds the signature line of an embedded post:
// "— Name (@handle) May 14, 2025".
var tweetSig = regexp.MustCompile(`(?m)(?:^|\s)((?:—|–|&mdash;|--?)\s*[^\n—–]{1,120}?\(@\w{1,30}\)\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4}|$))`)

// hardBreaks cuts a segment where an embed signature starts, and before a
// link that ends a line ("… pic.twitter.com/abc"), so the quoted text is a
// sentence of its own and the chrome around it is separate.
func hardBreaks(raw []byte, seg span) []span {
	text := raw[seg.s:seg.e]
	var cuts []int
	if bytes.Contains(text, []byte("(@")) {
		for _, m := range tweetSig.FindAllSubmatchIndex(text, -1) {
			if m[2] > 0 {
				cuts = append(cuts, seg.s+m[2])
			}
		}
	}
	if k := bytes.Index(text, []byte(" pic.twitter.com/")); k >= 0 {
		cuts = insertSorted(cuts, seg.s+k+1)
	}
	pieces := make([]span, 0, len(cuts)+2)
	s := seg.s
	for _, c := range cuts {
		if c > s {
			pieces = appendURLSplit(raw, pieces, span{s, c})
			s = c
		}
	}
	return appendURLSplit(raw, pieces, span{s, seg.e})
}

func insertSorted(xs []int, x int) []int {
	k := len(xs)
	for k > 0 && xs[k-1] > x {
		k--
	}
	xs = append(xs, 0)
	copy(xs[k+1:], xs[k:])
	xs[k] = x
	return xs
}

// appendURLSplit appends p, first cutting off a link that is its last word
// when text precedes it.
func appendURLSplit(raw []byte, out []span, p span) []span {
	_, e := trimSpan(raw, p.s, p.e)
	k := bytes.LastIndexAny(raw[p.s:e], " \t\n")
	if k > 0 && startsURL(raw[p.s+k+1:e]) {
		return append(out, span{p.s, p.s + k}, span{p.s + k + 1, p.e})
	}
	return append(out, p)
}
