package retrieval

import (
	"bytes"
	"reflect"
	"testing"
)

func TestLexicalRoundTrip(t *testing.T) {
	l := NewLexical([]string{"Drug labs in Sinaloa", "", "labs labs labs and more labs", "Ünïcode wörds in Velm"})
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	saved := buf.Bytes()
	got, err := ReadLexical(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, l) {
		t.Errorf("round trip changed the index:\n got %+v\nwant %+v", got, l)
	}
	// Every truncation is an error, never a panic or a partial index.
	for n := 0; n < len(saved); n++ {
		if _, err := ReadLexical(bytes.NewReader(saved[:n])); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", n, len(saved))
		}
	}
}

// Search returns what scoring every unit and sorting them all gives.
func TestLexicalSearchMatchesFullSort(t *testing.T) {
	var texts []string
	words := []string{"harbour", "dredging", "council", "ferry", "authority", "channel", "boats"}
	for i := range 3000 {
		texts = append(texts, words[i%7]+" "+words[(i/7)%7]+" "+words[(i/49)%7]+" and more "+words[i%5])
	}
	l := NewLexical(texts)
	q := []string{"harbour", "council", "boat", "harbour"}
	all := l.Search(q, 0)
	for _, n := range []int{1, 10, 200} {
		got := l.Search(q, n)
		if !reflect.DeepEqual(got, all[:n]) {
			t.Errorf("n=%d: %v…, want %v…", n, got[:3], all[:3])
		}
	}
	for i := 1; i < len(all); i++ {
		if scoredBefore(all[i], all[i-1]) {
			t.Fatalf("full result out of order at %d", i)
		}
	}
}
