package bot

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/slack-go/slack"

	"github.com/crosscheck/crosscheck/answer"
)

// listDisputes answers /disputes [words]: the corpus's contested claims,
// most contested first, each with its sides and one verbatim quote each.
func (s *Server) listDisputes(ctx context.Context, words string, log *slog.Logger) (page, string) {
	if s.cfg.Disputer == nil {
		return textPage("Dispute detection is not switched on in this version of crosscheck, so I can't list disputes yet. Ask a question instead: every answer shows the sides that disagree."), outcomeUsage
	}
	ds, err := s.disputes(ctx, words)
	if err != nil {
		log.Error("list disputes", "err", err)
		return textPage(":warning: I could not list the disputes just now (the details are in crosscheck's log). Please try again in a minute."), outcomeFailed
	}
	return renderDisputes(ds, words), outcomeAnswered
}

// renderDisputes lists disputes as App Home does, adding each side's quote
// as literal rich text, as many as fit one message.
func renderDisputes(ds []answer.Dispute, words string) page {
	about := ""
	if words != "" {
		about = fmt.Sprintf(" about “%s”", mrkdwn(truncate(words, 200)))
	}
	if len(ds) == 0 {
		return textPage(fmt.Sprintf("No disputes found%s: the documents do not contradict one another there, as far as I can compare them.", about))
	}
	blocks := []slack.Block{sectionBlock(fmt.Sprintf("*%s*%s, most contested first:", plural(len(ds), "dispute"), about))}
	shown := 0
	for _, d := range ds {
		sides := d.Sides[:min(len(d.Sides), maxDisputeSides)]
		need := 2 + 2*len(sides)
		if len(blocks)+need > maxBlocks-1 {
			break
		}
		blocks = append(blocks, slack.NewDividerBlock(), sectionBlock(disputeText(d)))
		for _, side := range sides {
			if side.Quote.Text == "" {
				continue
			}
			blocks = append(blocks, quoteBlock(side.Quote.Text), withPassageButton(mrkdwn(truncate(side.Holder, 100))+" · "+sourceLine(side.Quote), side.Quote))
		}
		shown++
	}
	if shown < len(ds) {
		blocks = append(blocks, contextBlock(fmt.Sprintf("…and %d more. Add words to narrow the list.", len(ds)-shown)))
	}
	return page{Text: fmt.Sprintf("%s%s.", plural(len(ds), "dispute"), about), Blocks: blocks}
}
