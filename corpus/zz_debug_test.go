package corpus

import (
	"fmt"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/lexicon"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("DUMP_DIR")
	if dir == "" {
		t.Skip()
	}
	c, _, err := LoadDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	for _, cl := range cs.All {
		d := c.Doc(cl.DocID)
		fmt.Printf("%s|%s|sp=%s|pol=%v|%q\n", cl.DocID, cl.Holder, cl.Speaker, cl.Polarity, string(d.Raw[cl.Start:cl.End]))
	}
	for _, dp := range cs.Disputes {
		fmt.Printf("DISPUTE %s %s %v\n", dp.ID, dp.Kind, dp.Sides)
	}
}
