package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
)

// Answerer answers one question; *answer.Engine is one. Declared here, where
// it is used, so tests can answer from a table.
type Answerer interface {
	Ask(ctx context.Context, question string) (*answer.Answer, error)
}

// Library is the read-only view of the corpus the bot needs for /sources,
// /source, "Show passage" and quote verification; *corpus.Corpus is one.
type Library interface {
	Len() int
	Docs() []*corpus.Document
	Doc(id string) *corpus.Document
	Filter(words string) []*corpus.Document
}

var (
	_ Answerer = (*answer.Engine)(nil)
	_ Library  = (*corpus.Corpus)(nil)
)

// Commands are the slash command names, each with its leading slash.
type Commands struct {
	Ask, Sources, Source, Disputes string
}

// DefaultCommands are the names the manifest registers.
var DefaultCommands = Commands{Ask: "/ask", Sources: "/sources", Source: "/source", Disputes: "/disputes"}

// Config is everything a Server needs. Zero numeric values take the defaults
// below; tokens, Answerer, Library and DataDir are required.
type Config struct {
	BotToken string // xoxb-…
	AppToken string // xapp-…
	// APIURL is the Web API base, ending in "/"; empty means Slack's.
	APIURL   string
	Answerer Answerer
	Library  Library
	// Disputer, when set, lists the corpus's disputes for App Home and
	// /disputes; without it both say the feature is not available.
	Disputer Disputer
	// LoadedAt is when the corpus and index were loaded, shown on App
	// Home; zero means when New was called.
	LoadedAt time.Time
	// DataDir holds FeedbackFile and ThreadsFile (thread context for
	// follow-ups, kept across restarts); with Shared, votes go there only
	// when the database cannot be reached, and thread context is a copy.
	DataDir string
	// Channels, when not empty, are the only channel ids where mentions are
	// answered and answers may be shared. DMs and ephemeral slash command
	// replies are private and always allowed.
	Channels []string
	Commands Commands
	// Workers answer questions at once; zero sizes them to the machine
	// (DefaultWorkers).
	Workers int
	// MaxWait is the longest expected wait for a worker a question is
	// admitted with; past it the asker is told the bot is busy, and how
	// long the wait would be. The expected wait comes from measured answer
	// times, so a burst of fast questions all fit.
	MaxWait time.Duration
	// Queue is a ceiling on questions waiting at once whatever their
	// expected wait, to bound memory; it is not the admission rule.
	Queue int
	// Deadline bounds one question, from dequeue to answer.
	Deadline time.Duration
	// ProgressAfter is how long an answer may take before its placeholder
	// shows progress (DefaultProgressAfter).
	ProgressAfter time.Duration
	// ShutdownGrace is how long in-flight questions may run after shutdown
	// begins.
	ShutdownGrace time.Duration
	// PingInterval is how long the Socket Mode client waits for a ping from
	// Slack before it reconnects (slack-go's default is 30 s).
	PingInterval time.Duration
	HTTPClient   *http.Client
	Logger       *slog.Logger
	// Seen, when set, is the delivery record shared with other replicas
	// (see Seen); without it each replica remembers only its own.
	Seen Seen
	// Ready, when set, is checked by /readyz besides the Slack link, e.g.
	// that the shared database answers.
	Ready func(context.Context) error
	// Questions, when set, is the record of questions shared with other
	// replicas (see Questions): a question is recorded before its ack, and
	// one whose replica died is answered by another after ClaimTimeout.
	Questions Questions
	// ClaimTimeout is how long a claim on a question may go without a
	// heartbeat before another replica takes it over
	// (DefaultClaimTimeout).
	ClaimTimeout time.Duration
	// Replica names this process in claims; empty means a random name.
	// It must differ between processes, restarts included.
	Replica string
	// Shared, when set, holds thread context, feedback and the answers
	// buttons refer to for every replica (see Shared); without it they
	// live in DataDir and memory.
	Shared Shared
}

const (
	DefaultMaxWait       = 60 * time.Second
	DefaultQueue         = 10_000
	DefaultDeadline      = 30 * time.Second
	DefaultShutdownGrace = 20 * time.Second
)

// DefaultWorkers sizes the workers to the machine: two per CPU the Go
// runtime may use. Answering is CPU work, but each answer also waits on
// Slack's Web API (placeholder, update), during which a second worker keeps
// the CPU busy.
func DefaultWorkers() int { return 2 * runtime.GOMAXPROCS(0) }

// ErrBadConfig marks a configuration the server cannot start with.
var ErrBadConfig = errors.New("bad configuration")

// Server is the Socket Mode bot.
type Server struct {
	cfg      Config
	log      *slog.Logger
	api      *slack.Client
	sm       *socketmode.Client
	out      *poster
	pool     *pool
	seen     *deliveries
	recent   *recent
	checks   *checkStore
	feedback *feedbackLog
	threads  *threads
	claims   *claims
	metrics  *metrics
	allowed  map[string]bool
	// examples are questions drawn from the corpus for help and hints.
	examples []string
	// passages is the number of passages searched, for progress.
	passages int

	// connected mirrors the link state below for /readyz.
	connected  atomic.Bool
	linkMu     sync.Mutex
	linkUp     int // highest connection count seen connected, -1 for none
	linkDown   int // highest connection count seen (re)connecting
	linkClosed bool
	// accepting turns false when shutdown begins: new questions are told
	// the bot is restarting instead of being queued behind the drain.
	accepting atomic.Bool
}

// New checks cfg, opens the feedback log and builds the Slack clients. It
// does not connect; Run does.
func New(cfg Config) (*Server, error) {
	if err := CheckTokens(cfg.BotToken, cfg.AppToken); err != nil {
		return nil, err
	}
	if cfg.Answerer == nil || cfg.Library == nil {
		return nil, fmt.Errorf("%w: an Answerer and a Library are required", ErrBadConfig)
	}
	if cfg.DataDir == "" {
		return nil, fmt.Errorf("%w: a data directory is required", ErrBadConfig)
	}
	if cfg.Commands == (Commands{}) {
		cfg.Commands = DefaultCommands
	}
	if cfg.Commands.Disputes == "" {
		cfg.Commands.Disputes = DefaultCommands.Disputes
	}
	cfg.Workers = orDefault(cfg.Workers, DefaultWorkers())
	cfg.MaxWait = orDefault(cfg.MaxWait, DefaultMaxWait)
	cfg.ProgressAfter = orDefault(cfg.ProgressAfter, DefaultProgressAfter)
	if cfg.LoadedAt.IsZero() {
		cfg.LoadedAt = time.Now()
	}
	cfg.Queue = orDefault(cfg.Queue, DefaultQueue)
	cfg.Deadline = orDefault(cfg.Deadline, DefaultDeadline)
	cfg.ShutdownGrace = orDefault(cfg.ShutdownGrace, DefaultShutdownGrace)
	cfg.ClaimTimeout = orDefault(cfg.ClaimTimeout, DefaultClaimTimeout)
	if cfg.Replica == "" {
		cfg.Replica = newReplicaID()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	fb, err := openFeedback(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	th, err := openThreads(cfg.DataDir, time.Now)
	if err != nil {
		fb.close()
		return nil, err
	}
	api := slackClient(cfg)
	smOpts := []socketmode.Option{socketmode.OptionLog(slogOutput{cfg.Logger})}
	if cfg.PingInterval > 0 {
		smOpts = append(smOpts, socketmode.OptionPingInterval(cfg.PingInterval))
	}
	m := newMetrics()
	s := &Server{
		cfg:      cfg,
		log:      cfg.Logger,
		api:      api,
		sm:       socketmode.New(api, smOpts...),
		out:      &poster{api: api, http: cfg.HTTPClient, log: cfg.Logger},
		seen:     &deliveries{local: newDedupe(time.Hour, 100_000), shared: cfg.Seen, log: cfg.Logger},
		recent:   newRecent(2000),
		checks:   newCheckStore(500),
		feedback: fb,
		threads:  th,
		claims:   newClaims(),
		metrics:  m,
		allowed:  map[string]bool{},
		linkUp:   -1,
		linkDown: -1,
	}
	for _, c := range cfg.Channels {
		s.allowed[c] = true
	}
	s.examples = ExampleQuestions(cfg.Library, 3)
	for _, d := range cfg.Library.Docs() {
		s.passages += len(d.Passages)
	}
	s.pool = newPool(cfg.Workers, cfg.Queue, cfg.MaxWait, func(n int) { m.queueDepth.Set(float64(n)) })
	s.accepting.Store(true)
	return s, nil
}

// OpsHandler serves /livez, /readyz, /healthz and /metrics.
func (s *Server) OpsHandler() http.Handler { return opsHandler(s.metrics, &s.connected, s.cfg.Ready) }

// Run connects to Slack and serves until ctx ends, then stops taking
// questions, lets in-flight ones finish within ShutdownGrace, and returns
// nil. It returns an error only when Slack refuses the connection for good
// (a revoked or wrong token).
func (s *Server) Run(ctx context.Context) error {
	defer s.feedback.close()
	defer s.threads.close()
	h := socketmode.NewSocketmodeHandler(s.sm)
	s.register(h)
	runCtx, stop := context.WithCancel(context.Background())
	defer stop()
	errc := make(chan error, 1)
	go s.dispatch(runCtx, h)
	go func() { errc <- s.sm.RunContext(runCtx) }()
	if s.cfg.Questions != nil {
		go s.watchClaims(runCtx)
	}
	s.log.InfoContext(ctx, "serving", "workers", s.cfg.Workers, "max_wait", s.cfg.MaxWait.String(), "deadline", s.cfg.Deadline.String(),
		"documents", s.cfg.Library.Len(), "channels", len(s.allowed), "replica", s.cfg.Replica)

	var runErr error
	select {
	case <-ctx.Done():
		s.log.InfoContext(ctx, "shutting down: no new questions; finishing those in flight", "grace", s.cfg.ShutdownGrace)
	case err := <-errc:
		runErr = fmt.Errorf("socket mode: %w", err)
		s.log.ErrorContext(ctx, "slack connection failed", "err", err)
	}
	s.accepting.Store(false)
	grace, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownGrace)
	defer cancel()
	if err := s.pool.shutdown(grace); err != nil {
		s.log.Warn("shutdown grace ran out; unfinished questions were told to ask again", "err", err)
	}
	// The socket stays up through the drain so acks keep flowing; only now
	// do we let go of it.
	stop()
	if runErr == nil {
		if err := <-errc; err != nil && !errors.Is(err, context.Canceled) {
			s.log.Warn("socket mode stopped", "err", err)
		}
	}
	s.closeLink()
	s.log.Info("stopped")
	return runErr
}

// register routes envelopes to handlers by type. We route at the envelope
// level (Handle) and dispatch inside, rather than per slash command or
// action id, so that one place sees every request (an unknown command or an
// old button still gets a visible reply or a log line).
func (s *Server) register(h *socketmode.SocketmodeHandler) {
	h.Handle(socketmode.EventTypeEventsAPI, s.onEventsAPI)
	h.Handle(socketmode.EventTypeSlashCommand, s.onSlash)
	h.Handle(socketmode.EventTypeInteractive, s.onInteractive)
	h.Handle(socketmode.EventTypeErrorBadMessage, s.onBadMessage)
	// Handlers run in goroutines of their own, so "connecting" for
	// connection n can be handled after "connected" for it: the link state
	// orders them by connection count, not by arrival.
	h.Handle(socketmode.EventTypeConnecting, func(evt *socketmode.Event, _ *socketmode.Client) {
		if ce, ok := evt.Data.(*slack.ConnectingEvent); ok {
			s.setLink(ce.ConnectionCount, false)
		}
	})
	h.Handle(socketmode.EventTypeConnected, func(evt *socketmode.Event, _ *socketmode.Client) {
		ce, ok := evt.Data.(*socketmode.ConnectedEvent)
		if !ok {
			return
		}
		if ce.ConnectionCount > 0 {
			s.metrics.reconnects.Inc()
		}
		s.setLink(ce.ConnectionCount, true)
		s.log.Info("connected to slack", "connection", ce.ConnectionCount)
	})
	h.Handle(socketmode.EventTypeConnectionError, func(evt *socketmode.Event, _ *socketmode.Client) {
		if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			s.log.Warn("slack connection attempt failed", "attempt", ce.Attempt, "backoff", ce.Backoff, "err", ce.ErrorObj)
		}
	})
	h.Handle(socketmode.EventTypeInvalidAuth, func(*socketmode.Event, *socketmode.Client) {
		s.log.Error("slack rejected the app token (invalid_auth): check SLACK_APP_TOKEN")
	})
	h.Handle(socketmode.EventTypeIncomingError, func(evt *socketmode.Event, _ *socketmode.Client) {
		if ie, ok := evt.Data.(*slack.IncomingEventError); ok {
			s.log.Warn("unreadable frame from slack", "err", ie.ErrorObj)
		}
	})
	h.Handle(socketmode.EventTypeHello, func(*socketmode.Event, *socketmode.Client) {})
	h.HandleDefault(func(evt *socketmode.Event, _ *socketmode.Client) {
		s.log.Debug("unhandled socket mode event", "type", string(evt.Type))
	})
}

// dispatch is SocketmodeHandler's event loop with one change: it acks each
// envelope itself, in arrival order, before the handler goroutine starts.
// Acking inside handlers made the ack wait for goroutine scheduling, which
// under a burst (hundreds of handlers posting "busy") took long enough to
// worry about Slack's 3-second redelivery deadline. Acking here also covers
// every envelope type, registered or not, and frames slack-go could not
// parse, so nothing is redelivered forever.
func (s *Server) dispatch(ctx context.Context, h *socketmode.SocketmodeHandler) {
	for {
		select {
		case <-ctx.Done():
			return
		case evt, ok := <-s.sm.Events:
			if !ok {
				return
			}
			received := time.Now()
			switch {
			case s.acksLate(&evt):
				// Its handler acks once the question is recorded.
			case evt.Request != nil && evt.Request.EnvelopeID != "":
				s.ack(evt.Request.EnvelopeID, received)
			case evt.Type == socketmode.EventTypeErrorBadMessage:
				if id, _ := badEnvelopeID(&evt); id != "" {
					s.ack(id, received)
				}
			}
			h.DispatchEvent(evt)
		}
	}
}

// ack acknowledges one envelope and records how long that took.
func (s *Server) ack(envelopeID string, received time.Time) {
	// The ack queue drains only while a connection is up; do not wait on
	// it forever across a reconnect that never comes.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.sm.AckCtx(ctx, envelopeID, nil); err != nil {
		s.log.Warn("ack failed", "envelope_id", envelopeID, "err", err)
		return
	}
	s.metrics.ackSeconds.Observe(time.Since(received).Seconds())
}

// example is the first question drawn from the corpus, or "".
func (s *Server) example() string {
	if len(s.examples) == 0 {
		return ""
	}
	return s.examples[0]
}

func (s *Server) channelAllowed(channel string) bool {
	return len(s.allowed) == 0 || s.allowed[channel]
}

// slogOutput adapts slog to the Output(calldepth, s) logger slack-go's
// socketmode client takes. It only logs in debug mode, and its debug output
// redacts credentials; we log it at debug level anyway.
type slogOutput struct{ log *slog.Logger }

func (o slogOutput) Output(_ int, msg string) error {
	o.log.Debug("socketmode: " + strings.TrimSpace(msg))
	return nil
}

func orDefault[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}
