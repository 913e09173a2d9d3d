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
	if dir := os.Getenv("DBGCORPUS"); dir != "" {
		c, _, _ = corpus.LoadDir(dir, corpus.Options{})
	}
	e, _ := NewEngine(context.Background(), c, Options{})
	qa := analyze(q)
	fmt.Printf("kind=%d stems=%v entities=%v\n", qa.kind, qa.stems, qa.names)
	hits, _ := e.index.Search(context.Background(), q, retrieval.SearchOptions{K: searchK, PerDoc: searchPerDoc, Depth: 200})
	for _, h := range hits {
		fmt.Printf("hit %s p%d %.4f lex=%.2f vec=%.2f\n", h.DocID, e.index.Units()[h.Unit].Passage, h.Score, h.Lexical, h.Vector)
	}
	for i, cd := range e.candidates(&qa, hits) {
		if i > 25 {
			break
		}
		e.describe(cd, &qa)
		fmt.Printf("%.3f cov=%.2f %s [%s] %v %s | %.120s\n", cd.score, cd.cov, cd.doc.ID[:12], cd.speaker, cd.values, cd.stance, cd.text)
	}
}
