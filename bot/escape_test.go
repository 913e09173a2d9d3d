package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMrkdwn(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain words", "plain words"},
		{"a & b", "a &amp; b"},
		{"<!channel> <!here> <@U123>", "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;"},
		{"<https://evil.example|click>", "&lt;https://evil.example|click&gt;"},
		{"&lt;already&gt;", "&amp;lt;already&amp;gt;"},
		{"*bold*", zwsp + "*" + zwsp + "bold" + zwsp + "*" + zwsp},
		{"_it_ ~s~ `c`", zwsp + "_" + zwsp + "it" + zwsp + "_" + zwsp + " " + zwsp + "~" + zwsp + "s" + zwsp + "~" + zwsp + " " + zwsp + "`" + zwsp + "c" + zwsp + "`" + zwsp},
	} {
		if got := mrkdwn(c.in); got != c.want {
			t.Errorf("mrkdwn(%q) = %q, want %q", c.in, got, c.want)
		}
		// What a reader sees (zero-width spaces are invisible, entities
		// decoded) is what the document says.
		seen := strings.ReplaceAll(unescapeSlack(mrkdwn(c.in)), zwsp, "")
		if seen != c.in {
			t.Errorf("reader sees %q, document says %q", seen, c.in)
		}
	}
}

func TestLink(t *testing.T) {
	for _, c := range []struct{ url, label, want string }{
		{"https://example.com/a", "Title", "<https://example.com/a|Title>"},
		{"http://example.com", "T", "<http://example.com|T>"},
		{"https://x.example/?a=1|b>c", "T|x>y", "<https://x.example/?a=1%7Cb&gt;c|T｜x&gt;y>"},
		{"javascript:alert(1)", "Click", "Click"},
		{"slack://open", "*Open*", zwsp + "*" + zwsp + "Open" + zwsp + "*" + zwsp},
		{"", "No URL <!here>", "No URL &lt;!here&gt;"},
		{"/relative/path", "Rel", "Rel"},
		{"https://", "Hostless", "Hostless"},
	} {
		if got := link(c.url, c.label); got != c.want {
			t.Errorf("link(%q, %q) = %q, want %q", c.url, c.label, got, c.want)
		}
	}
}

func TestCleanQuestion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<@U0BOT> did US agents operate?", "did US agents operate?"},
		{"<@U0BOT|crosscheck>, what about &lt;this&gt; &amp; that?", "what about <this> & that?"},
		{"<@U0BOT> <@U0BOT>  ask <@U0ALICE>", "ask <@U0ALICE>"},
		{"  <@U0BOT>  ", ""},
		{"plain DM question", "plain DM question"},
	} {
		if got := cleanQuestion(c.in); got != c.want {
			t.Errorf("cleanQuestion(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTruncateAndChunks(t *testing.T) {
	if got := truncate("héllo wörld", 5); got != "héll…" || utf8.RuneCountInString(got) != 5 {
		t.Errorf("truncate = %q", got)
	}
	if got := truncate("short", 10); got != "short" {
		t.Errorf("truncate(short) = %q", got)
	}
	s := strings.Repeat("ünïcode words ", 500)
	parts := chunks(s, 100)
	if strings.Join(parts, "") != s {
		t.Fatal("chunks do not reassemble the text")
	}
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n > 100 || !utf8.ValidString(p) {
			t.Errorf("chunk of %d runes (valid %v)", n, utf8.ValidString(p))
		}
	}
	if got := chunks("", 10); len(got) != 1 || got[0] != "" {
		t.Errorf("chunks(\"\") = %q", got)
	}
}
