package pgstore

import (
	"context"
	"errors"
	"fmt"
	"unsafe"

	"github.com/jackc/pgx/v5"

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
	lex, err := retrieval.ReadLexical(bytesReader(lexBlob))
	if err != nil {
		return nil, fmt.Errorf("%w: generation %d: lexical index: %v", ErrRebuild, l.Generation, err)
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

func (s *Store) loadDocs(ctx context.Context, tx pgx.Tx, l *Loaded) ([]*corpus.Document, error) {
	rows, err := tx.Query(ctx, `SELECT d.id, d.doc_id, d.hash, d.title, d.outlet, d.author, d.published, d.url, d.format, d.source, d.body, d.layout
		FROM generation_documents g JOIN documents d ON d.id = g.document
		WHERE g.generation = $1 ORDER BY d.doc_id`, l.Generation)
	if err != nil {
		return nil, fmt.Errorf("store %s: read documents: %w", s.name, err)
	}
	type rec struct {
		f      datadir.DocFields
		layout []byte
	}
	var recs []rec
	for rows.Next() {
		var r rec
		var row int64
		var hash string
		if err := rows.Scan(&row, &r.f.ID, &hash, &r.f.Title, &r.f.Outlet, &r.f.Author, &r.f.Published, &r.f.URL,
			&r.f.Format, &r.f.Source, &r.f.Raw, &r.layout); err != nil {
			return nil, fmt.Errorf("store %s: read documents: %w", s.name, err)
		}
		l.rows[r.f.ID], l.hashes[r.f.ID] = row, hash
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: read documents: %w", s.name, err)
	}
	docs := make([]*corpus.Document, len(recs))
	errs := make([]error, len(recs))
	retrieval.Parallel(len(recs), func(i int) {
		docs[i], errs[i] = datadir.DocFromLayout(recs[i].layout, recs[i].f, i%datadir.SpotCheckEvery == 0)
	})
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%w: generation %d: %v (crosscheck was upgraded since the ingest?)", ErrRebuild, l.Generation, err)
		}
	}
	return docs, nil
}

// loadVectors reads the generation's vectors into unit order.
func (s *Store) loadVectors(ctx context.Context, tx pgx.Tx, l *Loaded, us []retrieval.Unit, dim int) ([]retrieval.Vector, error) {
	at := make(map[int64]int, len(l.rows)) // document row → index of its first unit
	for i, u := range us {
		if u.Passage == 0 {
			at[l.rows[u.DocID]] = i
		}
	}
	vecs := make([]retrieval.Vector, len(us))
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
		var q []byte
		if err := rows.Scan(&doc, &n, &scale, &q); err != nil {
			return nil, fmt.Errorf("store %s: read vectors: %w", s.name, err)
		}
		first, ok := at[doc]
		i := first + n
		if !ok || i >= len(us) || l.rows[us[i].DocID] != doc || us[i].Passage != n || len(q) != dim || !(scale > 0) {
			return nil, fmt.Errorf("%w: generation %d: a vector does not fit its passage", ErrRebuild, l.Generation)
		}
		vecs[i] = retrieval.Vector{Scale: scale, Q: unsafe.Slice((*int8)(unsafe.Pointer(&q[0])), len(q))}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: read vectors: %w", s.name, err)
	}
	return vecs, nil
}

// Section decodes the named section of the loaded generation into into
// (see Save); a missing section is datadir.ErrNoSection.
func (l *Loaded) Section(name string, into any) error {
	b, ok := l.sections[name]
	if !ok {
		return fmt.Errorf("section %s: %w", name, datadir.ErrNoSection)
	}
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
