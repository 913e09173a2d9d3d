package datadir

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// DocLayout encodes what the parser found in d (sentences, speakers,
// passages, page starts) without its text or metadata, for a store that
// keeps those in columns of their own (see package pgstore). DocFromLayout
// rebuilds the Document from the layout and the same fields.
func DocLayout(d *corpus.Document) ([]byte, error) {
	s := storeDoc(d)
	s.Raw = nil
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(s); err != nil {
		return nil, fmt.Errorf("encode layout of %s: %w", d.ID, err)
	}
	return b.Bytes(), nil
}

// DocFields are a stored document's text and metadata, kept beside its
// layout.
type DocFields struct {
	ID, Title, Outlet, Author, Published, URL, Format, Source string
	Raw                                                       []byte
}

// DocFromLayout rebuilds a Document from DocLayout's bytes and its
// fields. With check, it also parses the text again and refuses a document
// the parser now splits differently (crosscheck upgraded since it was
// stored), as Open does for a sample of a data directory's documents.
func DocFromLayout(layout []byte, f DocFields, check bool) (*corpus.Document, error) {
	var s storedDoc
	if err := gob.NewDecoder(bytes.NewReader(layout)).Decode(&s); err != nil {
		return nil, fmt.Errorf("document %s: damaged layout: %w", f.ID, err)
	}
	s.ID, s.Title, s.Outlet, s.Author, s.Published, s.URL = f.ID, f.Title, f.Outlet, f.Author, f.Published, f.URL
	s.Format, s.Source, s.Raw = f.Format, f.Source, f.Raw
	d, err := loadDoc(s)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", f.ID, err)
	}
	if check {
		if err := spotCheck(s, d); err != nil {
			return nil, fmt.Errorf("document %s: %w", f.ID, err)
		}
	}
	return d, nil
}

// SpotCheckEvery is how many stored documents an opener reads per one it
// parses again (see DocFromLayout's check).
const SpotCheckEvery = spotCheckEvery

// UnitsCRC is the checksum of the passages' texts a store keeps with its
// vectors: a different one on open means the passage splitter changed
// since the ingest and the vectors belong to other texts.
func UnitsCRC(units []retrieval.Unit) uint32 { return unitsCRC(units) }
