package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/llm"
	"github.com/crosscheck/crosscheck/prompts"
)

const doctorHelp = `Usage: crosscheck doctor [flags]

Checks the configured model endpoint and prints what works and what to
change: the endpoint is reachable, the models are listed, the embedding
dimension, whether structured output is supported, and a one-sentence
round trip through the answer composer. Sends a handful of tiny requests.

Exit status: 0 all checks pass (or no model is configured), 1 a check failed,
2 usage error.

`

// doctorSentence is an invented one-sentence corpus for the round trip.
const doctorSentence = "The harbour reopened on Monday, the port authority said."

func runDoctor(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("doctor", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	mf := addModelFlags(fs, getenv)
	if code, done := parseFlags(fs, args, doctorHelp+modelHelp, stdout, stderr); done {
		return code
	}
	d := &doctor{w: stdout, ok: true}
	if err := mf.check(); err != nil {
		d.fail("settings", err.Error(), "see 'crosscheck doctor --help'")
		return exitFail
	}
	if mf.offline() {
		fmt.Fprint(stdout, "No model is configured: crosscheck answers offline (extractive composer, offline embedder).\n"+
			"To use one, set CROSSCHECK_CHAT_MODEL and/or CROSSCHECK_EMBED_MODEL with OPENAI_BASE_URL (and OPENAI_API_KEY if the endpoint needs one).\n")
		return exitOK
	}
	base := mf.baseURL
	if base == "" {
		base = defaultBaseURL
	}
	key := "not set"
	if mf.apiKey != "" {
		key = "set (not shown)"
	}
	fmt.Fprintf(stdout, "endpoint %s, API key %s, chat model %q, embedding model %q\n", redactURL(base), key, mf.chatModel, mf.embedModel)
	client := mf.client(nil)
	d.models(ctx, client, mf)
	if mf.embedModel != "" {
		d.embed(ctx, client, mf)
	}
	if mf.chatModel != "" {
		d.structured(ctx, client, mf)
		d.roundTrip(ctx, client, mf)
	}
	if !d.ok {
		return exitFail
	}
	fmt.Fprintln(stdout, "All checks passed.")
	return exitOK
}

type doctor struct {
	w  io.Writer
	ok bool
}

func (d *doctor) pass(check, what string) { fmt.Fprintf(d.w, "ok    %-18s %s\n", check, what) }

func (d *doctor) warn(check, what, fix string) {
	fmt.Fprintf(d.w, "warn  %-18s %s\n", check, what)
	if fix != "" {
		fmt.Fprintf(d.w, "      %-18s → %s\n", "", fix)
	}
}

func (d *doctor) fail(check, what, fix string) {
	d.ok = false
	fmt.Fprintf(d.w, "FAIL  %-18s %s\n", check, what)
	if fix != "" {
		fmt.Fprintf(d.w, "      %-18s → %s\n", "", fix)
	}
}

// fixFor says what to change for an endpoint error.
func fixFor(err error) string {
	switch {
	case llm.IsKind(err, llm.KindTransport):
		return "is the server running, and is OPENAI_BASE_URL right (host, port, http vs https)?"
	case llm.IsKind(err, llm.KindAuth):
		return "set OPENAI_API_KEY to a valid key for this endpoint"
	case llm.IsKind(err, llm.KindNotFound):
		return "OPENAI_BASE_URL usually ends in /v1 (Ollama: http://localhost:11434/v1); check the model name"
	case llm.IsKind(err, llm.KindProxy):
		return "something other than the API answered: check OPENAI_BASE_URL and any proxy in front of the server"
	case llm.IsKind(err, llm.KindTimeout):
		return "the server is slow or busy; raise --model-timeout (CROSSCHECK_MODEL_TIMEOUT) or use a smaller model"
	case llm.IsKind(err, llm.KindContextLength):
		return "lower --prompt-budget (CROSSCHECK_PROMPT_BUDGET) or raise the server's context size"
	}
	return ""
}

func (d *doctor) models(ctx context.Context, client *llm.Client, mf *modelFlags) {
	ids, err := client.Models(ctx)
	if err != nil {
		if llm.IsKind(err, llm.KindNotFound) {
			d.warn("reachable", "the endpoint has no /models list: "+err.Error(), "fine if the checks below pass")
			return
		}
		d.fail("reachable", err.Error(), fixFor(err))
		return
	}
	d.pass("reachable", fmt.Sprintf("the endpoint lists %d models", len(ids)))
	for _, m := range []struct{ role, name string }{{"chat model", mf.chatModel}, {"embedding model", mf.embedModel}} {
		if m.name == "" {
			continue
		}
		if slices.Contains(ids, m.name) {
			d.pass(m.role, m.name+" is listed")
			continue
		}
		shown := ids
		if len(shown) > 8 {
			shown = shown[:8]
		}
		d.fail(m.role, m.name+" is not listed; the endpoint lists: "+strings.Join(shown, ", "),
			"use one of those names, or pull the model (Ollama: ollama pull "+m.name+")")
	}
}

func (d *doctor) embed(ctx context.Context, client *llm.Client, mf *modelFlags) {
	vecs, err := client.Embed(ctx, mf.embedModel, mf.embedDim, []string{doctorSentence})
	if err != nil {
		d.fail("embeddings", err.Error(), cmpFix(fixFor(err), "is "+mf.embedModel+" an embedding model? (OpenAI: text-embedding-3-small; Ollama: nomic-embed-text)"))
		return
	}
	dim := len(vecs[0])
	if mf.embedDim > 0 && dim != mf.embedDim {
		d.fail("embeddings", fmt.Sprintf("asked for %d dimensions, got %d", mf.embedDim, dim), "unset CROSSCHECK_EMBED_DIM (--embed-dim); only text-embedding-3 models take it")
		return
	}
	d.pass("embeddings", fmt.Sprintf("%d dimensions", dim))
}

func cmpFix(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (d *doctor) structured(ctx context.Context, client *llm.Client, mf *modelFlags) {
	jd := prompts.JudgeData{A: doctorSentence, B: "The harbour stayed closed all week."}
	jd.Fence = prompts.Fence(jd.A, jd.B)
	system, user, err := prompts.Judge(jd)
	if err != nil {
		d.fail("structured output", err.Error(), "")
		return
	}
	var reply map[string]any
	f, err := client.ChatJSON(ctx, llm.ChatRequest{Model: mf.chatModel, System: system, User: user,
		SchemaName: "crosscheck_judgement", Schema: prompts.JudgeSchema(), MaxTokens: 50}, &reply)
	switch {
	case err != nil:
		d.fail("structured output", err.Error(), fixFor(err))
	case f == llm.FormatSchema:
		d.pass("structured output", "JSON schema supported")
	case f == llm.FormatObject:
		d.warn("structured output", "JSON schema rejected; JSON mode works (replies are validated)", "fine; a newer server version may support json_schema")
	default:
		d.warn("structured output", "neither JSON schema nor JSON mode; plain-text replies are parsed and validated", "works, but expect more fallbacks to the offline answer; a newer server may help")
	}
}

// roundTrip composes an answer from one invented sentence through the
// real composer: what a user's question does, minus the corpus.
func (d *doctor) roundTrip(ctx context.Context, client *llm.Client, mf *modelFlags) {
	q := answer.Quote{DocID: "doctor", Text: doctorSentence, Start: 0, End: len(doctorSentence), Speaker: "port authority",
		Source: answer.Source{Outlet: "Doctor Gazette", Published: "2024-01-01"}}
	off := &answer.Answer{Question: "When did the harbour reopen?", Mode: "extractive", Summary: "offline",
		Accounts: []answer.Account{{Holder: "port authority", Stance: answer.Affirms, ConflictsWith: []int{}, Quotes: []answer.Quote{q}}}}
	ev := &answer.Evidence{Question: off.Question, Offline: off, Sentences: []answer.EvidenceSentence{{ID: 1, Quote: q, Holder: "port authority"}}}
	comp := answer.NewModelComposer(answer.ModelConfig{Client: client, Model: mf.chatModel, Budget: mf.budget})
	start := time.Now()
	a, err := comp.Compose(ctx, ev)
	took := time.Since(start).Round(10 * time.Millisecond)
	switch {
	case err != nil:
		d.fail("round trip", err.Error(), "")
	case a.Mode != "model:compose":
		d.fail("round trip", a.Note, "run again with --model-timeout 120s if the model is slow; otherwise try another chat model")
	default:
		d.pass("round trip", fmt.Sprintf("the model cited the sentence it was shown (%s): %q", took, a.Summary))
	}
}
