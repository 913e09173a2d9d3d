package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A small tokenizer for speaker attribution: words keep internal dots,
// hyphens and apostrophes ("U.S.", "García", "Mexico’s", "Mexico-US"), every
// other mark is a token of its own, and each token knows whether it lies
// inside a quotation. Reported speech is looked for outside quotations only:
// "As I said yesterday" inside a quote is not an attribution.

type token struct {
	s, e   int    // byte range in the sentence
	text   string // the token as written
	word   bool   // letters or digits, not punctuation
	cap    bool   // a word starting with an upper-case letter
	quoted bool   // inside a quotation (quote marks included)
}

// isWordRune is a rune that belongs to a word.
func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && isAlnumByte(byte(r)) || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// isJoiner is a rune that joins two word runes into one word.
func isJoiner(r rune) bool {
	return r == '.' || r == '-' || r == '\'' || r == '’' || r == '&' || r == '‑'
}

// quoteDir classifies a double quote mark at i in t: +1 opens, -1 closes,
// 0 unknown. Curly and guillemet marks say so; a straight quote is judged by
// its neighbours (space before and text after opens).
func quoteDir(t string, i, n int, r rune) int {
	switch r {
	case '“', '«', '„':
		return 1
	case '”', '»':
		return -1
	case '"':
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+n:])
		spaceBefore := i == 0 || isSpaceRune(before) || strings.ContainsRune("([{—–-", before)
		spaceAfter := i+n == len(t) || isSpaceRune(after) || strings.ContainsRune(".,;:!?)]—–-", after)
		switch {
		case spaceBefore && !spaceAfter:
			return 1
		case spaceAfter && !spaceBefore:
			return -1
		}
	}
	return 0
}

// tokenize splits t into toks (reused), starting inside a quotation when
// inQuote is set; it returns the tokens and whether t ends inside one. A
// closing mark with no opening one is ignored: it is far more often a stray
// than a sign that the whole sentence was quoted.
func tokenize(t string, inQuote bool, toks []token) ([]token, bool) {
	toks = toks[:0]
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		switch {
		case isSpaceRune(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < len(t) {
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if isJoiner(r2) && j+n2 < len(t) {
					if r3, _ := utf8.DecodeRuneInString(t[j+n2:]); isWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
			if j < len(t) && t[j] == '.' && keepsDot(t[i:j]) {
				j++
			}
			toks = append(toks, token{s: i, e: j, text: t[i:j], word: true, cap: isUpperRune(r), quoted: inQuote})
			i = j
		case (r == '`' || r == '\'') && strings.HasPrefix(t[i+n:], string(r)):
			// "``" and "''": quotation marks of tokenized text.
			if r == '`' {
				inQuote = true
			}
			toks = append(toks, token{s: i, e: i + 2, text: t[i : i+2], quoted: inQuote})
			if r == '\'' {
				inQuote = false
			}
			i += 2
		default:
			dir := quoteDir(t, i, n, r)
			if dir == 0 && r == '"' {
				dir = 1
				if inQuote {
					dir = -1
				}
			}
			if dir > 0 {
				inQuote = true
			}
			toks = append(toks, token{s: i, e: i + n, text: t[i : i+n], quoted: inQuote})
			if dir < 0 {
				inQuote = false
			}
			i += n
		}
	}
	return toks, inQuote
}

// keepsDot reports whether the dot after w belongs to it: "U.S.", "Mr.",
// an initial "J.".
func keepsDot(w string) bool {
	if len(w) == 1 {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	if strings.Contains(w, ".") {
		return isDottedAcronym([]byte(w))
	}
	return len(w) <= 4 && abbrevOf([]byte(w)) == abbrevTitle
}

// lowerASCII lower-cases an ASCII word; other text is returned as is
// because every keyword we compare against is ASCII.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// inFold reports whether the ASCII-lower-cased w is in set, without
// allocating for short words.
func inFold(set map[string]bool, w string) bool {
	if len(w) > 24 {
		return set[strings.ToLower(w)]
	}
	var buf [24]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// isAcronym is an all-capitals word of 2–6 letters: "ICE", "FBI", "SEDENA".
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// possessor strips a possessive ending: "Mexico’s" → "Mexico", true.
func possessor(w string) (string, bool) {
	for _, suf := range []string{"’s", "'s", "’S", "'S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return w, false
}
