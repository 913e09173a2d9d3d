package bot

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
)

// maxCheckAccounts caps the accounts shown per claim; the whole answer is
// one question away.
const maxCheckAccounts = 4

// relationMarks say how an account stands to a claim: the engine's stance
// toward the claim read as a question.
var relationMarks = map[answer.Stance]string{
	answer.Affirms:   ":large_green_circle: supports",
	answer.Denies:    ":red_circle: contradicts",
	answer.Qualifies: ":large_yellow_circle: qualifies",
	answer.Context:   ":white_circle: context",
}

// renderCheck renders a "Crosscheck this message" result: for each claim a
// verdict line, then the accounts that support, contradict or qualify it,
// each with its holder, position and one quote, grouped as the engine
// grouped them. Private (sharedBy "") it carries "Share in thread"; shared,
// it names who shared it.
func renderCheck(mc *messageCheck, sources int, sharedBy string) page {
	var blocks []slack.Block
	if sharedBy != "" {
		// A Slack user id from the click payload, not document text.
		blocks = append(blocks, contextBlock(fmt.Sprintf("<@%s> crosschecked this message against %s.", sharedBy, plural(sources, "document"))))
	} else {
		blocks = append(blocks, contextBlock(fmt.Sprintf(":mag: %s checked against %s. Only you can see this.", plural(len(mc.Claims), "claim"), plural(sources, "document"))))
	}
	// Room per claim: two blocks of its own, three per account shown,
	// within Slack's 50 with the header, the note and the actions.
	perClaim := (maxBlocks - 3 - 2*len(mc.Claims)) / (3 * max(len(mc.Claims), 1))
	perClaim = max(1, min(perClaim, maxCheckAccounts))
	var text strings.Builder
	for i, cc := range mc.Claims {
		blocks = append(blocks, slack.NewDividerBlock(), sectionBlock(fmt.Sprintf("*Claim %d:* “%s”\n%s", i+1, mrkdwn(truncate(cc.Claim, 1000)), verdict(cc))))
		fmt.Fprintf(&text, "Claim %d: %s — %s\n", i+1, mrkdwn(truncate(cc.Claim, 200)), verdictWord(cc))
		if cc.Answer == nil || cc.Answer.Abstained {
			continue
		}
		accs := cc.Answer.Accounts
		for k := range accs[:min(len(accs), perClaim)] {
			blocks = append(blocks, checkAccountBlocks(cc.Answer, k)...)
		}
		if len(accs) > perClaim {
			blocks = append(blocks, contextBlock(fmt.Sprintf("…and %s more. Ask the claim as a question for all of them.", plural(len(accs)-perClaim, "account"))))
		}
	}
	if mc.More > 0 {
		blocks = append(blocks, contextBlock(fmt.Sprintf("I checked the first %d claims; %s more were not checked.", len(mc.Claims), plural(mc.More, "statement"))))
	}
	if sharedBy == "" {
		blocks = append(blocks, slack.NewActionBlock("", slack.NewButtonBlockElement(actionShareCheck, mc.ID, plainText("Share in thread"))))
	}
	return page{Text: truncate(strings.TrimSpace(text.String()), maxTextChars), Blocks: blocks}
}

func checkAccountBlocks(a *answer.Answer, i int) []slack.Block {
	acc := &a.Accounts[i]
	mark, ok := relationMarks[acc.Stance]
	if !ok {
		mark = mrkdwn(string(acc.Stance))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "*%s* · %s", mrkdwn(truncate(cmp.Or(acc.Holder, "Unattributed"), 200)), mark)
	if acc.Position != "" {
		b.WriteString("\n" + mrkdwn(truncate(acc.Position, 1000)))
	}
	var against []string
	for _, j := range acc.ConflictsWith {
		if j >= 0 && j < len(a.Accounts) && j != i {
			against = append(against, mrkdwn(truncate(cmp.Or(a.Accounts[j].Holder, "Unattributed"), 100)))
		}
	}
	if len(against) > 0 {
		b.WriteString("\n:zap: *Contradicts* " + strings.Join(against, ", "))
	}
	blocks := []slack.Block{sectionBlock(b.String())}
	if len(acc.Quotes) > 0 {
		q := acc.Quotes[0]
		blocks = append(blocks, quoteBlock(q.Text), withPassageButton(sourceLine(q), q))
	}
	return blocks
}

// withPassageButton is a quote's source line (mrkdwn) with its "Show
// passage" button beside it, so reading the quote in context costs no
// extra block.
func withPassageButton(line string, q answer.Quote) slack.Block {
	value := strconv.Itoa(q.Start) + ":" + strconv.Itoa(q.End) + ":" + q.DocID
	if len(value) > maxValueChars {
		value = value[:maxValueChars] // an id this long is not findable; the handler says so
	}
	button := slack.NewButtonBlockElement(actionShowPassage, value, plainText("Show passage"))
	text := slack.NewTextBlockObject(slack.MarkdownType, truncate(line, maxTextChars), false, false)
	return slack.NewSectionBlock(text, nil, slack.NewAccessory(button))
}

// verdict is the line under a claim: what the documents do with it, in
// plain words, naming the holders on each side.
func verdict(cc claimCheck) string {
	switch {
	case cc.Answer == nil:
		return ":warning: I could not check this claim (the details are in crosscheck's log). Try again in a minute."
	case cc.Answer.Abstained || len(cc.Answer.Accounts) == 0:
		return ":white_circle: *The documents say nothing about this.*"
	}
	by := holdersByStance(cc.Answer)
	names := func(s answer.Stance) string { return mrkdwn(truncate(strings.Join(by[s], ", "), 500)) }
	var line string
	switch {
	case len(by[answer.Affirms]) > 0 && len(by[answer.Denies]) > 0:
		line = fmt.Sprintf(":zap: *Disputed*: supported by %s; contradicted by %s.", names(answer.Affirms), names(answer.Denies))
	case len(by[answer.Affirms]) > 0:
		line = fmt.Sprintf(":large_green_circle: *Supported* by %s.", names(answer.Affirms))
	case len(by[answer.Denies]) > 0:
		line = fmt.Sprintf(":red_circle: *Contradicted* by %s.", names(answer.Denies))
	case len(by[answer.Qualifies]) > 0:
		line = fmt.Sprintf(":large_yellow_circle: *Qualified* by %s.", names(answer.Qualifies))
	default:
		line = ":white_circle: *Context only*: the documents mention this without taking a side."
	}
	if len(by[answer.Qualifies]) > 0 && (len(by[answer.Affirms]) > 0 || len(by[answer.Denies]) > 0) {
		line += fmt.Sprintf(" Qualified by %s.", names(answer.Qualifies))
	}
	if cc.Answer.Summary != "" {
		line += "\n" + mrkdwn(truncate(cc.Answer.Summary, 1500))
	}
	return line
}

// verdictWord is the verdict for the plain-text fallback.
func verdictWord(cc claimCheck) string {
	switch {
	case cc.Answer == nil:
		return "not checked"
	case cc.Answer.Abstained || len(cc.Answer.Accounts) == 0:
		return "the documents say nothing about this"
	}
	by := holdersByStance(cc.Answer)
	switch {
	case len(by[answer.Affirms]) > 0 && len(by[answer.Denies]) > 0:
		return "disputed"
	case len(by[answer.Affirms]) > 0:
		return "supported"
	case len(by[answer.Denies]) > 0:
		return "contradicted"
	case len(by[answer.Qualifies]) > 0:
		return "qualified"
	}
	return "context only"
}

// holdersByStance lists each stance's holders once, in account order.
func holdersByStance(a *answer.Answer) map[answer.Stance][]string {
	by := map[answer.Stance][]string{}
	seen := map[string]bool{}
	for _, acc := range a.Accounts {
		h := cmp.Or(acc.Holder, "unattributed sources")
		if key := string(acc.Stance) + "\x00" + h; !seen[key] {
			seen[key] = true
			by[acc.Stance] = append(by[acc.Stance], h)
		}
	}
	return by
}
