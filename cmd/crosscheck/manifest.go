package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"

	"github.com/crosscheck/crosscheck/bot"
)

const manifestUsage = `Usage: crosscheck manifest [flags]

Prints the Slack app manifest for crosscheck: paste it into
https://api.slack.com/apps → Create New App → From a manifest.
It turns on Socket Mode and interactivity, asks for the bot scopes
app_mentions:read, chat:write, commands, im:history, im:read, im:write,
subscribes to app_mention and message.im, and registers the three slash
commands under the names serve will answer (same flags and variables).

Flags:
`

func runManifest(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("manifest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "crosscheck", "the app's name and bot display name")
	format := fs.String("format", "json", "output format: json or yaml (Slack accepts both)")
	cmds := commandFlags(fs, getenv)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, manifestUsage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			fmt.Fprint(stdout, commandEnvHelp)
			return exitOK
		}
		fmt.Fprintln(stderr, "crosscheck manifest: run 'crosscheck manifest --help' for the flags")
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "crosscheck manifest: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if err := checkCommands(*cmds); err != nil {
		fmt.Fprintf(stderr, "crosscheck manifest: %v\n", err)
		return exitUsage
	}
	m := bot.Manifest(*name, *cmds)
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(m); err != nil {
			fmt.Fprintf(stderr, "crosscheck manifest: %v\n", err)
			return exitFail
		}
	case "yaml":
		if err := yaml.NewEncoder(stdout).Encode(m); err != nil {
			fmt.Fprintf(stderr, "crosscheck manifest: %v\n", err)
			return exitFail
		}
	default:
		fmt.Fprintf(stderr, "crosscheck manifest: --format must be json or yaml, not %q\n", *format)
		return exitUsage
	}
	return exitOK
}
