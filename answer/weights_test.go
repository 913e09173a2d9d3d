package answer

import (
	"strings"
	"testing"
)

func TestParseWeights(t *testing.T) {
	w, err := ParseWeights("KeepRatio=0.3, Cosine=0.5")
	if err != nil {
		t.Fatal(err)
	}
	if w.KeepRatio != 0.3 || w.Cosine != 0.5 || w.Coverage != DefaultWeights.Coverage {
		t.Errorf("got %v", w)
	}
	back, err := ParseWeights(w.String())
	if err != nil || back != w {
		t.Errorf("String does not read back: %v, %v", back, err)
	}
	for _, bad := range []string{"Keep=0.3", "KeepRatio", "KeepRatio=2", "KeepRatio=x"} {
		if _, err := ParseWeights(bad); err == nil {
			t.Errorf("%q: no error", bad)
		} else if bad == "Keep=0.3" && !strings.Contains(err.Error(), "KeepRatio") {
			t.Errorf("%q: error %q does not list the weights", bad, err)
		}
	}
}
