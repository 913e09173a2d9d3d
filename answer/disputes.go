package answer

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
)

// Tuning of the dispute stage. Counts of shared meaning, not fitted scores.
const (
	// maxDisputes bounds the disputes one answer brings whole.
	maxDisputes = 3
	// quotesPerSide is how many claims of one side of a dispute an answer
	// shows at most, beyond those it already quotes.
	quotesPerSide = 2
)

// frame is the question read the way claims are read: the keys of its
// names and the lemmas of its other content words.
type frame struct {
	names, words, preds []string
}

// chosen is one dispute an answer shows, with how well it fits.
type chosen struct {
	idx         int
	names, hits int
}

// expandDisputes is the stage after picking: every dispute that the
// question is about comes whole. Each side gets an account (the quotes it
// already has, or its claims that best fit the question), accounts on
// different sides are marked as conflicting, and the answer names the
// disputes it shows.
//
// Which disputes a question is about depends on what it asks: a yes/no
// question is answered by who asserts and who denies; "who" by who led;
// "how many" by figures of one scope; "why" by causes. A question that asks
// when or where something happened is not answered by a dispute over
// whether it happened, so its answer marks none.
func (e *Engine) expandDisputes(qa *Query, ans *Answer) []shownDispute {
	cs := e.claims
	if cs == nil || ans.Abstained {
		return nil
	}
	e.keepScopesApart(ans)
	e.addMatchedClaims(qa, ans)
	if len(cs.Disputes) == 0 {
		return nil
	}
	f := qa.frame
	picked := e.relevantDisputes(qa, f, ans)
	if len(picked) == 0 {
		return nil
	}
	var shown []shownDispute
	if asksYesNo(qa) {
		for i := range ans.Accounts {
			ans.Accounts[i].ConflictsWith = nil
		}
	}
	// An account's yes or no is set by the first (best) dispute that
	// decides it: a later one over a related matter (a rebuttal of a
	// report, after the polarity dispute it belongs to) does not undo it.
	decided := map[int]bool{}
	for _, ch := range picked {
		d := &cs.Disputes[ch.idx]
		sideAccounts := make([][]int, len(d.Sides))
		for s, side := range d.Sides {
			sideAccounts[s] = e.showSide(qa, f, ans, d, s, side, decided)
		}
		for s := range sideAccounts {
			for t := s + 1; t < len(sideAccounts); t++ {
				for _, i := range sideAccounts[s] {
					for _, j := range sideAccounts[t] {
						markConflict(ans, i, j)
					}
				}
			}
		}
		ans.Disputes = append(ans.Disputes, d.ID)
		shown = append(shown, shownDispute{d: d, accounts: sideAccounts})
	}
	e.bestQuoteFirst(ans, shown)
	trimQuotes(ans, shown)
	return shown
}

// bestQuoteFirst puts first, in each account on a side of a shown dispute,
// the quote that states the side most plainly: the claim the other sides
// contradict most. The position line then says what that quote says.
func (e *Engine) bestQuoteFirst(ans *Answer, shown []shownDispute) {
	done := map[int]bool{}
	for _, sd := range shown {
		for s, side := range sd.accounts {
			for _, a := range side {
				if done[a] {
					continue
				}
				done[a] = true
				acc := &ans.Accounts[a]
				degree := func(q Quote) int {
					if i, ok := e.claimOf(q); ok {
						return e.claims.Degree(i)
					}
					return -1
				}
				first := acc.Quotes[0]
				sort.SliceStable(acc.Quotes, func(x, y int) bool { return degree(acc.Quotes[x]) > degree(acc.Quotes[y]) })
				if acc.Quotes[0] == first {
					continue
				}
				acc.Position = sidePosition(sd.d.Labels[s], acc.Quotes[0].Text)
				if sd.d.Kind == corpus.KindPolarity || sd.d.Kind == corpus.KindRebuttal {
					acc.Position = restance(acc.Position, acc.Stance)
				}
			}
		}
	}
}

// shownDispute is a dispute as an answer shows it: the accounts carrying
// each side.
type shownDispute struct {
	d        *corpus.Dispute
	accounts [][]int
}

// maxAnswerQuotes bounds the quotes of an answer once disputes are in: a
// reader takes in a handful of accounts, not a page of quotes.
const maxAnswerQuotes = 10

// trimQuotes drops further quotes (never an account's first), last
// accounts first, until the answer is within maxAnswerQuotes.
func trimQuotes(ans *Answer, shown []shownDispute) {
	inDispute := map[int]bool{}
	for _, sd := range shown {
		for _, side := range sd.accounts {
			for _, a := range side {
				inDispute[a] = true
			}
		}
	}
	total := 0
	for _, acc := range ans.Accounts {
		total += len(acc.Quotes)
	}
	// Accounts outside the disputes give up their further quotes first;
	// then accounts on a side keep their best three.
	for _, keep := range []int{1, 3} {
		for a := len(ans.Accounts) - 1; a >= 0 && total > maxAnswerQuotes; a-- {
			if inDispute[a] != (keep == 3) {
				continue
			}
			for len(ans.Accounts[a].Quotes) > keep && total > maxAnswerQuotes {
				ans.Accounts[a].Quotes = ans.Accounts[a].Quotes[:len(ans.Accounts[a].Quotes)-1]
				total--
			}
		}
	}
}

// keepScopesApart unmarks conflicts between accounts whose figures share
// no scope ("4 died on the night" and "7 in all"; "three labs" in one raid
// and "750 by April"): they are shown side by side, not as a conflict. A
// figure whose sentence states no scope has the empty one, which only
// another such figure shares.
func (e *Engine) keepScopesApart(ans *Answer) {
	scopes := make([]map[string]bool, len(ans.Accounts))
	for a, acc := range ans.Accounts {
		scopes[a] = map[string]bool{}
		for _, q := range acc.Quotes {
			if i, ok := e.claimOf(q); ok {
				for _, v := range e.claims.All[i].Values {
					scopes[a][v.Scope] = true
				}
			}
		}
	}
	for a := range ans.Accounts {
		var keep []int
		for _, b := range ans.Accounts[a].ConflictsWith {
			if !disjointScopes(scopes[a], scopes[b]) {
				keep = append(keep, b)
			}
		}
		ans.Accounts[a].ConflictsWith = keep
	}
}

func disjointScopes(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for s := range a {
		if b[s] {
			return false
		}
	}
	return true
}

// Claim selection by meaning: a claim that says most of what the question
// asks, in other words than the question's ("family members" for
// "relatives", "U.S." for "American"), is quoted even when sentence
// picking passed it over, while the answer has room.
const (
	// claimMatchFloor: the claim must say at least this share of the
	// question's frame.
	claimMatchFloor = 0.5
	// claimMatchRatio: … and nearly as much as the best claim does.
	claimMatchRatio = 0.8
	// maxMatchedClaims bounds the claims one answer adds this way.
	maxMatchedClaims = 3
)

// addMatchedClaims is the claim-selection stage: claims that match the
// question's frame best, not yet quoted, join the answer (in their
// holder's account, else a new one) while it has room.
func (e *Engine) addMatchedClaims(qa *Query, ans *Answer) {
	cs := e.claims
	total := 0
	for _, acc := range ans.Accounts {
		total += len(acc.Quotes)
	}
	type scored struct {
		i   int
		cov float64
	}
	var best float64
	var all []scored
	for i := range cs.All {
		c := &cs.All[i]
		cov := e.frameCoverage(qa, c.DocID, c.Sentence)
		if cov < claimMatchFloor {
			continue
		}
		best = max(best, cov)
		all = append(all, scored{i, cov})
	}
	sort.SliceStable(all, func(x, y int) bool { return all[x].cov > all[y].cov })
	added := 0
	for _, s := range all {
		if added == maxMatchedClaims || total >= maxAnswerQuotes || s.cov < claimMatchRatio*best {
			break
		}
		if _, ok := e.accountOf(ans, s.i); ok {
			continue
		}
		c := &cs.All[s.i]
		q := e.claimQuote(c)
		// It joins its holder's account only from the same document: two
		// documents in one outlet's voice may well disagree.
		placed := false
		for a := range ans.Accounts {
			acc := &ans.Accounts[a]
			if e.sameParty(acc.Holder, c.Holder) && slices.ContainsFunc(acc.Quotes, func(x Quote) bool { return x.DocID == c.DocID }) {
				acc.Quotes = append(acc.Quotes, q)
				placed = true
				break
			}
		}
		if !placed {
			ans.Accounts = append(ans.Accounts, Account{Holder: c.Holder, Stance: Context, Position: gist(q.Text, maxPosition), Quotes: []Quote{q}})
		}
		added++
		total++
	}
}

// frameWeight is what a match by meaning (a synonym, a demonym, an alias)
// is worth against a match of the same word: a little less, so the
// sentence that uses the question's own words still comes first.
const frameWeight = 0.9

// frameCoverage is the share of the question's frame (names not topical to
// the whole corpus, words not common; each weighted by how rare it is in
// the corpus's claims) that the claim of a sentence says in one of their
// meanings; 0 for a sentence that is no claim.
func (e *Engine) frameCoverage(qa *Query, docID string, si int) float64 {
	cs := e.claims
	i, ok := cs.At(docID, si)
	if !ok {
		return 0
	}
	got, total := cs.MatchWeight(qa.frame.names, qa.frame.words, i)
	if total == 0 {
		return 0
	}
	return got / total
}

// frameOf reads the question into a frame, once per question.
func (e *Engine) frameOf(qa *Query) frame {
	names, words, preds := e.claims.Entities.Frame(qa.text)
	f := frame{names: names}
	for _, w := range words {
		if !frameNoise[w] {
			f.words = append(f.words, w)
		}
	}
	for _, w := range preds {
		if !frameNoise[w] {
			f.preds = append(f.preds, w)
		}
	}
	return f
}

// frameNoise are words of asking, not of what a question is about.
var frameNoise = map[string]bool{"happen": true, "true": true, "say": true, "tell": true, "really": true, "accord": true, "claim": true, "report": true}

// relevantDisputes returns the disputes the question is about, best first.
// A dispute counts when one of its claims shares a name and a word with
// the question, or two words, and the question's kind asks what the
// dispute is over.
func (e *Engine) relevantDisputes(qa *Query, f frame, ans *Answer) []chosen {
	cs := e.claims
	var out []chosen
	for di := range cs.Disputes {
		d := &cs.Disputes[di]
		if !kindAnswers(qa, f, d) || !e.aboutSubject(qa, f, d) {
			continue
		}
		if subj := subjectKey(f); subj != "" && !cs.Involves(d, subj) {
			// "What did Chuck Schumer say about …" is about disputes
			// Schumer is part of, not every dispute near its words.
			continue
		}
		n, w := cs.MatchDispute(f.names, f.words, d)
		// A question of one word and no name ("what was the turnout")
		// is matched by that word alone; so is a question asking what
		// caused an event by the event ("what caused the fire?").
		single := len(f.names) == 0 && len(f.words) == 1 && w == 1
		if d.Kind == corpus.KindValue && qa.kind == kindQuantity && e.asksUnitOf(f, d) {
			// "What percentage of voters turned out?" asks for what
			// the figures of a dispute count, whatever else it says.
			single = true
		}
		if d.Kind == corpus.KindCause && asksCause(qa.text) {
			// A cause dispute answers a question asking for a cause
			// when it names the event (whose word is common in a
			// corpus about it, which is no reason not to meet it) or
			// the party the question names.
			single = single || n >= 1 || e.claimsSay(d, withoutCauseWords(f.words))
		}
		if n >= 1 && w >= 1 || w >= 2 || single {
			out = append(out, chosen{idx: di, names: n, hits: w})
		}
	}
	cause := asksCause(qa.text)
	sort.SliceStable(out, func(i, j int) bool {
		if cause {
			ci, cj := cs.Disputes[out[i].idx].Kind == corpus.KindCause, cs.Disputes[out[j].idx].Kind == corpus.KindCause
			if ci != cj {
				return ci
			}
		}
		return out[i].names+out[i].hits > out[j].names+out[j].hits
	})
	if len(out) > maxDisputes {
		out = out[:maxDisputes]
	}
	return out
}

// subjectKey is the question's first name that is not a country: the one
// it asks about ("Did ICE lead …", "What did Chuck Schumer say …").
func subjectKey(f frame) string {
	for _, n := range f.names {
		if !strings.HasPrefix(n, "country:") {
			return n
		}
	}
	return ""
}

// kindAnswers reports whether a dispute of d's kind answers the question.
func kindAnswers(qa *Query, f frame, d *corpus.Dispute) bool {
	if asksYesNo(qa) {
		return true
	}
	switch qa.kind {
	case kindPerson:
		return d.Kind != corpus.KindValue
	case kindQuantity:
		return d.Kind == corpus.KindValue
	case kindTime, kindPlace:
		return false
	}
	// An open question: "why" and "what caused" ask for causes; "what is
	// the death toll", a question with no verb of its own, may ask for a
	// figure; others ("what did X say about …") for rebuttals.
	if asksCause(qa.text) {
		return d.Kind == corpus.KindCause || d.Kind == corpus.KindRebuttal || d.Kind == corpus.KindPolarity
	}
	if len(f.preds) == 0 {
		return d.Kind == corpus.KindValue
	}
	return d.Kind == corpus.KindRebuttal || d.Kind == corpus.KindCause
}

// asksUnitOf reports whether a question word names the unit the figures of
// value dispute d count (a rare one: "percent", not "people").
func (e *Engine) asksUnitOf(f frame, d *corpus.Dispute) bool {
	for _, side := range d.Sides {
		for _, i := range side {
			for _, v := range e.claims.All[i].Values {
				if v.Unit == "" || e.claims.Common(v.Unit) {
					continue
				}
				for _, w := range f.words {
					if e.claims.Related(w, v.Unit) {
						return true
					}
				}
			}
		}
	}
	return false
}

// claimsSay reports whether a claim of d says one of words, in any of
// their meanings.
func (e *Engine) claimsSay(d *corpus.Dispute, words []string) bool {
	for _, side := range d.Sides {
		for _, i := range side {
			for _, x := range e.claims.All[i].Words {
				for _, w := range words {
					if e.claims.Related(w, x) {
						return true
					}
				}
			}
		}
	}
	return false
}

// withoutCauseWords drops the words of asking for a cause ("cause",
// "blame", "reason"): what is left names the event.
func withoutCauseWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		switch w {
		case "cause", "blame", "reason", "start", "trigger", "spark":
		default:
			out = append(out, w)
		}
	}
	return out
}

// asksYesNo reports whether a question asks yes or no: one the analysis
// calls so, or a statement with a question mark and no question word
// ("ice ran the sinaloa op?").
func asksYesNo(qa *Query) bool {
	if qa.kind == kindYesNo {
		return true
	}
	if qa.kind != kindOpen {
		return false
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(qa.text)), " ")
	switch strings.Trim(first, ",.?!") {
	case "what", "which", "who", "whom", "whose", "when", "where", "why", "how":
		return false
	}
	return true
}

func asksCause(q string) bool {
	l := " " + strings.ToLower(q) + " "
	for _, w := range []string{" why ", " cause", " caused ", " blame", " reason", " behind "} {
		if strings.Contains(l, w) {
			return true
		}
	}
	// "What started the fire?", "who triggered it?"; not "when did the
	// fire start?".
	if first, _, _ := strings.Cut(strings.TrimSpace(l), " "); first == "what" || first == "who" {
		for _, w := range []string{" started ", " start ", " triggered ", " trigger ", " sparked ", " spark "} {
			if strings.Contains(l, w) {
				return true
			}
		}
	}
	return false
}

// aboutSubject reports whether the question's words meet what the dispute
// is about (its subject). A question that asks something of an event
// ("what was seized in the raid") must meet it with what it asks (its
// predicate), so it does not bring the dispute over who led the raid.
func (e *Engine) aboutSubject(qa *Query, f frame, d *corpus.Dispute) bool {
	cs := e.claims
	words, against := f.words, d.Core
	switch {
	case d.Kind == corpus.KindCause && asksCause(qa.text):
		// "Why did the dam collapse?" asks for what the cause dispute
		// is over, whatever the question's verb.
		return true
	case d.Kind == corpus.KindValue && qa.kind == kindQuantity:
		// "How many votes did she get?" asks about what the figures
		// count, whatever the verb.
		words, against = f.words, d.Contested
	case !asksYesNo(qa) && len(f.preds) > 0:
		words, against = f.preds, d.Contested
	case asksYesNo(qa) && (d.Kind == corpus.KindPolarity || d.Kind == corpus.KindRebuttal) && len(d.Contested) > 0:
		// A yes/no question must ask about what is contested, not
		// only name what the dispute is about: "Did the weather sink
		// the ferry?" is not answered by whether it was overloaded.
		// What is contested is often what the corpus is about ("safe"
		// in a story of a dam's safety): common or not, it counts.
		return e.anyMeets(words, d.Contested)
	}
	for _, w := range words {
		if cs.Common(w) {
			continue
		}
		for _, s := range against {
			if cs.Related(w, s) {
				return true
			}
		}
	}
	return false
}

// anyMeets reports whether a word of ws can mean a word of against; a
// reporting word ("say", "deny") meets nothing.
func (e *Engine) anyMeets(ws, against []string) bool {
	for _, w := range ws {
		if frameNoise[w] {
			continue
		}
		for _, a := range against {
			if e.claims.Related(w, a) {
				return true
			}
		}
	}
	return false
}

// showSide makes sure one side of a dispute is in the answer and returns
// the accounts that carry it.
func (e *Engine) showSide(qa *Query, f frame, ans *Answer, d *corpus.Dispute, s int, side []int, decided map[int]bool) []int {
	cs := e.claims
	var accs []int
	for _, i := range side {
		if a, ok := e.accountOf(ans, i); ok && !slices.Contains(accs, a) {
			accs = append(accs, a)
		}
	}
	// A side's claims in order of how much they answer the question and
	// how contested they are: the statement most contradicted is the one a
	// reader needs to see.
	order := append([]int(nil), side...)
	rank := func(i int) int {
		n, w := cs.Match(f.names, f.words, i)
		return n + w + cs.Degree(i)
	}
	sort.SliceStable(order, func(x, y int) bool { return rank(order[x]) > rank(order[y]) })
	added := 0
	had := len(accs) > 0
	for _, i := range order {
		if added == quotesPerSide || had && added >= 1 {
			break
		}
		if _, ok := e.accountOf(ans, i); ok {
			continue
		}
		// Beyond one claim per side, only claims that say what the
		// question asks are worth a reader's time.
		if n, w := cs.Match(f.names, f.words, i); len(accs) > 0 && n+w == 0 {
			break
		}
		a := e.addClaim(qa, ans, d, s, i)
		if !slices.Contains(accs, a) {
			accs = append(accs, a)
		}
		added++
	}
	causeAsked := false
	if d.Kind == corpus.KindCause && asksYesNo(qa) {
		_, causeAsked = e.causeAnswer(qa, d, s)
	}
	if asksYesNo(qa) && (d.Kind == corpus.KindPolarity || d.Kind == corpus.KindRebuttal || causeAsked) {
		for _, a := range accs {
			if decided[a] {
				continue
			}
			decided[a] = true
			acc := &ans.Accounts[a]
			acc.Stance = e.yesOrNo(qa, d, s, acc)
			acc.Position = restance(acc.Position, acc.Stance)
		}
	}
	return accs
}

// yesOrNo is an account's answer to a yes/no question from its side of a
// dispute. The side's label says whether it denies the dispute's central
// statement; a denial that is itself negative ("denied that the plant was
// unsafe") asserts, and a question put negatively ("Was the plant
// unsafe?", "Did X deny …?") swaps yes and no.
func (e *Engine) yesOrNo(qa *Query, d *corpus.Dispute, s int, acc *Account) Stance {
	yes := d.Labels[s] != "denies"
	for _, q := range acc.Quotes {
		i, ok := e.claimOf(q)
		if !ok || !slices.Contains(d.Sides[s], i) {
			continue
		}
		if c := &e.claims.All[i]; c.Rebuts || c.Polarity == corpus.Denied {
			yes = c.Polarity != corpus.Denied
		}
		break
	}
	if d.Kind == corpus.KindCause {
		if y, ok := e.causeAnswer(qa, d, s); ok {
			yes = y
		}
	}
	if qa.negative != e.claims.Entities.Negative(qa.text) {
		yes = !yes
	}
	if yes {
		return Affirms
	}
	return Denies
}

// causeAnswer answers "Did X cause it?" for one side of a cause dispute:
// yes when the side blames what the question names, no when it blames
// something else ("poor maintenance caused the breach, not the tremor").
// ok is false when the question names none of the dispute's causes.
func (e *Engine) causeAnswer(qa *Query, d *corpus.Dispute, s int) (yes, ok bool) {
	asked := func(c *corpus.Claim) bool {
		for _, cause := range c.Causes {
			for _, w := range qa.frame.words {
				if e.claims.Related(cause, w) {
					return true
				}
			}
		}
		return false
	}
	for _, side := range d.Sides {
		for _, i := range side {
			ok = ok || asked(&e.claims.All[i])
		}
	}
	if !ok {
		return false, false
	}
	for _, i := range d.Sides[s] {
		if c := &e.claims.All[i]; len(c.Causes) > 0 {
			return asked(c) && c.Polarity != corpus.Denied, true
		}
	}
	return false, false
}

// restance puts a position's lead in line with a stance set by a dispute:
// "Yes: " becomes "No: " for an account on the denying side.
func restance(pos string, st Stance) string {
	for _, lead := range []string{"Yes: ", "No: ", "Partly: ", "Says: ", "Denies: "} {
		pos = strings.TrimPrefix(pos, lead)
	}
	switch st {
	case Affirms:
		return "Yes: " + pos
	case Denies:
		return "No: " + pos
	}
	return pos
}

func flip(s Stance) Stance {
	switch s {
	case Affirms:
		return Denies
	case Denies:
		return Affirms
	}
	return s
}

// accountOf returns the account quoting claim i.
func (e *Engine) accountOf(ans *Answer, i int) (int, bool) {
	for a, acc := range ans.Accounts {
		for _, q := range acc.Quotes {
			if j, ok := e.claimOf(q); ok && j == i {
				return a, true
			}
		}
	}
	return 0, false
}

// claimOf returns the claim a quote is the span of.
func (e *Engine) claimOf(q Quote) (int, bool) {
	d := e.corpus.Doc(q.DocID)
	if d == nil {
		return 0, false
	}
	return e.claims.At(q.DocID, d.SentenceAt(q.Start))
}

// addClaim quotes claim i of side s: in the account of the same holder
// that holds no other side of the dispute, else in a new account.
func (e *Engine) addClaim(qa *Query, ans *Answer, d *corpus.Dispute, s, i int) int {
	c := &e.claims.All[i]
	q := e.claimQuote(c)
	for a := range ans.Accounts {
		acc := &ans.Accounts[a]
		if !e.sameParty(acc.Holder, c.Holder) || e.holdsOtherSide(acc, d, s) {
			continue
		}
		acc.Quotes = append(acc.Quotes, q)
		return a
	}
	acc := Account{Holder: c.Holder, Stance: Context, Quotes: []Quote{q}}
	acc.Position = sidePosition(d.Labels[s], q.Text)
	ans.Accounts = append(ans.Accounts, acc)
	return len(ans.Accounts) - 1
}

// sameParty reports whether two holders are one party: the same name, an
// alias, or a unit of the other ("HSI" of "ICE").
func (e *Engine) sameParty(a, b string) bool {
	if sameHolder(holderKey(a), holderKey(b)) {
		return true
	}
	ents := e.claims.Entities
	ka, kb := ents.Key(a), ents.Key(b)
	pa, pb := ents.Parent(ka), ents.Parent(kb)
	return pa == kb && !strings.HasPrefix(pa, "country:") || pb == ka && !strings.HasPrefix(pb, "country:")
}

// holdsOtherSide reports whether an account quotes a claim of another side
// of d than s.
func (e *Engine) holdsOtherSide(acc *Account, d *corpus.Dispute, s int) bool {
	for _, q := range acc.Quotes {
		i, ok := e.claimOf(q)
		if !ok {
			continue
		}
		for t, side := range d.Sides {
			if t != s && slices.Contains(side, i) {
				return true
			}
		}
	}
	return false
}

// claimQuote is the quote of a claim: its own span (a transcript label
// left out), with its source.
func (e *Engine) claimQuote(c *corpus.Claim) Quote {
	doc := e.corpus.Doc(c.DocID)
	return Quote{
		DocID: c.DocID, Text: string(doc.Raw[c.Start:c.End]), Start: c.Start, End: c.End,
		Speaker: c.Speaker,
		Source: Source{Title: doc.Title, Outlet: doc.Outlet, Author: doc.Author,
			Published: doc.Published, URL: doc.URL},
	}
}

func markConflict(ans *Answer, i, j int) {
	if i == j {
		return
	}
	if !slices.Contains(ans.Accounts[i].ConflictsWith, j) {
		ans.Accounts[i].ConflictsWith = append(ans.Accounts[i].ConflictsWith, j)
	}
	if !slices.Contains(ans.Accounts[j].ConflictsWith, i) {
		ans.Accounts[j].ConflictsWith = append(ans.Accounts[j].ConflictsWith, i)
	}
}
