package retrieval

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sync"
)

// EmbedCache keeps the vectors of one embedding model and dimension on
// disk, keyed by the SHA-256 of the text, so that a restart or a re-index
// embeds nothing that is unchanged. Each (model, dimension) has a file of
// its own: two models' vectors are never read as one another's.
//
// The file is a header line (JSON: model, dim) and then fixed-size records
// (32-byte hash, dim little-endian float32s), appended as they come. A
// record cut short by a crash is ignored on the next open.
type EmbedCache struct {
	path  string
	model string
	dim   int
	mu    sync.Mutex
	vecs  map[[32]byte][]float32
	f     *os.File
	// Changed says, when not empty, that the data directory last held
	// another model's or dimension's vectors: everything is re-embedded.
	Changed string
}

type cacheHeader struct {
	Model string `json:"model"`
	Dim   int    `json:"dim"`
}

// currentFile names, in the cache directory, the model in use, so that a
// change of model or dimension is noticed and said.
const currentFile = "current.json"

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// OpenEmbedCache opens (creating) the cache of model at dim under dir.
func OpenEmbedCache(dir, model string, dim int) (*EmbedCache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("embedding cache: %w", err)
	}
	c := &EmbedCache{model: model, dim: dim, vecs: map[[32]byte][]float32{},
		path: filepath.Join(dir, fmt.Sprintf("%s-%d.vec", unsafeName.ReplaceAllString(model, "_"), dim))}
	c.Changed = noteChange(dir, cacheHeader{Model: model, Dim: dim})
	if err := c.load(); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(c.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("embedding cache: %w", err)
	}
	if st, err := f.Stat(); err == nil && st.Size() == 0 {
		h, _ := json.Marshal(cacheHeader{Model: model, Dim: dim})
		if _, err := f.Write(append(h, '\n')); err != nil {
			f.Close()
			return nil, fmt.Errorf("embedding cache: %w", err)
		}
	}
	c.f = f
	return c, nil
}

// noteChange records the model in use and says what it replaced.
func noteChange(dir string, now cacheHeader) string {
	p := filepath.Join(dir, currentFile)
	var was cacheHeader
	msg := ""
	if b, err := os.ReadFile(p); err == nil && json.Unmarshal(b, &was) == nil && was != now {
		msg = fmt.Sprintf("the embedding model changed from %s (%d dimensions) to %s (%d dimensions): passages are embedded again with the new model; the old vectors are kept apart and never mixed in",
			was.Model, was.Dim, now.Model, now.Dim)
	}
	b, _ := json.Marshal(now)
	tmp := p + ".tmp"
	if os.WriteFile(tmp, b, 0o644) == nil {
		_ = os.Rename(tmp, p)
	}
	return msg
}

func (c *EmbedCache) load() error {
	f, err := os.Open(c.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("embedding cache: %w", err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	line, err := r.ReadBytes('\n')
	var h cacheHeader
	if err != nil || json.Unmarshal(bytes.TrimSpace(line), &h) != nil || h.Model != c.model || h.Dim != c.dim {
		// Not ours: set it aside rather than read another model's vectors.
		f.Close()
		return os.Rename(c.path, c.path+".bad")
	}
	rec := make([]byte, 32+4*c.dim)
	valid := int64(len(line))
	for {
		if n, err := io.ReadFull(r, rec); err != nil {
			if n > 0 {
				// A record cut short by a crash: cut it off, or the
				// records appended next would be read out of step.
				f.Close()
				return os.Truncate(c.path, valid)
			}
			return nil
		}
		valid += int64(len(rec))
		var k [32]byte
		copy(k[:], rec)
		v := make([]float32, c.dim)
		for i := range v {
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(rec[32+4*i:]))
		}
		c.vecs[k] = v
	}
}

// Len is the number of cached vectors.
func (c *EmbedCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.vecs)
}

// Get returns the cached vector of text.
func (c *EmbedCache) Get(text string) ([]float32, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vecs[sha256.Sum256([]byte(text))]
	return v, ok
}

// Put caches the vectors of texts and appends them to the file.
func (c *EmbedCache) Put(texts []string, vecs [][]float32) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var buf bytes.Buffer
	for i, t := range texts {
		if len(vecs[i]) != c.dim {
			return fmt.Errorf("embedding cache: vector of %d dimensions for a %d-dimension cache", len(vecs[i]), c.dim)
		}
		k := sha256.Sum256([]byte(t))
		if _, ok := c.vecs[k]; ok {
			continue
		}
		c.vecs[k] = vecs[i]
		buf.Write(k[:])
		for _, x := range vecs[i] {
			_ = binary.Write(&buf, binary.LittleEndian, math.Float32bits(x))
		}
	}
	if c.f == nil || buf.Len() == 0 {
		return nil
	}
	if _, err := c.f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("embedding cache: %w", err)
	}
	return nil
}

// Close closes the cache file.
func (c *EmbedCache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}
