// Package bot is crosscheck's Slack face: a Socket Mode client that answers
// @-mentions, direct messages, slash commands and button clicks with Block Kit
// renderings of answer.Answer.
//
// It is the only package that imports Slack. Nothing below it (answer,
// retrieval, corpus, prompts) may import slack-go or know about Block Kit;
// bot sees them through the one-method Answerer and the read-only corpus.
//
// The flow for every Slack envelope: ack at once, dedupe on the delivery's
// event id, then hand the slow work (retrieval, Web API calls) to a bounded
// worker pool. A full queue is answered with a visible "busy" reply, never
// with silence. All document text is escaped before it reaches mrkdwn, and
// quotes travel as rich-text literals so what a reader sees is byte-for-byte
// what the document says.
package bot
