package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Routes and outcomes label crosscheck_questions_total. Routes are where a
// request came from; outcomes are what the user saw.
const (
	routeMention  = "mention"
	routeDM       = "dm"
	routeAsk      = "ask"
	routeSources  = "sources"
	routeSource   = "source"
	routeButton   = "button"
	routeShortcut = "shortcut"
	routeHome     = "home"
	routeDisputes = "disputes"

	outcomeAnswered  = "answered"
	outcomeAbstained = "abstained"
	outcomeBusy      = "busy"
	outcomeTimeout   = "timeout"
	outcomeFailed    = "failed"
	outcomeUsage     = "usage"
	outcomeDuplicate = "duplicate"
	outcomeIgnored   = "ignored"
	outcomeFollowUp  = "followup"
)

// metrics are the bot's Prometheus series, on a registry of its own (no
// global registry: two servers in one test process must not collide).
type metrics struct {
	registry      *prometheus.Registry
	questions     *prometheus.CounterVec
	ackSeconds    prometheus.Histogram
	answerSeconds *prometheus.HistogramVec
	queueDepth    prometheus.Gauge
	expectedWait  prometheus.Gauge
	quotesDropped prometheus.Counter
	reconnects    prometheus.Counter
	connected     prometheus.Gauge
	takenOver     prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "crosscheck_questions_total",
			Help: "Requests by route (mention, dm, ask, sources, source, disputes, shortcut, home, button) and outcome (answered, abstained, busy, timeout, failed, usage, duplicate, ignored, followup).",
		}, []string{"route", "outcome"}),
		ackSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "crosscheck_ack_seconds",
			Help:    "Time from receiving a Socket Mode envelope to handing its ack to the socket. Slack redelivers after 3 s.",
			Buckets: []float64{.0001, .0005, .001, .005, .01, .05, .1, .5, 1, 3},
		}),
		answerSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "crosscheck_answer_seconds",
			Help:    "Time from receiving a question to its answer being shown (chat.update or response_url), by route.",
			Buckets: []float64{.01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"route"}),
		queueDepth: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "crosscheck_queue_depth",
			Help: "Questions waiting for a worker.",
		}),
		expectedWait: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "crosscheck_expected_wait_seconds",
			Help: "Expected wait for a worker of the last question that arrived, from measured answer times; past --max-wait questions are turned away.",
		}),
		quotesDropped: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "crosscheck_quotes_dropped_total",
			Help: "Quotes not shown because they were not byte-for-byte in their document.",
		}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "crosscheck_reconnects_total",
			Help: "Socket Mode connections opened after the first one.",
		}),
		connected: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "crosscheck_slack_connected",
			Help: "1 while the Socket Mode WebSocket is connected.",
		}),
		takenOver: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "crosscheck_questions_taken_over_total",
			Help: "Questions another replica acknowledged and did not answer within the claim timeout, answered here.",
		}),
	}
	m.registry.MustRegister(m.questions, m.ackSeconds, m.answerSeconds, m.queueDepth, m.expectedWait, m.quotesDropped, m.reconnects, m.connected, m.takenOver,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// opsHandler serves the probes and /metrics:
//   - /livez is 200 while the process serves HTTP at all: a liveness probe
//     must not restart a bot that is only waiting out a Slack reconnect.
//   - /readyz is 200 while the Socket Mode connection is up (the index is
//     loaded before a Server exists), so a readiness probe or an operator
//     sees a bot that has lost Slack.
//   - /healthz is /readyz under its old name.
func opsHandler(m *metrics, connected *atomic.Bool, check func(context.Context) error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, r *http.Request) {
		writeProbe(w, true, map[string]any{"alive": true})
	})
	ready := func(w http.ResponseWriter, r *http.Request) {
		up := connected.Load()
		status := "connected"
		if !up {
			status = "disconnected"
		}
		body := map[string]any{"slack": status, "index": "loaded"}
		if check != nil {
			ctx, cancel := context.WithTimeout(r.Context(), readyCheckTimeout)
			err := check(ctx)
			cancel()
			body["store"] = "reachable"
			if err != nil {
				body["store"], up = "unreachable", false
			}
		}
		writeProbe(w, up, body)
	}
	mux.HandleFunc("GET /readyz", ready)
	mux.HandleFunc("GET /healthz", ready)
	return mux
}

// readyCheckTimeout bounds the extra readiness check (a database ping).
const readyCheckTimeout = 2 * time.Second

// writeProbe answers a probe: 200 or 503, and a JSON body saying why.
func writeProbe(w http.ResponseWriter, ok bool, body map[string]any) {
	w.Header().Set("Content-Type", "application/json")
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	body["ok"] = ok
	_ = json.NewEncoder(w).Encode(body)
}
