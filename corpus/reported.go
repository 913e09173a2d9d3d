package corpus

import (
	"strings"
)

// The patterns of reported speech, applied to the words of a sentence that
// lie outside quotation marks.

// findSpeaker returns who the sentence reports, or nil.
func findSpeaker(reg *registry, toks []token) *entity {
	if e := introSpeaker(reg, toks); e != nil {
		return e
	}
	quoted := false
	for _, t := range toks {
		quoted = quoted || t.quoted && t.word
	}
	for v, t := range toks {
		if t.quoted || !t.word {
			continue
		}
		if (t.text == "according" || t.text == "According") && v+1 < len(toks) && toks[v+1].text == "to" {
			if e := subjectAfter(reg, toks, v+2, true); e != nil {
				return e
			}
			continue
		}
		if t.cap || !speechVerbs[t.text] && !baseVerbs[t.text] {
			continue // "the United States" is not a verb
		}
		if baseVerbs[t.text] && (v == 0 || !baseAux[toks[v-1].text] && !pluralSay(toks, v)) {
			continue
		}
		if weakVerbs[t.text] && !quoted && !introducesSpeech(toks, v+1) {
			continue // "he wrote a book", "Editorial notes"
		}
		if e := subjectBefore(reg, toks, v); e != nil {
			return e
		}
		// Inverted: "“…,” said Jane Roe", "…, says the ministry".
		if v > 0 && (toks[v-1].quoted || toks[v-1].text == ",") {
			if e := subjectAfter(reg, toks, v+1, false); e != nil {
				return e
			}
		}
	}
	return nil
}

// pluralSay accepts "say" after a plural subject: "officials say", "they
// say", "Roe and Doe say".
func pluralSay(toks []token, v int) bool {
	p := toks[v-1]
	return toks[v].text == "say" && p.word && !p.quoted && (p.cap || p.text == "they" || p.text == "officials" || p.text == "authorities")
}

// introducesSpeech reports whether the token at k can open reported
// content or close the report: "that", a colon or comma, a quotation,
// "in"/"on" (a statement, Thursday), the end of the sentence.
func introducesSpeech(toks []token, k int) bool {
	if k >= len(toks) {
		return true
	}
	switch t := toks[k]; {
	case t.quoted, t.text == "that", t.text == ":", t.text == ",", t.text == "in", t.text == "on",
		t.text == ".", t.text == "!", t.text == "?":
		return true
	}
	return false
}

// introSpeaker handles "In a statement (on Thursday), the U.S. Embassy …":
// the subject after the opening phrase is the one speaking.
func introSpeaker(reg *registry, toks []token) *entity {
	if len(toks) < 4 || lowerASCII(toks[0].text) != "in" {
		return nil
	}
	k := 1
	for k < len(toks) && k < 6 && toks[k].word && !introNouns[toks[k].text] {
		k++
	}
	if k >= len(toks) || !introNouns[toks[k].text] {
		return nil
	}
	k++
	for k < len(toks) && k < 12 {
		t := toks[k]
		lw := lowerASCII(t.text)
		switch {
		case t.text == "," || lw == "on" || lw == "to" || lw == "the" || lw == "reporters" || lw == "at" ||
			auxWords[lw] || t.word && !t.cap && !refNouns[lw] && !personNouns[lw] && k+1 < len(toks) && toks[k+1].cap:
			k++
			continue
		}
		break
	}
	return subjectAfter(reg, toks, k, false)
}

// subjectBefore finds the subject left of the verb at v: a name, a pronoun,
// "the embassy", or a name before a comma-delimited aside ("Roe, who …,").
func subjectBefore(reg *registry, toks []token, v int) *entity {
	j := v - 1
	p := j
	for p >= 0 && strings.HasSuffix(toks[p].text, "ly") && !toks[p].cap {
		p--
	}
	if p >= 0 && beWords[toks[p].text] && !baseVerbs[toks[v].text] {
		return nil // passive: "he was told", "it was originally suggested"
	}
	for n := 0; j >= 0 && n < 5; n++ {
		t := toks[j]
		lw := lowerASCII(t.text)
		if !t.word || t.quoted || !(auxWords[lw] || strings.HasSuffix(lw, "ly") && !t.cap) {
			break
		}
		j--
	}
	if j < 0 || toks[j].quoted {
		return nil
	}
	t := toks[j]
	switch {
	case t.text == ")":
		return nameBefore(reg, toks, j+1)
	case t.text == ",":
		return appositive(reg, toks, j)
	case !t.word:
		return nil
	}
	lw := lowerASCII(t.text)
	switch {
	case pronouns[lw]:
		return pronoun(reg, toks, j, lw)
	case t.cap:
		return nameBefore(reg, toks, j+1)
	case refNouns[lw] || personNouns[lw]:
		return nounPhrase(reg, toks, j)
	}
	return nil
}

// nameBefore resolves the name ending at token end (exclusive), looking
// through "(ICE)" and through a place after the subject: "the U.S. embassy
// in Mexico clarified" is the embassy speaking, not Mexico.
func nameBefore(reg *registry, toks []token, end int) *entity {
	acr := ""
	if end >= 3 && toks[end-1].text == ")" && toks[end-3].text == "(" && isAcronym(toks[end-2].text) {
		acr = toks[end-2].text
		end -= 3
	}
	sp, ok := capSpanEnding(toks, end)
	if !ok {
		if end > 0 && toks[end-1].word && !toks[end-1].cap && (refNouns[toks[end-1].text] || personNouns[toks[end-1].text]) {
			return nounPhrase(reg, toks, end-1)
		}
		return nil
	}
	if p := sp.i - 1; p >= 1 && (toks[p].text == "in" || toks[p].text == "at") && toks[p-1].word && !toks[p-1].quoted {
		if prev := toks[p-1]; refNouns[prev.text] || prev.cap {
			if e := nameBefore(reg, toks, p); e != nil {
				return e
			}
		}
	}
	sp.acronym = acr
	return reg.resolve(sp.words(toks), acr)
}

// appositive resolves "Jane Roe, the agency's director, said": the name
// before the comma that opens the aside.
func appositive(reg *registry, toks []token, comma int) *entity {
	for k := comma - 1; k >= 0 && comma-k <= 15; k-- {
		if toks[k].quoted {
			return nil
		}
		if toks[k].text == "," {
			if k > 0 && toks[k-1].word && toks[k-1].cap {
				return nameBefore(reg, toks, k)
			}
			return nil
		}
	}
	return nil
}

// nounPhrase resolves a subject ending in a lower-case noun at j: "the U.S.
// embassy" (a name), "the embassy", "the Mexican president", "the Mexican
// head of state".
func nounPhrase(reg *registry, toks []token, j int) *entity {
	noun := toks[j].text
	if noun == "state" {
		if j < 2 || toks[j-1].text != "of" || toks[j-2].text != "head" {
			return nil
		}
		return reg.person("president")
	}
	if spokesNouns[noun] && j > 0 && toks[j-1].cap && toks[j-1].word && !isDemonym(toks[j-1].text) {
		// "An Orvel spokeswoman said": the organisation speaks.
		if e := nameBefore(reg, toks, j); e != nil {
			return e
		}
	}
	if refNouns[noun] && j > 0 && toks[j-1].text == ")" {
		return nameBefore(reg, toks, j) // "the Security Office (SO) unit"
	}
	if refNouns[noun] && j > 0 && toks[j-1].cap && !isDemonym(toks[j-1].text) {
		if sp, ok := capSpanEnding(toks, j); ok {
			sp.noun = noun
			return reg.resolve(sp.words(toks), "")
		}
	}
	k := j - 1
	for k >= 0 && toks[k].word && !isDeterminer(lowerASCII(toks[k].text)) && j-k <= 3 {
		k--
	}
	if k < 0 || !isDeterminer(lowerASCII(toks[k].text)) {
		return nil // "a report", "reporters": no reference to resolve
	}
	if personNouns[noun] && lowerASCII(toks[k].text) == "its" {
		// "…, its commander said": the organisation named before
		// speaks through its officer, not the last person quoted.
		if e := lastOf(reg.mentions, func(e *entity) bool { return e.kind == kindOrg }); e != nil {
			return e
		}
	}
	if personNouns[noun] {
		return reg.person(noun)
	}
	mods := wordsBetween(toks, k+1, j)
	if len(mods) == 0 {
		// "…, the office said": the office this sentence described
		// earlier ("Inspectors from the state environment office found").
		if m, d := describedBefore(toks, k, noun); m >= 0 {
			k, j, mods = d, m, wordsBetween(toks, d+1, m)
		}
	}
	if e := reg.org(noun, mods); e != nil {
		return e
	}
	// A reference to nothing named: "The ministry rejected …", "the
	// regional health agency said". The description itself holds the
	// claim, so that a later "the agency" finds it and the claim is
	// not handed to whichever organisation spoke last.
	return reg.describe(descriptionWords(toks, k, j))
}

// wordsBetween returns the lower-case words of toks[from:to].
func wordsBetween(toks []token, from, to int) []string {
	var out []string
	for _, t := range toks[from:to] {
		if t.word {
			out = append(out, lowerASCII(t.text))
		}
	}
	return out
}

// descriptionWords is the description toks[det:noun+1] as written, its
// determiner "the" capitalised: "The regional health agency".
func descriptionWords(toks []token, det, noun int) []string {
	var out []string
	for _, t := range toks[det : noun+1] {
		if t.word {
			out = append(out, t.text)
		}
	}
	if len(out) > 0 && lowerASCII(out[0]) == "the" {
		out[0] = "The"
	} else if len(out) > 0 {
		out = append([]string{"The"}, out[1:]...)
	}
	return out
}

// describedBefore finds, before token end, the same noun under a
// determiner with modifiers: it returns the noun's and the determiner's
// positions, or -1.
func describedBefore(toks []token, end int, noun string) (at, det int) {
	for m := end - 1; m > 0; m-- {
		if toks[m].text != noun || toks[m].quoted {
			continue
		}
		for d := m - 1; d >= 0 && m-d <= 4 && toks[d].word; d-- {
			if isDeterminer(lowerASCII(toks[d].text)) {
				if m-d > 1 {
					return m, d
				}
				break
			}
		}
	}
	return -1, -1
}

// spokesNouns speak for the organisation named before them.
var spokesNouns = setOf("spokesperson", "spokesman", "spokeswoman", "representative", "official", "officials")

func isDeterminer(w string) bool {
	return w == "the" || w == "its" || w == "their" || w == "his" || w == "her" || w == "this" || w == "that"
}

// isDemonym guesses an adjective of nationality ("Mexican", "French"),
// which describes a reference rather than naming one.
func isDemonym(w string) bool {
	for _, suf := range []string{"an", "ese", "ish", "ch", "i"} {
		if strings.HasSuffix(w, suf) && len(w) > 4 {
			return true
		}
	}
	return false
}

// pronoun resolves a subject pronoun at token j: a matching name earlier
// in the same sentence ("While the agency did not say, it added …"), else
// the last matching speaker.
func pronoun(reg *registry, toks []token, j int, p string) *entity {
	if p != "they" {
		for k := j - 1; k >= 0; k-- {
			if !toks[k].word || !toks[k].cap || toks[k].quoted || k+1 < j && toks[k+1].cap {
				continue
			}
			sp, ok := capSpanEnding(toks, k+1)
			if !ok {
				continue
			}
			e := reg.resolve(sp.words(toks), "")
			if e != nil && (p == "it") == (e.kind == kindOrg) && e.kind != kindOther {
				return e
			}
			k = sp.i
		}
	}
	switch p {
	case "he":
		return reg.pronounPerson('m')
	case "she":
		return reg.pronounPerson('f')
	case "it":
		return reg.org("", nil)
	}
	return reg.anyone()
}

// subjectAfter resolves the name or reference starting at token k:
// "said Jane Roe", "said the embassy", "according to (data from) the
// Statistics Office".
func subjectAfter(reg *registry, toks []token, k int, source bool) *entity {
	start := k
	for k < len(toks) && toks[k].word && !toks[k].cap && k-start < 6 {
		lw := toks[k].text
		if (refNouns[lw] || personNouns[lw]) && beforeFullName(toks, k) {
			k++ // "said chief fire officer Owen Brack": the name speaks
			continue
		}
		if refNouns[lw] || personNouns[lw] {
			if k+1 < len(toks) && toks[k+1].word && !toks[k+1].cap && (refNouns[toks[k+1].text] || personNouns[toks[k+1].text]) {
				k++
				continue
			}
			return nounPhrase(reg, toks, k)
		}
		if lw != "the" && !(source && sourceWords[lw]) && !isDemonym(lw) && !beforeFullName(toks, k) {
			return nil
		}
		k++
	}
	sp, ok := capSpanStarting(toks, k)
	if !ok {
		if k < len(toks) && toks[k].word && inFold(pronouns, toks[k].text) {
			return nil
		}
		return nil
	}
	sp = extendSpan(toks, sp)
	if sp.noun == "" && sp.j < len(toks) && isDemonym(toks[sp.i].text) && sp.j-sp.i == 1 {
		return nil
	}
	ps := sp.parts(toks)
	if len(ps) == 0 {
		return nil
	}
	acr := ""
	if len(ps) == 1 {
		acr = sp.acronym
	}
	return reg.resolve(ps[0], acr)
}

// beforeFullName reports whether the lower-case word at k opens a title
// that a full name ends within four words: "said inspector Paul Dremmer",
// "said local doctor Mira Castell", "said chief fire officer Owen Brack".
func beforeFullName(toks []token, k int) bool {
	for n := k; n < len(toks) && n-k < 4; n++ {
		t := toks[n]
		if !t.word || t.quoted {
			return false
		}
		if t.cap {
			return n+1 < len(toks) && toks[n+1].cap && toks[n+1].word
		}
		if stopTitle[lowerASCII(t.text)] {
			return false // "said residents of Mill Street"
		}
	}
	return false
}

// stopTitle are words no title holds: a preposition or an article between
// "said" and a name makes the name a place, not the speaker.
var stopTitle = setOf("of", "in", "at", "on", "from", "near", "the", "a", "an", "and", "for", "with", "to", "by")

// spreadQuotes gives every sentence of a quotation that runs over several
// sentences the speaker found in any of them, and gives a quotation that
// opens right after an attributed quote ("“…,” Roe said. “…”") the same
// speaker.
func spreadQuotes(infos []sentInfo, own []*entity, qs []quoteState) []*entity {
	final := append([]*entity(nil), own...)
	for first := 0; first < len(infos); {
		last := first
		for last+1 < len(infos) && qs[last].endIn && qs[last+1].startIn {
			last++
		}
		var e *entity
		for k := last; k >= first && e == nil; k-- {
			e = own[k]
		}
		if e == nil && qs[first].opens && first > 0 && !infos[first].newPara && !infos[first-1].skip {
			if p := final[first-1]; p != nil && (qs[first-1].quoted || strings.HasSuffix(infos[first-1].text, ":")) {
				e = p
			}
		}
		for k := first; k <= last; k++ {
			if final[k] == nil && !infos[k].skip {
				final[k] = e
			}
		}
		first = last + 1
	}
	return final
}
