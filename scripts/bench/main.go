// Command bench measures crosscheck at several corpus sizes, in one
// process and one run per size: ingest throughput, cold start, warm ask
// latency and throughput, and the floors to compare them with (raw
// chromem-go and bleve BM25 on the same passages, one pass over all
// vectors). It prints one Markdown table and writes it to docs/bench.md.
//
//	go run ./scripts/bench                       # 1,000 and 10,000 passages
//	go run ./scripts/bench -sizes 1000,10000,100000
//	go run ./scripts/bench -store postgres://me@127.0.0.1/postgres   # and PostgreSQL side by side
//
// Corpora are generated at run time from the shipped corpus's sentences
// with a fixed seed (see gen.go); nothing generated is committed. bleve is
// imported here only, never by crosscheck itself.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/philippgille/chromem-go"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/datadir"
	"github.com/crosscheck/crosscheck/retrieval"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == measureChild {
		os.Exit(runChild(os.Args[2:]))
	}
	sizes := flag.String("sizes", "1000,10000", "comma-separated passage counts")
	out := flag.String("out", "docs/bench.md", "Markdown file to write (\"\" for none)")
	seed := flag.Uint64("seed", 1, "generator seed")
	nq := flag.Int("questions", 40, "questions in the fixed set")
	work := flag.String("work", "", "directory for generated corpora and indexes (default a temporary one, removed)")
	flag.StringVar(&storeDSN, "store", "", "also measure a PostgreSQL store on this server (postgres://…; a database per size is created)")
	flag.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the warm asks of the last size to this file")
	flag.Parse()
	if err := run(*sizes, *out, *seed, *nq, *work); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

var cpuProfile, storeDSN string

// result is one size's measurements; durations in milliseconds.
type result struct {
	passages, docs                 int
	ingestSec, ingestRate          float64
	coldMs, coldRSSMB              float64
	openMs, engineMs, firstMs      float64
	warmMedian, warmP99            float64
	qps1, qps4                     float64
	chromemMs, bleveMs, passMs     float64
	heapPerPassage, textPerPassage float64
	indexHeap                      float64
	abstained                      int
}

func run(sizeList, out string, seed uint64, nq int, work string) error {
	if work == "" {
		tmp, err := os.MkdirTemp("", "crosscheck-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}
	bin := filepath.Join(work, "crosscheck")
	if b, err := exec.Command("go", "build", "-o", bin, "./cmd/crosscheck").CombinedOutput(); err != nil {
		return fmt.Errorf("build crosscheck (run from the repository root): %v\n%s", err, b)
	}
	pool, err := sentencePool()
	if err != nil {
		return err
	}
	qs := questions(pool, nq, seed)
	var results []result
	var stores []storeResult
	for _, f := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return fmt.Errorf("size %q: %v", f, err)
		}
		fmt.Fprintf(os.Stderr, "== %d passages\n", n)
		r, err := measure(bin, filepath.Join(work, strconv.Itoa(n)), n, seed, pool, qs)
		if err != nil {
			return err
		}
		results = append(results, r)
		if storeDSN != "" {
			sr, err := measureStore(bin, filepath.Join(work, strconv.Itoa(n)), storeDSN, r.passages, qs)
			if err != nil {
				return err
			}
			sr.dirIngest = r.ingestSec
			stores = append(stores, sr)
		}
	}
	table := render(results, qs)
	if len(stores) > 0 {
		table += renderStore(stores)
	}
	fmt.Print(table)
	if out != "" {
		return os.WriteFile(out, []byte(table), 0o644)
	}
	return nil
}

func measure(bin, dir string, n int, seed uint64, pool, qs []string) (result, error) {
	var r result
	docsDir, data := filepath.Join(dir, "docs"), filepath.Join(dir, "data")
	var err error
	if r.docs, r.passages, err = generate(docsDir, n, seed, pool); err != nil {
		return r, err
	}
	logf("generated %d documents, %d passages", r.docs, r.passages)

	// Ingest, as a user runs it.
	dur, _, err := timed(bin, "ingest", "--progress", "never", "--data", data, docsDir)
	if err != nil {
		return r, err
	}
	r.ingestSec, r.ingestRate = dur.Seconds(), float64(r.passages)/dur.Seconds()
	logf("ingest %.2fs (%.0f passages/s)", r.ingestSec, r.ingestRate)

	// Cold start: a fresh process opens the index and answers once.
	dur, rss, err := timed(bin, "ask", "--data", data, qs[0])
	if err != nil {
		return r, err
	}
	r.coldMs, r.coldRSSMB = ms(dur), float64(rss)/1024
	logf("cold ask %.0f ms, peak RSS %.0f MB", r.coldMs, r.coldRSSMB)

	// Warm: the engine serve would hold.
	ctx := context.Background()
	runtime.GC()
	debug.FreeOSMemory()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	op, err := datadir.Open(ctx, data, retrieval.Offline())
	if err != nil {
		return r, err
	}
	t1 := time.Now()
	var mo runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&mo)
	r.indexHeap = float64(int64(mo.HeapAlloc)-int64(m0.HeapAlloc)) / float64(r.passages)
	t1 = time.Now()
	opts := answer.Options{Searcher: op.Index, Claims: claimsOf(op), Vocabulary: vocabularyOf(op)}
	eng, err := answer.NewEngine(ctx, op.Corpus, opts)
	if err != nil {
		return r, err
	}
	t2 := time.Now()
	if _, err := eng.Ask(ctx, qs[0]); err != nil {
		return r, err
	}
	r.openMs, r.engineMs, r.firstMs = ms(t1.Sub(t0)), ms(t2.Sub(t1)), ms(time.Since(t2))
	logf("in process: open index %.0f ms, answer.NewEngine %.0f ms, first answer %.0f ms", r.openMs, r.engineMs, r.firstMs)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	text := 0
	for _, d := range op.Corpus.Docs() {
		text += len(d.Raw)
	}
	r.heapPerPassage = float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / float64(r.passages)
	r.textPerPassage = float64(text) / float64(r.passages)

	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return r, err
		}
		pprof.StartCPUProfile(f)
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	var lat []float64
	for _, q := range qs {
		t := time.Now()
		a, err := eng.Ask(ctx, q)
		if err != nil {
			return r, fmt.Errorf("ask %q: %w", q, err)
		}
		lat = append(lat, ms(time.Since(t)))
		if a.Abstained {
			r.abstained++
		}
	}
	r.warmMedian, r.warmP99 = quantile(lat, 0.5), quantile(lat, 0.99)
	logf("warm ask median %.1f ms, p99 %.1f ms", r.warmMedian, r.warmP99)
	r.qps1 = throughput(eng, qs, 1)
	r.qps4 = throughput(eng, qs, 4)
	logf("throughput %.2f q/s (1 worker), %.2f q/s (4 workers)", r.qps1, r.qps4)

	// Floors on the same passages and vectors.
	qv := make([][]float32, len(qs))
	for i, q := range qs {
		qv[i] = retrieval.OfflineVector(q)
	}
	r.chromemMs, err = chromemQuery(ctx, op.Index, qv)
	if err != nil {
		return r, err
	}
	r.passMs = vectorPass(op.Index.Vectors(), qv[0])
	r.bleveMs, err = bleveQuery(filepath.Join(dir, "bleve"), op.Index.Units(), qs)
	if err != nil {
		return r, err
	}
	logf("chromem k=10 %.1f ms, bleve k=10 %.1f ms, vector pass %.1f ms", r.chromemMs, r.bleveMs, r.passMs)
	runtime.KeepAlive(eng)
	return r, nil
}

// throughput answers every question twice with the given number of
// workers and returns questions per second.
func throughput(eng *answer.Engine, qs []string, workers int) float64 {
	jobs := make(chan string)
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range jobs {
				eng.Ask(context.Background(), q)
			}
		}()
	}
	total := 0
	for range 2 {
		for _, q := range qs {
			jobs <- q
			total++
		}
	}
	close(jobs)
	wg.Wait()
	return float64(total) / time.Since(start).Seconds()
}

// chromemQuery is raw chromem-go QueryEmbedding k=10 over the index's
// vectors, median over the questions.
func chromemQuery(ctx context.Context, ix *retrieval.Index, qv [][]float32) (float64, error) {
	db := chromem.NewDB()
	col, err := db.CreateCollection("bench", nil, func(context.Context, string) ([]float32, error) { return nil, fmt.Errorf("no embedding") })
	if err != nil {
		return 0, err
	}
	var docs []chromem.Document
	for i, v := range ix.Vectors() {
		if !v.Stored() {
			continue
		}
		docs = append(docs, chromem.Document{ID: strconv.Itoa(i), Embedding: v.Float(), Content: ix.Units()[i].Text})
	}
	if err := col.AddDocuments(ctx, docs, runtime.GOMAXPROCS(0)); err != nil {
		return 0, err
	}
	var lat []float64
	for _, v := range qv {
		t := time.Now()
		if _, err := col.QueryEmbedding(ctx, v, 10, nil, nil); err != nil {
			return 0, err
		}
		lat = append(lat, ms(time.Since(t)))
	}
	return quantile(lat, 0.5), nil
}

// bleveQuery indexes the passage texts with BM25 scoring and returns the
// median time of a k=10 match query per question.
func bleveQuery(dir string, units []retrieval.Unit, qs []string) (float64, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = bleveindex.BM25Scoring
	idx, err := bleve.New(dir, m)
	if err != nil {
		return 0, err
	}
	defer idx.Close()
	start := time.Now()
	b := idx.NewBatch()
	for i, u := range units {
		if err := b.Index(strconv.Itoa(i), map[string]string{"text": u.Text}); err != nil {
			return 0, err
		}
		if b.Size() == 1000 {
			if err := idx.Batch(b); err != nil {
				return 0, err
			}
			b = idx.NewBatch()
		}
	}
	if err := idx.Batch(b); err != nil {
		return 0, err
	}
	logf("bleve indexed %d passages in %.1fs", len(units), time.Since(start).Seconds())
	var lat []float64
	for _, q := range qs {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 10, 0, false)
		t := time.Now()
		if _, err := idx.Search(req); err != nil {
			return 0, err
		}
		lat = append(lat, ms(time.Since(t)))
	}
	return quantile(lat, 0.5), nil
}

// vectorPass is one single-threaded dot product over every stored vector
// (8-bit components, as stored): the floor of any exact vector search.
// Median of 5.
func vectorPass(vecs []retrieval.Vector, q []float32) float64 {
	var lat []float64
	var sink float32
	for range 5 {
		t := time.Now()
		for _, v := range vecs {
			var s float32
			for i, x := range v.Q {
				s += float32(x) * q[i]
			}
			sink += s
		}
		lat = append(lat, ms(time.Since(t)))
	}
	_ = sink
	return quantile(lat, 0.5)
}

func quantile(xs []float64, q float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func logf(format string, a ...any) { fmt.Fprintf(os.Stderr, "  "+format+"\n", a...) }

func render(rs []result, qs []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# crosscheck bench\n\nGenerated by `go run ./scripts/bench -sizes …` on %s, %d CPUs, %s; %d fixed questions, one run per size.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.NumCPU(), runtime.Version(), len(qs))
	head := "| | "
	sep := "|---|"
	for _, r := range rs {
		head += fmt.Sprintf("%d passages | ", r.passages)
		sep += "---|"
	}
	b.WriteString(strings.TrimSpace(head) + "\n" + sep + "\n")
	row := func(name string, f func(r result) string) {
		b.WriteString("| " + name + " |")
		for _, r := range rs {
			b.WriteString(" " + f(r) + " |")
		}
		b.WriteByte('\n')
	}
	row("documents", func(r result) string { return strconv.Itoa(r.docs) })
	row("ingest (process)", func(r result) string { return fmt.Sprintf("%.2f s, %.0f passages/s", r.ingestSec, r.ingestRate) })
	row("cold start: open + first answer (process)", func(r result) string { return fmt.Sprintf("%.0f ms", r.coldMs) })
	row("… in process: open index / NewEngine / first answer", func(r result) string {
		return fmt.Sprintf("%.0f / %.0f / %.0f ms", r.openMs, r.engineMs, r.firstMs)
	})
	row("peak RSS of that process", func(r result) string {
		return fmt.Sprintf("%.0f MB (%.1f KB/passage)", r.coldRSSMB, r.coldRSSMB*1024/float64(r.passages))
	})
	row("warm ask median / p99", func(r result) string { return fmt.Sprintf("%.1f / %.1f ms", r.warmMedian, r.warmP99) })
	row("throughput 1 / 4 workers", func(r result) string {
		return fmt.Sprintf("%.1f / %.1f q/s (×%.2f)", r.qps1, r.qps4, r.qps4/r.qps1)
	})
	row("raw chromem-go QueryEmbedding k=10", func(r result) string { return fmt.Sprintf("%.1f ms", r.chromemMs) })
	row("bleve BM25 k=10", func(r result) string { return fmt.Sprintf("%.1f ms", r.bleveMs) })
	row("warm median ÷ (chromem + bleve)", func(r result) string { return fmt.Sprintf("%.2f×", r.warmMedian/(r.chromemMs+r.bleveMs)) })
	row("one pass over all vectors (1 thread)", func(r result) string { return fmt.Sprintf("%.1f ms", r.passMs) })
	row("heap per passage (index + engine)", func(r result) string {
		return fmt.Sprintf("%.1f KB (text %.2f KB, beyond text %.1f KB)", r.heapPerPassage/1024, r.textPerPassage/1024, (r.heapPerPassage-r.textPerPassage)/1024)
	})
	row("… of which the opened index (datadir.Open)", func(r result) string {
		return fmt.Sprintf("%.1f KB (beyond text %.1f KB)", r.indexHeap/1024, (r.indexHeap-r.textPerPassage)/1024)
	})
	row("questions abstained", func(r result) string { return fmt.Sprintf("%d of %d", r.abstained, len(qs)) })
	b.WriteString("\nTargets (issue 10): warm ask at 100,000 passages ≤ 150 ms median and ≤ 1.5 × (chromem-go + bleve); cold start ≤ 1.5 s; ≤ 4 KB per passage beyond the text; 4 workers ≥ 1.6 × 1 worker; ingest ≥ 5,000 passages/s.\n")
	return b.String()
}
