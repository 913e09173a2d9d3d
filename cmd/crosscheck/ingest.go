package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/lexicon"
	"github.com/crosscheck/crosscheck/retrieval"
)

const ingestHelp = `Usage: crosscheck ingest [flags] [PATH|URL…]

Reads documents into the data directory's index, which ask and serve then
open instead of indexing a corpus at every start. PATH is a file or a folder
(.md/.markdown/.txt with optional front matter, .html, .pdf, .docx, .jsonl
with one document per line); URL an http(s) page. Ingest is idempotent:
unchanged documents are not embedded again, changed ones are replaced.
Every file not read is named with its reason. With no PATH or URL, the
paths and URLs the index was built from are read again.

Flags:
  --data DIR            data directory (default: $CROSSCHECK_DATA, else
                        $XDG_STATE_HOME/crosscheck or ~/.local/state/crosscheck)
  --prune               remove documents from the index that this run did not
                        find (the index then holds exactly what was given)
  --max-file-size SIZE  skip files larger than this, e.g. 8MiB, 20MB
                        (default: $CROSSCHECK_MAX_FILE_SIZE, else 8MiB)
  --progress MODE       progress bar: auto (on a terminal), always, never
  --store DSN           write into a PostgreSQL store instead of a data
                        directory (default: $CROSSCHECK_STORE when --data is
                        not given); see docs/postgres.md

Exit status: 0 done (skips are reported, not failures), 1 failure, 2 usage.
`

// ingestOptions are ingest's flags and environment, resolved.
type ingestOptions struct {
	dataDir string
	// store is where the index is read and written: the data directory,
	// unless --store names a database.
	store    indexStore
	prune    bool
	limit    int64
	progress bool
	args     []string
	// client fetches URLs; tests point it at a loopback server.
	client *http.Client
}

func runIngest(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	data := fs.String("data", "", "")
	prune := fs.Bool("prune", false, "")
	size := fs.String("max-file-size", cmp.Or(getenv("CROSSCHECK_MAX_FILE_SIZE"), "8MiB"), "")
	progress := fs.String("progress", "auto", "")
	storeFlag := fs.String("store", "", "")
	if code, done := parseFlags(fs, args, ingestHelp, stdout, stderr); done {
		return code
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "crosscheck ingest: "+format+"\n", a...)
		return exitUsage
	}
	limit, err := parseSize(*size)
	if err != nil {
		return usage("--max-file-size / CROSSCHECK_MAX_FILE_SIZE: %v", err)
	}
	showBar, err := colorMode(*progress, stderr)
	if err != nil {
		return usage("--progress must be auto, always or never, not %q", *progress)
	}
	opts := ingestOptions{prune: *prune, limit: limit, progress: showBar, args: fs.Args(),
		client: &http.Client{Timeout: urlTimeout}}
	dsn := *storeFlag
	if dsn == "" && *data == "" {
		dsn = getenv(storeEnv)
	}
	if dsn != "" && *data != "" {
		return usage("pass --store or --data, not both")
	}
	if dsn != "" {
		st, err := openStore(ctx, dsn)
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck ingest: %v\n", err)
			return exitFail
		}
		defer st.Close()
		opts.store = &pgIndexStore{st: st}
	} else {
		dir := resolveDataDir(*data, getenv)
		if dir == "" {
			return usage("no data directory: pass --data DIR or set CROSSCHECK_DATA (HOME is not set either)")
		}
		opts.dataDir, opts.store = dir, dirIndexStore(dir)
	}
	if len(opts.args) == 0 {
		// No arguments: refresh what the index was built from.
		if roots := opts.store.roots(ctx); len(roots) > 0 {
			opts.args = roots
		} else {
			return usage("no PATH or URL given, and %s holds no index to refresh\n\n%s", opts.store.name(), ingestHelp)
		}
	}
	sum, err := ingest(ctx, opts, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck ingest: %v\n", err)
		return exitFail
	}
	sum.write(stdout)
	return exitOK
}

// ingestSummary is what one ingest did.
type ingestSummary struct {
	dataDir                            string
	generation                         int64
	docs, passages                     int
	added, updated, unchanged, removed []string
	embedded                           int
	skipped                            []corpus.Skipped
	failed                             []failedURL
	written                            bool
	elapsed                            time.Duration
}

// ingest reads the arguments, merges them with the index already in the
// data directory, embeds what is new or changed and saves the result. It
// holds the data directory's lock throughout.
func ingest(ctx context.Context, o ingestOptions, stderr io.Writer) (*ingestSummary, error) {
	start := time.Now()
	if o.store == nil {
		o.store = dirIndexStore(o.dataDir)
	}
	unlock, err := o.store.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	emb := retrieval.Offline()
	old, err := o.store.open(ctx, emb)
	switch {
	case errors.Is(err, datadir.ErrNoIndex):
		old = nil
	case errors.Is(err, datadir.ErrRebuild):
		// Ingest is the rebuild; what the old index held is lost.
		fmt.Fprintf(stderr, "crosscheck ingest: the existing index cannot be used (%v); building a new one\n", err)
		old = nil
	case err != nil:
		return nil, err
	}

	bar := newIngestBar(o.progress, len(o.args), stderr)
	g := &gatherer{limit: o.limit, client: o.client, tick: func() { bar.Add(1) }, more: bar.AddMax}
	got, err := g.gather(ctx, o.args)
	bar.Finish()
	if err != nil {
		return nil, err
	}
	sum := &ingestSummary{dataDir: o.store.name(), skipped: got.skipped, failed: got.failed}
	docs, prior := merge(old, got.docs, o.prune, sum)
	roots := absRoots(o.args)
	if old != nil && !o.prune {
		roots = mergeRoots(old.Manifest.Roots, roots)
	}
	if old != nil && len(sum.added)+len(sum.updated)+len(sum.removed) == 0 && slices.Equal(roots, old.Manifest.Roots) {
		sum.generation, sum.docs, sum.passages = old.Manifest.Generation, old.Corpus.Len(), len(old.Index.Units())
		sum.elapsed = time.Since(start)
		return sum, nil
	}
	if len(docs) == 0 {
		return sum, fmt.Errorf("no document could be read from %s; nothing was written%s", strings.Join(o.args, ", "), sum.reasonsHint())
	}
	if o.progress {
		fmt.Fprintf(stderr, "indexing %d documents…\n", len(docs))
	}
	c := corpus.NewCorpus(docs)
	units := retrieval.CorpusUnits(c)
	vecs := make([]*retrieval.Vector, len(units))
	for i, u := range units {
		if v, ok := prior[u.DocID]; ok && u.Passage < len(v) {
			vecs[i] = &v[u.Passage]
		}
	}
	ix, embedded, err := retrieval.BuildReusing(ctx, units, emb, vecs)
	if err != nil {
		return nil, err
	}
	gen, err := o.store.save(ctx, datadir.Snapshot{Roots: roots, Corpus: c, Index: ix, Sections: indexSections(c)})
	if err != nil {
		return nil, err
	}
	sum.generation, sum.docs, sum.passages, sum.embedded, sum.written = gen, c.Len(), len(units), embedded, true
	sum.elapsed = time.Since(start)
	return sum, nil
}

// indexSections returns the extra sections saved with the index: the
// corpus's claims and the disputes among them, and the answer engine's
// vocabulary, read once here so that ask and serve open them instead of
// reading every sentence again.
func indexSections(c *corpus.Corpus) []datadir.Section {
	return []datadir.Section{
		{Name: claimsSection, Value: corpus.BuildClaims(c, lexicon.Default()).Data()},
		{Name: vocabularySection, Value: answer.BuildVocabulary(c)},
	}
}

// merge combines what this run read with the old index: a document read
// again with the same content hash keeps its vectors (prior, by document
// ID, one per passage); a changed one is embedded again; one not read this
// run is kept, or removed with prune.
func merge(old *datadir.Opened, read []*corpus.Document, prune bool, sum *ingestSummary) ([]*corpus.Document, map[string][]retrieval.Vector) {
	prior := map[string][]retrieval.Vector{}
	oldHash := map[string]string{}
	oldVecs := map[string][]retrieval.Vector{}
	if old != nil {
		for _, e := range old.Manifest.Documents {
			oldHash[e.ID] = e.Hash
		}
		units, vecs := old.Index.Units(), old.Index.Vectors()
		for i, u := range units {
			oldVecs[u.DocID] = append(oldVecs[u.DocID], vecs[i])
		}
	}
	seen := map[string]bool{}
	docs := make([]*corpus.Document, 0, len(read))
	for _, d := range read {
		seen[d.ID] = true
		docs = append(docs, d)
		h, ok := oldHash[d.ID]
		switch {
		case !ok:
			sum.added = append(sum.added, d.ID)
		case h != datadir.DocHash(d) || !samePassages(old.Corpus.Doc(d.ID), d):
			// Equal hashes with other passages mean the splitter changed
			// since the last ingest: the old vectors belong to other texts.
			sum.updated = append(sum.updated, d.ID)
		default:
			sum.unchanged = append(sum.unchanged, d.ID)
			prior[d.ID] = oldVecs[d.ID]
		}
	}
	if old != nil {
		for _, d := range old.Corpus.Docs() {
			if seen[d.ID] {
				continue
			}
			if prune {
				sum.removed = append(sum.removed, d.ID)
				continue
			}
			docs = append(docs, d)
			prior[d.ID] = oldVecs[d.ID]
		}
	}
	return docs, prior
}

func samePassages(a, b *corpus.Document) bool {
	if a == nil || len(a.Passages) != len(b.Passages) {
		return false
	}
	for i := range a.Passages {
		if a.Passages[i].Text != b.Passages[i].Text {
			return false
		}
	}
	return true
}

// absRoots makes paths absolute, so the rebuild command the index records
// works from any directory; URLs stay as they are.
func absRoots(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if !isURL(a) {
			if abs, err := filepath.Abs(a); err == nil {
				out[i] = abs
			}
		}
	}
	return out
}

// mergeRoots is old followed by the new roots it lacks.
func mergeRoots(old, args []string) []string {
	out := slices.Clone(old)
	for _, a := range args {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// newIngestBar counts files read; it starts at one per argument, and a
// folder adds its files when it has listed them.
func newIngestBar(show bool, args int, w io.Writer) *progressbar.ProgressBar {
	if !show {
		return progressbar.NewOptions(args, progressbar.OptionSetVisibility(false))
	}
	return progressbar.NewOptions(args, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("reading"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("files"),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish(),
		progressbar.OptionSetPredictTime(true), progressbar.OptionFullWidth())
}

func (s *ingestSummary) reasonsHint() string {
	if len(s.skipped)+len(s.failed) == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d skipped, %d failed URLs)", len(s.skipped), len(s.failed))
}

// write prints the summary: counts, then every skip and failed URL.
func (s *ingestSummary) write(w io.Writer) {
	verb := "Index in"
	if s.written {
		verb = "Ingested into"
	}
	fmt.Fprintf(w, "%s %s (generation %d): %d documents, %d passages, in %s.\n", verb, s.dataDir, s.generation, s.docs, s.passages, s.elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "  added      %d\n  updated    %d\n  unchanged  %d\n  removed    %d\n  embedded   %d passages\n",
		len(s.added), len(s.updated), len(s.unchanged), len(s.removed), s.embedded)
	if !s.written {
		fmt.Fprintln(w, "  nothing changed; the index was not rewritten")
	}
	sort.SliceStable(s.skipped, func(i, j int) bool { return s.skipped[i].Path < s.skipped[j].Path })
	fmt.Fprintf(w, "  skipped    %d\n", len(s.skipped))
	for _, k := range s.skipped {
		fmt.Fprintf(w, "    %s: %s\n", k.Path, k.Reason)
	}
	if len(s.failed) > 0 {
		fmt.Fprintf(w, "  failed URLs %d\n", len(s.failed))
		for _, f := range s.failed {
			fmt.Fprintf(w, "    %s: %s\n", f.URL, f.Status)
		}
	}
}
