package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestOpsWhileLoading(t *testing.T) {
	ops := &opsSwitch{}
	for _, c := range []struct {
		path string
		code int
		body string
	}{
		{"/livez", 200, `"alive":true`},
		{"/readyz", 503, `"index":"loading"`},
	} {
		rec := httptest.NewRecorder()
		ops.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
		if rec.Code != c.code || !strings.Contains(rec.Body.String(), c.body) {
			t.Errorf("%s while loading = %d %s, want %d with %s", c.path, rec.Code, rec.Body.String(), c.code, c.body)
		}
	}
	ops.set(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) }))
	rec := httptest.NewRecorder()
	ops.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != http.StatusTeapot {
		t.Errorf("after the bot is built, /readyz = %d, want the bot's own answer", rec.Code)
	}
}
