// Package presenttest holds fixed answers with invented content for golden
// renderings: they pin what a reader sees in Slack and on a terminal
// whatever the engine currently produces. Every quote is byte-exact at its
// offsets in Docs, so the answers also pass the bot's quote verification
// when Docs are loaded as a corpus.
package presenttest

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/answer"
)

// Docs are the invented documents, by id, as Markdown files with front
// matter. "harbor-ledger-denial" has no title, so renderers must derive one.
var Docs = map[string]string{
	"velm-daily-dock-raid": `---
title: Port Authority Says Its Customs Team Led the Pier 4 Raid
outlet: Velm Daily
published: 2026-03-02
url: https://velmdaily.example/news/pier-4-raid
---
The Caldra Port Authority said on Monday that its customs team led the raid on Pier 4 that seized 40 crates of counterfeit medicine.
"Our customs officers planned the raid and led it from start to finish," the authority said in a statement.
The authority posted photos of officers in customs vests on the pier.
Its director, Oren Malk, said customs officers were "on the pier all night".
`,
	"harbor-ledger-denial": `---
outlet: Harbor Ledger
published: 2026-03-03
url: https://harborledger.example/a/1182
---
Mayor Ines Varro said on Tuesday that no customs officers took part in the Pier 4 raid, which she said city police planned and carried out alone.
"Not one customs officer set foot on that pier," Varro told reporters. "City police ran this operation."
She called the port authority's statement "a press release, not a record of what happened."
Officials said <!channel> the crates were taken to a police depot, according to a notice signed <@U123> that linked to <https://evil.example|the evidence log>.
`,
	"kesh-courier-notes": `---
title: "Dock Inspections: A Season in Review"
author: Rell Tavin
published: 2026-02-20
---
Inspections at Caldra's docks doubled this season, according to figures the port shared with shippers.
`,
	"velm-daily-warehouse-fire": `---
title: Four Hurt in Caldra Warehouse Fire
outlet: Velm Daily
published: 2026-04-11
url: https://velmdaily.example/news/warehouse-fire
---
Four people were hurt on the night of the fire at the Caldra grain warehouse, the fire service said.
The health ministry said on Friday that seven people were hurt in all, including three who went to hospital in the following days.
Tessa Grain, which owns the warehouse, said two of its employees were hurt.
`,
}

// sources is the metadata of Docs as the engine copies it into quotes.
var sources = map[string]answer.Source{
	"velm-daily-dock-raid":      {Title: "Port Authority Says Its Customs Team Led the Pier 4 Raid", Outlet: "Velm Daily", Published: "2026-03-02", URL: "https://velmdaily.example/news/pier-4-raid"},
	"harbor-ledger-denial":      {Outlet: "Harbor Ledger", Published: "2026-03-03", URL: "https://harborledger.example/a/1182"},
	"kesh-courier-notes":        {Title: "Dock Inspections: A Season in Review", Author: "Rell Tavin", Published: "2026-02-20"},
	"velm-daily-warehouse-fire": {Title: "Four Hurt in Caldra Warehouse Fire", Outlet: "Velm Daily", Published: "2026-04-11", URL: "https://velmdaily.example/news/warehouse-fire"},
}

// Quote returns the sentence of document id that starts with prefix, with
// its byte offsets in the raw file. It panics on a fixture typo, which
// every test using it would show at once.
func Quote(id, prefix, speaker string) answer.Quote {
	raw := Docs[id]
	start := strings.Index(raw, prefix)
	if start < 0 {
		panic(fmt.Sprintf("presenttest: %q not in %s", prefix, id))
	}
	end := start + strings.IndexByte(raw[start:], '\n')
	return answer.Quote{DocID: id, Text: raw[start:end], Start: start, End: end, Speaker: speaker, Source: sources[id]}
}

// Dispute is a yes/no question with two sides in conflict and a context
// account; the engine's order puts the denial first.
func Dispute() *answer.Answer {
	return &answer.Answer{
		Question: "Did customs officers take part in the Pier 4 raid?",
		Mode:     "extractive",
		Summary:  "Sources disagree: the Caldra Port Authority says its customs team led the raid; Mayor Ines Varro says no customs officers took part.",
		Accounts: []answer.Account{
			{Holder: "Ines Varro", Position: "No customs officers took part; city police planned and ran the raid alone",
				Stance: answer.Denies, ConflictsWith: []int{1},
				Quotes: []answer.Quote{
					Quote("harbor-ledger-denial", `"Not one customs officer`, "Ines Varro"),
					Quote("harbor-ledger-denial", "Mayor Ines Varro said", ""),
					Quote("harbor-ledger-denial", "Officials said", ""),
				}},
			{Holder: "Caldra Port Authority", Position: "Its customs team planned and led the Pier 4 raid",
				Stance: answer.Affirms, ConflictsWith: []int{0},
				Quotes: []answer.Quote{
					Quote("velm-daily-dock-raid", `"Our customs officers`, "Caldra Port Authority"),
					Quote("velm-daily-dock-raid", "The Caldra Port Authority said", ""),
					Quote("velm-daily-dock-raid", "Its director", "Oren Malk"),
				}},
			{Holder: "Rell Tavin", Position: "Dock inspections doubled this season",
				Stance: answer.Context,
				Quotes: []answer.Quote{Quote("kesh-courier-notes", "Inspections at", "")}},
		},
	}
}

// Figures is a "how many" question whose accounts count different things:
// shown side by side, not in conflict.
func Figures() *answer.Answer {
	const doc = "velm-daily-warehouse-fire"
	return &answer.Answer{
		Question: "How many people were hurt in the warehouse fire?",
		Mode:     "extractive",
		Summary:  "The figures count different things: 4 hurt on the night (fire service); 7 in all, incl. 3 who went to hospital later (health ministry); 2 employees (Tessa Grain).",
		Accounts: []answer.Account{
			{Holder: "Fire service", Position: "4 hurt on the night of the fire", Stance: answer.Affirms,
				Quotes: []answer.Quote{Quote(doc, "Four people", "")}},
			{Holder: "Health ministry", Position: "7 hurt in all, including 3 who went to hospital in the following days", Stance: answer.Qualifies,
				Quotes: []answer.Quote{Quote(doc, "The health ministry", "")}},
			{Holder: "Tessa Grain", Position: "2 of its employees were hurt", Stance: answer.Qualifies,
				Quotes: []answer.Quote{Quote(doc, "Tessa Grain", "")}},
		},
	}
}

// Abstention is a question the documents do not answer.
func Abstention() *answer.Answer {
	return &answer.Answer{
		Question:  "What did the harbour pilots' union say about the raid?",
		Mode:      "extractive",
		Summary:   "No document in the corpus mentions a harbour pilots' union, so nothing here answers this question.",
		Abstained: true,
		Accounts:  []answer.Account{},
	}
}
