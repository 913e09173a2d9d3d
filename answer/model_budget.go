package answer

import (
	"strconv"

	"github.com/crosscheck/crosscheck/prompts"
)

// bytesPerToken estimates tokens from bytes: about 4 for English text in
// the BPE vocabularies of OpenAI, Llama and Mistral models. An estimate
// that runs over is caught by the context-length retry.
const bytesPerToken = 4

// sentenceOverhead is the tokens of one prompt line besides its text:
// id, holder, outlet, date and separators.
const sentenceOverhead = 12

// budgetOrder is the order in which evidence sentences earn a place in
// the prompt: one sentence of every side (each side of each dispute
// first, then each offline account) before a second sentence of any side,
// so a tight budget drops depth, never a side.
func budgetOrder(ev *Evidence) []int {
	accountOf := map[qkey]int{}
	for i, acc := range ev.Offline.Accounts {
		for _, q := range acc.Quotes {
			accountOf[quoteKey(q)] = i
		}
	}
	type group struct {
		ids      []int
		disputed bool
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, s := range ev.Sentences {
		key, disputed := "", len(s.Disputes) > 0 && len(s.Side) > 0
		switch acc, ok := accountOf[quoteKey(s.Quote)]; {
		case disputed:
			key = "d:" + s.Disputes[0] + ":" + strconv.Itoa(s.Side[0])
		case ok:
			key = "a:" + strconv.Itoa(acc)
		default:
			key = "h:" + s.Holder
		}
		g := byKey[key]
		if g == nil {
			g = &group{disputed: disputed}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.ids = append(g.ids, s.ID)
	}
	var order []int
	for round := 0; len(order) < len(ev.Sentences); round++ {
		for _, disputed := range []bool{true, false} {
			for _, g := range groups {
				if g.disputed == disputed && round < len(g.ids) {
					order = append(order, g.ids[round])
				}
			}
		}
	}
	return order
}

// fit is how many sentences of order fit the prompt budget, at least one.
func (m *ModelComposer) fit(ev *Evidence, order []int) int {
	sys, user, err := prompts.Compose(prompts.ComposeData{Question: ev.Question, Fence: prompts.Fence()})
	if err != nil {
		return len(order)
	}
	used := (len(sys)+len(user))/bytesPerToken + sentenceOverhead*len(ev.Offline.Accounts)
	byID := make(map[int]*EvidenceSentence, len(ev.Sentences))
	for i := range ev.Sentences {
		byID[ev.Sentences[i].ID] = &ev.Sentences[i]
	}
	for n, id := range order {
		s := byID[id]
		used += sentenceOverhead + (len(s.Quote.Text)+len(s.Holder)+len(s.Quote.Source.Outlet))/bytesPerToken
		if used > m.cfg.Budget {
			return max(n, 1)
		}
	}
	return len(order)
}
