package pgstore

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/retrieval"
)

// Loaded is the current generation read into memory: the same corpus and
// index a data directory opens into.
type Loaded struct {
	Generation int64
	Roots      []string
	Corpus     *corpus.Corpus
	Index      *retrieval.Index
	// hashes and rows are, by document ID, its content hash and the row
	// that stores it, for an ingest to reuse unchanged documents.
	hashes   map[string]string
	rows     map[string]int64
	sections map[string][]byte
	// VectorsInDatabase: Index's vector search asks the database
	// (pgvector); otherwise its vectors were read into memory, and
	// VectorsWhy says why.
	VectorsInDatabase bool
	VectorsWhy        string
}

// LoadOptions shape a Load.
type LoadOptions struct {
	// InProcess reads every vector into memory even when the database can
	// search them: an ingest needs them to reuse unchanged documents'
	// vectors.
	InProcess bool
}

// ErrNoIndex means the store holds no finished ingest yet.
var ErrNoIndex = errors.New("the store holds no index yet; run crosscheck ingest --store")

// ErrRebuild means the stored index cannot be used as it is (another
// embedder, or a crosscheck whose parser splits the texts differently):
// ingest again.
var ErrRebuild = errors.New("the stored index must be rebuilt")

// CurrentGeneration is the generation readers open; 0 when there is none.
func (s *Store) CurrentGeneration(ctx context.Context) (int64, error) {
	var gen int64
	err := s.pool.QueryRow(ctx, `SELECT generation FROM current_generation`).Scan(&gen)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store %s: read current generation: %w", s.name, err)
	}
	return gen, nil
}

// Load reads the current generation for answering with emb, which must be
// the embedder it was built with, inside one read-only REPEATABLE READ
// transaction: an ingest finishing meanwhile changes nothing it sees. When
// the database can search the generation's vectors (pgvector), they stay
// there, unless opts ask for them in process.
func (s *Store) Load(ctx context.Context, emb retrieval.Embedder, opts LoadOptions) (*Loaded, error) {
	var l *Loaded
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var err error
		l, err = s.load(ctx, tx, emb, opts)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

func (s *Store) load(ctx context.Context, tx pgx.Tx, emb retrieval.Embedder, opts LoadOptions) (*Loaded, error) {
	l := &Loaded{hashes: map[string]string{}, rows: map[string]int64{}, sections: map[string][]byte{}}
	var embedder string
	var dim, units int
	var crc int64
	var lexBlob []byte
	err := tx.QueryRow(ctx, `SELECT g.id, g.roots, g.embedder, g.dim, g.units, g.units_crc, g.lexical
		FROM current_generation c JOIN generations g ON g.id = c.generation`).
		Scan(&l.Generation, &l.Roots, &embedder, &dim, &units, &crc, &lexBlob)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNoIndex
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: read current generation: %w", s.name, err)
	}
	if embedder != emb.Name || dim != emb.Dim {
		return nil, fmt.Errorf("%w: generation %d was built with embedder %s (%d dimensions), not %s (%d)",
			ErrRebuild, l.Generation, embedder, dim, emb.Name, emb.Dim)
	}
	// Each part is decoded as soon as it is read, so that no part's raw
	// bytes are held while the next is read and decoded.
	lex, err := retrieval.ReadLexical(bytesReader(lexBlob))
	if err != nil {
		return nil, fmt.Errorf("%w: generation %d: lexical index: %v", ErrRebuild, l.Generation, err)
	}
	lexBlob = nil
	docs, err := s.loadDocs(ctx, tx, l)
	if err != nil {
		return nil, err
	}
	l.Corpus = corpus.NewCorpus(docs)
	us := retrieval.CorpusUnits(l.Corpus)
	if len(us) != units || int64(datadir.UnitsCRC(us)) != crc {
		return nil, fmt.Errorf("%w: generation %d's documents no longer split into the passages that were indexed (crosscheck was upgraded since the ingest)",
			ErrRebuild, l.Generation)
	}
	if !opts.InProcess {
		vs, err := s.searchInDatabase(ctx, tx, l, us, emb)
		if err != nil {
			return nil, err
		}
		if vs != nil {
			l.VectorsInDatabase = true
			l.Index, err = retrieval.RestoreSearching(us, lex, emb, vs)
			if err != nil {
				return nil, fmt.Errorf("%w: generation %d: %v", ErrRebuild, l.Generation, err)
			}
		}
	}
	var vecs []retrieval.Vector
	if !l.VectorsInDatabase {
		if vecs, err = s.loadVectors(ctx, tx, l, us, dim); err != nil {
			return nil, err
		}
	}
	rows, err := tx.Query(ctx, `SELECT name, value FROM sections WHERE generation = $1`, l.Generation)
	if err != nil {
		return nil, fmt.Errorf("store %s: read sections: %w", s.name, err)
	}
	for rows.Next() {
		var name string
		var v []byte
		if err := rows.Scan(&name, &v); err != nil {
			return nil, err
		}
		l.sections[name] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: read sections: %w", s.name, err)
	}
	if !l.VectorsInDatabase {
		l.Index, err = retrieval.Restore(ctx, us, vecs, lex, emb)
		if err != nil {
			return nil, fmt.Errorf("%w: generation %d: %v", ErrRebuild, l.Generation, err)
		}
	}
	return l, nil
}

// searchInDatabase returns the searcher of the generation's vectors in the
// database, or nil, with l.VectorsWhy set, when they must be searched in
// process: no usable pgvector, or vectors the ingest did not write to
// pgvector's table (an embedder of over 4,000 dimensions).
func (s *Store) searchInDatabase(ctx context.Context, tx pgx.Tx, l *Loaded, us []retrieval.Unit, emb retrieval.Embedder) (*dbVectors, error) {
	sup, err := s.vectors(ctx, tx)
	if err != nil {
		return nil, err
	}
	if l.VectorsWhy = sup.Why(); l.VectorsWhy != "" {
		return nil, nil
	}
	var stored, indexed int
	err = tx.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM generation_documents g JOIN vectors v ON v.document = g.document WHERE g.generation = $1),
		(SELECT count(*) FROM generation_documents g JOIN passage_embeddings e ON e.document = g.document
		 WHERE g.generation = $1 AND vector_dims(e.embedding) = $2)`, l.Generation, emb.Dim).Scan(&stored, &indexed)
	if err != nil {
		return nil, fmt.Errorf("store %s: count vectors: %w", s.name, err)
	}
	if stored != indexed {
		l.VectorsWhy = fmt.Sprintf("generation %d has %d of its %d vectors in pgvector's table", l.Generation, indexed, stored)
		if emb.Dim > maxHNSWDims {
			l.VectorsWhy = fmt.Sprintf("pgvector's HNSW indexes at most %d dimensions, embedder %s has %d", maxHNSWDims, emb.Name, emb.Dim)
		}
		return nil, nil
	}
	first := make(map[int64]int, len(l.rows))
	for i, u := range us {
		if u.Passage == 0 {
			first[l.rows[u.DocID]] = i
		}
	}
	return newDBVectors(s, l.Generation, emb, stored, first, us), nil
}

// loadDocs reads the generation's documents and rebuilds each from its
// layout while the next rows arrive, on every CPU: a layout's bytes are
// dropped as soon as its document is built.
func (s *Store) loadDocs(ctx context.Context, tx pgx.Tx, l *Loaded) ([]*corpus.Document, error) {
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM generation_documents WHERE generation = $1`, l.Generation).Scan(&n); err != nil {
		return nil, fmt.Errorf("store %s: read documents: %w", s.name, err)
	}
	rows, err := tx.Query(ctx, `SELECT d.id, d.doc_id, d.hash, d.title, d.outlet, d.author, d.published, d.url, d.format, d.source, d.body, d.layout
		FROM generation_documents g JOIN documents d ON d.id = g.document
		WHERE g.generation = $1 ORDER BY d.doc_id`, l.Generation)
	if err != nil {
		return nil, fmt.Errorf("store %s: read documents: %w", s.name, err)
	}
	defer rows.Close()
	type rec struct {
		i      int
		f      datadir.DocFields
		layout []byte
	}
	docs := make([]*corpus.Document, n)
	errs := make([]error, n)
	recs := make(chan rec, 4*runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for r := range recs {
				docs[r.i], errs[r.i] = datadir.DocFromLayout(r.layout, r.f, r.i%datadir.SpotCheckEvery == 0)
			}
		})
	}
	read := 0
	for rows.Next() {
		r := rec{i: read}
		var row int64
		var hash string
		if err = rows.Scan(&row, &r.f.ID, &hash, &r.f.Title, &r.f.Outlet, &r.f.Author, &r.f.Published, &r.f.URL,
			&r.f.Format, &r.f.Source, &r.f.Raw, &r.layout); err != nil {
			break
		}
		if read == n {
			err = fmt.Errorf("more documents than the generation counts (%d)", n)
			break
		}
		l.rows[r.f.ID], l.hashes[r.f.ID] = row, hash
		recs <- r
		read++
	}
	close(recs)
	wg.Wait()
	if err == nil {
		err = rows.Err()
	}
	if err == nil && read != n {
		err = fmt.Errorf("%d documents, the generation counts %d", read, n)
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: read documents: %w", s.name, err)
	}
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%w: generation %d: %v (crosscheck was upgraded since the ingest?)", ErrRebuild, l.Generation, err)
		}
	}
	return docs, nil
}

// loadVectors reads the generation's vectors into unit order, each copied
// from the driver's buffer into one array for all (as a data directory
// reads them): no allocation per row.
func (s *Store) loadVectors(ctx context.Context, tx pgx.Tx, l *Loaded, us []retrieval.Unit, dim int) ([]retrieval.Vector, error) {
	at := make(map[int64]int, len(l.rows)) // document row → index of its first unit
	for i, u := range us {
		if u.Passage == 0 {
			at[l.rows[u.DocID]] = i
		}
	}
	vecs := make([]retrieval.Vector, len(us))
	flat := make([]int8, len(us)*dim)
	rows, err := tx.Query(ctx, `SELECT v.document, v.n, v.scale, v.q
		FROM generation_documents g JOIN vectors v ON v.document = g.document
		WHERE g.generation = $1`, l.Generation)
	if err != nil {
		return nil, fmt.Errorf("store %s: read vectors: %w", s.name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		var n int
		var scale float32
		var q pgtype.DriverBytes // valid until the next row
		if err := rows.Scan(&doc, &n, &scale, &q); err != nil {
			return nil, fmt.Errorf("store %s: read vectors: %w", s.name, err)
		}
		first, ok := at[doc]
		i := first + n
		if !ok || i >= len(us) || l.rows[us[i].DocID] != doc || us[i].Passage != n || len(q) != dim || dim == 0 || !(scale > 0) {
			return nil, fmt.Errorf("%w: generation %d: a vector does not fit its passage", ErrRebuild, l.Generation)
		}
		v := flat[i*dim : (i+1)*dim : (i+1)*dim]
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), dim), q)
		vecs[i] = retrieval.Vector{Scale: scale, Q: v}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: read vectors: %w", s.name, err)
	}
	return vecs, nil
}

// Section decodes the named section of the loaded generation into into
// (see Save); a missing section is datadir.ErrNoSection. A section is
// decoded once: its bytes (tens of MB of claims in a large index) are let
// go then, not held beside what they decoded into for the life of l.
func (l *Loaded) Section(name string, into any) error {
	b, ok := l.sections[name]
	switch {
	case !ok:
		return fmt.Errorf("section %s: %w", name, datadir.ErrNoSection)
	case b == nil:
		return fmt.Errorf("section %s: decoded already; a loaded section is decoded once", name)
	}
	l.sections[name] = nil
	return gobDecode(b, into)
}

// Opened presents the loaded generation as a data directory's, for the
// ingest code that merges new documents into an existing index.
func (l *Loaded) Opened() *datadir.Opened {
	m := &datadir.Manifest{Generation: l.Generation, Roots: l.Roots}
	for _, d := range l.Corpus.Docs() {
		m.Documents = append(m.Documents, datadir.DocEntry{ID: d.ID, Format: string(d.Format), Source: d.Source,
			Hash: l.hashes[d.ID], Passages: len(d.Passages)})
	}
	return &datadir.Opened{Manifest: m, Corpus: l.Corpus, Index: l.Index}
}

// Roots are the paths and URLs the current generation was built from, for
// an ingest that refreshes them; nil when there is none.
func (s *Store) Roots(ctx context.Context) ([]string, error) {
	var roots []string
	err := s.pool.QueryRow(ctx, `SELECT g.roots FROM current_generation c JOIN generations g ON g.id = c.generation`).Scan(&roots)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: read roots: %w", s.name, err)
	}
	return roots, nil
}
