package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/answer"
)

func noEnv(string) string { return "" }

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, noEnv, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAskJSONIsTheContract(t *testing.T) {
	code, out, errs := runCLI(t, "ask", "--json", "Did US agents operate in Sinaloa?")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	var a answer.Answer
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("stdout is not one JSON answer: %v\n%s", err, out)
	}
	if dec.More() {
		t.Error("stdout holds more than one JSON value")
	}
	if a.Question != "Did US agents operate in Sinaloa?" || a.Mode != "extractive" || a.Abstained || len(a.Accounts) < 2 {
		t.Errorf("unexpected answer: question %q mode %q abstained %v accounts %d", a.Question, a.Mode, a.Abstained, len(a.Accounts))
	}
}

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// The --json output for the headline question is pinned: any change to
// what the answer says shows up here as a diff to review (and to accept
// with go test ./cmd/crosscheck -run Golden -update).
func TestAskHeadlineGolden(t *testing.T) {
	code, out, errs := runCLI(t, "ask", "--json", "Did US agents operate in Sinaloa?")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	path := filepath.Join("testdata", "ask_headline.golden.json")
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("ask --json differs from %s (rerun with -update if intended):\n%s", path, out)
	}
}

func TestAskTextShowsSourcesAndConflicts(t *testing.T) {
	code, out, errs := runCLI(t, "ask", "Did US agents operate in Sinaloa?")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"Sources disagree", "contradicts [", "Latin Times · 2025-05-1", "https://"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes written to a non-terminal")
	}
}

func TestAskAbstainsWithExitZero(t *testing.T) {
	code, out, _ := runCLI(t, "ask", "--json", "What did Canada's prime minister say about the raid?")
	var a answer.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if code != exitOK || !a.Abstained || len(a.Accounts) != 0 {
		t.Errorf("exit %d abstained %v accounts %d; want 0, true, 0", code, a.Abstained, len(a.Accounts))
	}
}

func TestExitCodes(t *testing.T) {
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.bin"), []byte{0, 1, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no command", nil, exitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"help", []string{"ask", "--help"}, exitOK, ""},
		{"no question", []string{"ask"}, exitUsage, "no question"},
		{"empty question", []string{"ask", "   "}, exitUsage, "no question"},
		{"huge question", []string{"ask", strings.Repeat("why ", 400)}, exitUsage, "limit"},
		{"bad flag", []string{"ask", "--nope", "q"}, exitUsage, "nope"},
		{"flag without value", []string{"ask", "q?", "--corpus"}, exitUsage, "needs a value"},
		{"missing corpus", []string{"ask", "--corpus", filepath.Join(bad, "absent"), "q?"}, exitFail, "--corpus"},
		{"corpus without documents", []string{"ask", "--corpus", bad, "q?"}, exitFail, "no readable"},
		{"unknown source", []string{"source", "no-such-document-anywhere"}, exitFail, "crosscheck sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if tt.msg != "" && !strings.Contains(errs, tt.msg) {
				t.Errorf("stderr %q does not mention %q", errs, tt.msg)
			}
		})
	}
}

// A question that starts with a dash is text, not a flag.
func TestAskDashQuestion(t *testing.T) {
	code, out, errs := runCLI(t, "ask", "--json", "-5 labs were dismantled in Sinaloa?")
	if code != exitOK || !strings.Contains(out, `"question": "-5 labs were dismantled in Sinaloa?"`) {
		t.Errorf("exit %d, stderr %q, stdout %.200s", code, errs, out)
	}
}

func TestSourcesAndSource(t *testing.T) {
	code, out, _ := runCLI(t, "sources", "embassy")
	if code != exitOK || !strings.Contains(out, "latintimes-us-embassy-clarifies-no-ice-agents-on-mexican-soil") {
		t.Fatalf("sources embassy: exit %d\n%s", code, out)
	}
	if strings.Contains(out, "globalresearch") {
		t.Errorf("filter kept a non-matching document:\n%s", out)
	}
	code, out, _ = runCLI(t, "source", "latintimes-us-embassy-clarifies-no-ice-agents-on-mexican-soil")
	if code != exitOK || !strings.Contains(out, "outlet:    Latin Times") || !strings.Contains(out, "[1] ") {
		t.Errorf("source: exit %d\n%s", code, out)
	}
}

func TestSkippedFilesAreReported(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", "---\ntitle: Good\n---\nThe mayor said the bridge will open in May.\n")
	write("broken.md", "---\ntitle: [unclosed\n---\nText.\n")
	code, out, errs := runCLI(t, "sources", "--corpus", dir)
	if code != exitOK || !strings.Contains(out, "good") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errs, "skipped broken.md") {
		t.Errorf("stderr %q does not name the skipped file", errs)
	}
}

// CROSSCHECK_WEIGHTS (which scripts/fit sets) reaches the answerer: a bar
// no sentence clears leaves nothing to quote; a malformed value is refused.
func TestAskTakesWeightsFromTheEnvironment(t *testing.T) {
	q := "Who led the operation in Sinaloa?"
	code, out, errb := runWithEnv(t, map[string]string{"CROSSCHECK_DATA": t.TempDir()}, "ask", "--json", q)
	if code != 0 || len(decodeAnswer(t, out).Accounts) == 0 {
		t.Fatalf("default weights: exit %d, %s", code, errb)
	}
	code, out, errb = runWithEnv(t, map[string]string{"CROSSCHECK_DATA": t.TempDir(), "CROSSCHECK_WEIGHTS": "MinBestScore=1"}, "ask", "--json", q)
	if code != 0 || len(decodeAnswer(t, out).Accounts) != 0 {
		t.Errorf("MinBestScore=1: exit %d, want an answer with no accounts; %s", code, errb)
	}
	code, _, errb = runWithEnv(t, map[string]string{"CROSSCHECK_WEIGHTS": "MinBest=1"}, "ask", q)
	if code == 0 || !strings.Contains(errb, "CROSSCHECK_WEIGHTS") {
		t.Errorf("a malformed CROSSCHECK_WEIGHTS: exit %d, stderr %q", code, errb)
	}
}
