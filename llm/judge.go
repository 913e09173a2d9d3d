package llm

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/crosscheck/crosscheck/prompts"
)

// Judge asks a chat model whether two claims contradict, for the claims
// engine's candidate dispute pairs at index time. Verdicts are cached on
// disk by the hash of (model, prompt version, the pair in either order),
// so a re-index judges each pair once, ever.
type Judge struct {
	client *Client
	model  string
	mu     sync.Mutex
	seen   map[string]verdict
	f      *os.File // nil: memory only
}

type verdict struct {
	Key         string `json:"key"`
	Contradicts bool   `json:"contradicts"`
	SameScope   bool   `json:"same_scope"`
}

// judgeFile is the verdict cache in the cache directory: one JSON line
// per verdict, appended.
const judgeFile = "judgements.jsonl"

// NewJudge returns a judge using model through client, caching in dir
// (memory only when dir is empty).
func NewJudge(client *Client, model, dir string) (*Judge, error) {
	j := &Judge{client: client, model: model, seen: map[string]verdict{}}
	if dir == "" {
		return j, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("judgement cache: %w", err)
	}
	p := filepath.Join(dir, judgeFile)
	if f, err := os.Open(p); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var v verdict
			if json.Unmarshal(sc.Bytes(), &v) == nil && v.Key != "" {
				j.seen[v.Key] = v
			}
		}
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("judgement cache: %w", err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("judgement cache: %w", err)
	}
	j.f = f
	return j, nil
}

// Close closes the cache file.
func (j *Judge) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}

// Judge reports whether claims a and b cannot both be true, and whether
// they speak of the same scope (the same thing, time and place). The
// order of a and b does not matter.
func (j *Judge) Judge(ctx context.Context, a, b string) (contradicts, sameScope bool, err error) {
	key := j.key(a, b)
	j.mu.Lock()
	v, ok := j.seen[key]
	j.mu.Unlock()
	if ok {
		return v.Contradicts, v.SameScope, nil
	}
	d := prompts.JudgeData{A: a, B: b, Fence: prompts.Fence(a, b)}
	system, user, err := prompts.Judge(d)
	if err != nil {
		return false, false, err
	}
	var reply struct {
		Contradicts *bool `json:"contradicts"`
		SameScope   *bool `json:"same_scope"`
	}
	if _, err := j.client.ChatJSON(ctx, ChatRequest{Model: j.model, System: system, User: user,
		SchemaName: "crosscheck_judgement", Schema: prompts.JudgeSchema(), MaxTokens: 50}, &reply); err != nil {
		return false, false, err
	}
	if reply.Contradicts == nil || reply.SameScope == nil {
		return false, false, &Error{Kind: KindBadReply, op: "judge", detail: "contradicts or same_scope missing"}
	}
	v = verdict{Key: key, Contradicts: *reply.Contradicts, SameScope: *reply.SameScope}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, dup := j.seen[key]; !dup {
		j.seen[key] = v
		if j.f != nil {
			b, _ := json.Marshal(v)
			if _, err := j.f.Write(append(b, '\n')); err != nil {
				return v.Contradicts, v.SameScope, fmt.Errorf("judgement cache: %w", err)
			}
		}
	}
	return v.Contradicts, v.SameScope, nil
}

func (j *Judge) key(a, b string) string {
	if b < a {
		a, b = b, a
	}
	h := sha256.New()
	for _, s := range []string{j.model, prompts.JudgeVersion, a, b} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
