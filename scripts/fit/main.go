// Command fit tunes the extractive answerer's weights (answer.Weights) on
// the dev sets and checks the result on a split it holds out.
//
//	go run ./scripts/fit                      # shipped corpus + WikiContradict
//	go run ./scripts/fit -ramdocs             # and RAMDocs (slow: minutes per try)
//	go run ./scripts/fit -shared ../shared -out docs/fit.md
//
// Each dev set's questions are split by a hash (of the accounts they expect
// on the shipped corpus, so paraphrases go with their questions; of their
// id elsewhere): a third held out, the rest to fit on. Every try builds nothing new: one binary, run by
// the sets' own scorer (score.py) with CROSSCHECK_WEIGHTS set. One pass of
// coordinate descent tries each weight at a few multiples of its value and
// keeps a change only when the fit split's objective rises by more than
// minGain; the held-out split is scored only at the start and the end, so
// it says whether what was fitted carries over. The report (a Markdown
// table) goes to stdout and to -out; nothing changes the defaults by
// itself: a person copies a weight into answer.DefaultWeights when the
// held-out split agrees.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/answer"
)

// minGain is the least rise of the fit objective that changes a weight:
// below it a change is noise on a few dozen questions.
const minGain = 0.005

// tried are the multiples of a weight's value tried in its turn.
var tried = []float64{0.5, 0.75, 1.25, 1.5}

// tuned are the weights fitted; the score mix's four parts move one at a
// time, so their sum drifts, which only rescales MinBestScore's meaning.
var tuned = []string{"KeepRatio", "NamedKeepRatio", "MinBestScore", "NewAccountRatio", "DocExtraRatio", "HolderExtraRatio", "OffTopicPenalty", "NoValuePenalty", "Cosine", "Context"}

type set struct {
	name, eval, corpus string
	corpusFlag         bool // pass --corpus (not the shipped default)
}

type split struct {
	set
	file string // the split's questions, written to a temporary file
}

func main() {
	shared := flag.String("shared", "../shared", "the shared directory (eval/, corpus/, eval-corpora/)")
	out := flag.String("out", "docs/fit.md", "where the report is written")
	ramdocs := flag.Bool("ramdocs", false, "fit on RAMDocs too (slow)")
	flag.Parse()
	if err := run(*shared, *out, *ramdocs); err != nil {
		fmt.Fprintln(os.Stderr, "fit:", err)
		os.Exit(1)
	}
}

func run(shared, out string, ramdocs bool) error {
	sets := []set{
		{"shipped questions", "eval/questions.json", "corpus", false},
		{"shipped paraphrases", "eval/paraphrases.json", "corpus", false},
		{"WikiContradict dev", "eval/wikicontradict-dev.json", "eval-corpora/wikicontradict", true},
	}
	if ramdocs {
		sets = append(sets, set{"RAMDocs dev", "eval/ramdocs-dev.json", "eval-corpora/ramdocs", true})
	}
	tmp, err := os.MkdirTemp("", "crosscheck-fit-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "crosscheck")
	if b, err := exec.Command("go", "build", "-o", bin, "./cmd/crosscheck").CombinedOutput(); err != nil {
		return fmt.Errorf("build: %v\n%s", err, b)
	}
	var fit, held []split
	for _, s := range sets {
		s.eval, s.corpus = filepath.Join(shared, s.eval), filepath.Join(shared, s.corpus)
		f, h, err := splitSet(s, tmp)
		if err != nil {
			return err
		}
		fit, held = append(fit, f), append(held, h)
	}
	start := time.Now()
	w := answer.DefaultWeights
	base := score(bin, fit, w)
	best := objective(base)
	fmt.Fprintf(os.Stderr, "defaults: fit objective %.4f\n", best)
	var changes []string
	var tries []string // "Name=value: objective", in the order tried
	for _, name := range tuned {
		v := field(&w, name)
		orig := v.Float()
		keep := orig
		seen := map[float64]bool{orig: true}
		for _, m := range tried {
			x := min(1, orig*m)
			if seen[x] {
				continue
			}
			seen[x] = true
			v.SetFloat(x)
			o := objective(score(bin, fit, w))
			fmt.Fprintf(os.Stderr, "%s=%.3g: %.4f\n", name, x, o)
			tries = append(tries, fmt.Sprintf("| %s | %.3g | %.3g | %.4f |", name, orig, x, o))
			if o > best+minGain {
				best, keep = o, x
			}
		}
		v.SetFloat(keep)
		if keep != orig {
			changes = append(changes, fmt.Sprintf("%s %.3g → %.3g", name, orig, keep))
		}
	}
	final := score(bin, fit, w)
	heldBase, heldFinal := score(bin, held, answer.DefaultWeights), score(bin, held, w)
	report := render(fit, held, base, final, heldBase, heldFinal, w, changes, time.Since(start))
	report += fmt.Sprintf("\n## Every try (fit split; defaults score %.4f)\n\n| weight | default | tried | objective |\n|---|---|---|---|\n%s\n", objective(base), strings.Join(tries, "\n"))
	fmt.Print(report)
	if out != "" {
		return os.WriteFile(out, []byte(report), 0o644)
	}
	return nil
}

// splitKey is what decides a question's split: on the shipped corpus, the
// accounts it expects (so a question and its paraphrases, which expect the
// same accounts, land on the same side and the held-out third is not the
// fitted questions in other words); elsewhere its id.
func splitKey(s set, q map[string]any) string {
	if s.corpusFlag {
		return fmt.Sprint(q["id"])
	}
	var ids []string
	accs, _ := q["accounts"].([]any)
	for _, a := range accs {
		if m, ok := a.(map[string]any); ok {
			ids = append(ids, fmt.Sprint(m["id"]))
		}
	}
	if len(ids) == 0 {
		return fmt.Sprint(q["id"]) // an abstention
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

// splitSet writes a set's fit and held-out questions to files of their own:
// a question is held out when the hash of its splitKey is 0 mod 3.
func splitSet(s set, dir string) (fit, held split, err error) {
	raw, err := os.ReadFile(s.eval)
	if err != nil {
		return fit, held, err
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fit, held, fmt.Errorf("%s: %w", s.eval, err)
	}
	var qs []map[string]any
	if err := json.Unmarshal(doc["questions"], &qs); err != nil {
		return fit, held, fmt.Errorf("%s: %w", s.eval, err)
	}
	var a, b []map[string]any
	for _, q := range qs {
		h := fnv.New32a()
		fmt.Fprint(h, splitKey(s, q))
		if h.Sum32()%3 == 0 {
			b = append(b, q)
		} else {
			a = append(a, q)
		}
	}
	write := func(tag string, qs []map[string]any) (split, error) {
		f := filepath.Join(dir, strings.ReplaceAll(s.name, " ", "-")+"-"+tag+".json")
		body, _ := json.Marshal(map[string]any{"questions": qs})
		return split{set: s, file: f}, os.WriteFile(f, body, 0o644)
	}
	if fit, err = write("fit", a); err != nil {
		return fit, held, err
	}
	held, err = write("held", b)
	return fit, held, err
}

// score runs every split with weights w, two at a time, and returns each
// split's score line as numbers.
func score(bin string, splits []split, w answer.Weights) []map[string]float64 {
	out := make([]map[string]float64, len(splits))
	var wg sync.WaitGroup
	sem := make(chan bool, 2)
	for i, s := range splits {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- true
			defer func() { <-sem }()
			out[i] = scoreOne(bin, s, w)
		}()
	}
	wg.Wait()
	return out
}

func scoreOne(bin string, s split, w answer.Weights) map[string]float64 {
	args := []string{filepath.Join(filepath.Dir(s.eval), "score.py"), s.file, s.corpus, "--", bin, "ask", "--json"}
	if s.corpusFlag {
		args = append(args, "--corpus", s.corpus)
	}
	cmd := exec.Command("python3", args...)
	cmd.Env = append(os.Environ(), "CROSSCHECK_WEIGHTS="+w.String())
	var buf bytes.Buffer
	cmd.Stdout = &buf
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "score %s: %v\n", s.name, err)
	}
	m := map[string]float64{}
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "score: ") {
			continue
		}
		for _, kv := range strings.Fields(strings.TrimPrefix(line, "score: ")) {
			k, v, _ := strings.Cut(kv, "=")
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				m[k] = x
			}
		}
	}
	return m
}

// objective is the mean over sets of what a reader is owed: the required
// accounts, conflicts shown as conflicts, scopes kept apart, calm where
// there is no conflict; less a penalty for answers longer than ten quotes
// and for any quote that is not its source's.
func objective(scores []map[string]float64) float64 {
	var sum float64
	for _, m := range scores {
		o := (m["required_recall"] + m["conflicts_flagged"] + m["scopes_apart"] + m["calm"]) / 4
		o -= 0.05 * max(0, m["mean_quotes"]-10)
		if m["quote_fidelity"] < 1 || m["errors"] > 0 {
			o -= 1
		}
		sum += o
	}
	return sum / float64(len(scores))
}

func field(w *answer.Weights, name string) reflect.Value {
	return reflect.ValueOf(w).Elem().FieldByName(name)
}

var shown = []string{"required_recall", "account_recall", "conflicts_separated", "conflicts_flagged", "scopes_apart", "calm", "fragmentation", "mean_quotes"}

func render(fit, held []split, base, final, heldBase, heldFinal []map[string]float64, w answer.Weights, changes []string, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Fitting the answer's weights\n\n")
	fmt.Fprintf(&b, "`go run ./scripts/fit` (%s, %s). Each dev set is split by a hash (of the accounts a question expects on the shipped corpus, so a question and its paraphrases fall on one side; of its id elsewhere): a third held out, the rest fitted on. One pass of coordinate descent over %s, each at ×%v of its value; a change is kept when the fit split's objective (mean of required recall, conflicts flagged, scopes apart and calm, less penalties) rises by more than %.3f.\n\n",
		time.Now().UTC().Format("2006-01-02"), took.Round(time.Second), strings.Join(tuned, ", "), tried, minGain)
	if len(changes) == 0 {
		fmt.Fprintf(&b, "**No change beats the defaults on the fit split.**\n\n")
	} else {
		fmt.Fprintf(&b, "**Changes the fit split prefers:** %s.\n\nAs `CROSSCHECK_WEIGHTS`: `%s`\n\n", strings.Join(changes, "; "), w.String())
	}
	fmt.Fprintf(&b, "| split | set | objective | %s |\n|---|---|---|%s\n", strings.Join(shown, " | "), strings.Repeat("---|", len(shown)))
	row := func(label string, s split, m map[string]float64) {
		fmt.Fprintf(&b, "| %s | %s | %.3f |", label, s.name, objective([]map[string]float64{m}))
		for _, k := range shown {
			fmt.Fprintf(&b, " %.3f |", m[k])
		}
		b.WriteString("\n")
	}
	for i, s := range fit {
		row("fit, defaults", s, base[i])
		row("fit, fitted", s, final[i])
	}
	for i, s := range held {
		row("held out, defaults", s, heldBase[i])
		row("held out, fitted", s, heldFinal[i])
	}
	fmt.Fprintf(&b, "\nHeld-out objective: defaults %.4f, fitted %.4f.\n", objective(heldBase), objective(heldFinal))
	return b.String()
}
