package answer

import (
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/prompts"
)

// Why a citation or account of a model's reply is dropped.
const (
	dropUnknownID    = "unknown_id"    // an id that was not in the prompt
	dropTextMismatch = "text_mismatch" // quote text that is not the cited sentence
	dropDuplicate    = "duplicate"     // a sentence cited twice
	dropEmptyAccount = "empty_account" // an account left without quotes
	dropLeak         = "leak"          // model wording that repeats the prompt
	dropInjection    = "injection"     // model wording that repeats a sentence addressed to it
)

// maxModelText bounds a position or summary the model writes.
const maxModelText = 400

var errNothingCited = errors.New("chat: the reply cited no sentence it was shown")

// build checks the model's reply against the evidence and turns it into
// an answer: only ids that were sent, only quote text that is the cited
// sentence, no account without quotes; offline accounts the model left
// out come back.
func (m *ModelComposer) build(ev *Evidence, sent map[int]*EvidenceSentence, r *modelReply, system string) (*Answer, error) {
	off := ev.Offline
	leak := newRunCheck(system)
	var injected []string
	for _, s := range sent {
		if addressesModel(s.Quote.Text) {
			injected = append(injected, s.Quote.Text)
		}
	}
	obeys := newRunCheck(injected...)
	used := map[int]bool{}
	var accounts []Account
	newIndex := make([]int, len(r.Accounts)) // reply account → answer account, -1 if dropped
	for i, ma := range r.Accounts {
		newIndex[i] = -1
		var quotes []Quote
		var holders []string
		for _, c := range ma.Quotes {
			s := sent[c.ID]
			switch {
			case s == nil:
				m.drop(dropUnknownID, c.ID)
				continue
			case c.Text != "" && prompts.OneLine(c.Text) != prompts.OneLine(s.Quote.Text):
				m.drop(dropTextMismatch, c.ID)
				continue
			case used[c.ID]:
				m.drop(dropDuplicate, c.ID)
				continue
			}
			used[c.ID] = true
			quotes = append(quotes, s.Quote)
			holders = append(holders, s.Holder)
		}
		if len(quotes) == 0 {
			m.drop(dropEmptyAccount, 0)
			continue
		}
		position, stance := modelText(ma.Position), validStance(ma.Stance)
		switch {
		case leak(position):
			m.drop(dropLeak, 0)
			position = ""
		case obeys(position):
			m.drop(dropInjection, 0)
			position = ""
		}
		if st, ok := offlineStance(off, quotes); ok {
			stance = st
		}
		newIndex[i] = len(accounts)
		accounts = append(accounts, Account{Holder: pickHolder(ma.Holder, holders), Position: position, PositionBy: positionBy(position),
			Stance: stance, Quotes: quotes, ConflictsWith: []int{}})
	}
	if len(accounts) == 0 {
		return nil, errNothingCited
	}
	for i, ma := range r.Accounts {
		if newIndex[i] < 0 {
			continue
		}
		for _, j := range ma.ConflictsWith {
			if j >= 0 && j < len(newIndex) && newIndex[j] >= 0 {
				link(accounts, newIndex[i], newIndex[j])
			}
		}
	}
	accounts = m.splitSides(accounts, ev)
	accounts = addBack(accounts, off, quoteIDs(ev), used)
	ans := m.stamp(off, true)
	ans.Accounts = accounts
	ans.Summary = modelText(r.Summary)
	switch {
	case leak(ans.Summary):
		m.drop(dropLeak, 0)
		ans.Summary = off.Summary
	case obeys(ans.Summary):
		m.drop(dropInjection, 0)
		ans.Summary = off.Summary
	case ans.Summary == "":
		ans.Summary = off.Summary
	}
	return ans, nil
}

func (m *ModelComposer) drop(reason string, id int) {
	m.dropped.WithLabelValues(reason).Inc()
	m.cfg.Logger.Info("dropped part of the model's answer", "reason", reason, "sentence", id)
}

// addBack returns accounts with the offline accounts that the model left
// out appended, and the offline quotes it left out of accounts it did
// use put back into them: the model may regroup and reword, but it never
// shows less evidence than the offline engine. Offline conflicts are kept.
func addBack(accounts []Account, off *Answer, ids map[qkey]int, used map[int]bool) []Account {
	where := map[qkey]int{} // quote → answer account
	for i, a := range accounts {
		for _, q := range a.Quotes {
			where[quoteKey(q)] = i
		}
	}
	home := make([]int, len(off.Accounts)) // offline account → answer account
	for i, acc := range off.Accounts {
		home[i] = -1
		for _, q := range acc.Quotes {
			if j, ok := where[quoteKey(q)]; ok {
				home[i] = j
				break
			}
		}
		if home[i] < 0 {
			home[i] = len(accounts)
			accounts = append(accounts, Account{Holder: acc.Holder, Position: acc.Position, Stance: acc.Stance, ConflictsWith: []int{}})
		}
		for _, q := range acc.Quotes {
			k := quoteKey(q)
			if _, ok := where[k]; ok {
				continue
			}
			if id, ok := ids[k]; ok && used[id] {
				continue
			}
			where[k] = home[i]
			accounts[home[i]].Quotes = append(accounts[home[i]].Quotes, q)
		}
	}
	for i, acc := range off.Accounts {
		for _, j := range acc.ConflictsWith {
			if j >= 0 && j < len(home) {
				link(accounts, home[i], home[j])
			}
		}
	}
	return accounts
}

// splitSides keeps apart what must not share an account: sentences on
// different sides of one dispute, or from offline accounts that conflict.
// A model account that merges them keeps its first side; each other side
// becomes an account of its own, marked as conflicting with it, with the
// offline account's holder, stance and position.
func (m *ModelComposer) splitSides(accounts []Account, ev *Evidence) []Account {
	side := sideOf(ev)
	off := ev.Offline
	n := len(accounts)
	for i := 0; i < n; i++ {
		var buckets [][]Quote
		for _, q := range accounts[i].Quotes {
			placed := false
			for b := range buckets {
				if !clashesWith(side, off, q, buckets[b]) {
					buckets[b] = append(buckets[b], q)
					placed = true
					break
				}
			}
			if !placed {
				buckets = append(buckets, []Quote{q})
			}
		}
		if len(buckets) < 2 {
			continue
		}
		m.cfg.Logger.Info("model account merged conflicting sides; split", "accounts", len(buckets))
		accounts[i].Quotes = buckets[0]
		for _, b := range buckets[1:] {
			acc := Account{Holder: side[quoteKey(b[0])].holder, Stance: Context, ConflictsWith: []int{}, Quotes: b}
			if o := side[quoteKey(b[0])].account; o >= 0 {
				acc.Holder, acc.Stance, acc.Position = off.Accounts[o].Holder, off.Accounts[o].Stance, off.Accounts[o].Position
			}
			accounts = append(accounts, acc)
			link(accounts, i, len(accounts)-1)
		}
	}
	return accounts
}

// sideInfo is where a quote stands: its offline account (-1 if none),
// its side in each dispute, its holder.
type sideInfo struct {
	account int
	sides   map[string]int
	holder  string
}

func sideOf(ev *Evidence) map[qkey]sideInfo {
	out := map[qkey]sideInfo{}
	for _, s := range ev.Sentences {
		si := sideInfo{account: -1, sides: map[string]int{}, holder: s.Holder}
		for i, d := range s.Disputes {
			if i < len(s.Side) {
				si.sides[d] = s.Side[i]
			}
		}
		out[quoteKey(s.Quote)] = si
	}
	for i, acc := range ev.Offline.Accounts {
		for _, q := range acc.Quotes {
			si, ok := out[quoteKey(q)]
			if !ok {
				si = sideInfo{sides: map[string]int{}, holder: acc.Holder}
			}
			si.account = i
			out[quoteKey(q)] = si
		}
	}
	return out
}

// clashesWith reports whether q may not share an account with any of qs.
func clashesWith(side map[qkey]sideInfo, off *Answer, q Quote, qs []Quote) bool {
	a := side[quoteKey(q)]
	for _, o := range qs {
		b := side[quoteKey(o)]
		for d, s := range a.sides {
			if t, ok := b.sides[d]; ok && t != s {
				return true
			}
		}
		if a.account >= 0 && b.account >= 0 && a.account != b.account {
			for _, j := range off.Accounts[a.account].ConflictsWith {
				if j == b.account {
					return true
				}
			}
		}
	}
	return false
}

// link marks accounts i and j as conflicting, both ways, once.
func link(accounts []Account, i, j int) {
	if i == j {
		return
	}
	add := func(a, b int) {
		for _, x := range accounts[a].ConflictsWith {
			if x == b {
				return
			}
		}
		accounts[a].ConflictsWith = append(accounts[a].ConflictsWith, b)
	}
	add(i, j)
	add(j, i)
}

// pickHolder keeps the model's holder when it names one of the cited
// sentences' holders; otherwise attribution comes from the evidence, not
// from the model.
func pickHolder(model string, cited []string) string {
	for _, h := range cited {
		if strings.EqualFold(strings.TrimSpace(model), h) {
			return h
		}
	}
	count := map[string]int{}
	best := cited[0]
	for _, h := range cited {
		count[h]++
		if count[h] > count[best] {
			best = h
		}
	}
	return best
}

func validStance(s string) Stance {
	switch st := Stance(strings.ToLower(strings.TrimSpace(s))); st {
	case Affirms, Denies, Qualifies, Context:
		return st
	}
	return Context
}

// modelText is model wording made one short line.
func modelText(s string) string {
	s = prompts.OneLine(s)
	if len(s) <= maxModelText {
		return s
	}
	cut := maxModelText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// instructionRe matches text that addresses a model rather than a
// reader: the usual openings of a prompt injection.
var instructionRe = regexp.MustCompile(`(?i)\b(ignore|disregard|forget)\b.{0,30}\b(instructions|prompt|rules)\b|\b(system|your) prompt\b|\byou are now\b|\bas an ai\b`)

// addressesModel reports whether a sentence speaks to a model.
func addressesModel(text string) bool { return instructionRe.MatchString(text) }

// offlineStance is the offline stance of quotes that include a sentence
// addressed to a model: for those, the model's judgement may be the
// document's doing, so the rule-based one stands.
func offlineStance(off *Answer, quotes []Quote) (Stance, bool) {
	for _, q := range quotes {
		if !addressesModel(q.Text) {
			continue
		}
		for _, acc := range off.Accounts {
			for _, oq := range acc.Quotes {
				if quoteKey(oq) == quoteKey(q) {
					return acc.Stance, true
				}
			}
		}
		return Context, true
	}
	return "", false
}

// leakWords is the length of a run of the system prompt's words that, if
// found in model wording, means the prompt is being repeated: long enough
// that no answer about the news says it by chance.
const leakWords = 6

// newRunCheck reports whether text repeats leakWords consecutive words of
// one of sources (the system prompt, a sentence addressed to the model),
// or names the prompt's fence.
func newRunCheck(sources ...string) func(string) bool {
	runs := map[string]bool{}
	for _, src := range sources {
		words := strings.Fields(strings.ToLower(src))
		for i := 0; i+leakWords <= len(words); i++ {
			runs[strings.Join(words[i:i+leakWords], " ")] = true
		}
	}
	return func(text string) bool {
		if strings.Contains(text, "UNTRUSTED-") {
			return true
		}
		w := strings.Fields(strings.ToLower(text))
		for i := 0; i+leakWords <= len(w); i++ {
			if runs[strings.Join(w[i:i+leakWords], " ")] {
				return true
			}
		}
		return false
	}
}

// positionBy marks a position the model worded.
func positionBy(position string) string {
	if position == "" {
		return ""
	}
	return "model"
}
