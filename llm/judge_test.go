package llm

import (
	"context"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/crosscheck/crosscheck/llm/llmtest"
)

func TestJudge_CachedAcrossRestarts(t *testing.T) {
	srv, err := llmtest.New()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.SetChat(func(_ int, req openai.ChatCompletionRequest) llmtest.Reply {
		user := req.Messages[len(req.Messages)-1].Content
		// Invented pair: two figures for the same bridge contradict.
		if strings.Contains(user, "40,000") && strings.Contains(user, "25,000") {
			return llmtest.Content(`{"contradicts": true, "same_scope": true}`)
		}
		return llmtest.Content(`{"contradicts": false, "same_scope": false}`)
	})
	client := New(Config{BaseURL: srv.URL, Timeout: 2 * time.Second, Backoff: time.Millisecond})
	dir := t.TempDir()
	a, b := "The bridge carries 40,000 cars a day.", "Only 25,000 cars a day cross the bridge."
	j, err := NewJudge(client, "test-chat", dir)
	if err != nil {
		t.Fatal(err)
	}
	c, s, err := j.Judge(context.Background(), a, b)
	if err != nil || !c || !s {
		t.Fatalf("Judge = %v, %v, %v; want a contradiction of one scope", c, s, err)
	}
	if c, _, _ := j.Judge(context.Background(), b, a); !c {
		t.Error("the pair in the other order was judged differently")
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests for one pair, want 1", n)
	}
	j.Close()

	j2, err := NewJudge(client, "test-chat", dir)
	if err != nil {
		t.Fatal(err)
	}
	defer j2.Close()
	if c, s, err := j2.Judge(context.Background(), a, b); err != nil || !c || !s {
		t.Errorf("after restart: %v, %v, %v", c, s, err)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("the pair was judged again after a restart (%d requests)", n)
	}
	// A failure is an error, never a cached verdict.
	srv.SetChat(func(int, openai.ChatCompletionRequest) llmtest.Reply { return llmtest.Content(`{"contradicts": true}`) })
	if _, _, err := j2.Judge(context.Background(), "x is 1", "x is 2"); !IsKind(err, KindBadReply) {
		t.Errorf("incomplete reply: err = %v, want bad reply", err)
	}
}
