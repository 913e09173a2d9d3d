package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/pgstore"
)

const migrateHelp = `Usage: crosscheck migrate [--store DSN]

Brings the PostgreSQL store's schema up to the version this crosscheck
needs, applying each missing migration in its own transaction. Running it
again, or from several replicas at once, is safe: the database is migrated
once. When the server offers the pgvector extension, migrate creates it and
the table vector search then runs on in the database (HNSW); without it,
vectors are searched in process, and every start says so.

Flags:
` + storeFlagHelp + `
Exit status: 0 done, 1 failure, 2 usage.
`

func runMigrate(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	storeFlag := fs.String("store", "", "")
	if code, done := parseFlags(fs, args, migrateHelp, stdout, stderr); done {
		return code
	}
	dsn := *storeFlag
	if dsn == "" {
		dsn = getenv(storeEnv)
	}
	if dsn == "" || fs.NArg() > 0 {
		fmt.Fprintf(stderr, "crosscheck migrate: pass --store postgres://… or set %s\n\n%s", storeEnv, migrateHelp)
		return exitUsage
	}
	st, err := pgstore.Open(ctx, dsn)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck migrate: %v\n", err)
		return exitFail
	}
	defer st.Close()
	from, to, err := st.Migrate(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck migrate: %v\n", err)
		return exitFail
	}
	if from == to {
		fmt.Fprintf(stdout, "Store %s is at schema version %d; nothing to do.\n", st.Name(), to)
		return exitOK
	}
	fmt.Fprintf(stdout, "Migrated store %s from schema version %d to %d.\n", st.Name(), from, to)
	return exitOK
}
