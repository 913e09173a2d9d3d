package lang

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold normalises text for matching: typographic quotes and dashes become
// ASCII, diacritics are removed (García = Garcia) and dotted acronyms lose
// their dots (U.S. = US). Case is kept so callers can still see proper nouns.
func Fold(s string) string {
	// Every character Fold rewrites is outside ASCII, and most text is
	// ASCII: skip both passes for it (they dominated index builds).
	if !isASCII(s) {
		s = quoteReplacer.Replace(s)
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, s); err == nil {
			s = out
		}
	}
	return undotAcronyms(s)
}

var quoteReplacer = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2013", "-", "\u2014", "-", "\u00a0", " ", "\u2026", "...",
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// undotAcronyms turns "U.S." into "US" and "e.g." into "eg": single letters
// each followed by a dot, at least two of them.
func undotAcronyms(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for i < len(s) {
		j := i
		n := 0
		for j+1 < len(s) && isLetter(s[j]) && s[j+1] == '.' && (j == i || s[j-1] == '.') {
			if j == i && i > 0 && isLetter(s[i-1]) {
				break
			}
			j += 2
			n++
		}
		if n >= 2 && (j >= len(s) || !isLetter(s[j])) {
			for k := i; k < j; k += 2 {
				b.WriteByte(s[k])
			}
			// Keep a sentence-final dot ("in the U.S.") out: the acronym ate it.
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// Token is one normalised word of a text.
type Token struct {
	Stem string // stemmed lower-case form, the matching key
	Word string // folded surface form, case kept
}

// Tokenize folds s and splits it into word tokens, dropping stop words.
// Numbers keep their digits ("57,000" → "57000", "3.5" stays); possessive
// 's is dropped; the upper-case country acronym US is kept apart from the
// pronoun "us" so that "U.S. agents" still matches "US agents".
func Tokenize(s string) []Token {
	return tokenize(Fold(s), true)
}

// TokenizeAll is Tokenize without dropping stop words.
func TokenizeAll(s string) []Token {
	return tokenize(Fold(s), false)
}

func tokenize(s string, dropStop bool) []Token {
	var out []Token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		digits := unicode.IsDigit(r)
		j := i + n
		prevDigit := digits
		for j < len(s) {
			c, m := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				prevDigit = unicode.IsDigit(c)
				j += m
				continue
			}
			// 57,000 and 3.5 stay one number.
			if digits && prevDigit && (c == ',' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				continue
			}
			break
		}
		word := s[i:j]
		// possessive 's
		if j+1 < len(s) && s[j] == '\'' && (s[j+1] == 's' || s[j+1] == 'S') {
			if j+2 >= len(s) {
				j += 2
			} else if c, _ := utf8.DecodeRuneInString(s[j+2:]); !unicode.IsLetter(c) {
				j += 2
			}
		}
		i = j
		if t, ok := makeToken(word, dropStop); ok {
			out = append(out, t)
		}
	}
	return out
}

func makeToken(word string, dropStop bool) (Token, bool) {
	if word == "US" || word == "USA" {
		return Token{Stem: "usa", Word: word}, true
	}
	lower := strings.ToLower(word)
	if unicode.IsDigit(rune(lower[0])) {
		return Token{Stem: strings.ReplaceAll(lower, ",", ""), Word: word}, true
	}
	if dropStop && IsStopword(lower) {
		return Token{}, false
	}
	return Token{Stem: Stem(lower), Word: word}, true
}

// Stem returns the Snowball English stem of a lower-case word.
func Stem(lower string) string {
	if len(lower) <= 3 {
		return lower
	}
	if s, ok := stemCache.Load(lower); ok {
		return s.(string)
	}
	s := english.Stem(lower, false)
	if stemCacheSize.Add(1) <= maxStemCache {
		stemCache.Store(lower, s)
	}
	return s
}

// stemCache memoises Stem, a pure function that dominated index builds
// (most words of a corpus repeat). It is bounded so that a long-running
// bot asked ever new words does not grow without end.
var (
	stemCache     sync.Map
	stemCacheSize atomic.Int64
)

const maxStemCache = 1 << 20

// Stems returns just the stems of Tokenize(s).
func Stems(s string) []string {
	toks := Tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Stem
	}
	return out
}

// IsStopword reports whether a lower-case word carries no topic.
func IsStopword(lower string) bool {
	_, ok := stopwords[lower]
	return ok
}

var stopwords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at be
	because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't
	doing don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's
	her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
	let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
	same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
	then there there's these they they'd they'll they're they've this those through to too under until up very was
	wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why
	why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves s t d ll re ve
	us just will one many much via whether yet ever didn isn wasn don doesn aren weren hasn haven hadn
	couldn wouldn shouldn won`) {
		m[w] = struct{}{}
	}
	return m
}()
