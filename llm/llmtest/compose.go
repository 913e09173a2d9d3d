package llmtest

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Prompted is what a compose prompt (prompts/compose.v1) showed the model:
// its numbered sentences and the offline draft.
type Prompted struct {
	System, User string
	Sentences    map[int]string // id → text
	Holders      map[int]string // id → holder
	Order        []int          // ids in prompt order
	Drafts       []Draft
}

// Draft is one offline account offered to the model; its holder is that
// of its first sentence.
type Draft struct {
	Holder, Stance string
	IDs            []int
}

var (
	sentenceLine = regexp.MustCompile(`^\[(\d+)\] ([^|]*) \|[^|]*\|[^|]*\| (.*?)(?: \(side of dispute [^)]*\))?$`)
	draftLine    = regexp.MustCompile(`^draft \d+: stance (\w+), ids ([\d, ]+)$`)
)

// ReadCompose parses a compose request.
func ReadCompose(req openai.ChatCompletionRequest) Prompted {
	p := Prompted{Sentences: map[int]string{}, Holders: map[int]string{}}
	for _, m := range req.Messages {
		switch m.Role {
		case openai.ChatMessageRoleSystem:
			p.System = m.Content
		case openai.ChatMessageRoleUser:
			p.User = m.Content
		}
	}
	for _, line := range strings.Split(p.User, "\n") {
		if m := sentenceLine.FindStringSubmatch(line); m != nil {
			id, _ := strconv.Atoi(m[1])
			p.Holders[id] = m[2]
			p.Sentences[id] = m[3]
			p.Order = append(p.Order, id)
		}
		if m := draftLine.FindStringSubmatch(line); m != nil {
			d := Draft{Stance: m[1]}
			for _, f := range strings.Split(m[2], ",") {
				if id, err := strconv.Atoi(strings.TrimSpace(f)); err == nil {
					d.IDs = append(d.IDs, id)
				}
			}
			p.Drafts = append(p.Drafts, d)
		}
	}
	return p
}

// Account and Quote are the compose reply (prompts/compose.v1.schema.json).
type Account struct {
	Holder        string  `json:"holder"`
	Stance        string  `json:"stance"`
	Position      string  `json:"position"`
	Quotes        []Quote `json:"quotes"`
	ConflictsWith []int   `json:"conflicts_with"`
}

type Quote struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
}

// ComposeReply is a chat completion carrying accounts and a summary.
func ComposeReply(summary string, accounts []Account) Reply {
	for i := range accounts {
		if accounts[i].ConflictsWith == nil {
			accounts[i].ConflictsWith = []int{}
		}
	}
	b, _ := json.Marshal(map[string]any{"summary": summary, "accounts": accounts})
	return Content(string(b))
}

// FromDrafts is the reply a faithful model gives: the drafts as accounts,
// with a position of its own.
func FromDrafts(p Prompted) []Account {
	var out []Account
	for _, d := range p.Drafts {
		d.Holder = p.Holders[d.IDs[0]]
		a := Account{Holder: d.Holder, Stance: d.Stance, Position: d.Holder + " holds this view (model wording)."}
		for _, id := range d.IDs {
			a.Quotes = append(a.Quotes, Quote{ID: id})
		}
		out = append(out, a)
	}
	return out
}
