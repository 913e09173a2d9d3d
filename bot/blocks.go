package bot

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/present"
)

// Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit):
// messages over them are rejected whole, so every renderer stays inside.
const (
	maxBlocks      = 50
	maxTextChars   = 3000
	maxHeaderChars = 150
	maxButtonChars = 75
	maxValueChars  = 2000
	// maxPageChars bounds the text of one page. Slack documents no total, but
	// very large messages are truncated by clients; a page of a few accounts
	// stays far below this.
	maxPageChars = 12000
)

// maxAnswerBlocks is our own budget for one page of an answer, half of
// Slack's: about two phone screens. A reader in a channel takes in the first
// screen and scrolls past the rest, so an answer shows each account's one
// best quote (three blocks an account) and keeps its other quotes behind
// "Show N more"; six accounts and the summary fit (TestAnswerFitsBudget).
const maxAnswerBlocks = 25

// Action IDs: each button routes to one handler in interact.go.
const (
	actionShowPassage  = "show_passage"
	actionShowMore     = "show_more"
	actionShowQuotes   = "show_quotes"
	actionFeedbackUp   = "feedback_up"
	actionFeedbackDown = "feedback_down"
	actionShare        = "share_answer"
)

// page is one Slack message of an answer: blocks plus the plain-text
// fallback Slack shows in notifications and to screen readers.
type page struct {
	Text   string
	Blocks []slack.Block
}

// view says where an answer is shown; it changes the chrome around the
// accounts, never the accounts themselves.
type view struct {
	// AnswerID keys the answer in the recent store, for the buttons.
	AnswerID string
	// Sources is the number of documents searched, for the abstention line.
	Sources int
	// Ephemeral answers (/ask) carry the question and a "Share in channel"
	// button.
	Ephemeral bool
	// SharedBy is the user who shared an ephemeral answer to the channel.
	SharedBy string
}

var stanceMarks = map[answer.Stance]string{
	answer.Affirms:   ":large_green_circle: affirms",
	answer.Denies:    ":red_circle: denies",
	answer.Qualifies: ":large_yellow_circle: qualifies",
	answer.Context:   ":white_circle: context",
}

// othersLabel separates the accounts in conflict from the rest, so a reader
// knows where the dispute ends.
const othersLabel = "Also in the sources, not in conflict:"

// paginate splits the layout's order into page ranges [from, to) of
// l.Order that each fit a message with their chrome. It is deterministic,
// so "Show more" can recompute page k from the stored answer instead of
// storing blocks.
func paginate(a *answer.Answer, l present.Layout) [][2]int {
	if len(l.Order) == 0 {
		return [][2]int{{0, 0}}
	}
	var pages [][2]int
	from, blocks, chars := 0, headBlocks(a, 0), headChars(a, 0)
	for p, i := range l.Order {
		b, c := accountSize(a, l, p, i)
		// +1 for the trailing actions block.
		if p > from && (blocks+b+1 > maxAnswerBlocks || chars+c > maxPageChars) {
			pages = append(pages, [2]int{from, p})
			from, blocks, chars = p, headBlocks(a, len(pages)), headChars(a, len(pages))
		}
		blocks += b
		chars += c
	}
	return append(pages, [2]int{from, len(l.Order)})
}

// headBlocks is the number of blocks before the first account of page n.
func headBlocks(a *answer.Answer, n int) int {
	if n > 0 {
		return 1 // "continued" context
	}
	b := 2 // question context + summary; the question line may be absent, but reserving it keeps pagination view-independent
	if a.Note != "" {
		b++
	}
	return b
}

func headChars(a *answer.Answer, n int) int {
	if n > 0 {
		return 100
	}
	return utf8.RuneCountInString(a.Question) + utf8.RuneCountInString(a.Summary) + utf8.RuneCountInString(a.Note) + 200
}

// accountSize is what account i, shown at position p, adds to a page.
func accountSize(a *answer.Answer, l present.Layout, p, i int) (blocks, chars int) {
	acc := &a.Accounts[i]
	blocks = 1
	chars = utf8.RuneCountInString(acc.Holder) + utf8.RuneCountInString(acc.Position) + 300
	if len(acc.Quotes) > 0 {
		q := acc.Quotes[0]
		blocks += 2
		chars += utf8.RuneCountInString(q.Text) + utf8.RuneCountInString(l.Title(q)) + len(q.Source.URL) + 100
	}
	if showsOthersLabel(l, p) {
		blocks++
	}
	return blocks, chars
}

// showsOthersLabel is true at the first account not in conflict when
// accounts in conflict come before it.
func showsOthersLabel(l present.Layout, p int) bool {
	return p == l.Conflicting && p > 0 && p < len(l.Order)
}

// renderAnswer renders page n (0-based) of an answer: the summary, then
// each account as its holder, stance and position, its best quote, and that
// quote's source line with "Show passage" beside it.
func renderAnswer(a *answer.Answer, v view, n int) page {
	l := present.Of(a)
	pages := paginate(a, l)
	if n < 0 || n >= len(pages) {
		n = len(pages) - 1
	}
	from, to := pages[n][0], pages[n][1]
	var blocks []slack.Block
	if n == 0 {
		blocks = append(blocks, summaryBlocks(a, v)...)
	} else {
		blocks = append(blocks, contextBlock(fmt.Sprintf("Continued: accounts %d–%d of %d.", from+1, to, len(a.Accounts))))
	}
	for p := from; p < to; p++ {
		if showsOthersLabel(l, p) {
			blocks = append(blocks, contextBlock(othersLabel))
		}
		blocks = append(blocks, accountBlocks(a, l, l.Order[p], v.AnswerID)...)
	}
	if act := answerActions(v, n, len(pages)); act != nil {
		blocks = append(blocks, act)
	}
	return page{Text: fallbackText(a, l, v, from, to), Blocks: blocks}
}

func summaryBlocks(a *answer.Answer, v view) []slack.Block {
	var blocks []slack.Block
	switch {
	case v.SharedBy != "":
		// v.SharedBy is a Slack user id from the interaction payload, not
		// document text: it is the one mention we mean to render.
		blocks = append(blocks, contextBlock(fmt.Sprintf("<@%s> asked: %s", v.SharedBy, mrkdwn(truncate(a.Question, 2000)))))
	case v.Ephemeral:
		blocks = append(blocks, contextBlock(":mag: "+mrkdwn(truncate(a.Question, 2000))))
	}
	blocks = append(blocks, sectionBlock(summaryLine(a, v)))
	if a.Note != "" {
		blocks = append(blocks, contextBlock(":information_source: "+mrkdwn(truncate(a.Note, 2000))))
	}
	return blocks
}

// summaryLine is the one line that says what the sources disagree about, or
// why there is no answer.
func summaryLine(a *answer.Answer, v view) string {
	if a.Abstained || len(a.Accounts) == 0 {
		s := fmt.Sprintf("I found nothing in the %s that answers this.", plural(v.Sources, "source"))
		if a.Summary != "" {
			s = mrkdwn(truncate(a.Summary, 2500))
		}
		return s + "\nTry other words, or see what the corpus covers with the sources command."
	}
	if a.Summary == "" {
		return fmt.Sprintf("*%s* from the sources:", plural(len(a.Accounts), "account"))
	}
	return "*" + mrkdwn(truncate(a.Summary, 2900)) + "*"
}

// accountBlocks is one account in three blocks: the header (with "Show N
// more" beside it when the account has more quotes), the best quote, and its
// source line. Quotes are ordered best first by the engine.
func accountBlocks(a *answer.Answer, l present.Layout, i int, answerID string) []slack.Block {
	acc := &a.Accounts[i]
	header := sectionBlock(accountHeader(a, i))
	if more := len(acc.Quotes) - 1; more > 0 && answerID != "" {
		header.Accessory = slack.NewAccessory(slack.NewButtonBlockElement(actionShowQuotes,
			answerID+":"+strconv.Itoa(i), plainText(fmt.Sprintf("Show %d more", more))))
	}
	blocks := []slack.Block{header}
	if len(acc.Quotes) > 0 {
		blocks = append(blocks, quoteBlock(acc.Quotes[0].Text), sourceBlock(l, acc.Quotes[0]))
	}
	return blocks
}

// maxPositionChars keeps a malformed position (a whole paragraph) from
// taking over the screen; the engine promises about 120.
const maxPositionChars = 300

// accountHeader is "*Holder* · stance", what the holder contradicts, and
// the position on its own line.
func accountHeader(a *answer.Answer, i int) string {
	acc := &a.Accounts[i]
	mark, ok := stanceMarks[acc.Stance]
	if !ok {
		mark = mrkdwn(string(acc.Stance))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "*%s* · %s", mrkdwn(truncate(holderName(acc), 200)), mark)
	var against []string
	for _, j := range acc.ConflictsWith {
		if j >= 0 && j < len(a.Accounts) && j != i {
			against = append(against, mrkdwn(truncate(holderName(&a.Accounts[j]), 100)))
		}
	}
	if len(against) > 0 {
		b.WriteString(" · :zap: contradicts " + strings.Join(against, ", "))
	}
	if acc.Position != "" {
		b.WriteString("\n" + mrkdwn(truncate(acc.Position, maxPositionChars)))
		if acc.PositionBy == "model" {
			b.WriteString(" _(model's wording)_")
		}
	}
	return b.String()
}

func holderName(acc *answer.Account) string { return cmp.Or(acc.Holder, "Unattributed") }

// quoteBlock shows a quote as a rich-text block quote. Rich-text "text"
// elements are literal: Slack parses no mrkdwn, mentions or links in them,
// so the quote is shown exactly as it stands in the document.
func quoteBlock(text string) slack.Block {
	var elems []slack.RichTextSectionElement
	for _, c := range chunks(text, maxTextChars-100) {
		elems = append(elems, slack.NewRichTextSectionTextElement(c, nil))
	}
	return slack.NewRichTextBlock("", &slack.RichTextQuote{Type: slack.RTEQuote, Elements: elems})
}

// sourceBlock is a quote's source line with "Show passage" beside it: one
// block, where a button of its own would take a second.
func sourceBlock(l present.Layout, q answer.Quote) slack.Block {
	s := sectionBlock(attribution(l, q))
	s.Accessory = slack.NewAccessory(passageButton(q))
	return s
}

// attribution is "outlet · date · <url|title>": the title is the
// document's, or one derived from its text, never its id.
func attribution(l present.Layout, q answer.Quote) string {
	var parts []string
	if o := present.Outlet(q); o != "" {
		parts = append(parts, mrkdwn(truncate(o, 200)))
	}
	if q.Source.Published != "" {
		parts = append(parts, mrkdwn(truncate(q.Source.Published, 40)))
	}
	title := l.Title(q)
	if _, ok := linkURL(q.Source.URL); ok && len(q.Source.URL) <= 2000 {
		parts = append(parts, link(q.Source.URL, title))
	} else {
		parts = append(parts, "_"+mrkdwn(title)+"_")
	}
	return strings.Join(parts, " · ")
}

// passageButton carries start:end:docID, enough to find the passage again
// in the corpus without any server-side state.
func passageButton(q answer.Quote) *slack.ButtonBlockElement {
	value := strconv.Itoa(q.Start) + ":" + strconv.Itoa(q.End) + ":" + q.DocID
	if len(value) > maxValueChars {
		value = value[:maxValueChars] // an id this long is not findable; the handler says so
	}
	return slack.NewButtonBlockElement(actionShowPassage, value, plainText("Show passage"))
}

// renderMoreQuotes is the reply to "Show N more": account i's quotes after
// its best one, each with its source line and "Show passage".
func renderMoreQuotes(a *answer.Answer, i int) page {
	acc := &a.Accounts[i]
	l := present.Of(a)
	rest := acc.Quotes[min(1, len(acc.Quotes)):]
	noun := "quotes"
	if len(rest) == 1 {
		noun = "quote"
	}
	head := fmt.Sprintf("*%s* · %d more %s from this account", mrkdwn(truncate(holderName(acc), 200)), len(rest), noun)
	if acc.Position != "" {
		head += "\n" + mrkdwn(truncate(acc.Position, maxPositionChars))
	}
	blocks := []slack.Block{contextBlock(head)}
	chars := 0
	for k, q := range rest {
		chars += utf8.RuneCountInString(q.Text)
		if len(blocks)+3 > maxBlocks || (k > 0 && chars > maxPageChars) {
			blocks = append(blocks, contextBlock(fmt.Sprintf("…and %d more not shown (Slack's message size limit). `crosscheck ask --all` prints every quote.", len(rest)-k)))
			break
		}
		blocks = append(blocks, quoteBlock(q.Text), sourceBlock(l, q))
	}
	return page{Text: fmt.Sprintf("%d more %s from %s.", len(rest), noun, mrkdwn(truncate(holderName(acc), 200))), Blocks: blocks}
}

// answerActions is the row under a page: "Show more" when a page follows,
// feedback on the first page, "Share in channel" on ephemeral answers.
func answerActions(v view, n, pages int) slack.Block {
	var elems []slack.BlockElement
	if n+1 < pages {
		elems = append(elems, slack.NewButtonBlockElement(actionShowMore, v.AnswerID+":"+strconv.Itoa(n+1),
			plainText(fmt.Sprintf("Show more (%d of %d)", n+2, pages))).WithStyle(slack.StylePrimary))
	}
	if n == 0 && v.AnswerID != "" {
		elems = append(elems,
			slack.NewButtonBlockElement(actionFeedbackUp, v.AnswerID, plainText("👍 Helpful")),
			slack.NewButtonBlockElement(actionFeedbackDown, v.AnswerID, plainText("👎 Not helpful")))
		if v.Ephemeral {
			elems = append(elems, slack.NewButtonBlockElement(actionShare, v.AnswerID, plainText("Share in channel")))
		}
	}
	if len(elems) == 0 {
		return nil
	}
	return slack.NewActionBlock("", elems...)
}

// fallbackText is the message's top-level text: what notifications, search
// and screen readers get. Slack parses it as mrkdwn, so it is escaped too.
func fallbackText(a *answer.Answer, l present.Layout, v view, from, to int) string {
	var b strings.Builder
	if from == 0 {
		if a.Abstained || len(a.Accounts) == 0 {
			b.WriteString(fmt.Sprintf("No answer found in the %s.", plural(v.Sources, "source")))
		} else {
			b.WriteString(mrkdwn(truncate(cmp.Or(a.Summary, plural(len(a.Accounts), "account")), 500)))
		}
	} else {
		b.WriteString(fmt.Sprintf("Continued: accounts %d–%d of %d.", from+1, to, len(a.Accounts)))
	}
	for _, i := range l.Order[from:to] {
		acc := &a.Accounts[i]
		fmt.Fprintf(&b, "\n• %s (%s): %s", mrkdwn(truncate(holderName(acc), 100)),
			mrkdwn(string(acc.Stance)), mrkdwn(truncate(acc.Position, 200)))
	}
	return truncate(b.String(), maxTextChars)
}

func sectionBlock(mrkdwnText string) *slack.SectionBlock {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, truncate(mrkdwnText, maxTextChars), false, false), nil, nil)
}

func contextBlock(mrkdwnText string) *slack.ContextBlock {
	return slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, truncate(mrkdwnText, maxTextChars), false, false))
}

// plainText is a plain_text object for labels we write ourselves; emoji
// shortcodes off, so document text placed here could not turn into emoji.
func plainText(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, truncate(s, maxButtonChars), false, false)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
