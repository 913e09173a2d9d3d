package datadir

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Section is one more named part of the index, saved beside the built-in
// ones in a gob file of its own and checked like them. It is the hook for
// what the answer engine computes at index time, such as claims and
// disputes: put them in Snapshot.Sections when saving and read them back
// with Opened.Section into a pointer to the same type.
type Section struct {
	// Name is lower-case letters, digits and dashes, e.g. "claims".
	Name string
	// Value is any value encoding/gob can encode.
	Value any
}

// The built-in sections.
const (
	secDocuments = "documents"
	secVectors   = "vectors"
	secLexical   = "lexical"
)

var sectionName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Snapshot is what Save writes: a corpus and the index built from it.
type Snapshot struct {
	// Roots are the paths and URLs ingested, kept for the rebuild command.
	Roots  []string
	Corpus *corpus.Corpus
	// Index indexes Corpus's passages in retrieval.CorpusUnits order.
	Index    *retrieval.Index
	Sections []Section
}

// DocHash is the content hash of a document: its stored text and
// metadata. Equal hashes mean equal passages, so no re-embedding.
func DocHash(d *corpus.Document) string {
	h := sha256.New()
	for _, s := range []string{d.ID, d.Title, d.Outlet, d.Author, d.Published, d.URL, string(d.Format)} {
		fmt.Fprintf(h, "%d:%s\x00", len(s), s)
	}
	h.Write(d.Raw)
	return hex.EncodeToString(h.Sum(nil))
}

// Save writes a new generation of the index into dataDir and switches
// readers to it by renaming its manifest into place; then it removes the
// files of older generations and any temporary files a crashed ingest left.
// The caller holds the lock (see Lock).
func Save(dataDir string, s Snapshot) (*Manifest, error) {
	dir := filepath.Join(dataDir, IndexDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	gen := int64(1)
	if old, err := ReadManifest(dataDir); err == nil {
		gen = old.Generation + 1
	} else if g := highestGeneration(dir); g > 0 {
		gen = g + 1 // never reuse the name of a file a reader may hold
	}
	emb := s.Index.Embedder()
	m := &Manifest{
		Format: FormatVersion, Generation: gen, Written: time.Now().UTC(),
		Embedder: emb.Name, Dim: emb.Dim, Roots: s.Roots, Files: map[string]FileEntry{},
	}
	docs := s.Corpus.Docs()
	stored := make([]storedDoc, len(docs))
	for i, d := range docs {
		stored[i] = storeDoc(d)
		m.Documents = append(m.Documents, DocEntry{ID: d.ID, Format: string(d.Format), Source: d.Source,
			Hash: DocHash(d), Passages: len(d.Passages)})
	}
	units := s.Index.Units()
	m.Units, m.UnitsCRC = len(units), unitsCRC(units)

	name := func(sec, ext string) string { return fmt.Sprintf("%s-%d.%s", sec, gen, ext) }
	write := func(sec, ext string, encode func(io.Writer) error) error {
		fe, err := writeAtomic(dir, name(sec, ext), encode)
		m.Files[sec] = fe
		return err
	}
	if err := write(secDocuments, "gob", func(w io.Writer) error { return gob.NewEncoder(w).Encode(stored) }); err != nil {
		return nil, err
	}
	if err := write(secVectors, "vec", func(w io.Writer) error { return writeVectors(w, emb.Dim, s.Index.Vectors()) }); err != nil {
		return nil, err
	}
	if err := write(secLexical, "bin", func(w io.Writer) error { _, err := s.Index.Lexical().WriteTo(w); return err }); err != nil {
		return nil, err
	}
	for _, sec := range s.Sections {
		if !sectionName.MatchString(sec.Name) || sec.Name == secDocuments || sec.Name == secVectors || sec.Name == secLexical || m.Files[sec.Name].Name != "" {
			return nil, fmt.Errorf("section name %q: want lower-case letters, digits and dashes, not a built-in or repeated name", sec.Name)
		}
		v := sec.Value
		if err := write(sec.Name, "gob", func(w io.Writer) error { return gob.NewEncoder(w).Encode(v) }); err != nil {
			return nil, fmt.Errorf("section %s: %w", sec.Name, err)
		}
	}
	if _, err := writeAtomic(dir, manifestName, func(w io.Writer) error {
		enc := jsonEncoder(w)
		return enc.Encode(m)
	}); err != nil {
		return nil, err
	}
	if err := syncDir(dir); err != nil {
		return nil, fmt.Errorf("sync %s: %w", dir, err)
	}
	removeStale(dir, m)
	return m, nil
}

func unitsCRC(units []retrieval.Unit) uint32 {
	h := crc32.New(castagnoli)
	for _, u := range units {
		io.WriteString(h, u.DocID)
		h.Write([]byte{0})
		io.WriteString(h, u.Text)
		h.Write([]byte{0})
	}
	return h.Sum32()
}

// removeStale deletes what the new manifest does not reference: older
// generations and temporary files. A reader still holding an old file open
// keeps reading it; on Unix an unlinked file lives until it is closed.
func removeStale(dir string, m *Manifest) {
	keep := map[string]bool{manifestName: true, lockName: true}
	for _, fe := range m.Files {
		keep[fe.Name] = true
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !keep[e.Name()] && !e.IsDir() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// highestGeneration is the largest generation among the files in dir, for
// when the manifest itself is unreadable.
func highestGeneration(dir string) int64 {
	var best int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		base := e.Name()
		if i := strings.IndexByte(base, '.'); i > 0 {
			base = base[:i]
		}
		if j := strings.LastIndexByte(base, '-'); j > 0 {
			var g int64
			if _, err := fmt.Sscanf(base[j+1:], "%d", &g); err == nil && g > best {
				best = g
			}
		}
	}
	return best
}
