package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strings"
	"sync"
)

// Load reads every .md/.txt file under fsys. Bad files are skipped and
// reported; the error is for an unreadable root only. Files are parsed
// concurrently (parsing, not I/O, dominates), and the result does not depend
// on scheduling: documents are ordered by ID, skips by path.
func Load(fsys fs.FS, opts Options) (*Corpus, []Skipped, error) {
	limit := opts.MaxFileBytes
	if limit <= 0 {
		limit = DefaultMaxFileBytes
	}
	paths, skipped, err := listFiles(fsys)
	if err != nil {
		return nil, nil, err
	}
	type result struct {
		doc    *Document
		reason string
	}
	results := make([]result, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(paths), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				d, err := loadFile(fsys, paths[k], limit)
				if err != nil {
					results[k].reason = err.Error()
					continue
				}
				results[k].doc = d
			}
		}()
	}
	for k := range paths {
		jobs <- k
	}
	close(jobs)
	wg.Wait()

	docs := make([]*Document, 0, len(paths))
	seen := make(map[string]string, len(paths))
	for k, r := range results {
		switch {
		case r.doc == nil:
			skipped = append(skipped, Skipped{Path: paths[k], Reason: r.reason})
		case seen[r.doc.ID] != "":
			skipped = append(skipped, Skipped{Path: paths[k],
				Reason: fmt.Sprintf("same ID %q as %s; rename one of them", r.doc.ID, seen[r.doc.ID])})
		default:
			seen[r.doc.ID] = paths[k]
			docs = append(docs, r.doc)
		}
	}
	return newCorpus(docs), skipped, nil
}

// LoadDir is Load on a directory of the local file system.
func LoadDir(dir string, opts Options) (*Corpus, []Skipped, error) {
	return Load(os.DirFS(dir), opts)
}

// listFiles returns the .md/.txt paths under fsys in lexical order. Hidden
// files and directories (".git", ".obsidian") are not part of a corpus. An
// unreadable subdirectory is a skip, an unreadable root an error.
func listFiles(fsys fs.FS) ([]string, []Skipped, error) {
	var paths []string
	var skipped []Skipped
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			skipped = append(skipped, Skipped{Path: p, Reason: "cannot read: " + oneLine(err.Error())})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isCorpusFile(p) {
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read corpus root: %w", err)
	}
	return paths, skipped, nil
}

func isCorpusFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".txt", ".markdown":
		return true
	}
	return false
}

// docID is the path without its extension, with forward slashes (fs.FS
// paths already use them on every OS).
func docID(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }

// loadFile checks the size before reading, so a stray multi-gigabyte dump
// costs a stat, not memory, then parses the file.
func loadFile(fsys fs.FS, p string, limit int64) (*Document, error) {
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", oneLine(err.Error()))
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > limit {
		return nil, tooLarge(st.Size(), limit)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", oneLine(err.Error()))
	}
	defer f.Close()
	// Read one byte past the limit: the file may have grown since Stat.
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", oneLine(err.Error()))
	}
	if int64(len(raw)) > limit {
		return nil, tooLarge(int64(len(raw)), limit)
	}
	return ParseDocument(docID(p), raw)
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("file is %s, over the %s limit; split it or raise Options.MaxFileBytes", humanBytes(size), humanBytes(limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
