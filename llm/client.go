// Package llm is crosscheck's one door to an OpenAI-compatible endpoint
// (OpenAI, Ollama, vLLM, llama.cpp server, LocalAI) through go-openai: it
// adds what go-openai leaves out — a timeout per request, retries with
// backoff on 429 and 5xx that honour Retry-After, a near-zero temperature
// that is actually sent, JSON replies with a structured-output fallback —
// and turns every failure into an *Error of a small set of kinds.
//
// It must never put the API key in an error, a log line or a prompt, and
// it knows nothing of documents, quotes or Slack.
package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Defaults of Config. A chat answer from a local 7B model on a CPU takes
// tens of seconds; the question's own deadline (the bot's) still applies.
const (
	DefaultTimeout       = 60 * time.Second
	DefaultRetries       = 3
	DefaultBackoff       = 500 * time.Millisecond
	DefaultMaxRetryAfter = 20 * time.Second
)

// Temperature is sent with every chat request. go-openai omits a zero
// temperature (the server's default, often 0.7–1.0, applies); a tiny
// positive one is greedy in practice and survives the omitempty.
const Temperature float32 = 0.0001

// Config says where the endpoint is and how patient to be with it.
type Config struct {
	BaseURL string // e.g. https://api.openai.com/v1, http://localhost:11434/v1
	APIKey  string // may be empty for local servers
	// Timeout bounds one HTTP attempt, body included.
	Timeout time.Duration
	// Retries after the first attempt on 429 and 5xx.
	Retries int
	// Backoff is the first wait between attempts; it doubles each time.
	Backoff time.Duration
	// MaxRetryAfter caps a server's Retry-After: past it we wait this
	// long instead (the question has a deadline of its own).
	MaxRetryAfter time.Duration
	// Transport carries the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
	Logger    *slog.Logger
	// sleep waits between attempts; tests record the waits instead.
	sleep func(ctx context.Context, d time.Duration) error
}

// Client talks to one OpenAI-compatible endpoint. It is safe for
// concurrent use.
type Client struct {
	oa  *openai.Client
	cfg Config
}

// New returns a client for cfg, with defaults for zero fields.
func New(cfg Config) *Client {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	} else if cfg.Retries == 0 {
		cfg.Retries = DefaultRetries
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.MaxRetryAfter <= 0 {
		cfg.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.sleep == nil {
		cfg.sleep = sleepCtx
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	oc.HTTPClient = &retryDoer{hc: &http.Client{Timeout: cfg.Timeout, Transport: cfg.Transport}, cfg: &cfg}
	return &Client{oa: openai.NewClientWithConfig(oc), cfg: cfg}
}

// BaseURL is the endpoint the client talks to (it holds no secret).
func (c *Client) BaseURL() string { return c.cfg.BaseURL }

// retryDoer is go-openai's HTTP client: it retries 429 and 5xx, waiting
// for Retry-After when the server sends one, else backing off
// exponentially with jitter.
type retryDoer struct {
	hc  *http.Client
	cfg *Config
}

func (d *retryDoer) Do(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		r := req
		if attempt > 0 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			r = req.Clone(req.Context())
			r.Body = body
		}
		resp, err := d.hc.Do(r)
		if err != nil || !retryable(resp.StatusCode) || attempt >= d.cfg.Retries || (attempt > 0 && req.GetBody == nil) {
			return resp, err
		}
		wait := d.wait(attempt, resp.Header.Get("Retry-After"))
		d.cfg.Logger.Warn("model endpoint busy; retrying", "status", resp.StatusCode, "attempt", attempt+1, "wait", wait.String())
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		resp.Body.Close()
		if err := d.cfg.sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

func retryable(status int) bool { return status == http.StatusTooManyRequests || status >= 500 }

// wait is how long to wait before attempt+1: the server's Retry-After
// (seconds or an HTTP date) up to MaxRetryAfter, else Backoff·2^attempt
// with up to 50% jitter so that replicas do not retry in step.
func (d *retryDoer) wait(attempt int, retryAfter string) time.Duration {
	if ra, ok := parseRetryAfter(retryAfter, time.Now()); ok {
		return min(ra, d.cfg.MaxRetryAfter)
	}
	b := d.cfg.Backoff << attempt
	return b + time.Duration(rand.Int64N(int64(b)/2+1))
}

func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Models lists the model ids the endpoint serves.
func (c *Client) Models(ctx context.Context) ([]string, error) {
	list, err := c.oa.ListModels(ctx)
	if err != nil {
		return nil, c.classify("list models", err)
	}
	ids := make([]string, len(list.Models))
	for i, m := range list.Models {
		ids[i] = m.ID
	}
	return ids, nil
}

// Embed returns one vector per input, in input order.
func (c *Client) Embed(ctx context.Context, model string, dim int, inputs []string) ([][]float32, error) {
	res, err := c.oa.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: inputs, Model: openai.EmbeddingModel(model), Dimensions: dim})
	if err != nil {
		return nil, c.classify("embed", err)
	}
	if len(res.Data) != len(inputs) {
		return nil, &Error{Kind: KindBadReply, op: "embed", detail: fmt.Sprintf("%d vectors for %d inputs", len(res.Data), len(inputs))}
	}
	out := make([][]float32, len(inputs))
	for i, d := range res.Data {
		j := d.Index
		if j < 0 || j >= len(out) || out[j] != nil {
			j = i // servers that leave index at 0 answer in order
		}
		out[j] = d.Embedding
	}
	for i, v := range out {
		if len(v) == 0 {
			return nil, &Error{Kind: KindBadReply, op: "embed", detail: fmt.Sprintf("no vector for input %d", i)}
		}
	}
	return out, nil
}

// ChatRequest is one system + user exchange whose reply is a JSON object.
type ChatRequest struct {
	Model        string
	System, User string
	// SchemaName and Schema describe the reply for servers with
	// structured output; others get JSON mode, then plain text.
	SchemaName string
	Schema     json.RawMessage
	MaxTokens  int
}

// Format is how a reply was asked to be JSON.
type Format string

const (
	FormatSchema Format = "json_schema"
	FormatObject Format = "json_object"
	FormatText   Format = "text"
)

// ChatJSON sends req and decodes the reply's JSON object into out. A 400
// that is not about the context length is taken as the server rejecting
// the response format: it falls back from a JSON schema to JSON mode to
// plain text, and reports the format that worked. Decoding is not
// validation: callers check what out holds.
func (c *Client) ChatJSON(ctx context.Context, req ChatRequest, out any) (Format, error) {
	formats := []Format{FormatSchema, FormatObject, FormatText}
	if len(req.Schema) == 0 {
		formats = formats[1:]
	}
	var err error
	for _, f := range formats {
		var content string
		content, err = c.chat(ctx, req, f)
		var e *Error
		if errors.As(err, &e) && e.Kind == KindFormatRejected {
			c.cfg.Logger.Info("model endpoint rejected a response format; trying the next", "format", string(f))
			continue
		}
		if err != nil {
			return f, err
		}
		return f, decodeJSON(content, out)
	}
	return FormatText, err
}

func (c *Client) chat(ctx context.Context, req ChatRequest, f Format) (string, error) {
	cr := openai.ChatCompletionRequest{
		Model:       req.Model,
		Temperature: Temperature,
		MaxTokens:   req.MaxTokens,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: req.System},
			{Role: openai.ChatMessageRoleUser, Content: req.User},
		},
	}
	switch f {
	case FormatSchema:
		cr.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: req.SchemaName, Schema: rawSchema(req.Schema), Strict: true}}
	case FormatObject:
		cr.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	if openai.NewReasoningValidator().Validate(cr) != nil {
		// A reasoning model (o-series, GPT-6) takes neither max_tokens nor
		// a temperature; go-openai refuses to send them.
		cr.MaxCompletionTokens, cr.MaxTokens, cr.Temperature = cr.MaxTokens, 0, 0
	}
	res, err := c.oa.CreateChatCompletion(ctx, cr)
	if err != nil {
		e := c.classify("chat", err)
		if e.Kind == KindBadRequest && f != FormatText {
			e.Kind = KindFormatRejected
		}
		return "", e
	}
	if len(res.Choices) == 0 {
		return "", &Error{Kind: KindBadReply, op: "chat", detail: "no choices"}
	}
	ch := res.Choices[0]
	if ch.Message.Refusal != "" || ch.FinishReason == openai.FinishReasonContentFilter {
		return "", &Error{Kind: KindRefusal, op: "chat"}
	}
	return ch.Message.Content, nil
}

// rawSchema lets a JSON schema held as bytes go out as they are.
type rawSchema json.RawMessage

func (r rawSchema) MarshalJSON() ([]byte, error) { return json.RawMessage(r), nil }

// decodeJSON reads the one JSON object in content. Models in plain-text
// mode wrap it in prose or a ``` fence; the object is what lies between
// the first '{' and the last '}'.
func decodeJSON(content string, out any) error {
	i, j := strings.IndexByte(content, '{'), strings.LastIndexByte(content, '}')
	if i < 0 || j < i {
		return &Error{Kind: KindBadReply, op: "chat", detail: "the reply holds no JSON object"}
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(content[i : j+1])))
	if err := dec.Decode(out); err != nil {
		return &Error{Kind: KindBadReply, op: "chat", detail: "the reply is not valid JSON", err: err}
	}
	return nil
}
