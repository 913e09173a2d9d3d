package answer

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
)

// Tuning of the picker. They are relative to the best sentence of each
// answer, so they hold across corpora of different styles.
const (
	docWeight           = 0.5 // share of passage coverage in a document score
	maxQuotesPerDoc     = 2
	maxQuotes           = 12 // in all, speakers' further statements included
	maxSourceQuotes     = 10 // from the round over documents
	maxQuotesPerHolder  = 3
	sameVoiceValueRatio = 0.8 // a second value from the same voice in one document
)

// picker is the stage after search: it reads who says what in each found
// sentence, picks the sentences that bear on the question, and groups
// them into accounts.
type picker struct {
	k *knowledge
}

// picked is what the picker hands on: the accounts, and the answer value
// each is known by as written ("1,040", "3 June 2024"), or "".
type picked struct {
	accounts []Account
	labels   []string
}

// accounts describes every found sentence, picks among them and groups the
// picked ones into accounts.
func (pk *picker) accounts(qa *Query, f *found) picked {
	for _, c := range f.cands {
		pk.describe(c, qa)
	}
	accounts, labels := pk.group(pick(f.cands, qa), qa)
	return picked{accounts: accounts, labels: labels}
}

// describe fills a picked candidate's values, stance and holder.
func (pk *picker) describe(c *candidate, qa *Query) {
	c.stance = sentenceStance(c.text, qa, len(c.values) > 0, c.cov)
	if i, ok := pk.k.claims.At(c.doc.ID, c.si); ok {
		// The claim's holder is the better read: a transcript label, a
		// group ("Engineers at the board said"), a stance verb's subject,
		// a pronoun resolved by gender.
		c.speaker = pk.k.claims.All[i].Speaker
	}
	if corpus.IsInterviewer(c.speaker) {
		// "HOST: Six people are now dead …": the programme says so.
		c.speaker = ""
	}
	if c.speaker != "" {
		c.holder = c.speaker
		c.hkey = pk.k.aliases.resolve(holderKey(c.speaker))
		// A unit speaks for its organisation ("ICE's HSI unit said"): one
		// account.
		ents := pk.k.claims.Entities
		if p := ents.Parent(ents.Key(c.speaker)); p != "" && !strings.HasPrefix(p, "country:") {
			c.hkey = pk.k.aliases.resolve(holderKey(p))
		}
	} else {
		c.holder = c.doc.SourceName()
	}
}

// pick chooses the documents that bear on the question, then each one's
// best sentences. A document is judged on its best sentence and on how much
// of the question its passage and title cover, because the sentence that
// carries an answer often leaves the subject implicit ("He died in 1972").
// Every kept document's best sentence comes before any second sentence, so
// each source is heard.
func pick(cands []*candidate, qa *Query) []*candidate {
	byDoc := map[string][]*candidate{}
	var order []string
	docScore := map[string]float64{}
	for _, c := range cands {
		if _, ok := byDoc[c.doc.ID]; !ok {
			order = append(order, c.doc.ID)
		}
		byDoc[c.doc.ID] = append(byDoc[c.doc.ID], c)
		docScore[c.doc.ID] = max(docScore[c.doc.ID], docWeight*c.ctxCov+(1-docWeight)*c.score)
	}
	// Documents that write what the question names in full come first: a
	// page on another album is not heard before any page on the one asked
	// about.
	sort.SliceStable(order, func(i, j int) bool {
		ni, nj := byDoc[order[i]][0].fullName, byDoc[order[j]][0].fullName
		if ni != nj {
			return ni
		}
		return docScore[order[i]] > docScore[order[j]]
	})
	best := 0.0
	for _, s := range docScore {
		best = max(best, s)
	}
	kept := order[:0:0]
	for _, id := range order {
		ratio, floor := qa.w.KeepRatio, qa.w.MinBestScore/2
		if byDoc[id][0].named {
			// A document about what the question names is heard even
			// when its sentence shares little else with the question:
			// "Okafor … left Lagos in 1971" answers "Did Ada Okafor
			// live in Lagos in the 1980s?".
			ratio, floor = qa.w.NamedKeepRatio, qa.w.MinBestScore/3
		}
		if docScore[id] >= ratio*best && byDoc[id][0].score >= floor {
			kept = append(kept, id)
		}
	}
	var out []*candidate
	for r := 0; r < maxQuotesPerDoc && len(out) < maxSourceQuotes; r++ {
		for _, id := range kept {
			cs := byDoc[id]
			// A document about something else than the question names
			// is heard once at most.
			if r >= len(cs) || r > 0 && len(qa.names) > 0 && !cs[0].named {
				continue
			}
			c := secondChoice(cs, qa, r)
			if c == nil {
				continue
			}
			cs[r] = c
			out = append(out, c)
			if len(out) == maxSourceQuotes {
				break
			}
		}
	}
	return withHolders(out, cands, qa)
}

// secondChoice returns the document's r-th quote: the first is its best
// sentence; a later one must score nearly as well, or bring a position the
// document's best sentence does not state (another speaker, another value,
// the opposite stance), because every account deserves to be heard.
func secondChoice(cs []*candidate, qa *Query, r int) *candidate {
	if r == 0 {
		return cs[0]
	}
	first := cs[0]
	for i := r; i < len(cs); i++ {
		c := cs[i]
		if c.score >= qa.w.DocExtraRatio*first.score && i == r {
			return c
		}
		if c.score >= qa.w.NewAccountRatio*first.score && newPosition(first, c, qa) {
			cs[i], cs[r] = cs[r], cs[i]
			return c
		}
	}
	return nil
}

// newPosition reports whether c would stand in another account than first.
func newPosition(first, c *candidate, qa *Query) bool {
	switch {
	case c.hkey != first.hkey && !sameHolder(c.hkey, first.hkey):
		return true
	case qa.kind == kindYesNo:
		return opposed(first.stance, c.stance)
	}
	// Another value in the same voice needs a near-equal score: a source
	// rarely gives two answers, but its sentences carry many figures.
	p, q := first.primary(), c.primary()
	return p != nil && q != nil && !valueMatch(*p, *q) && c.score >= sameVoiceValueRatio*first.score
}

// withHolders adds, for each speaker already quoted, their other relevant
// statements (up to maxQuotesPerHolder): a reader wants what each side
// says, not only its single best-matching sentence.
func withHolders(out, cands []*candidate, qa *Query) []*candidate {
	if len(out) == 0 {
		return out
	}
	best := cands[0].score
	in := map[*candidate]bool{}
	perHolder := map[string]int{}
	for _, c := range out {
		in[c] = true
		if c.hkey != "" {
			perHolder[c.hkey]++
		}
	}
	for _, c := range cands {
		if len(out) >= maxQuotes || c.score < qa.w.HolderExtraRatio*best {
			break
		}
		if in[c] || c.hkey == "" {
			continue
		}
		for _, o := range out {
			if o.hkey != "" && sameHolder(o.hkey, c.hkey) && perHolder[o.hkey] < maxQuotesPerHolder && o.doc.ID != c.doc.ID {
				perHolder[o.hkey]++
				out = append(out, c)
				in[c] = true
				break
			}
		}
	}
	return out
}
