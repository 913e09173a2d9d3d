package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/bot"
	"github.com/crosscheck/crosscheck/pgstore"
)

// questionKeep is how long the store keeps a question and its delivery
// keys: Slack's retries and redeliveries come within minutes, and a
// question is taken over within the claim timeout.
const questionKeep = 24 * time.Hour

// sharedKeep is how long the store keeps thread context and the answers
// buttons refer to, as a data directory keeps thread context.
const sharedKeep = 30 * 24 * time.Hour

// storeQuestions adapts pgstore.Questions to bot.Questions: the two
// packages do not know each other, and their question types have the same
// fields.
type storeQuestions struct{ q *pgstore.Questions }

var _ bot.Questions = storeQuestions{}

func (s storeQuestions) Receive(ctx context.Context, replica string, p bot.Pending, keys ...string) (bool, error) {
	return s.q.Receive(ctx, replica, pgstore.Question(p), keys...)
}

func (s storeQuestions) Placeholder(ctx context.Context, key, ts string) error {
	return s.q.Placeholder(ctx, key, ts)
}

func (s storeQuestions) Heartbeat(ctx context.Context, replica string, keys []string) error {
	return s.q.Heartbeat(ctx, replica, keys)
}

func (s storeQuestions) Hold(ctx context.Context, replica, key string) (bool, error) {
	return s.q.Hold(ctx, replica, key)
}

func (s storeQuestions) Answered(ctx context.Context, key string) error {
	return s.q.Answered(ctx, key)
}

func (s storeQuestions) Release(ctx context.Context, replica, key string) error {
	return s.q.Release(ctx, replica, key)
}

func (s storeQuestions) TakeOver(ctx context.Context, replica string, olderThan time.Duration, limit int) ([]bot.Pending, error) {
	qs, err := s.q.TakeOver(ctx, replica, olderThan, limit)
	out := make([]bot.Pending, len(qs))
	for i, q := range qs {
		out[i] = bot.Pending(q)
	}
	return out, err
}

// replicaName names this serve process among the replicas: the host (a
// container's id under docker compose) for whoever reads the database, and
// a random part, since a restarted process may get the same pid.
func replicaName() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "crosscheck"
	}
	return host + "-" + hex.EncodeToString(b[:])
}
