package bot

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
)

// renderThreadSources answers "source?" / "who said that?": for each
// account of the thread's last answer, who holds it and the documents its
// quotes come from, with outlet, date and link.
func renderThreadSources(tc *threadContext) page {
	a := tc.Answer
	head := fmt.Sprintf("*Sources of my last answer here* (to “%s”):", mrkdwn(truncate(tc.Question, 300)))
	if a.Abstained || len(a.Accounts) == 0 {
		return textPage(fmt.Sprintf("My last answer here (to “%s”) found nothing in the documents, so it has no sources to show.", mrkdwn(truncate(tc.Question, 300))))
	}
	blocks := []slack.Block{sectionBlock(head)}
	var text strings.Builder
	text.WriteString("Sources of my last answer here:")
	for i := range a.Accounts {
		acc := &a.Accounts[i]
		if len(blocks) >= maxBlocks-1 {
			blocks = append(blocks, contextBlock(fmt.Sprintf("…and %d more accounts.", len(a.Accounts)-i)))
			break
		}
		var b strings.Builder
		fmt.Fprintf(&b, "*%s* · %s", mrkdwn(truncate(cmp.Or(acc.Holder, "Unattributed"), 200)), mrkdwn(string(acc.Stance)))
		seen := map[string]bool{}
		for _, q := range acc.Quotes {
			if seen[q.DocID] {
				continue
			}
			seen[q.DocID] = true
			line := "\n• " + sourceLine(q)
			if utf8.RuneCountInString(b.String())+utf8.RuneCountInString(line) > maxTextChars-100 {
				b.WriteString("\n• …")
				break
			}
			b.WriteString(line)
		}
		blocks = append(blocks, sectionBlock(b.String()))
		fmt.Fprintf(&text, "\n• %s: %s", mrkdwn(truncate(cmp.Or(acc.Holder, "Unattributed"), 100)), plural(len(seen), "document"))
	}
	return page{Text: truncate(text.String(), maxTextChars), Blocks: blocks}
}

// sourceLine is a quote's source in one line, "<url|title> · outlet · date
// · said by speaker", for follow-ups, checks and /disputes. It is ours
// rather than the answer rendering's attribution so those views do not move
// when answers are reshaped.
func sourceLine(q answer.Quote) string {
	title := truncate(cmp.Or(q.Source.Title, q.DocID), 200)
	parts := []string{link(q.Source.URL, title)}
	if q.Source.Outlet != "" {
		parts = append(parts, mrkdwn(truncate(q.Source.Outlet, 100)))
	}
	if q.Source.Published != "" {
		parts = append(parts, mrkdwn(truncate(q.Source.Published, 40)))
	}
	if _, ok := linkURL(q.Source.URL); !ok {
		parts = append(parts, "id "+mrkdwn(truncate(q.DocID, 200)))
	}
	if q.Speaker != "" {
		parts = append(parts, "said by "+mrkdwn(truncate(q.Speaker, 100)))
	}
	return strings.Join(parts, " · ")
}

// narrowed is the last answer cut down to account i, for "and what did X
// say?": the same rendering as any answer, with a note on where it came
// from and whom it contradicts (the conflict indexes no longer apply).
func narrowed(tc *threadContext, i int) *answer.Answer {
	acc := tc.Answer.Accounts[i]
	var against []string
	for _, j := range acc.ConflictsWith {
		if j >= 0 && j < len(tc.Answer.Accounts) && j != i {
			against = append(against, cmp.Or(tc.Answer.Accounts[j].Holder, "Unattributed"))
		}
	}
	acc.ConflictsWith = nil
	note := fmt.Sprintf("From my answer to “%s” in this thread.", truncate(tc.Question, 300))
	if len(against) > 0 {
		note += " Contradicted by " + strings.Join(against, ", ") + "."
	}
	return &answer.Answer{
		Question: tc.Question,
		Mode:     tc.Answer.Mode,
		Summary:  fmt.Sprintf("%s's account", cmp.Or(acc.Holder, "The unattributed")),
		Note:     note,
		Accounts: []answer.Account{acc},
		Disputes: tc.Answer.Disputes,
	}
}

// renderExpanded answers "more on the X part": account i of the last
// answer with the whole passage around each quote, the quote in bold, all
// as literal rich text.
func renderExpanded(tc *threadContext, i int, lib Library) page {
	acc := &tc.Answer.Accounts[i]
	holder := cmp.Or(acc.Holder, "Unattributed")
	head := fmt.Sprintf("*More on %s's account* (from my answer to “%s”):", mrkdwn(truncate(holder, 200)), mrkdwn(truncate(tc.Question, 300)))
	if acc.Position != "" {
		head += "\n" + mrkdwn(truncate(acc.Position, 1500))
	}
	var against []string
	for _, j := range acc.ConflictsWith {
		if j >= 0 && j < len(tc.Answer.Accounts) && j != i {
			against = append(against, mrkdwn(truncate(cmp.Or(tc.Answer.Accounts[j].Holder, "Unattributed"), 100)))
		}
	}
	if len(against) > 0 {
		head += "\n:zap: *Contradicted by* " + strings.Join(against, ", ")
	}
	blocks := []slack.Block{sectionBlock(head)}
	chars := 0
	for k, q := range acc.Quotes {
		ctx := passageAround(lib, q)
		if len(blocks)+3 > maxBlocks || chars+utf8.RuneCountInString(ctx.text) > maxPageChars {
			blocks = append(blocks, contextBlock(fmt.Sprintf("…and %s more (ask for the sources to see them all).", plural(len(acc.Quotes)-k, "quote"))))
			break
		}
		chars += utf8.RuneCountInString(ctx.text)
		blocks = append(blocks, ctx.block(), contextBlock(sourceLine(q)))
	}
	return page{
		Text:   fmt.Sprintf("More on %s's account: %s", mrkdwn(truncate(holder, 100)), plural(len(acc.Quotes), "quote")),
		Blocks: blocks,
	}
}

// around is a quote inside its passage.
type around struct {
	before, quote, after string
	text                 string
}

// passageAround finds the passage holding q in its document; if the
// document is gone or changed, the quote alone.
func passageAround(lib Library, q answer.Quote) around {
	d := lib.Doc(q.DocID)
	if d == nil || q.Start < 0 || q.End > len(d.Raw) || string(d.Raw[q.Start:q.End]) != q.Text {
		return around{quote: q.Text, text: q.Text}
	}
	from, to := q.Start, q.End
	if p := d.PassageAt(q.Start); p >= 0 {
		from, to = min(from, d.Passages[p].Start), max(to, d.Passages[p].End)
	}
	a := around{before: tail(string(d.Raw[from:q.Start]), 1200), quote: q.Text, after: head(string(d.Raw[q.End:to]), 1200)}
	a.text = a.before + a.quote + a.after
	return a
}

// block is the passage as literal rich text with the quote in bold:
// nothing in it is parsed, so it can neither ping nor link.
func (a around) block() slack.Block {
	var elems []slack.RichTextSectionElement
	if a.before != "" {
		elems = append(elems, slack.NewRichTextSectionTextElement(a.before, nil))
	}
	for _, c := range chunks(a.quote, maxTextChars-100) {
		elems = append(elems, slack.NewRichTextSectionTextElement(c, &slack.RichTextSectionTextStyle{Bold: true}))
	}
	if a.after != "" {
		elems = append(elems, slack.NewRichTextSectionTextElement(a.after, nil))
	}
	return slack.NewRichTextBlock("", &slack.RichTextQuote{Type: slack.RTEQuote, Elements: elems})
}
