package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// ErrBadToken marks a token Slack refused at start: the operator must fix
// the variable it names, so retrying is pointless.
var ErrBadToken = errors.New("slack refused a token")

// refusals are the errors Slack answers for a token that will never work.
var refusals = map[string]string{
	"invalid_auth":           "Slack does not know this token",
	"not_authed":             "no token reached Slack",
	"account_inactive":       "the token's user or workspace is deactivated",
	"token_revoked":          "the token was revoked",
	"token_expired":          "the token expired",
	"not_allowed_token_type": "the token is of the wrong kind",
	"missing_scope":          "the token lacks a scope it needs",
	"ekm_access_denied":      "the workspace's key management denies access",
}

// VerifyTokens asks Slack whether both tokens of cfg (BotToken, AppToken,
// APIURL, HTTPClient) work, before anything slow starts: auth.test for the
// bot token (otherwise a wrong one shows only at the first answer) and
// apps.connections.open for the app token. The error names the variable to
// fix and never echoes a token; ErrBadToken marks a refusal, anything else
// is Slack being unreachable.
func VerifyTokens(ctx context.Context, cfg Config) error {
	api := slackClient(cfg)
	if _, err := api.AuthTestContext(ctx); err != nil {
		return tokenError("SLACK_BOT_TOKEN", "auth.test", err)
	}
	if _, _, err := api.StartSocketModeContext(ctx); err != nil {
		return tokenError("SLACK_APP_TOKEN", "apps.connections.open", err)
	}
	return nil
}

func tokenError(variable, method string, err error) error {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		why, ok := refusals[se.Err]
		if !ok {
			why = "Slack refused it"
		}
		if se.Err == "not_allowed_token_type" || se.Err == "missing_scope" {
			if variable == "SLACK_APP_TOKEN" {
				why += " (an app-level token with connections:write, from Basic Information → App-Level Tokens)"
			} else {
				why += " (the Bot User OAuth Token, from OAuth & Permissions)"
			}
		}
		return fmt.Errorf("%w: %s: %s (%s: %s)", ErrBadToken, variable, why, method, se.Err)
	}
	return fmt.Errorf("cannot reach Slack to check %s (%s): %w (check SLACK_API_URL and the network)", variable, method, err)
}

// slackClient is the Web API client for cfg's tokens and URL.
func slackClient(cfg Config) *slack.Client {
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	opts := []slack.Option{slack.OptionAppLevelToken(cfg.AppToken), slack.OptionHTTPClient(hc)}
	if cfg.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(cfg.APIURL))
	}
	return slack.New(cfg.BotToken, opts...)
}

// CheckTokens reports a missing or malformed token, naming the variable that
// should hold it and the shape it needs. It never echoes the token.
func CheckTokens(bot, app string) error {
	var problems []string
	if !strings.HasPrefix(bot, "xoxb-") || len(bot) < len("xoxb-")+4 || strings.ContainsAny(bot, " \t\r\n") {
		problems = append(problems, "SLACK_BOT_TOKEN must be the bot user OAuth token, starting with xoxb- (Slack app → OAuth & Permissions)")
	}
	if !strings.HasPrefix(app, "xapp-") || len(app) < len("xapp-")+4 || strings.ContainsAny(app, " \t\r\n") {
		problems = append(problems, "SLACK_APP_TOKEN must be an app-level token with the connections:write scope, starting with xapp- (Slack app → Basic Information → App-Level Tokens)")
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrBadConfig, strings.Join(problems, "; "))
	}
	return nil
}
