//go:build !unix

package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

const lockName = "lock"

// ErrLocked means another process holds the data directory's lock.
var ErrLocked = errors.New("another crosscheck ingest is writing this data directory")

// Lock creates the lock file exclusively. Without flock, a killed ingest
// leaves it behind; the message says to remove it then.
func Lock(dataDir string) (unlock func(), err error) {
	dir := filepath.Join(dataDir, IndexDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("%w (%s exists); wait for it to finish, or remove the file if no ingest is running", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", path, err)
	}
	f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	f.Close()
	return func() { os.Remove(path) }, nil
}
