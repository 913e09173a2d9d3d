package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/llm/llmtest"
)

const (
	secretKey     = "sk-live-DO-NOT-LEAK-4242"
	modelQuestion = "Did foreign personnel take part in the laboratory operation?"
)

func envOf(m map[string]string) env { return func(k string) string { return m[k] } }

func runWithEnv(t *testing.T, e map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, envOf(e), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func newLoopback(t *testing.T) *llmtest.Server {
	t.Helper()
	srv, err := llmtest.New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	srv.Models = []string{"test-chat", "test-embed"}
	return srv
}

func decodeAnswer(t *testing.T, out string) answer.Answer {
	t.Helper()
	var a answer.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("stdout is not an answer: %v\n%s", err, out)
	}
	return a
}

func TestModelOptions_NothingSetIsOffline(t *testing.T) {
	for _, e := range []map[string]string{
		{},
		{"OPENAI_API_KEY": secretKey},
		{"OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "OPENAI_API_KEY": secretKey},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		mf := addModelFlags(fs, envOf(e))
		opts, err := mf.options(context.Background(), nil, envOf(e), "", nil, io.Discard)
		if err != nil || opts.Composer != nil || opts.Embedder.Embed != nil {
			t.Errorf("env %v: options %+v, %v; want the zero (offline) options", e, opts, err)
		}
	}
}

func TestModelOptions_BadSettingsSayWhich(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"CROSSCHECK_CHAT_MODEL": "m"}, "OPENAI_BASE_URL"},
		{map[string]string{"CROSSCHECK_CHAT_MODEL": "m", "OPENAI_BASE_URL": "localhost:11434", "OPENAI_API_KEY": secretKey}, "must be an http(s) URL"},
		{map[string]string{"CROSSCHECK_CHAT_MODEL": "m", "OPENAI_BASE_URL": "http://me:" + secretKey + "@x/v1", "CROSSCHECK_PROMPT_BUDGET": "10"}, "at least 200"},
		{map[string]string{"CROSSCHECK_PROMPT_BUDGET": "lots"}, "CROSSCHECK_PROMPT_BUDGET must be a whole number"},
		{map[string]string{"CROSSCHECK_MODEL_TIMEOUT": "soon"}, "CROSSCHECK_MODEL_TIMEOUT must be a positive duration"},
	}
	for _, tt := range tests {
		code, _, errs := runWithEnv(t, tt.env, "ask", "--json", modelQuestion)
		if code == exitOK || !strings.Contains(errs, tt.want) {
			t.Errorf("env %v: exit %d, stderr %q; want it to say %q", tt.env, code, errs, tt.want)
		}
		if strings.Contains(errs, secretKey) {
			t.Errorf("stderr shows the key: %q", errs)
		}
	}
}

func TestAsk_WithModel(t *testing.T) {
	srv := newLoopback(t)
	srv.SetChat(func(_ int, req openai.ChatCompletionRequest) llmtest.Reply {
		p := llmtest.ReadCompose(req)
		return llmtest.ComposeReply("Model summary of who says what.", llmtest.FromDrafts(p))
	})
	e := map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_API_KEY": secretKey, "CROSSCHECK_CHAT_MODEL": "test-chat",
		"CROSSCHECK_EMBED_MODEL": "test-embed", "CROSSCHECK_DATA": t.TempDir()}
	code, out, errs := runWithEnv(t, e, "ask", "--json", modelQuestion)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	a := decodeAnswer(t, out)
	if a.Mode != "model:embed+compose" || a.Summary != "Model summary of who says what." || len(a.Accounts) == 0 {
		t.Errorf("mode %q, summary %q, %d accounts; want the model's answer", a.Mode, a.Summary, len(a.Accounts))
	}
	for _, h := range srv.Authorizations() {
		if h != "Bearer "+secretKey {
			t.Errorf("Authorization %q; want the key from OPENAI_API_KEY", h)
		}
	}
	// A flag overrides the environment: the chat model off the endpoint.
	srv.SetChat(nil)
	code, out, _ = runWithEnv(t, e, "ask", "--json", "--chat-model", "other-chat", modelQuestion)
	if got := srv.ChatRequests(); code != exitOK || len(got) == 0 || got[0].Model != "other-chat" {
		t.Errorf("--chat-model did not override CROSSCHECK_CHAT_MODEL")
	}
	_ = out
}

// TestAsk_SecretsNeverShown: whatever the endpoint echoes, the key is in
// no answer, note or log line.
func TestAsk_SecretsNeverShown(t *testing.T) {
	srv := newLoopback(t)
	srv.SetChat(func(int, openai.ChatCompletionRequest) llmtest.Reply {
		return llmtest.APIError(401, "invalid_api_key", "Incorrect API key provided: "+secretKey+". You can find your API key at …")
	})
	srv.SetEmbed(func(int, llmtest.EmbeddingRequest) llmtest.Reply {
		return llmtest.APIError(400, "bad", "model test-embed cannot use key "+secretKey)
	})
	e := map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_API_KEY": secretKey, "CROSSCHECK_CHAT_MODEL": "test-chat",
		"CROSSCHECK_EMBED_MODEL": "test-embed", "CROSSCHECK_DATA": t.TempDir()}
	code, out, errs := runWithEnv(t, e, "ask", "--json", modelQuestion)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	a := decodeAnswer(t, out)
	if !strings.Contains(a.Note, "The model was unavailable") || a.Mode != "extractive" || len(a.Accounts) == 0 {
		t.Errorf("note %q, mode %q; want the offline answer with a note", a.Note, a.Mode)
	}
	if !strings.Contains(errs, "embedding model was unavailable") {
		t.Errorf("stderr %q does not say the embeddings fell back", errs)
	}
	for _, s := range []string{out, errs} {
		if strings.Contains(s, secretKey) || strings.Contains(s, "DO-NOT-LEAK") {
			t.Errorf("the key is shown:\n%s", s)
		}
	}
	// serve's logger redacts the key from anything it is handed.
	var logs bytes.Buffer
	serveLogger(&logs, "debug", "xoxb-1", "xapp-1", secretKey).Info("x", "err", "key "+secretKey)
	if strings.Contains(logs.String(), secretKey) {
		t.Errorf("serve log shows the key: %s", logs.String())
	}
}

func TestModelFlags_OnEveryCommand(t *testing.T) {
	for _, cmd := range []string{"ask", "serve", "doctor"} {
		code, out, errs := runWithEnv(t, map[string]string{}, cmd, "--help")
		if code != exitOK {
			t.Errorf("%s --help: exit %d, %s", cmd, code, errs)
		}
		if cmd != "ask" && !strings.Contains(out, "chat-model") {
			t.Errorf("%s --help does not show the model flags:\n%s", cmd, out)
		}
	}
}
