package bot

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestFeedbackAppendsOneLinePerVote(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "data")
	l, err := openFeedback(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			vote := "up"
			if i%2 == 1 {
				vote = "down"
			}
			if err := l.record(Feedback{Time: time.Now(), Vote: vote, User: "U1", AnswerID: "a", DocIDs: []string{"d"}}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := l.close(); err != nil {
		t.Fatal(err)
	}
	// Reopening appends, never truncates.
	l, err = openFeedback(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.record(Feedback{Vote: "up"}); err != nil {
		t.Fatal(err)
	}
	l.close()
	votes := readVotes(t, filepath.Join(dir, FeedbackFile))
	if len(votes) != 51 {
		t.Errorf("file holds %d votes, want 51", len(votes))
	}
}

func TestFeedbackUnwritableDirFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := openFeedback(filepath.Join(file, "data")); err == nil {
		t.Error("opening feedback under a regular file succeeded")
	}
}
