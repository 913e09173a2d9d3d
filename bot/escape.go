package bot

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// zwsp is a zero-width space. Slack has no escape for mrkdwn formatting
// characters; fencing each one with zero-width spaces keeps *bold*, _italic_,
// ~strike~ and `code` from pairing up, while a reader sees the same glyphs.
const zwsp = "\u200b"

// mrkdwnReplacer escapes the three characters Slack's mrkdwn treats as control
// characters (so <!channel>, <@U123> and <https://x|click> arrive as text) and
// defuses the formatting characters.
var mrkdwnReplacer = strings.NewReplacer(
	"&", "&amp;",
	"<", "&lt;",
	">", "&gt;",
	"*", zwsp+"*"+zwsp,
	"_", zwsp+"_"+zwsp,
	"~", zwsp+"~"+zwsp,
	"`", zwsp+"`"+zwsp,
)

// mrkdwn makes untrusted text (document titles, outlets, holders, summaries,
// anything that came from a document or a model) safe to embed in a mrkdwn
// text object: it can no longer mention, broadcast, link or format.
//
// Quotes themselves do not go through here: they are sent as rich_text
// literals, which Slack never parses, so they stay byte-exact.
func mrkdwn(s string) string {
	return mrkdwnReplacer.Replace(s)
}

// entityReplacer is the minimal escaping Slack documents for text it parses:
// used where formatting characters are harmless (inside our own link labels'
// URLs) or where we want them (our own markup around escaped text).
var entityReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// link renders <url|label> for http(s) URLs and the escaped label alone for
// anything else: a document cannot smuggle in javascript:, slack:// or a
// mailto: link, and cannot close our link early with | or >.
func link(rawURL, label string) string {
	safe, ok := linkURL(rawURL)
	if !ok {
		return mrkdwn(label)
	}
	// A | inside the label would be read as a second separator by some
	// clients; the full-width bar looks the same and means nothing to Slack.
	label = strings.ReplaceAll(label, "|", "｜")
	return "<" + safe + "|" + mrkdwn(label) + ">"
}

// linkURL returns rawURL ready to sit between < and | in mrkdwn, or false
// when it is not an absolute http(s) URL.
func linkURL(rawURL string) (string, bool) {
	rawURL = strings.TrimSpace(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	s := u.String()
	// url.String leaves | and some quote-ish characters alone; in mrkdwn a |
	// ends the URL and a > ends the link.
	s = strings.NewReplacer("|", "%7C", " ", "%20").Replace(s)
	return entityReplacer.Replace(s), true
}

// unescapeSlack reverses the three entities Slack applies to user-typed
// message text, so a question reads as the user typed it.
func unescapeSlack(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// truncate cuts s to at most max characters (runes, as Slack counts), ending
// with an ellipsis when it had to cut. Never use it on a quote: quotes are
// shortened by choosing a shorter sentence, not by editing text.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	if max <= 1 {
		return "…"
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return strings.TrimRight(s[:i], " \n") + "…"
		}
		n++
	}
	return s
}

// chunks splits s into pieces of at most max runes without breaking a rune,
// preferring to cut after a space. Concatenated, the pieces are s exactly.
func chunks(s string, max int) []string {
	var out []string
	for utf8.RuneCountInString(s) > max {
		cut, n, lastSpace := 0, 0, -1
		for i, r := range s {
			if n == max {
				cut = i
				break
			}
			if r == ' ' || r == '\n' {
				lastSpace = i + utf8.RuneLen(r)
			}
			n++
		}
		if lastSpace > cut/2 {
			cut = lastSpace
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	if s != "" || len(out) == 0 {
		out = append(out, s)
	}
	return out
}
