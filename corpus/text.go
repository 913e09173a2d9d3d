package corpus

import (
	"unicode"
	"unicode/utf8"
)

// Byte-level helpers shared by the splitter, boilerplate and speaker code.
// They work on raw bytes with offsets so that nothing is copied while
// scanning, which keeps a 2,800-file corpus loading in a few dozen ms.

// isSpaceRune counts zero-width spaces and stray BOMs as space: scraped pages
// carry them around text, and a quote must not start with an invisible byte.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// spaceAt reports whether a space rune starts at i, and its width.
func spaceAt(b []byte, i int) (bool, int) {
	c := b[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f', 1
	}
	r, n := utf8.DecodeRune(b[i:])
	return isSpaceRune(r), n
}

// skipSpace returns the first offset in [i, end) that is not space, or end.
func skipSpace(b []byte, i, end int) int {
	for i < end {
		sp, n := spaceAt(b, i)
		if !sp {
			return i
		}
		i += n
	}
	return end
}

// trimSpan shrinks [s, e) to exclude surrounding space.
func trimSpan(b []byte, s, e int) (int, int) {
	s = skipSpace(b, s, e)
	for e > s {
		c := b[e-1]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
				break
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRune(b[s:e])
		if !isSpaceRune(r) {
			break
		}
		e -= n
	}
	return s, e
}

// runeAt decodes the rune at i (RuneError past end).
func runeAt(b []byte, i int) (rune, int) {
	if i >= len(b) {
		return utf8.RuneError, 0
	}
	if c := b[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(b[i:])
}

// lastRune decodes the rune ending at e, not looking before s.
func lastRune(b []byte, s, e int) (rune, int) {
	if e <= s {
		return utf8.RuneError, 0
	}
	if c := b[e-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRune(b[s:e])
}

func isLowerRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isCloser is punctuation that may follow a sentence's final mark and still
// belong to it: `."`, `.”`, `?’`, `.)`, `.**`.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '*', '_', '›':
		return true
	}
	return false
}

// isTerminal is sentence-final punctuation.
func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// endsTerminal reports whether [s, e) ends with terminal punctuation,
// possibly followed by closing quotes or brackets.
func endsTerminal(b []byte, s, e int) bool {
	for e > s {
		r, n := lastRune(b, s, e)
		if isTerminal(r) {
			return true
		}
		if !isCloser(r) {
			return false
		}
		e -= n
	}
	return false
}
