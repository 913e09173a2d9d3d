package slacktest

import "time"

// Deliveries returns a copy of every envelope sent so far.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Delivery, len(s.deliveries))
	for i, d := range s.deliveries {
		out[i] = *d
	}
	return out
}

// Acked reports whether the envelope was acked.
func (s *Server) Acked(envelopeID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.deliveries {
		if d.EnvelopeID == envelopeID {
			return !d.AckedAt.IsZero()
		}
	}
	return false
}

// Messages returns a snapshot of every message, oldest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Message, 0, len(s.messages))
	for _, m := range s.messages {
		c := *m
		c.Versions = append([]string(nil), m.Versions...)
		out = append(out, c)
	}
	return out
}

// Thread returns the public messages posted in the thread rooted at ts.
func (s *Server) Thread(channel, ts string) []Message {
	var out []Message
	for _, m := range s.Messages() {
		if m.Channel == channel && m.ThreadTS == ts && !m.Ephemeral {
			out = append(out, m)
		}
	}
	return out
}

// Ephemeral returns the ephemeral messages user has seen, oldest first.
func (s *Server) Ephemeral(user string) []Message {
	var out []Message
	for _, m := range s.Messages() {
		if m.Ephemeral && m.User == user && !m.Deleted {
			out = append(out, m)
		}
	}
	return out
}

// Eventually polls cond until it holds or timeout passes.
func Eventually(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
}
