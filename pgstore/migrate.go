package pgstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// migrations are the schema's versions, applied in order: NNNN_name.sql.
// A migration is never edited once released; a change is a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_what.sql", e.Name())
		}
		b, err := migrations.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: versions must run 1, 2, 3… without gaps", m.name)
		}
	}
	return out, nil
}

// SchemaVersion is the schema version this crosscheck reads and writes.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// ErrSchemaBehind means the database's schema is older than this
// crosscheck's (or absent): run crosscheck migrate.
var ErrSchemaBehind = errors.New("the database schema is behind")

// ErrSchemaAhead means a newer crosscheck migrated the database.
var ErrSchemaAhead = errors.New("the database schema is newer than this crosscheck")

const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name    text NOT NULL,
    applied timestamptz NOT NULL DEFAULT now()
)`

// version reads the schema version; 0 when nothing was ever migrated.
func (s *Store) version(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (int, error) {
	var v int
	err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store %s: read schema version: %w", s.name, err)
	}
	return v, nil
}

// CheckSchema says whether the database's schema is the one this
// crosscheck needs; the error names the command that fixes it.
func (s *Store) CheckSchema(ctx context.Context) error {
	have, err := s.version(ctx, s.pool)
	if err != nil {
		return err
	}
	want := SchemaVersion()
	switch {
	case have < want:
		return fmt.Errorf("%w: store %s is at schema version %d, this crosscheck needs %d; run: crosscheck migrate --store '%s'",
			ErrSchemaBehind, s.name, have, want, s.name)
	case have > want:
		return fmt.Errorf("%w: store %s is at schema version %d, this crosscheck reads %d; upgrade crosscheck", ErrSchemaAhead, s.name, have, want)
	}
	return nil
}

// migrateLockKey is the advisory lock two migrate runs take, so that
// replicas started at once migrate once.
const migrateLockKey = 0x63726f73_73636b01

// Migrate applies the migrations the database lacks, each in its own
// transaction, and returns the versions before and after.
func (s *Store) Migrate(ctx context.Context) (from, to int, err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("store %s: %w", s.name, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLockKey)); err != nil {
		return 0, 0, fmt.Errorf("store %s: lock for migration: %w", s.name, err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrateLockKey))
	if _, err := conn.Exec(ctx, migrationsTable); err != nil {
		return 0, 0, fmt.Errorf("store %s: create schema_migrations: %w", s.name, err)
	}
	from, err = s.version(ctx, conn)
	if err != nil {
		return 0, 0, err
	}
	ms, err := loadMigrations()
	if err != nil {
		return from, from, err
	}
	if from > len(ms) {
		return from, from, fmt.Errorf("%w: store %s is at schema version %d, this crosscheck knows %d; upgrade crosscheck", ErrSchemaAhead, s.name, from, len(ms))
	}
	to = from
	for _, m := range ms[from:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name)
			return err
		})
		if err != nil {
			return from, to, fmt.Errorf("store %s: migration %s: %w", s.name, m.name, err)
		}
		to = m.version
	}
	if to != from {
		// Connections opened before pgvector's types existed do not know
		// them (see registerVectorTypes).
		s.pool.Reset()
	}
	return from, to, nil
}
