// Package prompts holds the model prompts as versioned text/template files
// embedded in the binary, and renders them. A prompt's wording changes
// only in a new version file, so a golden test shows every change and a
// cached judgement names the prompt it came from.
//
// Document text reaches a prompt only through oneLine, inside a fence
// whose name the document cannot know: it can neither close the fence nor
// start a line of its own.
package prompts

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"
)

// Versions of the prompts in use; a judgement cache keys on them.
const (
	ComposeVersion = "compose.v1"
	JudgeVersion   = "judge.v1"
)

//go:embed *.tmpl *.json
var files embed.FS

var tmpl = template.Must(template.New("").Funcs(template.FuncMap{"oneLine": OneLine, "ids": ids}).ParseFS(files, "*.tmpl"))

// Sentence is one numbered piece of evidence as the model sees it.
type Sentence struct {
	ID                         int
	Holder, Outlet, Date, Text string
	// Disputes names the disputes the sentence is a side of, if any.
	Disputes string
}

// Draft is one account of the offline answer, offered as a hint. It
// carries no holder: holders come from documents, and document text is
// shown only inside the fence.
type Draft struct {
	N      int
	Stance string
	IDs    []int
}

// ComposeData fills the compose prompt.
type ComposeData struct {
	Question  string
	Sentences []Sentence
	Draft     []Draft
	// Fence marks where untrusted text begins and ends; Fence() makes one.
	Fence string
}

// Compose renders the system and user messages of the compose prompt.
func Compose(d ComposeData) (system, user string, err error) {
	return render(ComposeVersion, d)
}

// ComposeSchema is the JSON schema of the compose reply.
func ComposeSchema() json.RawMessage { return schema(ComposeVersion) }

// JudgeData fills the dispute-judge prompt.
type JudgeData struct {
	A, B  string
	Fence string
}

// Judge renders the system and user messages of the dispute-judge prompt.
func Judge(d JudgeData) (system, user string, err error) { return render(JudgeVersion, d) }

// JudgeSchema is the JSON schema of the judge reply.
func JudgeSchema() json.RawMessage { return schema(JudgeVersion) }

func render(version string, data any) (system, user string, err error) {
	name, v, _ := strings.Cut(version, ".")
	var sb, ub bytes.Buffer
	if err := tmpl.ExecuteTemplate(&sb, name+"-system."+v+".tmpl", data); err != nil {
		return "", "", fmt.Errorf("render %s system prompt: %w", version, err)
	}
	if err := tmpl.ExecuteTemplate(&ub, name+"-user."+v+".tmpl", data); err != nil {
		return "", "", fmt.Errorf("render %s user prompt: %w", version, err)
	}
	return sb.String(), ub.String(), nil
}

func schema(version string) json.RawMessage {
	b, err := files.ReadFile(version + ".schema.json")
	if err != nil {
		panic("prompts: missing schema " + version) // embedded: a build error
	}
	return b
}

// Fence names the delimiter of a prompt's untrusted text from a hash of
// that text: deterministic (golden tests, caching) yet impossible for a
// document to spell, since it would have to contain its own hash.
func Fence(texts ...string) string {
	h := sha256.New()
	for _, t := range texts {
		h.Write([]byte(t))
		h.Write([]byte{0})
	}
	return "UNTRUSTED-" + strings.ToUpper(hex.EncodeToString(h.Sum(nil))[:12])
}

// OneLine is s with every run of whitespace (newlines included) made one
// space, so that document text cannot start a line of the prompt.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func ids(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
