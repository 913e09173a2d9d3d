package corpus

import (
	"fmt"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/lexicon"
)

func TestZZEdges(t *testing.T) {
	dir := os.Getenv("CLAIMS_DIR")
	if dir == "" {
		t.Skip()
	}
	c, _, _ := LoadDir(dir, Options{})
	cs := BuildClaims(c, lexicon.Default())
	m := cs.meanings
	txt := func(i int) string { cl := cs.All[i]; return string(c.Doc(cl.DocID).Raw[cl.Start:cl.End]) }
	for a := range cs.All {
		for b := a + 1; b < len(cs.All); b++ {
			if k := cs.conflict(m, a, b); k != "" {
				fmt.Printf("%s: [%s] %.70s ~ [%s] %.70s\n", k, cs.All[a].Holder, txt(a), cs.All[b].Holder, txt(b))
			}
		}
	}
}
