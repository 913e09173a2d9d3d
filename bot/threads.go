package bot

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/answer"
)

// ThreadsFile holds thread context inside the data directory: one JSON
// object per line, the newest line for a thread wins.
const ThreadsFile = "threads.jsonl"

// Thread context is kept for this long and for at most this many threads:
// a follow-up comes minutes or days after an answer, not months, and the
// file is read whole at start.
const (
	threadMaxAge   = 30 * 24 * time.Hour
	threadMaxCount = 5000
)

// threadContext is what a follow-up in a thread is read against: the last
// question answered there and its (verified) answer.
type threadContext struct {
	Key      string         `json:"key"`
	Question string         `json:"question"`
	Answer   *answer.Answer `json:"answer"`
	Time     time.Time      `json:"time"`
}

// threads remembers the last answer per thread, in memory and appended to
// ThreadsFile so a restart keeps every conversation's context. At open the
// file is compacted (latest per thread, within age and count) through a
// temporary file and a rename, so a crash never leaves it half-written.
type threads struct {
	mu    sync.Mutex
	path  string
	f     *os.File
	byKey map[string]*threadContext
	// lines counts what the file holds, compacted or appended, so it is
	// compacted again before it grows far past what it keeps.
	lines int
	now   func() time.Time
}

// threadKey names a conversation: a channel and the ts of its thread's
// root, or "" for the top level of a DM.
func threadKey(channel, threadTS string) string { return channel + "/" + threadTS }

func openThreads(dir string, now func() time.Time) (*threads, error) {
	t := &threads{path: filepath.Join(dir, ThreadsFile), byKey: map[string]*threadContext{}, now: now}
	if err := t.load(); err != nil {
		return nil, err
	}
	if err := t.compact(); err != nil {
		return nil, err
	}
	if err := t.reopen(); err != nil {
		return nil, err
	}
	return t, nil
}

// reopen opens the (just compacted) file for appending.
func (t *threads) reopen() error {
	if t.f != nil {
		_ = t.f.Close()
	}
	f, err := os.OpenFile(t.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return fmt.Errorf("open thread context: %w", err)
	}
	t.f = f
	return nil
}

// load reads every line it can; a torn last line (a crash mid-write) is
// skipped, not fatal.
func (t *threads) load() error {
	f, err := os.Open(t.path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read thread context: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var tc threadContext
		if json.Unmarshal(sc.Bytes(), &tc) != nil || tc.Key == "" || tc.Answer == nil {
			continue
		}
		t.byKey[tc.Key] = &tc
	}
	return nil
}

// compact drops contexts past threadMaxAge or threadMaxCount and rewrites
// the file with what is left.
func (t *threads) compact() error {
	all := make([]*threadContext, 0, len(t.byKey))
	for _, tc := range t.byKey {
		if t.now().Sub(tc.Time) <= threadMaxAge {
			all = append(all, tc)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Time.Before(all[j].Time) })
	if len(all) > threadMaxCount {
		all = all[len(all)-threadMaxCount:]
	}
	t.byKey = make(map[string]*threadContext, len(all))
	tmp, err := os.CreateTemp(filepath.Dir(t.path), ThreadsFile+".*")
	if err != nil {
		return fmt.Errorf("compact thread context: %w", err)
	}
	w := bufio.NewWriter(tmp)
	enc := json.NewEncoder(w)
	for _, tc := range all {
		t.byKey[tc.Key] = tc
		if err := enc.Encode(tc); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return fmt.Errorf("compact thread context: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("compact thread context: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("compact thread context: %w", err)
	}
	if err := os.Rename(tmp.Name(), t.path); err != nil {
		return fmt.Errorf("compact thread context: %w", err)
	}
	t.lines = len(all)
	return nil
}

// put records the last answer for each of keys (a thread can be reached
// by its root and, in a DM, by the answer it hangs under).
func (t *threads) put(question string, a *answer.Answer, keys ...string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var firstErr error
	now := t.now().UTC()
	for _, k := range keys {
		tc := &threadContext{Key: k, Question: question, Answer: a, Time: now}
		t.byKey[k] = tc
		line, err := json.Marshal(tc)
		if err == nil {
			_, err = t.f.Write(append(line, '\n'))
		}
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("save thread context: %w", err)
		}
		t.lines++
	}
	if t.lines > 2*threadMaxCount {
		if err := t.compact(); err != nil {
			return err
		}
		if err := t.reopen(); err != nil {
			return err
		}
	}
	return firstErr
}

// get returns the thread's context, or nil for a thread the bot never
// answered (or answered too long ago).
func (t *threads) get(key string) *threadContext {
	t.mu.Lock()
	defer t.mu.Unlock()
	tc := t.byKey[key]
	if tc == nil || t.now().Sub(tc.Time) > threadMaxAge {
		return nil
	}
	return tc
}

func (t *threads) close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.f.Close()
}
