package main

import (
	"context"
	"fmt"
	"io"
)

// runServe runs the Slack bot. TODO(bot helper): implemented with the bot issue.
func runServe(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "crosscheck serve: not built yet")
	return exitFail
}
