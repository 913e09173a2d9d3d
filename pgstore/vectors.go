package pgstore

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"unsafe"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pgvector/pgvector-go"
	pgxvec "github.com/pgvector/pgvector-go/pgx"

	"github.com/crosscheck/crosscheck/retrieval"
)

// With pgvector (migration 0002), every passage vector is also a halfvec
// row of passage_embeddings, indexed by HNSW, and a reader's vector search
// asks the database for the nearest passages instead of holding every
// vector in memory. The database proposes candidates; the 8-bit vectors of
// those candidates are ranked exactly as in process (retrieval.Nearest), so
// an answer is the same whichever side searched, as long as the true
// nearest are among the candidates.

// maxHNSWDims is the most dimensions pgvector's HNSW indexes for halfvec.
const maxHNSWDims = 4000

// Candidate counts: the database returns the n nearest by its own
// (half-precision, approximate) reckoning plus candidateMargin more, so that
// a passage the exact ranking puts just inside the n-th place is not lost to
// rounding at the edge; hnsw.ef_search (the size of HNSW's candidate list)
// is at least efSearchMin and at least the candidates asked for, up to
// pgvector's limit of 1,000, and iterative scans keep going when the
// generation filter drops rows.
const (
	candidateMargin = 50
	efSearchMin     = 100
	efSearchMax     = 1000
)

// registerVectorTypes teaches a new connection pgvector's types, when the
// database has them, so that COPY can send halfvec values in binary.
func registerVectorTypes(ctx context.Context, conn *pgx.Conn) error {
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT to_regtype('halfvec') IS NOT NULL`).Scan(&ok); err != nil {
		return fmt.Errorf("look for pgvector's types: %w", err)
	}
	if !ok {
		return nil
	}
	return pgxvec.RegisterTypes(ctx, conn)
}

// VectorSupport is what the database offers for vector search.
type VectorSupport struct {
	// Available: the server offers the pgvector extension.
	Available bool
	// Version is the installed extension's version, "" when it is not
	// installed.
	Version string
	// Table: the schema has passage_embeddings (migration 0002 found the
	// extension), so ingests write pgvector rows.
	Table bool
}

// Why says why vector search cannot run in the database, "" when it can.
func (v VectorSupport) Why() string {
	switch {
	case !v.Available:
		return "the server has no pgvector extension"
	case v.Version == "" || !v.Table:
		return "the server offers pgvector, but the store was migrated without it (create the extension as a superuser, or ask for it, then ingest again)"
	case !atLeast(v.Version, 0, 8):
		return "pgvector " + v.Version + " is older than 0.8, whose iterative index scans crosscheck needs"
	}
	return ""
}

// atLeast reports whether version (as "0.8.7") is at least major.minor.
func atLeast(version string, major, minor int) bool {
	var a, b int
	if _, err := fmt.Sscanf(version, "%d.%d", &a, &b); err != nil {
		return false
	}
	return a > major || a == major && b >= minor
}

type queryRower interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Vectors reports what the database offers for vector search.
func (s *Store) Vectors(ctx context.Context) (VectorSupport, error) { return s.vectors(ctx, s.pool) }

func (s *Store) vectors(ctx context.Context, q queryRower) (VectorSupport, error) {
	var v VectorSupport
	err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector'),
		coalesce((SELECT extversion FROM pg_extension WHERE extname = 'vector'), ''),
		to_regclass('passage_embeddings') IS NOT NULL`).Scan(&v.Available, &v.Version, &v.Table)
	if err != nil {
		return v, fmt.Errorf("store %s: look for pgvector: %w", s.name, err)
	}
	return v, nil
}

// hnswIndex is the name of the HNSW index over embeddings of dim
// dimensions.
func hnswIndex(dim int) string { return "passage_embeddings_hnsw_" + strconv.Itoa(dim) }

// ensureHNSW creates the HNSW index for an embedder of dim dimensions,
// unless it exists: cosine distance, on the expression the reader's query
// orders by, for the rows of that dimension only (rows of another embedder
// may linger until the ingest that replaces them finishes).
func (s *Store) ensureHNSW(ctx context.Context, dim int) error {
	d := strconv.Itoa(dim)
	_, err := s.pool.Exec(ctx, `CREATE INDEX IF NOT EXISTS `+hnswIndex(dim)+` ON passage_embeddings
		USING hnsw ((embedding::halfvec(`+d+`)) halfvec_cosine_ops) WHERE vector_dims(embedding) = `+d)
	if err != nil {
		return fmt.Errorf("store %s: create the HNSW index: %w", s.name, err)
	}
	return nil
}

// embedding is v as pgvector stores it: its 8-bit components, exact in
// half precision.
func embedding(v retrieval.Vector) pgvector.HalfVector {
	f := make([]float32, len(v.Q))
	for i, x := range v.Q {
		f[i] = float32(x)
	}
	return pgvector.NewHalfVector(f)
}

// unitHalf is vec scaled to unit length, which half precision holds
// without overflow; nil when it has no direction (zero, NaN or infinite).
func unitHalf(vec []float32) []float32 {
	var sum float64
	for _, x := range vec {
		sum += float64(x) * float64(x)
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return nil
	}
	f := 1 / math.Sqrt(sum)
	out := make([]float32, len(vec))
	for i, x := range vec {
		out[i] = float32(float64(x) * f)
	}
	return out
}

// dbVectors searches one generation's vectors in the database: a
// retrieval.VectorSearcher, so an Index asks it as it would ask its
// in-process store.
type dbVectors struct {
	pool  *pgxpool.Pool
	name  string
	gen   int64
	emb   retrieval.Embedder
	count int
	// first is, by document row, the unit index of its first passage.
	first map[int64]int
	units []retrieval.Unit
	query string
}

var _ retrieval.VectorSearcher = (*dbVectors)(nil)

func newDBVectors(s *Store, gen int64, emb retrieval.Embedder, count int, first map[int64]int, units []retrieval.Unit) *dbVectors {
	d := strconv.Itoa(emb.Dim)
	return &dbVectors{pool: s.pool, name: s.name, gen: gen, emb: emb, count: count, first: first, units: units,
		// The ORDER BY expression and the dimension filter are the HNSW
		// index's, or the planner cannot use it.
		query: `SELECT e.document, e.n, v.scale, v.q
			FROM passage_embeddings e JOIN vectors v ON v.document = e.document AND v.n = e.n
			WHERE vector_dims(e.embedding) = ` + d + `
			  AND e.document IN (SELECT document FROM generation_documents WHERE generation = $2)
			ORDER BY e.embedding::halfvec(` + d + `) <=> $1::halfvec(` + d + `)
			LIMIT $3`}
}

// Count is the number of the generation's vectors.
func (v *dbVectors) Count() int { return v.count }

// Query returns the n vectors of the generation nearest to vec, as
// retrieval.Store.Query would.
func (v *dbVectors) Query(ctx context.Context, vec []float32, n int) ([]retrieval.Match, error) {
	n = min(n, v.count)
	if n <= 0 {
		return nil, nil
	}
	if len(vec) != v.emb.Dim {
		return nil, fmt.Errorf("query vector has %d dimensions, want %d", len(vec), v.emb.Dim)
	}
	unit := unitHalf(vec)
	if unit == nil {
		return nil, nil // no direction: matches nothing, as in process
	}
	want := min(n+candidateMargin, v.count)
	var ids []string
	var cands []retrieval.Vector
	err := pgx.BeginTxFunc(ctx, v.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		ef := strconv.Itoa(min(max(want, efSearchMin), efSearchMax))
		if _, err := tx.Exec(ctx, `SELECT set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, ef); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, v.query, pgvector.NewHalfVector(unit), v.gen, want)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var doc int64
			var pn int
			var scale float32
			var b []byte
			if err := rows.Scan(&doc, &pn, &scale, &b); err != nil {
				return err
			}
			first, ok := v.first[doc]
			u := first + pn
			if !ok || u >= len(v.units) || v.units[u].Passage != pn || len(b) != v.emb.Dim {
				continue // a row of another generation's document
			}
			ids = append(ids, strconv.Itoa(u))
			cands = append(cands, retrieval.Vector{Scale: scale, Q: unsafe.Slice((*int8)(unsafe.Pointer(&b[0])), len(b))})
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: vector search: %w", v.name, err)
	}
	if len(ids) < want {
		if err := v.stillThere(ctx); err != nil {
			return nil, err
		}
	}
	return retrieval.Nearest(ctx, v.emb, vec, ids, cands, n)
}

// stillThere says, when the database returned fewer vectors than asked
// for, whether that is because an ingest has replaced the generation (and
// removed its documents) since it was loaded: an error then, rather than
// an answer from a part of the corpus. A reload (serve does one every few
// seconds) picks up the new generation.
func (v *dbVectors) stillThere(ctx context.Context) error {
	var ok bool
	if err := v.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM generations WHERE id = $1)`, v.gen).Scan(&ok); err != nil {
		return fmt.Errorf("store %s: vector search: %w", v.name, err)
	}
	if !ok {
		return fmt.Errorf("store %s: generation %d was replaced by a newer ingest while answering; ask again", v.name, v.gen)
	}
	return nil
}
