package corpus

import (
	"fmt"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/lexicon"
)

func TestDebugClaims(t *testing.T) {
	dir := os.Getenv("CLAIMS_DIR")
	if dir == "" {
		t.Skip()
	}
	c, _, err := LoadDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	if os.Getenv("CLAIMS_ALL") != "" {
		for i, cl := range cs.All {
			fmt.Printf("%d %s [%s] %v n=%v w=%v tg=%v a=%v c=%v v=%v | %.90s\n", i, cl.DocID[:8], cl.Holder, cl.Polarity, cl.Names, cl.Words, cl.Targets, cl.Agents, cl.Causes, cl.Values, c.Doc(cl.DocID).Raw[cl.Start:cl.End])
		}
	}
	for _, d := range cs.Disputes {
		fmt.Printf("== %s %s %v\n", d.ID, d.Kind, d.Subject)
		for k, side := range d.Sides {
			for _, i := range side {
				cl := cs.All[i]
				fmt.Printf("   [%s] %s: %.120s\n", d.Labels[k], cl.Holder, c.Doc(cl.DocID).Raw[cl.Start:cl.End])
			}
		}
	}
}

func TestDebugEdges(t *testing.T) {
	dir := os.Getenv("CLAIMS_DIR")
	if dir == "" {
		t.Skip()
	}
	c, _, _ := LoadDir(dir, Options{})
	cs := BuildClaims(c, lexicon.Default())
	m := newMeanings(lexicon.Default())
	for a := range cs.All {
		for b := a + 1; b < len(cs.All); b++ {
			if k := cs.conflict(m, a, b); k != "" {
				fmt.Printf("%s: %d ~ %d\n", k, a, b)
			}
		}
	}
}
