package pgstore

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/pgstore/pgtest"
	"github.com/crosscheck/crosscheck/retrieval"
)

func TestRedact(t *testing.T) {
	tests := []struct{ dsn, want string }{
		{"postgres://bob:s3cret@db:5432/cc", "postgres://bob:xxxxx@db:5432/cc"},
		{"postgres://bob@db/cc?password=s3cret&sslmode=disable", "postgres://bob@db/cc?password=xxxxx&sslmode=disable"},
		{"host=db user=bob password=s3cret dbname=cc", "host=db user=bob password=xxxxx dbname=cc"},
		{"host=db password='s 3cret' dbname=cc", "host=db password=xxxxx dbname=cc"},
		{"postgres://db/cc", "postgres://db/cc"},
	}
	for _, tt := range tests {
		if got := Redact(tt.dsn); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.dsn, got, tt.want)
		}
	}
}

func TestOpenErrorHidesPassword(t *testing.T) {
	ctx := context.Background()
	_, err := Open(ctx, "postgres://bob:s3cret@127.0.0.1:1/cc?connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "xxxxx") {
		t.Errorf("err = %v, want a connection error naming the store without its password", err)
	}
}

func openStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func migrated(t *testing.T) *Store {
	t.Helper()
	s := openStore(t)
	if _, _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	err := s.CheckSchema(ctx)
	if !errors.Is(err, ErrSchemaBehind) || !strings.Contains(err.Error(), "crosscheck migrate --store") {
		t.Fatalf("CheckSchema before migrate: %v, want ErrSchemaBehind naming the command", err)
	}
	from, to, err := s.Migrate(ctx)
	if err != nil || from != 0 || to != SchemaVersion() {
		t.Fatalf("Migrate = %d, %d, %v; want 0, %d", from, to, err, SchemaVersion())
	}
	if err := s.CheckSchema(ctx); err != nil {
		t.Fatalf("CheckSchema after migrate: %v", err)
	}
	from, to, err = s.Migrate(ctx)
	if err != nil || from != to {
		t.Errorf("second Migrate = %d, %d, %v; want nothing to do", from, to, err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, 'future')`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckSchema(ctx); !errors.Is(err, ErrSchemaAhead) {
		t.Errorf("CheckSchema with a newer schema: %v, want ErrSchemaAhead", err)
	}
}

func testCorpus(t *testing.T, extra string) *corpus.Corpus {
	t.Helper()
	fs := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: Harbour\noutlet: Courier\n---\nThe harbour will not be dredged, the authority said.\n\nThe council disagrees.\n")},
		"b.jsonl": {Data: []byte(`{"id":"b","title":"Council","text":"The council said dredging starts in April. It has seen the tender."}` + "\n" +
			`{"id":"dot","text":"."}` + "\n")},
	}
	if extra != "" {
		fs["c.md"] = &fstest.MapFile{Data: []byte(extra)}
	}
	c, skipped, err := corpus.Load(fs, corpus.Options{})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("load: %v %v", err, skipped)
	}
	return c
}

type claimToy struct {
	DocID  string
	Holder string
}

func saveCorpus(t *testing.T, s *Store, c *corpus.Corpus, prior *Loaded) *Saved {
	t.Helper()
	ix, err := retrieval.Build(context.Background(), c, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	sv, err := s.Save(context.Background(), Snapshot{Roots: []string{"/docs"}, Corpus: c, Index: ix,
		Sections: []datadir.Section{{Name: "claims", Value: []claimToy{{"a", "the authority"}}}}}, prior)
	if err != nil {
		t.Fatal(err)
	}
	return sv
}

func TestSaveLoadRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	if _, err := s.Load(ctx, retrieval.Offline(), LoadOptions{}); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("Load of an empty store: %v, want ErrNoIndex", err)
	}
	c := testCorpus(t, "")
	sv := saveCorpus(t, s, c, nil)
	if sv.Written != c.Len() || sv.Reused != 0 {
		t.Errorf("first save wrote %d, reused %d; want %d, 0", sv.Written, sv.Reused, c.Len())
	}
	l, err := s.Load(ctx, retrieval.Offline(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Generation != sv.Generation || l.Corpus.Len() != c.Len() {
		t.Fatalf("loaded generation %d with %d docs, want %d with %d", l.Generation, l.Corpus.Len(), sv.Generation, c.Len())
	}
	for _, d := range c.Docs() {
		got := l.Corpus.Doc(d.ID)
		if got == nil || string(got.Raw) != string(d.Raw) || got.Title != d.Title || len(got.Passages) != len(d.Passages) {
			t.Fatalf("doc %s did not survive: %+v", d.ID, got)
		}
		for _, p := range got.Passages {
			if string(got.Raw[p.Start:p.End]) != p.Text {
				t.Errorf("%s: passage is not stored[start:end]", d.ID)
			}
		}
	}
	// The stored index scans 8-bit vectors, as BuildReusing's does.
	built, _, _ := retrieval.BuildReusing(ctx, retrieval.CorpusUnits(c), retrieval.Offline(), nil)
	q := "Will the harbour be dredged?"
	want, _ := built.Search(ctx, q, retrieval.SearchOptions{})
	got, _ := l.Index.Search(ctx, q, retrieval.SearchOptions{})
	if len(got) == 0 || len(got) != len(want) {
		t.Fatalf("hits %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("hit %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	var back []claimToy
	if err := l.Section("claims", &back); err != nil || len(back) != 1 || back[0].Holder != "the authority" {
		t.Errorf("claims section: %v, %v", back, err)
	}
	if err := l.Section("claims", &back); err == nil || errors.Is(err, datadir.ErrNoSection) {
		t.Errorf("claims decoded twice: %v, want an error that is not ErrNoSection", err)
	}
	if err := l.Section("nope", &back); !errors.Is(err, datadir.ErrNoSection) {
		t.Errorf("missing section: %v, want ErrNoSection", err)
	}
	other := retrieval.Offline()
	other.Name = "another"
	if _, err := s.Load(ctx, other, LoadOptions{}); !errors.Is(err, ErrRebuild) {
		t.Errorf("Load with another embedder: %v, want ErrRebuild", err)
	}
}

// A second save of the same documents stores nothing new; a changed
// corpus writes only what changed, and older generations are removed.
func TestSaveReusesUnchanged(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	c := testCorpus(t, "")
	first := saveCorpus(t, s, c, nil)
	l, err := s.Load(ctx, retrieval.Offline(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	second := saveCorpus(t, s, c, l)
	if second.Written != 0 || second.Reused != c.Len() || second.Generation <= first.Generation {
		t.Errorf("second save: %+v, want all %d reused in a later generation", second, c.Len())
	}
	l, _ = s.Load(ctx, retrieval.Offline(), LoadOptions{})
	third := saveCorpus(t, s, testCorpus(t, "The ferry runs twice a day, the operator said.\n"), l)
	if third.Written != 1 || third.Reused != c.Len() {
		t.Errorf("third save: %+v, want 1 written, %d reused", third, c.Len())
	}
	var gens, docs int
	s.pool.QueryRow(ctx, `SELECT count(*) FROM generations`).Scan(&gens)
	s.pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&docs)
	if gens != 1 || docs != c.Len()+1 {
		t.Errorf("store holds %d generations and %d documents, want 1 and %d", gens, docs, c.Len()+1)
	}
	if cur, _ := s.CurrentGeneration(ctx); cur != third.Generation {
		t.Errorf("current generation %d, want %d", cur, third.Generation)
	}
}

func TestLockIsExclusive(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	unlock, err := a.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Lock(ctx); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "server process") {
		t.Errorf("second Lock: %v, want ErrLocked naming the holder", err)
	}
	unlock()
	again, err := b.Lock(ctx)
	if err != nil {
		t.Fatalf("Lock after unlock: %v", err)
	}
	again()
}

// Two replicas sharing the store: each key is answered by exactly one.
func TestEventsAcrossStores(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ea, eb := a.Events(time.Hour), b.Events(time.Hour)
	tests := []struct {
		name string
		e    *Events
		keys []string
		want bool
	}{
		{"new event", ea, []string{"event:E1", "msg:C1:1.0"}, true},
		{"same event on the other replica", eb, []string{"event:E1"}, false},
		{"same message under a new event id", eb, []string{"event:E2", "msg:C1:1.0"}, false},
		{"the new id was recorded anyway", ea, []string{"event:E2"}, false},
		{"empty keys are ignored", eb, []string{"", "event:E3"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.e.FirstAll(ctx, tt.keys...)
			if err != nil || got != tt.want {
				t.Errorf("FirstAll(%v) = %v, %v; want %v", tt.keys, got, err, tt.want)
			}
		})
	}
}

// Readers never see a half-finished ingest, even while ingests follow
// each other: every load is one whole generation.
func TestLoadWhileSaving(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	small, big := testCorpus(t, ""), testCorpus(t, "The ferry runs twice a day, the operator said.\n")
	saveCorpus(t, s, small, nil)
	done := make(chan error, 1)
	go func() {
		var prior *Loaded
		for i := range 10 {
			c := small
			if i%2 == 0 {
				c = big
			}
			ix, _, err := retrieval.BuildReusing(ctx, retrieval.CorpusUnits(c), retrieval.Offline(), nil)
			if err == nil {
				_, err = s.Save(ctx, Snapshot{Corpus: c, Index: ix}, prior)
			}
			if err == nil {
				prior, err = s.Load(ctx, retrieval.Offline(), LoadOptions{})
			}
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for loads := 0; ; loads++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			return
		default:
		}
		l, err := s.Load(ctx, retrieval.Offline(), LoadOptions{})
		if err != nil {
			t.Fatalf("load %d during saves: %v", loads, err)
		}
		if n := l.Corpus.Len(); n != small.Len() && n != big.Len() {
			t.Fatalf("load %d: %d documents, want %d or %d", loads, n, small.Len(), big.Len())
		}
	}
}
