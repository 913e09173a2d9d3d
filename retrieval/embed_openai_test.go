package retrieval_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/llm"
	"github.com/crosscheck/crosscheck/llm/llmtest"
	"github.com/crosscheck/crosscheck/retrieval"
)

func newEmbedServer(t *testing.T) (*llmtest.Server, *llm.Client) {
	t.Helper()
	srv, err := llmtest.New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv, llm.New(llm.Config{BaseURL: srv.URL, Timeout: 5 * time.Second, Backoff: time.Millisecond, MaxRetryAfter: time.Millisecond})
}

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("invented passage number %d about harbour %d", i, i%7)
	}
	return out
}

func TestRemote_Batches(t *testing.T) {
	srv, client := newEmbedServer(t)
	r, err := retrieval.NewRemote(context.Background(), retrieval.RemoteConfig{Client: client, Model: "test-embed", Concurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	srv.SetEmbed(nil) // forget the dimension probe
	in := texts(150)
	if err := r.Warm(context.Background(), append(in, in[:10]...)); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, req := range srv.EmbedRequests() {
		sizes = append(sizes, len(req.Input))
	}
	if fmt.Sprint(sizes) != "[64 64 22]" && fmt.Sprint(sizes) != "[64 22 64]" && fmt.Sprint(sizes) != "[22 64 64]" {
		t.Errorf("batch sizes %v, want 64, 64 and 22 (duplicates sent once)", sizes)
	}
	emb := r.Embedder()
	v, err := emb.Embed(context.Background(), in[3])
	if err != nil {
		t.Fatal(err)
	}
	var norm float64
	for _, x := range v {
		norm += float64(x * x)
	}
	if math.Abs(norm-1) > 1e-4 || len(v) != emb.Dim {
		t.Errorf("vector of %d dims with norm² %v; want %d dims, unit length", len(v), norm, emb.Dim)
	}
	if n := len(srv.EmbedRequests()); n != 3 {
		t.Errorf("a cached text was embedded again (%d requests)", n)
	}
}

func TestRemote_CacheSurvivesRestart(t *testing.T) {
	srv, client := newEmbedServer(t)
	dir := t.TempDir()
	cfg := retrieval.RemoteConfig{Client: client, Model: "test-embed", Dim: 8, CacheDir: dir}
	r, err := retrieval.NewRemote(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Warm(context.Background(), texts(100)); err != nil {
		t.Fatal(err)
	}
	r.Close()
	srv.SetEmbed(nil)
	r2, err := retrieval.NewRemote(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	if err := r2.Warm(context.Background(), texts(101)); err != nil {
		t.Fatal(err)
	}
	reqs := srv.EmbedRequests()
	if len(reqs) != 1 || len(reqs[0].Input) != 1 {
		t.Errorf("after a restart %d requests were made; want one, for the one new text", len(reqs))
	}
	if r2.Changed != "" {
		t.Errorf("same model reported as changed: %s", r2.Changed)
	}
}

func TestRemote_DimensionChange(t *testing.T) {
	srv, client := newEmbedServer(t)
	dir := t.TempDir()
	cfg := retrieval.RemoteConfig{Client: client, Model: "test-embed", CacheDir: dir}
	r, err := retrieval.NewRemote(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Warm(context.Background(), texts(10)); err != nil {
		t.Fatal(err)
	}
	r.Close()
	// The operator swaps the model behind the endpoint for one of another
	// dimension.
	srv.SetDim(12)
	srv.SetEmbed(nil)
	r2, err := retrieval.NewRemote(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	if !strings.Contains(r2.Changed, "8 dimensions") || !strings.Contains(r2.Changed, "12 dimensions") {
		t.Errorf("change message %q does not say what changed", r2.Changed)
	}
	if err := r2.Warm(context.Background(), texts(10)); err != nil {
		t.Fatal(err)
	}
	if r2.Cached() != 10 {
		t.Errorf("%d vectors cached, want the 10 re-embedded ones", r2.Cached())
	}
	v, _ := r2.Embedder().Embed(context.Background(), texts(1)[0])
	if len(v) != 12 {
		t.Errorf("vector of %d dimensions, want 12: the old model's vectors were mixed in", len(v))
	}
}

func TestRemote_DimensionMismatchMidway(t *testing.T) {
	srv, client := newEmbedServer(t)
	r, err := retrieval.NewRemote(context.Background(), retrieval.RemoteConfig{Client: client, Model: "test-embed"})
	if err != nil {
		t.Fatal(err)
	}
	srv.SetDim(4)
	err = r.Warm(context.Background(), texts(3))
	if err == nil || !strings.Contains(err.Error(), "4 dimensions, expected 8") {
		t.Errorf("err = %v, want a dimension mismatch", err)
	}
}

func TestRemote_IndexesCorpus(t *testing.T) {
	srv, client := newEmbedServer(t)
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := retrieval.NewRemote(context.Background(), retrieval.RemoteConfig{Client: client, Model: "test-embed", Dim: 16})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WarmCorpus(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	warm := len(srv.EmbedRequests())
	ix, err := retrieval.Build(context.Background(), c, r.Embedder())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.EmbedRequests()); n != warm {
		t.Errorf("the index build made %d requests after warming; want none", n-warm)
	}
	hits, err := ix.Search(context.Background(), "laboratory operation personnel", retrieval.SearchOptions{})
	if err != nil || len(hits) == 0 {
		t.Fatalf("search: %d hits, %v", len(hits), err)
	}
}

// TestRemote_QuestionEmbeddingFails: a question the endpoint cannot embed
// (a proxy's HTML 502) is still searched, by words.
func TestRemote_QuestionEmbeddingFails(t *testing.T) {
	srv, _ := newEmbedServer(t)
	client := llm.New(llm.Config{BaseURL: srv.URL, Timeout: time.Second, Retries: -1})
	r, err := retrieval.NewRemote(context.Background(), retrieval.RemoteConfig{Client: client, Model: "test-embed"})
	if err != nil {
		t.Fatal(err)
	}
	srv.SetEmbed(func(int, llmtest.EmbeddingRequest) llmtest.Reply { return llmtest.HTML(502) })
	v, err := r.Embedder().Embed(context.Background(), "an unseen question")
	if err != nil || len(v) != r.Dim() {
		t.Errorf("Embed = %d dims, %v; want a stand-in vector and no error", len(v), err)
	}
}
