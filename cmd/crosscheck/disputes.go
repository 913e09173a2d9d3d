package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/answer"
)

const disputesHelp = `Usage: crosscheck disputes [--json] [--corpus DIR | --data DIR] [words…]

Lists the corpus's contested claims, most contested first: what each is
about, its sides (who holds each, their position, date and one verbatim
quote) and its id. Disputes are properties of the corpus, found when it is
indexed; 'crosscheck ask --json' names the ids of those an answer shows.
With words, lists only the disputes whose claims say all of them (in any of
their meanings: "American" finds "U.S.").

Flags:
  --json         print {"disputes": [...]} as JSON
  --corpus DIR   directory of .md/.txt documents (default: $CROSSCHECK_CORPUS,
                 else the corpus shipped in the binary)
  --data DIR     data directory whose index (see 'crosscheck ingest') is used
                 when no corpus is named; its disputes were found at ingest
` + storeFlagHelp

func runDisputes(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("disputes", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	dir, data := fs.String("corpus", "", ""), fs.String("data", "", "")
	storeFlag := fs.String("store", "", "")
	if code, done := parseFlags(fs, args, disputesHelp, stdout, stderr); done {
		return code
	}
	c, opts, done, err := openAnswering(ctx, *dir, *data, *storeFlag, getenv, stderr)
	defer done()
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck disputes: %v\n", err)
		return exitFail
	}
	eng, err := answer.NewEngine(ctx, c, opts)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck disputes: %v\n", err)
		return exitFail
	}
	words := strings.Join(fs.Args(), " ")
	ds, err := eng.Disputes(ctx, words)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck disputes: %v\n", err)
		return exitFail
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Disputes []answer.Dispute `json:"disputes"`
		}{ds}); err != nil {
			fmt.Fprintf(stderr, "crosscheck disputes: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	writeDisputes(stdout, ds, words)
	return exitOK
}

// writeDisputes prints disputes for a terminal: one block each, a line per
// side and its quote under it.
func writeDisputes(w io.Writer, ds []answer.Dispute, words string) {
	if len(ds) == 0 {
		if words != "" {
			fmt.Fprintf(w, "No dispute in the corpus is about %q.\n", words)
		} else {
			fmt.Fprintln(w, "The corpus holds no contested claim.")
		}
		return
	}
	for i, d := range ds {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  %s (%s)\n", d.ID, oneLine(d.Subject), d.Kind)
		for _, s := range d.Sides {
			fmt.Fprintf(w, "  • %s — %s\n", oneLine(s.Holder), oneLine(s.Position))
			fmt.Fprintf(w, "      %s\n", quoted(s.Quote.Text))
			fmt.Fprintf(w, "      %s\n", strings.Join(nonEmpty(s.Quote.Source.Outlet, s.Published, s.Quote.DocID), " · "))
		}
	}
}
