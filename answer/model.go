package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/crosscheck/crosscheck/llm"
	"github.com/crosscheck/crosscheck/prompts"
)

// DefaultPromptBudget is the prompt size, in tokens, that the model
// composer fills with evidence by default: it fits an 8k-context local
// model with room for the reply.
const DefaultPromptBudget = 4000

// replyTokens bounds the model's reply: a dozen accounts with a position
// each and a summary.
const replyTokens = 1500

// ModelConfig configures a ModelComposer.
type ModelConfig struct {
	// Client reaches the chat endpoint; nil composes nothing with a
	// model and only marks the answer's Mode with Stages.
	Client *llm.Client
	Model  string
	// Budget is the prompt size in tokens; zero means DefaultPromptBudget.
	Budget int
	// Stages are the other stages that used a model for this engine
	// ("embed"); Mode lists them before "compose".
	Stages []string
	Logger *slog.Logger
}

// ModelComposer asks a chat model to group the evidence into accounts by
// citing sentence ids. Quotes are always the cited sentence's own span, so
// they are exact by construction; what the model writes itself (positions,
// the summary) is never shown as a quote. Any failure gives the offline
// answer with a Note.
type ModelComposer struct {
	cfg     ModelConfig
	dropped *prometheus.CounterVec
}

var _ Composer = (*ModelComposer)(nil)

// NewModelComposer returns a composer for cfg.
func NewModelComposer(cfg ModelConfig) *ModelComposer {
	if cfg.Budget <= 0 {
		cfg.Budget = DefaultPromptBudget
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	m := &ModelComposer{cfg: cfg, dropped: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "crosscheck_model_citations_dropped_total",
		Help: "Citations and accounts of model answers dropped before showing, by reason (unknown_id, text_mismatch, duplicate, empty_account, leak, injection).",
	}, []string{"reason"})}
	// Every reason is exported from the start, at zero, so that a rate
	// over it is defined before the first drop.
	for _, r := range []string{dropUnknownID, dropTextMismatch, dropDuplicate, dropEmptyAccount, dropLeak, dropInjection} {
		m.dropped.WithLabelValues(r)
	}
	return m
}

// Collector is the composer's Prometheus series, to register where the
// process serves /metrics.
func (m *ModelComposer) Collector() prometheus.Collector { return m.dropped }

// Compose implements Composer.
func (m *ModelComposer) Compose(ctx context.Context, ev *Evidence) (*Answer, error) {
	off := ev.Offline
	if m.cfg.Client == nil || off.Abstained || len(ev.Sentences) == 0 {
		return m.stamp(off, false), nil
	}
	mctx, cancel := reserve(ctx)
	defer cancel()
	ans, err := m.compose(mctx, ev)
	if err != nil {
		if ctx.Err() != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, ctx.Err()
		}
		m.cfg.Logger.Warn("model compose failed; answering offline", "err", err.Error())
		a := *m.stamp(off, false)
		a.Note = strings.TrimSpace(a.Note + " The model was unavailable: " + unavailable(err) + "; this is the offline answer.")
		return &a, nil
	}
	return ans, nil
}

// fallbackReserve is the share of a question's remaining time kept back
// from the model, so that when the model runs out of time the offline
// answer still reaches the user before the question's own deadline.
const fallbackReserve = 10

// reserve is ctx with its deadline brought forward by a tenth of the time
// left (at most a second).
func reserve(ctx context.Context) (context.Context, context.CancelFunc) {
	dl, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(ctx)
	}
	left := time.Until(dl)
	return context.WithDeadline(ctx, dl.Add(-min(left/fallbackReserve, time.Second)))
}

// unavailable says why in a user's words; an *llm.Error is already safe.
func unavailable(err error) string {
	var le *llm.Error
	if errors.As(err, &le) {
		return le.Error()
	}
	return err.Error()
}

// stamp is a copy of a with Mode naming the stages that used a model.
func (m *ModelComposer) stamp(a *Answer, composed bool) *Answer {
	stages := m.cfg.Stages
	if composed {
		stages = append(append([]string(nil), stages...), "compose")
	}
	out := *a
	if len(stages) > 0 {
		out.Mode = "model:" + strings.Join(stages, "+")
	}
	return &out
}

// compose asks the model, halving the evidence while the prompt is too
// long for its context.
func (m *ModelComposer) compose(ctx context.Context, ev *Evidence) (*Answer, error) {
	order := budgetOrder(ev)
	n := m.fit(ev, order)
	for {
		sent := sentSet(ev, order[:n])
		reply, system, err := m.ask(ctx, ev, sent)
		if llm.IsKind(err, llm.KindContextLength) && n > 1 {
			n /= 2
			m.cfg.Logger.Info("prompt too long for the model; retrying with half the evidence", "sentences", n)
			continue
		}
		if err != nil {
			return nil, err
		}
		return m.build(ev, sent, reply, system)
	}
}

// modelReply is the JSON the compose prompt asks for (prompts/compose.v1.schema.json).
type modelReply struct {
	Summary  string         `json:"summary"`
	Accounts []modelAccount `json:"accounts"`
}

type modelAccount struct {
	Holder   string `json:"holder"`
	Stance   string `json:"stance"`
	Position string `json:"position"`
	Quotes   []struct {
		ID   int    `json:"id"`
		Text string `json:"text"`
	} `json:"quotes"`
	ConflictsWith []int `json:"conflicts_with"`
}

func (m *ModelComposer) ask(ctx context.Context, ev *Evidence, sent map[int]*EvidenceSentence) (*modelReply, string, error) {
	system, user, err := prompts.Compose(promptData(ev, sent))
	if err != nil {
		return nil, "", err
	}
	var reply modelReply
	_, err = m.cfg.Client.ChatJSON(ctx, llm.ChatRequest{Model: m.cfg.Model, System: system, User: user,
		SchemaName: "crosscheck_answer", Schema: prompts.ComposeSchema(), MaxTokens: replyTokens}, &reply)
	return &reply, system, err
}

// promptData is the evidence that was chosen, in id order, and the
// offline grouping of it as a draft.
func promptData(ev *Evidence, sent map[int]*EvidenceSentence) prompts.ComposeData {
	var d prompts.ComposeData
	texts := []string{ev.Question}
	for _, s := range ev.Sentences {
		if sent[s.ID] == nil {
			continue
		}
		var disp []string
		for i, id := range s.Disputes {
			if i < len(s.Side) {
				disp = append(disp, fmt.Sprintf("%s side %d", id, s.Side[i]))
			}
		}
		d.Sentences = append(d.Sentences, prompts.Sentence{ID: s.ID, Holder: s.Holder, Outlet: cmp.Or(s.Quote.Source.Outlet, s.Quote.DocID),
			Date: s.Quote.Source.Published, Text: s.Quote.Text, Disputes: strings.Join(disp, ", ")})
		texts = append(texts, s.Holder, s.Quote.Source.Outlet, s.Quote.Text)
	}
	byQuote := quoteIDs(ev)
	for i, acc := range ev.Offline.Accounts {
		dr := prompts.Draft{N: i + 1, Stance: string(acc.Stance)}
		for _, q := range acc.Quotes {
			if id, ok := byQuote[quoteKey(q)]; ok && sent[id] != nil {
				dr.IDs = append(dr.IDs, id)
			}
		}
		if len(dr.IDs) > 0 {
			d.Draft = append(d.Draft, dr)
		}
	}
	d.Question = ev.Question
	d.Fence = prompts.Fence(texts...)
	return d
}

type qkey struct {
	doc        string
	start, end int
}

func quoteKey(q Quote) qkey { return qkey{q.DocID, q.Start, q.End} }

// quoteIDs maps each evidence quote to its sentence id.
func quoteIDs(ev *Evidence) map[qkey]int {
	out := make(map[qkey]int, len(ev.Sentences))
	for _, s := range ev.Sentences {
		out[quoteKey(s.Quote)] = s.ID
	}
	return out
}

func sentSet(ev *Evidence, ids []int) map[int]*EvidenceSentence {
	byID := make(map[int]*EvidenceSentence, len(ev.Sentences))
	for i := range ev.Sentences {
		byID[ev.Sentences[i].ID] = &ev.Sentences[i]
	}
	out := make(map[int]*EvidenceSentence, len(ids))
	for _, id := range ids {
		out[id] = byID[id]
	}
	return out
}
