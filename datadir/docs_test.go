package datadir

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Every document rebuilt from its stored offsets equals the parse of its
// stored text, field for field: opening without parsing changes nothing.
func TestStoredDocsEqualTheirParse(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := append(c.Docs(), testCorpus(t).Docs()...)
	for _, d := range docs {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(storeDoc(d)); err != nil {
			t.Fatal(err)
		}
		var s storedDoc
		if err := gob.NewDecoder(&buf).Decode(&s); err != nil {
			t.Fatal(err)
		}
		got, err := loadDoc(s)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if err := spotCheck(s, got); err != nil {
			t.Errorf("%s: %v", d.ID, err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("%s: rebuilt document differs from the loaded one", d.ID)
		}
	}
}

// A parser that splits differently from the one that wrote the index is
// caught on open, and the message asks for a rebuild.
func TestOpenNoticesAChangedParser(t *testing.T) {
	dir := t.TempDir()
	m := save(t, dir, testCorpus(t))
	path := filepath.Join(dir, IndexDir, m.Files[secDocuments].Name)
	var stored []storedDoc
	b, _ := os.ReadFile(path)
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&stored); err != nil {
		t.Fatal(err)
	}
	// What an older parser might have stored: one sentence fewer.
	stored[0].Sents = stored[0].Sents[:len(stored[0].Sents)-4]
	stored[0].Passes = stored[0].Passes[:0]
	fe, err := writeAtomic(filepath.Join(dir, IndexDir), m.Files[secDocuments].Name, func(w io.Writer) error { return gob.NewEncoder(w).Encode(stored) })
	if err != nil {
		t.Fatal(err)
	}
	m.Files[secDocuments] = fe
	writeAtomic(filepath.Join(dir, IndexDir), manifestName, func(w io.Writer) error { return jsonEncoder(w).Encode(m) })
	_, err = Open(context.Background(), dir, retrieval.Offline())
	if !errors.Is(err, ErrRebuild) {
		t.Errorf("Open: %v, want a rebuild error", err)
	}
}
