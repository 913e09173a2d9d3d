package corpus

import (
	"io/fs"
)

// Options bound what the loader accepts.
type Options struct {
	// MaxFileBytes skips files larger than this; 0 means DefaultMaxFileBytes.
	MaxFileBytes int64
}

// DefaultMaxFileBytes is the size limit when Options leaves it unset.
const DefaultMaxFileBytes = 8 << 20

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

// Load reads every .md/.txt file under fsys. Bad files are skipped and
// reported; the error is for an unreadable root only.
func Load(fsys fs.FS, opts Options) (*Corpus, []Skipped, error) {
	panic("TODO corpus helper")
}

// LoadDir is Load on a directory of the local file system.
func LoadDir(dir string, opts Options) (*Corpus, []Skipped, error) {
	panic("TODO corpus helper")
}

// Default returns the corpus shipped inside the binary.
func Default() (*Corpus, error) {
	panic("TODO corpus helper")
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
	panic("TODO corpus helper")
}

// ParseDocument parses one file: front matter, sentences, passages,
// boilerplate and speakers. It is what Load does per file.
func ParseDocument(id string, raw []byte) (*Document, error) {
	panic("TODO corpus helper")
}

// SentenceAt returns the index of the sentence containing offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	panic("TODO corpus helper")
}

// PassageAt returns the index of the passage containing offset off, or -1.
func (d *Document) PassageAt(off int) int {
	panic("TODO corpus helper")
}
