package bot

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
)

// home is everything App Home shows.
type home struct {
	Stats          corpusStats
	Disputes       []answer.Dispute
	HaveDisputer   bool
	DisputesFailed bool
	Examples       []string
	Commands       Commands
}

// maxHomeOutlets caps the outlets named; the rest are counted.
const maxHomeOutlets = 10

// maxDisputeSides caps the sides shown per dispute.
const maxDisputeSides = 4

func renderHome(h home) []slack.Block {
	st := h.Stats
	blocks := []slack.Block{
		slack.NewHeaderBlock(plainHeader("What crosscheck knows")),
		sectionBlock(corpusLine(st)),
	}
	if len(st.Outlets) > 0 {
		var names []string
		for _, o := range st.Outlets[:min(len(st.Outlets), maxHomeOutlets)] {
			names = append(names, fmt.Sprintf("%s (%d)", mrkdwn(truncate(o.Name, 100)), o.Docs))
		}
		line := "*Outlets:* " + strings.Join(names, ", ")
		if more := len(st.Outlets) - maxHomeOutlets; more > 0 {
			line += fmt.Sprintf(" and %d more", more)
		}
		blocks = append(blocks, sectionBlock(line))
	}
	if !st.LoadedAt.IsZero() {
		blocks = append(blocks, contextBlock("Index loaded "+st.LoadedAt.UTC().Format("2006-01-02 15:04 MST")+". List the documents with `"+h.Commands.Sources+"`."))
	}
	blocks = append(blocks, slack.NewDividerBlock(), slack.NewHeaderBlock(plainHeader("Most contested")))
	blocks = append(blocks, disputeBlocks(h)...)
	blocks = append(blocks, slack.NewDividerBlock(), slack.NewHeaderBlock(plainHeader("Try asking")))
	if len(h.Examples) > 0 {
		var b strings.Builder
		for _, q := range h.Examples {
			fmt.Fprintf(&b, "• @crosscheck %s\n", mrkdwn(truncate(q, 200)))
		}
		blocks = append(blocks, sectionBlock(strings.TrimSpace(b.String())))
	}
	blocks = append(blocks, slack.NewDividerBlock(), slack.NewHeaderBlock(plainHeader("How to ask")),
		sectionBlock(howToAsk(h.Commands)))
	return blocks
}

// corpusLine is "*12 documents* from *4 outlets*, published 2025-05-14 to
// 2025-05-28 (2 undated)".
func corpusLine(st corpusStats) string {
	line := fmt.Sprintf("*%s* from *%s*", plural(st.Documents, "document"), plural(len(st.Outlets), "outlet"))
	switch {
	case st.First != "" && st.First == st.Last:
		line += ", published " + mrkdwn(st.First)
	case st.First != "":
		line += ", published " + mrkdwn(st.First) + " to " + mrkdwn(st.Last)
	}
	if st.Undated > 0 && st.First != "" {
		line += fmt.Sprintf(" (%d undated)", st.Undated)
	}
	return line + "."
}

// disputeBlocks shows the most contested disputes, or says plainly why
// there are none to show.
func disputeBlocks(h home) []slack.Block {
	switch {
	case !h.HaveDisputer:
		return []slack.Block{contextBlock(":hourglass_flowing_sand: Dispute detection is not switched on in this version of crosscheck. The claims the documents disagree about will be listed here.")}
	case h.DisputesFailed:
		return []slack.Block{contextBlock(":warning: I could not list the disputes just now (the details are in crosscheck's log).")}
	case len(h.Disputes) == 0:
		return []slack.Block{contextBlock("No disputes found: the documents do not contradict one another on any claim I can compare.")}
	}
	var blocks []slack.Block
	for _, d := range h.Disputes[:min(len(h.Disputes), homeDisputes)] {
		blocks = append(blocks, sectionBlock(disputeText(d)))
	}
	blocks = append(blocks, contextBlock(fmt.Sprintf("%s in all. List them with `%s [words]`.", plural(len(h.Disputes), "dispute"), h.Commands.Disputes)))
	return blocks
}

// kindWords says why a dispute's sides cannot all be true.
var kindWords = map[string]string{
	"polarity": "one side asserts what another denies",
	"rebuttal": "one side calls another's claim false",
	"value":    "different figures for the same thing",
	"agent":    "different accounts of who led it",
	"cause":    "different accounts of what caused it",
	"trend":    "one says it is getting better, another worse",
	"consent":  "one says a party asked the other in, another that it kept it out",
}

// disputeText is one dispute: its subject and why it is one, then each
// side's holder, position and date.
func disputeText(d answer.Dispute) string {
	var b strings.Builder
	fmt.Fprintf(&b, "*%s*", mrkdwn(truncate(cmp.Or(d.Subject, d.ID), 300)))
	if w, ok := kindWords[d.Kind]; ok {
		b.WriteString(" (" + w + ")")
	} else if d.Kind != "" {
		b.WriteString(" (" + mrkdwn(truncate(d.Kind, 50)) + ")")
	}
	for _, side := range d.Sides[:min(len(d.Sides), maxDisputeSides)] {
		fmt.Fprintf(&b, "\n• *%s*: %s", mrkdwn(truncate(cmp.Or(side.Holder, "Unattributed"), 150)), mrkdwn(truncate(side.Position, 400)))
		if side.Published != "" {
			b.WriteString(" · " + mrkdwn(truncate(side.Published, 40)))
		}
	}
	if more := len(d.Sides) - maxDisputeSides; more > 0 {
		fmt.Fprintf(&b, "\n• …and %s more", plural(more, "side"))
	}
	return truncate(b.String(), maxTextChars)
}

func howToAsk(c Commands) string {
	return "• Mention *@crosscheck* with a question in a channel it is in, or send it a direct message. It answers in a thread with verbatim quotes from every side.\n" +
		"• In that thread, follow up: “and what did they say?”, “source?”, “more on that part”.\n" +
		"• `" + c.Ask + " &lt;question&gt;` answers privately, with a button to share.\n" +
		"• *" + ShortcutName + "* (a message's ⋯ menu) checks the claims in any message.\n" +
		"• `" + c.Disputes + " [words]` lists the claims the documents disagree about; `" + c.Sources + "` and `" + c.Source + "` show the documents."
}

func plainHeader(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, truncate(s, maxHeaderChars), false, false)
}
