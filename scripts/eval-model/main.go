// Command eval-model is the scripted model behind scripts/eval-model.sh: an
// OpenAI-compatible server on loopback that answers every compose prompt
// with the offline accounts of its draft in shuffled order plus one
// invented quote, and records what each prompt showed.
//
// It is a test fixture: it never listens beyond 127.0.0.1.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	openai "github.com/sashabaranov/go-openai"

	"github.com/crosscheck/crosscheck/llm/llmtest"
)

func main() {
	urlFile := flag.String("url-file", "", "write the base URL here once listening")
	record := flag.String("record", "", "append each prompt's question and sentences here (JSON lines)")
	flag.Parse()
	srv, err := llmtest.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var mu sync.Mutex
	var rec *os.File
	if *record != "" {
		if rec, err = os.OpenFile(*record, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	srv.SetChat(func(_ int, req openai.ChatCompletionRequest) llmtest.Reply {
		p := llmtest.ReadCompose(req)
		q := question(p.User)
		if rec != nil {
			sents := make([]string, 0, len(p.Order))
			for _, id := range p.Order {
				sents = append(sents, p.Sentences[id])
			}
			b, _ := json.Marshal(map[string]any{"question": q, "sentences": sents})
			mu.Lock()
			rec.Write(append(b, '\n'))
			mu.Unlock()
		}
		accs := llmtest.FromDrafts(p)
		h := fnv.New64a()
		h.Write([]byte(q))
		rng := rand.New(rand.NewPCG(h.Sum64(), 1))
		rng.Shuffle(len(accs), func(i, j int) { accs[i], accs[j] = accs[j], accs[i] })
		if len(p.Order) > 0 {
			// One invented quote per answer, citing a real sentence.
			accs = append(accs, llmtest.Account{Holder: "Invented", Stance: "affirms", Position: "invented",
				Quotes: []llmtest.Quote{{ID: p.Order[0], Text: "An invented quote that no document contains."}}})
		}
		return llmtest.ComposeReply("Scripted summary.", accs)
	})
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(srv.URL), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	srv.Close()
}

func question(user string) string {
	line, _, _ := strings.Cut(user, "\n")
	return strings.TrimPrefix(line, "Question: ")
}
