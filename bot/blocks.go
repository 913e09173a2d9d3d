package bot

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
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
	// maxQuotesShown caps the quotes rendered for one account so a single
	// account always fits on a page; the rest are counted in a note.
	maxQuotesShown = 6
)

// Action IDs: each button routes to one handler in interact.go.
const (
	actionShowPassage  = "show_passage"
	actionShowMore     = "show_more"
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

// paginate splits the accounts into page ranges [from, to) that each fit a
// message with their chrome. It is deterministic, so "Show more" can
// recompute page k from the stored answer instead of storing blocks.
func paginate(a *answer.Answer) [][2]int {
	if len(a.Accounts) == 0 {
		return [][2]int{{0, 0}}
	}
	var pages [][2]int
	from, blocks, chars := 0, headBlocks(a, 0), headChars(a, 0)
	for i := range a.Accounts {
		b, c := accountSize(&a.Accounts[i])
		// +1 for the trailing actions block.
		if i > from && (blocks+b+1 > maxBlocks || chars+c > maxPageChars) {
			pages = append(pages, [2]int{from, i})
			from, blocks, chars = i, headBlocks(a, len(pages)), headChars(a, len(pages))
		}
		blocks += b
		chars += c
	}
	return append(pages, [2]int{from, len(a.Accounts)})
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

func accountSize(acc *answer.Account) (blocks, chars int) {
	quotes := min(len(acc.Quotes), maxQuotesShown)
	blocks = 2 + 3*quotes // divider + header, then quote, attribution, button per quote
	if len(acc.Quotes) > quotes {
		blocks++
	}
	chars = utf8.RuneCountInString(acc.Holder) + utf8.RuneCountInString(acc.Position) + 200
	for _, q := range acc.Quotes[:quotes] {
		chars += utf8.RuneCountInString(q.Text) + utf8.RuneCountInString(q.Source.Title) + len(q.Source.URL) + 100
	}
	return blocks, chars
}

// renderAnswer renders page n (0-based) of an answer.
func renderAnswer(a *answer.Answer, v view, n int) page {
	pages := paginate(a)
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
	for i := from; i < to; i++ {
		blocks = append(blocks, accountBlocks(a, i)...)
	}
	if act := answerActions(v, n, len(pages)); act != nil {
		blocks = append(blocks, act)
	}
	return page{Text: fallbackText(a, v, from, to), Blocks: blocks}
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

func accountBlocks(a *answer.Answer, i int) []slack.Block {
	acc := &a.Accounts[i]
	blocks := []slack.Block{slack.NewDividerBlock(), sectionBlock(accountHeader(a, i))}
	shown := acc.Quotes[:min(len(acc.Quotes), maxQuotesShown)]
	for _, q := range shown {
		blocks = append(blocks, quoteBlock(q.Text), contextBlock(attribution(q)), passageButton(q))
	}
	if more := len(acc.Quotes) - len(shown); more > 0 {
		blocks = append(blocks, contextBlock(fmt.Sprintf("…and %s more from this account (not shown).", plural(more, "quote"))))
	}
	return blocks
}

// accountHeader is "● *Holder* · stance", the position, and the conflict
// marker naming the accounts this one contradicts.
func accountHeader(a *answer.Answer, i int) string {
	acc := &a.Accounts[i]
	holder := acc.Holder
	if holder == "" {
		holder = "Unattributed"
	}
	mark, ok := stanceMarks[acc.Stance]
	if !ok {
		mark = mrkdwn(string(acc.Stance))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "*%s* · %s", mrkdwn(truncate(holder, 200)), mark)
	if acc.Position != "" {
		b.WriteString("\n" + mrkdwn(truncate(acc.Position, 2000)))
	}
	var against []string
	for _, j := range acc.ConflictsWith {
		if j >= 0 && j < len(a.Accounts) && j != i {
			against = append(against, fmt.Sprintf("%s (account %d)", mrkdwn(truncate(cmp.Or(a.Accounts[j].Holder, "Unattributed"), 100)), j+1))
		}
	}
	if len(against) > 0 {
		b.WriteString("\n:zap: *Contradicts* " + strings.Join(against, ", "))
	}
	return b.String()
}

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

// attribution is "outlet · date · <url|title>", falling back to the
// document id where there is no usable URL.
func attribution(q answer.Quote) string {
	var parts []string
	if q.Source.Outlet != "" {
		parts = append(parts, mrkdwn(truncate(q.Source.Outlet, 200)))
	}
	if q.Source.Published != "" {
		parts = append(parts, mrkdwn(truncate(q.Source.Published, 40)))
	}
	title := cmp.Or(q.Source.Title, q.DocID)
	if _, ok := linkURL(q.Source.URL); ok && len(q.Source.URL) <= 2000 {
		parts = append(parts, link(q.Source.URL, truncate(title, 300)))
	} else {
		parts = append(parts, mrkdwn(truncate(title, 300)), "id "+mrkdwn(truncate(q.DocID, 300)))
	}
	if q.Speaker != "" {
		parts = append(parts, "speaker: "+mrkdwn(truncate(q.Speaker, 200)))
	}
	return strings.Join(parts, " · ")
}

// passageButton carries start:end:docID, enough to find the passage again
// in the corpus without any server-side state.
func passageButton(q answer.Quote) slack.Block {
	value := strconv.Itoa(q.Start) + ":" + strconv.Itoa(q.End) + ":" + q.DocID
	if len(value) > maxValueChars {
		value = value[:maxValueChars] // an id this long is not findable; the handler says so
	}
	b := slack.NewButtonBlockElement(actionShowPassage, value, plainText("Show passage"))
	return slack.NewActionBlock("", b)
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
func fallbackText(a *answer.Answer, v view, from, to int) string {
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
	for i := from; i < to; i++ {
		acc := &a.Accounts[i]
		docs := map[string]bool{}
		for _, q := range acc.Quotes {
			docs[q.DocID] = true
		}
		fmt.Fprintf(&b, "\n• %s (%s): %s [%s]", mrkdwn(truncate(cmp.Or(acc.Holder, "Unattributed"), 100)),
			mrkdwn(string(acc.Stance)), mrkdwn(truncate(acc.Position, 200)), plural(len(docs), "source"))
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
