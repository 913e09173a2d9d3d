// Package llmtest is an OpenAI-compatible HTTP server on loopback for
// tests: it speaks the real /v1/chat/completions, /v1/embeddings and
// /v1/models JSON, records what it was sent, and answers as each test
// scripts it, so the real go-openai client runs through the real pipeline.
//
// It never listens beyond 127.0.0.1.
package llmtest

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Reply is one scripted HTTP answer.
type Reply struct {
	Status int               // default 200
	Header map[string]string // e.g. Retry-After
	Body   string            // sent as is when set
	// Hang holds the request until the client gives up.
	Hang bool
}

// Server is a scripted OpenAI-compatible endpoint.
type Server struct {
	// URL is the base URL to configure, ending in /v1.
	URL string
	// Models are listed by /v1/models.
	Models []string
	// Dim is the dimension of default embeddings (8 unless set).
	Dim int
	// Chat answers the n-th chat request (0-based); nil answers "{}".
	Chat func(n int, req openai.ChatCompletionRequest) Reply
	// Embed answers the n-th embeddings request; nil gives Vector(text, Dim).
	Embed func(n int, req EmbeddingRequest) Reply

	srv  *http.Server
	ln   net.Listener
	mu   sync.Mutex
	chat []openai.ChatCompletionRequest
	emb  []EmbeddingRequest
	auth []string
}

// EmbeddingRequest is an embeddings request with its inputs as strings.
type EmbeddingRequest struct {
	Model      string   `json:"model"`
	Input      []string `json:"input"`
	Dimensions int      `json:"dimensions,omitempty"`
}

// New starts a server on 127.0.0.1; Close stops it.
func New() (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String() + "/v1", ln: ln, Dim: 8}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.handleChat)
	mux.HandleFunc("POST /v1/embeddings", s.handleEmbed)
	mux.HandleFunc("GET /v1/models", s.handleModels)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server, cutting requests that hang.
func (s *Server) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
	_ = s.srv.Close()
}

// SetChat replaces the chat script while the server runs.
func (s *Server) SetChat(f func(n int, req openai.ChatCompletionRequest) Reply) {
	s.mu.Lock()
	s.Chat = f
	s.chat = nil
	s.mu.Unlock()
}

// SetEmbed replaces the embeddings script while the server runs.
func (s *Server) SetEmbed(f func(n int, req EmbeddingRequest) Reply) {
	s.mu.Lock()
	s.Embed = f
	s.emb = nil
	s.mu.Unlock()
}

// SetDim changes the dimension of default embeddings.
func (s *Server) SetDim(dim int) {
	s.mu.Lock()
	s.Dim = dim
	s.mu.Unlock()
}

// ChatRequests are the chat requests received so far.
func (s *Server) ChatRequests() []openai.ChatCompletionRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]openai.ChatCompletionRequest(nil), s.chat...)
}

// EmbedRequests are the embeddings requests received so far.
func (s *Server) EmbedRequests() []EmbeddingRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]EmbeddingRequest(nil), s.emb...)
}

// Authorizations are the Authorization headers received so far.
func (s *Server) Authorizations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.auth...)
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	var req openai.ChatCompletionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":{"message":"bad json","type":"invalid_request_error"}}`, http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	n := len(s.chat)
	s.chat = append(s.chat, req)
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	f := s.Chat
	s.mu.Unlock()
	rep := Content("{}")
	if f != nil {
		rep = f(n, req)
	}
	s.write(w, r, rep)
}

func (s *Server) handleEmbed(w http.ResponseWriter, r *http.Request) {
	var raw struct {
		Model      string          `json:"model"`
		Input      json.RawMessage `json:"input"`
		Dimensions int             `json:"dimensions"`
	}
	if err := json.NewDecoder(r.Body).Decode(&raw); err != nil {
		http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
		return
	}
	req := EmbeddingRequest{Model: raw.Model, Dimensions: raw.Dimensions}
	if err := json.Unmarshal(raw.Input, &req.Input); err != nil {
		var one string
		_ = json.Unmarshal(raw.Input, &one)
		req.Input = []string{one}
	}
	s.mu.Lock()
	n := len(s.emb)
	s.emb = append(s.emb, req)
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	f, dim := s.Embed, s.Dim
	s.mu.Unlock()
	if req.Dimensions > 0 {
		dim = req.Dimensions
	}
	var rep Reply
	if f != nil {
		rep = f(n, req)
	}
	if rep.Body == "" && rep.Status == 0 && !rep.Hang {
		rep = Embeddings(req.Model, req.Input, dim)
	}
	s.write(w, r, rep)
}

func (s *Server) handleModels(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	ids := append([]string(nil), s.Models...)
	s.mu.Unlock()
	list := openai.ModelsList{}
	for _, id := range ids {
		list.Models = append(list.Models, openai.Model{ID: id, Object: "model", OwnedBy: "llmtest"})
	}
	b, _ := json.Marshal(map[string]any{"object": "list", "data": list.Models})
	s.write(w, r, Reply{Body: string(b)})
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, rep Reply) {
	if rep.Hang {
		<-r.Context().Done()
		return
	}
	ct := "application/json"
	if strings.HasPrefix(strings.TrimSpace(rep.Body), "<") {
		ct = "text/html"
	}
	w.Header().Set("Content-Type", ct)
	for k, v := range rep.Header {
		w.Header().Set(k, v)
	}
	if rep.Status == 0 {
		rep.Status = http.StatusOK
	}
	w.WriteHeader(rep.Status)
	_, _ = io.WriteString(w, rep.Body)
}

// Content is a 200 chat completion whose message is content.
func Content(content string) Reply {
	b, _ := json.Marshal(openai.ChatCompletionResponse{
		ID: "chatcmpl-test", Object: "chat.completion", Created: 1, Model: "test",
		Choices: []openai.ChatCompletionChoice{{Message: openai.ChatCompletionMessage{Role: "assistant", Content: content}, FinishReason: openai.FinishReasonStop}},
	})
	return Reply{Body: string(b)}
}

// Refusal is a 200 chat completion in which the model declines.
func Refusal(why string) Reply {
	b, _ := json.Marshal(openai.ChatCompletionResponse{
		ID: "chatcmpl-test", Object: "chat.completion", Created: 1, Model: "test",
		Choices: []openai.ChatCompletionChoice{{Message: openai.ChatCompletionMessage{Role: "assistant", Refusal: why}, FinishReason: openai.FinishReasonStop}},
	})
	return Reply{Body: string(b)}
}

// APIError is an error in the API's JSON shape.
func APIError(status int, code, message string) Reply {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"message": message, "type": "invalid_request_error", "code": code}})
	return Reply{Status: status, Body: string(b)}
}

// HTML is an error page from a proxy in front of the API.
func HTML(status int) Reply {
	return Reply{Status: status, Body: fmt.Sprintf("<html><head><title>%d Bad Gateway</title></head><body><center><h1>%d Bad Gateway</h1></center><hr><center>nginx</center></body></html>", status, status)}
}

// Embeddings is a 200 embeddings response with Vector(input, dim) for
// each input.
func Embeddings(model string, inputs []string, dim int) Reply {
	data := make([]openai.Embedding, len(inputs))
	for i, in := range inputs {
		data[i] = openai.Embedding{Object: "embedding", Index: i, Embedding: Vector(in, dim)}
	}
	b, _ := json.Marshal(map[string]any{"object": "list", "model": model, "data": data})
	return Reply{Body: string(b)}
}

// Vector is a deterministic, not normalised vector for text: words hashed
// into dim buckets, so texts sharing words are near.
func Vector(text string, dim int) []float32 {
	v := make([]float32, dim)
	for _, w := range strings.Fields(strings.ToLower(text)) {
		h := fnv.New32a()
		h.Write([]byte(w))
		v[h.Sum32()%uint32(dim)] += 3
	}
	v[0] += 0.5 // never all zero
	var s float64
	for _, x := range v {
		s += float64(x * x)
	}
	if math.IsNaN(s) {
		panic("llmtest: NaN vector")
	}
	return v
}
