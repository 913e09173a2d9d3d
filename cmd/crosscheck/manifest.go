package main

import (
	"context"
	"fmt"
	"io"
)

// runManifest prints the Slack app manifest. TODO(bot helper).
func runManifest(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "crosscheck manifest: not built yet")
	return exitFail
}
