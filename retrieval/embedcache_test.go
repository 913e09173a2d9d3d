package retrieval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEmbedCache_SurvivesATornWrite(t *testing.T) {
	dir := t.TempDir()
	c, err := OpenEmbedCache(dir, "m", 3)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put([]string{"a", "b"}, [][]float32{{1, 0, 0}, {0, 1, 0}}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	// A crash mid-record leaves a partial record at the end.
	f, _ := os.OpenFile(c.path, os.O_WRONLY|os.O_APPEND, 0)
	f.Write(make([]byte, 17))
	f.Close()
	c2, err := OpenEmbedCache(dir, "m", 3)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := c2.Get("b"); !ok || v[1] != 1 || c2.Len() != 2 {
		t.Errorf("after a torn write: Get(b) = %v, %v; Len %d; want both vectors back", v, ok, c2.Len())
	}
	if err := c2.Put([]string{"c"}, [][]float32{{0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	c2.Close()
	c3, err := OpenEmbedCache(dir, "m", 3)
	if err != nil {
		t.Fatal(err)
	}
	defer c3.Close()
	if v, ok := c3.Get("c"); !ok || v[2] != 1 || c3.Len() != 3 {
		t.Errorf("a record written after a torn one: Get(c) = %v, %v; Len %d", v, ok, c3.Len())
	}
}

func TestEmbedCache_ModelsKeptApart(t *testing.T) {
	dir := t.TempDir()
	a, err := OpenEmbedCache(dir, "model/a", 2)
	if err != nil {
		t.Fatal(err)
	}
	a.Put([]string{"x"}, [][]float32{{1, 0}})
	a.Close()
	b, err := OpenEmbedCache(dir, "model/b", 2)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, ok := b.Get("x"); ok {
		t.Error("model b reads model a's vector")
	}
	if !strings.Contains(b.Changed, "model/a") || !strings.Contains(b.Changed, "model/b") {
		t.Errorf("Changed = %q, want both models named", b.Changed)
	}
	if err := b.Put([]string{"y"}, [][]float32{{1, 0, 0}}); err == nil {
		t.Error("a vector of the wrong dimension was cached")
	}
	// A file whose header names another model is set aside, not read.
	if err := os.WriteFile(filepath.Join(dir, "model_c-2.vec"), []byte(`{"model":"other","dim":2}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := OpenEmbedCache(dir, "model/c", 2)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := os.Stat(filepath.Join(dir, "model_c-2.vec.bad")); err != nil {
		t.Errorf("foreign cache file not set aside: %v", err)
	}
}
