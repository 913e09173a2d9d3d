package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/crosscheck/crosscheck/answer"
	"github.com/crosscheck/crosscheck/bot"
	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/pgstore"
)

const serveUsage = `Usage: crosscheck serve [flags]

Runs the Slack bot in Socket Mode: answers @-mentions in channels and direct
messages in threads (with follow-ups read against the thread's last answer),
the slash commands, the "Crosscheck this message" shortcut and App Home. No
public URL is needed; the bot opens a WebSocket to Slack. Create the Slack
app with 'crosscheck manifest' (see docs/slack.md). Both tokens are checked
with Slack at start; a refused one stops serve with one line naming it.

Environment (flags override where both exist):
  SLACK_BOT_TOKEN        bot token, xoxb-… (required; OAuth & Permissions)
  SLACK_APP_TOKEN        app-level token, xapp-…, scope connections:write
                         (required; Basic Information → App-Level Tokens)
  SLACK_API_URL          Web API base URL (default https://slack.com/api/;
                         GovSlack: https://slack-gov.com/api/)
  CROSSCHECK_CORPUS      corpus directory (default: the shipped corpus)
  CROSSCHECK_DATA        data directory: feedback votes (feedback.jsonl) and
                         thread context for follow-ups (threads.jsonl); with
                         a store these go to the database, the directory
                         keeps a fallback copy (default
                         $XDG_STATE_HOME/crosscheck, else
                         ~/.local/state/crosscheck)
  CROSSCHECK_STORE       PostgreSQL store shared by replicas (docs/postgres.md)
  CROSSCHECK_CHANNELS    comma-separated channel ids where mentions are
                         answered (default: every channel the bot is in)
  CROSSCHECK_ASK_COMMAND, CROSSCHECK_SOURCES_COMMAND, CROSSCHECK_SOURCE_COMMAND,
  CROSSCHECK_DISPUTES_COMMAND
                         slash command names (default /ask, /sources, /source,
                         /disputes)
  CROSSCHECK_WORKERS, CROSSCHECK_MAX_WAIT, CROSSCHECK_QUEUE, CROSSCHECK_DEADLINE,
  CROSSCHECK_SHUTDOWN_GRACE, CROSSCHECK_CLAIM_TIMEOUT, CROSSCHECK_METRICS_ADDR,
  CROSSCHECK_LOG_LEVEL
                         as the flags below
  OPENAI_BASE_URL, OPENAI_API_KEY, CROSSCHECK_CHAT_MODEL, CROSSCHECK_EMBED_MODEL
                         an optional model endpoint (docs/model.md)

Tokens are read from the environment only, never from flags, so they do not
show up in process listings; they are never logged.

Flags:
`

const commandEnvHelp = `
Slash command names can also be set with CROSSCHECK_ASK_COMMAND,
CROSSCHECK_SOURCES_COMMAND, CROSSCHECK_SOURCE_COMMAND and
CROSSCHECK_DISPUTES_COMMAND.
`

const defaultSlackAPI = "https://slack.com/api/"

// serveConfig is serve's flags and environment, resolved.
type serveConfig struct {
	corpusDir, dataDir, metricsAddr, logLevel string
	storeDSN                                  string
	model                                     *modelFlags
	bot                                       bot.Config
}

func runServe(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	sc, code := parseServe(args, getenv, stdout, stderr)
	if code >= 0 {
		return code
	}
	checkCtx, cancelCheck := context.WithTimeout(ctx, 20*time.Second)
	err := bot.VerifyTokens(checkCtx, sc.bot)
	cancelCheck()
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %s\n", strings.TrimPrefix(err.Error(), bot.ErrBadToken.Error()+": "))
		if errors.Is(err, bot.ErrBadToken) {
			return exitUsage
		}
		return exitFail
	}
	log := serveLogger(stderr, sc.logLevel, sc.bot.BotToken, sc.bot.AppToken, sc.model.apiKey, pgstore.Password(cmp.Or(sc.storeDSN, getenv(storeEnv))))
	ops := &opsSwitch{}
	stopOps, err := serveOps(sc.metricsAddr, ops, log)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: --metrics-addr %s: %v\n", sc.metricsAddr, err)
		return exitFail
	}
	defer stopOps()

	build := func(ctx context.Context, c *corpus.Corpus, opts answer.Options) (*answer.Engine, error) {
		return sc.model.engine(ctx, c, opts, getenv, sc.dataDir, log, stderr)
	}
	live, err := openLive(ctx, sc.corpusDir, sc.dataDir, sc.storeDSN, getenv, &lineLog{log: log}, log, build)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %v\n", err)
		return exitFail
	}
	warmUp(ctx, live, live, log)
	go live.Watch(ctx, indexPollInterval)
	sc.bot.Answerer, sc.bot.Library, sc.bot.Logger = live, live, log
	sc.bot.Disputer, sc.bot.LoadedAt = live, time.Now()
	if live.store != nil {
		defer live.store.Close()
		sc.bot.Seen, sc.bot.Ready = live.store.Events(deliveryKeep), live.store.Ping
		sc.bot.Questions, sc.bot.Shared = storeQuestions{live.store.Questions(questionKeep)}, live.store.Shared(sharedKeep)
		sc.bot.Replica = replicaName()
	}
	srv, err := bot.New(sc.bot)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %v\n", err)
		if errors.Is(err, bot.ErrBadConfig) {
			return exitUsage
		}
		return exitFail
	}
	ops.set(sc.model.ops(srv.OpsHandler()))
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %v (check SLACK_APP_TOKEN and that Socket Mode is on for the app)\n", err)
		return exitFail
	}
	return exitOK
}

// parseServe resolves flags and environment; code is -1 to go on, else the
// exit code to return.
func parseServe(args []string, getenv env, stdout, stderr io.Writer) (serveConfig, int) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ev := &envVars{getenv: getenv}
	var sc serveConfig
	fs.StringVar(&sc.corpusDir, "corpus", "", "corpus `directory` (env CROSSCHECK_CORPUS; default: shipped corpus)")
	fs.StringVar(&sc.storeDSN, "store", "", "PostgreSQL store `DSN` (postgres://…) shared by replicas: index, delivery dedupe, questions, thread context, feedback (env CROSSCHECK_STORE; docs/postgres.md)")
	fs.StringVar(&sc.dataDir, "data", getenv("CROSSCHECK_DATA"), "data `directory` for feedback.jsonl and threads.jsonl (env CROSSCHECK_DATA)")
	channels := fs.String("channels", getenv("CROSSCHECK_CHANNELS"), "comma-separated channel `ids` where mentions are answered (env CROSSCHECK_CHANNELS; default all)")
	workers := fs.Int("workers", ev.int("CROSSCHECK_WORKERS", bot.DefaultWorkers()), "questions answered at once (env CROSSCHECK_WORKERS; default two per CPU)")
	maxWait := fs.Duration("max-wait", ev.duration("CROSSCHECK_MAX_WAIT", bot.DefaultMaxWait), "longest expected wait, from measured answer times, a question is queued with; past it the asker is told the bot is busy (env CROSSCHECK_MAX_WAIT)")
	queue := fs.Int("queue", ev.int("CROSSCHECK_QUEUE", bot.DefaultQueue), "ceiling on questions waiting at once, whatever the wait; bounds memory (env CROSSCHECK_QUEUE)")
	deadline := fs.Duration("deadline", ev.duration("CROSSCHECK_DEADLINE", bot.DefaultDeadline), "time limit per question (env CROSSCHECK_DEADLINE)")
	claimTimeout := fs.Duration("claim-timeout", ev.duration("CROSSCHECK_CLAIM_TIMEOUT", bot.DefaultClaimTimeout), "with a --store: how long a question another replica acknowledged may go unanswered, without a heartbeat from that replica, before this one answers it (env CROSSCHECK_CLAIM_TIMEOUT)")
	grace := fs.Duration("shutdown-grace", ev.duration("CROSSCHECK_SHUTDOWN_GRACE", bot.DefaultShutdownGrace), "on SIGINT/SIGTERM, how long in-flight questions may finish (env CROSSCHECK_SHUTDOWN_GRACE)")
	fs.StringVar(&sc.metricsAddr, "metrics-addr", getenv("CROSSCHECK_METRICS_ADDR"), "serve /livez, /readyz and /metrics on this `address`, e.g. 127.0.0.1:9090 (env CROSSCHECK_METRICS_ADDR; default off)")
	fs.StringVar(&sc.logLevel, "log-level", cmp.Or(getenv("CROSSCHECK_LOG_LEVEL"), "info"), "debug, info, warn or error (env CROSSCHECK_LOG_LEVEL)")
	cmds := commandFlags(fs, getenv)
	sc.model = addModelFlags(fs, getenv)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, serveUsage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return sc, exitOK
		}
		fmt.Fprintln(stderr, "crosscheck serve: run 'crosscheck serve --help' for the flags and variables")
		return sc, exitUsage
	}
	usage := func(format string, a ...any) (serveConfig, int) {
		fmt.Fprintf(stderr, "crosscheck serve: "+format+"\n", a...)
		return sc, exitUsage
	}
	if len(ev.bad) > 0 {
		return usage("%s", strings.Join(ev.bad, "; "))
	}
	if fs.NArg() > 0 {
		return usage("unexpected argument %q (serve takes flags only; see --help)", fs.Arg(0))
	}
	botToken, appToken := strings.TrimSpace(getenv("SLACK_BOT_TOKEN")), strings.TrimSpace(getenv("SLACK_APP_TOKEN"))
	if err := bot.CheckTokens(botToken, appToken); err != nil {
		return usage("%v", err)
	}
	apiURL, err := slackAPIURL(getenv("SLACK_API_URL"))
	if err != nil {
		return usage("%v", err)
	}
	if err := checkCommands(*cmds); err != nil {
		return usage("%v", err)
	}
	if *workers < 1 || *queue < 1 || *deadline <= 0 || *grace <= 0 || *maxWait <= 0 || *claimTimeout <= 0 {
		return usage("--workers and --queue must be at least 1, --deadline, --max-wait, --shutdown-grace and --claim-timeout positive")
	}
	if sc.dataDir == "" {
		if sc.dataDir = defaultDataDir(getenv); sc.dataDir == "" {
			return usage("no data directory: set CROSSCHECK_DATA or --data (HOME is not set either)")
		}
	}
	if _, ok := serveLogLevels[sc.logLevel]; !ok {
		return usage("--log-level must be debug, info, warn or error, not %q", sc.logLevel)
	}
	sc.bot = bot.Config{
		BotToken: botToken, AppToken: appToken, APIURL: apiURL,
		DataDir: sc.dataDir, Channels: splitIDs(*channels), Commands: *cmds,
		Workers: *workers, Queue: *queue, MaxWait: *maxWait, Deadline: *deadline, ShutdownGrace: *grace,
		ClaimTimeout: *claimTimeout,
	}
	return sc, -1
}

// commandFlags registers the slash command name flags shared by serve and
// manifest, so the manifest always registers what serve answers.
func commandFlags(fs *flag.FlagSet, getenv env) *bot.Commands {
	c := &bot.Commands{}
	fs.StringVar(&c.Ask, "ask-command", cmp.Or(getenv("CROSSCHECK_ASK_COMMAND"), bot.DefaultCommands.Ask), "slash command that answers privately (env CROSSCHECK_ASK_COMMAND)")
	fs.StringVar(&c.Sources, "sources-command", cmp.Or(getenv("CROSSCHECK_SOURCES_COMMAND"), bot.DefaultCommands.Sources), "slash command that lists documents (env CROSSCHECK_SOURCES_COMMAND)")
	fs.StringVar(&c.Source, "source-command", cmp.Or(getenv("CROSSCHECK_SOURCE_COMMAND"), bot.DefaultCommands.Source), "slash command that shows one document (env CROSSCHECK_SOURCE_COMMAND)")
	fs.StringVar(&c.Disputes, "disputes-command", cmp.Or(getenv("CROSSCHECK_DISPUTES_COMMAND"), bot.DefaultCommands.Disputes), "slash command that lists the corpus's disputes (env CROSSCHECK_DISPUTES_COMMAND)")
	return c
}

// checkCommands enforces Slack's shape for command names: a slash, then up
// to 31 lower-case letters, digits, - or _; all four distinct.
func checkCommands(c bot.Commands) error {
	seen := map[string]bool{}
	for _, name := range []string{c.Ask, c.Sources, c.Source, c.Disputes} {
		ok := len(name) >= 2 && len(name) <= 32 && name[0] == '/'
		for _, r := range name[1:] {
			ok = ok && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_')
		}
		if !ok {
			return fmt.Errorf("slash command %q must be / followed by up to 31 lower-case letters, digits, - or _", name)
		}
		if seen[name] {
			return fmt.Errorf("slash command %s is used twice; the four commands need distinct names", name)
		}
		seen[name] = true
	}
	return nil
}

// slackAPIURL validates SLACK_API_URL and gives it the trailing slash
// slack-go needs to join method names.
func slackAPIURL(raw string) (string, error) {
	if raw == "" {
		return defaultSlackAPI, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("SLACK_API_URL must be an http(s) URL like %s, not %q", defaultSlackAPI, raw)
	}
	if !strings.HasSuffix(raw, "/") {
		raw += "/"
	}
	return raw, nil
}

func defaultDataDir(getenv env) string {
	if d := getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "crosscheck")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "state", "crosscheck")
	}
	return ""
}

var serveLogLevels = map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError}

// newLogger logs JSON unless stderr is a terminal. As a last line of
// defence it redacts the tokens from any string it is handed, although
// nothing in crosscheck logs them.
func serveLogger(stderr io.Writer, level string, secrets ...string) *slog.Logger {
	redact := redactSecrets(secrets)
	opts := &slog.HandlerOptions{Level: serveLogLevels[level], ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		return redact(groups, humanDuration(groups, a))
	}}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return slog.New(slog.NewTextHandler(stderr, opts))
	}
	return slog.New(slog.NewJSONHandler(stderr, opts))
}

func redactSecrets(secrets []string) func([]string, slog.Attr) slog.Attr {
	return func(_ []string, a slog.Attr) slog.Attr {
		var s string
		switch a.Value.Kind() {
		case slog.KindString:
			s = a.Value.String()
		case slog.KindAny:
			if err, ok := a.Value.Any().(error); ok {
				s = err.Error()
			} else {
				return a
			}
		default:
			return a
		}
		clean := s
		for _, secret := range secrets {
			if secret != "" {
				clean = strings.ReplaceAll(clean, secret, "[redacted]")
			}
		}
		if clean != s {
			return slog.String(a.Key, clean)
		}
		return a
	}
}

// serveOps starts the /livez, /readyz and /metrics listener when addr is
// set.
func serveOps(addr string, h http.Handler, log *slog.Logger) (stop func(), err error) {
	if addr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server", "err", err)
		}
	}()
	log.Info("serving /livez, /readyz and /metrics", "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}

func splitIDs(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// envVars reads typed defaults for flags from the environment and keeps
// what it could not parse, so a malformed variable fails fast by name
// instead of silently falling back.
type envVars struct {
	getenv env
	bad    []string
}

func (e *envVars) int(key string, def int) int {
	v := e.getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		e.bad = append(e.bad, fmt.Sprintf("%s must be a whole number, not %q", key, v))
		return def
	}
	return n
}

func (e *envVars) duration(key string, def time.Duration) time.Duration {
	v := e.getenv(key)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		e.bad = append(e.bad, fmt.Sprintf("%s must be a duration like 30s or 2m, not %q", key, v))
		return def
	}
	return d
}
