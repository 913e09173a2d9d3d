package main

import (
	"encoding/json"
	"net/http"
	"sync/atomic"
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
