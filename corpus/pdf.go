package corpus

import (
	"bytes"
	"errors"
	"fmt"
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
			if text, err = p.GetPlainText(nil); err != nil {
				return nil, fmt.Errorf("cannot read page %d of the PDF: %s", n, oneLine(err.Error()))
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
