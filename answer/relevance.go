package answer

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
)

// chosen is one dispute an answer shows, with how well it fits.
type chosen struct {
	idx         int
	names, hits int
}

// relevantDisputes returns the disputes the question is about, best first.
// A dispute counts when one of its claims shares a name and a word with
// the question, or two words, and the question's kind asks what the
// dispute is over.
func (dx *disputeExpander) relevantDisputes(qa *Query, f frame, ans *Answer) []chosen {
	cs := dx.k.claims
	var out []chosen
	for di := range cs.Disputes {
		d := &cs.Disputes[di]
		if !kindAnswers(qa, f, d) || !dx.aboutSubject(qa, f, d) {
			continue
		}
		if subj := dx.subjectKey(f); subj != "" && !cs.Common(subj) && !cs.Involves(d, subj) && !dx.partsInvolved(d, subj) {
			// "What did Chuck Schumer say about …" is about disputes
			// Schumer is part of, not every dispute near its words.
			continue
		}
		n, w := cs.MatchDispute(f.names, f.words, d)
		// A question of one word and no name ("what was the turnout")
		// is matched by that word alone; so is a question asking what
		// caused an event by the event ("what caused the fire?").
		single := len(f.names) == 0 && len(f.words) == 1 && w == 1
		if d.Kind == corpus.KindValue && qa.kind == kindQuantity && (dx.asksUnitOf(f, d) || dx.asksEventOf(f, d)) {
			// "What percentage of voters turned out?" asks for what
			// the figures of a dispute count, whatever else it says.
			single = true
		}
		if d.Kind == corpus.KindCause && asksCause(qa.text) {
			// A cause dispute answers a question asking for a cause
			// when it names the event (whose word is common in a
			// corpus about it, which is no reason not to meet it) or
			// the party the question names.
			single = single || n >= 1 || dx.claimsSay(d, withoutCauseWords(f.words))
		}
		if d.Kind == corpus.KindAgent && w >= 1 && asksLeader(qa, f) {
			// "did the coast guard run the rescue": who led the act
			// the dispute is over, asked in other words.
			single = true
		}
		if d.Kind == corpus.KindTrend && w >= 1 && slices.ContainsFunc(f.names, func(n string) bool { return cs.Involves(d, n) }) {
			// "Will relations between Mexico and the US get worse?":
			// the parties of the relationship are in every document,
			// which is no reason not to meet them.
			single = true
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

// subjectKey is the question's first name that is not a country (nor a
// pair of them): the one
// it asks about ("Did ICE lead …", "What did Chuck Schumer say …"). A
// national capital standing for its country ("Did Washington's agents take
// part …") is not the subject either: the disputes over what that country
// did seldom name the city.
func (dx *disputeExpander) subjectKey(f frame) string {
	for _, n := range f.names {
		if !strings.HasPrefix(n, "country:") && !dx.k.claims.Entities.IsCapital(n) && !dx.countries(n) {
			return n
		}
	}
	return ""
}

// partsInvolved reports whether a name joining names ("Vesk-Orland")
// joins names the dispute involves: the pair's relations are about both.
func (dx *disputeExpander) partsInvolved(d *corpus.Dispute, key string) bool {
	ws := strings.Fields(key)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if !dx.k.claims.Involves(d, w) {
			return false
		}
	}
	return true
}

// countries reports whether a name joins countries ("US-Mexico"): the
// two countries, not a party of its own.
func (dx *disputeExpander) countries(key string) bool {
	ws := strings.Fields(key)
	if len(ws) < 2 {
		return false
	}
	ents := dx.k.claims.Entities
	for _, w := range ws {
		// Keys are lower case; the registry knows "US" and "Mexico".
		if !strings.HasPrefix(ents.Key(strings.ToUpper(w)), "country:") && !strings.HasPrefix(ents.Key(strings.ToUpper(w[:1])+w[1:]), "country:") {
			return false
		}
	}
	return true
}

// kindAnswers reports whether a dispute of d's kind answers the question.
func kindAnswers(qa *Query, f frame, d *corpus.Dispute) bool {
	if asksYesNo(qa) {
		// "Did the hospital lower its water temperature?" asks no
		// count; "Did six people die?" does.
		return d.Kind != corpus.KindValue || statesFigure(qa.text) || asksCount(qa.text)
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
	if d.Kind == corpus.KindTrend || d.Kind == corpus.KindConsent {
		// "How will relations develop?", "Whom did she ask for
		// help?": whether it asks what the dispute is over is
		// aboutSubject's to say.
		return true
	}
	if len(f.preds) == 0 {
		return d.Kind == corpus.KindValue
	}
	return d.Kind == corpus.KindRebuttal || d.Kind == corpus.KindCause
}

// asksEventOf reports whether the question's verb names the event the
// figures of value dispute d count: "How many people died?" asks for the
// dead, whatever else it says or leaves out.
func (dx *disputeExpander) asksEventOf(f frame, d *corpus.Dispute) bool {
	if f.event == "" {
		return false
	}
	for _, side := range d.Sides {
		for _, i := range side {
			for _, v := range dx.k.claims.All[i].Values {
				if v.Event == f.event {
					return true
				}
			}
		}
	}
	return false
}

// asksUnitOf reports whether a question word names the unit the figures of
// value dispute d count (a rare one: "percent", not "people").
func (dx *disputeExpander) asksUnitOf(f frame, d *corpus.Dispute) bool {
	for _, side := range d.Sides {
		for _, i := range side {
			for _, v := range dx.k.claims.All[i].Values {
				if v.Unit == "" || dx.k.claims.Common(v.Unit) {
					continue
				}
				for _, w := range f.words {
					if dx.k.claims.Related(w, v.Unit) {
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
func (dx *disputeExpander) claimsSay(d *corpus.Dispute, words []string) bool {
	for _, side := range d.Sides {
		for _, i := range side {
			for _, x := range dx.k.claims.All[i].Words {
				for _, w := range words {
					if dx.k.claims.Related(w, x) {
						return true
					}
				}
			}
		}
	}
	return false
}

// actorWords is the question's word right before its first predicate: the
// head of who it says acted ("board" in "Why did the harbour board close
// the pier?").
func actorWords(f frame) []string {
	for k, w := range f.words {
		if slices.Contains(f.preds, w) {
			if k == 0 {
				return nil
			}
			return f.words[k-1 : k] // the head: "ministry"
		}
	}
	return nil
}

// holdersSay reports whether a holder of d's claims is named with one of
// words ("The transport ministry").
func (dx *disputeExpander) holdersSay(d *corpus.Dispute, words []string) bool {
	for _, side := range d.Sides {
		for _, i := range side {
			h := strings.ToLower(dx.k.claims.All[i].Holder)
			for _, w := range words {
				if slices.Contains(strings.Fields(h), w) {
					return true
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
	for _, w := range []string{" why ", " cause", " caused ", " blame", " reason", " behind ", " how come "} {
		if strings.Contains(l, w) {
			return true
		}
	}
	// "What started the fire?", "who triggered it?"; not "when did the
	// fire start?".
	if first, _, _ := strings.Cut(strings.TrimSpace(l), " "); first == "what" || first == "who" {
		// "What made the train leave the rails?", "what led to the
		// collapse?"
		for _, w := range []string{" started ", " start ", " triggered ", " trigger ", " sparked ", " spark ", " made ", " led to ", " resulted in "} {
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
func (dx *disputeExpander) aboutSubject(qa *Query, f frame, d *corpus.Dispute) bool {
	cs := dx.k.claims
	words, against := f.words, d.Core
	switch {
	case d.Kind == corpus.KindTrend:
		// "Will cooperation deepen?" asks where what the dispute is
		// over is heading.
		return cs.AsksTrend(f.words, d)
	case d.Kind == corpus.KindConsent:
		// "Does Sheinbaum allow US agencies to take part?" asks
		// whether one party lets the other in.
		return cs.AsksConsent(f.words) != 0
	case d.Kind == corpus.KindCause && asksCause(qa.text):
		// "Why did the dam collapse?" asks for what the cause dispute
		// is over, whatever the question's verb.
		return true
	case d.Kind == corpus.KindAgent && asksLeader(qa, f):
		// "did the coast guard run the rescue" asks who led it, in
		// other words than the dispute's.
		return true
	case asksCause(qa.text) && !asksYesNo(qa) && (d.Kind == corpus.KindPolarity || d.Kind == corpus.KindRebuttal):
		// "Why did the board close the pier?" takes for granted what
		// a dispute may be over: whether the pier was closed at all. A dispute whose claims name what the question names,
		// say one of its words and name who it says acted answers the
		// premise.
		// Its claims must also say who the question says acted ("the
		// ministry"), or they are about another matter of the story.
		n, w := cs.MatchDispute(f.names, f.words, d)
		actor := false
		if subj := actorWords(f); len(subj) > 0 {
			actor = dx.claimsSay(d, subj) || dx.holdersSay(d, subj)
		} else if key := dx.subjectKey(f); key != "" {
			actor = cs.Involves(d, key) // "Why did Governor Sethi call the dam safe?"
		}
		if actor && n >= 1 && w >= 1 {
			return true
		}
		if len(f.preds) > 0 {
			words, against = f.preds, d.Contested
		}
	case d.Kind == corpus.KindValue && asksYesNo(qa) && asksCount(qa.text):
		// "Is the toll higher than the police say?" asks about what
		// the figures count, common in the story or not.
		return dx.anyMeets(f.words, d.Contested)
	case d.Kind == corpus.KindValue && qa.kind == kindQuantity:
		// "How many votes did she get?" asks about what the figures
		// count, whatever the verb; "how many workers died" is not
		// answered by figures in metres, however alike the words.
		if noun := countedWord(qa, f); noun != "" && !cs.Counts(d, noun) {
			return false
		}
		words, against = f.words, d.Contested
	case !asksYesNo(qa) && len(f.preds) > 0:
		words, against = f.preds, d.Contested
	case asksYesNo(qa) && d.Kind == corpus.KindCause:
		// "Did a squall sink the ferry?" names a cause a side gives;
		// "Did the hospital lower its water temperature?" names none,
		// though the story's "water" is in every account of the cause.
		return dx.namesACause(f.words, d, asksCause(qa.text) || slices.ContainsFunc(f.preds, func(p string) bool { return causeVerbs[p] }))
	case asksYesNo(qa) && (d.Kind == corpus.KindPolarity || d.Kind == corpus.KindRebuttal) && len(d.Contested) > 0:
		// A yes/no question must ask about what is contested, not
		// only name what the dispute is about: "Did the weather sink
		// the ferry?" is not answered by whether it was overloaded.
		// What is contested is often what the corpus is about ("safe"
		// in a story of a dam's safety): common or not, it counts.
		return dx.anyMeets(words, d.Contested)
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

// leadingVerbs ask who led an act: "run", "direct", "spearhead".
var leadingVerbs = map[string]bool{"lead": true, "run": true, "direct": true, "command": true,
	"spearhead": true, "oversee": true, "conduct": true, "mastermind": true, "orchestrate": true}

// asksLeader reports whether a question asks who led an act: one of its
// verbs is a verb of leading ("did the coast guard run the rescue"), or it
// says "in charge of" or "headed by". Nouns alike ("charges", "the head")
// ask nothing of the kind.
func asksLeader(qa *Query, f frame) bool {
	if slices.ContainsFunc(f.words, func(w string) bool { return leadingVerbs[w] }) {
		return true
	}
	q := strings.ToLower(qa.text)
	return strings.Contains(q, "in charge") || strings.Contains(q, "headed by") || strings.Contains(q, "head the ")
}

// statesFigure reports whether a question writes a number, in digits or
// words ("Did six people die?").
func statesFigure(q string) bool {
	for _, t := range lang.TokenizeAll(q) {
		w := strings.ToLower(t.Word)
		if isYear(w) {
			continue // "Did the flood of 2019 …"
		}
		if _, ok := corpus.ParseNumber(w); ok {
			return true
		}
	}
	return false
}

// countedWord is the frame noun a "how many" question counts ("how many
// workers lost …" → worker, "how many anglers drowned" → angler), or "".
func countedWord(qa *Query, f frame) string {
	if qa.counted == "" {
		return ""
	}
	verb := func(w string) bool { return slices.Contains(f.preds, w) || corpus.EventOf(w) != "" }
	for k, w := range f.words {
		if lang.Stem(w) != qa.counted {
			continue
		}
		if !verb(w) {
			return w
		}
		// "how many anglers drowned": the noun before the event.
		if k > 0 && !verb(f.words[k-1]) {
			return f.words[k-1]
		}
	}
	return ""
}

// asksCount reports whether a yes/no question is about a count without
// writing one: "Is the toll higher than the police say?", "Did more people
// die than the agency reported?".
func asksCount(q string) bool {
	toks := lang.TokenizeAll(q)
	comparative, than := false, false
	for _, t := range toks {
		switch strings.ToLower(t.Word) {
		case "toll", "tally", "count", "number", "figure", "figures", "total":
			return true
		case "more", "fewer", "less", "higher", "lower", "larger", "smaller", "bigger":
			comparative = true
		case "than":
			than = true
		}
	}
	return comparative && than
}

// namesACause reports whether a word of ws, not one the whole corpus
// uses, means the cause a claim of d gives or rules out: its head ("a
// squall"), or when the question asks what caused what (causing is its
// verb), any noun of it ("lightning" of "a lightning strike").
func (dx *disputeExpander) namesACause(ws []string, d *corpus.Dispute, causing bool) bool {
	cs := dx.k.claims
	meets := func(causes []string) bool {
		if !causing && len(causes) > 1 {
			causes = causes[:1]
		}
		for _, cause := range causes {
			for _, w := range ws {
				if !cs.Common(w) && cs.Related(w, cause) {
					return true
				}
			}
		}
		return false
	}
	for _, side := range d.Sides {
		for _, i := range side {
			if c := &cs.All[i]; meets(c.Causes) || meets(c.NotCauses) {
				return true
			}
		}
	}
	return false
}

// causeVerbs ask what caused an event: "Did lightning cause the fire?",
// "Did the storm trigger the collapse?".
var causeVerbs = map[string]bool{"cause": true, "blame": true, "trigger": true, "spark": true, "start": true, "result": true}

// anyMeets reports whether a word of ws can mean a word of against; a
// reporting word ("say", "deny") meets nothing.
func (dx *disputeExpander) anyMeets(ws, against []string) bool {
	for _, w := range ws {
		if frameNoise[w] {
			continue
		}
		for _, a := range against {
			if dx.k.claims.Related(w, a) {
				return true
			}
		}
	}
	return false
}
