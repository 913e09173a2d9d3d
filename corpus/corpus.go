package corpus

import (
	"sort"
	"strings"
)

// Options bound what the loader accepts.
type Options struct {
	// MaxFileBytes skips files larger than this; 0 means DefaultMaxFileBytes.
	MaxFileBytes int64
}

// DefaultMaxFileBytes is the size limit when Options leaves it unset.
const DefaultMaxFileBytes = 8 << 20

// MaxJSONLBytes bounds a whole JSONL bulk import, whose lines are bounded
// one by one by MaxFileBytes: an export of thousands of articles is one
// file, and holding it costs its size in memory while it is read.
const MaxJSONLBytes = 1 << 30

func (o Options) limit() int64 {
	if o.MaxFileBytes <= 0 {
		return DefaultMaxFileBytes
	}
	return o.MaxFileBytes
}

// Skipped names a file the loader left out and why, in one line.
type Skipped struct {
	Path   string
	Reason string
}

// Corpus is a loaded set of documents, ordered by ID.
type Corpus struct {
	docs []*Document
	byID map[string]*Document
}

// Docs returns the documents ordered by ID.
func (c *Corpus) Docs() []*Document { return c.docs }

// Len is the number of documents.
func (c *Corpus) Len() int { return len(c.docs) }

// Doc returns the document with this ID, or nil.
func (c *Corpus) Doc(id string) *Document { return c.byID[id] }

// Filter returns the documents whose ID, title, outlet or author contain
// every word (case-insensitive); no words returns all.
func (c *Corpus) Filter(words string) []*Document {
	want := strings.Fields(strings.ToLower(words))
	if len(want) == 0 {
		return c.docs
	}
	var out []*Document
	for _, d := range c.docs {
		hay := strings.ToLower(d.ID + "\x00" + d.Title + "\x00" + d.Outlet + "\x00" + d.Author)
		if containsAll(hay, want) {
			out = append(out, d)
		}
	}
	return out
}

func containsAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// newCorpus orders docs by ID and indexes them.
func newCorpus(docs []*Document) *Corpus {
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	c := &Corpus{docs: docs, byID: make(map[string]*Document, len(docs))}
	for _, d := range docs {
		c.byID[d.ID] = d
	}
	return c
}
