package answer

import (
	"context"

	"github.com/crosscheck/crosscheck/corpus"
)

// Options configure an Engine.
type Options struct{}

// Engine answers questions over one corpus.
type Engine struct {
	corpus *corpus.Corpus
}

// NewEngine indexes the corpus and returns an engine ready to answer.
func NewEngine(ctx context.Context, c *corpus.Corpus, opts Options) (*Engine, error) {
	return &Engine{corpus: c}, nil
}

// Corpus is the corpus the engine answers from.
func (e *Engine) Corpus() *corpus.Corpus { return e.corpus }

// Ask answers one question. TODO(engine): placeholder until the extractive composer lands.
func (e *Engine) Ask(ctx context.Context, question string) (*Answer, error) {
	return &Answer{Question: question, Mode: "extractive", Abstained: true, Accounts: []Account{}}, nil
}
