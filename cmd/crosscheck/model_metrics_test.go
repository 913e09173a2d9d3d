package main

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

func TestModelOps_MetricsCarryTheComposer(t *testing.T) {
	botReg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "crosscheck_bot_example_total", Help: "x"})
	botReg.MustRegister(c)
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(botReg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") })

	e := envOf(map[string]string{"OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "CROSSCHECK_CHAT_MODEL": "m"})
	mf := addModelFlags(flag.NewFlagSet("t", flag.ContinueOnError), e)
	if _, err := mf.options(context.Background(), nil, e, t.TempDir(), nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mf.ops(mux))
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/metrics", nil)
	req.Header.Set("Accept", "application/openmetrics-text; version=1.0.0")
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	p := expfmt.NewTextParser(model.LegacyValidation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("/metrics does not parse: %v\n%s", err, body)
	}
	for _, name := range []string{"crosscheck_bot_example_total", "crosscheck_model_citations_dropped_total"} {
		if fams[name] == nil {
			t.Errorf("/metrics lacks %s:\n%s", name, body)
		}
	}
	resp2, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := io.ReadAll(resp2.Body)
	resp2.Body.Close()
	if string(b2) != "ok" {
		t.Errorf("/healthz = %q, want the bot's", b2)
	}
}
