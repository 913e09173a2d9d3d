// Package pgstore keeps crosscheck's index in PostgreSQL, the store several
// serve replicas share: documents with their stored texts, passages, one
// vector per passage, the lexical index and the claims and disputes of each
// ingest (a generation), plus what the replicas of one bot share: the
// delivery keys every replica checks before answering, the questions each
// claims until it has answered them (Questions), and thread context,
// feedback and kept answers as JSON (Shared).
//
// A reader never sees a half-finished ingest: an ingest writes a new
// generation in batches, then switches current_generation in the
// transaction that finishes it, and readers read one generation inside one
// REPEATABLE READ transaction. With pgvector, vector search runs in the
// database (HNSW, see vectors.go); without it, in process over vectors
// loaded from the database.
//
// Nothing here knows about Slack, answers or the command line (a question
// is a few strings, the shared state opaque JSON); a DSN's
// password never appears in an error or a log line (see Redact).
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is a connection pool to one crosscheck database.
type Store struct {
	pool *pgxpool.Pool
	// name is the DSN with its password redacted, for messages.
	name string
}

// Pool settings: a replica answers with a handful of connections (dedupe
// and the generation poll); an ingest takes one for its lock and one to
// write.
const (
	maxConns        = 8
	connectTimeout  = 10 * time.Second
	maxConnIdleTime = 5 * time.Minute
)

// Open connects to the database at dsn (postgres://… or key=value). It
// does not check the schema; CheckSchema does.
func Open(ctx context.Context, dsn string) (*Store, error) {
	name := Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: not a PostgreSQL connection string (want postgres://user:password@host:port/db)", name)
	}
	if !strings.Contains(dsn, "pool_max_conns") {
		cfg.MaxConns = maxConns
	}
	cfg.MaxConnIdleTime = maxConnIdleTime
	cfg.AfterConnect = registerVectorTypes
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", name, redactErr(err, dsn))
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store %s: cannot connect: %w", name, redactErr(err, dsn))
	}
	return &Store{pool: pool, name: name}, nil
}

// Close closes the pool.
func (s *Store) Close() { s.pool.Close() }

// Name is the store's DSN with the password redacted.
func (s *Store) Name() string { return s.name }

// Ping reports whether the database answers, for /readyz.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("store %s: %w", s.name, err)
	}
	return nil
}

var kvPassword = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// Redact returns dsn with its password replaced by xxxxx, in either form
// PostgreSQL accepts (URL or key=value).
func Redact(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "postgres://(unparsable connection string)"
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.Redacted()
	}
	return kvPassword.ReplaceAllString(dsn, "${1}xxxxx")
}

// redactErr makes sure no error text carries the password, whatever the
// driver put in it.
func redactErr(err error, dsn string) error {
	if err == nil {
		return nil
	}
	pw := Password(dsn)
	if pw == "" || !strings.Contains(err.Error(), pw) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), pw, "xxxxx"))
}

// Password is the password in dsn, "" when it has none: a secret for log
// redaction.
func Password(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok {
			return p
		}
		return u.Query().Get("password")
	}
	if m := kvPassword.FindStringSubmatch(dsn); m != nil {
		return strings.Trim(m[2], "'")
	}
	return ""
}
