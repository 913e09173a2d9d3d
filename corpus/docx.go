package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDOCXPartBytes bounds one decompressed part of a .docx: a zip bomb
// must cost a skip, not the machine's memory.
const maxDOCXPartBytes = 64 << 20

// parseDOCX reads the paragraphs of word/document.xml (each <w:p> one
// paragraph, <w:tab/> and <w:br/> kept as whitespace) and title and author
// from docProps/core.xml.
func parseDOCX(id string, raw []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("not a .docx (zip) file: %s", oneLine(err.Error()))
	}
	body, err := zipPart(zr, "word/document.xml")
	if err != nil {
		return nil, err
	}
	paras, err := docxParagraphs(body)
	if err != nil {
		return nil, fmt.Errorf("word/document.xml is not valid XML: %s", oneLine(err.Error()))
	}
	text := tidyText(paras)
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("document has no text")
	}
	var m Document
	if core, err := zipPart(zr, "docProps/core.xml"); err == nil {
		m.Title, m.Author = docxCore(core)
	}
	return converted(id, m, text)
}

func zipPart(zr *zip.Reader, name string) ([]byte, error) {
	f, err := zr.Open(name)
	if err != nil {
		return nil, fmt.Errorf("not a Word document: no %s inside", name)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxDOCXPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %s", name, oneLine(err.Error()))
	}
	if len(b) > maxDOCXPartBytes {
		return nil, fmt.Errorf("%s is over %s uncompressed", name, humanBytes(maxDOCXPartBytes))
	}
	return b, nil
}

// wordNS is the WordprocessingML namespace of w:p, w:t, w:tab, w:br.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

func docxParagraphs(body []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var paras []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				cur.WriteByte('\t')
			case "br", "cr":
				cur.WriteByte('\n')
			}
		case xml.EndElement:
			if t.Name.Space != wordNS {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				paras = append(paras, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	if cur.Len() > 0 {
		paras = append(paras, cur.String())
	}
	return paras, nil
}

// docxCore reads dc:title and dc:creator; anything unreadable is left empty.
func docxCore(core []byte) (title, author string) {
	var props struct {
		Title   string `xml:"http://purl.org/dc/elements/1.1/ title"`
		Creator string `xml:"http://purl.org/dc/elements/1.1/ creator"`
	}
	if xml.Unmarshal(core, &props) != nil {
		return "", ""
	}
	return oneLine(props.Title), oneLine(props.Creator)
}
