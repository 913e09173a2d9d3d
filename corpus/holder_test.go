package corpus

import (
	"os"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/lexicon"
)

// holderOf is a cache, not a rule: what it returns for every holder of the
// stories is what reading the name gives, so the claims and disputes found
// with it are the ones found without it.
func TestHolderOfIsTheHoldersReading(t *testing.T) {
	c, _, err := Load(os.DirFS("testdata/stories"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := BuildClaims(c, lexicon.Default())
	holders := 0
	for _, cl := range cs.All {
		if cl.Holder == "" {
			continue
		}
		holders++
		want := holderRef{key: cs.Entities.Key(cl.Holder), padded: " " + foldKey(cl.Holder) + " ", names: cs.Entities.Names(cl.Holder)}
		for range 2 { // computed, then cached
			if got := cs.holderOf(cl.Holder); !reflect.DeepEqual(*got, want) {
				t.Fatalf("holderOf(%q) = %+v, want %+v", cl.Holder, *got, want)
			}
		}
	}
	if holders == 0 || len(cs.Disputes) == 0 {
		t.Fatalf("the stories have %d holders and %d disputes: nothing compared", holders, len(cs.Disputes))
	}
}
