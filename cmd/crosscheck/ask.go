package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/crosscheck/crosscheck/answer"
)

const askHelp = `Usage: crosscheck ask [--json] [--all] [--corpus DIR | --data DIR] "question"

Answers a question from the corpus with verbatim, attributed quotes: a
summary, then one block per account (who holds it, its stance, what it
claims, its best quote with outlet · date · title), accounts that
contradict each other first. Every dispute of the corpus the question is
about comes whole: each side an account, marked as conflicting, named in the
summary (and by id in --json's "disputes").

Flags:
  --json         print exactly one JSON object (the answer contract)
  --all          print every quote of each account, with document id and
                 byte offsets, not only the best one
  --corpus DIR   directory of documents (.md/.txt, .html, .pdf, .docx, .jsonl;
                 default: $CROSSCHECK_CORPUS, else the data directory's index,
                 else the corpus shipped in the binary)
  --color        colour: auto (on a terminal), always, never (default auto)
  --data DIR     data directory whose index (see 'crosscheck ingest') is used
                 when no corpus is named (default: $CROSSCHECK_DATA, else per-user)
` + storeFlagHelp + `  --base-url, --chat-model, --embed-model, --prompt-budget, --model-claims
                 an optional model (docs/model.md)

Exit status: 0 answered or abstained, 1 failure, 2 usage error.
`

func runAsk(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	all := fs.Bool("all", false, "")
	dir, data := fs.String("corpus", "", ""), fs.String("data", "", "")
	storeFlag := fs.String("store", "", "")
	color := fs.String("color", "auto", "")
	mf := addModelFlags(fs, getenv)
	if code, done := parseFlags(fs, args, askHelp, stdout, stderr); done {
		return code
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" {
		fmt.Fprint(stderr, "crosscheck ask: no question given\n\n"+askHelp)
		return exitUsage
	}
	useColor, err := colorMode(*color, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck ask: %v\n", err)
		return exitUsage
	}
	c, opts, done, err := openAnswering(ctx, *dir, *data, *storeFlag, getenv, stderr)
	defer done()
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck ask: %v\n", err)
		return exitFail
	}
	eng, err := mf.engine(ctx, c, opts, getenv, *data, nil, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck ask: %v\n", err)
		return exitFail
	}
	ans, err := eng.Ask(ctx, q)
	if errors.Is(err, answer.ErrInvalidQuestion) {
		fmt.Fprintf(stderr, "crosscheck ask: %v\n", err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck ask: %v\n", err)
		return exitFail
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ans); err != nil {
			fmt.Fprintf(stderr, "crosscheck ask: write answer: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	writeText(stdout, ans, useColor, *all)
	return exitOK
}

// parseFlags parses fs and handles --help. done is true when the caller
// should return code at once.
func parseFlags(fs *flag.FlagSet, args []string, help string, stdout, stderr io.Writer) (code int, done bool) {
	ordered, err := interleave(fs, args)
	if err == nil {
		err = fs.Parse(ordered)
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, help)
		return exitOK, true
	case err != nil:
		fmt.Fprintf(stderr, "crosscheck %s: %v\n\n%s", fs.Name(), err, help)
		return exitUsage, true
	}
	return 0, false
}

// interleave moves flags after positional arguments to the front, so
// `ask "question" --json` works like `ask --json "question"`. A word that
// starts with "-" but not with a letter after it ("-5 labs?") is text.
func interleave(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !looksLikeFlag(a) {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // fs.Parse reports it
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if i+1 >= len(args) {
			return nil, fmt.Errorf("flag %s needs a value", a)
		}
		flags = append(flags, args[i+1])
		i++
	}
	return append(append(flags, "--"), pos...), nil
}

func looksLikeFlag(a string) bool {
	name := strings.TrimLeft(a, "-")
	if dashes := len(a) - len(name); name == "" || dashes == 0 || dashes > 2 {
		return false
	}
	c := name[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func colorMode(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		f, ok := w.(*os.File)
		return ok && term.IsTerminal(int(f.Fd())), nil
	}
	return false, fmt.Errorf("--color must be auto, always or never, not %q", mode)
}
