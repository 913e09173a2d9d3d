package slacktest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RateLimit makes the next calls of method answer 429 with these
// Retry-After values (seconds), one per call.
func (s *Server) RateLimit(method string, retryAfter ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateLimits[method] = append(s.rateLimits[method], retryAfter...)
}

// RateLimited is the number of 429s served for method.
func (s *Server) RateLimited(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limited[method]
}

// Refuse makes chat.* calls in channel fail with error (e.g.
// "not_in_channel"), as Slack answers for a channel the bot was removed
// from.
func (s *Server) Refuse(channel, error string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refused[channel] = error
}

// Calls is the number of calls of a Web API method (including 429s).
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

func (s *Server) count(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
}

// chat wraps a chat.* method: counts it, serves queued 429s, and checks the
// bot token slack-go sends in the form body.
func (s *Server) chat(method string, h func(http.ResponseWriter, *http.Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.count(method)
		s.mu.Lock()
		if q := s.rateLimits[method]; len(q) > 0 {
			s.rateLimits[method] = q[1:]
			s.limited[method]++
			s.mu.Unlock()
			w.Header().Set("Retry-After", strconv.Itoa(q[0]))
			w.WriteHeader(http.StatusTooManyRequests)
			writeJSON(w, map[string]any{"ok": false, "error": "ratelimited"})
			return
		}
		s.mu.Unlock()
		if err := r.ParseForm(); err != nil {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_form_data"})
			return
		}
		token := r.PostForm.Get("token")
		if token == "" {
			token = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		}
		if token != s.opts.BotToken {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		s.mu.Lock()
		refusal := s.refused[r.PostForm.Get("channel")]
		s.mu.Unlock()
		if refusal != "" {
			writeJSON(w, map[string]any{"ok": false, "error": refusal})
			return
		}
		h(w, r)
	}
}

func (s *Server) postMessage(w http.ResponseWriter, r *http.Request) {
	ch := r.PostForm.Get("channel")
	if ch == "" {
		writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
		return
	}
	now := time.Now()
	s.mu.Lock()
	m := &Message{Channel: ch, TS: s.nextTS(), ThreadTS: r.PostForm.Get("thread_ts"), Text: r.PostForm.Get("text"),
		Blocks: rawBlocks(r.PostForm.Get("blocks")), PostedAt: now, UpdatedAt: now}
	m.Versions = []string{m.Text}
	s.messages = append(s.messages, m)
	s.byTS[m.TS] = m
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "channel": ch, "ts": m.TS})
}

func (s *Server) update(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	m := s.byTS[r.PostForm.Get("ts")]
	if m == nil || m.Channel != r.PostForm.Get("channel") {
		s.mu.Unlock()
		writeJSON(w, map[string]any{"ok": false, "error": "message_not_found"})
		return
	}
	m.Text, m.Blocks = r.PostForm.Get("text"), rawBlocks(r.PostForm.Get("blocks"))
	m.Updates++
	m.UpdatedAt = time.Now()
	m.Versions = append(m.Versions, m.Text)
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS, "text": m.Text})
}

func (s *Server) postEphemeral(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	s.mu.Lock()
	m := &Message{Channel: r.PostForm.Get("channel"), TS: s.nextTS(), ThreadTS: r.PostForm.Get("thread_ts"),
		User: r.PostForm.Get("user"), Text: r.PostForm.Get("text"), Blocks: rawBlocks(r.PostForm.Get("blocks")),
		Ephemeral: true, PostedAt: now, UpdatedAt: now}
	m.Versions = []string{m.Text}
	s.messages = append(s.messages, m)
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "message_ts": m.TS})
}

// response serves response_url posts: a new ephemeral message, or a
// replacement or deletion of the message the response_url belongs to.
func (s *Server) response(w http.ResponseWriter, r *http.Request) {
	s.count("response_url")
	id := r.PathValue("id")
	var body struct {
		Text            string          `json:"text"`
		Blocks          json.RawMessage `json:"blocks"`
		ResponseType    string          `json:"response_type"`
		ReplaceOriginal bool            `json:"replace_original"`
		DeleteOriginal  bool            `json:"delete_original"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	owner := s.responseOwner(id)
	switch {
	case body.DeleteOriginal && owner.msg != nil:
		owner.msg.Deleted = true
		owner.msg.UpdatedAt = now
	case body.ReplaceOriginal && owner.msg != nil:
		owner.msg.Text, owner.msg.Blocks = body.Text, body.Blocks
		owner.msg.Updates++
		owner.msg.UpdatedAt = now
		owner.msg.Versions = append(owner.msg.Versions, body.Text)
	default:
		m := &Message{Channel: owner.channel, TS: s.nextTS(), User: owner.user, Text: body.Text, Blocks: body.Blocks,
			Ephemeral: body.ResponseType != "in_channel", ResponseURL: id, PostedAt: now, UpdatedAt: now}
		m.Versions = []string{m.Text}
		s.messages = append(s.messages, m)
		s.byTS[m.TS] = m
	}
	_, _ = w.Write([]byte("ok"))
}

// responseURLs remembers who and where each response_url belongs to.
type responseOwner struct {
	user, channel string
	msg           *Message // for clicks: the message the button was on
}

// newResponseURL makes a response_url for a command or click; callers hold
// s.mu.
func (s *Server) newResponseURL(user, channel string, msg *Message) string {
	id := s.nextID("resp")
	s.owners[id] = responseOwner{user: user, channel: channel, msg: msg}
	return s.http.URL + "/response/" + id
}

// responseOwner looks up a response_url; callers hold s.mu.
func (s *Server) responseOwner(id string) responseOwner {
	return s.owners[id]
}

func rawBlocks(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	return json.RawMessage(s)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// authTest answers auth.test for the bot token (checked by chat).
func (s *Server) authTest(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, map[string]any{"ok": true, "url": "https://crosscheck-test.slack.com/", "team": "crosscheck-test",
		"user": "crosscheck", "team_id": TeamID, "user_id": BotUser, "bot_id": "B0CROSSCHECK"})
}

// publishView answers views.publish: the user's Home tab becomes the view.
func (s *Server) publishView(w http.ResponseWriter, r *http.Request) {
	var req struct {
		UserID string          `json:"user_id"`
		View   json.RawMessage `json:"view"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.UserID == "" {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	var view struct {
		Type   string          `json:"type"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if json.Unmarshal(req.View, &view) != nil || view.Type != "home" {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	var blocks []json.RawMessage
	if json.Unmarshal(view.Blocks, &blocks) != nil || len(blocks) > 100 {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_blocks"})
		return
	}
	s.mu.Lock()
	s.homes[req.UserID] = view.Blocks
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": "V0HOME", "type": "home"}})
}

// Home returns the blocks of the Home tab last published for user.
func (s *Server) Home(user string) (json.RawMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.homes[user]
	return b, ok
}
