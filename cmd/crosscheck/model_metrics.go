package main

import (
	"bytes"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// ops adds the model composer's series to the ops handler's /metrics.
// The bot keeps its registry to itself, so both are rendered in the plain
// text format (Accept and Accept-Encoding removed) and written one after
// the other: distinct metric families concatenate into one valid page.
// With no model composer, h is returned as it is.
func (mf *modelFlags) ops(h http.Handler) http.Handler {
	if mf.composer == nil {
		return h
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(mf.composer.Collector())
	ours := promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/metrics" || r.Method != http.MethodGet {
			h.ServeHTTP(w, r)
			return
		}
		plain := r.Clone(r.Context())
		plain.Header.Del("Accept")
		plain.Header.Del("Accept-Encoding")
		var a, b bufferWriter
		h.ServeHTTP(&a, plain)
		ours.ServeHTTP(&b, plain)
		for k, v := range a.Header() {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.WriteHeader(a.status())
		_, _ = w.Write(a.buf.Bytes())
		if a.status() == http.StatusOK {
			_, _ = w.Write(b.buf.Bytes())
		}
	})
}

// bufferWriter is an http.ResponseWriter into memory.
type bufferWriter struct {
	h    http.Header
	code int
	buf  bytes.Buffer
}

func (b *bufferWriter) Header() http.Header {
	if b.h == nil {
		b.h = http.Header{}
	}
	return b.h
}

func (b *bufferWriter) WriteHeader(code int) { b.code = code }

func (b *bufferWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }

func (b *bufferWriter) status() int {
	if b.code == 0 {
		return http.StatusOK
	}
	return b.code
}
