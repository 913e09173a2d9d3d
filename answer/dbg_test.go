package answer

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/retrieval"
)

func TestDebugCandidates(t *testing.T) {
	q := os.Getenv("DBGQ")
	if q == "" {
		t.Skip()
	}
	c, _ := corpus.Default()
	e, _ := NewEngine(context.Background(), c, Options{})
	qa := analyze(q)
	hits, _ := e.index.Search(context.Background(), q, retrieval.SearchOptions{K: searchK, PerDoc: searchPerDoc, Depth: 200})
	for i, cd := range e.candidates(&qa, e.aboutNames(&qa, hits)) {
		if i > 300 {
			break
		}
		e.describe(cd, &qa)
		fmt.Printf("%.3f cov=%.2f ctx=%.2f %s [%s] %v %s | %.100s\n", cd.score, cd.cov, cd.ctxCov, cd.doc.ID[:12], cd.speaker, cd.values, cd.stance, cd.text)
	}
}
