// Package corpus loads documents, splits them into sentences and passages that
// carry byte offsets into the raw file, recognises boilerplate, and attributes
// sentences to speakers. Offsets always index Document.Raw (front matter
// included), so raw[start:end] == text holds for every span it hands out.
//
// Nothing here knows about retrieval, answers, Slack or LLMs.
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Document is one file of a corpus.
type Document struct {
	// ID is the path relative to the corpus root without extension.
	ID        string
	Title     string
	Outlet    string
	Author    string
	Published string // YYYY-MM-DD or empty
	URL       string
	// Raw holds the file bytes exactly as read; every offset indexes it.
	Raw []byte
	// BodyStart is the offset of the first byte after the front matter.
	BodyStart int
	// Format is how Raw was obtained (FormatText for .md/.txt, whose Raw
	// is the file itself; otherwise Raw is the stored text converted from
	// the original, and offsets index it).
	Format Format
	// Source is the original's path or URL; PageStarts, for a paged
	// original (PDF), the offset in Raw where each page begins.
	Source     string
	PageStarts []int
	Sentences  []Sentence
	Passages   []Passage
}

// Sentence is one sentence of a document body.
type Sentence struct {
	Start, End int    // Raw[Start:End] == Text
	Text       string //
	// Speaker is the person or body the sentence is attributed to by reported
	// speech ("X said", "according to X", a resolved pronoun), or "" when the
	// sentence is in the author's own voice.
	Speaker string
	// Boilerplate marks navigation, share prompts, credits and the like:
	// indexed for lookup, never quoted as an account.
	Boilerplate bool
}

// Passage is a run of consecutive sentences used as the retrieval unit.
type Passage struct {
	Start, End int // Raw[Start:End] == Text
	Text       string
	// First and Last index Document.Sentences (inclusive).
	First, Last int
}

// ParseDocument parses one file: front matter, sentences, passages,
// boilerplate and speakers. It is what Load does per file. The error says,
// in one line, why the file cannot be used; Load reports it as the skip
// reason.
func ParseDocument(id string, raw []byte) (*Document, error) {
	if err := checkContent(raw); err != nil {
		return nil, err
	}
	fm, body, err := parseFrontMatter(raw, bodyOffset(raw))
	if err != nil {
		return nil, err
	}
	if skipSpace(raw, body, len(raw)) == len(raw) {
		return nil, errors.New("no text after the front matter")
	}
	d := &Document{
		ID: id, Title: fm.Title, Outlet: fm.Outlet, Author: fm.Author,
		Published: fm.Published, URL: fm.URL, Raw: raw, BodyStart: body,
	}
	d.parseBody()
	return d, nil
}

// ParseConverted parses a document whose Raw is text converted from another
// format (HTML, PDF, DOCX, JSONL): no front matter is read, the metadata
// set on d is kept, and offsets index Raw, the stored text.
func ParseConverted(d *Document) (*Document, error) {
	if err := checkContent(d.Raw); err != nil {
		return nil, err
	}
	d.BodyStart = bodyOffset(d.Raw)
	d.parseBody()
	return d, nil
}

// parseBody splits Raw[BodyStart:] into sentences and passages and marks
// boilerplate and speakers.
func (d *Document) parseBody() {
	raw, body := d.Raw, d.BodyStart
	// One string for the whole file: every Text is a substring of it, so a
	// document costs one copy however many sentences it has.
	text := string(raw)
	spans := splitSentences(raw, body)
	d.Sentences = make([]Sentence, len(spans))
	for k, sp := range spans {
		d.Sentences[k] = Sentence{Start: sp.s, End: sp.e, Text: text[sp.s:sp.e]}
	}
	markBoilerplate(raw, d.Sentences)
	attributeSpeakers(raw, d.Sentences, d.Outlet)
	d.Passages = buildPassages(raw, text, d.Sentences)
	if d.Title == "" {
		d.Title = fallbackTitle(raw, d.Sentences)
	}
}

// Page returns the 1-based page of a paged original holding offset off,
// or 0 when the document has no pages.
func (d *Document) Page(off int) int {
	return sort.Search(len(d.PageStarts), func(i int) bool { return d.PageStarts[i] > off })
}

// checkContent rejects files that are not text we can quote byte-exactly.
func checkContent(raw []byte) error {
	if skipSpace(raw, bodyOffset(raw), len(raw)) == len(raw) {
		return errors.New("file is empty")
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return fmt.Errorf("file looks binary (NUL byte at offset %d); only UTF-8 text is read", i)
	}
	if !utf8.Valid(raw) {
		return fmt.Errorf("file is not valid UTF-8 (first bad byte at offset %d); convert it to UTF-8", firstInvalid(raw))
	}
	return nil
}

func firstInvalid(raw []byte) int {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// maxTitleRunes bounds a title taken from the body: a longer first line is
// a lede or a whole paragraph, and using it as a title would mislead.
const maxTitleRunes = 150

// fallbackTitle is the first body line that is not page furniture (a photo
// credit or "Home Top Ad" is not a title) and has a capital letter, if it is
// reasonably short; otherwise "". Nothing is invented.
func fallbackTitle(raw []byte, sents []Sentence) string {
	for k := 0; k < len(sents); {
		ls, le := lineBounds(raw, sents[k].Start)
		furniture := true
		for ; k < len(sents) && sents[k].Start < le; k++ {
			furniture = furniture && sents[k].Boilerplate && isFurniture(sents[k].Text)
		}
		ls, le = trimSpan(raw, ls, le)
		if m, _ := markerEnd(raw, ls, le); m > ls {
			ls = skipSpace(raw, m, le)
		}
		line := raw[ls:le]
		if furniture || !bytes.ContainsFunc(line, unicode.IsUpper) {
			continue
		}
		if utf8.RuneCount(line) > maxTitleRunes {
			return ""
		}
		return string(line)
	}
	return ""
}

// lineBounds returns the line containing off, without its line ending.
func lineBounds(raw []byte, off int) (int, int) {
	s := bytes.LastIndexByte(raw[:off], '\n') + 1
	e := len(raw)
	if i := bytes.IndexByte(raw[off:], '\n'); i >= 0 {
		e = off + i
	}
	return s, e
}

// SentenceAt returns the index of the sentence containing offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > off })
	if i < len(d.Sentences) && d.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// PassageAt returns the index of the passage containing offset off, or -1.
func (d *Document) PassageAt(off int) int {
	i := sort.Search(len(d.Passages), func(i int) bool { return d.Passages[i].End > off })
	if i < len(d.Passages) && d.Passages[i].Start <= off {
		return i
	}
	return -1
}
