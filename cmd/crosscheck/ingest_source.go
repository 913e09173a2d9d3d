package main

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// gathered is what reading the ingest arguments gives: documents, and
// everything that was not read with its reason.
type gathered struct {
	docs    []*corpus.Document
	skipped []corpus.Skipped
	failed  []failedURL
	// files counts the files and pages read, documents or not.
	files int
}

// failedURL is a URL that could not be fetched, with the HTTP status or
// the error.
type failedURL struct{ URL, Status string }

// gatherer reads files, folders and URLs into documents.
type gatherer struct {
	limit  int64
	client *http.Client
	// tick is called once per file read, more with the number of files a
	// folder adds beyond the one its argument counted, for the progress bar.
	tick func()
	more func(n int)
}

// urlTimeout bounds one page fetch: a stalled server must not stall the
// whole ingest.
const urlTimeout = 30 * time.Second

func isURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// gather reads every argument in order. The first document to claim an
// ID keeps it; a later one is skipped with the reason.
func (g *gatherer) gather(ctx context.Context, args []string) (*gathered, error) {
	out := &gathered{}
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		switch st, err := os.Stat(arg); {
		case isURL(arg):
			g.fetch(ctx, arg, out)
		case err != nil:
			out.skipped = append(out.skipped, corpus.Skipped{Path: arg, Reason: "cannot read: " + oneLine(err.Error())})
		case st.IsDir():
			if err := g.folder(arg, out); err != nil {
				return nil, err
			}
		default:
			g.file(arg, out)
		}
	}
	seen := map[string]string{}
	docs := out.docs[:0]
	for _, d := range out.docs {
		if prev, ok := seen[d.ID]; ok {
			out.skipped = append(out.skipped, corpus.Skipped{Path: d.Source,
				Reason: fmt.Sprintf("same document ID %q as %s; rename one of them", d.ID, prev)})
			continue
		}
		seen[d.ID] = d.Source
		docs = append(docs, d)
	}
	out.docs = docs
	return out, nil
}

// folder reads every document file under dir through an os.Root, so a
// symbolic link cannot lead the ingest out of the folder. IDs are paths
// relative to dir without extension, as for --corpus.
func (g *gatherer) folder(dir string, out *gathered) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	defer root.Close()
	fsys := root.FS()
	paths, skipped, err := corpus.Files(fsys)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	g.more(len(paths) - 1)
	abs, _ := filepath.Abs(dir)
	for _, s := range skipped {
		out.skipped = append(out.skipped, corpus.Skipped{Path: filepath.Join(dir, s.Path), Reason: s.Reason})
	}
	type result struct {
		docs  []*corpus.Document
		skips []corpus.Skipped
	}
	results := make([]result, len(paths))
	var mu sync.Mutex
	retrieval.Parallel(len(paths), func(i int) {
		p := paths[i]
		shown := filepath.Join(dir, filepath.FromSlash(p))
		raw, err := corpus.ReadFile(fsys, p, g.limit)
		if err == nil {
			f, _ := corpus.FormatOf(p)
			var docs []*corpus.Document
			var skips []corpus.Skipped
			docs, skips, err = corpus.ParseFile(corpus.DocID(p), filepath.Join(abs, filepath.FromSlash(p)), f, raw, corpus.Options{MaxFileBytes: g.limit})
			results[i] = result{docs, skips}
		}
		if err != nil {
			results[i].skips = []corpus.Skipped{{Path: shown, Reason: err.Error()}}
		}
		mu.Lock()
		g.tick()
		mu.Unlock()
	})
	for _, r := range results {
		out.docs = append(out.docs, r.docs...)
		out.skipped = append(out.skipped, r.skips...)
	}
	out.files += len(paths)
	return nil
}

// file reads one file named on the command line; its ID is its base name
// without extension. A link named explicitly is followed.
func (g *gatherer) file(p string, out *gathered) {
	defer g.tick()
	out.files++
	f, ok := corpus.FormatOf(p)
	if !ok {
		out.skipped = append(out.skipped, corpus.Skipped{Path: p, Reason: "not a document format crosscheck reads (" + corpus.Extensions + ")"})
		return
	}
	raw, err := corpus.ReadFile(os.DirFS(filepath.Dir(p)), filepath.Base(p), g.limit)
	if err != nil {
		out.skipped = append(out.skipped, corpus.Skipped{Path: p, Reason: err.Error()})
		return
	}
	abs, _ := filepath.Abs(p)
	docs, skips, err := corpus.ParseFile(corpus.DocID(filepath.Base(p)), abs, f, raw, corpus.Options{MaxFileBytes: g.limit})
	if err != nil {
		out.skipped = append(out.skipped, corpus.Skipped{Path: p, Reason: err.Error()})
		return
	}
	out.docs = append(out.docs, docs...)
	out.skipped = append(out.skipped, skips...)
}

// fetch reads one page. Its ID is host and path ("example.com/news/a"),
// its format the response's content type, else the URL's extension.
func (g *gatherer) fetch(ctx context.Context, raw string, out *gathered) {
	defer g.tick()
	out.files++
	fail := func(status string) { out.failed = append(out.failed, failedURL{URL: raw, Status: status}) }
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		fail("not a valid URL")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, urlTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		fail(oneLine(err.Error()))
		return
	}
	req.Header.Set("User-Agent", "crosscheck-ingest")
	resp, err := g.client.Do(req)
	if err != nil {
		fail(oneLine(err.Error()))
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fail(resp.Status)
		return
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, g.limit+1))
	if err != nil {
		fail("reading the body: " + oneLine(err.Error()))
		return
	}
	if int64(len(body)) > g.limit {
		fail(fmt.Sprintf("page is over the %d-byte limit (--max-file-size)", g.limit))
		return
	}
	f, ok := urlFormat(resp.Header.Get("Content-Type"), u.Path)
	if !ok {
		fail("unsupported content type " + resp.Header.Get("Content-Type"))
		return
	}
	docs, skips, err := corpus.ParseFile(urlID(resp.Request.URL), resp.Request.URL.String(), f, body, corpus.Options{MaxFileBytes: g.limit})
	if err != nil {
		out.skipped = append(out.skipped, corpus.Skipped{Path: raw, Reason: err.Error()})
		return
	}
	for _, d := range docs {
		if d.URL == "" {
			d.URL = resp.Request.URL.String()
		}
	}
	out.docs = append(out.docs, docs...)
	out.skipped = append(out.skipped, skips...)
}

func urlFormat(contentType, urlPath string) (corpus.Format, bool) {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return corpus.FormatHTML, true
	case "application/pdf":
		return corpus.FormatPDF, true
	case "text/plain", "text/markdown":
		return corpus.FormatText, true
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return corpus.FormatDOCX, true
	case "application/x-ndjson", "application/jsonl":
		return corpus.FormatJSONL, true
	}
	if f, ok := corpus.FormatOf(urlPath); ok {
		return f, true
	}
	return "", false
}

// urlID is the document ID of a page: host (without "www.") and path,
// without extension or trailing slash.
func urlID(u *url.URL) string {
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	p := strings.Trim(u.EscapedPath(), "/")
	p = strings.TrimSuffix(p, path.Ext(p))
	if p == "" {
		return host
	}
	return host + "/" + p
}
