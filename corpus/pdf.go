package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// parsePDF extracts the text of each page and records where each page
// starts in the stored text, so a quote can cite its page. Scanned pages
// (images only) have no text; a PDF with none at all is skipped.
func parsePDF(id string, raw []byte) (d *Document, err error) {
	if !bytes.HasPrefix(bytes.TrimLeft(raw, " \t\r\n"), []byte("%PDF-")) {
		return nil, errors.New("file does not start with %PDF-; not a PDF")
	}
	// The PDF reader panics on some malformed files; that costs the file.
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("cannot read the PDF: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("cannot read the PDF: %s", oneLine(err.Error()))
	}
	var b strings.Builder
	var starts []int
	for n := 1; n <= r.NumPage(); n++ {
		p := r.Page(n)
		text := ""
		if !p.V.IsNull() {
			if text = pageText(p); strings.TrimSpace(text) == "" {
				if text, err = p.GetPlainText(nil); err != nil {
					return nil, fmt.Errorf("cannot read page %d of the PDF: %s", n, oneLine(err.Error()))
				}
			}
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		starts = append(starts, b.Len())
		b.WriteString(strings.TrimSuffix(tidyText(strings.Split(text, "\n\n")), "\n"))
	}
	b.WriteByte('\n')
	if strings.TrimSpace(b.String()) == "" {
		return nil, errors.New("PDF has no text layer (scanned pages?); run OCR first")
	}
	m := Document{PageStarts: starts}
	if info := r.Trailer().Key("Info"); !info.IsNull() {
		m.Title = oneLine(info.Key("Title").Text())
		m.Author = oneLine(info.Key("Author").Text())
	}
	return converted(id, m, b.String())
}

// Thresholds for laying out a page's glyphs, in units of the font size.
const (
	// pdfWordGap: a horizontal gap wider than this between two glyphs is
	// a space. Many PDFs (LaTeX, most typesetters) draw no space glyphs
	// and move the pen instead; kerning moves it far less.
	pdfWordGap = 0.2
	// pdfLineStep: a vertical move larger than this starts a new line;
	// pdfParagraphStep: larger than this (more than a line's leading), a
	// new paragraph.
	pdfLineStep      = 0.5
	pdfParagraphStep = 1.8
)

// pageText lays out the page's glyphs in drawing order: spaces where the
// pen jumps, line breaks where it moves down, blank lines where it moves
// down by more than a line. The library's plain-text extraction ignores
// pen moves, which glues the words of many PDFs together.
func pageText(p pdf.Page) string {
	var b strings.Builder
	var prev *pdf.Text
	glyphs := p.Content().Text
	for i := range glyphs {
		t := &glyphs[i]
		if t.S == "\n" || t.S == "" {
			continue // the library's marker after each TJ array
		}
		if prev != nil {
			size := max(prev.FontSize, t.FontSize, 1)
			dy := math.Abs(t.Y - prev.Y)
			switch {
			case dy > pdfParagraphStep*size:
				b.WriteString("\n\n")
			case dy > pdfLineStep*size:
				b.WriteByte('\n')
			case t.X-(prev.X+prev.W) > pdfWordGap*size && t.S != " " && prev.S != " ":
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.S)
		prev = t
	}
	return b.String()
}
