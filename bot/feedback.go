package bot

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// FeedbackFile is the name of the votes log inside the data directory.
const FeedbackFile = "feedback.jsonl"

// Feedback is one 👍/👎 vote, one JSON object per line of FeedbackFile.
type Feedback struct {
	Time      time.Time `json:"time"`
	Vote      string    `json:"vote"` // "up" or "down"
	User      string    `json:"user"`
	Channel   string    `json:"channel,omitempty"`
	AnswerID  string    `json:"answer_id"`
	Question  string    `json:"question"`
	Summary   string    `json:"summary"`
	Abstained bool      `json:"abstained"`
	DocIDs    []string  `json:"doc_ids"`
	// Expired marks a vote on an answer the bot no longer holds (it was
	// restarted, or the answer is old): question and summary are unknown.
	Expired bool `json:"answer_expired,omitempty"`
}

// feedbackLog appends votes to a JSONL file. Append-only and one write per
// record: a crash can lose the last vote but never corrupt earlier ones.
type feedbackLog struct {
	mu   sync.Mutex
	f    *os.File
	path string
}

func openFeedback(dir string) (*feedbackLog, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create data directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, FeedbackFile)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("open feedback log: %w", err)
	}
	return &feedbackLog{f: f, path: path}, nil
}

func (l *feedbackLog) record(fb Feedback) error {
	line, err := json.Marshal(fb)
	if err != nil {
		return fmt.Errorf("encode feedback: %w", err)
	}
	line = append(line, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, err := l.f.Write(line); err != nil {
		return fmt.Errorf("append feedback to %s: %w", l.path, err)
	}
	if err := l.f.Sync(); err != nil {
		return fmt.Errorf("sync feedback log %s: %w", l.path, err)
	}
	return nil
}

func (l *feedbackLog) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}
