package llm

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/crosscheck/crosscheck/llm/llmtest"
)

const testKey = "sk-test-SECRET-0123456789"

// newTest returns a client for a fresh loopback server and the waits it
// was asked to sleep.
func newTest(t *testing.T, chat func(n int, req openai.ChatCompletionRequest) llmtest.Reply) (*Client, *llmtest.Server, *[]time.Duration) {
	t.Helper()
	srv, err := llmtest.New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	srv.Chat = chat
	var mu sync.Mutex
	var waits []time.Duration
	c := New(Config{BaseURL: srv.URL, APIKey: testKey, Timeout: 2 * time.Second, Retries: 2, Backoff: time.Millisecond,
		sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			waits = append(waits, d)
			mu.Unlock()
			return nil
		}})
	return c, srv, &waits
}

type reply struct {
	OK bool `json:"ok"`
}

func TestChatJSON_Failures(t *testing.T) {
	tests := []struct {
		name     string
		script   []llmtest.Reply
		wantKind Kind
		wantFmt  Format
		wantOK   bool
	}{
		{name: "good", script: []llmtest.Reply{llmtest.Content(`{"ok":true}`)}, wantOK: true, wantFmt: FormatSchema},
		{name: "fenced in prose", script: []llmtest.Reply{llmtest.Content("Sure:\n```json\n{\"ok\":true}\n```")}, wantOK: true, wantFmt: FormatSchema},
		{name: "malformed JSON", script: []llmtest.Reply{llmtest.Content(`{"ok":tru`)}, wantKind: KindBadReply},
		{name: "schema rejected then JSON mode", script: []llmtest.Reply{llmtest.APIError(400, "", "response_format json_schema is not supported"), llmtest.Content(`{"ok":true}`)}, wantOK: true, wantFmt: FormatObject},
		{name: "both formats rejected then text", script: []llmtest.Reply{llmtest.APIError(400, "", "no"), llmtest.APIError(400, "", "no"), llmtest.Content(`{"ok":true}`)}, wantOK: true, wantFmt: FormatText},
		{name: "HTML 502 after retries", script: []llmtest.Reply{llmtest.HTML(502), llmtest.HTML(502), llmtest.HTML(502)}, wantKind: KindProxy},
		{name: "429 then success", script: []llmtest.Reply{{Status: 429, Header: map[string]string{"Retry-After": "3"}, Body: `{"error":{"message":"slow down"}}`}, llmtest.Content(`{"ok":true}`)}, wantOK: true, wantFmt: FormatSchema},
		{name: "context length", script: []llmtest.Reply{llmtest.APIError(400, "context_length_exceeded", "This model's maximum context length is 8192 tokens")}, wantKind: KindContextLength},
		{name: "llama.cpp context size", script: []llmtest.Reply{llmtest.APIError(400, "", "the request exceeds the available context size, try increasing it")}, wantKind: KindContextLength},
		{name: "refusal", script: []llmtest.Reply{llmtest.Refusal("I can't help with that.")}, wantKind: KindRefusal},
		{name: "auth", script: []llmtest.Reply{llmtest.APIError(401, "invalid_api_key", "Incorrect API key provided: "+testKey)}, wantKind: KindAuth},
		{name: "timeout", script: []llmtest.Reply{{Hang: true}}, wantKind: KindTimeout},
		{name: "web page with 200", script: []llmtest.Reply{{Body: "<html><body>Welcome to nginx!</body></html>"}}, wantKind: KindBadReply},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := newTest(t, func(n int, _ openai.ChatCompletionRequest) llmtest.Reply {
				return tt.script[min(n, len(tt.script)-1)]
			})
			c.cfg.Timeout = 200 * time.Millisecond
			c.oa = New(c.cfg).oa
			var got reply
			f, err := c.ChatJSON(context.Background(), ChatRequest{Model: "m", System: "s", User: "u", SchemaName: "r", Schema: []byte(`{"type":"object"}`)}, &got)
			if tt.wantOK {
				if err != nil || !got.OK || f != tt.wantFmt {
					t.Fatalf("got %v, format %s, err %v; want ok in %s", got, f, err, tt.wantFmt)
				}
				return
			}
			if !IsKind(err, tt.wantKind) {
				t.Fatalf("err = %v, want kind %s", err, tt.wantKind)
			}
			if strings.Contains(err.Error(), testKey) || strings.Contains(err.Error(), "SECRET") {
				t.Errorf("error shows the key: %v", err)
			}
		})
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	c, srv, waits := newTest(t, func(n int, _ openai.ChatCompletionRequest) llmtest.Reply {
		if n == 0 {
			return llmtest.Reply{Status: 429, Header: map[string]string{"Retry-After": "7"}, Body: `{"error":{"message":"rate limited"}}`}
		}
		return llmtest.Content(`{"ok":true}`)
	})
	var got reply
	if _, err := c.ChatJSON(context.Background(), ChatRequest{Model: "m", User: "u"}, &got); err != nil || !got.OK {
		t.Fatalf("got %v, %v", got, err)
	}
	if len(*waits) != 1 || (*waits)[0] != 7*time.Second {
		t.Errorf("waits = %v, want [7s] from Retry-After", *waits)
	}
	if n := len(srv.ChatRequests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	if got := srv.ChatRequests()[1].Temperature; got <= 0 {
		t.Errorf("temperature %v sent; want a tiny positive one (zero is omitted)", got)
	}
}

func TestRetryAfterIsCapped(t *testing.T) {
	d := &retryDoer{cfg: &Config{MaxRetryAfter: time.Second, Backoff: time.Millisecond}}
	if got := d.wait(0, "3600"); got != time.Second {
		t.Errorf("wait = %v, want the 1s cap", got)
	}
	if got := d.wait(0, time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)); got != 0 {
		t.Errorf("past date: wait = %v, want 0", got)
	}
}

func TestTransportErrorHidesURLCredentials(t *testing.T) {
	c := New(Config{BaseURL: "http://user:" + testKey + "@127.0.0.1:1/v1", APIKey: testKey, Retries: -1, Timeout: time.Second})
	_, err := c.Models(context.Background())
	if !IsKind(err, KindTransport) {
		t.Fatalf("err = %v, want transport", err)
	}
	if strings.Contains(err.Error(), testKey) {
		t.Errorf("error shows the key: %v", err)
	}
}

func TestChatJSON_ReasoningModel(t *testing.T) {
	c, srv, _ := newTest(t, func(int, openai.ChatCompletionRequest) llmtest.Reply { return llmtest.Content(`{"ok":true}`) })
	var got reply
	if _, err := c.ChatJSON(context.Background(), ChatRequest{Model: "o3-mini", User: "u", MaxTokens: 100}, &got); err != nil || !got.OK {
		t.Fatalf("got %v, %v", got, err)
	}
	req := srv.ChatRequests()[0]
	if req.MaxTokens != 0 || req.MaxCompletionTokens != 100 || req.Temperature != 0 {
		t.Errorf("sent max_tokens %d, max_completion_tokens %d, temperature %v; a reasoning model takes only max_completion_tokens",
			req.MaxTokens, req.MaxCompletionTokens, req.Temperature)
	}
}
