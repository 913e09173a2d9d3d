// Package pgtest gives tests a fresh PostgreSQL database of their own on
// the server CROSSCHECK_TEST_PG names (.ci/run starts a throwaway one).
// Without that variable the tests that need it skip, saying so.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the DSN of the server tests may create databases on.
const EnvVar = "CROSSCHECK_TEST_PG"

var seq atomic.Int64

// DSN creates an empty database for t, dropped when t ends, and returns
// its DSN. It skips t when EnvVar is unset.
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvVar)
	if base == "" {
		t.Skipf("%s is not set: no PostgreSQL to test against (.ci/run starts one)", EnvVar)
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		t.Fatalf("%s must be a postgres:// URL", EnvVar)
	}
	return newDatabase(t, base, u)
}

// newDatabase creates a database for t on the server base names, dropped
// when t ends, and returns its DSN (u with the database's name).
func newDatabase(t testing.TB, base string, u *url.URL) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("cc_%s_%d_%d", sanitize(t.Name()), os.Getpid(), seq.Add(1))
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	})
	u.Path = "/" + name
	return u.String()
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
		if b.Len() >= 30 {
			break
		}
	}
	return b.String()
}

// VectorEnvVar names the DSN of a PostgreSQL server with the pgvector
// extension (.ci/run serves PGlite with pgvector on loopback,
// scripts/pglite).
const VectorEnvVar = "CROSSCHECK_TEST_PGVECTOR"

// VectorDSN returns the DSN of an empty database for t on the pgvector
// server VectorEnvVar names; it skips t when VectorEnvVar is unset. On
// PostgreSQL that is a database of t's own, as DSN's.
//
// On PGlite (what .ci/run starts) it is the server's one database, whatever
// the DSN says, in one session every connection shares. So tests cannot
// have databases of their own there: VectorDSN holds a file lock (shared by
// every test process on this machine) until t ends, and drops and
// recreates the public schema. The DSN asks pgx for the simple query protocol, whose
// one message per query PGlite's socket server cannot interleave with
// another connection's.
func VectorDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(VectorEnvVar)
	if base == "" {
		t.Skipf("%s is not set: no PostgreSQL with pgvector to test against (.ci/run starts one)", VectorEnvVar)
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		t.Fatalf("%s must be a postgres:// URL", VectorEnvVar)
	}
	q := u.Query()
	if !q.Has("default_query_exec_mode") {
		q.Set("default_query_exec_mode", "simple_protocol")
		u.RawQuery = q.Encode()
	}
	dsn := u.String()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to %s: %v", VectorEnvVar, err)
	}
	defer c.Close(ctx)
	var version string
	if err := c.QueryRow(ctx, `SELECT version()`).Scan(&version); err != nil {
		t.Fatalf("%s: %v", VectorEnvVar, err)
	}
	if !strings.Contains(version, "PGlite") {
		return newDatabase(t, dsn, u)
	}
	lockServer(t, u.Host)
	ctx, cancel = context.WithTimeout(context.Background(), 30*time.Second) // the wait for the lock is not the server's
	defer cancel()
	for _, sql := range []string{
		`DROP EXTENSION IF EXISTS vector CASCADE`,
		`DROP SCHEMA IF EXISTS public CASCADE`,
		`CREATE SCHEMA public`,
	} {
		if _, err := c.Exec(ctx, sql); err != nil {
			t.Fatalf("empty the pgvector database: %s: %v", sql, err)
		}
	}
	return dsn
}

// lockServer holds an exclusive lock on a file named after host until t
// ends, so that tests of several packages take turns on one server.
func lockServer(t testing.TB, host string) {
	t.Helper()
	path := filepath.Join(os.TempDir(), "crosscheck-test-pgvector-"+sanitize(host)+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatalf("lock the pgvector server: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("lock the pgvector server: %v", err)
	}
	t.Cleanup(func() { f.Close() }) // closing releases the lock
}
