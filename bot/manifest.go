package bot

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BotScopes are the OAuth scopes the bot needs, and no more: reading
// mentions and DMs, writing messages (including ephemeral ones), and slash
// commands and shortcuts (both come under "commands"). App Home needs no
// scope of its own.
var BotScopes = []string{"app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write"}

// BotEvents are the events the bot subscribes to.
var BotEvents = []string{"app_home_opened", "app_mention", "message.im"}

// ShortcutCallbackID is the callback id of the "Crosscheck this message"
// message shortcut; the manifest registers it and onShortcut answers it.
const ShortcutCallbackID = "crosscheck_message"

// ShortcutName is the shortcut's label in a message's menu.
const ShortcutName = "Crosscheck this message"

// Slack's limits on names, from its app manifest schema.
const (
	maxAppNameChars     = 35
	maxDisplayNameChars = 80
)

// AppManifest is Slack's app manifest, as much of it as crosscheck sets.
// It is our own type rather than slack-go's because slack-go's AppHome
// drops false booleans (omitempty), and messages_tab_read_only_enabled
// must be written as false or people may find DMs to the bot turned off.
type AppManifest struct {
	Metadata Metadata    `json:"_metadata" yaml:"_metadata"`
	Display  Display     `json:"display_information" yaml:"display_information"`
	Features Features    `json:"features" yaml:"features"`
	OAuth    OAuthConfig `json:"oauth_config" yaml:"oauth_config"`
	Settings Settings    `json:"settings" yaml:"settings"`
}

// Metadata is the manifest format version Slack reads it as.
type Metadata struct {
	MajorVersion int `json:"major_version" yaml:"major_version"`
	MinorVersion int `json:"minor_version" yaml:"minor_version"`
}

// Display is how the app is shown in Slack's app directory and settings.
type Display struct {
	Name            string `json:"name" yaml:"name"`
	Description     string `json:"description" yaml:"description"`
	BackgroundColor string `json:"background_color" yaml:"background_color"`
}

// Features are what the app adds to Slack: App Home, the bot user, the
// message shortcut and the slash commands.
type Features struct {
	AppHome       AppHome        `json:"app_home" yaml:"app_home"`
	BotUser       BotUser        `json:"bot_user" yaml:"bot_user"`
	Shortcuts     []Shortcut     `json:"shortcuts" yaml:"shortcuts"`
	SlashCommands []SlashCommand `json:"slash_commands" yaml:"slash_commands"`
}

// AppHome switches the Home tab and the Messages tab. It has no omitempty
// anywhere: every switch is written as meant.
type AppHome struct {
	HomeTabEnabled             bool `json:"home_tab_enabled" yaml:"home_tab_enabled"`
	MessagesTabEnabled         bool `json:"messages_tab_enabled" yaml:"messages_tab_enabled"`
	MessagesTabReadOnlyEnabled bool `json:"messages_tab_read_only_enabled" yaml:"messages_tab_read_only_enabled"`
}

// BotUser is the bot's name in channels.
type BotUser struct {
	DisplayName  string `json:"display_name" yaml:"display_name"`
	AlwaysOnline bool   `json:"always_online" yaml:"always_online"`
}

// Shortcut is a global or message shortcut; Slack sends its CallbackID.
type Shortcut struct {
	Name        string `json:"name" yaml:"name"`
	Type        string `json:"type" yaml:"type"`
	CallbackID  string `json:"callback_id" yaml:"callback_id"`
	Description string `json:"description" yaml:"description"`
}

// SlashCommand is one slash command. It has no url: in Socket Mode
// commands arrive over the socket.
type SlashCommand struct {
	Command      string `json:"command" yaml:"command"`
	Description  string `json:"description" yaml:"description"`
	UsageHint    string `json:"usage_hint,omitempty" yaml:"usage_hint,omitempty"`
	ShouldEscape bool   `json:"should_escape" yaml:"should_escape"`
}

// OAuthConfig holds the scopes the app asks for at install.
type OAuthConfig struct {
	Scopes Scopes `json:"scopes" yaml:"scopes"`
}

// Scopes are the bot token's OAuth scopes.
type Scopes struct {
	Bot []string `json:"bot" yaml:"bot"`
}

// Settings turn on Socket Mode, events and interactivity.
type Settings struct {
	EventSubscriptions EventSubscriptions `json:"event_subscriptions" yaml:"event_subscriptions"`
	Interactivity      Interactivity      `json:"interactivity" yaml:"interactivity"`
	OrgDeployEnabled   bool               `json:"org_deploy_enabled" yaml:"org_deploy_enabled"`
	SocketModeEnabled  bool               `json:"socket_mode_enabled" yaml:"socket_mode_enabled"`
	TokenRotation      bool               `json:"token_rotation_enabled" yaml:"token_rotation_enabled"`
}

// EventSubscriptions are the events Slack sends the bot.
type EventSubscriptions struct {
	BotEvents []string `json:"bot_events" yaml:"bot_events"`
}

// Interactivity turns on buttons and shortcuts (no request URL in Socket
// Mode).
type Interactivity struct {
	IsEnabled bool `json:"is_enabled" yaml:"is_enabled"`
}

// CheckName reports why Slack would refuse name as the app's name (and the
// bot's display name), or nil. Slack's manifest schema allows 1 to 35
// characters; we also refuse what would look broken in a channel: leading
// or trailing spaces, line breaks and other control characters, and an @ that
// would make mentions of the bot ambiguous.
func CheckName(name string) error {
	n := utf8.RuneCountInString(name)
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("%w: the app name is empty; pass --name with 1 to %d characters", ErrBadConfig, maxAppNameChars)
	case !utf8.ValidString(name):
		return fmt.Errorf("%w: the app name is not valid UTF-8", ErrBadConfig)
	case n > maxAppNameChars:
		return fmt.Errorf("%w: the app name has %d characters; Slack allows at most %d", ErrBadConfig, n, maxAppNameChars)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("%w: the app name %q starts or ends with a space", ErrBadConfig, name)
	case strings.ContainsFunc(name, unicode.IsControl):
		return fmt.Errorf("%w: the app name %q holds a line break or another control character", ErrBadConfig, name)
	case strings.Contains(name, "@"):
		return fmt.Errorf("%w: the app name %q holds an @, which would read as a mention", ErrBadConfig, name)
	}
	return nil
}

// Manifest is the Slack app manifest for a bot named name with these slash
// commands: Socket Mode on (no request URLs anywhere), interactivity on for
// the buttons and the message shortcut, App Home's Home tab for the corpus
// overview, and the Messages tab writable so people can DM the bot. askHint
// is /ask's usage hint, ideally a question drawn from the team's corpus
// (ExampleQuestions). Check name with CheckName first.
func Manifest(name string, c Commands, askHint string) AppManifest {
	if askHint == "" {
		askHint = "<question>"
	}
	return AppManifest{
		Metadata: Metadata{MajorVersion: 1, MinorVersion: 1},
		Display: Display{
			Name:            name,
			Description:     "Answers questions from your documents with verbatim, attributed quotes, and shows every conflicting account.",
			BackgroundColor: "#1d3557",
		},
		Features: Features{
			AppHome: AppHome{HomeTabEnabled: true, MessagesTabEnabled: true, MessagesTabReadOnlyEnabled: false},
			BotUser: BotUser{DisplayName: truncate(name, maxDisplayNameChars), AlwaysOnline: true},
			Shortcuts: []Shortcut{{
				Name: ShortcutName, Type: "message", CallbackID: ShortcutCallbackID,
				Description: "Check each claim in this message against the documents; only you see the result",
			}},
			SlashCommands: []SlashCommand{
				{Command: c.Ask, Description: "Answer a question privately, with quotes from every side", UsageHint: truncate(askHint, 1000)},
				{Command: c.Sources, Description: "List the documents crosscheck answers from", UsageHint: "[words]"},
				{Command: c.Source, Description: "Show one document's details and passages", UsageHint: "<id or words>"},
				{Command: c.Disputes, Description: "List the claims the documents disagree about", UsageHint: "[words]"},
			},
		},
		OAuth: OAuthConfig{Scopes: Scopes{Bot: BotScopes}},
		Settings: Settings{
			EventSubscriptions: EventSubscriptions{BotEvents: BotEvents},
			Interactivity:      Interactivity{IsEnabled: true},
			SocketModeEnabled:  true,
		},
	}
}
