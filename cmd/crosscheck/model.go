package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/llm"
	"github.com/crosscheck/crosscheck/retrieval"
)

// modelHelp documents the model settings shared by ask, serve and doctor.
const modelHelp = `Model endpoint (optional; any OpenAI-compatible server, see docs/model.md):
  OPENAI_BASE_URL / --base-url       e.g. https://api.openai.com/v1 (default when
                                     only a key is set), http://localhost:11434/v1
  OPENAI_API_KEY                     environment only; never logged
  CROSSCHECK_CHAT_MODEL / --chat-model     composes answers by citing sentences
  CROSSCHECK_EMBED_MODEL / --embed-model   embeds passages for search
  CROSSCHECK_EMBED_DIM / --embed-dim       ask the embedding model for this many
                                     dimensions (text-embedding-3 only; default its own)
  CROSSCHECK_PROMPT_BUDGET / --prompt-budget  prompt size in tokens (default 4000)
  CROSSCHECK_MODEL_TIMEOUT / --model-timeout  per request (default 60s)
  CROSSCHECK_MODEL_RETRIES / --model-retries  on 429 and 5xx (default 3)
  CROSSCHECK_MODEL_CLAIMS=1 / --model-claims  the chat model also judges each
                                     conflict the rules find while the corpus is
                                     indexed (cached in the data directory)
With no model set, crosscheck runs offline exactly as without these settings.
`

const defaultBaseURL = "https://api.openai.com/v1"

// modelFlags are the model settings, from flags over environment.
type modelFlags struct {
	baseURL, chatModel, embedModel string
	embedDim, budget, retries      int
	timeout                        time.Duration
	apiKey                         string
	modelClaims                    bool
	bad                            []string
	// composer is the model composer options built, for /metrics.
	composer *answer.ModelComposer
}

// addModelFlags registers the model flags on fs with the environment as
// defaults. The API key is read from the environment only.
func addModelFlags(fs *flag.FlagSet, getenv env) *modelFlags {
	mf := &modelFlags{apiKey: strings.TrimSpace(getenv("OPENAI_API_KEY"))}
	fs.StringVar(&mf.baseURL, "base-url", strings.TrimSpace(getenv("OPENAI_BASE_URL")), "OpenAI-compatible endpoint `URL` (env OPENAI_BASE_URL)")
	fs.StringVar(&mf.chatModel, "chat-model", strings.TrimSpace(getenv("CROSSCHECK_CHAT_MODEL")), "chat `model` that composes answers (env CROSSCHECK_CHAT_MODEL; default none: offline)")
	fs.StringVar(&mf.embedModel, "embed-model", strings.TrimSpace(getenv("CROSSCHECK_EMBED_MODEL")), "embedding `model` for search (env CROSSCHECK_EMBED_MODEL; default none: offline)")
	fs.IntVar(&mf.embedDim, "embed-dim", mf.envInt(getenv, "CROSSCHECK_EMBED_DIM", 0), "embedding `dimensions` to ask for (env CROSSCHECK_EMBED_DIM; default the model's own)")
	fs.IntVar(&mf.budget, "prompt-budget", mf.envInt(getenv, "CROSSCHECK_PROMPT_BUDGET", answer.DefaultPromptBudget), "prompt size in `tokens` (env CROSSCHECK_PROMPT_BUDGET)")
	fs.IntVar(&mf.retries, "model-retries", mf.envInt(getenv, "CROSSCHECK_MODEL_RETRIES", llm.DefaultRetries), "retries of a model request on 429 and 5xx (env CROSSCHECK_MODEL_RETRIES)")
	fs.BoolVar(&mf.modelClaims, "model-claims", getenv("CROSSCHECK_MODEL_CLAIMS") == "1" || getenv("CROSSCHECK_MODEL_CLAIMS") == "true", "the chat model judges each conflict the rules find while indexing (env CROSSCHECK_MODEL_CLAIMS=1)")
	fs.DurationVar(&mf.timeout, "model-timeout", mf.envDuration(getenv, "CROSSCHECK_MODEL_TIMEOUT", llm.DefaultTimeout), "time limit per model request (env CROSSCHECK_MODEL_TIMEOUT)")
	return mf
}

func (mf *modelFlags) envInt(getenv env, key string, def int) int {
	v := strings.TrimSpace(getenv(key))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		mf.bad = append(mf.bad, fmt.Sprintf("%s must be a whole number of at least 0, not %q", key, v))
		return def
	}
	return n
}

func (mf *modelFlags) envDuration(getenv env, key string, def time.Duration) time.Duration {
	v := strings.TrimSpace(getenv(key))
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		mf.bad = append(mf.bad, fmt.Sprintf("%s must be a positive duration such as 60s, not %q", key, v))
		return def
	}
	return d
}

// offline reports whether no model is configured.
func (mf *modelFlags) offline() bool { return mf.chatModel == "" && mf.embedModel == "" }

// check says what is wrong with the settings, naming the variable and the
// shape it needs; never the key.
func (mf *modelFlags) check() error {
	if len(mf.bad) > 0 {
		return fmt.Errorf("%s", strings.Join(mf.bad, "; "))
	}
	if mf.offline() {
		return nil
	}
	if mf.baseURL == "" && mf.apiKey == "" {
		return fmt.Errorf("a model is set but no endpoint: set OPENAI_BASE_URL (e.g. http://localhost:11434/v1 for Ollama) or OPENAI_API_KEY for OpenAI")
	}
	if mf.baseURL != "" {
		u, err := url.Parse(mf.baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("OPENAI_BASE_URL (--base-url) must be an http(s) URL such as http://localhost:11434/v1, not %q", redactURL(mf.baseURL))
		}
	}
	if mf.modelClaims && mf.chatModel == "" {
		return fmt.Errorf("--model-claims (CROSSCHECK_MODEL_CLAIMS) needs a chat model: set CROSSCHECK_CHAT_MODEL (--chat-model)")
	}
	if mf.budget < 200 {
		return fmt.Errorf("--prompt-budget (CROSSCHECK_PROMPT_BUDGET) must be at least 200 tokens, not %d", mf.budget)
	}
	return nil
}

// redactURL hides a password written into a URL.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.LastIndex(raw, "@"); i >= 0 {
			return "…" + raw[i:]
		}
		return raw
	}
	return u.Redacted()
}

func (mf *modelFlags) client(log *slog.Logger) *llm.Client {
	base := mf.baseURL
	if base == "" {
		base = defaultBaseURL
	}
	retries := mf.retries
	if retries == 0 {
		retries = -1 // llm.Config's zero is its default
	}
	return llm.New(llm.Config{BaseURL: base, APIKey: mf.apiKey, Timeout: mf.timeout, Retries: retries, Logger: log})
}

// engine builds the answer engine with whatever model stages are
// configured: with none, exactly the offline engine. A stage whose
// endpoint fails at start is left offline, with a line on stderr saying
// so; a failure at question time gives the offline answer with a note.
//
// base carries what a data directory's index brings (its search index, its
// claims); the index's vectors then stand, and a configured embedding model
// is left to the next ingest.
func (mf *modelFlags) engine(ctx context.Context, c *corpus.Corpus, base answer.Options, getenv env, dataDir string, log *slog.Logger, stderr io.Writer) (*answer.Engine, error) {
	if base.Searcher != nil && mf.embedModel != "" {
		fmt.Fprintln(stderr, "crosscheck: answering from the data directory's index, whose vectors are the offline embedder's; --embed-model is not used for it")
		mf.embedModel = ""
	}
	opts, err := mf.options(ctx, c, getenv, dataDir, log, stderr)
	if err != nil {
		return nil, err
	}
	opts.Searcher, opts.Claims, opts.Vocabulary, opts.Weights = base.Searcher, base.Claims, base.Vocabulary, base.Weights
	if base.Claims != nil && opts.Judge != nil {
		// The saved disputes were judged (or not) when they were found.
		opts.Judge = nil
	}
	return answer.NewEngine(ctx, c, opts)
}

func (mf *modelFlags) options(ctx context.Context, c *corpus.Corpus, getenv env, dataDir string, log *slog.Logger, stderr io.Writer) (answer.Options, error) {
	if err := mf.check(); err != nil {
		return answer.Options{}, err
	}
	if mf.offline() {
		return answer.Options{}, nil
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelError, ReplaceAttr: redactSecrets([]string{mf.apiKey})}))
	}
	if dataDir == "" {
		dataDir = getenv("CROSSCHECK_DATA")
	}
	if dataDir == "" {
		dataDir = defaultDataDir(getenv)
	}
	client := mf.client(log)
	var opts answer.Options
	var stages []string
	if mf.embedModel != "" {
		emb, err := mf.embedder(ctx, client, c, dataDir, log, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck: the embedding model was unavailable (%v); searching with the offline embedder (run 'crosscheck doctor')\n", err)
		} else {
			opts.Embedder = emb
			stages = append(stages, "embed")
		}
	}
	if mf.modelClaims {
		judge, err := llm.NewJudge(client, mf.chatModel, dataDir)
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck: the model cannot judge claims (%v); disputes come from the rules alone\n", err)
		} else {
			opts.Judge = judgeFunc(ctx, judge, mf.timeout)
			stages = append(stages, "claims")
		}
	}
	mc := answer.ModelConfig{Model: mf.chatModel, Budget: mf.budget, Stages: stages, Logger: log}
	if mf.chatModel != "" {
		mc.Client = client
	}
	mf.composer = answer.NewModelComposer(mc)
	opts.Composer = mf.composer
	return opts, nil
}

// judgeFunc adapts the model's judge to the claims engine: a pair it cannot
// judge (timeout, a bad reply) keeps the rules' verdict.
func judgeFunc(ctx context.Context, j *llm.Judge, timeout time.Duration) corpus.JudgeFunc {
	return func(a, b string) (bool, bool, bool) {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		contradicts, sameScope, err := j.Judge(ctx, a, b)
		return contradicts, sameScope, err == nil
	}
}

func (mf *modelFlags) embedder(ctx context.Context, client *llm.Client, c *corpus.Corpus, dataDir string, log *slog.Logger, stderr io.Writer) (retrieval.Embedder, error) {
	cacheDir := ""
	if dataDir != "" {
		cacheDir = filepath.Join(dataDir, "embeddings")
	}
	r, err := retrieval.NewRemote(ctx, retrieval.RemoteConfig{Client: client, Model: mf.embedModel, Dim: mf.embedDim, CacheDir: cacheDir, Logger: log})
	if err != nil {
		return retrieval.Embedder{}, err
	}
	if r.Changed != "" {
		fmt.Fprintf(stderr, "crosscheck: %s\n", r.Changed)
	}
	if err := r.WarmCorpus(ctx, c); err != nil {
		r.Close()
		return retrieval.Embedder{}, err
	}
	return r.Embedder(), nil
}
