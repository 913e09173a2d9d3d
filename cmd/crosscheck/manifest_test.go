package main

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// slackManifest is the part of Slack's manifest schema we rely on, decoded
// independently of the slack-go types that produce it.
type slackManifest struct {
	Display struct {
		Name string `json:"name" yaml:"name"`
	} `json:"display_information" yaml:"display_information"`
	Features struct {
		AppHome struct {
			MessagesTab bool `json:"messages_tab_enabled" yaml:"messages_tab_enabled"`
		} `json:"app_home" yaml:"app_home"`
		BotUser struct {
			DisplayName string `json:"display_name" yaml:"display_name"`
		} `json:"bot_user" yaml:"bot_user"`
		SlashCommands []struct {
			Command     string `json:"command" yaml:"command"`
			Description string `json:"description" yaml:"description"`
			URL         string `json:"url" yaml:"url"`
		} `json:"slash_commands" yaml:"slash_commands"`
	} `json:"features" yaml:"features"`
	OAuth struct {
		Scopes struct {
			Bot []string `json:"bot" yaml:"bot"`
		} `json:"scopes" yaml:"scopes"`
	} `json:"oauth_config" yaml:"oauth_config"`
	Settings struct {
		Events struct {
			BotEvents  []string `json:"bot_events" yaml:"bot_events"`
			RequestURL string   `json:"request_url" yaml:"request_url"`
		} `json:"event_subscriptions" yaml:"event_subscriptions"`
		Interactivity struct {
			IsEnabled bool `json:"is_enabled" yaml:"is_enabled"`
		} `json:"interactivity" yaml:"interactivity"`
		SocketMode bool `json:"socket_mode_enabled" yaml:"socket_mode_enabled"`
	} `json:"settings" yaml:"settings"`
}

func TestManifest(t *testing.T) {
	for _, format := range []string{"json", "yaml"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			getenv := slackTestEnv(map[string]string{"CROSSCHECK_SOURCE_COMMAND": "/doc"})
			if code := run(context.Background(), []string{"manifest", "--format", format}, getenv, nil, &stdout, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var m slackManifest
			var err error
			if format == "json" {
				dec := json.NewDecoder(&stdout)
				err = dec.Decode(&m)
			} else {
				err = yaml.Unmarshal(stdout.Bytes(), &m)
			}
			if err != nil {
				t.Fatalf("manifest does not parse as %s: %v", format, err)
			}
			wantScopes := []string{"app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write"}
			if got := slices.Sorted(slices.Values(m.OAuth.Scopes.Bot)); !slices.Equal(got, wantScopes) {
				t.Errorf("bot scopes = %v, want %v", got, wantScopes)
			}
			if got := m.Settings.Events.BotEvents; !slices.Equal(got, []string{"app_mention", "message.im"}) {
				t.Errorf("bot events = %v", got)
			}
			var cmds []string
			for _, c := range m.Features.SlashCommands {
				cmds = append(cmds, c.Command)
				if c.Description == "" || c.URL != "" {
					t.Errorf("command %s: description %q, url %q (Socket Mode needs no URL)", c.Command, c.Description, c.URL)
				}
			}
			if !slices.Equal(cmds, []string{"/ask", "/sources", "/doc"}) {
				t.Errorf("slash commands = %v, want /ask /sources /doc (from CROSSCHECK_SOURCE_COMMAND)", cmds)
			}
			if !m.Settings.SocketMode || !m.Settings.Interactivity.IsEnabled || m.Settings.Events.RequestURL != "" {
				t.Errorf("settings = %+v, want socket mode and interactivity on, no request URL", m.Settings)
			}
			if !m.Features.AppHome.MessagesTab || m.Features.BotUser.DisplayName != "crosscheck" || m.Display.Name != "crosscheck" {
				t.Errorf("features = %+v", m.Features)
			}
		})
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
