package main

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// lineLog turns the plain lines loadCorpus writes ("crosscheck: skipped
// PATH: REASON") into log records, so serve's stderr stays one JSON object
// per line when it is not a terminal.
type lineLog struct {
	log *slog.Logger
	mu  sync.Mutex
	buf []byte
}

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := strings.TrimPrefix(strings.TrimSpace(string(l.buf[:i])), "crosscheck: ")
		l.buf = l.buf[i+1:]
		if rest, ok := strings.CutPrefix(line, "skipped "); ok {
			// "PATH: REASON"; a path holding ": " keeps the rest in reason.
			path, reason, _ := strings.Cut(rest, ": ")
			l.log.Warn("corpus file skipped", "path", path, "reason", reason)
		} else if line != "" {
			l.log.Warn(line)
		}
	}
}

// humanDuration writes durations as "52ms" or "1.25s" instead of slog's
// nanosecond integers in JSON: a person reads these logs, and three
// significant figures are all a latency needs.
func humanDuration(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() != slog.KindDuration {
		return a
	}
	return slog.String(a.Key, roundDuration(a.Value.Duration()).String())
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Minute:
		return d.Round(time.Second)
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(time.Millisecond)
	default:
		return d.Round(time.Microsecond)
	}
}
