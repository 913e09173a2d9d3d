// Package slacktest is a loopback Slack for tests: a Web API server for the
// methods crosscheck calls (auth.test, apps.connections.open,
// chat.postMessage, chat.update, chat.postEphemeral, views.publish,
// response_url) and a Socket Mode WebSocket
// that says hello, pings, pushes events_api, slash_commands and interactive
// envelopes, reads acks, redelivers what is not acked in time (with
// retry_attempt), and can ask the client to disconnect. With
// SeveralConnections it keeps every open connection, as Slack does for the
// replicas of one app, and hands each envelope to one of them at random.
//
// It listens on 127.0.0.1 only and speaks the wire protocol, so the code
// under test runs its real slack-go client against it. It records what a
// user would see: messages as last updated, ephemeral messages and
// response_url replies, with timestamps for latency measurements.
package slacktest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Message is a message as users see it now: chat.postMessage, possibly
// edited by chat.update, or an ephemeral message (chat.postEphemeral or a
// response_url reply).
type Message struct {
	Channel   string
	TS        string
	ThreadTS  string
	User      string // ephemeral messages: who sees it
	Text      string
	Blocks    json.RawMessage
	Ephemeral bool
	// ResponseURL is the response_url id the message came through, if any.
	ResponseURL string
	Deleted     bool
	Updates     int
	PostedAt    time.Time
	UpdatedAt   time.Time
	// Versions holds every text the message had, oldest first.
	Versions []string
}

// Delivery is one envelope sent over the WebSocket.
type Delivery struct {
	EnvelopeID string
	Key        string // event_id, trigger_id or our own key for bad frames
	Type       string
	Attempt    int
	// Reason is the retry_reason: "" for a first delivery, "timeout" for
	// a redelivery after a missed ack, "reconnect" for Redeliver.
	Reason  string
	SentAt  time.Time
	AckedAt time.Time // zero until acked
	// Conn is the connection it was sent on (1 for the first accepted, 0
	// for none open), AckedOn the one its ack came back on.
	Conn, AckedOn int
}

// Options tune the loopback; zero values take the defaults in New.
type Options struct {
	BotToken, AppToken string
	// AckDeadline is how long an envelope may go unacked before it is
	// redelivered (Slack: 3 s). MaxRetries bounds redeliveries (Slack: 3).
	AckDeadline time.Duration
	MaxRetries  int
	// PingEvery is the WebSocket ping period; keep it well under the
	// client's ping interval.
	PingEvery time.Duration
	// SeveralConnections keeps every open connection, as Slack does for
	// the replicas of one app, hands each envelope to one of them at
	// random, and redelivers an envelope not acked in time to another one
	// when there is another. Without it a new connection replaces the
	// last, as when one client reconnects.
	SeveralConnections bool
}

// socketConn is one open Socket Mode WebSocket.
type socketConn struct {
	n     int // 1 for the first connection accepted
	c     *websocket.Conn
	write *sync.Mutex
}

// Server is the loopback Slack.
type Server struct {
	t    testing.TB
	opts Options
	http *httptest.Server
	URL  string // Web API base, ending in "/"

	mu         sync.Mutex
	conn       *websocket.Conn
	connWrite  *sync.Mutex
	conns      int
	open       []*socketConn // SeveralConnections: every open one
	steer      int           // SeveralConnections: deliver on this one, 0 for any
	onAck      func(Delivery)
	connected  chan struct{} // closed and replaced on each new connection
	messages   []*Message
	byTS       map[string]*Message
	deliveries []*Delivery
	pending    map[string]*pendingEvent // by Key
	rateLimits map[string][]int         // method → Retry-After seconds for the next calls
	limited    map[string]int           // method → 429s served
	loseAcks   int
	seq        int
	calls      map[string]int
	owners     map[string]responseOwner   // response_url id → where it points
	homes      map[string]json.RawMessage // user → the Home tab view last published
	refused    map[string]string          // channel → the error chat.* calls get there
	done       chan struct{}
	closeOnce  sync.Once
}

type pendingEvent struct {
	key      string
	typ      string
	payload  json.RawMessage
	attempts int
	lastSent time.Time
	lastConn int
	settled  bool
}

// New starts a loopback Slack on 127.0.0.1 and stops it when the test ends.
func New(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.BotToken == "" {
		opts.BotToken = "xoxb-test-bot-token"
	}
	if opts.AppToken == "" {
		opts.AppToken = "xapp-test-app-token"
	}
	if opts.AckDeadline == 0 {
		opts.AckDeadline = 3 * time.Second
	}
	if opts.MaxRetries == 0 {
		opts.MaxRetries = 3
	}
	if opts.PingEvery == 0 {
		opts.PingEvery = 200 * time.Millisecond
	}
	s := &Server{
		t: t, opts: opts,
		connected:  make(chan struct{}),
		byTS:       map[string]*Message{},
		pending:    map[string]*pendingEvent{},
		rateLimits: map[string][]int{},
		limited:    map[string]int{},
		calls:      map[string]int{},
		owners:     map[string]responseOwner{},
		homes:      map[string]json.RawMessage{},
		refused:    map[string]string{},
		done:       make(chan struct{}),
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("slacktest: listen: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /apps.connections.open", s.connectionsOpen)
	mux.HandleFunc("POST /auth.test", s.chat("auth.test", s.authTest))
	mux.HandleFunc("GET /link", s.socket)
	mux.HandleFunc("POST /chat.postMessage", s.chat("chat.postMessage", s.postMessage))
	mux.HandleFunc("POST /chat.update", s.chat("chat.update", s.update))
	mux.HandleFunc("POST /chat.postEphemeral", s.chat("chat.postEphemeral", s.postEphemeral))
	mux.HandleFunc("POST /views.publish", s.chat("views.publish", s.publishView))
	mux.HandleFunc("POST /response/{id}", s.response)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"ok": false, "error": "unknown_method"})
	})
	s.http = &httptest.Server{Listener: ln, Config: &http.Server{Handler: mux}}
	s.http.Start()
	s.URL = s.http.URL + "/"
	go s.redeliverLoop()
	t.Cleanup(s.Close)
	return s
}

// Close stops the servers and drops the WebSocket.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.mu.Lock()
		if s.conn != nil {
			_ = s.conn.Close()
		}
		for _, c := range s.open {
			_ = c.c.Close()
		}
		s.mu.Unlock()
		s.http.CloseClientConnections()
		s.http.Close()
	})
}

// BotToken and AppToken are the tokens the loopback accepts.
func (s *Server) BotToken() string { return s.opts.BotToken }
func (s *Server) AppToken() string { return s.opts.AppToken }

func (s *Server) connectionsOpen(w http.ResponseWriter, r *http.Request) {
	s.count("apps.connections.open")
	if r.Header.Get("Authorization") != "Bearer "+s.opts.AppToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	s.mu.Lock()
	ticket := s.nextID("tk")
	s.mu.Unlock()
	ws := "ws" + strings.TrimPrefix(s.http.URL, "http") + "/link?ticket=" + ticket
	writeJSON(w, map[string]any{"ok": true, "url": ws})
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	write := &sync.Mutex{}
	s.mu.Lock()
	if s.conn != nil && !s.opts.SeveralConnections {
		_ = s.conn.Close()
	}
	s.conn, s.connWrite = conn, write
	s.conns++
	sc := &socketConn{n: s.conns, c: conn, write: write}
	if s.opts.SeveralConnections {
		s.open = append(s.open, sc)
	}
	close(s.connected)
	s.connected = make(chan struct{})
	s.mu.Unlock()
	defer s.closed(sc)

	s.writeFrame(conn, write, map[string]any{
		"type": "hello", "num_connections": 1,
		"debug_info":      map[string]any{"host": "slacktest", "approximate_connection_time": 3600},
		"connection_info": map[string]any{"app_id": "A0CROSSCHECK"},
	})
	stop := make(chan struct{})
	go s.ping(conn, stop)
	defer close(stop)
	for {
		_, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var ack struct {
			EnvelopeID string `json:"envelope_id"`
		}
		if json.Unmarshal(data, &ack) == nil && ack.EnvelopeID != "" {
			s.acked(ack.EnvelopeID, sc.n)
		}
	}
}

func (s *Server) ping(conn *websocket.Conn, stop chan struct{}) {
	t := time.NewTicker(s.opts.PingEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-s.done:
			return
		case <-t.C:
			if err := conn.WriteControl(websocket.PingMessage, []byte("slacktest"), time.Now().Add(time.Second)); err != nil {
				return
			}
		}
	}
}

// closed forgets a connection that went away.
func (s *Server) closed(sc *socketConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, o := range s.open {
		if o == sc {
			s.open = append(s.open[:i], s.open[i+1:]...)
			break
		}
	}
}

func (s *Server) acked(envelopeID string, conn int) {
	s.mu.Lock()
	if s.loseAcks > 0 {
		s.loseAcks--
		s.mu.Unlock()
		return
	}
	var got []Delivery
	for _, d := range s.deliveries {
		if d.EnvelopeID == envelopeID && d.AckedAt.IsZero() {
			d.AckedAt, d.AckedOn = time.Now(), conn
			if p := s.pending[d.Key]; p != nil {
				p.settled = true
			}
			got = append(got, *d)
		}
	}
	onAck := s.onAck
	s.mu.Unlock()
	if onAck != nil {
		for _, d := range got {
			onAck(d)
		}
	}
}

// OnAck calls f with each envelope as its ack arrives, before anything
// else happens on that connection: a test can stop a replica right after
// it acked (f must not call back into the Server's locks for long).
func (s *Server) OnAck(f func(Delivery)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onAck = f
}

// OpenConnections is the number of WebSocket connections open now
// (SeveralConnections; otherwise 1 once connected).
func (s *Server) OpenConnections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.opts.SeveralConnections {
		return min(s.conns, 1)
	}
	return len(s.open)
}

// Steer sends every envelope from now on to connection n (1 for the first
// accepted) while it is open, or to any when n is 0: a test can make a
// follow-up or a click reach another replica than the question did.
func (s *Server) Steer(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.steer = n
}

// pick chooses the connection for one delivery of p; callers hold s.mu.
// With several open, it is one at random, not the one p last went to when
// there is another.
func (s *Server) pick(p *pendingEvent) (*websocket.Conn, *sync.Mutex, int) {
	if !s.opts.SeveralConnections {
		return s.conn, s.connWrite, s.conns
	}
	var choice []*socketConn
	for _, c := range s.open {
		if c.n == s.steer {
			return c.c, c.write, c.n
		}
		if c.n != p.lastConn || len(s.open) == 1 {
			choice = append(choice, c)
		}
	}
	if len(choice) == 0 {
		return nil, nil, 0
	}
	c := choice[rand.IntN(len(choice))]
	return c.c, c.write, c.n
}

func (s *Server) writeFrame(conn *websocket.Conn, write *sync.Mutex, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	write.Lock()
	defer write.Unlock()
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return conn.WriteMessage(websocket.TextMessage, data)
}

// WaitConnected waits for the n-th WebSocket connection (1 = first).
func (s *Server) WaitConnected(n int, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		got, ch := s.conns, s.connected
		s.mu.Unlock()
		if got >= n {
			return true
		}
		select {
		case <-ch:
		case <-deadline:
			return false
		}
	}
}

// Connections is the number of WebSocket connections accepted so far.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// Disconnect sends Slack's "disconnect" frame; the client should reconnect.
func (s *Server) Disconnect() {
	s.mu.Lock()
	conn, write := s.conn, s.connWrite
	s.mu.Unlock()
	if conn == nil {
		return
	}
	_ = s.writeFrame(conn, write, map[string]any{"type": "disconnect", "reason": "refresh_requested",
		"debug_info": map[string]any{"host": "slacktest"}})
}

// LoseAcks makes the loopback ignore the next n acks, as if they were lost
// on the way: the envelopes are redelivered after AckDeadline.
func (s *Server) LoseAcks(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loseAcks += n
}

// send delivers an envelope and tracks it for redelivery under key.
func (s *Server) send(key, typ string, payload any) string {
	raw, err := json.Marshal(payload)
	if err != nil {
		s.t.Errorf("slacktest: marshal payload: %v", err)
		return ""
	}
	s.mu.Lock()
	p := &pendingEvent{key: key, typ: typ, payload: raw}
	s.pending[key] = p
	s.mu.Unlock()
	return s.deliver(p, "")
}

// deliver sends one attempt of p; attempts after the first carry
// retry_attempt and retry_reason.
func (s *Server) deliver(p *pendingEvent, reason string) string {
	s.mu.Lock()
	conn, write, n := s.pick(p)
	env := s.nextID("env")
	attempt := p.attempts
	p.attempts++
	p.lastSent, p.lastConn = time.Now(), n
	d := &Delivery{EnvelopeID: env, Key: p.key, Type: p.typ, Attempt: attempt, Reason: reason, SentAt: p.lastSent, Conn: n}
	s.deliveries = append(s.deliveries, d)
	s.mu.Unlock()
	if conn == nil {
		return env
	}
	frame := map[string]any{
		"envelope_id": env, "type": p.typ, "payload": p.payload,
		"accepts_response_payload": p.typ != "events_api",
		"retry_attempt":            attempt, "retry_reason": reason,
	}
	if err := s.writeFrame(conn, write, frame); err != nil {
		s.t.Logf("slacktest: deliver %s: %v", env, err)
	}
	return env
}

// SendRaw writes a frame as is and tracks its envelope id for acks (no
// redelivery): for frames slack-go cannot parse.
func (s *Server) SendRaw(envelopeID string, frame []byte) {
	s.mu.Lock()
	conn, write := s.conn, s.connWrite
	s.deliveries = append(s.deliveries, &Delivery{EnvelopeID: envelopeID, Key: "raw:" + envelopeID, Type: "raw", SentAt: time.Now()})
	s.mu.Unlock()
	write.Lock()
	defer write.Unlock()
	if err := conn.WriteMessage(websocket.TextMessage, frame); err != nil {
		s.t.Errorf("slacktest: send raw: %v", err)
	}
}

// Redeliver sends the event with this key again, as Slack does after a
// reconnect, with a new envelope id and the next retry_attempt.
func (s *Server) Redeliver(key string) string {
	s.mu.Lock()
	p := s.pending[key]
	s.mu.Unlock()
	if p == nil {
		s.t.Errorf("slacktest: no event %q to redeliver", key)
		return ""
	}
	return s.deliver(p, "reconnect")
}

func (s *Server) redeliverLoop() {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-t.C:
		}
		var due []*pendingEvent
		s.mu.Lock()
		for _, p := range s.pending {
			if !p.settled && p.attempts <= s.opts.MaxRetries && time.Since(p.lastSent) > s.opts.AckDeadline {
				due = append(due, p)
			}
		}
		s.mu.Unlock()
		for _, p := range due {
			s.deliver(p, "timeout")
		}
	}
}

// nextID returns a unique id; callers hold s.mu.
func (s *Server) nextID(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s%06d", prefix, s.seq)
}

// nextTS returns a unique Slack-style message timestamp; callers hold s.mu.
func (s *Server) nextTS() string {
	s.seq++
	return fmt.Sprintf("1700000000.%06d", s.seq)
}

// NewTS returns a unique timestamp for a message a test user "writes".
func (s *Server) NewTS() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nextTS()
}
