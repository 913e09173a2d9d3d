package corpus

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
)

// Boilerplate is the chrome a scraped page carries around its article:
// menus, form labels, share and donation prompts, copyright lines, photo
// credits, embed signatures, related-article lists. It stays searchable but
// is never quoted as someone's account. The rules are about shape (a short
// line with no sentence punctuation, a Title Case heading, a bare link, a
// line repeated on the page) and about phrasing that only chrome uses
// ("all rights reserved", "click the share button"); none names a site.

// maxShortWords is the length at which a stand-alone line without sentence
// punctuation is a label (a menu item, "Executive Summary", a byline) rather
// than text anyone said.
const maxShortWords = 4

// maxHeadingWords bounds the Title Case lines taken for headings and
// related-article links; longer Title Case text is more likely a quote.
const maxHeadingWords = 12

// chromePhrases is wording used by page furniture, keyed by a word each
// phrase contains. A sentence is searched only for the phrases of the key
// words it holds, which keeps ordinary prose off the slow path. A phrase
// starting with "^" must open the sentence.
var chromePhrases = map[string][]string{
	"reserved":      {"all rights reserved"},
	"reproduce":     {"do not reproduce"},
	"reproduced":    {"reproduced without"},
	"copyright":     {"copyright"},
	"getty":         {"getty images"},
	"sourced":       {"image sourced"},
	"photo":         {"^photo:", "^photo credit", "^photo by"},
	"photos":        {"^photos:"},
	"photograph":    {"^photograph by"},
	"image":         {"^image:", "^image credit"},
	"images":        {"^images:"},
	"picture":       {"^picture:"},
	"video":         {"^video:"},
	"credit":        {"^credit:"},
	"credits":       {"^credits:"},
	"caption":       {"^caption:"},
	"click":         {"click the ", "click on ", "click here", "click below", "click to ", "click this "},
	"share":         {"share button", "share this", "share the article", "share the story", "share the post"},
	"forward":       {"email/forward"},
	"follow":        {"follow us"},
	"subscribe":     {"subscribe to ", "subscribe for ", "subscribe now", "subscribe today"},
	"sign":          {"sign up for ", "sign up to ", "sign up now", "sign up today"},
	"newsletter":    {"our newsletter", "newsletter sign"},
	"donation":      {"recurring donation", "one-time donation", "monthly donation", "make a donation"},
	"donate":        {"donate now", "donate today", "donate here"},
	"help":          {"help us stay"},
	"funded":        {"reader-funded"},
	"supported":     {"reader-supported"},
	"support":       {"support our work", "support our journalism", "support independent journalism"},
	"loop":          {"stay in the loop"},
	"free":          {"get a free ", "get our free "},
	"join":          {"join thousands of", "join millions of"},
	"required":      {"indicates required field"},
	"validation":    {"for validation purposes"},
	"repost":        {"feel free to repost"},
	"commons":       {"under the creative commons", "under a creative commons", "following the creative commons"},
	"email":         {"email me"},
	"contributor":   {"is a regular contributor to", "is a frequent contributor to"},
	"comment":       {"post a comment", "log in to comment", "login to comment"},
	"comments":      {"^no comments", "comments closed", "comments are closed"},
	"cookies":       {"accept cookies", "accept all cookies"},
	"privacy":       {"privacy policy"},
	"terms":         {"terms of use", "terms of service"},
	"skip":          {"skip to content", "skip to main content"},
	"related":       {"^related content", "^related articles", "^related posts", "^related stories"},
	"table":         {"^table of contents"},
	"read":          {"^read more"},
	"see":           {"^see more"},
	"continue":      {"^continue reading"},
	"watch":         {"^watch on "},
	"advertisement": {"^advertisement"},
	"sponsored":     {"^sponsored"},
}

// navLabels are whole-line labels of forms and menus, compared lower-cased
// without a trailing ':' or '*'.
var navLabels = map[string]bool{
	"name": true, "email": true, "e-mail": true, "message": true, "website": true, "comment": true,
	"home": true, "menu": true, "search": true, "contact": true, "contact us": true, "contact form": true,
	"pages": true, "share": true, "print": true, "tweet": true, "log in": true, "login": true,
	"sign in": true, "sign up": true, "subscribe": true, "next": true, "previous": true,
	"older posts": true, "newer posts": true, "related": true, "tags": true, "categories": true,
}

var (
	// tweetSigLine is an embed signature standing as its own sentence.
	tweetSigLine = regexp.MustCompile(`^(?:—|–|&mdash;|--?)\s*.{1,120}\(@\w{1,30}\)`)
	// agencyCredit is a photo credit such as "JANE DOE/AFP via Getty Images"
	// or "@agency/X": an upper-case name or a handle, a slash, an agency.
	agencyCredit = regexp.MustCompile(`^(?:\p{Lu}[\p{Lu}\p{M} .'’-]+|@\w+)/[\p{L}]+(?:\s|$)`)
	// fileToken is an image or slug left behind by a scraper:
	// "us-mexico-400x229", "photo_12.jpg", "demo-image".
	fileToken = regexp.MustCompile(`(?i)^[a-z0-9_]+(?:[-_][a-z0-9]+)+$|\d{2,4}x\d{2,4}|\.(?:jpe?g|png|gif|webp|svg)$`)
)

// markBoilerplate sets Sentence.Boilerplate on sents, which must come from
// raw.
func markBoilerplate(raw []byte, sents []Sentence) {
	alone := aloneFlags(raw, sents)
	phrased := make([]bool, len(sents))
	for k := range sents {
		t := sents[k].Text
		phrased[k] = isChromePhrase(t)
		sents[k].Boilerplate = phrased[k] || isChrome(t, alone[k])
	}
	markRepeated(sents, alone)
	spreadOnLines(raw, sents, phrased)
	keepSoleContent(sents)
}

// keepSoleContent un-marks headings and short lines when nothing else in
// the document is content: a one-line record ("Ada Okafor Born 3
// June 1961") is the document, not a heading above it. Furniture (credits,
// links, share prompts) stays marked.
func keepSoleContent(sents []Sentence) {
	for _, s := range sents {
		if !s.Boilerplate {
			return
		}
	}
	for k := range sents {
		if !isFurniture(sents[k].Text) {
			sents[k].Boilerplate = false
		}
	}
}

// aloneFlags reports, per sentence, whether it is the whole of its
// line(s) apart from a list marker. One pass over the text: a per-sentence
// look for the line start would be quadratic on a long single-line file.
func aloneFlags(raw []byte, sents []Sentence) []bool {
	alone := make([]bool, len(sents))
	lineStart, pos := 0, 0
	for k, s := range sents {
		if i := bytes.LastIndexByte(raw[pos:s.Start], '\n'); i >= 0 {
			lineStart = pos + i + 1
		}
		pos = s.Start
		if k > 0 && sents[k-1].End > lineStart {
			continue // shares its line with the sentence before
		}
		ls, le := trimSpan(raw, lineStart, s.Start)
		if m, _ := markerEnd(raw, ls, len(raw)); ls < le && m > ls {
			ls = skipSpace(raw, m, le)
		}
		if ls != s.Start {
			continue
		}
		e := s.End
		for e < len(raw) && raw[e] != '\n' {
			sp, n := spaceAt(raw, e)
			if !sp {
				break
			}
			e += n
		}
		alone[k] = e == len(raw) || raw[e] == '\n'
	}
	return alone
}

// isChrome applies the per-sentence shape rules; alone says whether the sentence
// is a line of its own.
func isChrome(t string, alone bool) bool {
	if !hasAlnum(t) {
		return true // ".", "*", "•"
	}
	if !strings.ContainsAny(t, " \t\n") {
		if startsURL([]byte(t)) || strings.Contains(t, "://") || fileToken.MatchString(t) {
			return true
		}
	}
	if isBracketLabels(t) || strings.Contains(t, "(@") && tweetSigLine.MatchString(t) {
		return true
	}
	if !alone {
		return false
	}
	if strings.Contains(t, "/") && agencyCredit.MatchString(t) || navLabels[strings.ToLower(strings.TrimRight(t, " :*"))] {
		return true
	}
	words := strings.Fields(t)
	if strings.HasSuffix(t, "*") && len(words) <= maxShortWords {
		return true // form field: "Email *"
	}
	if !endsTerminal([]byte(t), 0, len(t)) && len(words) <= maxShortWords {
		return true
	}
	return isHeading(t, words)
}

func hasAlnum(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isBracketLabels matches link labels left by a scraper: "[source]",
// "[1] [2]".
func isBracketLabels(t string) bool {
	if !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
		return false
	}
	for _, part := range strings.Split(t, "]") {
		part = strings.TrimSpace(part)
		if part != "" && (!strings.HasPrefix(part, "[") || len(part) > 40) {
			return false
		}
	}
	return true
}

// isChromePhrase reports whether t holds a chromePhrases phrase. It
// lower-cases ASCII words into a stack buffer, so prose without a key word
// costs no allocation.
func isChromePhrase(t string) bool {
	if strings.Contains(t, "©") {
		return true
	}
	var lower string
	var buf [16]byte
	n, long := 0, false
	for i := 0; i <= len(t); i++ {
		c := byte(' ')
		if i < len(t) {
			c = t[i]
		}
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			phrases := chromePhrases[string(buf[:n])]
			if !long && len(phrases) > 0 {
				if lower == "" {
					lower = strings.ToLower(t)
				}
				if containsPhrase(lower, phrases) {
					return true
				}
			}
			n, long = 0, false
			continue
		}
		if n == len(buf) {
			long = true
			continue
		}
		buf[n] = c
		n++
	}
	return false
}

func containsPhrase(lower string, phrases []string) bool {
	for _, p := range phrases {
		if anchored := strings.HasPrefix(p, "^"); anchored {
			if strings.HasPrefix(lower, p[1:]) {
				return true
			}
		} else if k := strings.Index(lower, p); k >= 0 && (k == 0 || !isAlnumByte(lower[k-1])) {
			return true
		}
	}
	return false
}

// isFurniture reports whether t is chrome by its own wording or form (a
// credit, a link, a form label, a share prompt), as opposed to chrome only
// by its place on the page (a heading, a short line). A heading can be a
// document's title; furniture cannot.
func isFurniture(t string) bool {
	if isChromePhrase(t) || isChrome(t, false) {
		return true
	}
	if strings.Contains(t, "/") && agencyCredit.MatchString(t) || navLabels[strings.ToLower(strings.TrimRight(t, " :*"))] {
		return true
	}
	return strings.HasSuffix(t, "*")
}

// functionWords stay lower-case in a Title Case heading.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "by": true, "for": true, "with": true, "from": true, "as": true,
	"vs": true, "vs.": true, "de": true, "la": true, "del": true, "y": true, "-": true, "–": true, "—": true,
}

// isHeading matches a short Title Case line that does not end with a
// period: a heading, a headline, a related-article link. Prose and quotes
// have lower-case words and end with punctuation.
func isHeading(t string, words []string) bool {
	if len(words) > maxHeadingWords || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") {
		return false
	}
	upper, counted := 0, 0
	for _, w := range words {
		if functionWords[strings.ToLower(w)] {
			continue
		}
		r, _ := runeAt([]byte(w), 0)
		counted++
		if isUpperRune(r) || !isLowerRune(r) {
			upper++
		}
	}
	return counted > 0 && upper*5 >= counted*4
}

// markRepeated marks short stand-alone lines that occur more than once in
// the document: a page repeats its menus and form, not its sentences.
func markRepeated(sents []Sentence, alone []bool) {
	var seen map[string]int
	for k, s := range sents {
		if alone[k] && isLabelSized(s.Text) {
			if seen == nil {
				seen = make(map[string]int)
			}
			seen[s.Text]++
		}
	}
	for k := range sents {
		if alone[k] && isLabelSized(sents[k].Text) && seen[sents[k].Text] > 1 {
			sents[k].Boilerplate = true
		}
	}
}

// isLabelSized is short text a page might repeat as furniture; a repeated
// full sentence (a pull quote) is left alone.
func isLabelSized(t string) bool {
	if len(t) > 80 {
		return false
	}
	return !endsTerminal([]byte(t), 0, len(t)) || len(strings.Fields(t)) <= 8
}

// spreadOnLines marks the rest of a short run of sentences on one line when
// at least half of it (and two sentences) is chrome by its wording: "Global Research is a
// reader-funded media. We do not accept any funding. Help us stay afloat."
// is one block. Shape hits (a trailing link) do not spread: the text before
// a link is often a real quote.
func spreadOnLines(raw []byte, sents []Sentence, phrased []bool) {
	for first := 0; first < len(sents); {
		last := first
		for last+1 < len(sents) && !hasNewline(raw[sents[last].End:sents[last+1].Start]) {
			last++
		}
		n, bp := last-first+1, 0
		for k := first; k <= last; k++ {
			if phrased[k] {
				bp++
			}
		}
		if n > 1 && n <= 5 && bp >= 2 && bp*2 >= n {
			for k := first; k <= last; k++ {
				sents[k].Boilerplate = true
			}
		}
		first = last + 1
	}
}

func hasNewline(b []byte) bool {
	for _, c := range b {
		if c == '\n' {
			return true
		}
	}
	return false
}
