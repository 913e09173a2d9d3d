package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// slackManifest is the part of Slack's manifest we rely on, decoded
// independently of the bot types that produce it.
type slackManifest struct {
	Display struct {
		Name string `json:"name"`
	} `json:"display_information"`
	Features struct {
		AppHome map[string]bool `json:"app_home"`
		BotUser struct {
			DisplayName string `json:"display_name"`
		} `json:"bot_user"`
		Shortcuts []struct {
			Name       string `json:"name"`
			Type       string `json:"type"`
			CallbackID string `json:"callback_id"`
		} `json:"shortcuts"`
		SlashCommands []struct {
			Command     string `json:"command"`
			Description string `json:"description"`
			UsageHint   string `json:"usage_hint"`
			URL         string `json:"url"`
		} `json:"slash_commands"`
	} `json:"features"`
	OAuth struct {
		Scopes struct {
			Bot []string `json:"bot"`
		} `json:"scopes"`
	} `json:"oauth_config"`
	Settings struct {
		Events struct {
			BotEvents  []string `json:"bot_events"`
			RequestURL string   `json:"request_url"`
		} `json:"event_subscriptions"`
		Interactivity struct {
			IsEnabled bool `json:"is_enabled"`
		} `json:"interactivity"`
		SocketMode bool `json:"socket_mode_enabled"`
	} `json:"settings"`
}

// manifestSchema is our copy of Slack's published app manifest schema.
func manifestSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../bot/testdata/manifest.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("schema: %v", err)
	}
	const url = "https://crosscheck.invalid/manifest.schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return s
}

// manifestJSON runs `crosscheck manifest` and returns the manifest as JSON
// whatever the format asked for.
func manifestJSON(t *testing.T, getenv env, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"manifest"}, args...), getenv, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("manifest %v: exit %d: %s", args, code, stderr.String())
	}
	if !slices.Contains(args, "yaml") {
		return stdout.Bytes()
	}
	var v any
	if err := yaml.Unmarshal(stdout.Bytes(), &v); err != nil {
		t.Fatalf("manifest does not parse as YAML: %v", err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestManifest(t *testing.T) {
	for _, format := range []string{"json", "yaml"} {
		t.Run(format, func(t *testing.T) {
			getenv := slackTestEnv(map[string]string{"CROSSCHECK_SOURCE_COMMAND": "/doc"})
			raw := manifestJSON(t, getenv, "--format", format)
			var m slackManifest
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatalf("manifest: %v", err)
			}
			wantScopes := []string{"app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write"}
			if got := slices.Sorted(slices.Values(m.OAuth.Scopes.Bot)); !slices.Equal(got, wantScopes) {
				t.Errorf("bot scopes = %v, want %v", got, wantScopes)
			}
			if got := m.Settings.Events.BotEvents; !slices.Equal(got, []string{"app_home_opened", "app_mention", "message.im"}) {
				t.Errorf("bot events = %v", got)
			}
			var cmds []string
			for _, c := range m.Features.SlashCommands {
				cmds = append(cmds, c.Command)
				if c.Description == "" || c.URL != "" {
					t.Errorf("command %s: description %q, url %q (Socket Mode needs no URL)", c.Command, c.Description, c.URL)
				}
			}
			if !slices.Equal(cmds, []string{"/ask", "/sources", "/doc", "/disputes"}) {
				t.Errorf("slash commands = %v, want /ask /sources /doc /disputes (/doc from CROSSCHECK_SOURCE_COMMAND)", cmds)
			}
			if !m.Settings.SocketMode || !m.Settings.Interactivity.IsEnabled || m.Settings.Events.RequestURL != "" {
				t.Errorf("settings = %+v, want socket mode and interactivity on, no request URL", m.Settings)
			}
			// DMs on means the read-only switch is written, and false:
			// left out, Slack may show the Messages tab read-only.
			ro, written := m.Features.AppHome["messages_tab_read_only_enabled"]
			if !written || ro || !m.Features.AppHome["messages_tab_enabled"] || !m.Features.AppHome["home_tab_enabled"] {
				t.Errorf("app_home = %v, want home and messages tabs on and messages_tab_read_only_enabled: false written", m.Features.AppHome)
			}
			if len(m.Features.Shortcuts) != 1 || m.Features.Shortcuts[0].Name != "Crosscheck this message" ||
				m.Features.Shortcuts[0].Type != "message" || m.Features.Shortcuts[0].CallbackID == "" {
				t.Errorf("shortcuts = %+v, want the message shortcut with a callback id", m.Features.Shortcuts)
			}
			if m.Features.BotUser.DisplayName != "crosscheck" || m.Display.Name != "crosscheck" {
				t.Errorf("names = %q, %q", m.Display.Name, m.Features.BotUser.DisplayName)
			}
		})
	}
}

// TestManifestUsageHintFromCorpus: /ask's hint is about the team's own
// documents, not the shipped sample.
func TestManifestUsageHintFromCorpus(t *testing.T) {
	dir := t.TempDir()
	doc := "---\ntitle: Harbour expansion vote\noutlet: Coast Herald\npublished: 2024-03-02\n---\n" +
		"The harbour master said the expansion would double traffic. Councillor Ines Varga said the vote was rushed.\n"
	if err := os.WriteFile(dir+"/harbour.md", []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var m slackManifest
	if err := json.Unmarshal(manifestJSON(t, slackTestEnv(nil), "--corpus", dir), &m); err != nil {
		t.Fatal(err)
	}
	hint := m.Features.SlashCommands[0].UsageHint
	if !strings.Contains(hint, "Varga") && !strings.Contains(hint, "harbour master") && !strings.Contains(hint, "Harbour") {
		t.Errorf("/ask usage hint %q is not drawn from the corpus", hint)
	}
	if strings.Contains(hint, "Sinaloa") {
		t.Errorf("/ask usage hint %q is the shipped sample, not the team's corpus", hint)
	}
}

func TestManifestPassesSlackSchema(t *testing.T) {
	schema := manifestSchema(t)
	for _, name := range []string{"crosscheck", "News Desk", "a", strings.Repeat("x", 35), "Vérificateur", "事实核查", "fact-check_bot 2"} {
		for _, format := range []string{"json", "yaml"} {
			raw := manifestJSON(t, slackTestEnv(nil), "--name", name, "--format", format, "--disputes-command", "/contested")
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("manifest for name %q (%s) fails Slack's schema: %v", name, format, err)
			}
		}
	}
	// The schema copy is not a rubber stamp: an over-long name fails it.
	var doc map[string]any
	if err := json.Unmarshal(manifestJSON(t, slackTestEnv(nil)), &doc); err != nil {
		t.Fatal(err)
	}
	doc["display_information"].(map[string]any)["name"] = strings.Repeat("x", 36)
	if err := schema.Validate(doc); err == nil {
		t.Error("schema accepts a 36-character app name")
	}
}

func TestManifestRejectsBadNames(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"", "empty"},
		{"   ", "empty"},
		{strings.Repeat("x", 36), "at most 35"},
		{" crosscheck", "space"},
		{"cross\ncheck", "control character"},
		{"@crosscheck", "@"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"manifest", "--name", c.name}, slackTestEnv(nil), nil, &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), c.want) || stdout.Len() > 0 {
			t.Errorf("--name %q: exit %d, stderr %q, stdout %d bytes; want exit 2 saying %q and no manifest", c.name, code, stderr.String(), stdout.Len(), c.want)
		}
		if strings.Count(strings.TrimSpace(stderr.String()), "\n") > 0 {
			t.Errorf("--name %q: error is more than one line: %q", c.name, stderr.String())
		}
	}
}

func TestManifestUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"manifest", "--help"}, exitOK, "Create New App"},
		{[]string{"manifest", "--format", "xml"}, exitUsage, "json or yaml"},
		{[]string{"manifest", "--ask-command", "ask"}, exitUsage, "must be / followed by"},
		{[]string{"manifest", "--ask-command", "/sources"}, exitUsage, "used twice"},
		{[]string{"manifest", "--disputes-command", "/ask"}, exitUsage, "used twice"},
		{[]string{"manifest", "extra"}, exitUsage, "unexpected argument"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), c.args, slackTestEnv(nil), nil, &stdout, &stderr)
		if code != c.code || !strings.Contains(stdout.String()+stderr.String(), c.out) {
			t.Errorf("%v: exit %d, output %q; want exit %d mentioning %q", c.args, code, stdout.String()+stderr.String(), c.code, c.out)
		}
	}
}

func slackTestEnv(m map[string]string) env {
	return func(k string) string { return m[k] }
}
