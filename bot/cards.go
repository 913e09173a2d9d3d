package bot

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/corpus"
)

// maxListed caps /sources; past it the user is asked to narrow the filter.
const maxListed = 100

// renderSources lists documents for /sources: title (linked), outlet, date
// and id, packed into as few sections as the 3000-character limit allows.
func renderSources(docs []*corpus.Document, words string, total int) page {
	head := fmt.Sprintf("*%s* in the corpus", plural(len(docs), "document"))
	if words != "" {
		head = fmt.Sprintf("*%s of %d* match “%s”", plural(len(docs), "document"), total, mrkdwn(truncate(words, 200)))
	}
	if len(docs) == 0 {
		return page{
			Text:   "No document matches.",
			Blocks: []slack.Block{sectionBlock(head + "\nTry fewer words, or list everything with the sources command and no words.")},
		}
	}
	blocks := []slack.Block{sectionBlock(head)}
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			blocks = append(blocks, sectionBlock(cur.String()))
			cur.Reset()
		}
	}
	for i, d := range docs {
		if i == maxListed || len(blocks) >= maxBlocks-2 {
			flush()
			blocks = append(blocks, contextBlock(fmt.Sprintf("…and %d more. Add words to narrow the list.", len(docs)-i)))
			break
		}
		line := docLine(d)
		if utf8.RuneCountInString(cur.String())+utf8.RuneCountInString(line)+1 > maxTextChars {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(line)
	}
	flush()
	return page{Text: fmt.Sprintf("%s in the corpus.", plural(len(docs), "document")), Blocks: blocks}
}

// docLine is "• <url|title> — outlet · date · id".
func docLine(d *corpus.Document) string {
	title := truncate(cmp.Or(d.Title, d.ID), 200)
	parts := []string{link(d.URL, title)}
	if d.Outlet != "" {
		parts = append(parts, mrkdwn(truncate(d.Outlet, 100)))
	}
	if d.Published != "" {
		parts = append(parts, mrkdwn(d.Published))
	}
	parts = append(parts, "id: "+mrkdwn(truncate(d.ID, 300)))
	return "• " + strings.Join(parts, " · ")
}

// renderSource is /source's document card: metadata, then as many passages as
// fit, each as literal rich text so it reads exactly as in the document.
func renderSource(d *corpus.Document) page {
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, truncate(cmp.Or(d.Title, d.ID), maxHeaderChars), false, false)),
		slack.NewSectionBlock(nil, docFields(d), nil),
	}
	chars := 0
	for i, p := range d.Passages {
		if len(blocks)+3 > maxBlocks || chars+utf8.RuneCountInString(p.Text) > maxPageChars {
			blocks = append(blocks, contextBlock(fmt.Sprintf("…and %d more passages not shown (Slack's message size limit). The full text is at the link above.", len(d.Passages)-i)))
			break
		}
		chars += utf8.RuneCountInString(p.Text)
		blocks = append(blocks,
			contextBlock(fmt.Sprintf("Passage %d of %d · bytes %d–%d", i+1, len(d.Passages), p.Start, p.End)),
			literalBlock(p.Text))
	}
	if len(d.Passages) == 0 {
		blocks = append(blocks, contextBlock("This document has no passages."))
	}
	return page{Text: "Source: " + mrkdwn(truncate(cmp.Or(d.Title, d.ID), 500)), Blocks: blocks}
}

// docFields are the card's metadata fields; "unknown" rather than invented
// values where the document does not say.
func docFields(d *corpus.Document) []*slack.TextBlockObject {
	field := func(name, value string) *slack.TextBlockObject {
		if value == "" {
			value = "_unknown_"
		}
		return slack.NewTextBlockObject(slack.MarkdownType, truncate("*"+name+"*\n"+value, 2000), false, false)
	}
	link := "_none_"
	if u, ok := linkURL(d.URL); ok && len(d.URL) <= 1900 {
		link = "<" + u + ">"
	}
	return []*slack.TextBlockObject{
		field("Outlet", mrkdwn(truncate(d.Outlet, 200))),
		field("Author", mrkdwn(truncate(d.Author, 200))),
		field("Published", mrkdwn(truncate(d.Published, 40))),
		field("ID", mrkdwn(truncate(d.ID, 300))),
		field("Link", link),
	}
}

// renderSourceChoices answers /source words that match several documents.
func renderSourceChoices(docs []*corpus.Document, words string) page {
	p := renderSources(docs, words, len(docs))
	p.Blocks = append([]slack.Block{sectionBlock("Several documents match; run the source command again with one of these ids.")}, p.Blocks...)
	if len(p.Blocks) > maxBlocks {
		p.Blocks = p.Blocks[:maxBlocks]
	}
	return p
}

// renderPassage is the "Show passage" view: the quoted span in bold with the
// sentence before and after it, all taken straight from the raw bytes, and
// the document's link.
func renderPassage(d *corpus.Document, start, end int) page {
	from, to := start, end
	if i := d.SentenceAt(start); i > 0 {
		from = d.Sentences[i-1].Start
	} else if i == 0 {
		from = min(from, d.Sentences[0].Start)
	}
	if j := d.SentenceAt(end - 1); j >= 0 && j+1 < len(d.Sentences) {
		to = d.Sentences[j+1].End
	} else if j >= 0 {
		to = max(to, d.Sentences[j].End)
	}
	from, to = max(from, d.BodyStart, 0), min(to, len(d.Raw))
	from, to = min(from, start), max(to, end)
	before := tail(string(d.Raw[from:start]), 1200)
	after := head(string(d.Raw[end:to]), 1200)
	elems := []slack.RichTextSectionElement{}
	if before != "" {
		elems = append(elems, slack.NewRichTextSectionTextElement(before, nil))
	}
	for _, c := range chunks(string(d.Raw[start:end]), maxTextChars-100) {
		elems = append(elems, slack.NewRichTextSectionTextElement(c, &slack.RichTextSectionTextStyle{Bold: true}))
	}
	if after != "" {
		elems = append(elems, slack.NewRichTextSectionTextElement(after, nil))
	}
	title := cmp.Or(d.Title, d.ID)
	meta := []string{}
	if d.Outlet != "" {
		meta = append(meta, mrkdwn(truncate(d.Outlet, 200)))
	}
	if d.Published != "" {
		meta = append(meta, mrkdwn(d.Published))
	}
	meta = append(meta, link(d.URL, truncate(title, 300)), "id "+mrkdwn(truncate(d.ID, 300)))
	blocks := []slack.Block{
		contextBlock(strings.Join(meta, " · ")),
		slack.NewRichTextBlock("", slack.NewRichTextSection(elems...)),
		contextBlock(fmt.Sprintf("The quote is in bold (bytes %d–%d of the document), with the sentence before and after.", start, end)),
	}
	return page{Text: "Passage from " + mrkdwn(truncate(title, 500)), Blocks: blocks}
}

// literalBlock shows document text as rich-text literals (never parsed).
func literalBlock(text string) slack.Block {
	var elems []slack.RichTextSectionElement
	for _, c := range chunks(text, maxTextChars-100) {
		elems = append(elems, slack.NewRichTextSectionTextElement(c, nil))
	}
	return slack.NewRichTextBlock("", slack.NewRichTextSection(elems...))
}

// textPage is a one-section message we write ourselves (help, errors).
func textPage(mrkdwnText string) page {
	return page{Text: truncate(mrkdwnText, maxTextChars), Blocks: []slack.Block{sectionBlock(mrkdwnText)}}
}

// head returns at most n runes from the start of s, tail from the end; both
// cut at rune boundaries so the pieces stay valid UTF-8.
func head(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func tail(s string, n int) string {
	c := utf8.RuneCountInString(s)
	if c <= n {
		return s
	}
	skip := c - n
	i := 0
	for k := range s {
		if i == skip {
			return s[k:]
		}
		i++
	}
	return ""
}
