package pgstore

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/pgvector/pgvector-go"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/pgstore/pgtest"
	"github.com/crosscheck/crosscheck/retrieval"
)

// vectorStore is a migrated store on the pgvector server, with one
// connection, so that a session setting applies to every query.
func vectorStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.VectorDSN(t)+"&pool_max_conns=1")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if _, _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// questions for comparing searches: words the shipped corpus has, words
// it lacks, and none.
var searchQuestions = []string{
	"Are ICE agents operating in Mexico?",
	"What did Sheinbaum say about the raids in Sinaloa?",
	"Did the US embassy deny that agents are on Mexican soil?",
	"How did relations between Mexico and the US change over organized crime?",
	"counterdrug collaboration",
	"Who built the bridge on the moon?",
	"?",
}

// searchesAgree checks that got finds what want finds for every question,
// hit for hit and score for score, at the answerer's depth and the default.
func searchesAgree(t *testing.T, got, want *retrieval.Index) {
	t.Helper()
	ctx := context.Background()
	for _, q := range searchQuestions {
		for _, opts := range []retrieval.SearchOptions{{}, {K: 40, Depth: 200, PerDoc: 40}} {
			w, err := want.Search(ctx, q, opts)
			if err != nil {
				t.Fatal(err)
			}
			g, err := got.Search(ctx, q, opts)
			if err != nil {
				t.Fatalf("search %q: %v", q, err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("search %q %+v:\n got %+v\nwant %+v", q, opts, g, w)
			}
		}
	}
}

// With pgvector, a loaded generation's vector search runs in the
// database and finds exactly what the in-process index finds.
func TestVectorSearchInDatabase(t *testing.T) {
	ctx := context.Background()
	s := vectorStore(t)
	sup, err := s.Vectors(ctx)
	if err != nil || sup.Why() != "" {
		t.Fatalf("Vectors = %+v, %v; want a usable pgvector", sup, err)
	}
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	built, _, err := retrieval.BuildReusing(ctx, retrieval.CorpusUnits(c), retrieval.Offline(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, Snapshot{Corpus: c, Index: built}, nil); err != nil {
		t.Fatal(err)
	}
	// Make the planner take the HNSW index even on a table this small.
	if _, err := s.pool.Exec(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	l, err := s.Load(ctx, retrieval.Offline(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !l.VectorsInDatabase || l.Index.Vectors() != nil {
		t.Fatalf("loaded with vectors in database %v (%s), %d vectors in memory; want the database's search and none",
			l.VectorsInDatabase, l.VectorsWhy, len(l.Index.Vectors()))
	}
	searchesAgree(t, l.Index, built)

	in, err := s.Load(ctx, retrieval.Offline(), LoadOptions{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	if in.VectorsInDatabase || !reflect.DeepEqual(in.Index.Vectors(), built.Vectors()) {
		t.Errorf("LoadOptions{InProcess: true} did not read the vectors into memory")
	}
}

// The reader's query is one the HNSW index serves: the same expression
// and the same dimension filter.
func TestVectorQueryUsesHNSW(t *testing.T) {
	ctx := context.Background()
	s := vectorStore(t)
	saveCorpus(t, s, testCorpus(t, ""), nil)
	l, err := s.Load(ctx, retrieval.Offline(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dv := newDBVectors(s, l.Generation, retrieval.Offline(), 0, nil, nil)
	if _, err := s.pool.Exec(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	q := make([]float32, retrieval.OfflineDim)
	q[0] = 1
	rows, err := s.pool.Query(ctx, "EXPLAIN "+dv.query, pgvector.NewHalfVector(q), l.Generation, 10)
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if p := strings.Join(plan, "\n"); !strings.Contains(p, hnswIndex(retrieval.OfflineDim)) {
		t.Errorf("the vector query does not use the HNSW index:\n%s", p)
	}
}

// A generation whose vectors are not all in pgvector's table (written
// before the extension was installed) is searched in process, and says
// why; the next ingest copies the missing vectors over.
func TestVectorSearchNeedsEveryVector(t *testing.T) {
	ctx := context.Background()
	s := vectorStore(t)
	c := testCorpus(t, "")
	saveCorpus(t, s, c, nil)
	if _, err := s.pool.Exec(ctx, `DELETE FROM passage_embeddings`); err != nil {
		t.Fatal(err)
	}
	l, err := s.Load(ctx, retrieval.Offline(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.VectorsInDatabase || !strings.Contains(l.VectorsWhy, "has 0 of its") {
		t.Fatalf("loaded with vectors in database %v (%q); want in process, saying why", l.VectorsInDatabase, l.VectorsWhy)
	}
	sv := saveCorpus(t, s, c, l)
	if sv.Written != 0 {
		t.Fatalf("second save wrote %d documents, want none", sv.Written)
	}
	l, err = s.Load(ctx, retrieval.Offline(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !l.VectorsInDatabase {
		t.Fatalf("after an ingest: vectors in process (%s), want in the database", l.VectorsWhy)
	}
	built, _, _ := retrieval.BuildReusing(ctx, retrieval.CorpusUnits(c), retrieval.Offline(), nil)
	searchesAgree(t, l.Index, built)
}

// Without pgvector the migration succeeds, and a loaded generation's
// vectors are searched in process, saying why.
func TestVectorSearchFallsBack(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	sup, err := s.Vectors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sup.Available {
		t.Skip("this PostgreSQL offers pgvector; the fallback needs a server without it")
	}
	saveCorpus(t, s, testCorpus(t, ""), nil)
	l, err := s.Load(ctx, retrieval.Offline(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.VectorsInDatabase || l.VectorsWhy != "the server has no pgvector extension" || len(l.Index.Vectors()) == 0 {
		t.Errorf("loaded with vectors in database %v (%q), %d in memory; want in process because the server has no pgvector",
			l.VectorsInDatabase, l.VectorsWhy, len(l.Index.Vectors()))
	}
}

func TestAtLeast(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{{"0.8.0", true}, {"0.8.7", true}, {"0.10.1", true}, {"1.0", true}, {"0.7.4", false}, {"", false}, {"dev", false}}
	for _, tt := range tests {
		if got := atLeast(tt.v, 0, 8); got != tt.want {
			t.Errorf("atLeast(%q, 0, 8) = %v, want %v", tt.v, got, tt.want)
		}
	}
}
