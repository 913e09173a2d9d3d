package pgstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"unsafe"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/retrieval"
)

// ingestLockKey is the advisory lock an ingest holds from start to end.
const ingestLockKey = 0x63726f73_73636b02

// ErrLocked means another ingest is writing to the store.
var ErrLocked = errors.New("another ingest is writing to this store")

// Lock takes the store's ingest lock (a session advisory lock on a
// connection of its own) or refuses at once with ErrLocked, naming the
// session that holds it. The returned func releases it.
func (s *Store) Lock(ctx context.Context) (unlock func(), err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.name, err)
	}
	var got bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, int64(ingestLockKey)).Scan(&got); err != nil {
		conn.Release()
		return nil, fmt.Errorf("store %s: take the ingest lock: %w", s.name, err)
	}
	if !got {
		who := s.lockHolder(ctx, conn)
		conn.Release()
		return nil, fmt.Errorf("%w (%s%s); wait for it to finish and run this ingest again", ErrLocked, s.name, who)
	}
	return func() {
		// Closing the session releases the lock even if the unlock fails.
		conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(ingestLockKey))
		conn.Release()
	}, nil
}

func (s *Store) lockHolder(ctx context.Context, conn *pgxpool.Conn) string {
	var pid int
	var since string
	err := conn.QueryRow(ctx, `SELECT a.pid, coalesce(to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), '')
		FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = $1 LIMIT 1`,
		int64(ingestLockKey)).Scan(&pid, &since)
	if err != nil {
		return ""
	}
	return fmt.Sprintf(", held by server process %d connected since %s", pid, since)
}

// Snapshot is what Save writes: a corpus, the index built from it, and
// named extra sections (gob-encoded, as a data directory's).
type Snapshot struct {
	Roots    []string
	Corpus   *corpus.Corpus
	Index    *retrieval.Index
	Sections []datadir.Section
}

// Saved is what Save did.
type Saved struct {
	Generation int64
	// Written and Reused count documents stored anew and documents whose
	// rows (text, passages, vectors) an earlier generation already held.
	Written, Reused int
}

// batchDocs is how many documents one transaction writes: each batch is
// one COPY per table, small enough to keep a transaction short.
const batchDocs = 500

// Save writes s as a new generation and makes it current. The caller holds
// the lock (see Lock). A document of prior (the generation the ingest
// started from, or nil) whose content hash and passages are unchanged is
// not written again: the new generation shares its row. Documents are
// written in batches, one transaction each; the generation becomes visible
// only in the last transaction, which also removes older generations and
// the documents no generation holds any more (readers inside a
// transaction keep seeing what they started with).
func (s *Store) Save(ctx context.Context, snap Snapshot, prior *Loaded) (*Saved, error) {
	emb := snap.Index.Embedder()
	var gen int64
	if err := s.pool.QueryRow(ctx, `INSERT INTO generations (embedder, dim, roots) VALUES ($1, $2, $3) RETURNING id`,
		emb.Name, emb.Dim, nonNil(snap.Roots)).Scan(&gen); err != nil {
		return nil, fmt.Errorf("store %s: start generation: %w", s.name, err)
	}
	sv := &Saved{Generation: gen}
	docs := snap.Corpus.Docs()
	units := snap.Index.Units()
	vecs := snap.Index.Vectors()
	firstUnit := make(map[string]int, len(docs))
	for i, u := range units {
		if u.Passage == 0 {
			firstUnit[u.DocID] = i
		}
	}
	// With pgvector, every vector is also written to passage_embeddings
	// (see vectors.go), whose HNSW index for this dimension is created
	// before the first rows go in.
	sup, err := s.vectors(ctx, s.pool)
	if err != nil {
		return nil, err
	}
	embed := sup.Table && emb.Dim <= maxHNSWDims
	if embed {
		if err := s.ensureHNSW(ctx, emb.Dim); err != nil {
			return nil, err
		}
	}
	members := make([]int64, 0, len(docs))
	var fresh []*corpus.Document
	for _, d := range docs {
		if row, ok := reusable(prior, d); ok {
			members = append(members, row)
			sv.Reused++
			continue
		}
		fresh = append(fresh, d)
	}
	for start := 0; start < len(fresh); start += batchDocs {
		batch := fresh[start:min(start+batchDocs, len(fresh))]
		rows, err := s.writeDocs(ctx, gen, batch, firstUnit, vecs, embed)
		if err != nil {
			return nil, err
		}
		members = append(members, rows...)
		sv.Written += len(batch)
	}
	if err := s.finish(ctx, gen, snap, members, units, embed); err != nil {
		return nil, err
	}
	return sv, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// reusable reports the row of prior holding d unchanged: same content
// hash, same passages (equal hashes with other passages mean the splitter
// changed since, and the stored vectors belong to other texts).
func reusable(prior *Loaded, d *corpus.Document) (int64, bool) {
	if prior == nil || prior.hashes[d.ID] != datadir.DocHash(d) {
		return 0, false
	}
	old := prior.Corpus.Doc(d.ID)
	if old == nil || len(old.Passages) != len(d.Passages) {
		return 0, false
	}
	for i := range d.Passages {
		if old.Passages[i].Text != d.Passages[i].Text {
			return 0, false
		}
	}
	return prior.rows[d.ID], true
}

// writeDocs stores one batch of documents with their passages and vectors
// (and, when embed is set, pgvector's copy of the vectors) in one
// transaction, by COPY, and returns their rows.
func (s *Store) writeDocs(ctx context.Context, gen int64, batch []*corpus.Document, firstUnit map[string]int, vecs []retrieval.Vector, embed bool) ([]int64, error) {
	ids := make([]int64, 0, len(batch))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT nextval('documents_id_seq') FROM generate_series(1, $1)`, len(batch))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		var docRows, passRows, vecRows, embRows [][]any
		for k, d := range batch {
			layout, err := datadir.DocLayout(d)
			if err != nil {
				return err
			}
			docRows = append(docRows, []any{ids[k], d.ID, datadir.DocHash(d), gen, d.Title, d.Outlet, d.Author, d.Published,
				d.URL, string(d.Format), d.Source, d.Raw, layout})
			for n, p := range d.Passages {
				passRows = append(passRows, []any{ids[k], n, p.Start, p.End})
				v := vecs[firstUnit[d.ID]+n]
				if v.Stored() {
					q := unsafe.Slice((*byte)(unsafe.Pointer(&v.Q[0])), len(v.Q))
					vecRows = append(vecRows, []any{ids[k], n, v.Scale, bytes.Clone(q)})
					if embed {
						embRows = append(embRows, []any{ids[k], n, embedding(v)})
					}
				}
			}
		}
		copies := []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"documents", []string{"id", "doc_id", "hash", "generation", "title", "outlet", "author", "published", "url", "format", "source", "body", "layout"}, docRows},
			{"passages", []string{"document", "n", "start_byte", "end_byte"}, passRows},
			{"vectors", []string{"document", "n", "scale", "q"}, vecRows},
			{"passage_embeddings", []string{"document", "n", "embedding"}, embRows},
		}
		for _, c := range copies {
			if c.rows == nil {
				continue
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
				return fmt.Errorf("copy %s: %w", c.table, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: write documents: %w", s.name, err)
	}
	return ids, nil
}

// backfillEmbeddings gives pgvector's table the vectors of a generation's
// documents that lack them there: documents kept from a generation written
// before the extension was installed.
const backfillEmbeddings = `INSERT INTO passage_embeddings (document, n, embedding)
	SELECT v.document, v.n,
		(SELECT array_agg(CASE WHEN b > 127 THEN b - 256 ELSE b END ORDER BY i)::real[]
		 FROM (SELECT i, get_byte(v.q, i) AS b FROM generate_series(0, length(v.q) - 1) AS i) AS bytes)::halfvec
	FROM generation_documents g JOIN vectors v ON v.document = g.document
	WHERE g.generation = $1
	  AND NOT EXISTS (SELECT 1 FROM passage_embeddings e WHERE e.document = v.document AND e.n = v.n)`

// finish completes generation gen and makes it current, in one
// transaction.
func (s *Store) finish(ctx context.Context, gen int64, snap Snapshot, members []int64, units []retrieval.Unit, embed bool) error {
	var lex bytes.Buffer
	if _, err := snap.Index.Lexical().WriteTo(&lex); err != nil {
		return fmt.Errorf("encode lexical index: %w", err)
	}
	var secRows [][]any
	for _, sec := range snap.Sections {
		b, err := gobEncode(sec.Value)
		if err != nil {
			return fmt.Errorf("section %s: %w", sec.Name, err)
		}
		secRows = append(secRows, []any{gen, sec.Name, b})
	}
	memberRows := make([][]any, len(members))
	for i, m := range members {
		memberRows[i] = []any{gen, m}
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"generation_documents"}, []string{"generation", "document"}, pgx.CopyFromRows(memberRows)); err != nil {
			return fmt.Errorf("copy generation_documents: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"sections"}, []string{"generation", "name", "value"}, pgx.CopyFromRows(secRows)); err != nil {
			return fmt.Errorf("copy sections: %w", err)
		}
		if embed {
			if _, err := tx.Exec(ctx, backfillEmbeddings, gen); err != nil {
				return fmt.Errorf("copy vectors to pgvector's table: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE generations SET finished = now(), units = $2, units_crc = $3, lexical = $4 WHERE id = $1`,
			gen, len(units), int64(datadir.UnitsCRC(units)), lex.Bytes()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO current_generation (generation) VALUES ($1)
			ON CONFLICT (only_row) DO UPDATE SET generation = excluded.generation, switched = now()`, gen); err != nil {
			return err
		}
		// Older generations and abandoned ingests go; so do the documents
		// only they held.
		if _, err := tx.Exec(ctx, `DELETE FROM generations WHERE id <> $1`, gen); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM documents d WHERE NOT EXISTS (SELECT 1 FROM generation_documents g WHERE g.document = d.id)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("store %s: finish generation %d: %w", s.name, gen, err)
	}
	return nil
}
