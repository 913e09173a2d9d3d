package lexicon

import (
	"bytes"
	"compress/gzip"
	"runtime"
	"strings"
	"testing"
)

func TestDefaultParsesOnce(t *testing.T) {
	a, b := Default(), Default()
	if a == nil || a != b {
		t.Fatalf("Default() = %p, %p; want one non-nil lexicon", a, b)
	}
	if n := a.d.Lemmas.Len(); n < 100_000 {
		t.Errorf("lemmas: got %d, want > 100000", n)
	}
}

func TestMaxWords(t *testing.T) {
	l := Default()
	longest := 0
	for i := range int32(l.d.Lemmas.Len()) {
		longest = max(longest, strings.Count(l.d.Lemmas.At(i), " ")+1)
	}
	if got := l.MaxWords(); got != longest || got < 3 {
		t.Errorf("MaxWords() = %d, want %d (and at least 3)", got, longest)
	}
}

func TestParseRejectsBadData(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("crosscheck-lexicon 1\n\xff\xff"))
	zw.Close()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": embedded[:len(embedded)/2],
		"bad body":  gz.Bytes(),
	} {
		t.Run(name, func(t *testing.T) {
			if l, err := parse(data); err == nil {
				t.Errorf("parse: got %v, want an error", l)
			}
		})
	}
}

// BenchmarkParse measures what the first Default() call costs a process:
// gunzip, decode and index the embedded data. live-B/op is the heap the
// parsed lexicon keeps.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(embedded); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l, _ := parse(embedded)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(l)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc), "live-B/op")
}

func BenchmarkDefault(b *testing.B) {
	Default()
	for b.Loop() {
		Default()
	}
}
