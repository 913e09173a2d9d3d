package datadir

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// claimToy stands in for the claims the answer engine will save.
type claimToy struct {
	DocID      string
	Start, End int
	Holder     string
}

func testCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, skipped, err := corpus.Load(fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: Harbour\noutlet: Courier\n---\nThe harbour will not be dredged, the authority said.\n\nThe council disagrees.\n")},
		"b.jsonl": {Data: []byte(`{"id":"b","title":"Council","text":"The council said dredging starts in April. It has seen the tender."}` + "\n" +
			`{"id":"dot","text":"."}` + "\n")},
	}, corpus.Options{})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("load: %v %v", err, skipped)
	}
	return c
}

func save(t *testing.T, dir string, c *corpus.Corpus, sections ...Section) *Manifest {
	t.Helper()
	ix, err := retrieval.Build(context.Background(), c, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	m, err := Save(dir, Snapshot{Roots: []string{"/docs/news"}, Corpus: c, Index: ix, Sections: sections})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSaveOpenRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := testCorpus(t)
	claims := []claimToy{{DocID: "a", Start: 4, End: 20, Holder: "the authority"}}
	save(t, dir, c, Section{Name: "claims", Value: claims})

	op, err := Open(ctx, dir, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	if op.Corpus.Len() != c.Len() {
		t.Fatalf("opened %d docs, want %d", op.Corpus.Len(), c.Len())
	}
	for _, d := range c.Docs() {
		got := op.Corpus.Doc(d.ID)
		if got == nil || string(got.Raw) != string(d.Raw) || got.Title != d.Title || got.Format != d.Format || len(got.Passages) != len(d.Passages) {
			t.Fatalf("doc %s did not survive: %+v", d.ID, got)
		}
		for _, p := range got.Passages {
			if string(got.Raw[p.Start:p.End]) != p.Text {
				t.Errorf("%s: passage is not stored[start:end]", d.ID)
			}
		}
	}
	// A persisted index scans 8-bit vectors, as BuildReusing's does (Build
	// keeps float32 vectors in chromem-go).
	built, _, _ := retrieval.BuildReusing(ctx, retrieval.CorpusUnits(c), retrieval.Offline(), nil)
	q := "Will the harbour be dredged?"
	want, _ := built.Search(ctx, q, retrieval.SearchOptions{})
	got, _ := op.Index.Search(ctx, q, retrieval.SearchOptions{})
	if len(got) == 0 || len(got) != len(want) {
		t.Fatalf("hits %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("hit %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	var back []claimToy
	if err := op.Section("claims", &back); err != nil || len(back) != 1 || back[0] != claims[0] {
		t.Errorf("claims section: %v, %v", back, err)
	}
	if err := op.Section("disputes", &back); !errors.Is(err, ErrNoSection) {
		t.Errorf("missing section: %v, want ErrNoSection", err)
	}
}

func TestSaveReplacesGenerations(t *testing.T) {
	dir := t.TempDir()
	c := testCorpus(t)
	m1 := save(t, dir, c)
	os.WriteFile(filepath.Join(dir, IndexDir, "vectors-9.vec.tmp-123"), []byte("left by a killed ingest"), 0o644)
	m2 := save(t, dir, c)
	if m2.Generation != m1.Generation+1 {
		t.Errorf("generation %d after %d", m2.Generation, m1.Generation)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, IndexDir))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 4 {
		t.Errorf("index dir holds %v, want the manifest and three files of generation %d", names, m2.Generation)
	}
}

func TestOpenDamagedIndex(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, file string
		damage     func(path string)
		want       string
	}{
		{"truncated vectors", "vectors", func(p string) { truncate(t, p, 100) }, "vectors-1.vec: damaged or cut short"},
		{"flipped lexical byte", "lexical", flip, "lexical-1.bin: damaged"},
		{"flipped document byte", "documents", flip, "documents-1.gob: damaged"},
		{"missing vectors", "vectors", func(p string) { os.Remove(p) }, "vectors-1.vec: missing"},
		{"manifest not JSON", "manifest", func(p string) { truncate(t, p, 30) }, "manifest.json: damaged"},
		{"older format", "manifest", func(p string) { setFormat(t, p, 0) }, "damaged (no format version"},
		{"newer format", "manifest", func(p string) { setFormat(t, p, FormatVersion+1) }, "written by a newer crosscheck"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			m := save(t, dir, testCorpus(t))
			path := filepath.Join(dir, IndexDir, manifestName)
			if fe, ok := m.Files[tt.file]; ok {
				path = filepath.Join(dir, IndexDir, fe.Name)
			}
			tt.damage(path)
			_, err := Open(ctx, dir, retrieval.Offline())
			var re *RebuildError
			if !errors.As(err, &re) {
				t.Fatalf("Open: %v, want a *RebuildError", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "crosscheck ingest --data "+dir) {
				t.Errorf("error %q, want it to contain %q and the rebuild command", err, tt.want)
			}
		})
	}
}

func TestOpenOlderFormat(t *testing.T) {
	dir := t.TempDir()
	save(t, dir, testCorpus(t))
	path := filepath.Join(dir, IndexDir, manifestName)
	if FormatVersion > 1 {
		setFormat(t, path, FormatVersion-1)
	} else {
		// Version 1 is the first; an older one is simulated by its number.
		b, _ := os.ReadFile(path)
		var m map[string]any
		json.Unmarshal(b, &m)
		m["format"] = -1
		b, _ = json.Marshal(m)
		os.WriteFile(path, b, 0o644)
	}
	_, err := ReadManifest(dir)
	if err == nil || !strings.Contains(err.Error(), "older crosscheck") || !strings.Contains(err.Error(), "crosscheck ingest --data "+dir+" /docs/news") {
		t.Errorf("err = %v, want the older-format message with the rebuild command", err)
	}
}

func TestOpenNoIndex(t *testing.T) {
	if _, err := Open(context.Background(), t.TempDir(), retrieval.Offline()); !errors.Is(err, ErrNoIndex) {
		t.Errorf("err = %v, want ErrNoIndex", err)
	}
}

func TestLockIsExclusive(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(dir); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "process") {
		t.Errorf("second Lock: %v, want ErrLocked naming the holder", err)
	}
	unlock()
	again, err := Lock(dir)
	if err != nil {
		t.Fatalf("Lock after unlock: %v", err)
	}
	again()
}

func truncate(t *testing.T, path string, n int64) {
	if err := os.Truncate(path, n); err != nil {
		t.Fatal(err)
	}
}

func flip(path string) {
	b, _ := os.ReadFile(path)
	b[len(b)/2] ^= 0x55
	os.WriteFile(path, b, 0o644)
}

func setFormat(t *testing.T, path string, v int) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	m["format"] = v
	b, _ = json.Marshal(m)
	os.WriteFile(path, b, 0o644)
}

// Readers never see a half-written index, even when ingests follow each
// other while they open it.
func TestOpenWhileSaving(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := testCorpus(t)
	save(t, dir, c)
	ix, err := retrieval.Build(ctx, c, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		for range 15 {
			if _, err := Save(dir, Snapshot{Corpus: c, Index: ix}); err != nil {
				done <- err
				return
			}
			time.Sleep(time.Millisecond)
		}
		done <- nil
	}()
	for opens := 0; ; opens++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			return
		default:
		}
		op, err := Open(ctx, dir, retrieval.Offline())
		if err != nil {
			t.Fatalf("open %d during saves: %v", opens, err)
		}
		if op.Corpus.Len() != c.Len() {
			t.Fatalf("open %d: %d documents, want %d", opens, op.Corpus.Len(), c.Len())
		}
	}
}
