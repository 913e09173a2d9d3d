package bot

import "github.com/slack-go/slack"

// BotScopes are the OAuth scopes the bot needs, and no more: reading
// mentions and DMs, writing messages (including ephemeral ones), and slash
// commands.
var BotScopes = []string{"app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write"}

// BotEvents are the events the bot subscribes to.
var BotEvents = []string{"app_mention", "message.im"}

// Manifest is the Slack app manifest for a bot named name with these slash
// commands: Socket Mode on (no request URLs anywhere), interactivity on for
// the buttons, and the messages tab on so people can DM the bot.
func Manifest(name string, c Commands) slack.Manifest {
	return slack.Manifest{
		Metadata: slack.ManifestMetadata{MajorVersion: 1, MinorVersion: 1},
		Display: slack.Display{
			Name:            name,
			Description:     "Answers questions from your documents with verbatim, attributed quotes, and shows every conflicting account.",
			BackgroundColor: "#1d3557",
		},
		Features: slack.Features{
			AppHome: slack.AppHome{MessagesTabEnabled: true},
			BotUser: slack.BotUser{DisplayName: name, AlwaysOnline: true},
			SlashCommands: []slack.ManifestSlashCommand{
				{Command: c.Ask, Description: "Answer a question privately, with quotes from every side", UsageHint: "did US agents operate in Sinaloa?"},
				{Command: c.Sources, Description: "List the documents crosscheck answers from", UsageHint: "[words]"},
				{Command: c.Source, Description: "Show one document's details and passages", UsageHint: "<id or words>"},
			},
		},
		OAuthConfig: slack.OAuthConfig{Scopes: slack.OAuthScopes{Bot: BotScopes}},
		Settings: slack.Settings{
			EventSubscriptions: &slack.EventSubscriptions{BotEvents: BotEvents},
			Interactivity:      &slack.Interactivity{IsEnabled: true},
			SocketModeEnabled:  true,
		},
	}
}
