package bot

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/answer"
)

// followKind is what a follow-up in an answered thread asks of the last
// answer there.
type followKind int

const (
	// followSources: "source?", "who said that?" — where the last answer
	// came from.
	followSources followKind = iota + 1
	// followNarrow: "and what did the embassy say?" — one holder's account
	// of the last answer.
	followNarrow
	// followExpand: "more on the CIA part" — one account, with the
	// passages around its quotes.
	followExpand
	// followDisputes: "is that disputed?" — the corpus disputes the last
	// answer showed, whole.
	followDisputes
)

func (k followKind) String() string {
	switch k {
	case followSources:
		return "sources"
	case followNarrow:
		return "narrow"
	case followExpand:
		return "expand"
	case followDisputes:
		return "disputes"
	}
	return "none"
}

// followUp is a message read against the thread's last answer.
type followUp struct {
	kind    followKind
	account int // index into the last answer's accounts (narrow, expand)
}

// The forms are anchored and short on purpose: a message that is a new
// question in its own right ("did the raid happen at dawn?") must go to
// the engine as today, so only what cannot be read without the last answer
// is taken as a follow-up, and a holder or part must match an account of
// that answer.
var (
	sourcesForms = regexp.MustCompile(`^(?:` +
		`(?:what(?:'s| is| are| was| were) (?:the |your )?)?(?:source|sources|link|links|citation|citations|reference|references)(?: for (?:that|this|it))?` +
		`|(?:any|got a|got any|give me the|show me the) (?:source|sources|link|links)(?: for (?:that|this|it))?` +
		`|(?:who|which outlet|which paper|which source|which sources) (?:said|says|say|reported|reports|wrote|writes|claimed|claims) (?:that|this|it|so)` +
		`|says who|according to (?:whom|who)` +
		`|where (?:is|does|did|do) (?:that|this|it|these|those) (?:come from|from)` +
		`|where did you (?:get|find|read) (?:that|this|it)` +
		`|how do you know(?: that| this)?` +
		`)$`)
	narrowForms = []*regexp.Regexp{
		regexp.MustCompile(`^(?:what|how) (?:did|does|do|has|have|had) (.+?) (?:say|said|think|claim|respond|react|reply|answer|tell|state|reported|report)(?: about (?:it|that|this|them))?(?: to (?:it|that|this))?$`),
		regexp.MustCompile(`^(?:what|how) about (.+)$`),
		regexp.MustCompile(`^(.+?)(?:'s|s')? (?:view|side|account|position|version|take|story|response|answer)$`),
	}
	// andForm is "and the embassy?": only a name, after "and".
	andForm       = regexp.MustCompile(`^and (.+)$`)
	disputesForms = regexp.MustCompile(`^(?:` +
		`(?:is|was|are|were) (?:that|this|it|these|those|any of (?:that|this|it)) (?:disputed|contested|contradicted|denied)` +
		`|(?:what|which) (?:is|are|was|were) the (?:dispute|disputes|disagreement|disagreements|conflict|conflicts)` +
		`|who (?:disagrees|disputes|contradicts|denies) (?:that|this|it)` +
		`|(?:show|list) (?:me )?the (?:dispute|disputes)` +
		`|(?:any )?(?:dispute|disputes|disagreement|disagreements)` +
		`)$`)
	expandForms = regexp.MustCompile(`^(?:tell me |say |give me |show me |i want |can you say |can you give me |can i have |can i get )?` +
		`(?:more|expand|elaborate|details|more details|more detail) (?:on|about|of|regarding|for) (.+?)` +
		`(?: part| bit| account| side| one| claim| piece| point| quote| quotes)?$`)
	politeness    = regexp.MustCompile(`\b(?:please|pls|plz)\b`)
	leadingFiller = regexp.MustCompile(`^(?:(?:ok|okay|wait|hm+|hmm+|sorry|thanks|cool|and so|so|but|also|ah|oh|right)\b[,.!]?\s*)+`)
)

// readFollowUp reads text against the last answer of its thread; false
// means it is a question of its own.
func readFollowUp(text string, last *answer.Answer) (followUp, bool) {
	n := normalizeFollowUp(text)
	if n == "" || last == nil {
		return followUp{}, false
	}
	if sourcesForms.MatchString(n) {
		return followUp{kind: followSources}, true
	}
	if disputesForms.MatchString(n) {
		return followUp{kind: followDisputes}, true
	}
	if len(last.Accounts) == 0 {
		return followUp{}, false
	}
	if m := expandForms.FindStringSubmatch(n); m != nil {
		if isDeictic(m[1]) {
			return followUp{kind: followExpand, account: 0}, true
		}
		if i, ok := matchAccount(m[1], last, true); ok {
			return followUp{kind: followExpand, account: i}, true
		}
		return followUp{}, false
	}
	rest, hadAnd := strings.CutPrefix(n, "and ")
	for _, re := range narrowForms {
		if m := re.FindStringSubmatch(rest); m != nil {
			if i, ok := matchAccount(m[1], last, false); ok {
				return followUp{kind: followNarrow, account: i}, true
			}
			return followUp{}, false
		}
	}
	if m := andForm.FindStringSubmatch(n); m != nil && hadAnd {
		// Only a name: every word of it must name the holder.
		if i, ok := matchAccount(m[1], last, false); ok && len(contentWords(m[1])) <= 4 && allWordsName(m[1], last, i) {
			return followUp{kind: followNarrow, account: i}, true
		}
	}
	return followUp{}, false
}

// normalizeFollowUp lower-cases, drops the fillers a follow-up starts with
// ("wait, who said that?") and the punctuation it ends with.
func normalizeFollowUp(text string) string {
	n := strings.ToLower(strings.Join(strings.Fields(text), " "))
	n = strings.NewReplacer("’", "'", "‘", "'").Replace(n)
	n = politeness.ReplaceAllString(n, "")
	n = strings.TrimRight(strings.TrimSpace(n), "?!.…, ")
	n = leadingFiller.ReplaceAllString(n, "")
	return strings.TrimSpace(strings.Join(strings.Fields(n), " "))
}

func isDeictic(s string) bool {
	switch strings.TrimPrefix(s, "the ") {
	case "that", "this", "it", "that one", "this one", "first", "first one":
		return true
	}
	return false
}

// followStop are words that say nothing about who or what.
var followStop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "to": true, "and": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "about": true, "from": true, "for": true,
	"part": true, "bit": true, "side": true, "account": true, "their": true, "his": true, "her": true, "its": true,
}

// contentWords are the folded words of s that can name something.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 2 || followStop[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// sameWord matches a word in the question with one in an account, allowing
// plurals and possessives ("embassy" / "embassy's", "agents" / "agent").
func sameWord(q, a string) bool {
	if q == a {
		return true
	}
	trim := func(w string) string {
		w = strings.TrimSuffix(w, "'s")
		if len(w) > 3 {
			w = strings.TrimSuffix(w, "s")
		}
		return w
	}
	return trim(q) == trim(a)
}

// accountNames are the words naming account i: its holder and the speakers
// of its quotes; with content, also its position and quotes.
func accountWords(acc *answer.Account, content bool) []string {
	parts := []string{acc.Holder}
	for _, q := range acc.Quotes {
		parts = append(parts, q.Speaker)
		if content {
			parts = append(parts, q.Text)
		}
	}
	if content {
		parts = append(parts, acc.Position)
	}
	return contentWords(strings.Join(parts, " "))
}

// matchAccount finds the account of last that who names: the one with the
// most of who's words among its names (or, with content, its position and
// quotes), at least half of them. Ties go to the earlier account, which
// the engine ranked higher.
func matchAccount(who string, last *answer.Answer, content bool) (int, bool) {
	want := contentWords(who)
	if len(want) == 0 {
		return 0, false
	}
	best, bestScore := -1, 0
	for i := range last.Accounts {
		words := accountWords(&last.Accounts[i], false)
		if content {
			words = append(words, accountWords(&last.Accounts[i], true)...)
		}
		score := 0
		for _, w := range want {
			for _, a := range words {
				if sameWord(w, a) {
					score++
					break
				}
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 || 2*bestScore < len(want) {
		return 0, false
	}
	return best, true
}

// allWordsName reports whether every content word of s names account i's
// holder or speakers ("and the embassy?" yes, "and the raid at dawn?" no).
func allWordsName(s string, last *answer.Answer, i int) bool {
	names := accountWords(&last.Accounts[i], false)
	for _, w := range contentWords(s) {
		found := false
		for _, a := range names {
			if sameWord(w, a) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// followUp answers a follow-up from the thread's context alone: no search,
// so it is immediate and never waits in line.
func (s *Server) followUp(ctx context.Context, q question, tc *threadContext, f followUp, log *slog.Logger) {
	var pg page
	switch f.kind {
	case followSources:
		pg = renderThreadSources(tc)
	case followNarrow:
		na := narrowed(tc, f.account)
		ra := s.remember(na, q.user, q.channel, log)
		pg = renderAnswer(na, view{AnswerID: ra.ID, Sources: s.cfg.Library.Len()}, 0)
	case followExpand:
		pg = renderExpanded(tc, f.account, s.cfg.Library)
	case followDisputes:
		pg = s.answerDisputes(ctx, tc, log)
	}
	log.Info("follow-up answered from thread context", "kind", f.kind.String())
	s.metrics.questions.WithLabelValues(q.route, outcomeFollowUp).Inc()
	if s.showText(ctx, q, pg, log) {
		s.settle(q, log)
	}
}

// answerDisputes shows the corpus disputes the thread's last answer
// brought in (answer.Answer.Disputes), whole, as /disputes lists them.
func (s *Server) answerDisputes(ctx context.Context, tc *threadContext, log *slog.Logger) page {
	if len(tc.Answer.Disputes) == 0 {
		return textPage(fmt.Sprintf("My last answer here (to “%s”) shows no recorded dispute between the documents. Its accounts are above; ask for the sources to check them.", mrkdwn(truncate(tc.Question, 300))))
	}
	if s.cfg.Disputer == nil {
		return textPage("Dispute detection is not switched on in this version of crosscheck, so I can't show the disputes.")
	}
	all, err := s.disputes(ctx, "")
	if err != nil {
		log.Error("list disputes", "err", err)
		return textPage(":warning: I could not list the disputes just now (the details are in crosscheck's log). Please try again in a minute.")
	}
	want := map[string]bool{}
	for _, id := range tc.Answer.Disputes {
		want[id] = true
	}
	var shown []answer.Dispute
	for _, d := range all {
		if want[d.ID] {
			shown = append(shown, d)
		}
	}
	return renderDisputes(shown, "")
}
