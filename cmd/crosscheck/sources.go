package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
)

const sourcesHelp = `Usage: crosscheck sources [--corpus DIR] [words…]

Lists the documents of the corpus (id, title, outlet, date). With words,
lists only the documents whose id, title, outlet or author contain all of them.

Flags:
  --corpus DIR   directory of .md/.txt documents (default: $CROSSCHECK_CORPUS,
                 else the corpus shipped in the binary)
` + storeFlagHelp

const sourceHelp = `Usage: crosscheck source [--corpus DIR] ID|words…

Shows one document's metadata and its passages with byte offsets into the
file (raw[start:end] is the passage text). Takes a document id, or words that
match exactly one document.

Flags:
  --corpus DIR   directory of .md/.txt documents (default: $CROSSCHECK_CORPUS,
                 else the corpus shipped in the binary)
` + storeFlagHelp

func runSources(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sources", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir, storeFlag := fs.String("corpus", "", ""), fs.String("store", "", "")
	if code, done := parseFlags(fs, args, sourcesHelp, stdout, stderr); done {
		return code
	}
	c, err := openLibrary(ctx, *dir, *storeFlag, getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck sources: %v\n", err)
		return exitFail
	}
	docs := c.Filter(strings.Join(fs.Args(), " "))
	if len(docs) == 0 {
		fmt.Fprintf(stdout, "No document matches %q; run 'crosscheck sources' to list all %d.\n", strings.Join(fs.Args(), " "), c.Len())
		return exitOK
	}
	for _, d := range docs {
		fmt.Fprintf(stdout, "%s\n  %s\n  %s\n", d.ID, orDash(d.Title), strings.Join(nonEmpty(d.Outlet, d.Author, d.Published), " · "))
	}
	return exitOK
}

func runSource(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("source", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir, storeFlag := fs.String("corpus", "", ""), fs.String("store", "", "")
	if code, done := parseFlags(fs, args, sourceHelp, stdout, stderr); done {
		return code
	}
	key := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if key == "" {
		fmt.Fprint(stderr, "crosscheck source: no document id given\n\n"+sourceHelp)
		return exitUsage
	}
	c, err := openLibrary(ctx, *dir, *storeFlag, getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck source: %v\n", err)
		return exitFail
	}
	d, err := findDoc(c, key)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck source: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "id:        %s\ntitle:     %s\noutlet:    %s\nauthor:    %s\npublished: %s\nurl:       %s\n",
		d.ID, orDash(d.Title), orDash(d.Outlet), orDash(d.Author), orDash(d.Published), orDash(d.URL))
	fmt.Fprintf(stdout, "%spassages:  %d\n", storedNote(d), len(d.Passages))
	for i, p := range d.Passages {
		fmt.Fprintf(stdout, "\n[%d] %d:%d%s\n%s\n", i+1, p.Start, p.End, pageNote(d, p.Start), p.Text)
	}
	return exitOK
}

// findDoc resolves an id, or words matching exactly one document.
func findDoc(c *corpus.Corpus, key string) (*corpus.Document, error) {
	if d := c.Doc(key); d != nil {
		return d, nil
	}
	docs := c.Filter(key)
	switch len(docs) {
	case 0:
		return nil, fmt.Errorf("no document matches %q; run 'crosscheck sources' to list the ids", key)
	case 1:
		return docs[0], nil
	}
	ids := make([]string, 0, 5)
	for i, d := range docs {
		if i == 5 {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, d.ID)
	}
	return nil, fmt.Errorf("%d documents match %q (%s); give the id", len(docs), key, strings.Join(ids, ", "))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
