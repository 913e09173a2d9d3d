package corpus

import (
	"bytes"
	"github.com/crosscheck/crosscheck/lexicon"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/lang"
)

// Polarity is how a claim stands toward what it says.
type Polarity uint8

const (
	Asserted     Polarity = iota // "the ferry was overloaded"
	Denied                       // "the ferry was not overloaded", "X denied that …"
	Hedged                       // "allegedly", "may have"
	Hypothetical                 // "If the gate had been opened, …" asserts nothing
)

func (p Polarity) String() string {
	return [...]string{"asserted", "denied", "hedged", "hypothetical"}[p]
}

// Claim is one holder's statement: one quotable sentence, who holds it, what
// it is about and how it stands. Claims are extracted when the corpus is
// indexed; disputes are found among them (see FindDisputes).
type Claim struct {
	DocID      string
	Sentence   int // index into the document's Sentences
	Start, End int // Raw[Start:End] is the sentence
	// Holder is who makes the claim: the attributed speaker, else the
	// source (author, outlet or title). Speaker is "" in the source's voice.
	Holder, Speaker string
	Published       string
	// Names are the entity keys the claim is about, resolved through the
	// corpus's Entities ("ice", "united states").
	Names []string
	// Words are the lemmas of its content words outside names, in order:
	// its predicate and arguments ("lead", "raid", "overloaded").
	Words    []string
	Polarity Polarity
	// Negated are the lemmas a negation or a denial governs ("no ICE agents
	// operated" → agent, operate; "rejected that troops took part" → troop,
	// take, part), NegNames the names there: what a denial denies. NegHeads
	// are the first words after each negation ("no squall" → squall).
	Negated, NegNames, NegHeads []string
	// Excluded are the lemmas a contrast rules out while the claim stays
	// asserted: "a faulty valve caused the fire, not lightning" →
	// lightning.
	Excluded []string
	// Preds are the lemmas of Words used as predicates in this sentence: a
	// verb form or an adjective, what is said of the subject.
	Preds []string
	// Rebuts is set when the claim calls another statement false
	// ("rejected", "denied the report", "That is just not true"); Targets
	// are the entity keys whose statements it rebuts, when it names them.
	Rebuts  bool
	Targets []string
	// Values are the figures it states, each with its unit and scope; Agents
	// who it says led or did the act; Causes what it says caused it.
	Values []Value
	// NotValues are figures the claim rules out: "seven, not the five
	// announced by the agency" → five.
	NotValues []Value
	Agents    []string
	Causes    []string
	// AgentText is the first agent as written ("Mexican authorities");
	// CauseText the first cause's nouns ("lightning strike").
	AgentText, CauseText string
	// NotCauses are causes the claim denies: "rejected the suggestion
	// that repairs were to blame" → repair.
	NotCauses []string
	// Effects are what the claim says its causes caused ("the breach" of
	// "blamed the breach on an earthquake"): causes of different effects
	// are no rival accounts.
	Effects []string
	// Trend is +1 when the claim says something grows or improves, -1
	// when it says it shrinks or worsens ("ties will remain strained");
	// TrendOf is the lemma of what ("tie"), Future whether it is a
	// forecast.
	Trend   int8
	TrendOf []string
	Future  bool
	// TrendPast is set for a trend told in the simple past: "prices rose
	// in January".
	TrendPast bool
	// Open is set when the claim says the matter is not yet known: "it
	// was too soon to say what had caused the derailment".
	Open bool
	// Consent is +1 when the claim says ConsentBy asks for or lets in
	// ConsentOf ("requested U.S. assistance"), -1 when it keeps it out
	// ("would not permit U.S. agents"); both are entity keys.
	Consent              int8
	ConsentBy, ConsentOf string
	ConsentText          string // ConsentOf as written: "U.S."
	// Contradicted counts the claims this one is in conflict with: the
	// statement most contradicted is what a dispute is about.
	Contradicted int
	// actor is the name before the sentence's stance verb ("The operator,
	// Tidewell Lines, blamed …"): the holder when no speech is reported.
	actor string
}

// Value is one figure of a claim.
type Value struct {
	Num  float64
	Text string // as written: "seven", "57,000"
	// Unit is the lemma of the noun it counts ("people", "lab"); Scope the
	// time or part it covers ("night", "total", "since feb 18"), "" when
	// the sentence does not say.
	Unit, Scope string
	// Event is what befell what it counts ("die", "injure", "carry"),
	// the verb of its clause; "" when the clause has none. Figures of
	// different events count different things.
	Event string
}

// Label says a figure for a reader: "4 people (on the night)", "7 (in all)".
func (v Value) Label() string {
	n := strconv.FormatFloat(v.Num, 'f', -1, 64)
	if v.Num >= 10000 {
		n = v.Text
	}
	out := strings.TrimSpace(n + " " + v.Unit)
	if s := scopeText(v.Scope); s != "" {
		out += " (" + s + ")"
	}
	return out
}

// scopeText says a scope in words.
func scopeText(scope string) string {
	switch {
	case scope == "":
		return ""
	case scope == "night":
		return "on the night"
	case scope == "total":
		return "in all"
	case scope == "part":
		return "a part of them"
	case scope == "event":
		return "in one event"
	case scope == "later":
		return "later"
	case strings.HasPrefix(scope, "day "):
		return "on " + titleCase(strings.TrimPrefix(scope, "day "))
	}
	return scope
}

// Claim cues. Each list holds folded lower-case words; they are the
// grammar of stance in English news and transcripts, not words of any
// corpus.
var (
	negations    = setOf("no", "not", "never", "none", "nobody", "nothing", "neither", "nor", "n't", "cannot", "without")
	denyVerbs    = setOf("deny", "denied", "denies", "denying", "reject", "rejected", "rejects", "rejecting", "dismiss", "dismissed", "dismisses", "refute", "refuted", "refutes", "dispute", "disputed", "disputes", "contradict", "contradicted", "contradicts", "debunk", "debunked", "rebut", "rebutted", "disavow", "disavowed")
	falseWords   = setOf("false", "untrue", "incorrect", "inaccurate", "wrong", "misleading", "baseless", "unfounded", "fabricated", "lie", "lies", "fake", "bogus")
	notTrue      = setOf("true", "correct", "accurate")
	pronounWords = setOf("it", "he", "she", "they", "this", "that", "which", "who")
	hedges       = setOf("allegedly", "reportedly", "apparently", "possibly", "perhaps", "may", "might", "could", "likely", "unlikely", "suspected", "rumored", "rumoured", "speculation", "unconfirmed")
	// references to a statement: "denied the report by X", "X's post".
	statementNouns = setOf("report", "reports", "post", "posts", "statement", "statements", "claim", "claims", "account", "accounts", "publication", "version", "allegation", "allegations", "suggestion", "assertion", "story", "language", "information", "message", "announcement")
	leadWords      = setOf("led", "lead", "leads", "leading", "spearheaded", "spearhead", "spearheading", "headed", "directed", "commanded", "leadership")
	causeWords     = setOf("caused", "cause", "causes", "source", "culprit", "explanation", "reason", "blamed", "blame", "blames", "triggered", "because", "due", "result", "resulted", "attributed", "pointed", "points", "weakened", "undermined", "damaged", "eroded", "destabilised", "destabilized")
	damageWords    = setOf("weakened", "undermined", "damaged", "eroded", "destabilised", "destabilized")
)

// scopeWords mark the time a figure covers, partWords the part of a whole
// it counts. The key is the scope a figure takes when the word stands in
// its clause; a time word wins over a part word ("two workers died
// overnight" is a night's figure).
var (
	scopeWords = map[string]string{
		"overnight": "night", "night": "night", "tonight": "night", "evening": "night",
		"total": "total", "all": "total", "overall": "total", "toll": "total", "cumulative": "total", "altogether": "total",
		"risen": "total", "rose": "total", "climbed": "total",
		"since": "since", "by": "by", "within": "within", "first": "within",
		"later": "later", "weekend": "weekend",
		"today": "day", "yesterday": "day", "morning": "day",
		"week": "week", "month": "month", "months": "month", "year": "year", "years": "year",
		// one event, against a running total
		"during": "event", "raid": "event", "operation": "event", "attack": "event", "incident": "event", "crash": "event",
	}
	partWords = map[string]string{"employees": "part", "workers": "part", "staff": "part", "members": "part", "children": "part", "women": "part"}
)

// extractClaims reads the claims of one document. Boilerplate, headings,
// questions (an interviewer's included) and transcript labels are not
// claims; a transcript line "NAME: text" is NAME's claim.
func extractClaims(d *Document, ents *Entities) []Claim {
	var out []Claim
	source := d.SourceName()
	label := "" // the transcript label of the current line
	for si, s := range d.Sentences {
		text := s.Text
		if si == 0 || bytes.IndexByte(d.Raw[d.Sentences[si-1].End:s.Start], '\n') >= 0 {
			label = ""
		}
		start := s.Start
		if l, rest, ok := transcriptLabel(text); ok {
			label, text = l, rest
			start = s.End - len(rest) - trailingSpace(s.Text)
		}
		if s.Boilerplate || isInterviewer(label) || !isClaimSentence(d, si, text) {
			continue
		}
		holder, speaker := source, s.Speaker
		switch g := groupSubject(text, ents); {
		case label != "":
			speaker = label
		case g != "":
			speaker = g
		case speaker == "" && bodySubject(text, ents) != "":
			// "The electoral commission said …", which reported-speech
			// attribution, looking for names, did not resolve.
			speaker = bodySubject(text, ents)
			if issuer := issuerOf(d, si, speaker, out); issuer != "" {
				speaker = issuer
			}
		case (speaker == "" || strings.HasPrefix(text, "They ")) && si > 0 && startsWithPronoun(text) && !hasBlankLine(d.Raw[d.Sentences[si-1].End:s.Start]) && len(out) > 0 && out[len(out)-1].Sentence == si-1:
			// "They said …" after "Engineers at the board said …".
			speaker = out[len(out)-1].Speaker
		case speaker == "" && si > 0 && startsWithPronoun(text) && !hasBlankLine(d.Raw[d.Sentences[si-1].End:s.Start]):
			// "She blamed the breach on an earthquake.": the pronoun is
			// whoever the sentence before quoted, though "blamed" is no
			// verb of speech — unless that one's name says otherwise.
			if prev := d.Sentences[si-1].Speaker; pronounFits(text, prev) {
				speaker = prev
			}
		}
		if speaker != "" {
			holder = speaker
		}
		c := Claim{DocID: d.ID, Sentence: si, Start: start, End: s.End, Holder: holder, Speaker: speaker, Published: d.Published}
		readClaim(&c, text, ents)
		if speaker == "" && c.actor != "" {
			// "The operator, Tidewell Lines, blamed a squall": no verb of
			// speech, but a stance, and its subject holds it.
			c.Speaker, c.Holder = c.actor, c.actor
		}
		if c.Rebuts && len(c.Words) <= 3 && len(c.Names) == 0 {
			// "That is just not true.": the statement it rebuts is the one
			// before it, whose names and words it takes as its own.
			if p, ok := previousStatement(d, si, ents); ok {
				c.Names = appendUnique(c.Names, p.Names...)
				c.Words = append(c.Words, p.Words...)
				c.Preds = appendUnique(c.Preds, p.Preds...)
				if p.Polarity == Denied && c.Polarity == Denied {
					// "The company says nothing leaked." — "That is just
					// not true.": rejecting a denial asserts what it
					// denied.
					c.Polarity = Asserted
				} else {
					c.Negated = appendUnique(c.Negated, p.Words...)
				}
				// Its causes and agents are what it rejects, not its own.
				c.Targets = appendUnique(c.Targets, p.Targets...)
			}
		}
		if len(c.Words) == 0 && len(c.Names) == 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// groupSubject is the subject of "Engineers at the state water board said
// …": a sentence that opens with a plural common noun and reports speech
// within a few words. Reported-speech attribution names people and
// organisations; this names the groups news quotes without a name.
func groupSubject(t string, ents *Entities) string {
	ws := strings.Fields(t)
	if len(ws) < 3 {
		return ""
	}
	// The plural noun heads the subject within its first three words:
	// "Engineers …", "The owners …", "Café owners in Kesh …".
	head := -1
	for k := 0; k < min(3, len(ws)); k++ {
		w := strings.ToLower(strings.Trim(ws[k], ",.;:"))
		if strings.HasSuffix(w, "s") && !lang.IsStopword(w) && ents.isNoun(w) && ents.lemma(w) != w && !timeNouns[w] {
			head = k
			break
		}
		if k > 0 && !ents.isAdjective(w) && !isCapitalised(ws[k]) {
			return ""
		}
	}
	if head < 0 {
		return ""
	}
	for k := head + 1; k < len(ws) && k <= head+7; k++ {
		switch strings.ToLower(strings.Trim(ws[k], ",")) {
		case "said", "say", "says", "told", "claimed", "insisted", "argued", "warned", "added":
			// "Greyscar Aggregates has said …": the auxiliary is no part
			// of who speaks.
			end := k
			for end > head+1 && speechAux[strings.ToLower(ws[end-1])] {
				end--
			}
			return strings.Join(ws[:end], " ")
		}
	}
	return ""
}

// speechAux stand between a speaker and a verb of speech.
var speechAux = setOf("has", "have", "had", "also", "again", "later", "previously", "repeatedly", "publicly")

// bodySubject is the subject of "The electoral commission said …": "The",
// up to two modifiers and a common noun, right before a verb of speech.
func bodySubject(t string, ents *Entities) string {
	ws := strings.Fields(t)
	if len(ws) < 3 || ws[0] != "The" {
		return ""
	}
	for k := 2; k < len(ws) && k <= 4; k++ {
		switch strings.ToLower(strings.Trim(ws[k], ",")) {
		case "said", "says", "told", "claimed", "insisted", "argued", "warned", "added", "announced", "stated":
			h := k - 1
			if h > 1 && (ws[h] == "also" || ws[h] == "further") {
				h-- // "The letter also added"
			}
			head := strings.ToLower(ws[h])
			if head != strings.ToLower(head) || !ents.isNoun(head) || lang.IsStopword(head) {
				return ""
			}
			return strings.Join(ws[:h+1], " ")
		}
	}
	return ""
}

// docNouns are things that speak only for whoever issued them: "The
// post added …", "The letter said …".
var docNouns = setOf("post", "statement", "letter", "message", "release", "tweet", "communique",
	"memo", "note", "notice", "publication", "announcement", "bulletin", "filing", "email")

// issuerOf returns who issued the document a body subject names ("The
// post added …" after "the official account of ICE posted that …"): the
// speaker of the nearest claim of the last few sentences that writes the
// noun, else of the nearest claim with a speaker; "" when the subject is no
// such noun or no one spoke before it.
func issuerOf(d *Document, si int, subject string, before []Claim) string {
	ws := strings.Fields(subject)
	noun := strings.ToLower(ws[len(ws)-1])
	if !docNouns[noun] || len(ws) > 2 {
		return "" // "The annual report": a holder of its own
	}
	nearest := ""
	for k := len(before) - 1; k >= 0 && si-before[k].Sentence <= issuerLookback; k-- {
		c := before[k]
		if c.Speaker == "" || docNouns[strings.ToLower(lastWord(c.Speaker))] {
			continue
		}
		if slices.ContainsFunc(strings.Fields(strings.ToLower(string(d.Raw[c.Start:c.End]))), func(w string) bool {
			return strings.Trim(w, ".,;:\"'“”’") == noun || strings.TrimSuffix(strings.Trim(w, ".,;:\"'“”’"), "ed") == noun
		}) {
			return c.Speaker
		}
		if nearest == "" {
			nearest = c.Speaker
		}
	}
	return nearest
}

// issuerLookback is how many sentences back a document noun's issuer is
// looked for: a story names the statement's author just before quoting
// it.
const issuerLookback = 4

func lastWord(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// timeNouns open a sentence without being its subject ("Two weeks later,
// officials said").
var timeNouns = setOf("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "times")

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// trailingSpace is how many bytes of space end t (none, for a sentence).
func trailingSpace(t string) int { return len(t) - len(strings.TrimRight(t, " \t\r\n")) }

// pronounFits reports whether the pronoun opening t can stand for name:
// "she" not for a man's first name, "he" not for a woman's.
func pronounFits(t, name string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(t), " ")
	g := givenGender(strings.Fields(name))
	switch strings.ToLower(w) {
	case "she":
		return g != 'm'
	case "he":
		return g != 'f'
	}
	return true
}

func startsWithPronoun(t string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(t), " ")
	switch strings.ToLower(w) {
	case "he", "she", "they":
		return true
	}
	return false
}

// Quotable reports whether sentence si may be quoted as an account: not
// boilerplate, not a question, not an interviewer's line, not the title
// repeated as the document's first line. Unlike a claim, it may be a
// heading-like line ("Population: 459"): scraped pages state facts so.
func Quotable(d *Document, si int) bool {
	s := d.Sentences[si]
	t := strings.TrimSpace(s.Text)
	if s.Boilerplate || t == "" || strings.HasSuffix(t, "?") {
		return false
	}
	if label, _, ok := transcriptLabel(t); ok && isInterviewer(label) {
		return false
	}
	// A headline repeated as the first line (no stop at its end) is the
	// title, not a statement; a one-sentence document that is its own
	// title is still quotable.
	headline := d.Title != "" && strings.EqualFold(t, strings.TrimSpace(d.Title)) && !endsTerminal([]byte(t), 0, len(t))
	return !headline || !hasOtherContent(d, si)
}

// hasOtherContent reports whether d has a sentence besides si that is not
// boilerplate: a page that is one line is its own only statement.
func hasOtherContent(d *Document, si int) bool {
	for k, s := range d.Sentences {
		if k != si && !s.Boilerplate {
			return true
		}
	}
	return false
}

// previousStatement reads the sentence before si that states something (an
// interviewer's included: "The governor says the quake caused it. Do you
// agree?"), with the one it reports as its target.
func previousStatement(d *Document, si int, ents *Entities) (Claim, bool) {
	for k := si - 1; k >= max(0, si-3); k-- {
		s := d.Sentences[k]
		t := strings.TrimSpace(s.Text)
		if strings.HasSuffix(t, "?") {
			// "The governor says the quake did it. Do you agree?"
			if i := strings.LastIndex(t, ". "); i > 0 {
				t = t[:i+1]
			}
		}
		if s.Boilerplate || strings.HasSuffix(t, "?") {
			continue
		}
		if _, rest, ok := transcriptLabel(t); ok {
			t = rest
		}
		var p Claim
		readClaim(&p, t, ents)
		if s.Speaker != "" {
			p.Targets = appendUnique(p.Targets, ents.Key(s.Speaker))
		}
		return p, len(p.Words) > 0
	}
	return Claim{}, false
}

// SourceName is who speaks in a document's own voice: "Author (Outlet)",
// the outlet, the author, the title, else the id.
func (d *Document) SourceName() string {
	switch {
	case d.Author != "" && d.Outlet != "":
		return d.Author + " (" + d.Outlet + ")"
	case d.Outlet != "":
		return d.Outlet
	case d.Author != "":
		return d.Author
	case d.Title != "" && !d.titleIsASentence():
		return d.Title
	}
	return d.ID
}

// titleIsASentence reports whether the title is only the body's first
// sentence ("The port authority said on Tuesday that the trawler was
// released."), taken for want of one: the file's name then names the
// source, not a statement.
func (d *Document) titleIsASentence() bool {
	return strings.HasSuffix(d.Title, ".") && len(d.Sentences) > 0 && strings.TrimSpace(d.Sentences[0].Text) == d.Title
}

// isClaimSentence rules out what states nothing: a question, the title line
// repeated as a heading, and a line too short to say anything. t is the
// sentence without its transcript label.
func isClaimSentence(d *Document, si int, t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || strings.HasSuffix(t, "?") {
		return false
	}
	if d.Title != "" && strings.EqualFold(t, strings.TrimSpace(d.Title)) && hasOtherContent(d, si) && !endsTerminal([]byte(t), 0, len(t)) {
		// A headline, not a sentence: a file without a title whose
		// first line is a full sentence ("Ostra Rail said 37 were
		// hurt.") has that sentence as a claim.
		return false
	}
	// A heading or a label: no terminal punctuation and few words.
	if !endsTerminal([]byte(t), 0, len(t)) && len(strings.Fields(t)) <= maxHeadingWords {
		return false
	}
	return len(strings.Fields(t)) >= 3 || strings.ContainsAny(t, "0123456789")
}

// transcriptLabel splits "LENA VOSS: No. Our inspectors…" into the speaker
// ("Lena Voss") and the words; a label is one to four words in capitals (or
// a capitalised name) before a colon at the start of a line.
func transcriptLabel(t string) (label, rest string, ok bool) {
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 40 {
		return "", "", false
	}
	head := strings.TrimSpace(t[:i])
	ws := strings.Fields(head)
	if len(ws) == 0 || len(ws) > 4 {
		return "", "", false
	}
	allCaps := true
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return "", "", false
		}
		if strings.ToUpper(w) != w {
			allCaps = false
		}
	}
	if !allCaps && len(ws) < 2 || notSpeakers[strings.ToLower(strings.ReplaceAll(head, "’", "'"))] {
		return "", "", false
	}
	if allCaps {
		for k, w := range ws {
			ws[k] = titleCase(w)
		}
	}
	return strings.Join(ws, " "), strings.TrimSpace(t[i+1:]), true
}

func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// notSpeakers are labels that open a line without naming who speaks:
// "UPDATE:", "Editor's note:", "Photo:".
var notSpeakers = setOf("update", "updated", "note", "editor's note", "editors note", "correction", "clarification",
	"breaking", "watch", "read more", "related", "source", "sources", "photo", "photos", "video", "image", "caption",
	"credit", "disclaimer", "warning", "summary", "background", "context", "analysis", "opinion", "editor", "live",
	"exclusive", "advertisement", "sponsored", "listen", "transcript", "full text")

// IsInterviewer reports whether a speaker is a transcript's interviewer
// ("HOST"): the programme speaks, not a party to the story.
func IsInterviewer(speaker string) bool { return isInterviewer(speaker) }

// isInterviewer reports whether a transcript label names the one asking.
func isInterviewer(label string) bool {
	switch strings.ToLower(label) {
	case "host", "presenter", "interviewer", "anchor", "moderator", "reporter", "q", "question":
		return true
	}
	return false
}

// readClaim fills a claim's names, words, polarity, rebuttal, values,
// agents and causes from its text.
func readClaim(c *Claim, text string, ents *Entities) {
	toks, clause := clauses(footnote.ReplaceAllString(text, " "))
	names := ents.namesIn(toks)
	inName := make([]bool, len(toks))
	for _, n := range names {
		for k := n.from; k < n.to; k++ {
			inName[k] = true
		}
		c.Names = appendUnique(c.Names, n.keys...)
	}
	neg, deny := 0, false
	// denyEnd is where the scope of the last denying verb ends ("denied
	// that the plant was unsafe"): a negation inside it is denied, and
	// two denials assert.
	denyEnd, doubled := -1, false
	for i, t := range toks {
		lw := strings.ToLower(t.Word)
		if denyVerbs[lw] {
			denyEnd = clauseEnd(clause, i, len(toks))
		} else if i < denyEnd && (negations[lw] && !contrastive(clause, i) || ents.isNegatedAdjective(lw)) {
			doubled = true
		}
		if (denyVerbs[lw] || strings.HasPrefix(lw, "blame") || lw == "pointed" || lw == "points") && c.actor == "" {
			if k := runBefore(names, i, 6); k >= 0 {
				c.actor = runText(toks, names[k])
				// "The Dunmore quarry owner blamed": the name opens a noun
				// phrase whose head is who holds the stance.
				if j := names[k].to; j < i && i-j <= 3 && allNouns(toks[j:i], ents) {
					c.actor = strings.TrimSpace(c.actor + " " + wordsOf(toks[j:i]))
				}
			}
		}
		switch {
		case negations[lw] && i+1 < len(toks) && notTrue[strings.ToLower(toks[i+1].Word)]:
			// "That is just not true": a rebuttal, not a negated claim.
			if !deny {
				ws, ns := scopeAfter(toks, clauseStart(clause, i)-1, clauseEnd(clause, i, len(toks)), names, ents, false)
				c.Negated = appendUnique(c.Negated, ws...)
				c.NegNames = appendUnique(c.NegNames, ns...)
			}
			deny = true
		case notTrue[lw] && i > 0 && negations[strings.ToLower(toks[i-1].Word)]:
		case negations[lw] && contrastive(clause, i):
			// "caused the breach, not the tremor": a contrast with what
			// the sentence asserts, not a denial of the sentence.
			ws, _ := scopeAfter(toks, i, clauseEnd(clause, i, len(toks)), names, ents, true)
			c.Excluded = appendUnique(c.Excluded, ws...)
		case negations[lw]:
			neg++
			ws, ns := scopeAfter(toks, i, clauseEnd(clause, i, i+1+negationScope), names, ents, true)
			c.Negated = appendUnique(c.Negated, ws...)
			c.NegNames = appendUnique(c.NegNames, ns...)
			// What it denies: the first word it governs ("no squall"),
			// and the first verb ("no ICE agents operated").
			if len(ws) > 0 {
				c.NegHeads = appendUnique(c.NegHeads, ws[0])
			}
			for k := i + 1; k < clauseEnd(clause, i, i+1+negationScope); k++ {
				if runAt(names, k) < 0 && !lang.IsStopword(strings.ToLower(toks[k].Word)) && ents.isPredicateAt(toks, k) {
					c.NegHeads = appendUnique(c.NegHeads, ents.lemmaAt(toks, k))
					break
				}
			}
		case denyVerbs[lw] || falseWords[lw]:
			// "rejected that X": what follows; "X was false": the whole
			// clause, its subject first.
			from := i
			if falseWords[lw] {
				from = clauseStart(clause, i) - 1
			}
			ws, ns := scopeAfter(toks, from, clauseEnd(clause, i, len(toks)), names, ents, false)
			c.Negated = appendUnique(c.Negated, ws...)
			c.NegNames = appendUnique(c.NegNames, ns...)
			deny = true
		case hedges[lw] && c.Polarity == Asserted:
			c.Polarity = Hedged
		case lw == "if" && i <= 1:
			c.Polarity = Hypothetical
		}
		if inName[i] || lang.IsStopword(lw) || negations[lw] || len(lw) < 3 && !isNumber(lw) {
			continue
		}
		if base, ok := ents.negatedAdjective(lw); ok {
			// "unsafe" is "not safe": the same predicate, denied.
			neg++
			c.Words = append(c.Words, base)
			c.Negated = appendUnique(c.Negated, base)
			c.NegHeads = appendUnique(c.NegHeads, base)
			c.Preds = appendUnique(c.Preds, base)
			continue
		}
		if !isNumber(lw) {
			l := ents.lemmaAt(toks, i)
			c.Words = append(c.Words, l)
			if ents.isPredicateAt(toks, i) {
				c.Preds = appendUnique(c.Preds, l)
			}
		}
	}
	// A rebuttal names whose statement it rebuts: "the report by ICE",
	// "ICE's post", "rejected the water board's report".
	if deny {
		c.Rebuts = true
		c.Targets = rebuttalTargets(toks, names)
	}
	switch {
	case c.Polarity == Hypothetical:
	case deny && doubled:
		// "denied that the plant was unsafe": two denials assert.
		c.Polarity = Asserted
	case deny || neg%2 == 1:
		// "rejected X, calling it false and stating that no agency
		// took part": denials side by side all deny.
		c.Polarity = Denied
	}
	c.Values, c.NotValues = claimValues(toks, clause, ents, text)
	c.Agents = agents(toks, names, c, ents)
	c.Causes, c.CauseText, c.Effects = causes(toks, clause, ents)
	readTrend(c, toks, clause, names, ents)
	readConsent(c, toks, names, ents)
	c.Open = openAt(text)
	if c.Rebuts || c.Polarity == Denied {
		// "rejected the suggestion that repairs were to blame": a
		// cause inside what the claim denies is one it rules out.
		var kept []string
		for _, w := range c.Causes {
			if slices.ContainsFunc(c.Negated, func(n string) bool { return n == w || ents.lemma(n) == ents.lemma(w) || lang.Stem(n) == lang.Stem(w) }) {
				c.NotCauses = appendUnique(c.NotCauses, w)
			} else {
				kept = append(kept, w)
			}
		}
		if len(c.NotCauses) > 0 {
			c.Causes = kept
			if len(kept) == 0 {
				c.CauseText = ""
			}
		}
	}
}

// openMatter says a matter is not yet known: an investigator's "too early
// to say", "not yet clear whether", "cannot answer that".
var openMatter = regexp.MustCompile(`(?i)\b(too (early|soon) to (say|tell|know|determine|speculate|draw)|not yet (clear|known|possible to say)|(remains?|is still) (unclear|unknown|under investigation)|(can ?not|can't|could not|couldn't|unable to) (yet )?(say|answer|tell|determine) (what|why|whether|how|where|that)|declined to speculate)`)

// openAt reports whether text says a matter is not yet known, and not
// "it is not too early to say".
func openAt(text string) bool {
	loc := openMatter.FindStringIndex(text)
	if loc == nil {
		return false
	}
	before := strings.ToLower(strings.TrimSpace(text[:loc[0]]))
	return !strings.HasSuffix(before, "not") && !strings.HasSuffix(before, "n't")
}

// footnote is a reference mark ("[ 1 ]", "[35]"), no figure of the claim.
var footnote = regexp.MustCompile(`\[\s*\d{1,3}\s*\]`)

// clauseSplit ends a clause: what a negation or a denial governs stops
// there ("denied the report by X, saying …"). A comma ends one only before
// a space, so "1,204,311 votes" stays one figure.
var clauseSplit = regexp.MustCompile(`[,;:]\s+|\s*[—–]\s*`)

// clauses tokenizes text and numbers each token's clause.
func clauses(text string) ([]lang.Token, []int) {
	var toks []lang.Token
	var clause []int
	for k, part := range clauseSplit.Split(text, -1) {
		for _, t := range lang.TokenizeAll(part) {
			toks = append(toks, t)
			clause = append(clause, k)
		}
	}
	return toks, clause
}

// contrastive reports whether the negation at i opens a short clause of its
// own after a comma: ", not the tremor".
func contrastive(clause []int, i int) bool {
	return i > 0 && clauseStart(clause, i) == i && clauseEnd(clause, i, len(clause))-i <= 4
}

// clauseStart is the first token of the clause of token i.
func clauseStart(clause []int, i int) int {
	for i > 0 && clause[i-1] == clause[i] {
		i--
	}
	return i
}

// clauseEnd is the end of the clause of token i, at most limit.
func clauseEnd(clause []int, i, limit int) int {
	end := i
	for end < len(clause) && end < limit && clause[end] == clause[i] {
		end++
	}
	return end
}

// negationScope is how many tokens after a negation it governs at most;
// scopeStops end it earlier ("no squall that evening and winds stayed
// light": the winds are not denied).
const negationScope = 5

var scopeStops = setOf("and", "but", "while", "although", "though", "whereas", "which", "who", "because")

// scopeAfter is what the negation or denial at i governs: the lemmas and
// name keys of the content words after it, up to token end.
func scopeAfter(toks []lang.Token, i, end int, names []nameRun, ents *Entities, stops bool) (words, keys []string) {
	for k := i + 1; k < len(toks) && k < end; k++ {
		lw := strings.ToLower(toks[k].Word)
		if r := runAt(names, k); r >= 0 {
			keys = appendUnique(keys, names[r].keys...)
			k = names[r].to - 1
			continue
		}
		if stops && scopeStops[lw] {
			break
		}
		if lang.IsStopword(lw) || negations[lw] || denyVerbs[lw] || falseWords[lw] || len(lw) < 3 || isNumber(lw) {
			continue
		}
		words = appendUnique(words, ents.lemmaAt(toks, k))
	}
	return words, keys
}

func runAt(names []nameRun, k int) int {
	for r, n := range names {
		if k >= n.from && k < n.to {
			return r
		}
	}
	return -1
}

// rebuttalTargets are the names owning a statement noun in the sentence:
// "X's post", "the report by X", "X's account".
func rebuttalTargets(toks []lang.Token, names []nameRun) []string {
	var out []string
	for _, n := range names {
		// "ICE's post": the possessive is dropped by the tokenizer, so a
		// statement noun right after the name is the sign.
		if n.to < len(toks) && statementNouns[strings.ToLower(toks[n.to].Word)] {
			out = appendUnique(out, n.keys...)
		}
		// "the report by ICE", "the report of the embassy"
		for k := max(0, n.from-4); k < n.from; k++ {
			if statementNouns[strings.ToLower(toks[k].Word)] {
				out = appendUnique(out, n.keys...)
			}
		}
	}
	// "the water board's report": an unnamed owner, matched against
	// holders' words.
	for i, t := range toks {
		if !statementNouns[strings.ToLower(t.Word)] || runAt(names, i-1) >= 0 {
			continue
		}
		var owner []string
		for k := i - 1; k >= max(0, i-3); k-- {
			w := strings.ToLower(toks[k].Word)
			if lang.IsStopword(w) || denyVerbs[w] {
				break
			}
			owner = append([]string{w}, owner...)
		}
		if len(owner) > 0 {
			out = appendUnique(out, phraseTarget+strings.Join(owner, " "))
		}
	}
	return out
}

// phraseTarget marks a rebuttal target that is a lower-case phrase, not an
// entity key.
const phraseTarget = "phrase:"

// doneBy reports whether token i says who did an act without leading
// it: "carried out", "conducted", "acts on that information" (the office
// acting on a tip is the one that raided).
func doneBy(toks []lang.Token, i int) bool {
	w := strings.ToLower(toks[i].Word)
	next := ""
	if i+1 < len(toks) {
		next = strings.ToLower(toks[i+1].Word)
	}
	if i > 0 && passiveBefore[strings.ToLower(toks[i-1].Word)] && next != "by" {
		return false // "the collaboration is conducted within …": what was done, not who did it
	}
	if i > 0 && strings.EqualFold(toks[i-1].Word, "to") {
		return false // "would not permit U.S. agents to carry out …": nothing done
	}
	switch w {
	case "conducted", "executed":
		return true
	case "carried", "carries", "carry":
		return next == "out"
	case "acts", "acted", "act":
		return next == "on" || next == "upon"
	}
	return false
}

// agents are who a claim says led the act: "led by X", "X led", "X said it
// spearheaded". A pronoun subject is the holder.
func agents(toks []lang.Token, names []nameRun, c *Claim, ents *Entities) []string {
	var out []string
	for i, t := range toks {
		if !leadWords[strings.ToLower(t.Word)] && !doneBy(toks, i) {
			continue
		}
		if i+1 < len(toks) && strings.EqualFold(toks[i+1].Word, "by") {
			// "led by the ICE unit", "led by Mexican authorities": the first
			// name within a few words, else the noun heading the phrase.
			if k := runAfter(names, i+2, 4); k >= 0 {
				out = appendUnique(out, names[k].keys...)
				c.setAgentText(toks, names[k], len(toks), ents)
			}
			continue
		}
		if k := runBefore(names, i, 4); k >= 0 {
			out = appendUnique(out, names[k].keys...)
			c.setAgentText(toks, names[k], i, ents)
			continue
		}
		for k := i - 1; k >= max(0, i-3); k-- {
			if w := strings.ToLower(toks[k].Word); w == "it" || w == "we" || w == "they" || w == "she" || w == "he" || w == "i" {
				if c.Speaker != "" {
					out = appendUnique(out, strings.ToLower(lang.Fold(c.Speaker)))
					if c.AgentText == "" {
						c.AgentText = c.Speaker
					}
				}
				break
			}
		}
	}
	return out
}

func allNouns(toks []lang.Token, ents *Entities) bool {
	for _, t := range toks {
		w := t.Word
		if strings.ToLower(w) != w || lang.IsStopword(w) || !ents.isNoun(w) {
			return false
		}
	}
	return len(toks) > 0
}

func wordsOf(toks []lang.Token) string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.Word
	}
	return strings.Join(ws, " ")
}

// runText is a name run as written.
func runText(toks []lang.Token, n nameRun) string {
	ws := make([]string, 0, n.to-n.from)
	for _, t := range toks[n.from:n.to] {
		ws = append(ws, t.Word)
	}
	return strings.Join(ws, " ")
}

func (c *Claim) setAgentText(toks []lang.Token, n nameRun, verb int, ents *Entities) {
	if c.AgentText != "" {
		return
	}
	ws := make([]string, 0, n.to-n.from+2)
	for _, t := range toks[n.from:n.to] {
		ws = append(ws, t.Word)
	}
	// "Mexican authorities", "AIC team": the nouns the name opens.
	for k := n.to; k < len(toks) && k < n.to+2 && k < verb; k++ {
		w := toks[k].Word
		if lang.IsStopword(strings.ToLower(w)) || strings.ToLower(w) != w || !ents.isNoun(strings.ToLower(w)) {
			break
		}
		ws = append(ws, w)
	}
	c.AgentText = strings.Join(ws, " ")
}

// causes are what a claim says caused the event, and what that event is:
// "blamed the breach on an earthquake", "poor maintenance caused the
// breach", "blamed a squall for", "pointed to the hot-water system", "a
// broken rail was the most likely cause", "repairs … were to blame".
func causes(toks []lang.Token, clause []int, ents *Entities) (out []string, text string, effects []string) {
	// subjectOf is where the subject of the clause holding token i
	// begins: its clause's start, or after a "that" within it.
	subjectOf := func(i int) int { return max(clauseStart(clause, i), clauseSubject(toks, i)) }
	add := func(h string, mods []string) {
		if h == "" {
			return
		}
		// The head first, then the nouns that modify it: "a lightning
		// strike" is a strike, and a cause named "lightning".
		out = appendUnique(appendUnique(out, h), mods...)
		if text == "" {
			text = strings.Join(append(mods, h), " ")
		}
	}
	// upto bounds a window after from by its clause: "blamed the
	// collapse on heavy rain, Mayor Lena Fisk said" blames rain.
	upto := func(from, to int) int {
		if from >= len(toks) {
			return len(toks)
		}
		return min(len(toks), to, clauseEnd(clause, from, len(toks)))
	}
	effect := func(from, to int) {
		if h, _ := headNoun(toks, max(0, from), upto(max(0, from), to), ents); h != "" {
			effects = appendUnique(effects, h)
		}
	}
	for i, t := range toks {
		w := strings.ToLower(t.Word)
		if !causeWords[w] {
			continue
		}
		prev := ""
		if i > 0 {
			prev = strings.ToLower(toks[i-1].Word)
		}
		switch {
		case (w == "pointed" || w == "points") && i+1 < len(toks):
			// "pointed (instead) to the hot-water system"
			to := indexWord(toks, i+1, min(len(toks), i+3), "to")
			if to < 0 {
				continue
			}
			add(headNoun(toks, to+1, upto(to+1, to+6), ents))
			// "… as the source of the outbreak"
			if of := indexWord(toks, to+1, min(len(toks), to+14), "of"); of > 0 && copulaNouns[strings.ToLower(toks[of-1].Word)] {
				effect(of+1, of+5)
			}
		case damageWords[w]:
			// "the barrier had been weakened by blasting": what did the
			// damage is a cause, of whatever the damage led to.
			if i+1 < len(toks) && strings.EqualFold(toks[i+1].Word, "by") {
				h, mods := headNoun(toks, i+2, upto(i+2, i+6), ents)
				if h == "" && i+2 < len(toks) && strings.HasSuffix(strings.ToLower(toks[i+2].Word), "ing") {
					h = strings.ToLower(toks[i+2].Word) // "by blasting"
				}
				add(h, mods)
			}
		case w == "result" || w == "resulted":
			// "as a result of X", "resulted from X"; "the result" alone
			// is no cause.
			if of := indexWord(toks, i+1, min(len(toks), i+2), "of", "from"); of >= 0 && (w == "resulted" || i >= 2 && strings.EqualFold(toks[i-2].Word, "as")) {
				add(headNoun(toks, of+1, upto(of+1, of+5), ents))
			}
		case w == "blame" && prev == "to" && i >= 2 && copulaAt(toks, i-1) == i-2:
			// "repairs to a water main were to blame": the clause's
			// subject; "to blame for the outbreak" names the effect.
			add(headNoun(toks, subjectOf(i), i, ents))
			if f := indexWord(toks, i+1, min(len(toks), i+3), "for"); f >= 0 {
				effect(f+1, f+5)
			}
		case w == "blame" && nounBefore[prev]:
			// "not going to blame anyone" blames nobody; "traded blame
			// for the accident" names no cause.
		case strings.HasPrefix(w, "blame") || w == "attributed":
			// "blamed X on Y" → Y; "blamed Y for X" → Y
			on := indexWord(toks, i+1, min(len(toks), i+8), "on", "to")
			if on >= 0 {
				add(headNoun(toks, on+1, upto(on+1, on+5), ents))
				effect(i+1, on)
			} else {
				add(headNoun(toks, i+1, upto(i+1, i+5), ents))
				if f := indexWord(toks, i+1, min(len(toks), i+8), "for"); f >= 0 {
					effect(f+1, f+5)
				}
			}
		case w == "because" || w == "due":
			// "because two patients … had not been included" explains
			// a count, not what caused the event.
			if k := i + 1; k < len(toks) && isNumber(strings.ToLower(toks[k].Word)) {
				continue
			}
			add(headNoun(toks, i+1, upto(i+1, i+6), ents))
			effect(subjectOf(i), i) // "the inspection was never carried out because …"
		case w == "caused" && i+1 < len(toks) && strings.EqualFold(toks[i+1].Word, "by"):
			add(headNoun(toks, i+2, upto(i+2, i+6), ents))
			if copulaAt(toks, i) == i-1 {
				effect(subjectOf(i), i) // "the blast at the quarry was caused by"
			} else if h, _ := lastNoun(toks, max(0, i-3), i, ents); h != "" {
				effects = appendUnique(effects, h) // "a form of pneumonia caused by"
			}
		case copulaNouns[w] && copulaAt(toks, i) < 0 && w != "cause" && w != "causes":
			// "trace the source of the outbreak" names no cause.
		case copulaNouns[w] && copulaAt(toks, i) >= 0:
			// "a broken rail was the most likely cause (of the crash)"
			if be := copulaAt(toks, i); be >= 0 {
				add(headNoun(toks, subjectOf(be), be, ents))
			}
			if i+1 < len(toks) && (strings.EqualFold(toks[i+1].Word, "of") || strings.EqualFold(toks[i+1].Word, "for")) {
				effect(i+2, i+6) // "the cause of the crash", "the reason for the rise"
			}
		default:
			// "X caused the breach": the noun right before the verb; "it
			// caused" names no cause in this sentence.
			if i > 0 && (pronounWords[prev] || prev == "what" || prev == "had" && i > 1 && strings.EqualFold(toks[i-2].Word, "what")) {
				continue // "what had caused the derailment" asks
			}
			if h, mods := lastNoun(toks, max(0, i-4), i, ents); h != "" {
				add(h, mods)
				if w == "caused" || w == "triggered" {
					effect(i+1, i+5)
				}
			}
		}
	}
	return out, text, effects
}

// verbBefore are the words that make "blame" a verb: "did not blame the
// weather", "would blame the crew".
var verbBefore = setOf("not", "n't", "did", "does", "do", "would", "will", "could", "can", "may", "might", "should", "i", "we", "they", "you")

// nounBefore make "blame" a noun: "traded blame", "the blame", "took the
// blame"; after any other word ("Residents blame the council") it is the
// verb.
var nounBefore = setOf("the", "a", "any", "no", "some", "his", "her", "their", "its", "our", "traded", "trade", "trading",
	"shifted", "shift", "shifting", "took", "take", "taking", "accept", "accepted", "deflect", "deflected", "share", "shared", "of")

// copulaNouns name a cause after "was the (most likely) …".
var copulaNouns = setOf("cause", "causes", "source", "culprit", "explanation", "reason")

// copulaAt is where a form of "be" stands within four words before i
// ("was the most likely cause"), or -1.
func copulaAt(toks []lang.Token, i int) int {
	for k := i - 1; k >= 0 && i-k <= 4; k-- {
		switch strings.ToLower(toks[k].Word) {
		case "is", "was", "are", "were", "be", "been":
			return k
		}
	}
	return -1
}

// clauseSubject is where the clause holding token i begins: after the
// last "that", "said" or "believed" before it, else the sentence start.
func clauseSubject(toks []lang.Token, i int) int {
	for k := i - 1; k >= 0; k-- {
		switch strings.ToLower(toks[k].Word) {
		case "that", "said", "says", "believed", "believes", "think", "thinks", "suggestion", "claim":
			return k + 1
		}
	}
	return 0
}

// headNoun is the first content noun in toks[from:to] that the dictionary
// knows as a noun, as its lemma, with the lemmas of the nouns that modify
// it ("lightning strike" → strike, [lightning]).
func headNoun(toks []lang.Token, from, to int, ents *Entities) (head string, mods []string) {
	for k := from; k < to; k++ {
		w := strings.ToLower(toks[k].Word)
		if lang.IsStopword(w) || negations[w] || causeWords[w] || w == "on" || w == "for" || w == "of" {
			continue
		}
		if !ents.isNoun(w) && !ents.isAdjective(w) {
			continue
		}
		// The head of the phrase is its last noun: "heavy rain" is rain.
		for ; k < to; k++ {
			w = strings.ToLower(toks[k].Word)
			if lang.IsStopword(w) || !ents.isNoun(w) && !ents.isAdjective(w) {
				break
			}
			if ents.isNoun(w) && !ents.isModifier(w) {
				if head != "" {
					mods = append(mods, head)
				}
				head = ents.lemma(w)
			}
		}
		return head, mods
	}
	return "", nil
}

// lastNoun is headNoun searched from the end: the last noun in
// toks[from:to] with the nouns right before it ("a lightning strike
// caused…" → strike, [lightning]).
func lastNoun(toks []lang.Token, from, to int, ents *Entities) (string, []string) {
	for k := to - 1; k >= from; k-- {
		if h, _ := headNoun(toks, k, k+1, ents); h != "" {
			j := k
			for j > from && ents.isNoun(strings.ToLower(toks[j-1].Word)) && !lang.IsStopword(strings.ToLower(toks[j-1].Word)) {
				j--
			}
			return headNoun(toks, j, k+1, ents)
		}
	}
	return "", nil
}

func indexWord(toks []lang.Token, from, to int, words ...string) int {
	for k := from; k < to; k++ {
		for _, w := range words {
			if strings.EqualFold(toks[k].Word, w) {
				return k
			}
		}
	}
	return -1
}

func runAfter(names []nameRun, from, within int) int {
	for k, n := range names {
		if n.from >= from && n.from < from+within {
			return k
		}
	}
	return -1
}

func runBefore(names []nameRun, at, within int) int {
	best := -1
	for k, n := range names {
		if n.to <= at && n.to > at-within {
			best = k
		}
	}
	return best
}

// claimValues reads the figures of a claim with their unit (the noun after
// the figure, else the count the clause names before it) and scope (scope
// words within a few tokens), and apart from them the figures it rules
// out ("seven, not the five …").
func claimValues(toks []lang.Token, clause []int, ents *Entities, text string) (out, not []Value) {
	for i, t := range toks {
		lw := strings.ToLower(t.Word)
		num, ok := parseNumber(lw)
		if !ok || isYearToken(lw, toks, i) || lang.IsClockAt(toks, i) {
			continue
		}
		v := Value{Num: num, Text: t.Word}
		if lang.PercentAfter(text, t.Word) {
			// "39%": the sign is no token, but it is the unit.
			v.Unit = "percent"
			v.Scope = scopeNear(toks, clause, i)
			out = append(out, v)
			continue
		}
		// The unit is the head of the noun phrase after the figure, in its
		// clause: "300 drug labs" counts labs, "57,000 pounds of …" pounds.
		for k := i + 1; k < min(len(toks), i+6) && clause[k] == clause[i]; k++ {
			w := strings.ToLower(toks[k].Word)
			if lang.IsStopword(w) && w != "people" || isNumber(w) || !ents.isNoun(w) && !ents.isAdjective(w) {
				break
			}
			if ents.isNoun(w) {
				v.Unit = ents.lemma(w)
			}
		}
		if clockFigure(text, t.Word) {
			continue // "the 06:15 service"
		}
		if ruledOut(toks, i) && len(out) > 0 {
			// "at seven, not the five announced by …": the figure the
			// claim corrects, counted as its own figure is.
			if v.Unit == "" {
				v.Unit = out[len(out)-1].Unit
			}
			v.Scope = out[len(out)-1].Scope
			v.Event = out[len(out)-1].Event
			not = append(not, v)
			continue
		}
		if v.Unit == "" {
			v.Unit, v.Event = countBefore(toks, i, ents)
		}
		if v.Event == "" {
			v.Event = eventNear(toks, clause, i, ents)
		}
		v.Scope = scopeNear(toks, clause, i)
		out = append(out, v)
	}
	return out, not
}

// clockFigure reports whether a number is written as part of a clock time
// ("06:15").
func clockFigure(text, num string) bool {
	for _, m := range clockTime.FindAllStringSubmatch(text, -1) {
		if m[1] == num || m[2] == num {
			// Only when it is written nowhere else: "3 people were hurt
			// in the 10:30 collision" keeps its 3.
			return len(standalone(num).FindAllStringIndex(text, -1)) == 0
		}
	}
	return false
}

// clockTime is a time of day written with a colon: "06:15", "7:42".
var clockTime = regexp.MustCompile(`\b(\d{1,2}):(\d{2})\b`)

// standalone matches num written as a figure of its own, not inside a
// clock time or a longer number.
func standalone(num string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^\d:.,])` + regexp.QuoteMeta(num) + `($|[^\d:])`)
}

// eventNear is the event of the figure at i: the first verb after it in
// its clause ("48 people had been injured"), else the verb right before it
// ("killed three", "carrying about 260 passengers"), as its canonical
// lemma. Verbs of saying, being and counting name no event.
func eventNear(toks []lang.Token, clause []int, i int, ents *Entities) string {
	for k := i + 1; k < len(toks) && k <= i+10 && clause[k] == clause[i]; k++ {
		if isNumber(strings.ToLower(toks[k].Word)) {
			break // another figure's verb
		}
		if ev := eventAt(toks, k, ents); ev != "" {
			return ev
		}
	}
	for k := i - 1; k >= 0 && k >= i-3 && clause[k] == clause[i]; k-- {
		if ev := eventAt(toks, k, ents); ev != "" {
			return ev
		}
	}
	return ""
}

// eventAt is the event word at k, or "".
func eventAt(toks []lang.Token, k int, ents *Entities) string {
	w := strings.ToLower(toks[k].Word)
	if ev, ok := sameEvent[w]; ok {
		return ev
	}
	if notEvents[w] || !ents.isPredicateAt(toks, k) || ents.lex == nil {
		return ""
	}
	b := ents.lex.Base(w, lexicon.Verb)
	if len(b) == 0 || notEvents[b[0]] {
		return ""
	}
	if ev, ok := sameEvent[b[0]]; ok {
		return ev
	}
	return b[0]
}

// EventOf is the event a word names as figures count it ("killed",
// "dead" → "die"; "hurt" → "injure"), or "" for a word that names none of
// the events news counts people by.
func EventOf(w string) string { return sameEvent[strings.ToLower(w)] }

// sameEvent folds the words news uses for one event into one: the killed
// are the dead, the hurt the injured.
var sameEvent = map[string]string{
	"kill": "die", "killed": "die", "dead": "die", "died": "die", "die": "die", "dying": "die", "perished": "die", "perish": "die",
	"death": "die", "deaths": "die", "fatalities": "die", "fatality": "die",
	"hurt": "injure", "injured": "injure", "injure": "injure", "wounded": "injure", "wound": "injure", "injuries": "injure",
}

// notEvents are verbs that say how a figure was given or changed, not
// what it counts: "the toll rose to five", "put the number at seven".
var notEvents = setOf("be", "is", "was", "were", "are", "been", "being", "have", "has", "had", "rise", "risen", "rose",
	"climb", "climbed", "reach", "reached", "stand", "stood", "put", "give", "given", "remain", "remained",
	"include", "included", "including", "count", "counted", "say", "said", "says", "announce", "announced",
	"confirm", "confirmed", "report", "reported", "estimate", "estimated", "tell", "told", "add", "added",
	"increase", "increased", "fall", "fell", "drop", "dropped", "total", "totalled", "totaled", "bring", "brought",
	"near", "about", "around", "over", "under", "up", "down", "found", "find", "show", "showed", "shown")

// ruledOut reports whether the figure at i follows "not" or "not the"
// right after a comma: "seven, not the five".
func ruledOut(toks []lang.Token, i int) bool {
	k := i - 1
	if k >= 0 && strings.EqualFold(toks[k].Word, "the") {
		k--
	}
	return k >= 0 && strings.EqualFold(toks[k].Word, "not")
}

// countBefore is the unit and event of a figure no noun follows, from
// what the words before it count: "put the number of patients who have
// died at seven" counts patients who died, "the death toll has risen to
// five" deaths.
func countBefore(toks []lang.Token, i int, ents *Entities) (unit, event string) {
	for k := i - 1; k >= 0 && i-k <= 14; k-- {
		w := strings.ToLower(toks[k].Word)
		switch {
		case w == "toll":
			return "death", "die"
		case w == "number" && k+2 < i && strings.EqualFold(toks[k+1].Word, "of"):
			if u := strings.ToLower(toks[k+2].Word); ents.isNoun(u) && !lang.IsStopword(u) {
				for j := k + 3; j < i && j <= k+7; j++ {
					if ev := eventAt(toks, j, ents); ev != "" {
						event = ev
						break
					}
				}
				return ents.lemma(u), event
			}
		case isNumber(w):
			return "", "" // another figure's words
		}
	}
	return "", ""
}

// scopeNear is the scope a figure at i takes from the words of its own
// clause — or of a short opening clause before it ("By April 2025, …") —
// a time word first (a weekday is its own day), else a part word.
func scopeNear(toks []lang.Token, clause []int, i int) string {
	if y := pastYear(toks, i); y != "" {
		return "in " + y
	}
	if i+2 < len(toks) && strings.EqualFold(toks[i+1].Word, "of") && partOf[strings.ToLower(toks[i+2].Word)] {
		// "three of the dead", "two of our patients": a part of a
		// count given elsewhere.
		return "part"
	}
	if i >= 2 && strings.EqualFold(toks[i-1].Word, "to") && scopeWords[strings.ToLower(toks[i-2].Word)] == "total" {
		// "rose to six on Thursday": a running total, whatever day
		// it was counted.
		return "total"
	}
	in := func(k int) bool {
		if clause[k] == clause[i] {
			return true
		}
		// "By April 2025, Mexico had dismantled over 750 labs."
		return clause[k] == clause[i]-1 && clause[k] == 0 && clauseEnd(clause, k, len(clause))-clauseStart(clause, k) <= 4
	}
	for pass, words := range []map[string]string{scopeWords, partWords} {
		for d := 1; d <= 12; d++ {
			for _, k := range []int{i + d, i - d} {
				if k < 0 || k >= len(toks) || !in(k) {
					continue
				}
				w := strings.ToLower(toks[k].Word)
				if pass == 0 && lang.IsWeekday(w) {
					if saidOn(toks, k) {
						// "the commission said on Sunday": when it was
						// said, not what the figure covers.
						continue
					}
					return "day " + w
				}
				s, ok := words[w]
				if !ok || s == "" {
					continue
				}
				if s == "since" || s == "by" || s == "within" {
					// "since Feb. 18", "by April", "within the first six
					// months": the time that follows; "by Mexican
					// authorities" names no time.
					if t := timeAfter(toks, k); t != "" {
						return s + " " + t
					}
					continue
				}
				return s
			}
		}
	}
	return ""
}

// partOf are the determiners of "three of the dead": what follows is the
// whole the figure is a part of.
var partOf = setOf("the", "our", "its", "their", "his", "her", "those", "these", "them", "us")

// pastYear is the year of an earlier event a figure belongs to: "the
// worst since 2016, when four patients died" counts 2016's dead.
func pastYear(toks []lang.Token, i int) string {
	for k := i - 1; k >= 2 && i-k <= 6; k-- {
		if strings.EqualFold(toks[k].Word, "when") {
			if y := strings.ToLower(toks[k-2].Word); isYearToken(y, toks, k-2) && len(y) == 4 {
				return y
			}
			if y := strings.ToLower(toks[k-1].Word); isYearToken(y, toks, k-1) && len(y) == 4 {
				return y
			}
			return ""
		}
	}
	return ""
}

// saidOn reports whether the day word at k dates a statement: "said on
// Sunday", "on Friday said", "told reporters on Monday".
func saidOn(toks []lang.Token, k int) bool {
	for j := max(0, k-3); j <= min(len(toks)-1, k+2); j++ {
		switch strings.ToLower(toks[j].Word) {
		case "said", "says", "say", "told", "announced", "stated", "added", "reported", "confirmed", "denied", "rejected":
			return true
		}
	}
	return false
}

// timeAfter is the time expression after a scope word at k: a month, a
// year or a number with its unit ("six months"), else "".
func timeAfter(toks []lang.Token, k int) string {
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		w := strings.ToLower(toks[j].Word)
		if _, ok := lang.Month(w); ok {
			return w
		}
		if isYearToken(w, toks, j) || isNumber(w) {
			if j+1 < len(toks) {
				if u := strings.ToLower(toks[j+1].Word); scopeWords[u] != "" {
					return w + " " + u
				}
			}
			return w
		}
		if w != "the" && w != "first" && w != "last" && w != "end" && w != "of" {
			return ""
		}
	}
	return ""
}

func isYearToken(lw string, toks []lang.Token, i int) bool {
	if len(lw) == 4 && lw >= "1000" && lw <= "2100" && !strings.ContainsAny(lw, ",.") {
		return true
	}
	// a day of a month: "Feb. 18", "18 May"
	if i > 0 {
		if _, ok := lang.Month(strings.ToLower(toks[i-1].Word)); ok {
			return true
		}
	}
	if i+1 < len(toks) {
		if _, ok := lang.Month(strings.ToLower(toks[i+1].Word)); ok {
			return true
		}
	}
	return false
}

var wordNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"dozen": 12, "hundred": 100,
}

// ParseNumber reads a figure written in digits ("57,000") or as a word
// ("seven").
func ParseNumber(lw string) (float64, bool) { return parseNumber(lw) }

func parseNumber(lw string) (float64, bool) {
	if n, ok := wordNumbers[lw]; ok {
		return n, true
	}
	if lw == "" || lw[0] < '0' || lw[0] > '9' {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(lw, ",", ""), 64)
	return f, err == nil
}

func isNumber(lw string) bool { _, ok := parseNumber(lw); return ok }

func appendUnique(xs []string, ys ...string) []string {
	for _, y := range ys {
		if y == "" {
			continue
		}
		dup := false
		for _, x := range xs {
			if x == y {
				dup = true
				break
			}
		}
		if !dup {
			xs = append(xs, y)
		}
	}
	return xs
}
