package bot

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/corpus"
)

// injectionDoc tries every trick a document can play on mrkdwn: broadcasts,
// user mentions, a disguised link, formatting, and metadata that tries to
// break out of our own <url|title> link.
const injectionDoc = `---
title: "Breaking <!channel> news <https://evil.example|click> *bold*"
outlet: "Evil & Co <!here>"
author: "_Mallory_ ~strike~"
published: 2025-05-20
url: "https://news.example/story?a=1|b>c"
---
Officials said <!channel> the raid was *bold* and <@U123> confirmed it at <https://evil.example|click here>. Others said <!here> nothing happened at all in the town.
The governor said the agents were never there, and that the ` + "`code`" + ` was fake.
`

// plainDoc is an ordinary document without a URL, so its quotes fall back
// to the document id.
const plainDoc = `---
title: Local paper reports on the raid
outlet: The Local
published: 2025-05-21
---
The mayor said the raid took place at dawn. Residents said they saw foreign agents near the labs. The police chief denied that any foreign agents were present.
`

// testLibrary loads documents through the real corpus loader.
func testLibrary(t testing.TB, docs map[string]string) *corpus.Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for id, text := range docs {
		fsys[id+".md"] = &fstest.MapFile{Data: []byte(text)}
	}
	c, skipped, err := corpus.Load(fsys, corpus.Options{})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("load test corpus: %v %v", err, skipped)
	}
	return c
}

// quoteOf returns a byte-exact quote of the sentence of d containing substr.
func quoteOf(t testing.TB, d *corpus.Document, substr string) answer.Quote {
	t.Helper()
	for _, s := range d.Sentences {
		if strings.Contains(s.Text, substr) {
			return answer.Quote{DocID: d.ID, Text: s.Text, Start: s.Start, End: s.End, Speaker: s.Speaker,
				Source: answer.Source{Title: d.Title, Outlet: d.Outlet, Author: d.Author, Published: d.Published, URL: d.URL}}
		}
	}
	t.Fatalf("no sentence of %s contains %q", d.ID, substr)
	return answer.Quote{}
}

func fixtureLibrary(t testing.TB) *corpus.Corpus {
	return testLibrary(t, map[string]string{"evil": injectionDoc, "local-paper": plainDoc})
}

// conflictAnswer is a three-account answer with conflicts, over
// fixtureLibrary.
func conflictAnswer(t testing.TB, lib *corpus.Corpus) *answer.Answer {
	local := lib.Doc("local-paper")
	return &answer.Answer{
		Question: "Were foreign agents at the raid?",
		Mode:     "extractive",
		Summary:  "Sources disagree: residents say foreign agents were there; the police chief says none were.",
		Accounts: []answer.Account{
			{Holder: "Residents", Position: "Saw foreign agents near the labs", Stance: answer.Affirms, ConflictsWith: []int{1},
				Quotes: []answer.Quote{quoteOf(t, local, "Residents said")}},
			{Holder: "The police chief", Position: "No foreign agents were present", Stance: answer.Denies, ConflictsWith: []int{0},
				Quotes: []answer.Quote{quoteOf(t, local, "police chief")}},
			{Holder: "The mayor", Position: "The raid took place at dawn", Stance: answer.Context,
				Quotes: []answer.Quote{quoteOf(t, local, "mayor")}},
		},
	}
}

// injectionAnswer puts the injection strings everywhere an answer carries
// text: summary, holder, position, quotes and their sources.
func injectionAnswer(t testing.TB, lib *corpus.Corpus) *answer.Answer {
	evil := lib.Doc("evil")
	return &answer.Answer{
		Question: "what happened <!channel>?",
		Mode:     "extractive",
		Summary:  "Sources disagree <!channel> <!here> <@U123> <https://evil.example|click> *bold*",
		Note:     "note <!everyone> _x_",
		Accounts: []answer.Account{
			{Holder: "<@U123> *Officials*", Position: "<https://evil.example|click> said <!here>", Stance: answer.Affirms, ConflictsWith: []int{1},
				Quotes: []answer.Quote{quoteOf(t, evil, "Officials said"), quoteOf(t, evil, "Others said")}},
			{Holder: "The governor", Position: "never there `code`", Stance: answer.Denies, ConflictsWith: []int{0},
				Quotes: []answer.Quote{quoteOf(t, evil, "governor")}},
		},
	}
}
