package datadir

import (
	"cmp"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Opened is a persisted index opened for answering.
type Opened struct {
	Manifest *Manifest
	Corpus   *corpus.Corpus
	Index    *retrieval.Index
	o        *opener
}

type opener struct {
	dir string
	m   *Manifest
}

func (o *opener) rebuild(file, problem string) error {
	return &RebuildError{File: file, Problem: problem, Command: RebuildCommand(o.dir, o.m.Roots)}
}

// Open reads the index in dataDir for answering with emb, which must be
// the embedder the index was built with. It returns ErrNoIndex when there
// is none and a *RebuildError when a file is damaged or outdated.
// Documents are rebuilt from their stored offsets (a sample is parsed
// again to check that the parser still agrees) while the vectors and the
// lexical index are read on other goroutines.
//
// An ingest that finishes while Open reads may remove the files Open was
// about to read; Open then reads the new generation instead.
func Open(ctx context.Context, dataDir string, emb retrieval.Embedder) (*Opened, error) {
	for attempt := 0; ; attempt++ {
		m, err := ReadManifest(dataDir)
		if err != nil {
			return nil, err
		}
		op, err := openGeneration(ctx, dataDir, m, emb)
		if err == nil || attempt == maxOpenAttempts-1 || !errors.Is(err, ErrRebuild) {
			return op, err
		}
		if now, merr := ReadManifest(dataDir); merr != nil || now.Generation == m.Generation {
			return nil, err
		}
	}
}

// maxOpenAttempts bounds how many generations Open chases while ingests
// keep replacing the one it reads.
const maxOpenAttempts = 10

func openGeneration(ctx context.Context, dataDir string, m *Manifest, emb retrieval.Embedder) (*Opened, error) {
	o := &opener{dir: dataDir, m: m}
	if m.Embedder != emb.Name || m.Dim != emb.Dim {
		return nil, o.rebuild(filepath.Join(dataDir, IndexDir, manifestName),
			fmt.Sprintf("built with embedder %s (%d dimensions), not %s (%d); use that embedder, or", m.Embedder, m.Dim, emb.Name, emb.Dim))
	}
	var vecs []retrieval.Vector
	var lex *retrieval.Lexical
	vecErr, lexErr := make(chan error, 1), make(chan error, 1)
	go func() {
		vecErr <- o.readChecked(secVectors, func(r io.Reader) (err error) {
			vecs, err = readVectors(r, m.Dim, m.Units)
			return err
		})
	}()
	go func() {
		lexErr <- o.readChecked(secLexical, func(r io.Reader) (err error) {
			lex, err = retrieval.ReadLexical(r)
			return err
		})
	}()
	c, err := o.readCorpus()
	err1, err2 := <-vecErr, <-lexErr
	for _, e := range []error{err, err1, err2} {
		if e != nil {
			return nil, e
		}
	}
	units := retrieval.CorpusUnits(c)
	if len(units) != m.Units || unitsCRC(units) != m.UnitsCRC {
		return nil, o.rebuild(filepath.Join(dataDir, IndexDir, m.Files[secDocuments].Name),
			"its documents no longer split into the passages that were indexed (crosscheck was upgraded since the ingest)")
	}
	ix, err := retrieval.Restore(ctx, units, vecs, lex, emb)
	if err != nil {
		return nil, o.rebuild(filepath.Join(dataDir, IndexDir, manifestName), err.Error())
	}
	return &Opened{Manifest: m, Corpus: c, Index: ix, o: o}, nil
}

// OpenCorpus reads only the documents of the index in dataDir, for
// listing and showing them: no vectors, no lexical index.
func OpenCorpus(dataDir string) (*corpus.Corpus, error) {
	m, err := ReadManifest(dataDir)
	if err != nil {
		return nil, err
	}
	return (&opener{dir: dataDir, m: m}).readCorpus()
}

// readCorpus decodes the stored documents and parses them on every CPU.
func (o *opener) readCorpus() (*corpus.Corpus, error) {
	var stored []storedDoc
	if err := o.readChecked(secDocuments, func(r io.Reader) error { return gob.NewDecoder(r).Decode(&stored) }); err != nil {
		return nil, err
	}
	docs := make([]*corpus.Document, len(stored))
	errs := make([]error, len(stored))
	retrieval.Parallel(len(stored), func(i int) {
		docs[i], errs[i] = loadDoc(stored[i])
		if errs[i] == nil && i%spotCheckEvery == 0 {
			errs[i] = spotCheck(stored[i], docs[i])
		}
	})
	for i, err := range errs {
		if err != nil {
			return nil, o.rebuild(filepath.Join(o.dir, IndexDir, o.m.Files[secDocuments].Name),
				fmt.Sprintf("document %s: %v (crosscheck was upgraded since the ingest?)", stored[i].ID, err))
		}
	}
	return corpus.NewCorpus(docs), nil
}

func parseStored(s storedDoc) (*corpus.Document, error) {
	f := corpus.Format(s.Format)
	if f == corpus.FormatText {
		d, err := corpus.ParseDocument(s.ID, s.Raw)
		if err != nil {
			return nil, err
		}
		// Metadata set after parsing (the URL of a fetched page) is not in
		// the text; front matter, when present, gave the same values.
		d.Format, d.Source = f, s.Source
		d.Title, d.Outlet, d.Author = cmp.Or(d.Title, s.Title), cmp.Or(d.Outlet, s.Outlet), cmp.Or(d.Author, s.Author)
		d.Published, d.URL = cmp.Or(d.Published, s.Published), cmp.Or(d.URL, s.URL)
		return d, nil
	}
	return corpus.ParseConverted(&corpus.Document{ID: s.ID, Title: s.Title, Outlet: s.Outlet, Author: s.Author,
		Published: s.Published, URL: s.URL, Format: f, Source: s.Source, Raw: s.Raw, PageStarts: s.PageStarts})
}

// Section decodes the named extra section into into, a pointer to the type
// saved (see Section). A section the index does not have is ErrNoSection.
func (op *Opened) Section(name string, into any) error {
	if _, ok := op.Manifest.Files[name]; !ok {
		return fmt.Errorf("section %s: %w", name, ErrNoSection)
	}
	return op.o.readChecked(name, func(r io.Reader) error { return gob.NewDecoder(r).Decode(into) })
}

// ErrNoSection means the index was saved without the section asked for.
var ErrNoSection = fmt.Errorf("the index has no such section; ingest again to add it")

func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc
}
