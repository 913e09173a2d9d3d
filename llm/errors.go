package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Kind is what went wrong, in the terms a user or operator acts on.
type Kind string

const (
	KindTimeout        Kind = "timeout"         // no reply within the timeout
	KindCanceled       Kind = "canceled"        // the caller gave up
	KindTransport      Kind = "transport"       // no HTTP exchange: refused, DNS, TLS
	KindProxy          Kind = "proxy"           // an error page that is not the API's JSON (an HTML 502)
	KindRateLimited    Kind = "rate_limited"    // 429 after every retry
	KindServer         Kind = "server"          // 5xx after every retry
	KindAuth           Kind = "auth"            // 401/403: the key
	KindNotFound       Kind = "not_found"       // 404: the model or the path
	KindContextLength  Kind = "context_length"  // the prompt is too long for the model
	KindFormatRejected Kind = "format_rejected" // 400 to a response format
	KindBadRequest     Kind = "bad_request"     // any other 4xx
	KindRefusal        Kind = "refusal"         // the model declined
	KindBadReply       Kind = "bad_reply"       // 200, but not what was asked for
)

// Error is every failure of this package. Its text is safe to show: it
// never holds the API key, and a server's message is cut short.
type Error struct {
	Kind   Kind
	Status int // HTTP status, 0 if none
	op     string
	detail string
	err    error
}

func (e *Error) Error() string {
	msg := kindText[e.Kind]
	if e.Status != 0 {
		msg += fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	if e.detail != "" {
		msg += ": " + e.detail
	}
	return e.op + ": " + msg
}

// Unwrap gives context errors to errors.Is; other causes stay inside,
// since their text may carry what the server echoed.
func (e *Error) Unwrap() error {
	if errors.Is(e.err, context.Canceled) || errors.Is(e.err, context.DeadlineExceeded) {
		return e.err
	}
	return nil
}

var kindText = map[Kind]string{
	KindTimeout:        "the endpoint did not answer in time",
	KindCanceled:       "the request was cancelled",
	KindTransport:      "the endpoint could not be reached",
	KindProxy:          "a proxy answered with an error page instead of the API",
	KindRateLimited:    "the endpoint is rate limiting us",
	KindServer:         "the endpoint failed",
	KindAuth:           "the endpoint refused the API key (check OPENAI_API_KEY)",
	KindNotFound:       "the endpoint does not know this model or path (check the model name and OPENAI_BASE_URL, which usually ends in /v1)",
	KindContextLength:  "the prompt is longer than the model's context",
	KindFormatRejected: "the endpoint rejected the response format",
	KindBadRequest:     "the endpoint rejected the request",
	KindRefusal:        "the model declined to answer",
	KindBadReply:       "the reply was not what was asked for",
}

// IsKind reports whether err is an *Error of kind k.
func IsKind(err error, k Kind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == k
}

// maxDetail bounds how much of a server's message an error repeats.
const maxDetail = 200

// classify turns a go-openai or transport error into an *Error.
func (c *Client) classify(op string, err error) *Error {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	var netErr net.Error
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	e := &Error{op: op, err: err}
	switch {
	case errors.Is(err, context.Canceled):
		e.Kind = KindCanceled
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind = KindTimeout
	case errors.As(err, &apiErr):
		e.Status = apiErr.HTTPStatusCode
		e.Kind = statusKind(apiErr.HTTPStatusCode)
		msg := apiErr.Message
		if code, ok := apiErr.Code.(string); ok && code != "" {
			msg = code + ": " + msg
		}
		if isContextLength(msg) {
			e.Kind = KindContextLength
		}
		if e.Kind != KindAuth { // an auth message may echo part of the key
			e.detail = c.clean(msg)
		}
	case errors.As(err, &reqErr):
		e.Status = reqErr.HTTPStatusCode
		e.Kind = statusKind(reqErr.HTTPStatusCode)
		body := strings.TrimSpace(string(reqErr.Body))
		switch {
		case isContextLength(body):
			e.Kind = KindContextLength
		case body == "" || body[0] != '{':
			// Not the API's JSON: a proxy, a load balancer or a
			// wrong base URL answered.
			if e.Kind != KindAuth && e.Kind != KindNotFound {
				e.Kind = KindProxy
			}
		}
	case errors.As(err, &netErr) && netErr.Timeout():
		e.Kind = KindTimeout
	case errors.As(err, &syntaxErr) || errors.As(err, &typeErr):
		// A 200 whose body is not the API's JSON: a captive portal, a
		// web page at the base URL.
		e.Kind = KindBadReply
		e.detail = "the reply is not the API's JSON (is OPENAI_BASE_URL the API, ending in /v1?)"
	case !errors.As(err, &netErr):
		// go-openai refused to send the request (a parameter its
		// validation rejects for this model): nothing reached the server.
		e.Kind = KindBadRequest
		e.detail = c.clean(err.Error())
	default:
		e.Kind = KindTransport
		e.detail = c.clean(transportDetail(err))
	}
	c.cfg.Logger.Warn("model endpoint error", "op", op, "kind", string(e.Kind), "status", e.Status, "detail", e.detail)
	return e
}

func statusKind(status int) Kind {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return KindAuth
	case status == http.StatusNotFound:
		return KindNotFound
	case status == http.StatusTooManyRequests:
		return KindRateLimited
	case status == http.StatusRequestEntityTooLarge:
		return KindContextLength
	case status >= 500:
		return KindServer
	default:
		return KindBadRequest
	}
}

// contextLengthRe matches how OpenAI, vLLM, llama.cpp server and Ollama
// say a prompt does not fit.
var contextLengthRe = regexp.MustCompile(`(?i)context_length_exceeded|maximum context length|context length|context size|context window|too many tokens|prompt is too long`)

func isContextLength(msg string) bool { return contextLengthRe.MatchString(msg) }

// transportDetail keeps the cause of a failed exchange (connection
// refused, no such host) without the URL, which may carry credentials.
func transportDetail(err error) string {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Err != nil {
		return opErr.Err.Error()
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "no such host " + dnsErr.Name
	}
	return "connection failed"
}

// keyLike matches API keys that servers echo back ("sk-…", "Bearer …").
var keyLike = regexp.MustCompile(`(?i)(sk-|bearer\s+)[A-Za-z0-9_\-*.]+`)

// clean makes a server's message safe to show: no key, one line, short.
func (c *Client) clean(s string) string {
	if c.cfg.APIKey != "" {
		s = strings.ReplaceAll(s, c.cfg.APIKey, "[redacted]")
	}
	s = keyLike.ReplaceAllString(s, "[redacted]")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxDetail {
		cut := maxDetail
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
