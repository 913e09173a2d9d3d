package corpus

import (
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/lexicon"
)

// BenchmarkBuildClaims_RAMDocs measures claim extraction and dispute
// finding on the RAMDocs corpus (2,765 files), when ../shared has it.
func BenchmarkBuildClaims_RAMDocs(b *testing.B) {
	dir := "../../shared/eval-corpora/ramdocs"
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no RAMDocs corpus beside the repository")
	}
	c, _, err := LoadDir(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	lex := lexicon.Default()
	b.ResetTimer()
	for b.Loop() {
		cs := BuildClaims(c, lex)
		b.ReportMetric(float64(len(cs.All)), "claims")
		b.ReportMetric(float64(len(cs.Disputes)), "disputes")
	}
}
