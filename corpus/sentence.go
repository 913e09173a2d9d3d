package corpus

import (
	"bytes"
)

// A sentence splitter for news text as it arrives: Markdown, scraped pages
// with one-line navigation items, hard-wrapped plain text, tweet embeds. It
// works in two passes. Lines are first grouped into segments: a blank line,
// a list item, a heading or a line that stands alone (no final punctuation,
// next line not a continuation) ends a segment. Each segment is then split at
// sentence-final punctuation, minding abbreviations, initials, decimals and
// closing quotes. Every span is an offset pair into the raw bytes.

// maxSentenceBytes caps a sentence: text without punctuation (a table dumped
// as prose, a long caption) would otherwise become one enormous passage.
const maxSentenceBytes = 1000

// span is a half-open byte range [s, e) of the raw file.
type span struct{ s, e int }

// line is one body line with its trimmed content range.
type line struct {
	s, e    int  // trimmed content, marker excluded
	blank   bool // nothing but space
	marker  bool // list item or heading: always starts a segment
	heading bool // Markdown heading: always ends its segment
}

// splitSentences returns the sentence spans of raw[body:].
func splitSentences(raw []byte, body int) []span {
	var out []span
	var seg span
	open := false
	var prev line
	for pos := body; pos < len(raw); {
		ln, next := readLine(raw, pos)
		pos = next
		switch {
		case ln.blank:
			if open {
				out = splitSegment(raw, seg, out)
				open = false
			}
		case open && continues(raw, prev, ln):
			seg.e = ln.e
		default:
			if open {
				out = splitSegment(raw, seg, out)
			}
			seg, open = span{ln.s, ln.e}, true
		}
		prev = ln
	}
	if open {
		out = splitSegment(raw, seg, out)
	}
	return out
}

// readLine reads the line at pos and classifies it.
func readLine(raw []byte, pos int) (line, int) {
	end, next := len(raw), len(raw)
	if i := bytes.IndexByte(raw[pos:], '\n'); i >= 0 {
		end, next = pos+i, pos+i+1
	}
	s, e := trimSpan(raw, pos, end)
	ln := line{s: s, e: e, blank: s == e}
	if ln.blank {
		return ln, next
	}
	if m, heading := markerEnd(raw, s, e); m > s {
		ln.s, ln.marker, ln.heading = skipSpace(raw, m, e), true, heading
		if ln.s == ln.e { // a bare "-" or "#": keep it as text
			ln.s, ln.marker, ln.heading = s, false, false
		}
	}
	return ln, next
}

// markerEnd returns the end of a list marker or heading prefix at s (s when
// there is none): "# ", "> ", "- ", "* ", "+ ", "• ", "1. ", "2) ", "(a) ",
// "KJ-1. ". A marker must be followed by a space, so "*emphasis*" and
// "3.5 million" are text.
func markerEnd(raw []byte, s, e int) (int, bool) {
	c := raw[s]
	spaced := func(i int) bool {
		if i >= e {
			return false
		}
		sp, _ := spaceAt(raw, i)
		return sp
	}
	switch {
	case c == '#':
		i := s
		for i < e && raw[i] == '#' {
			i++
		}
		if i-s <= 6 && spaced(i) {
			return i, true
		}
	case c == '>' || c == '-' || c == '*' || c == '+':
		if spaced(s + 1) {
			return s + 1, false
		}
	case bytes.HasPrefix(raw[s:e], []byte("•")):
		return s + len("•"), false
	case c == '(':
		// "(a) ", "(1) ", "(iv) "
		i := s + 1
		for i < e && i-s <= 5 && isAlnumByte(raw[i]) {
			i++
		}
		if i > s+1 && i < e && raw[i] == ')' && spaced(i+1) {
			return i + 1, false
		}
	case isAlnumByte(c):
		// "1. ", "12) ", "KJ-1. ": a short label holding a digit.
		i, digit := s, false
		for i < e && i-s < 8 && (isAlnumByte(raw[i]) || raw[i] == '-') {
			digit = digit || isDigitByte(raw[i])
			i++
		}
		if digit && i < e && (raw[i] == '.' || raw[i] == ')') && spaced(i+1) {
			return i + 1, false
		}
	}
	return s, false
}

// continues reports whether cur continues prev's sentence across a single
// newline (a hard-wrapped line) rather than starting a new one.
func continues(raw []byte, prev, cur line) bool {
	if cur.marker || prev.heading || endsTerminal(raw, prev.s, prev.e) {
		return false
	}
	if startsURL(raw[cur.s:cur.e]) {
		return false
	}
	r, _ := runeAt(raw, cur.s)
	if isLowerRune(r) {
		return true
	}
	return prev.e-prev.s >= 25 && endsMidSentence(raw, prev.s, prev.e)
}

func startsURL(b []byte) bool {
	return bytes.HasPrefix(b, []byte("http://")) || bytes.HasPrefix(b, []byte("https://")) ||
		bytes.HasPrefix(b, []byte("www.")) || bytes.HasPrefix(b, []byte("pic.twitter.com/"))
}

// wrapWords are words a sentence cannot end on; a line ending with one was
// wrapped, whatever case the next line starts with ("the\nUnited States").
var wrapWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "or": true, "in": true,
	"on": true, "for": true, "with": true, "by": true, "at": true, "from": true, "that": true,
	"as": true, "is": true, "are": true, "was": true, "were": true, "be": true, "but": true,
	"its": true, "their": true, "his": true, "her": true, "into": true, "than": true,
}

func endsMidSentence(raw []byte, s, e int) bool {
	switch raw[e-1] {
	case ',', ';':
		return true
	}
	i := e
	for i > s && raw[i-1] >= 'a' && raw[i-1] <= 'z' {
		i--
	}
	if i == e || (i > s && raw[i-1] != ' ') {
		return false
	}
	return wrapWords[string(raw[i:e])]
}

// splitSegment appends the sentences of one segment to out.
func splitSegment(raw []byte, seg span, out []span) []span {
	for _, p := range hardBreaks(raw, seg) {
		start := p.s
		for i := p.s; i < p.e; {
			r, n := runeAt(raw, i)
			if !isTerminal(r) {
				i += n
				continue
			}
			j := i + n // past the run of terminal marks
			for j < p.e {
				r2, n2 := runeAt(raw, j)
				if !isTerminal(r2) {
					break
				}
				j += n2
			}
			k := j // past closing quotes and brackets
			for k < p.e {
				r2, n2 := runeAt(raw, k)
				if !isCloser(r2) {
					break
				}
				k += n2
			}
			if k >= p.e {
				break
			}
			if sp, _ := spaceAt(raw, k); !sp {
				i = j
				continue
			}
			nx := skipSpace(raw, k, p.e)
			if nx < p.e && isBoundary(raw, start, i, j, nx, p.e) {
				out = appendSentence(raw, out, start, k)
				start = nx
			}
			i = k
		}
		out = appendSentence(raw, out, start, p.e)
	}
	return out
}

// appendSentence trims [s, e) and appends it, cutting overlong text at a
// space so that no sentence passes maxSentenceBytes.
func appendSentence(raw []byte, out []span, s, e int) []span {
	s, e = trimSpan(raw, s, e)
	for e-s > maxSentenceBytes {
		cut := cutPoint(raw, s, s+maxSentenceBytes)
		a, b := trimSpan(raw, s, cut)
		if a < b {
			out = append(out, span{a, b})
		}
		s, e = trimSpan(raw, cut, e)
	}
	if s < e {
		out = append(out, span{s, e})
	}
	return out
}

// cutPoint picks where to cut an overlong sentence before limit: after a
// comma or semicolon in the second half if there is one, else at the last
// space, else at a rune boundary.
func cutPoint(raw []byte, s, limit int) int {
	half := s + (limit-s)/2
	for i := limit - 1; i > half; i-- {
		if raw[i] == ' ' && (raw[i-1] == ',' || raw[i-1] == ';') {
			return i
		}
	}
	for i := limit - 1; i > s; i-- {
		if raw[i] == ' ' {
			return i
		}
	}
	for i := limit; i > s; i-- {
		if raw[i]&0xC0 != 0x80 {
			return i
		}
	}
	return limit
}
