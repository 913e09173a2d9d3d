package corpus

import (
	"strings"
)

// Speaker attribution finds who a sentence reports: "X said", "said X",
// "according to X", "X denied …", "“…,” X added", a quote line signed
// "— X (@handle) date", and quotations that run over several sentences.
// Subjects are names (titles stripped), pronouns and references such as "the
// embassy", resolved through the document's registry. A sentence in the
// author's own voice gets "".

// speechVerbs introduce reported speech; see also weakVerbs and baseVerbs.
var speechVerbs = setOf(
	"refuted", "refutes", "contradicted", "contradicts",
	"said", "says", "saying", "told", "tells", "added", "adds", "stated", "states", "claimed",
	"claims", "denied", "denies", "rejected", "rejects", "emphasized", "emphasised", "emphasizes",
	"emphasises", "clarified", "clarifies", "argued", "argues", "insisted", "insists", "warned",
	"warns", "noted", "notes", "reiterated", "reiterates", "announced", "announces", "concluded",
	"concludes", "dismissed", "dismisses", "explained", "explains", "asserted", "asserts",
	"acknowledged", "acknowledges", "admitted", "admits", "confirmed", "confirms", "maintained",
	"maintains", "wrote", "writes", "tweeted", "tweets", "posted", "reported", "reports", "alleged",
	"alleges", "stressed", "stresses", "declared", "declares", "disputed", "disputes", "contended",
	"contends", "suggested", "suggests", "countered", "counters", "responded", "responds", "replied",
	"replies", "urged", "urges", "asked", "asks", "criticized", "criticised", "criticizes",
	"criticises", "accused", "accuses", "slammed", "slams", "called", "calls", "promised", "promises",
	"vowed", "vows", "pledged", "pledges", "highlighted", "highlights", "informed", "informs",
	"testified", "revealed", "reveals", "condemned", "condemns", "praised", "praises", "blamed",
	"blames", "questioned", "questions", "predicted", "estimated", "described", "describes", "thinks",
	"believes", "believed", "complained", "complains", "answered",
)

// weakVerbs report speech only when what follows opens the content ("wrote
// that", "called it “false”"); otherwise they are "wrote a book", "was
// called Viu", or plural nouns ("Editorial notes"). "Blamed" is not weak:
// whoever blames a cause holds that claim.
var weakVerbs = setOf("wrote", "writes", "called", "calls", "asked", "asks", "described",
	"describes", "posted", "reported", "reports", "informed", "informs", "questioned", "questions",
	"praised", "praises", "accused", "accuses", "urged", "urges", "replied",
	"replies", "answered", "declared", "declares", "maintained", "maintains", "notes", "states",
	"claims", "adds", "tweets", "stresses", "suggested", "suggests", "estimated", "predicted",
	"recalled", "revealed", "reveals", "thinks", "believes", "believed", "condemned", "condemns",
	"added", "announced", "announces", "confirmed", "confirms")

// baseVerbs are speech verbs in the base form. They count only after "to"
// or an auxiliary ("went on to say", "did not deny"): as bare words they are
// mostly nouns ("the U.S. state of Ohio", "a note").
var baseVerbs = setOf("say", "tell", "add", "claim", "deny", "reject", "emphasize", "clarify", "argue",
	"insist", "warn", "reiterate", "announce", "dismiss", "confirm", "dispute", "admit", "explain",
	"note", "stress", "state")

// baseAux may precede a speech verb in its base form.
var baseAux = setOf("to", "did", "does", "do", "would", "will", "could", "can", "not", "n't", "also", "must", "should")

// beWords before a participle make it passive: "he was told", "she was
// called to the Bar" report nothing the subject said.
var beWords = setOf("was", "were", "is", "are", "be", "been", "being")

// auxWords may stand between a subject and its verb: "Roe has also said",
// "Roe was quick to dismiss", "Roe went on to say", "Roe on Thursday said".
var auxWords = setOf("has", "had", "have", "was", "were", "is", "are", "also", "to", "on", "went",
	"continued", "quick", "would", "will", "did", "does", "do", "not", "then", "again", "later",
	"further", "repeatedly", "previously", "reportedly", "publicly", "firmly", "flatly", "strongly",
	"swiftly", "quickly", "once", "had", "been", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "never", "herself", "himself", "themselves", "itself", "sought", "moved",
	"declined", "refused", "rushed", "proceeded")

// personNouns and their role: "the president" prefers a speaker titled
// President. Other person nouns ("the official") take the last person.
var personNouns = setOf("president", "minister", "secretary", "senator", "governor", "mayor",
	"spokesperson", "spokesman", "spokeswoman", "ambassador", "official", "chief", "leader", "head",
	"director", "prosecutor", "attorney", "judge", "lawmaker", "diplomat", "general", "commander",
	"chancellor", "premier", "king", "queen", "pope", "ceo", "chairman", "chairwoman", "founder",
	"candidate", "envoy", "state") // "state" as in "head of state"

// pronouns resolve to the last speaker of the right kind.
var pronouns = setOf("he", "she", "they", "it")

// sourceWords sit between "according to" and the source: "according to
// data from the Statistics Office".
var sourceWords = setOf("the", "a", "an", "data", "figures", "documents", "records", "statement",
	"statements", "report", "reports", "estimates", "sources", "source", "from", "by", "of", "new",
	"official", "latest", "recent", "its", "their")

// introNouns open "In a statement, X …": the subject that follows spoke.
var introNouns = setOf("statement", "interview", "post", "letter", "tweet", "video", "release",
	"conference", "briefing", "message", "speech", "communiqué", "communique")

// sentInfo is what attribution needs to know about one sentence.
type sentInfo struct {
	text    string
	skip    bool // boilerplate: neither attributed nor a source of names
	newLine bool // starts a line: a quotation does not carry over
	newPara bool // a blank line comes before it
}

// Attribute returns the speaker of each sentence ("" for the author's own
// voice), taking the sentences as one paragraph in document order. It is
// the attribution ParseDocument applies, exposed for tests and for callers
// that hold sentences from elsewhere. Without line layout, only chrome that
// shows in the sentence itself (a bare link, a share prompt) is skipped.
func Attribute(sentences []string) []string {
	infos := make([]sentInfo, len(sentences))
	for k, s := range sentences {
		infos[k] = sentInfo{text: s, skip: isChromePhrase(s) || isChrome(s, false)}
	}
	return attribute(infos, "")
}

// attributeSpeakers sets Sentence.Speaker on one document's sentences;
// outlet is the document's own outlet, which "the company" never means.
func attributeSpeakers(raw []byte, sents []Sentence, outlet string) {
	infos := make([]sentInfo, len(sents))
	for k, s := range sents {
		infos[k] = sentInfo{text: s.Text, skip: s.Boilerplate}
		if k > 0 {
			gap := raw[sents[k-1].End:s.Start]
			infos[k].newLine = hasNewline(gap)
			infos[k].newPara = hasBlankLine(gap)
		}
	}
	for k, name := range attribute(infos, outlet) {
		sents[k].Speaker = name
	}
}

// quoteState records the quotation shape of one sentence.
type quoteState struct {
	startIn, endIn bool // starts/ends inside a quotation
	quoted         bool // holds quoted words
	opens          bool // begins with a quotation
}

func attribute(infos []sentInfo, outlet string) []string {
	reg := newRegistry()
	reg.outlet = outlet
	for _, in := range infos {
		if !in.skip {
			collectAcronyms(in.text, reg.acronyms)
		}
	}
	own := make([]*entity, len(infos))
	qs := make([]quoteState, len(infos))
	var toks []token
	inQuote := false
	// Names matter only up to the last sentence that could report speech;
	// most encyclopedic text has none, and skipping it halves load time.
	last := -1
	for k, in := range infos {
		if (!in.skip || strings.Contains(in.text, "(@")) && hasCue(in.text) {
			last = k
		}
	}
	for k, in := range infos[:last+1] {
		if name, ok := signature(in.text); ok {
			signLineAbove(infos, own, k, reg.resolve(strings.Fields(name), ""))
			inQuote = false
			continue
		}
		if in.skip {
			inQuote = false
			continue
		}
		if in.newLine {
			inQuote = false
		}
		q := quoteState{startIn: inQuote}
		toks, inQuote = tokenize(in.text, inQuote, toks)
		q.endIn = inQuote
		words, quoted := 0, 0
		for _, t := range toks {
			if t.word {
				words++
				if t.quoted {
					quoted++
				}
			}
		}
		q.quoted = quoted > 0
		// A quotation that opens the sentence and makes most of it, not a
		// quoted title ("“Follow Me” is the band's first single").
		q.opens = len(toks) > 0 && toks[0].quoted && quoted*5 >= words*3
		qs[k] = q
		reg.sentStart = len(reg.mentions)
		registerNames(reg, toks)
		if e := findSpeaker(reg, toks); e != nil {
			own[k] = e
			reg.speakers = append(reg.speakers, e)
		}
	}
	final := spreadQuotes(infos, own, qs)
	out := make([]string, len(infos))
	for k, e := range final {
		if e != nil {
			out[k] = e.String()
		}
	}
	return out
}

// signature returns the name in an embed signature "— Name (@handle) date".
func signature(t string) (string, bool) {
	if !strings.Contains(t, "(@") || !tweetSigLine.MatchString(t) {
		return "", false
	}
	t = strings.TrimLeft(t, "—–-&mdash; ")
	name := strings.TrimSpace(t[:strings.Index(t, "(@")])
	return name, name != ""
}

// signLineAbove attributes the line just above a signature (the quoted post)
// to its author, unless its sentences already have a speaker.
func signLineAbove(infos []sentInfo, own []*entity, k int, e *entity) {
	if e == nil || infos[k].newPara {
		return
	}
	for j := k - 1; j >= 0; j-- {
		if !infos[j].skip && own[j] == nil {
			own[j] = e
		}
		if infos[j].newLine && !infos[j].skip || infos[j].newPara {
			return
		}
	}
}

// hasCue reports whether t might report speech: a quotation mark, an embed
// signature, "according", or a speech verb. It errs towards yes; it only
// lets attribution stop early.
func hasCue(t string) bool {
	if strings.ContainsAny(t, "\"“”«»") || strings.Contains(t, "``") || strings.Contains(t, "(@") {
		return true
	}
	for i := 0; i < len(t); {
		if !isLetterByte(t[i]) || i > 0 && isLetterByte(t[i-1]) {
			i++
			continue
		}
		j := i + 1
		for j < len(t) && 'a' <= t[j] && t[j] <= 'z' {
			j++
		}
		if j-i >= 3 && j-i <= 13 && (j == len(t) || !isLetterByte(t[j])) {
			if w := t[i:j]; cueWords[w] || w == "According" {
				return true
			}
		}
		i = j
	}
	return false
}

// cueWords are the lower-case words hasCue looks for.
var cueWords = unionOf(speechVerbs, baseVerbs, introNouns, setOf("according"))

func unionOf(sets ...map[string]bool) map[string]bool {
	m := make(map[string]bool)
	for _, s := range sets {
		for w := range s {
			m[w] = true
		}
	}
	return m
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// collectAcronyms adds the all-capitals words of t to set, so that
// "Immigration and Customs Enforcement" can be recognised as "ICE".
func collectAcronyms(t string, set map[string]bool) {
	for i := 0; i < len(t); {
		if t[i] < 'A' || t[i] > 'Z' || i > 0 && isAlnumByte(t[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(t) && 'A' <= t[j] && t[j] <= 'Z' {
			j++
		}
		if j-i >= 2 && j-i <= 6 && (j == len(t) || !isAlnumByte(t[j])) {
			set[t[i:j]] = true
		}
		i = j
	}
}

// registerNames records the multi-word names and defined acronyms of a
// sentence, so that later surnames and "the embassy" can be resolved.
// One-word names are left to the speaker search: most are places.
func registerNames(reg *registry, toks []token) {
	for i := 0; i < len(toks); i++ {
		sp, ok := capSpanStarting(toks, i)
		if !ok {
			continue
		}
		sp = extendSpan(toks, sp)
		if sp.j-sp.i >= 2 || sp.acronym != "" || sp.noun != "" || isAcronym(toks[sp.i].text) {
			ps := sp.parts(toks)
			for k, p := range ps {
				acr := ""
				if k == len(ps)-1 {
					acr = sp.acronym
				}
				reg.resolve(p, acr)
			}
		}
		i = sp.j - 1
	}
}

// extendSpan adds what follows a name: an acronym definition "(ICE)" or a
// lower-case org noun ("the U.S. embassy").
func extendSpan(toks []token, sp nameSpan) nameSpan {
	j := sp.j
	if j+2 < len(toks) && toks[j].text == "(" && toks[j+2].text == ")" && isAcronym(toks[j+1].text) {
		sp.acronym = toks[j+1].text
		return sp
	}
	if j < len(toks) && toks[j].word && !toks[j].cap && !toks[j].quoted && refNouns[toks[j].text] {
		sp.noun = toks[j].text
	}
	return sp
}
