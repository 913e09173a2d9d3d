package bot

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot/slacktest"
)

func TestReadFollowUp(t *testing.T) {
	last := conflictAnswer(t, fixtureLibrary(t)) // Residents, The police chief, The mayor
	for _, c := range []struct {
		text    string
		kind    followKind
		account int
	}{
		{"source?", followSources, 0},
		{"Sources please", followSources, 0},
		{"who said that?", followSources, 0},
		{"wait, who said that?", followSources, 0},
		{"where is that from?", followSources, 0},
		{"and what did the police chief say?", followNarrow, 1},
		{"What did the Police Chief say about it?", followNarrow, 1},
		{"what about the mayor?", followNarrow, 2},
		{"and the residents?", followNarrow, 0},
		{"the chief's side?", followNarrow, 1},
		{"more on the mayor part", followExpand, 2},
		{"tell me more about the dawn part", followExpand, 2},
		{"more on that", followExpand, 0},
		{"is that disputed?", followDisputes, 0},
		{"what are the disputes?", followDisputes, 0},
		{"any disputes?", followDisputes, 0},
		// Questions of their own go to the engine.
		{"did the raid happen at dawn?", 0, 0},
		{"what did the governor say?", 0, 0},
		{"who is the mayor?", 0, 0},
		{"and what about the labs in the north of the country?", 0, 0},
		{"and the raid was at night?", 0, 0},
		{"more on the weather part", 0, 0},
		{"more residents said the raid took place", 0, 0},
		{"expand the labs near the town", 0, 0},
	} {
		f, ok := readFollowUp(c.text, last)
		switch {
		case c.kind == 0 && ok:
			t.Errorf("%q read as a %s follow-up (account %d), want a question of its own", c.text, f.kind, f.account)
		case c.kind != 0 && (!ok || f.kind != c.kind || f.account != c.account):
			t.Errorf("%q = %s account %d (follow-up %v), want %s account %d", c.text, f.kind, f.account, ok, c.kind, c.account)
		}
	}
}

// countingAnswerer answers every question with the fixture's conflict
// answer and counts the questions that reached it.
func countingAnswerer(t *testing.T) (Answerer, *atomic.Int32, *answer.Answer) {
	lib := fixtureLibrary(t)
	a := conflictAnswer(t, lib)
	var n atomic.Int32
	return answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		n.Add(1)
		c := *a
		c.Question = q
		return &c, nil
	}), &n, a
}

func TestFollowUpsInAThreadSurviveARestart(t *testing.T) {
	lib := fixtureLibrary(t)
	ask, asked, _ := countingAnswerer(t)
	data := t.TempDir()
	h := startHarness(t, withLibrary(lib), withAnswerer(ask), withDataDir(data))
	_, root := h.slack.Mention(general, alice, "were foreign agents at the raid?", "")
	h.waitThread(general, root, 1)

	checkFollowUps := func(h *harness, before int) {
		t.Helper()
		reply := func(text string) slacktest.Message {
			t.Helper()
			n := len(h.slack.Thread(general, root))
			h.slack.Mention(general, bob, text, root)
			return h.waitThread(general, root, n+1)[n]
		}
		m := reply("and what did the police chief say?")
		if !strings.Contains(m.Text, "police chief") || strings.Contains(m.Text, "Residents") || len(quotedDocs(m)) != 1 {
			t.Errorf("narrowed follow-up = %q, want the police chief's account alone", m.Text)
		}
		if !strings.Contains(strings.Join(blockTexts(t, m.Blocks)["mrkdwn"], " "), "Contradicted by Residents") {
			t.Errorf("narrowed follow-up does not say whom it contradicts: %v", blockTexts(t, m.Blocks)["mrkdwn"])
		}
		m = reply("who said that?")
		src := strings.Join(blockTexts(t, m.Blocks)["mrkdwn"], "\n")
		if !strings.Contains(src, "Local paper reports on the raid") || !strings.Contains(src, "The Local") || !strings.Contains(src, "Residents") {
			t.Errorf("sources follow-up = %q, want each account with its documents", src)
		}
		m = reply("more on the mayor part")
		rich := strings.Join(blockTexts(t, m.Blocks)["rich"], "")
		if !strings.Contains(rich, "The mayor said the raid took place at dawn.") || !strings.Contains(rich, "Residents said") {
			t.Errorf("expanded follow-up = %q, want the mayor's quote in its passage", rich)
		}
		if got := int(asked.Load()); got != before {
			t.Errorf("follow-ups reached the engine: %d questions asked, want %d", got, before)
		}
	}
	checkFollowUps(h, 1)

	// A thread the bot never answered is handled as today.
	_, other := h.slack.Mention(general, alice, "source?", "")
	h.waitThread(general, other, 1)
	if got := asked.Load(); got != 2 {
		t.Errorf("'source?' outside an answered thread asked the engine %d times in all, want 2", got)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}

	// A new process over the same data directory keeps the context.
	h2 := startHarness(t, withLibrary(lib), withAnswerer(ask), withDataDir(data))
	checkFollowUps(h2, 2)
}

func TestFollowUpsInADirectMessage(t *testing.T) {
	lib := fixtureLibrary(t)
	ask, asked, _ := countingAnswerer(t)
	data := t.TempDir()
	h := startHarness(t, withLibrary(lib), withAnswerer(ask), withDataDir(data))
	h.slack.DM(aliceDM, alice, "were foreign agents at the raid?", "")
	topLevel := func(n int) []slacktest.Message {
		var got []slacktest.Message
		if !slacktest.Eventually(10*time.Second, func() bool {
			got = h.slack.Thread(aliceDM, "")
			return len(got) == n && !isPlaceholder(got[n-1])
		}) {
			t.Fatalf("want %d top-level DM replies, got %s", n, texts(got))
		}
		return got
	}
	answerMsg := topLevel(1)[0]
	// In a DM any message is a follow-up candidate, at the top level…
	h.slack.DM(aliceDM, alice, "source?", "")
	if m := topLevel(2)[1]; !strings.Contains(m.Text, "Sources of my last answer") {
		t.Errorf("DM follow-up = %q, want the sources of the last answer", m.Text)
	}
	// …and in a thread under the answer, also after a restart.
	h.stop()
	h2 := startHarness(t, withLibrary(lib), withAnswerer(ask), withDataDir(data))
	h2.slack.DM(aliceDM, alice, "what about the mayor?", answerMsg.TS)
	m := h2.waitThread(aliceDM, answerMsg.TS, 1)[0]
	if !strings.Contains(m.Text, "mayor") || strings.Contains(m.Text, "Residents (") {
		t.Errorf("DM thread follow-up after restart = %q, want the mayor's account", m.Text)
	}
	if got := asked.Load(); got != 1 {
		t.Errorf("engine asked %d times, want once (follow-ups are read from context)", got)
	}
}

func TestFollowUpsRenderDocumentTextInert(t *testing.T) {
	lib := fixtureLibrary(t)
	stub := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) { return injectionAnswer(t, lib), nil })
	h := startHarness(t, withLibrary(lib), withAnswerer(stub))
	_, root := h.slack.Mention(general, alice, "what happened?", "")
	h.waitThread(general, root, 1)
	for i, text := range []string{"source?", "what did the governor say?", "more on the governor part", "more on that"} {
		h.slack.Mention(general, bob, text, root)
		m := h.waitThread(general, root, i+2)[i+1]
		assertInert(t, m)
	}
}

func TestFollowUpShowsTheAnswersDisputes(t *testing.T) {
	lib := fixtureLibrary(t)
	withDispute := answerFunc(func(ctx context.Context, q string) (*answer.Answer, error) {
		a := conflictAnswer(t, lib)
		a.Disputes = []string{"d1"}
		return a, nil
	})
	h := startHarness(t, withLibrary(lib), withAnswerer(withDispute), withDisputer(fixtureDisputes(t)))
	_, root := h.slack.Mention(general, alice, "were foreign agents at the raid?", "")
	h.waitThread(general, root, 1)
	h.slack.Mention(general, bob, "is that disputed?", root)
	m := h.waitThread(general, root, 2)[1]
	all := strings.Join(blockTexts(t, m.Blocks)["mrkdwn"], "\n")
	if !strings.Contains(all, "Whether foreign agents were at the raid") || strings.Contains(all, "at all") {
		t.Errorf("disputes follow-up = %s, want the one dispute the answer showed", all)
	}
	assertInert(t, m)
}
