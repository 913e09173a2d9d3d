package answer

import (
	"context"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Options configure an Engine.
type Options struct {
	// Embedder for the vector half of retrieval; zero means the offline one.
	Embedder retrieval.Embedder
}

// Engine answers questions over one corpus. It is safe for concurrent use:
// everything it builds at start is read-only afterwards.
type Engine struct {
	corpus  *corpus.Corpus
	index   *retrieval.Index
	aliases aliases
	// lower holds words seen in lower case mid-sentence in the corpus.
	lower map[string]bool
}

// NewEngine indexes the corpus and returns an engine ready to answer.
func NewEngine(ctx context.Context, c *corpus.Corpus, opts Options) (*Engine, error) {
	emb := opts.Embedder
	if emb.Embed == nil {
		emb = retrieval.Offline()
	}
	ix, err := retrieval.Build(ctx, c, emb)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return &Engine{corpus: c, index: ix, aliases: learnAliases(c), lower: lowerWords(c)}, nil
}

// Corpus is the corpus the engine answers from.
func (e *Engine) Corpus() *corpus.Corpus { return e.corpus }

// Ask answers one question. A question that nothing in the corpus answers
// gets an abstention, not an error; errors are invalid questions
// (ErrInvalidQuestion) or a cancelled context.
func (e *Engine) Ask(ctx context.Context, q string) (*Answer, error) {
	q, err := checkQuestion(q)
	if err != nil {
		return nil, err
	}
	qa := analyze(q)
	if missing := e.unknownEntities(&qa); len(missing) > 0 {
		return abstain(q, fmt.Sprintf("No document in the corpus mentions %s, so nothing here answers this question.", strings.Join(missing, ", "))), nil
	}
	return e.compose(ctx, &qa)
}

// unknownEntities returns the question's names that no passage contains.
func (e *Engine) unknownEntities(qa *question) []string {
	var out []string
	for _, s := range qa.entities {
		if e.index.Lexical().DF(s) == 0 {
			out = append(out, s)
		}
	}
	return out
}

func (e *Engine) isCommon(lower string) bool { return e.lower[lower] }

// lowerWords collects the words the corpus writes in lower case, which tells
// a capitalised sentence-initial "However" from a name.
func lowerWords(c *corpus.Corpus) map[string]bool {
	m := map[string]bool{}
	for _, d := range c.Docs() {
		for _, s := range d.Sentences {
			for _, t := range retrieval.TokenizeAll(s.Text) {
				if w := t.Word; w != "" && w[0] >= 'a' && w[0] <= 'z' {
					m[w] = true
				}
			}
		}
	}
	return m
}
