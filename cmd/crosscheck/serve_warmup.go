package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/crosscheck/crosscheck/bot"
)

// warmUp asks one question drawn from the corpus before serve connects:
// the engine loads some of its data on first use, and the first person to
// ask should not wait for that, nor should that one slow answer be the
// first answer time the bot's admission measures.
func warmUp(ctx context.Context, e bot.Answerer, c bot.Library, log *slog.Logger) {
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
