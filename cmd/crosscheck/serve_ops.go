package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot"
	"github.com/crosscheck/crosscheck/corpus"
)

// opsSwitch answers the probes from the moment serve starts: while the
// corpus and index load (minutes for a large corpus) /livez is 200 and
// /readyz 503 "loading"; once the bot exists, its own handler answers.
// Without it a liveness probe would kill a bot that is still loading.
type opsSwitch struct {
	bot atomic.Pointer[http.Handler]
}

func (o *opsSwitch) set(h http.Handler) { o.bot.Store(&h) }

func (o *opsSwitch) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := o.bot.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/livez":
		_ = json.NewEncoder(w).Encode(map[string]any{"alive": true, "ok": true})
	case "/readyz", "/healthz":
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]any{"index": "loading", "slack": "not connected", "ok": false})
	default:
		http.NotFound(w, r)
	}
}

// warmUp asks one question drawn from the corpus before serve connects:
// the engine loads some of its data on first use, and the first person to
// ask should not wait for that, nor should that one slow answer be the
// first answer time the bot's admission measures.
func warmUp(ctx context.Context, e *answer.Engine, c *corpus.Corpus, log *slog.Logger) {
	qs := bot.ExampleQuestions(c, 1)
	if len(qs) == 0 {
		return
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := e.Ask(ctx, qs[0]); err != nil {
		log.Warn("warm-up question failed", "err", err)
		return
	}
	log.Info("engine warmed up", "took", time.Since(start))
}
