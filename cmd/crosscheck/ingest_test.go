package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/retrieval"
)

// runEnv runs the CLI with the given environment.
func runEnv(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, func(k string) string { return vars[k] }, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// writeFiles creates files under dir from name → content.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func newsFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"courier/harbour.html": string(page),
		"council.md":           "---\ntitle: Council statement\noutlet: Fishing Council\npublished: 2025-03-01\n---\nThe fishing council said dredging of the northern channel will begin in April.\n\nIts chair said the council had seen the tender documents.\n",
		"bulk.jsonl":           `{"id":"ferry","title":"Ferry","outlet":"Velm Radio","text":"The ferry timetable changes in May. The harbour authority announced it."}` + "\nnot json at all\n",
		"latin.txt":            "Caf\xe9 au lait.\n",
		"blob.md":              "PK\x03\x04\x00binary",
		"picture.png":          "\x89PNG",
	})
	return dir
}

func summaryCount(t *testing.T, out, field string) int {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == field {
			var n int
			fmt.Sscan(f[1], &n)
			return n
		}
	}
	t.Fatalf("summary has no %q line:\n%s", field, out)
	return 0
}

func TestIngestThenAskQuotesStoredText(t *testing.T) {
	dir, data := newsFolder(t), t.TempDir()
	writeFiles(t, dir, map[string]string{"big.txt": strings.Repeat("Many words here. ", 400)})
	env := map[string]string{"CROSSCHECK_MAX_FILE_SIZE": "4KiB"}
	code, out, errb := runEnv(t, env, "ingest", "--data", data, dir)
	if code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	if got := summaryCount(t, out, "added"); got != 3 {
		t.Errorf("added %d, want 3 (html, md, one jsonl line):\n%s", got, out)
	}
	for _, want := range []string{
		"bulk.jsonl:2: line 2 is not a JSON object",
		"latin.txt: file is not valid UTF-8",
		"blob.md: file looks binary",
		"picture.png: not a document format",
		"big.txt: file is 6.6 KiB, over the 4.0 KiB limit",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}

	env = map[string]string{"CROSSCHECK_DATA": data}
	code, out, errb = runEnv(t, env, "ask", "--json", "Will the northern channel be dredged?")
	if code != exitOK {
		t.Fatalf("ask: %d %s", code, errb)
	}
	var ans answer.Answer
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatal(err)
	}
	op, err := datadir.Open(context.Background(), data, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	quotes := 0
	for _, acc := range ans.Accounts {
		for _, q := range acc.Quotes {
			d := op.Corpus.Doc(q.DocID)
			if d == nil || string(d.Raw[q.Start:q.End]) != q.Text {
				t.Errorf("quote %q [%d:%d] of %s is not the stored text's span", q.Text, q.Start, q.End, q.DocID)
			}
			quotes++
		}
	}
	if quotes == 0 {
		t.Fatalf("no quotes in %s", out)
	}
	code, out, _ = runEnv(t, env, "source", "courier/harbour")
	if code != exitOK || !strings.Contains(out, "https://courier.example/news/harbour-dredging") || !strings.Contains(out, "has no plan to dredge") || strings.Contains(out, "<p>") {
		t.Errorf("source of the HTML page: %d\n%s", code, out)
	}
}

func TestIngestIsIdempotentAndPrunes(t *testing.T) {
	dir, data := newsFolder(t), t.TempDir()
	if code, out, errb := runEnv(t, nil, "ingest", "--data", data, dir); code != exitOK {
		t.Fatalf("ingest: %s %s", out, errb)
	}
	_, out, _ := runEnv(t, nil, "ingest", "--data", data, dir)
	if summaryCount(t, out, "embedded") != 0 || summaryCount(t, out, "unchanged") != 3 || !strings.Contains(out, "not rewritten") {
		t.Errorf("second ingest of the same files:\n%s", out)
	}
	m1, _ := datadir.ReadManifest(data)

	writeFiles(t, dir, map[string]string{"council.md": "---\ntitle: Council statement\n---\nThe council now says dredging starts in June.\n"})
	os.Remove(filepath.Join(dir, "bulk.jsonl"))
	_, out, _ = runEnv(t, nil, "ingest", "--data", data, dir)
	if summaryCount(t, out, "updated") != 1 || summaryCount(t, out, "removed") != 0 || summaryCount(t, out, "embedded") != 1 {
		t.Errorf("after changing one file (without --prune):\n%s", out)
	}
	_, out, _ = runEnv(t, nil, "ingest", "--prune", "--data", data, dir)
	if summaryCount(t, out, "removed") != 1 || summaryCount(t, out, "embedded") != 0 {
		t.Errorf("--prune after deleting bulk.jsonl:\n%s", out)
	}
	op, err := datadir.Open(context.Background(), data, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	if op.Corpus.Doc("ferry") != nil || op.Corpus.Len() != 2 || op.Manifest.Generation <= m1.Generation {
		t.Errorf("after prune: %d docs, generation %d", op.Corpus.Len(), op.Manifest.Generation)
	}
}

func TestIngestURL(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/news/harbour-dredging":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/notes.txt":
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte("A plain note about the ferry.\n"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	data := t.TempDir()
	code, out, errb := runEnv(t, nil, "ingest", "--data", data, srv.URL+"/news/harbour-dredging", srv.URL+"/notes.txt", srv.URL+"/gone")
	if code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	if summaryCount(t, out, "added") != 2 || !strings.Contains(out, srv.URL+"/gone: 404 Not Found") {
		t.Errorf("summary:\n%s", out)
	}
	op, err := datadir.Open(context.Background(), data, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	d := op.Corpus.Doc("127.0.0.1/news/harbour-dredging")
	if d == nil || d.URL != "https://courier.example/news/harbour-dredging" || !strings.Contains(string(d.Raw), "no plan to dredge") {
		t.Errorf("page document: %+v", d)
	}
	if n := op.Corpus.Doc("127.0.0.1/notes"); n == nil || n.URL != srv.URL+"/notes.txt" {
		t.Errorf("text document: %+v", n)
	}
}

func TestIngestRefusesWhileAnotherRuns(t *testing.T) {
	dir, data := newsFolder(t), t.TempDir()
	unlock, err := datadir.Lock(data)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	code, _, errb := runEnv(t, nil, "ingest", "--data", data, dir)
	if code != exitFail || !strings.Contains(errb, "another crosscheck ingest is writing") {
		t.Errorf("second ingest: %d %q, want exit 1 and a clear refusal", code, errb)
	}
}

func TestAskNamesTheDamagedFile(t *testing.T) {
	dir, data := newsFolder(t), t.TempDir()
	runEnv(t, nil, "ingest", "--data", data, dir)
	m, _ := datadir.ReadManifest(data)
	vec := filepath.Join(data, datadir.IndexDir, m.Files["vectors"].Name)
	if err := os.Truncate(vec, 64); err != nil {
		t.Fatal(err)
	}
	code, out, errb := runEnv(t, map[string]string{"CROSSCHECK_DATA": data}, "ask", "Will the channel be dredged?")
	if code != exitFail || out != "" || !strings.Contains(errb, vec) || !strings.Contains(errb, "crosscheck ingest --data "+data+" "+dir) {
		t.Errorf("ask on a damaged index: %d %q %q; want exit 1 naming %s and the rebuild command", code, out, errb, vec)
	}
	// The rebuild command it names works.
	if code, _, errb := runEnv(t, nil, "ingest", "--data", data, dir); code != exitOK {
		t.Fatalf("rebuild: %s", errb)
	}
	if code, _, errb := runEnv(t, map[string]string{"CROSSCHECK_DATA": data}, "ask", "Will the channel be dredged?"); code != exitOK {
		t.Errorf("ask after the rebuild: %d %s", code, errb)
	}
}

// TestIngestChild is not a test on its own: TestIngestKilled runs the test
// binary again with CROSSCHECK_INGEST_CHILD set, and this function then
// runs one ingest in that child process.
func TestIngestChild(t *testing.T) {
	if os.Getenv("CROSSCHECK_INGEST_CHILD") == "" {
		t.Skip("runs only as TestIngestKilled's child process")
	}
	var args []string
	json.Unmarshal([]byte(os.Getenv("CROSSCHECK_INGEST_CHILD")), &args)
	os.Exit(run(context.Background(), args, func(string) string { return "" }, nil, os.Stdout, os.Stderr))
}

// A kill -9 at any moment of an ingest leaves the previous index whole:
// the child is killed as soon as it writes the new generation's first
// temporary file (or whenever it gets that far), and the old index must
// still open and answer; the next ingest must then succeed.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a subprocess")
	}
	small, data := newsFolder(t), t.TempDir()
	if code, _, errb := runEnv(t, nil, "ingest", "--data", data, small); code != exitOK {
		t.Fatal(errb)
	}
	before, _ := datadir.ReadManifest(data)
	big := t.TempDir()
	var lines strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&lines, `{"id":"n%d","text":"Report %d says the harbour of Velm handled %d ships in week %d. The authority disputes figure %d. Boats waited %d hours."}`+"\n", i, i, i*7, i%52, i*3, i%24)
	}
	writeFiles(t, big, map[string]string{"bulk.jsonl": lines.String()})
	args, _ := json.Marshal([]string{"ingest", "--data", data, small, big})
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$")
	cmd.Env = append(os.Environ(), "CROSSCHECK_INGEST_CHILD="+string(args))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	killed := false
	deadline := time.Now().Add(30 * time.Second)
wait:
	for time.Now().Before(deadline) {
		select {
		case <-done:
			break wait
		default:
		}
		entries, _ := os.ReadDir(filepath.Join(data, datadir.IndexDir))
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				cmd.Process.Signal(syscall.SIGKILL)
				<-done
				killed = true
				break wait
			}
		}
		time.Sleep(200 * time.Microsecond)
	}
	if !killed {
		t.Log("the child finished before it could be killed mid-write; checking the index it left")
	}
	op, err := datadir.Open(context.Background(), data, retrieval.Offline())
	if err != nil {
		t.Fatalf("index after kill -9: %v", err)
	}
	if killed && op.Manifest.Generation != before.Generation {
		t.Errorf("generation %d after a killed ingest, want the previous %d", op.Manifest.Generation, before.Generation)
	}
	if code, _, errb := runEnv(t, map[string]string{"CROSSCHECK_DATA": data}, "ask", "Will the channel be dredged?"); code != exitOK {
		t.Errorf("ask after kill -9: %d %s", code, errb)
	}
	code, out, errb := runEnv(t, nil, "ingest", "--data", data, small, big)
	if code != exitOK {
		t.Fatalf("ingest after kill -9: %s %s", out, errb)
	}
	entries, _ := os.ReadDir(filepath.Join(data, datadir.IndexDir))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left after the next ingest", e.Name())
		}
	}
}

func TestServeReloadsANewIngest(t *testing.T) {
	dir, data := newsFolder(t), t.TempDir()
	env := map[string]string{}
	live, err := openLive(context.Background(), "", data, "", func(k string) string { return env[k] }, &bytes.Buffer{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if live.Doc("council") != nil {
		t.Fatal("no ingest yet, but the corpus has the document")
	}
	held := live.cur.Load()
	runEnv(t, nil, "ingest", "--data", data, dir)
	swapped, err := live.Reload(context.Background())
	if err != nil || !swapped {
		t.Fatalf("Reload: %v %v", swapped, err)
	}
	if live.Doc("council") == nil {
		t.Error("the new ingest is not served")
	}
	// A question that started before the swap finishes on its engine.
	if _, err := held.eng.Ask(context.Background(), "Did US agents operate in Sinaloa?"); err != nil {
		t.Errorf("old engine after the swap: %v", err)
	}
	if swapped, _ := live.Reload(context.Background()); swapped {
		t.Error("reloaded although nothing changed")
	}
}

// BenchmarkIngest_Folder ingests 200 copies of the shipped corpus into a
// fresh data directory per iteration.
func BenchmarkIngest_Folder(b *testing.B) {
	src, err := filepath.Glob(filepath.Join("..", "..", "corpus", "default", "*.md"))
	if err != nil || len(src) == 0 {
		b.Fatal("no shipped corpus", err)
	}
	dir := b.TempDir()
	for i := range 200 {
		for _, p := range src {
			raw, _ := os.ReadFile(p)
			name := filepath.Join(dir, fmt.Sprintf("c%03d", i), filepath.Base(p))
			os.MkdirAll(filepath.Dir(name), 0o755)
			os.WriteFile(name, raw, 0o644)
		}
	}
	for b.Loop() {
		data := b.TempDir()
		sum, err := ingest(context.Background(), ingestOptions{dataDir: data, limit: 8 << 20, args: []string{dir}}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(sum.passages), "passages")
	}
}

func TestIngestWithoutArgumentsRefreshesTheRoots(t *testing.T) {
	dir, data := newsFolder(t), t.TempDir()
	if code, _, errb := runEnv(t, nil, "ingest", "--data", data); code != exitUsage || !strings.Contains(errb, "no index to refresh") {
		t.Errorf("no arguments, no index: %d %q", code, errb)
	}
	runEnv(t, nil, "ingest", "--data", data, dir)
	writeFiles(t, dir, map[string]string{"late.md": "A document added after the first ingest.\n"})
	code, out, errb := runEnv(t, nil, "ingest", "--data", data)
	if code != exitOK || summaryCount(t, out, "added") != 1 || summaryCount(t, out, "unchanged") != 3 {
		t.Errorf("refresh: %d\n%s%s", code, out, errb)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"8MiB": 8 << 20, "20MB": 20e6, "512k": 512 << 10, "1048576": 1 << 20, " 2 KiB ": 2048} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "-1", "lots", "0", "9999999TB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q): want an error", bad)
		}
	}
	dir, data := newsFolder(t), t.TempDir()
	_, out, _ := runEnv(t, map[string]string{"CROSSCHECK_MAX_FILE_SIZE": "1MiB"}, "ingest", "--max-file-size", "1KiB", "--data", data, dir)
	if !strings.Contains(out, "over the 1.0 KiB limit") {
		t.Errorf("--max-file-size must override the environment:\n%s", out)
	}
	if code, _, errb := runEnv(t, map[string]string{"CROSSCHECK_MAX_FILE_SIZE": "big"}, "ingest", "--data", data, dir); code != exitUsage || !strings.Contains(errb, "CROSSCHECK_MAX_FILE_SIZE") {
		t.Errorf("bad environment value: %d %q", code, errb)
	}
}

// Disputes are found once, at ingest, and read back with the index: the
// listing from the data directory is the one from the documents.
func TestIngestKeepsDisputes(t *testing.T) {
	data := t.TempDir()
	story, err := filepath.Abs("../../corpus/testdata/stories/dam")
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errb := runEnv(t, nil, "ingest", "--data", data, story); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	_, fromData, errb := runEnv(t, nil, "disputes", "--json", "--data", data)
	_, fromDocs, _ := runEnv(t, nil, "disputes", "--json", "--corpus", story)
	if !strings.Contains(fromDocs, `"id": "d-`) {
		t.Fatalf("the story has no dispute to compare:\n%s", fromDocs)
	}
	var a, b struct{ Disputes []struct{ ID, Kind string } }
	if err := json.Unmarshal([]byte(fromData), &a); err != nil {
		t.Fatalf("disputes --data: %v\n%s%s", err, fromData, errb)
	}
	if err := json.Unmarshal([]byte(fromDocs), &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("disputes from the data directory %v, from the documents %v", a, b)
	}
}

// An index opened from a data directory restores what ingest saved (claims,
// disputes, the answer engine's vocabulary) instead of reading every
// sentence again; its answers are byte for byte those built from the
// shipped corpus's documents.
func TestIngestedCorpusAnswersAsBuilt(t *testing.T) {
	data := t.TempDir()
	shipped, err := filepath.Abs("../../corpus/default")
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errb := runEnv(t, nil, "ingest", "--data", data, shipped); code != exitOK {
		t.Fatalf("ingest: %d %s %s", code, out, errb)
	}
	op, err := datadir.Open(context.Background(), data, retrieval.Offline())
	if err != nil {
		t.Fatal(err)
	}
	if openedVocabulary(op) == nil || openedClaims(op) == nil {
		t.Fatal("the index was saved without its vocabulary or claims")
	}
	for _, q := range []string{
		"Did US agents operate in Sinaloa?",
		"How many drug labs has Mexico dismantled?",
		"what did ice post about the operation?",
		"Did the CIA fly drones over Mexico?",
		"How did Norway react to the raid?",
	} {
		t.Run(q, func(t *testing.T) {
			code, fromData, errb := runEnv(t, nil, "ask", "--json", "--data", data, q)
			if code != exitOK {
				t.Fatalf("ask --data: %d %s", code, errb)
			}
			_, fromDocs, _ := runEnv(t, nil, "ask", "--json", "--corpus", shipped, q)
			if fromData != fromDocs {
				t.Errorf("answer from the data directory differs from the documents':\ndata %s\ndocs %s", fromData, fromDocs)
			}
		})
	}
}
