package corpus

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// checkQuotes asserts the contract every loader keeps: each sentence and
// passage is a byte-exact span of the stored text.
func checkQuotes(t *testing.T, d *Document) {
	t.Helper()
	if len(d.Passages) == 0 {
		t.Fatalf("%s: no passages", d.ID)
	}
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Raw) || string(d.Raw[s.Start:s.End]) != s.Text {
			t.Fatalf("%s: sentence %d:%d %q is not stored[start:end]", d.ID, s.Start, s.End, s.Text)
		}
	}
	for _, p := range d.Passages {
		if string(d.Raw[p.Start:p.End]) != p.Text {
			t.Fatalf("%s: passage %d:%d is not stored[start:end]", d.ID, p.Start, p.End)
		}
	}
}

func TestParseHTMLKeepsTheArticle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	docs, _, err := ParseFile("article", "saved/article.html", FormatHTML, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkQuotes(t, d)
	text := string(d.Raw)
	for _, want := range []string{
		"has no plan to dredge the northern channel",
		`"There is no dredging scheduled for 2025, and no contract has been signed," the authority's spokesperson`,
		"publish the documents they rely on",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("stored text lacks %q:\n%s", want, text)
		}
	}
	for _, junk := range []string{"Subscribe now", "boat insurance", "Sponsored", "All rights reserved", "Privacy policy", "window.ads", "<p>", "Most read", "Ferry timetable"} {
		if strings.Contains(text, junk) {
			t.Errorf("stored text keeps page furniture %q:\n%s", junk, text)
		}
	}
	got := [5]string{d.Title, d.Author, d.Published, d.URL, d.Outlet}
	want := [5]string{"Harbour authority denies dredging plan", "Ada Lind", "2025-03-04", "https://courier.example/news/harbour-dredging", "The Velm Courier"}
	if got != want {
		t.Errorf("metadata = %q, want %q", got, want)
	}
	if d.Format != FormatHTML || d.Source != "saved/article.html" {
		t.Errorf("format %q source %q", d.Format, d.Source)
	}
}

// makePDF writes a minimal valid PDF, one content stream per page, with
// byte-exact xref offsets.
func makePDF(title string, pages ...[]string) []byte {
	var objs []string
	font := 3 + 2*len(pages)
	var kids []string
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", 3+2*i))
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	for i, lines := range pages {
		var content strings.Builder
		content.WriteString("BT /F1 12 Tf 14 TL 72 720 Td")
		for j, l := range lines {
			if j > 0 {
				content.WriteString(" T*")
			}
			if strings.HasPrefix(l, "[") {
				// A TJ array as typesetters write it: no space glyphs,
				// the pen moved between words.
				fmt.Fprintf(&content, " %s TJ", l)
				continue
			}
			fmt.Fprintf(&content, " (%s) Tj", strings.NewReplacer(`(`, `\(`, `)`, `\)`).Replace(l))
		}
		content.WriteString(" ET")
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", 4+2*i, font),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()))
	}
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Title (%s) /Author (Ada Lind) >>", title))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, len(objs), xref)
	return b.Bytes()
}

func TestParsePDFKeepsPages(t *testing.T) {
	raw := makePDF("Survey report",
		[]string{"The channel was surveyed in January.", "It is deep enough for the fleet."},
		[]string{"The council disputes the survey.", "It asked for a second one."})
	docs, _, err := ParseFile("report", "report.pdf", FormatPDF, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkQuotes(t, d)
	if d.Title != "Survey report" || d.Author != "Ada Lind" {
		t.Errorf("title %q author %q", d.Title, d.Author)
	}
	if len(d.PageStarts) != 2 {
		t.Fatalf("PageStarts = %v, want 2 pages", d.PageStarts)
	}
	for _, tt := range []struct {
		text string
		page int
	}{{"surveyed in January", 1}, {"deep enough", 1}, {"council disputes", 2}, {"second one", 2}} {
		off := strings.Index(string(d.Raw), tt.text)
		if off < 0 {
			t.Fatalf("stored text lacks %q:\n%q", tt.text, d.Raw)
		}
		if got := d.Page(off); got != tt.page {
			t.Errorf("page of %q = %d, want %d", tt.text, got, tt.page)
		}
	}
}

// Words a typesetter separates by moving the pen, not by space glyphs,
// stay separate; small kerning moves do not split a word.
func TestParsePDFSpacesFromPenMoves(t *testing.T) {
	raw := makePDF("Kerned", []string{"[(The)-333(council)-333(disp)-15(utes)-333(it.)]", "Next line here."},
		[]string{"Page two text."})
	docs, _, err := ParseFile("k", "k.pdf", FormatPDF, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(docs[0].Raw); !strings.Contains(got, "The council disputes it.\nNext line here.") {
		t.Errorf("stored text %q, want the words of the TJ array separated", got)
	}
	checkQuotes(t, docs[0])
}

func TestParsePDFRejectsGarbage(t *testing.T) {
	for name, raw := range map[string][]byte{
		"not a pdf": []byte("hello"),
		"truncated": makePDF("T", []string{"Some text."})[:60],
	} {
		if _, _, err := ParseFile("x", "x.pdf", FormatPDF, raw, Options{}); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

// makeDOCX writes a .docx with the given paragraphs and core properties.
func makeDOCX(t *testing.T, title, author string, paras ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	put("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	var body strings.Builder
	for _, p := range paras {
		// Split each paragraph over two runs, as Word does.
		h := len(p) / 2
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r><w:r><w:t>%s</w:t></w:r></w:p>`, p[:h], p[h:])
	}
	put("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body.String()+`</w:body></w:document>`)
	put("docProps/core.xml", `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`+title+`</dc:title><dc:creator>`+author+`</dc:creator></cp:coreProperties>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestParseDOCX(t *testing.T) {
	raw := makeDOCX(t, "Council minutes", "Marit Solheim",
		"The council met on Monday.", "It voted to publish the tender documents. The vote was unanimous.")
	docs, _, err := ParseFile("minutes", "minutes.docx", FormatDOCX, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkQuotes(t, d)
	if want := "The council met on Monday.\n\nIt voted to publish the tender documents. The vote was unanimous.\n"; string(d.Raw) != want {
		t.Errorf("stored text %q, want %q", d.Raw, want)
	}
	if d.Title != "Council minutes" || d.Author != "Marit Solheim" {
		t.Errorf("title %q author %q", d.Title, d.Author)
	}
	if _, _, err := ParseFile("x", "x.docx", FormatDOCX, []byte("PK not a zip"), Options{}); err == nil {
		t.Error("a broken .docx: want an error")
	}
}

func TestParseJSONLSkipsBadLines(t *testing.T) {
	raw := []byte(`{"id":"a","title":"First","outlet":"Courier","author":"Ada Lind","published":"2025-03-04","url":"https://x.example/a","text":"The harbour will not be dredged. The authority said so."}
{"id": "b", "text": broken
{"id":"c","text":""}

{"title":"No id","text":"---\ntitle: not front matter\n---\nA line that looks like YAML is text here."}
{"id":"a","text":"A second a."}
`)
	docs, skipped, err := ParseFile("bulk", "bulk.jsonl", FormatJSONL, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		checkQuotes(t, d)
		ids = append(ids, d.ID)
	}
	if got, want := strings.Join(ids, ","), "a,bulk-5"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	a := docs[0]
	if got := [5]string{a.Title, a.Outlet, a.Author, a.Published, a.URL}; got != [5]string{"First", "Courier", "Ada Lind", "2025-03-04", "https://x.example/a"} {
		t.Errorf("metadata %q", got)
	}
	if docs[1].BodyStart != 0 || !strings.HasPrefix(docs[1].Passages[0].Text, "---") {
		t.Errorf("JSONL text must not be read as front matter: body %d, first passage %q", docs[1].BodyStart, docs[1].Passages[0].Text)
	}
	want := map[string]string{"bulk.jsonl:2": "line 2 is not a JSON object", "bulk.jsonl:3": `line 3 has no "text"`, "bulk.jsonl:6": "same id"}
	if len(skipped) != len(want) {
		t.Errorf("skipped %v, want %d", skipped, len(want))
	}
	for _, s := range skipped {
		if !strings.Contains(s.Reason, want[s.Path]) || want[s.Path] == "" {
			t.Errorf("skip %s: %q, want containing %q", s.Path, s.Reason, want[s.Path])
		}
	}
}

func TestLoadReadsEveryFormat(t *testing.T) {
	html, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"a.md":         {Data: []byte("---\ntitle: A\n---\nMarkdown text here.\n")},
		"b.html":       {Data: html},
		"c.pdf":        {Data: makePDF("C", []string{"Text from a PDF."})},
		"d.docx":       {Data: makeDOCX(t, "D", "", "Text from Word.")},
		"e.jsonl":      {Data: []byte(`{"id":"e1","text":"Text from a bulk import."}` + "\n")},
		"notes.odt":    {Data: []byte("x")},
		"fake.pdf":     {Data: []byte("just text")},
		"raw/page.htm": {Data: []byte("<html>\x00\x01\x02 binary")},
		"utf16.html":   {Data: utf16LE("<html><body><article><p>A page saved as UTF-16 by an old editor, with enough words in it to be an article.</p></article></body></html>")},
	}
	c, skipped, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Docs() {
		checkQuotes(t, d)
		ids = append(ids, d.ID+":"+string(d.Format))
	}
	if got, want := strings.Join(ids, ","), "a:text,b:html,c:pdf,d:docx,e1:jsonl,utf16:html"; got != want {
		t.Errorf("docs = %s, want %s", got, want)
	}
	var paths []string
	for _, s := range skipped {
		paths = append(paths, s.Path)
	}
	if got, want := strings.Join(paths, ","), "fake.pdf,notes.odt,raw/page.htm"; got != want {
		t.Errorf("skipped %v, want %s", skipped, want)
	}
}

func TestLoadDirSkipsSymlinksLeavingTheFolder(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("A system file.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "in.md"), []byte("Inside text.\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "link.txt")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	os.Symlink("in.md", filepath.Join(dir, "alias.md"))
	os.Symlink(outside, filepath.Join(dir, "linkdir"))
	c, skipped, err := LoadDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Doc("link") != nil {
		t.Error("a symlink leaving the folder became a document")
	}
	if c.Doc("in") == nil || c.Doc("alias") == nil {
		t.Errorf("docs %d: want in and alias (a link inside the folder)", c.Len())
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[s.Path] = s.Reason
	}
	if !strings.Contains(reasons["link.txt"], "outside the folder") || !strings.Contains(reasons["linkdir"], "outside the folder") {
		t.Errorf("skips %v: want link.txt and linkdir named as leaving the folder", reasons)
	}
}

// A bulk import is bounded line by line, not as a file.
func TestJSONLLimitIsPerLine(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("Words here. ", 50) + `"}`
	var raw strings.Builder
	for i := range 20 {
		fmt.Fprintf(&raw, `{"id":"d%d","text":"A short report number %d."}`+"\n", i, i)
	}
	raw.WriteString(long + "\n")
	docs, skipped, err := ParseFile("bulk", "bulk.jsonl", FormatJSONL, []byte(raw.String()), Options{MaxFileBytes: 300})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 20 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "line 21 is") || !strings.Contains(skipped[0].Reason, "over the 300 bytes limit") {
		t.Errorf("docs %d, skipped %v", len(docs), skipped)
	}
	fsys := fstest.MapFS{"bulk.jsonl": {Data: []byte(raw.String())}}
	c, skipped, err := Load(fsys, Options{MaxFileBytes: 300})
	if err != nil || c.Len() != 20 || len(skipped) != 1 {
		t.Errorf("Load: %d docs, %v, %v", c.Len(), skipped, err)
	}
}

// A page in a legacy charset is decoded by its <meta> declaration; the
// stored text is UTF-8 and quotes index it.
func TestParseHTMLLegacyCharset(t *testing.T) {
	raw := []byte("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article>" +
		"<p>The caf\xe9 on the quay will close in May, its owner said on Monday. Regulars were not told before the announcement.</p>" +
		"<p>The harbour authority said it would look for a new tenant before the summer season begins.</p></article></body></html>")
	docs, _, err := ParseFile("cafe", "cafe.html", FormatHTML, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkQuotes(t, docs[0])
	if !strings.Contains(string(docs[0].Raw), "The café on the quay") {
		t.Errorf("stored text %q, want windows-1252 decoded", docs[0].Raw)
	}
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestParseHTMLRelativeCanonical(t *testing.T) {
	raw := []byte(`<html><head><title>T</title><link rel="canonical" href="/news/story"></head><body><article><p>The ferry will run on Sundays from June, the operator said on Friday after months of talks.</p><p>Its timetable will be published next week on the harbour website.</p></article></body></html>`)
	for source, want := range map[string]string{
		"https://www.example.com/amp/story?x=1": "https://www.example.com/news/story",
		"saved/story.html":                      "",
	} {
		docs, _, err := ParseFile("s", source, FormatHTML, raw, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if docs[0].URL != want && !(want == "" && docs[0].URL == "") {
			t.Errorf("source %s: URL %q, want %q", source, docs[0].URL, want)
		}
	}
}
