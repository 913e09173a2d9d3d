//go:build unix

package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

const lockName = "lock"

// ErrLocked means another process holds the data directory's lock.
var ErrLocked = errors.New("another crosscheck ingest is writing this data directory")

// Lock takes the exclusive writer's lock of dataDir, or fails at once with
// ErrLocked naming the holder's process id. It is an advisory flock, which
// the kernel releases when the holder exits however it exits, so a killed
// ingest never leaves a stale lock behind. Readers take no lock.
func Lock(dataDir string) (unlock func(), err error) {
	dir := filepath.Join(dataDir, IndexDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder := make([]byte, 32)
		n, _ := f.ReadAt(holder, 0)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			pid := strings.TrimSpace(string(holder[:n]))
			return nil, fmt.Errorf("%w (%s, process %s); wait for it to finish and run this again", ErrLocked, path, pid)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
