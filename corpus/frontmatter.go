package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// frontMatter holds the metadata fields we read; every other key is ignored
// so that files written for Hugo, Jekyll or Obsidian load unchanged.
type frontMatter struct {
	Title, Outlet, Author, Published, URL string
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// bodyOffset returns where the text starts after an optional UTF-8 BOM.
func bodyOffset(raw []byte) int {
	if bytes.HasPrefix(raw, utf8BOM) {
		return len(utf8BOM)
	}
	return 0
}

// parseFrontMatter reads an optional YAML block between "---" lines at the
// very top of raw (after start, which skips a BOM). It returns the metadata
// and the offset of the first body byte. A file that opens a block but never
// closes it is an error rather than a body: silently treating the YAML as
// prose would put "title: …" lines into answers.
func parseFrontMatter(raw []byte, start int) (frontMatter, int, error) {
	var fm frontMatter
	line, next := lineAt(raw, start)
	if !isFenceLine(line, "---") {
		return fm, start, nil
	}
	yamlStart := next
	for pos := next; pos < len(raw); {
		line, next := lineAt(raw, pos)
		if isFenceLine(line, "---") || isFenceLine(line, "...") {
			err := decodeFrontMatter(raw[yamlStart:pos], &fm)
			return fm, next, err
		}
		pos = next
	}
	return fm, start, errors.New("front matter has no closing --- line; add one or remove the opening ---")
}

// lineAt returns the line starting at pos without its line ending, and the
// offset of the next line.
func lineAt(raw []byte, pos int) (line []byte, next int) {
	i := bytes.IndexByte(raw[pos:], '\n')
	if i < 0 {
		return bytes.TrimSuffix(raw[pos:], []byte("\r")), len(raw)
	}
	return bytes.TrimSuffix(raw[pos:pos+i], []byte("\r")), pos + i + 1
}

func isFenceLine(line []byte, fence string) bool {
	return string(bytes.TrimRight(line, " \t")) == fence
}

// yamlLine finds yaml.v3's "line N" so it can be shifted to a file line.
var yamlLine = regexp.MustCompile(`line (\d+)`)

func decodeFrontMatter(src []byte, fm *frontMatter) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		// yaml counts from the first line inside the block; people read file
		// lines, and the block starts on line 2.
		msg = yamlLine.ReplaceAllStringFunc(msg, func(s string) string {
			n, _ := strconv.Atoi(s[len("line "):])
			return "line " + strconv.Itoa(n+1)
		})
		msg = strings.Join(strings.Fields(msg), " ")
		return fmt.Errorf("front matter is not valid YAML: %s; fix it or remove the --- block", msg)
	}
	if len(doc.Content) == 0 {
		return nil // empty block
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return errors.New("front matter is not a YAML mapping of key: value lines; fix it or remove the --- block")
	}
	// An alias fills a field only when the field's own key is absent, so
	// "outlet" wins over "source" whichever comes first.
	alias := map[string]string{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := nodeText(m.Content[i+1])
		key := strings.ToLower(strings.TrimSpace(m.Content[i].Value))
		if field, ok := fieldAliases[key]; ok {
			if field == "outlet" && strings.Contains(v, "://") {
				continue // "source: https://…" is where it came from, not who
			}
			if _, seen := alias[field]; !seen {
				alias[field] = v
			}
			continue
		}
		fm.set(key, v)
	}
	for field, v := range alias {
		if fm.get(field) == "" {
			fm.set(field, v)
		}
	}
	return nil
}

// fieldAliases are the other names static-site generators and feed
// exporters give our fields: Hugo and Jekyll write "date", many exports
// "source" or "publisher" for the outlet.
var fieldAliases = map[string]string{
	"source": "outlet", "publisher": "outlet", "publication": "outlet", "site_name": "outlet", "site": "outlet",
	"date": "published", "pubdate": "published", "published_at": "published", "publish_date": "published",
	"authors": "author", "byline": "author", "link": "url", "source_url": "url",
}

func (fm *frontMatter) set(key, v string) {
	switch key {
	case "title":
		fm.Title = oneLine(v)
	case "outlet":
		fm.Outlet = oneLine(v)
	case "author":
		fm.Author = oneLine(v)
	case "published":
		fm.Published = normaliseDate(v)
	case "url":
		fm.URL = strings.TrimSpace(v)
	}
}

func (fm *frontMatter) get(key string) string {
	switch key {
	case "outlet":
		return fm.Outlet
	case "author":
		return fm.Author
	case "published":
		return fm.Published
	case "url":
		return fm.URL
	}
	return ""
}

// nodeText is a scalar's text, or a list of scalars joined with ", " (an
// author list is common in static-site front matter). Anything else is
// ignored rather than guessed at.
func nodeText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return ""
		}
		return n.Value
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && c.Tag != "!!null" && strings.TrimSpace(c.Value) != "" {
				parts = append(parts, strings.TrimSpace(c.Value))
			}
		}
		return strings.Join(parts, ", ")
	case yaml.AliasNode:
		if n.Alias != nil {
			return nodeText(n.Alias)
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// dateLayouts are the shapes of "published" we accept besides an ISO date
// prefix. Anything else is dropped: Published is YYYY-MM-DD or empty.
var dateLayouts = []string{
	"2006/01/02", "January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	time.RFC1123Z, time.RFC1123,
}

// normaliseDate turns "2025-05-14", a YAML timestamp such as
// "2025-05-14T10:00:00Z" or "2025-05-14 10:00:00", or a few written forms into
// YYYY-MM-DD, and anything it cannot read into "".
func normaliseDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil && (len(s) == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ') {
			return t.Format("2006-01-02")
		}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
