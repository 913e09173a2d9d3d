// Package datadir persists a built index in a data directory, so that ask
// and serve open it in a fraction of the time a build takes: the stored
// document texts, each passage's vector, the lexical index, named extra
// sections (claims and disputes) and a manifest that ties them together.
//
// A reader never sees a half-written index: every file is written to a
// temporary name, synced and renamed into place, files of a new index
// carry a new generation number in their names, and the manifest, renamed
// last, is what switches readers from one generation to the next. A crash
// at any moment leaves the previous index usable. Every file is checked
// (size and CRC-32C) on open; a damaged or outdated index is an error that
// names the file and the command that rebuilds it, never a panic or a
// silently empty corpus.
//
// Nothing here knows about Slack, answers or the command line.
package datadir

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// FormatVersion is the version of the layout this package writes and
// reads. Bump it whenever a file changes shape; an index of another version
// is refused with the command that rebuilds it.
const FormatVersion = 2

// IndexDir is the subdirectory of a data directory that holds the index;
// the data directory also holds other things (the bot's feedback file).
const IndexDir = "index"

const manifestName = "manifest.json"

// Manifest describes one generation of a persisted index.
type Manifest struct {
	Format     int       `json:"format"`
	Generation int64     `json:"generation"`
	Written    time.Time `json:"written"`
	Embedder   string    `json:"embedder"`
	Dim        int       `json:"dim"`
	// Roots are the paths and URLs ingested, for the rebuild command.
	Roots     []string   `json:"roots"`
	Documents []DocEntry `json:"documents"`
	// Units is the number of passages; UnitsCRC a checksum of their texts,
	// which tells when the passage splitter no longer finds the passages
	// the vectors were computed for.
	Units    int                  `json:"units"`
	UnitsCRC uint32               `json:"units_crc"`
	Files    map[string]FileEntry `json:"files"`
}

// DocEntry is one document of the index.
type DocEntry struct {
	ID     string `json:"id"`
	Format string `json:"format"`
	Source string `json:"source"`
	// Hash covers the stored text and metadata (see DocHash): an ingest
	// that finds the same hash re-embeds nothing.
	Hash     string `json:"sha256"`
	Passages int    `json:"passages"`
}

// FileEntry is one file of the index, by section name.
type FileEntry struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	CRC32C uint32 `json:"crc32c"`
}

// ErrNoIndex means the data directory holds no index yet.
var ErrNoIndex = errors.New("no index in the data directory")

// ErrRebuild marks an index that cannot be used as it is; errors.As finds
// the *RebuildError with the details.
var ErrRebuild = errors.New("the index must be rebuilt")

// RebuildError says which file of an index cannot be used, why, and the
// command that rebuilds it.
type RebuildError struct {
	File, Problem, Command string
}

func (e *RebuildError) Error() string {
	return fmt.Sprintf("%s: %s; rebuild the index with: %s", e.File, e.Problem, e.Command)
}

func (e *RebuildError) Unwrap() error { return ErrRebuild }

// RebuildCommand is the ingest command line that rebuilds the index of
// dataDir from roots (placeholders when they are unknown).
func RebuildCommand(dataDir string, roots []string) string {
	args := []string{"crosscheck", "ingest", "--data", shellQuote(dataDir)}
	if len(roots) == 0 {
		args = append(args, "PATH|URL…")
	}
	for _, r := range roots {
		args = append(args, shellQuote(r))
	}
	return strings.Join(args, " ")
}

func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ReadManifest reads the manifest of the index in dataDir: ErrNoIndex when
// there is none, a *RebuildError when it is damaged or of another format.
func ReadManifest(dataDir string) (*Manifest, error) {
	path := filepath.Join(dataDir, IndexDir, manifestName)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoIndex
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, &RebuildError{File: path, Problem: "damaged (" + err.Error() + ")", Command: RebuildCommand(dataDir, nil)}
	}
	rebuild := func(problem string) error {
		return &RebuildError{File: path, Problem: problem, Command: RebuildCommand(dataDir, m.Roots)}
	}
	switch {
	case m.Format == 0 || m.Files == nil:
		return nil, rebuild("damaged (no format version or file list)")
	case m.Format < FormatVersion:
		return nil, rebuild(fmt.Sprintf("written by an older crosscheck (index format %d; this one reads format %d)", m.Format, FormatVersion))
	case m.Format > FormatVersion:
		return nil, rebuild(fmt.Sprintf("written by a newer crosscheck (index format %d; this one reads format %d); upgrade crosscheck, or", m.Format, FormatVersion))
	}
	return &m, nil
}

// Has reports whether dataDir holds an index (of any state: opening it may
// still fail, with a message worth showing).
func Has(dataDir string) bool {
	_, err := os.Stat(filepath.Join(dataDir, IndexDir, manifestName))
	return err == nil
}
