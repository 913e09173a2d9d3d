// Package bot is crosscheck's Slack face: a Socket Mode client that answers
// @-mentions, direct messages, slash commands, the "Crosscheck this message"
// shortcut and button clicks with Block Kit renderings of answer.Answer,
// reads follow-ups in a thread against that thread's last answer (kept in
// the data directory across restarts), and publishes App Home.
//
// It is the only package that imports Slack. Nothing below it (answer,
// retrieval, corpus, prompts) may import slack-go or know about Block Kit;
// bot sees them through the one-method Answerer, the optional Disputer and
// the read-only corpus.
//
// The flow for every Slack envelope: ack at once, dedupe on the delivery's
// event id, then hand the slow work (retrieval, Web API calls) to a worker
// pool. A question waits in line while its expected wait (from measured
// answer times) stays under a deadline, with a placeholder saying where it
// stands; past the deadline it gets a visible "busy" reply with the wait,
// never silence. All document text is escaped before it reaches mrkdwn, and
// quotes travel as rich-text literals so what a reader sees is byte-for-byte
// what the document says.
package bot
