package answer

import (
	"sort"
	"strings"
)

// group turns picked sentences into accounts. A speaker's sentences form
// one account (the same person across sources is one holder). Sentences in
// a source's own voice form one account per source, and own-voice accounts
// of different sources merge when they give the same answer value with the
// same stance, so that five documents stating one figure are one position.
func (pk *picker) group(picked []*candidate, qa *Query) (accounts []Account, labels []string) {
	var ks []*cluster
	for _, c := range picked {
		var into *cluster
		for _, k := range ks {
			same := c.hkey != "" && sameHolder(k.hkey, c.hkey) || c.hkey == "" && k.hkey == "" && k.docID == c.doc.ID
			if same && !disagrees(k, c, qa) {
				into = k
				break
			}
		}
		if into == nil {
			into = &cluster{holder: c.holder, hkey: c.hkey, docID: c.doc.ID}
			ks = append(ks, into)
		}
		into.cands = append(into.cands, c)
		if c.hkey != "" && len(c.holder) > len(into.holder) {
			into.holder = c.holder
		}
	}
	ks = mergeByValue(ks, qa)
	// Accounts that answer come first; for "how many" and "when" those
	// are the ones that give a figure or a date.
	answers := func(k *cluster) bool {
		return !qa.valued() || len(k.values()) > 0
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ai, aj := answers(ks[i]), answers(ks[j]); ai != aj {
			return ai
		}
		return ks[i].best().score > ks[j].best().score
	})
	accounts = make([]Account, len(ks))
	labels = make([]string, len(ks))
	for i, k := range ks {
		if p := k.label(qa); p != nil {
			labels[i] = displayValue(*p)
		}
		if qa.oneHolder {
			if hs := roleHolders(k.best(), qa, pk.k.lex()); len(hs) > 0 {
				labels[i] = displayValue(hs[0])
			}
		}
		accounts[i] = Account{
			Holder:        k.holder,
			Stance:        k.stance(),
			Position:      position(k, qa),
			ConflictsWith: []int{},
			Quotes:        pk.quotes(k),
		}
	}
	// Only pages on the question's main subject conflict, when the
	// answer has any.
	aboutMain := false
	for _, k := range ks {
		aboutMain = aboutMain || k.mainNamed()
	}
	for i := range ks {
		for j := range ks {
			if i != j && conflicting(ks[i], ks[j], accounts[i].Stance, accounts[j].Stance, qa, aboutMain, pk.k.lex()) {
				accounts[i].ConflictsWith = append(accounts[i].ConflictsWith, j)
			}
		}
	}
	return accounts, labels
}

// disagrees reports whether c contradicts what a cluster says: the
// opposite stance on a yes/no question, another value otherwise. One holder
// (or one passage) can state both sides; they are then two accounts.
func disagrees(k *cluster, c *candidate, qa *Query) bool {
	if variantOf(k, c) {
		return true
	}
	switch qa.kind {
	case kindYesNo:
		return opposed(k.stance(), c.stance)
	case kindQuantity, kindTime:
		return valuesDisagree(k.values(), c)
	}
	if qa.class != nil {
		return kindsDisagree(k, c, qa)
	}
	// Names in one holder's sentences are circumstances more often than
	// rival answers: "China" and "Sinaloa" in two ICE statements are one
	// account.
	return false
}

// valuesDisagree reports whether c's primary value contradicts the values
// already in a cluster.
func valuesDisagree(vals []value, c *candidate) bool {
	p := c.primary()
	if p == nil || len(vals) == 0 {
		return false
	}
	comparableSeen := false
	for _, v := range vals {
		if valueMatch(v, *p) {
			return false
		}
		comparableSeen = comparableSeen || comparable(v, *p)
	}
	return comparableSeen
}

// mergeByValue joins own-voice clusters of different sources that state the
// same answer value with the same stance.
func mergeByValue(ks []*cluster, qa *Query) []*cluster {
	var out []*cluster
	for _, k := range ks {
		merged := false
		if k.hkey == "" && len(k.values()) > 0 {
			for _, o := range out {
				if o.hkey == "" && o.stance() == k.stance() && agree(o, k, qa) && !variants(o, k) {
					o.cands = append(o.cands, k.cands...)
					if o.holder != k.holder && !strings.Contains(o.holder, k.holder) {
						o.holder += "; " + k.holder
					}
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, k)
		}
	}
	return out
}

// variants reports whether any quote of a is a variant of any quote of b.
func variants(a, b *cluster) bool {
	for _, y := range b.cands {
		if variantOf(a, y) {
			return true
		}
	}
	return false
}

// variantOf reports whether c is a variant of any quote of k.
func variantOf(k *cluster, c *candidate) bool {
	for _, o := range k.cands {
		if variant(o.stems(), c.stems()) {
			return true
		}
	}
	return false
}

// variant reports whether two sentences are one statement with another
// filler: most content words shared, and each with words the other lacks
// ("a Canadian documentary, directed by…" against "a Canadian short film,
// directed by…"; "population was 812" against "population was 1,040").
// Sources that copy a sentence and change its answer disagree on exactly
// those words, whatever kind of value they are.
func variant(a, b map[string]bool) bool {
	inter, onlyA, onlyB := 0, 0, 0
	for s := range a {
		if b[s] {
			inter++
		} else {
			onlyA++
		}
	}
	onlyB = len(b) - inter
	if onlyA == 0 || onlyB == 0 || inter < variantMinShared {
		return false
	}
	return float64(inter) >= variantShare*float64(min(len(a), len(b))) && onlyA+onlyB <= variantMaxDiff
}

// Variant thresholds: a shared frame of at least 4 content words making up
// 70% of the shorter sentence, and at most 8 differing words in all.
const (
	variantMinShared = 4
	variantShare     = 0.7
	variantMaxDiff   = 8
)

// agree reports whether two clusters give the same answer value: their
// first values match. On a yes/no question the values are not the answer
// but the circumstances ("died in 1860 in Dagana" against "remained in
// Cayor until her death in 1860"), so all of them must match.
func agree(x, y *cluster, qa *Query) bool {
	a, b := x.values(), y.values()
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if qa.kind != kindYesNo {
		return valueMatch(a[0], b[0])
	}
	a, b = x.allValues(), y.allValues()
	return coveredBy(a, b) && coveredBy(b, a)
}

func coveredBy(a, b []value) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if valueMatch(x, y) {
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

func (pk *picker) quotes(k *cluster) []Quote {
	out := make([]Quote, 0, len(k.cands))
	for _, c := range k.cands {
		if i, ok := pk.k.claims.At(c.doc.ID, c.si); ok {
			// The claim's span: a transcript line without its label.
			q := pk.k.claimQuote(&pk.k.claims.All[i])
			q.relevance = c.score
			out = append(out, q)
			continue
		}
		s := c.doc.Sentences[c.si]
		out = append(out, Quote{
			relevance: c.score,
			DocID:     c.doc.ID,
			Text:      s.Text,
			Start:     s.Start,
			End:       s.End,
			Speaker:   c.speaker,
			Source: Source{
				Title: c.doc.Title, Outlet: c.doc.Outlet, Author: c.doc.Author,
				Published: c.doc.Published, URL: c.doc.URL,
			},
		})
	}
	return out
}
