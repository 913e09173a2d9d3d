package corpus

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
)

// A trend is what a claim says about where something is heading: "ties
// between the two countries will remain strained", "both governments will
// increase collaboration", "violence has risen". Two holders who see one
// thing heading opposite ways at the same time disagree (see sameTime): a
// forecast of deepening cooperation and one of cooling relations are rival
// accounts, though neither denies a word of the other.

// risingVerbs and fallingVerbs are the base forms of verbs (and their
// participles used as adjectives: "strained") that say something grows or
// improves, or shrinks or worsens.
var (
	risingVerbs = setOf("increase", "grow", "rise", "deepen", "improve", "strengthen", "expand", "intensify",
		"advance", "boost", "accelerate", "climb", "surge", "soar", "broaden", "warm", "flourish", "recover")
	fallingVerbs = setOf("decrease", "decline", "fall", "drop", "shrink", "weaken", "worsen", "deteriorate", "lower", "recede", "subside",
		"cool", "strain", "sour", "wane", "erode", "fray", "slow", "plunge", "plummet", "slump", "diminish",
		"dwindle", "ebb", "stall", "collapse", "falter", "chill")
)

// relationNouns all name how parties deal with each other: more
// cooperation is closer relations, strained ties are worse ones.
var relationNouns = setOf("relation", "relations", "relationship", "tie", "ties", "cooperation", "collaboration",
	"partnership", "alliance", "coordination", "bond", "rapport", "engagement")

// strifeNouns name how badly parties get on: growing tension is worsening
// relations.
var strifeNouns = setOf("tension", "distrust", "mistrust", "friction", "hostility", "rivalry", "animosity",
	"acrimony", "antagonism", "rift")

// measureNouns stand for what they measure: "signs of cooperation have
// increased" is about cooperation.
var measureNouns = setOf("sign", "level", "number", "amount", "rate", "degree", "pace", "scale", "volume", "share")

// trendLead are the words between a trend's subject and its verb that
// carry no subject: auxiliaries, "remain", adverbs of degree and of time
// ("has in recent months increased").
var trendLead = setOf("will", "would", "could", "may", "might", "shall", "can", "has", "have", "had", "be", "been",
	"being", "is", "are", "was", "were", "remain", "remains", "remained", "become", "becomes", "became", "continue",
	"continues", "continued", "to", "likely", "certainly", "further", "increasingly", "also", "still", "only",
	"already", "probably", "expected", "set", "going", "in", "recent", "months", "weeks", "years", "the", "past",
	"last", "over", "steadily", "sharply", "gradually", "significantly", "dramatically", "more", "even", "again",
	"get", "gets", "got", "grow", "grows", "grew", "start", "started", "begin", "began", "keep", "kept")

// afterCopula are the words after which a participle describes its
// subject ("remain strained") rather than acting on an object.
var afterCopula = setOf("remain", "remains", "remained", "become", "becomes", "became", "be", "been", "is", "are",
	"was", "were", "increasingly", "more", "get", "gets", "got", "grow", "grows", "grew")

// futureWords mark a forecast.
var futureWords = setOf("will", "would", "shall", "'ll", "going", "expected", "likely", "set", "poised", "forecast",
	"predicted", "projected", "expect", "expects", "predict", "predicts", "forecasts", "anticipate", "anticipates")

// goVerbs go "down" or "up".
var goVerbs = setOf("go", "goes", "going", "went", "gone", "come", "comes", "coming", "came")

// pastAt reports whether the trend verb at i is told in the simple past
// ("prices rose in January", "relations were strained"), not as what has
// been happening up to now ("have cooled", "is going down").
func pastAt(toks []lang.Token, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 3; k-- {
		switch strings.ToLower(toks[k].Word) {
		case "has", "have", "is", "are", "am", "be", "been", "being", "remain", "remains", "keeps", "continues":
			return false
		case "had", "was", "were", "remained", "did":
			return true
		}
	}
	w := strings.ToLower(toks[i].Word)
	return strings.HasSuffix(w, "ed") || pastForms[w]
}

// pastForms are irregular simple pasts of trend verbs.
var pastForms = setOf("rose", "fell", "grew", "shrank", "went", "came", "sank", "soared", "slid")

// openingParenthetical begins an aside between a subject and its verb:
// "the collaboration, including the dismantling of labs, will wane".
var openingParenthetical = setOf("including", "which", "who", "such", "especially", "particularly", "notably", "like", "despite")

// trendTimes follow an intransitive trend verb without being its object.
var trendTimes = setOf("year", "month", "week", "day", "quarter", "decade", "time", "night", "season", "spring",
	"summer", "autumn", "winter")

// trendPreps attach a phrase to the noun before them: "relations between
// Mexico and the US", "cooperation in counterdrug operations".
var trendPreps = setOf("between", "of", "among", "with", "across", "in", "on", "along", "at", "near")

// expectVerbs open a clause a negation before them governs whole: "we do
// not see any indication that the collaboration will wane".
var expectVerbs = setOf("see", "expect", "believe", "think", "anticipate", "foresee", "indication", "indications",
	"sign", "signs", "evidence", "reason")

// readTrend sets c.Trend, c.TrendOf and c.Future from the first verb of
// rising or falling whose subject or object the clause names.
func readTrend(c *Claim, toks []lang.Token, clause []int, names []nameRun, ents *Entities) {
	if ents.lex == nil {
		return
	}
	inName := make([]bool, len(toks))
	for _, n := range names {
		for k := n.from; k < n.to; k++ {
			inName[k] = true
		}
	}
	for i, t := range toks {
		lw := strings.ToLower(t.Word)
		if inName[i] || len(lw) < 3 {
			continue
		}
		dir := trendDirection(lw, ents.lex)
		if dir == 0 && i+1 < len(toks) && goVerbs[lw] {
			// "The water is going down every hour."
			switch strings.ToLower(toks[i+1].Word) {
			case "down":
				dir = -1
			case "up":
				dir = 1
			}
		}
		if dir == 0 {
			continue
		}
		prev := ""
		if i > 0 {
			prev = strings.ToLower(toks[i-1].Word)
		}
		if isDeterminer(prev) || prev == "a" || prev == "an" {
			continue // "an increase in …", "the decline": a noun, not a claim about a trend
		}
		subject := ""
		if !afterCopula[prev] {
			subject = trendObject(toks, clause, i, inName, ents)
		}
		if subject == "" {
			subject = trendSubject(toks, clause, i, inName, ents)
		}
		if subject == "" {
			continue
		}
		if negatedTrend(toks, i) {
			dir = -dir
		}
		if strifeNouns[subject] {
			subject, dir = "relation", -dir
		}
		c.Trend, c.TrendOf = dir, []string{subject}
		for k := clauseStart(clause, i) - 1; k < i; k++ {
			if k >= 0 && futureWords[strings.ToLower(toks[k].Word)] {
				c.Future = true
			}
		}
		c.TrendPast = !c.Future && pastAt(toks, i)
		return
	}
}

// trendDirection is +1 for a form of a rising verb, -1 for a falling one.
func trendDirection(lw string, lex *lexicon.Lexicon) int8 {
	return verbDirection(lw, lex, risingVerbs, fallingVerbs)
}

// verbDirection is +1 when a verb base of lw is in up, -1 when in down.
func verbDirection(lw string, lex *lexicon.Lexicon, up, down map[string]bool) int8 {
	for _, b := range lex.Base(lw, lexicon.Verb) {
		switch {
		case up[b]:
			return 1
		case down[b]:
			return -1
		}
	}
	return 0
}

// trendObject is the noun a transitive trend verb acts on ("will increase
// collaboration", "have increased their operations"), or "".
func trendObject(toks []lang.Token, clause []int, i int, inName []bool, ents *Entities) string {
	for k := i + 1; k < len(toks) && k <= i+3 && clause[k] == clause[i]; k++ {
		w := strings.ToLower(toks[k].Word)
		switch {
		case inName[k]:
			return ""
		case isDeterminer(w) || w == "our" || w == "a" || w == "an":
			continue
		case lang.IsStopword(w):
			return ""
		case trendTimes[ents.lemma(w)]:
			return "" // "will fall next year": no object
		case ents.isNoun(w) && !ents.isModifier(w):
			// The head is the last noun of the phrase: "security
			// cooperation".
			head := ents.lemma(w)
			for j := k + 1; j < len(toks) && clause[j] == clause[i] && !inName[j]; j++ {
				v := strings.ToLower(toks[j].Word)
				if lang.IsStopword(v) || !ents.isNoun(v) {
					break
				}
				head = ents.lemma(v)
			}
			return head
		case ents.isAdjective(w):
			continue
		default:
			return ""
		}
	}
	return ""
}

// trendSubject is the head noun of the subject before a trend verb, past
// the auxiliaries, an aside set off by commas, and a phrase attached to the
// head ("Relations between Mexico and the US will cool" → relation).
func trendSubject(toks []lang.Token, clause []int, i int, inName []bool, ents *Entities) string {
	k := i - 1
	for k >= 0 && trendLead[strings.ToLower(toks[k].Word)] && !inName[k] {
		k--
	}
	// An aside between subject and verb is a clause of its own: skip it
	// back to the clause before.
	if k >= 0 && clause[k] != clause[i] {
		start := k
		for start > 0 && clause[start-1] == clause[k] {
			start--
		}
		if openingParenthetical[strings.ToLower(toks[start].Word)] {
			k = start - 1
		}
		if k < 0 || clause[k] == clause[i] {
			return ""
		}
	}
	head, last, viaOf := "", "", false
	for steps := 0; k >= 0 && steps < 12; k, steps = k-1, steps+1 {
		if k+1 < len(toks) && k+1 <= i-1 && clause[k] != clause[k+1] && head != "" {
			break
		}
		w := strings.ToLower(toks[k].Word)
		switch {
		case inName[k] && !(k == 0 && ents.isNoun(w)) || w == "and" || w == "both" || isDeterminer(w) || w == "a" || w == "an":
			// A name, save the capital a sentence opens with
			// ("Cooperation between …").
			continue
		case trendPreps[w]:
			// What stood after the preposition modifies a noun before
			// it; after "of" it may be what a measure measures ("signs
			// of cooperation").
			if head != "" && w == "of" {
				last = head
			}
			viaOf = w == "of"
			head = ""
			continue
		case lang.IsStopword(w) || negations[w]:
		case ents.isNoun(w) && !ents.isModifier(w):
			if head == "" {
				head = ents.lemma(w)
			} else if measureNouns[head] && !viaOf {
				head = ents.lemma(w) // "water levels" are about the water
			}
			continue
		case ents.isAdjective(w) || !ents.isNoun(w) && !ents.isVerb(w):
			// A modifier, or a word the dictionary does not know
			// ("counterdrug").
			continue
		}
		break
	}
	if head == "" || measureNouns[head] && last != "" {
		return last
	}
	return head
}

// negatedTrend reports whether a negation governs the trend verb at i: one
// of the three words before it ("will not improve", "no longer grows"), or
// a negated verb of expecting that opens its clause ("we do not see any
// indication that the collaboration will wane").
func negatedTrend(toks []lang.Token, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 3; k-- {
		if negations[strings.ToLower(toks[k].Word)] {
			return true
		}
	}
	for k := 0; k < i; k++ {
		if !negations[strings.ToLower(toks[k].Word)] {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+4 && j < i; j++ {
			if expectVerbs[strings.ToLower(toks[j].Word)] && indexWord(toks, j+1, i, "that") >= 0 {
				return true // "… no sign that the partnership will weaken"
			}
		}
	}
	return false
}

// sameTrendSubject reports whether two trends are about one thing: the
// same lemma, two words for how parties deal with each other, or related
// meanings.
func sameTrendSubject(m *meanings, a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || relationNouns[x] && relationNouns[y] || m.related(x, y) {
				return true
			}
		}
	}
	return false
}

// trendLabel names a side of a trend dispute: relations "improve" or
// "worsen", other things "rise" or "fall".
func trendLabel(c *Claim) string {
	subject := ""
	if len(c.TrendOf) > 0 {
		subject = c.TrendOf[0]
	}
	switch {
	case relationNouns[subject] && c.Trend > 0:
		return "relations improving"
	case relationNouns[subject]:
		return "relations worsening"
	case c.Trend > 0:
		return subject + " rising"
	}
	return subject + " falling"
}

// relationTrend reports whether a claim's trend is of how parties get on.
func relationTrend(c *Claim) bool {
	return len(c.TrendOf) > 0 && relationNouns[c.TrendOf[0]]
}

// AsksTrend reports whether words (a question's lemmas) ask where the
// subject of trend dispute d is heading: a verb of rising or falling
// ("deepen", "strain") or of heading ("develop"), and what the dispute's
// claims say rises or falls ("cooperation" for a dispute over relations).
func (cs *Claims) AsksTrend(words []string, d *Dispute) bool {
	if d.Kind != KindTrend {
		return false
	}
	// It must ask which way something heads ("drop", "deepen",
	// "worse", "develop"), and name what heads there (for relations,
	// any word for them).
	heading := slices.ContainsFunc(words, func(w string) bool {
		return outlookWords[w] || cs.Entities.lex != nil && askedDirection(w, cs.Entities.lex) != 0
	})
	if !heading {
		return false
	}
	for _, w := range words {
		for _, side := range d.Sides {
			for _, i := range side {
				if sameTrendSubject(cs.meanings, []string{w}, cs.All[i].TrendOf) {
					return true
				}
			}
		}
	}
	return false
}

// outlookWords ask where something is heading without saying which way.
var outlookWords = setOf("develop", "evolve", "change", "outlook", "future", "trend", "trajectory", "head",
	"direction", "prospect", "forecast")

// Direction is where words (a question's lemmas) ask that something heads:
// +1 up ("deepen", "improve"), -1 down ("strain"), 0 when they ask both
// ways ("deepen or become strained") or neither. Growing strife ("Will
// tensions rise?") is worsening relations.
func (cs *Claims) Direction(words []string) int8 {
	if cs.Entities.lex == nil {
		return 0
	}
	up, down, strife := false, false, false
	for _, w := range words {
		switch askedDirection(w, cs.Entities.lex) {
		case 1:
			up = true
		case -1:
			down = true
		}
		strife = strife || strifeNouns[w]
	}
	switch {
	case up == down:
		return 0
	case up != strife:
		return 1
	}
	return -1
}

// SideTrend is the way side s of trend dispute d says its subject heads.
func (cs *Claims) SideTrend(d *Dispute, s int) int8 {
	if d.Kind != KindTrend || len(d.Sides[s]) == 0 {
		return 0
	}
	return cs.All[d.Sides[s][0]].Trend
}

// Comparatives a question asks a trend with: "Will ties get worse?"
var (
	risingComparatives  = setOf("better", "closer", "stronger", "warmer", "deeper", "higher")
	fallingComparatives = setOf("worse", "weaker", "cooler", "colder", "tenser", "lower")
)

// askedDirection is trendDirection that also reads a comparative.
func askedDirection(w string, lex *lexicon.Lexicon) int8 {
	switch {
	case risingComparatives[w]:
		return 1
	case fallingComparatives[w]:
		return -1
	}
	return trendDirection(w, lex)
}

// sameTime reports whether two trends can be rival accounts by their
// times: a relationship said to grow closer and to cool is, whichever
// tense each uses; water said to be going down now and to rise over the
// coming week is; prices that rose in January and will fall next year are
// not, nor are two past movements (water that rose on Monday and was
// pumped down since: different moments of one story).
func sameTime(x, y *Claim) bool {
	switch {
	case relationTrend(x) && relationTrend(y):
		return true
	case x.TrendPast || y.TrendPast:
		return false
	}
	return true
}
