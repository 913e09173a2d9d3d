// Command gen turns WordNet's database files into the lexicon's embedded data
// file. It is run by hand through `go generate ./lexicon` (see the lexicon
// package comment for where the WordNet files come from); the package itself
// never reads WordNet's files.
//
// Output is deterministic: the same input files give the same bytes.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

func main() {
	dict := flag.String("dict", "", "WordNet dict directory holding data.* for noun, verb, adj and adv and index.* for noun, verb and adj")
	exc := flag.String("exc", "", "directory holding noun.exc, verb.exc, adj.exc and adv.exc (default: -dict)")
	out := flag.String("out", "wordnet.lex.gz", "output file")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *dict == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -dict DIR [-exc DIR] [-out FILE]")
		os.Exit(2)
	}
	if *exc == "" {
		*exc = *dict
	}
	if err := run(log, *dict, *exc, *out); err != nil {
		log.Error("generate lexicon", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger, dict, exc, out string) error {
	d, err := build(log, os.DirFS(dict), os.DirFS(exc))
	if err != nil {
		return err
	}
	raw, err := lexfile.Encode(d)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	gz, err := compress(raw)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, gz, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	log.Info("wrote lexicon", "file", out, "bytes", len(gz), "raw_bytes", len(raw),
		"lemmas", d.Lemmas.Len(), "noun_synsets", d.Nouns, "verb_synsets", len(d.MemberOff)-1-d.Nouns,
		"noun_exceptions", len(d.Exceptions[lexfile.Noun]), "verb_exceptions", len(d.Exceptions[lexfile.Verb]),
		"max_words", d.MaxWords, "pertainym_adjectives", d.Adjectives.Len(), "pertainyms", len(d.Pertainyms),
		"adjectives", len(d.AdjIDs), "adverbs", len(d.AdvIDs), "adj_adv_only_words", d.Words.Len(),
		"adj_exceptions", len(d.Exceptions[lexfile.Adj]), "adv_exceptions", len(d.Exceptions[lexfile.Adv]))
	return nil
}

// compress gzips raw with a zero header (no name, no time) so that output
// depends only on input.
func compress(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(zw, bytes.NewReader(raw)); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return buf.Bytes(), nil
}
