package bot

import (
	"crypto/rand"
	"encoding/hex"
	"sync"

	"github.com/crosscheck/crosscheck/answer"
)

// recentAnswer is what the buttons under an answer need: the answer for
// "Show more" and "Share", the question and quoted documents for feedback.
type recentAnswer struct {
	ID      string
	Answer  *answer.Answer
	User    string
	Channel string
}

// recent keeps the last answers in memory, oldest evicted first. Buttons
// carry only an id; a click on an evicted answer is told to ask again.
type recent struct {
	mu    sync.Mutex
	max   int
	byID  map[string]*recentAnswer
	order []string
}

func newRecent(max int) *recent {
	return &recent{max: max, byID: map[string]*recentAnswer{}}
}

func (r *recent) put(a *answer.Answer, user, channel string) *recentAnswer {
	var b [6]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go ≥ 1.24)
	ra := &recentAnswer{ID: hex.EncodeToString(b[:]), Answer: a, User: user, Channel: channel}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.order) >= r.max {
		delete(r.byID, r.order[0])
		r.order = r.order[1:]
	}
	r.byID[ra.ID] = ra
	r.order = append(r.order, ra.ID)
	return ra
}

func (r *recent) get(id string) *recentAnswer {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byID[id]
}
