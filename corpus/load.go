package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Load reads every document file under fsys (see Extensions). Bad files,
// files of other kinds and bad JSONL lines are skipped and reported; the
// error is for an unreadable root only. Files are parsed
// concurrently (parsing, not I/O, dominates), and the result does not depend
// on scheduling: documents are ordered by ID, skips by path.
func Load(fsys fs.FS, opts Options) (*Corpus, []Skipped, error) {
	limit := opts.MaxFileBytes
	if limit <= 0 {
		limit = DefaultMaxFileBytes
	}
	paths, skipped, err := Files(fsys)
	if err != nil {
		return nil, nil, err
	}
	type result struct {
		docs   []*Document
		skips  []Skipped
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
				docs, skips, err := loadFile(fsys, paths[k], limit)
				if err != nil {
					results[k].reason = err.Error()
					continue
				}
				results[k].docs, results[k].skips = docs, skips
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
		if r.reason != "" {
			skipped = append(skipped, Skipped{Path: paths[k], Reason: r.reason})
		}
		skipped = append(skipped, r.skips...)
		for _, d := range r.docs {
			if prev := seen[d.ID]; prev != "" {
				skipped = append(skipped, Skipped{Path: paths[k],
					Reason: fmt.Sprintf("same ID %q as %s; rename one of them", d.ID, prev)})
				continue
			}
			seen[d.ID] = paths[k]
			docs = append(docs, d)
		}
	}
	sort.SliceStable(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path })
	return newCorpus(docs), skipped, nil
}

// NewCorpus orders docs by ID and indexes them; IDs must be distinct.
func NewCorpus(docs []*Document) *Corpus { return newCorpus(docs) }

// LoadDir is Load on a directory of the local file system. Symbolic links
// that lead out of dir are skipped, never followed.
func LoadDir(dir string, opts Options) (*Corpus, []Skipped, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read corpus root: %w", err)
	}
	defer root.Close()
	return Load(root.FS(), opts)
}

// Files returns the paths of the document files under fsys in lexical
// order, and names every other file with the reason it is left out.
// Hidden files and folders (".git", ".obsidian") are not part of a corpus;
// a hidden folder is named once, not file by file. An unreadable
// subdirectory is a skip, an unreadable root an error. On an os.Root file system, a symbolic link that leads out
// of the root is a skip.
func Files(fsys fs.FS) ([]string, []Skipped, error) {
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
				skipped = append(skipped, Skipped{Path: p, Reason: "hidden folder; not part of a corpus"})
				return fs.SkipDir
			}
			skipped = append(skipped, Skipped{Path: p, Reason: "hidden file; not part of a corpus"})
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if reason := symlinkProblem(fsys, p); reason != "" {
				skipped = append(skipped, Skipped{Path: p, Reason: reason})
				return nil
			}
		}
		if _, ok := FormatOf(p); !ok {
			skipped = append(skipped, Skipped{Path: p, Reason: "not a document format crosscheck reads (" + Extensions + ")"})
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

// symlinkProblem says why the link at p is not followed, or "" when it
// leads to a regular file inside the file system.
func symlinkProblem(fsys fs.FS, p string) string {
	target := ""
	if t, err := fs.ReadLink(fsys, p); err == nil {
		target = " (-> " + t + ")"
	}
	st, err := fs.Stat(fsys, p)
	switch {
	case err != nil && strings.Contains(err.Error(), "escapes"):
		return "symbolic link leads outside the folder" + target + "; not followed"
	case err != nil:
		return "broken symbolic link" + target + ": " + oneLine(err.Error())
	case st.IsDir():
		return "symbolic link to a directory" + target + "; not followed"
	}
	return ""
}

// docID is the path without its extension, with forward slashes (fs.FS
// paths already use them on every OS).
func docID(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }

// loadFile reads and parses one file.
func loadFile(fsys fs.FS, p string, limit int64) ([]*Document, []Skipped, error) {
	raw, err := ReadFile(fsys, p, limit)
	if err != nil {
		return nil, nil, err
	}
	f, _ := FormatOf(p)
	return ParseFile(docID(p), p, f, raw, Options{MaxFileBytes: limit})
}

// DocID is the document ID of the file at path p: p without its
// extension, with forward slashes.
func DocID(p string) string { return docID(p) }

// ReadFile reads the file at p, checking its size against limit before
// reading, so a stray multi-gigabyte dump costs a stat, not memory. A JSONL
// file may be up to MaxJSONLBytes; ParseFile bounds its lines.
func ReadFile(fsys fs.FS, p string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileBytes
	}
	if f, _ := FormatOf(p); f == FormatJSONL {
		limit = max(limit, MaxJSONLBytes)
	}
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
	return raw, nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("file is %s, over the %s limit; split it or raise the limit (--max-file-size, CROSSCHECK_MAX_FILE_SIZE)", humanBytes(size), humanBytes(limit))
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
