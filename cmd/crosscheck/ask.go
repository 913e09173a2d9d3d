package main

import (
	"context"
	"io"
)

func runAsk(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int { return exitFail }
func runSources(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	return exitFail
}
func runSource(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	return exitFail
}
