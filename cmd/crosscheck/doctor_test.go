package main

import (
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/crosscheck/crosscheck/llm/llmtest"
)

// citeFirst is a model that answers every compose prompt by citing its
// first sentence, and every other prompt with a judgement.
func citeFirst(_ int, req openai.ChatCompletionRequest) llmtest.Reply {
	p := llmtest.ReadCompose(req)
	if len(p.Order) == 0 {
		return llmtest.Content(`{"contradicts": true, "same_scope": true}`)
	}
	return llmtest.ComposeReply("The port authority says it reopened.", []llmtest.Account{{Holder: "port authority", Stance: "affirms", Position: "Reopened.", Quotes: []llmtest.Quote{{ID: p.Order[0]}}}})
}

func TestDoctor(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		setup    func(*llmtest.Server)
		wantCode int
		want     []string
	}{
		{name: "nothing configured", env: map[string]string{}, wantCode: exitOK, want: []string{"No model is configured"}},
		{name: "all good", wantCode: exitOK, want: []string{"ok    reachable", "ok    chat model", "8 dimensions", "JSON schema supported", "cited the sentence", "All checks passed"}},
		{name: "model not listed", setup: func(s *llmtest.Server) { s.Models = []string{"other"} }, wantCode: exitFail,
			want: []string{"test-chat is not listed", "ollama pull test-chat"}},
		{name: "JSON mode only", setup: func(s *llmtest.Server) {
			s.SetChat(func(n int, req openai.ChatCompletionRequest) llmtest.Reply {
				if req.ResponseFormat != nil && req.ResponseFormat.Type == openai.ChatCompletionResponseFormatTypeJSONSchema {
					return llmtest.APIError(400, "", "json_schema not supported")
				}
				return citeFirst(n, req)
			})
		}, wantCode: exitOK, want: []string{"JSON mode works"}},
		{name: "proxy error page", setup: func(s *llmtest.Server) {
			s.SetChat(func(int, openai.ChatCompletionRequest) llmtest.Reply { return llmtest.HTML(502) })
		}, wantCode: exitFail, want: []string{"FAIL  structured output", "check OPENAI_BASE_URL and any proxy"}},
		{name: "unreachable", env: map[string]string{"OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "CROSSCHECK_CHAT_MODEL": "test-chat"},
			wantCode: exitFail, want: []string{"FAIL  reachable", "is the server running"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newLoopback(t)
			srv.SetChat(citeFirst)
			if tt.setup != nil {
				tt.setup(srv)
			}
			e := tt.env
			if e == nil {
				e = map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_API_KEY": secretKey, "CROSSCHECK_CHAT_MODEL": "test-chat",
					"CROSSCHECK_EMBED_MODEL": "test-embed", "CROSSCHECK_MODEL_TIMEOUT": "2s", "CROSSCHECK_MODEL_RETRIES": "0"}
			}
			code, out, errs := runWithEnv(t, e, "doctor")
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.wantCode, out, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out+errs, secretKey) {
				t.Errorf("doctor shows the key:\n%s", out)
			}
		})
	}
}
