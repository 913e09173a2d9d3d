package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
	"github.com/crosscheck/crosscheck/corpus"
)

// checkCorpus holds one disputed claim (the port reopened: the harbour
// master says yes, a weekly reports the union saying no), one supported
// claim (the library) and nothing about Canada.
func checkCorpus(t *testing.T) (*corpus.Corpus, Answerer) {
	t.Helper()
	lib := testLibrary(t, map[string]string{
		"harbour-gazette": "---\ntitle: Port reopens after storm\noutlet: Harbour Gazette\npublished: 2024-02-05\nurl: https://gazette.example/port\n---\nThe port reopened on Monday after the storm, harbour master Lena Ortiz said. Ortiz said ships were already unloading grain.\n",
		"coast-weekly":    "---\ntitle: Union says port still shut\noutlet: Coast Weekly\npublished: 2024-02-06\n---\nThe dockworkers' union denied that the port reopened on Monday. Union leader Karl Brandt said the cranes were still broken and the port remained closed.\n",
		"city-news":       "---\ntitle: Library opens downtown\noutlet: City News\npublished: 2024-01-20\n---\nMayor Ana Silva opened a new public library downtown on Saturday. Silva said the library holds forty thousand books.\n",
	})
	e, err := answer.NewEngine(context.Background(), lib, answer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib, e
}

func TestCrosscheckThisMessage(t *testing.T) {
	lib, engine := checkCorpus(t)
	h := startHarness(t, withLibrary(lib), withAnswerer(engine))
	msgTS := h.slack.NewTS()
	text := "Heads up <!here>: The port reopened on Monday. The mayor opened a new library downtown. Canada banned fishing in the bay. Thoughts?"
	h.slack.Shortcut(alice, ShortcutCallbackID, general, bob, msgTS, text, "")

	var e []slacktest.Message
	if !slacktest.Eventually(10*time.Second, func() bool { e = h.slack.Ephemeral(alice); return len(e) == 1 }) {
		t.Fatalf("no private crosscheck for the user who ran the shortcut: %s", texts(h.slack.Messages()))
	}
	m := e[0]
	if got := h.slack.Thread(general, msgTS); len(got) != 0 {
		t.Errorf("the check was posted for everyone before anyone shared it: %s", texts(got))
	}
	claims := blockTexts(t, m.Blocks)["mrkdwn"]
	all := strings.Join(claims, "\n")
	for _, want := range []struct{ claim, verdict string }{
		{"The port reopened on Monday", "Disputed"},
		{"The mayor opened a new library downtown", "Supported"},
		{"Canada banned fishing in the bay", "The documents say nothing about this"},
	} {
		found := false
		for _, c := range claims {
			if strings.HasPrefix(c, "*Claim") && strings.Contains(c, want.claim) {
				found = true
				if !strings.Contains(c, want.verdict) {
					t.Errorf("claim %q: %q, want %q", want.claim, c, want.verdict)
				}
			}
		}
		if !found {
			t.Errorf("claim %q not checked; got:\n%s", want.claim, all)
		}
	}
	for _, holder := range []string{"Lena Ortiz", "Coast Weekly", "City News"} {
		if !strings.Contains(all, holder) {
			t.Errorf("no account of %s in the check:\n%s", holder, all)
		}
	}
	if !strings.Contains(all, "contradicts") || !strings.Contains(all, "supports") {
		t.Errorf("accounts do not say whether they support or contradict the claim:\n%s", all)
	}
	rich := strings.Join(blockTexts(t, m.Blocks)["rich"], "\n")
	if !strings.Contains(rich, "The dockworkers' union denied that the port reopened on Monday.") {
		t.Errorf("the contradicting quote is not shown verbatim: %q", rich)
	}
	if strings.Contains(all, "Thoughts") {
		t.Errorf("a question was checked as a claim")
	}
	assertInert(t, m)

	// Each quote can be read in its passage, privately.
	pb, ok := m.Button(actionShowPassage)
	if !ok {
		t.Fatal("no Show passage button beside the quotes")
	}
	h.slack.Click(alice, m, pb.ActionID, pb.Value)
	if !slacktest.Eventually(5*time.Second, func() bool {
		for _, e := range h.slack.Ephemeral(alice) {
			if strings.HasPrefix(e.Text, "Passage from") {
				return true
			}
		}
		return false
	}) {
		t.Error("Show passage on a check showed no passage")
	}

	b, ok := m.Button(actionShareCheck)
	if !ok {
		t.Fatal("no Share in thread button")
	}
	h.slack.Click(alice, m, b.ActionID, b.Value)
	shared := h.waitThread(general, msgTS, 1)[0]
	if !strings.Contains(strings.Join(blockTexts(t, shared.Blocks)["mrkdwn"], "\n"), "Disputed") {
		t.Errorf("shared check = %q", shared.Text)
	}
	if _, ok := shared.Button(actionShareCheck); ok {
		t.Error("the shared check still has a Share button")
	}
	assertInert(t, shared, alice)
	if !slacktest.Eventually(5*time.Second, func() bool {
		for _, e := range h.slack.Ephemeral(alice) {
			if e.TS == m.TS {
				return false
			}
		}
		return true
	}) {
		t.Error("the private copy stayed after sharing")
	}
}

func TestCrosscheckMessageWithoutClaims(t *testing.T) {
	h := startHarness(t, withLibrary(fixtureLibrary(t)), withAnswerer(answerFunc(nil)))
	h.slack.Shortcut(alice, ShortcutCallbackID, general, bob, h.slack.NewTS(), "lol <@U0ALICE> what?", "")
	var e []slacktest.Message
	if !slacktest.Eventually(10*time.Second, func() bool { e = h.slack.Ephemeral(alice); return len(e) == 1 }) {
		t.Fatal("no reply")
	}
	if !strings.Contains(e[0].Text, "no claim") {
		t.Errorf("reply = %q, want it to say there is no claim to check", e[0].Text)
	}
}
