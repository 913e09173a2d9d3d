package corpus

import (
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// Format is the kind of original a document was read from. It decides how
// Raw is obtained: a text file is its own Raw; every other format is
// converted to a stored text that offsets index.
type Format string

// The formats crosscheck reads.
const (
	FormatText  Format = "text" // .md, .markdown, .txt: Raw is the file
	FormatHTML  Format = "html"
	FormatPDF   Format = "pdf"
	FormatDOCX  Format = "docx"
	FormatJSONL Format = "jsonl"
)

// Extensions lists what FormatOf accepts, for messages.
const Extensions = ".md, .markdown, .txt, .html, .htm, .pdf, .docx, .jsonl"

// FormatOf returns the format a file name's extension stands for.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".txt", ".markdown":
		return FormatText, true
	case ".html", ".htm", ".xhtml":
		return FormatHTML, true
	case ".pdf":
		return FormatPDF, true
	case ".docx":
		return FormatDOCX, true
	case ".jsonl", ".ndjson":
		return FormatJSONL, true
	}
	return "", false
}

// ParseFile turns one original into its documents. id is the ID its path
// gives (the path without extension), source names it for citations (a
// path or URL). A JSONL file yields one document per good line and one
// Skipped per bad line ("file.jsonl:7"), opts.MaxFileBytes bounding each
// line rather than the file; every other format yields one document, or an
// error that says in one line why the file cannot be used.
func ParseFile(id, source string, f Format, raw []byte, opts Options) ([]*Document, []Skipped, error) {
	var d *Document
	var err error
	switch f {
	case FormatText:
		d, err = ParseDocument(id, raw)
	case FormatHTML:
		d, err = parseHTML(id, source, raw)
	case FormatPDF:
		d, err = parsePDF(id, raw)
	case FormatDOCX:
		d, err = parseDOCX(id, raw)
	case FormatJSONL:
		return parseJSONL(id, source, raw, opts.limit())
	default:
		return nil, nil, fmt.Errorf("unsupported format %q", f)
	}
	if err != nil {
		return nil, nil, err
	}
	d.Format, d.Source = f, source
	return []*Document{d}, nil, nil
}

// converted builds a document from converted text: whitespace tidied the
// way every converter needs (no NULs, CRLF as LF, at most one blank line)
// and parsed without front matter.
func converted(id string, meta Document, text string) (*Document, error) {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	text = strings.ReplaceAll(text, "\x00", "")
	meta.ID, meta.Raw = id, []byte(text)
	return ParseConverted(&meta)
}

// tidyText joins paragraphs with one blank line and trims each, so the
// sentence splitter sees paragraph breaks where the original had them.
func tidyText(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		p = strings.TrimSpace(strings.ReplaceAll(p, "\r\n", "\n"))
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}
