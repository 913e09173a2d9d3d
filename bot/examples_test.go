package bot

import (
	"strings"
	"testing"
)

func TestExampleQuestionsComeFromTheCorpus(t *testing.T) {
	lib := testLibrary(t, map[string]string{
		"harbour": "---\ntitle: Harbour vote\n---\nCouncillor Ines Varga said the vote was rushed. Varga said the plans were hidden.\n",
		"bridge":  "---\ntitle: Bridge closure\n---\nThe engineer Tomas Reyes said the bridge was safe.\n",
	})
	got := ExampleQuestions(lib, 3)
	if len(got) != 3 {
		t.Fatalf("got %d questions %q, want 3", len(got), got)
	}
	all := strings.Join(got, " | ")
	for _, want := range []string{"Varga", "Reyes"} {
		if !strings.Contains(all, want) {
			t.Errorf("examples %q do not ask about %s, who is quoted in the corpus", all, want)
		}
	}
	if strings.Contains(all, "Sinaloa") {
		t.Errorf("examples %q come from the shipped sample, not this corpus", all)
	}
}

func TestHelpUsesTheCorpusExample(t *testing.T) {
	lib := testLibrary(t, map[string]string{
		"harbour": "---\ntitle: Harbour vote\n---\nCouncillor Ines Varga said the vote was rushed.\n",
	})
	h := startHarness(t, withLibrary(lib), withAnswerer(answerFunc(nil)))
	_, ts := h.slack.Mention(general, alice, "help", "")
	m := h.waitThread(general, ts, 1)[0]
	if !strings.Contains(m.Text, "Varga") || strings.Contains(m.Text, "Sinaloa") {
		t.Errorf("help = %q, want an example drawn from the corpus", m.Text)
	}
}

func TestWithArticle(t *testing.T) {
	for name, want := range map[string]string{
		"U.S. Embassy": "the U.S. Embassy", "ICE": "ICE", "Ines Varga": "Ines Varga",
		"The Interior Ministry": "The Interior Ministry", "Interior Ministry": "the Interior Ministry",
	} {
		if got := withArticle(name); got != want {
			t.Errorf("withArticle(%q) = %q, want %q", name, got, want)
		}
	}
}
