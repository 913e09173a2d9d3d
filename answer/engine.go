package answer

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lexicon"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Options configure an Engine.
type Options struct {
	// Embedder for the vector half of retrieval; zero means the offline one.
	Embedder retrieval.Embedder
	// Composer writes answers from the selected evidence; nil means the
	// extractive composer alone.
	Composer Composer
	// Searcher, when set, is a prebuilt index of the same corpus (opened
	// from a data directory); nil means building one in memory.
	Searcher Searcher
	// Claims, when set, are the corpus's claims and disputes as indexed
	// before (read back from a data directory); nil means reading them now.
	Claims *corpus.ClaimsData
	// Vocabulary, when set, is the corpus's vocabulary as indexed before
	// (see BuildVocabulary); nil, or one that no longer fits the corpus,
	// means reading it from every sentence now.
	Vocabulary *Vocabulary
	// Judge, when set, gives a second opinion (a model's) on each conflict
	// the rules find while claims are read.
	Judge corpus.JudgeFunc
	// Weights, when set, replace DefaultWeights (scripts/fit sets them).
	Weights *Weights
}

// Engine answers questions over one corpus. It is safe for concurrent use:
// everything it builds at start is read-only afterwards.
//
// Ask runs a question through the stages below in order, each taking what
// the one before it made: the analyser reads the question into a Query;
// the finder searches and scores the sentences of what it retrieves; the
// picker chooses among them and groups them into accounts; the claim
// matcher adds the claims that say what the question asks in other words;
// the dispute expander brings every dispute those touch, whole; the
// summariser writes the line above the accounts; a composer, when set,
// rewrites the answer from its evidence.
type Engine struct {
	k          *knowledge
	analyser   *analyser
	finder     *finder
	picker     *picker
	matcher    *claimMatcher
	expander   *disputeExpander
	summariser *summariser
	// composer, when set, rewrites the extractive answer from its evidence.
	composer Composer
}

// NewEngine indexes the corpus and returns an engine ready to answer.
func NewEngine(ctx context.Context, c *corpus.Corpus, opts Options) (*Engine, error) {
	lex := sync.OnceValue(lexicon.Default)
	// Most questions consult the lexicon; parsing it (tens of ms) beside
	// the index build hides it from the first answer. A panic (corrupt
	// embedded data, which the lexicon's tests rule out) is not lost: the
	// once re-panics in every question that calls lex.
	go func() {
		defer func() { _ = recover() }()
		lex()
	}()
	emb := opts.Embedder
	if emb.Embed == nil {
		emb = retrieval.Offline()
	}
	claims := make(chan *corpus.Claims, 1)
	if opts.Claims != nil {
		go func() { claims <- corpus.RestoreClaims(c, lex(), *opts.Claims) }()
	} else {
		go func() { claims <- corpus.BuildClaimsJudged(c, lex(), opts.Judge) }()
	}
	var ix Searcher = opts.Searcher
	if ix == nil {
		built, err := retrieval.Build(ctx, c, emb)
		if err != nil {
			return nil, fmt.Errorf("build index: %w", err)
		}
		ix = built
	}
	w, ok := opts.Vocabulary.restore(c)
	if !ok {
		w = vocabulary(c)
	}
	cs := <-claims
	k := &knowledge{corpus: c, index: ix, aliases: aliasesOf(cs.Entities), lower: w.lower, caps: w.caps, stems: w.stems,
		acronyms: w.acronyms, known: w.known, lex: lex, claims: cs, weights: DefaultWeights}
	if opts.Weights != nil {
		k.weights = *opts.Weights
	}
	return &Engine{
		k:          k,
		analyser:   &analyser{k: k},
		finder:     &finder{k: k},
		picker:     &picker{k: k},
		matcher:    &claimMatcher{k: k},
		expander:   &disputeExpander{k: k},
		summariser: &summariser{k: k},
		composer:   opts.Composer,
	}, nil
}

// Corpus is the corpus the engine answers from.
func (e *Engine) Corpus() *corpus.Corpus { return e.k.corpus }

// Ask answers one question. A question that nothing in the corpus answers
// gets an abstention, not an error; errors are invalid questions
// (ErrInvalidQuestion) or a cancelled context.
func (e *Engine) Ask(ctx context.Context, q string) (*Answer, error) {
	q, err := checkQuestion(q)
	if err != nil {
		return nil, err
	}
	qa, unknown := e.analyser.analyse(q)
	if unknown != "" {
		return abstain(q, unknown), nil
	}
	found, err := e.finder.find(ctx, qa)
	if err != nil {
		return nil, err
	}
	if found.answersNothing(qa) {
		return abstain(qa.text, "No passage in the corpus answers this question."), nil
	}
	picked := e.picker.accounts(qa, found)
	ans := &Answer{Question: qa.text, Mode: "extractive", Accounts: picked.accounts, Note: strings.Join(qa.notes, " ")}
	e.matcher.match(qa, ans)
	shown := e.expander.expand(qa, ans)
	ans.Summary = e.summariser.summary(qa, ans, picked.labels, shown)
	if e.composer == nil {
		return withLists(ans), nil
	}
	ans, err = e.composer.Compose(ctx, e.k.evidenceOf(ans, shown))
	if err != nil {
		return nil, err
	}
	return withLists(ans), nil
}

// withLists gives every account a conflicts list, empty rather than
// absent: the JSON contract shows "conflicts_with": [] for an account
// that contradicts none.
func withLists(ans *Answer) *Answer {
	for i := range ans.Accounts {
		if ans.Accounts[i].ConflictsWith == nil {
			ans.Accounts[i].ConflictsWith = []int{}
		}
	}
	return ans
}
