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
