package answer

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDebugFrame(t *testing.T) {
	q := os.Getenv("FRAME_Q")
	if q == "" {
		t.Skip()
	}
	e := defaultEngine(t)
	qa := analyze(q)
	qa.frame = e.frameOf(&qa)
	fmt.Printf("frame %+v\n", qa.frame)
	for i, c := range e.claims.All {
		if cov := e.frameCoverage(&qa, c.DocID, c.Sentence); cov > 0.3 {
			fmt.Printf("%.2f %d %s: %.100s\n", cov, i, c.Holder, e.corpus.Doc(c.DocID).Raw[c.Start:c.End])
		}
	}
	_, _ = e.Ask(context.Background(), q)
}
