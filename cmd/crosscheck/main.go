// Command crosscheck answers questions from a corpus of documents with
// verbatim, attributed quotes and every conflicting account, on the command
// line (ask, sources, source) or as a Slack bot (serve).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes: 0 answered or abstained, 1 failure, 2 usage error.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env is the process environment as a lookup, so tests can pass their own.
type env func(key string) string

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `crosscheck answers questions from a corpus of documents with verbatim,
attributed quotes, and shows every conflicting account.

Usage:
  crosscheck <command> [flags] [arguments]

Commands:
  ask       answer a question from the corpus
  disputes  list the corpus's contested claims and their sides
  sources   list the documents of the corpus
  source    show one document's metadata and passages
  serve     run the Slack bot (Socket Mode)
  ingest    read files, folders and URLs into the data directory's index
  migrate   create or upgrade the PostgreSQL store's schema (docs/postgres.md)
  manifest  print the Slack app manifest
  doctor    check the configured model endpoint (docs/model.md)

Run 'crosscheck <command> --help' for a command's flags.
With no --corpus (or CROSSCHECK_CORPUS) the data directory's index is used when
'crosscheck ingest' made one, else the corpus shipped in the binary.
`

func run(ctx context.Context, args []string, getenv env, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, getenv, stdout, stderr)
	case "disputes":
		return runDisputes(ctx, rest, getenv, stdout, stderr)
	case "sources":
		return runSources(ctx, rest, getenv, stdout, stderr)
	case "source":
		return runSource(ctx, rest, getenv, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, getenv, stdout, stderr)
	case "manifest":
		return runManifest(ctx, rest, getenv, stdout, stderr)
	case "doctor":
		return runDoctor(ctx, rest, getenv, stdout, stderr)
	case "ingest":
		return runIngest(ctx, rest, getenv, stdout, stderr)
	case "migrate":
		return runMigrate(ctx, rest, getenv, stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "crosscheck: unknown command %q; run 'crosscheck --help' for the list\n", cmd)
		return exitUsage
	}
}
