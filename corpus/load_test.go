package corpus

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// sharedDir is where CI keeps the evaluation corpora, next to the repo; tests
// that need them skip when they are absent.
func sharedDir(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "eval-corpora", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not present: %v", dir, err)
	}
	return dir
}

func TestLoadSkipsBadFiles(t *testing.T) {
	good := &fstest.MapFile{Data: []byte("---\ntitle: Good\n---\nA sentence.\n")}
	fsys := fstest.MapFS{
		"a-good.md":           good,
		"sub/deep/b-good.txt": {Data: []byte("Plain text. Two sentences.\n")},
		"bad-yaml.md":         {Data: []byte("---\ntitle: [oops\n---\nBody.\n")},
		"unterminated.md":     {Data: []byte("---\ntitle: T\nBody.\n")},
		"latin1.md":           {Data: []byte("Caf\xe9 con leche.\n")},
		"empty.md":            {Data: nil},
		"blank.txt":           {Data: []byte(" \n\t\r\n")},
		"binary.md":           {Data: []byte("PK\x03\x04\x00\x00text")},
		"huge.md":             {Data: bytes.Repeat([]byte("Words. "), 200)},
		"only-fm.md":          {Data: []byte("---\ntitle: T\n---\n\n")},
		"image.png":           {Data: []byte("\x89PNG")},
		".hidden/x.md":        good,
		".notes.md":           good,
	}
	c, skipped, err := Load(fsys, Options{MaxFileBytes: 1000})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var ids []string
	for _, d := range c.Docs() {
		ids = append(ids, d.ID)
	}
	if got, want := strings.Join(ids, ","), "a-good,sub/deep/b-good"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	want := map[string]string{
		"bad-yaml.md":     "front matter is not valid YAML",
		"unterminated.md": "no closing ---",
		"latin1.md":       "not valid UTF-8",
		"empty.md":        "empty",
		"blank.txt":       "empty",
		"binary.md":       "binary",
		"huge.md":         "over the 1000 bytes limit",
		"only-fm.md":      "no text after the front matter",
		"image.png":       "not a document format",
		".hidden":         "hidden folder",
		".notes.md":       "hidden file",
	}
	got := map[string]string{}
	for _, s := range skipped {
		got[s.Path] = s.Reason
		if strings.ContainsAny(s.Reason, "\n\r") || s.Reason == "" {
			t.Errorf("%s: reason %q is not one line", s.Path, s.Reason)
		}
	}
	for path, sub := range want {
		if !strings.Contains(got[path], sub) {
			t.Errorf("%s: reason %q, want containing %q", path, got[path], sub)
		}
	}
	if len(got) != len(want) {
		t.Errorf("skipped %v, want the %d bad files", got, len(want))
	}
	if !sort.SliceIsSorted(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path }) {
		t.Errorf("skips not in path order: %v", skipped)
	}
}

func TestLoadDuplicateID(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":  {Data: []byte("From markdown.\n")},
		"a.txt": {Data: []byte("From text.\n")},
	}
	c, skipped, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 1 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, `same ID "a"`) {
		t.Errorf("docs %d, skipped %v", c.Len(), skipped)
	}
}

func TestLoadDirMissingRoot(t *testing.T) {
	if _, _, err := LoadDir(filepath.Join(t.TempDir(), "nope"), Options{}); err == nil {
		t.Error("want an error for a missing root")
	}
}

func TestLoadDirDeterministic(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		name := filepath.Join(dir, string(rune('a'+i%26))+strings.Repeat("x", i/26)+".md")
		if err := os.WriteFile(name, []byte("Doc text number one. And two.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, _, err := LoadDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, _, _ := LoadDir(dir, Options{})
		for k := range a.Docs() {
			if a.Docs()[k].ID != b.Docs()[k].ID {
				t.Fatalf("order differs at %d: %s vs %s", k, a.Docs()[k].ID, b.Docs()[k].ID)
			}
		}
	}
}

func TestDefault(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 5 {
		t.Fatalf("Len = %d, want 5", c.Len())
	}
	shared, _ := fs.Glob(os.DirFS("default"), "*.md")
	for k, d := range c.Docs() {
		if want := strings.TrimSuffix(shared[k], ".md"); d.ID != want {
			t.Errorf("doc %d ID = %q, want %q", k, d.ID, want)
		}
		if c.Doc(d.ID) != d {
			t.Errorf("Doc(%q) does not return the document", d.ID)
		}
		if len(d.Sentences) == 0 || len(d.Passages) == 0 {
			t.Errorf("%s: %d sentences, %d passages", d.ID, len(d.Sentences), len(d.Passages))
		}
	}
	d := c.Doc("latintimes-ice-reveals-us-agents-operating-mexico")
	if d == nil || d.Outlet != "Latin Times" || d.Published != "2025-05-14" || d.Title == "" || d.URL == "" {
		t.Errorf("metadata: %+v", d)
	}
}

// checkSpans asserts the offset contract on every sentence and passage.
func checkSpans(t testing.TB, d *Document) {
	t.Helper()
	prevEnd := d.BodyStart
	for k, s := range d.Sentences {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(d.Raw) {
			t.Fatalf("%s: sentence %d [%d,%d) out of order after %d", d.ID, k, s.Start, s.End, prevEnd)
		}
		if string(d.Raw[s.Start:s.End]) != s.Text {
			t.Fatalf("%s: sentence %d: raw[%d:%d] = %q, Text %q", d.ID, k, s.Start, s.End, d.Raw[s.Start:s.End], s.Text)
		}
		if strings.TrimSpace(s.Text) != s.Text {
			t.Fatalf("%s: sentence %d not trimmed: %q", d.ID, k, s.Text)
		}
		prevEnd = s.End
	}
	next := 0
	for k, p := range d.Passages {
		if p.First != next || p.Last < p.First || p.Last >= len(d.Sentences) {
			t.Fatalf("%s: passage %d covers sentences %d..%d, want from %d", d.ID, k, p.First, p.Last, next)
		}
		if p.Start != d.Sentences[p.First].Start || p.End != d.Sentences[p.Last].End {
			t.Fatalf("%s: passage %d [%d,%d) does not match its sentences", d.ID, k, p.Start, p.End)
		}
		if string(d.Raw[p.Start:p.End]) != p.Text {
			t.Fatalf("%s: passage %d: raw[%d:%d] != Text", d.ID, k, p.Start, p.End)
		}
		next = p.Last + 1
	}
	if next != len(d.Sentences) {
		t.Fatalf("%s: passages cover %d of %d sentences", d.ID, next, len(d.Sentences))
	}
}

func TestOffsetsShippedCorpus(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Docs() {
		checkSpans(t, d)
	}
}

func TestOffsetsRAMDocsSample(t *testing.T) {
	dir := sharedDir(t, "ramdocs")
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(names) == 0 {
		t.Skipf("no files in %s", dir)
	}
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	for _, name := range names[:min(200, len(names))] {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseDocument(filepath.Base(name), raw)
		if err != nil {
			continue // a skip is fine; the contract is for what loads
		}
		checkSpans(t, d)
	}
}

func BenchmarkLoad_RAMDocs(b *testing.B) {
	dir := sharedDir(b, "ramdocs")
	b.ReportAllocs()
	for b.Loop() {
		c, _, err := LoadDir(dir, Options{})
		if err != nil || c.Len() == 0 {
			b.Fatalf("LoadDir: %v", err)
		}
	}
}
