package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// parseHTML keeps a page's main text (readability drops navigation, ads,
// comments and footers) and reads title, author, date, outlet and canonical
// URL from the page's metadata. source, when it is a URL, resolves
// relative links and is the URL of last resort.
func parseHTML(id, source string, raw []byte) (d *Document, err error) {
	if raw, err = toUTF8(raw); err != nil {
		return nil, err
	}
	if err := checkContent(raw); err != nil {
		return nil, err
	}
	// A parser bug on a hostile page must cost that page, not the ingest.
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("cannot extract the page's text: %v", r)
		}
	}()
	page, _ := url.Parse(source)
	if page != nil && page.Scheme != "http" && page.Scheme != "https" {
		page = nil
	}
	// Parsed here, from UTF-8, so that readability does not decode a
	// declared legacy charset a second time; metadata is read before
	// readability rewrites the tree.
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("cannot parse the page: %s", oneLine(err.Error()))
	}
	meta := pageMeta(doc, page)
	art, err := readability.FromDocument(doc, page)
	if err != nil {
		return nil, fmt.Errorf("cannot extract the page's text: %s", oneLine(err.Error()))
	}
	if art.Node == nil {
		return nil, errors.New("page has no main text")
	}
	text := tidyText(strings.Split(render.InnerText(art.Node), "\n\n"))
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("page has no main text")
	}
	m := Document{
		Title:  oneLine(art.Title()),
		Author: strings.TrimSpace(strings.TrimPrefix(oneLine(art.Byline()), "By ")),
		Outlet: oneLine(art.SiteName()),
		URL:    meta.canonical,
	}
	if m.Author == "" {
		m.Author = meta.author
	}
	if t, err := art.PublishedTime(); err == nil {
		m.Published = t.Format("2006-01-02")
	} else {
		m.Published = normaliseDate(meta.published)
	}
	if m.URL == "" && page != nil {
		m.URL = page.String()
	}
	return converted(id, m, text)
}

// toUTF8 decodes a page that is not UTF-8 by its byte-order mark or the
// charset its <meta> tag declares, else as windows-1252 (what browsers
// assume). Quotes index the
// stored text, which is UTF-8 either way.
func toUTF8(raw []byte) ([]byte, error) {
	utf16 := bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF})
	if !utf16 && (utf8.Valid(raw) || bytes.IndexByte(raw, 0) >= 0) {
		return raw, nil // binary pages are refused by checkContent
	}
	enc, name, _ := charset.DetermineEncoding(raw, "")
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, fmt.Errorf("page is neither UTF-8 nor valid %s: %s", name, oneLine(err.Error()))
	}
	return out, nil
}

// headMeta is what readability does not return: the canonical URL, and
// author and date from <meta> tags as a fallback.
type headMeta struct{ canonical, author, published string }

func pageMeta(doc *html.Node, page *url.URL) headMeta {
	var m headMeta
	var ogURL string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "meta":
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					ogURL = val
				case "author", "article:author":
					if m.author == "" {
						m.author = oneLine(val)
					}
				case "article:published_time", "datepublished", "date", "dc.date":
					if m.published == "" {
						m.published = val
					}
				}
			case "body":
				return // metadata lives in the head
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.canonical == "" {
		m.canonical = ogURL
	}
	// A relative canonical link is resolved against the page's URL when
	// it was fetched; a saved file has nothing to resolve it against.
	switch u, err := url.Parse(m.canonical); {
	case err != nil:
		m.canonical = ""
	case !u.IsAbs() && page != nil:
		m.canonical = page.ResolveReference(u).String()
	case !u.IsAbs():
		m.canonical = ""
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
