package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crosscheck/crosscheck/bot"
)

const manifestUsage = `Usage: crosscheck manifest [flags]

Prints the Slack app manifest for crosscheck: paste it into
https://api.slack.com/apps → Create New App → From a manifest.
It turns on Socket Mode and interactivity, the Home tab and the Messages
tab (DMs writable), asks for the bot scopes app_mentions:read, chat:write,
commands, im:history, im:read, im:write, subscribes to app_home_opened,
app_mention and message.im, registers the "Crosscheck this message"
shortcut and the four slash commands under the names serve will answer
(same flags and variables). /ask's usage hint is a question drawn from the
corpus (--corpus or CROSSCHECK_CORPUS; default the shipped one).

Flags:
`

func runManifest(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("manifest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "crosscheck", "the app's name and bot display name (1 to 35 characters)")
	corpusDir := fs.String("corpus", "", "corpus `directory` the usage hints are drawn from (env CROSSCHECK_CORPUS; default: shipped corpus)")
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
	if err := bot.CheckName(*name); err != nil {
		fmt.Fprintf(stderr, "crosscheck manifest: --name: %s\n", strings.TrimPrefix(err.Error(), bot.ErrBadConfig.Error()+": "))
		return exitUsage
	}
	hint := ""
	c, err := loadCorpus(*corpusDir, getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck manifest: %v\n", err)
		return exitFail
	}
	if ex := bot.ExampleQuestions(c, 1); len(ex) > 0 {
		hint = ex[0]
	}
	m := bot.Manifest(*name, *cmds, hint)
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
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
