package answer

import (
	"github.com/crosscheck/crosscheck/lexicon"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// cluster is an account under construction.
type cluster struct {
	holder string
	hkey   string // speaker key; "" when the source speaks in its own voice
	docID  string // for own-voice clusters: the first document
	cands  []*candidate
}

func (k *cluster) best() *candidate { return k.cands[0] }

// stance is the majority stance of the cluster's quotes; a tie between
// affirming and denying quotes makes the account a qualified one.
func (k *cluster) stance() Stance {
	n := map[Stance]int{}
	for _, c := range k.cands {
		n[c.stance]++
	}
	switch {
	case n[Affirms] > 0 && n[Affirms] == n[Denies]:
		return Qualifies
	case n[Denies] > n[Affirms] && n[Denies] >= n[Qualifies]:
		return Denies
	case n[Affirms] >= n[Qualifies] && n[Affirms] > 0:
		return Affirms
	case n[Qualifies] > 0:
		return Qualifies
	}
	return Context
}

// values are the primary values of the cluster's quotes.
func (k *cluster) values() []value {
	var out []value
	for _, c := range k.cands {
		if p := c.primary(); p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// label is the value an account is known by: its best quote's first
// value, or for a typed question the first kind any of its quotes names.
func (k *cluster) label(qa *Query) *value {
	if qa.class == nil {
		return k.best().primary()
	}
	for _, c := range k.cands {
		for i := range c.values {
			if c.values[i].kind == vKind {
				return &c.values[i]
			}
		}
	}
	return nil
}

// mainNamed reports whether the cluster quotes a document about the
// question's main subject ("Tim Martin", not "American" in "when was the
// American football player Tim Martin born").
func (k *cluster) mainNamed() bool {
	for _, c := range k.cands {
		if c.mainNamed {
			return true
		}
	}
	return false
}

// allValues are all values of the cluster's quotes.
func (k *cluster) allValues() []value {
	var out []value
	for _, c := range k.cands {
		out = append(out, c.values...)
	}
	return out
}

// group turns picked sentences into accounts. A speaker's sentences form
// one account (the same person across sources is one holder). Sentences in
// a source's own voice form one account per source, and own-voice accounts
// of different sources merge when they give the same answer value with the
// same stance, so that five documents stating one figure are one position.
func (e *Engine) group(picked []*candidate, qa *Query) (accounts []Account, labels []string) {
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
			if hs := roleHolders(k.best(), qa); len(hs) > 0 {
				labels[i] = displayValue(hs[0])
			}
		}
		accounts[i] = Account{
			Holder:        k.holder,
			Stance:        k.stance(),
			Position:      position(k, qa),
			ConflictsWith: []int{},
			Quotes:        e.quotes(k),
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
			if i != j && conflicting(ks[i], ks[j], accounts[i].Stance, accounts[j].Stance, qa, aboutMain) {
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

// conflicting decides conflicts_with: one statement with a different
// filler (variants); opposite stances on a yes/no question; different
// figures or dates for the asked-for quantity or time.
func conflicting(a, b *cluster, sa, sb Stance, qa *Query, aboutMain bool) bool {
	// When the answer has documents about the question's main subject, a
	// document about something else contradicts neither them nor another
	// such document; it merely mentions other facts.
	if len(qa.names) > 0 && aboutMain && (!a.mainNamed() || !b.mainNamed()) {
		return false
	}
	if qa.class != nil && qa.class.plural {
		// "What drugs were seized": one source's cocaine and another's
		// heroin add up, however alike their sentences.
		return false
	}
	if qa.kind == kindYesNo && a.hkey != "" && sameHolder(a.hkey, b.hkey) {
		// One speaker's two statements are two accounts, but not a
		// conflict to report between sources: "she rejected the claim"
		// and "she criticized the arrival of …" are not yes and no.
		return false
	}
	if variants(a, b) {
		return true
	}
	switch {
	case qa.kind == kindYesNo:
		return opposed(sa, sb)
	case qa.oneHolder:
		return otherHolder(a.best(), b.best(), qa)
	case qa.valued():
	default:
		// Different names are different answers only when the sentences
		// are the same statement otherwise (caught by variants above);
		// two sources naming different places are not thereby at odds.
		return false
	}
	va, vb := a.values(), b.values()
	match := valueMatch
	if qa.class != nil {
		// Only the kinds asked for are answers: two sources naming
		// different teams may agree on the sport.
		va, vb = kindsOnly(a.allValues()), kindsOnly(b.allValues())
		match = qa.class.kindMatch
	}
	if len(va) == 0 || len(vb) == 0 {
		return false
	}
	for _, x := range va {
		for _, y := range vb {
			if match(x, y) {
				return false
			}
		}
	}
	if otherYear(va[0], vb[0]) && a.best().rel >= 1 && b.best().rel >= 1 {
		return true
	}
	return comparable(va[0], vb[0])
}

// otherHolder reports whether two sentences that each state the role asked
// about ("the manager of Tullow Rovers was …", "an album by …") name different
// people for it. A sentence that leaves the role out names people for
// something else.
func otherHolder(a, b *candidate, qa *Query) bool {
	na, nb := roleHolders(a, qa), roleHolders(b, qa)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for _, x := range na {
		for _, y := range nb {
			if valueMatch(x, y) {
				return false
			}
		}
	}
	return true
}

// roleHolders returns the names a sentence about what the role is of
// gives for the role asked about: all its names when it writes the role
// ("the manager of Tullow Rovers … was Ada Lind"), those just after "by" when
// it credits a work ("the album Vell by the band Ada Lind"); none
// otherwise. A nationality is no one ("by American band …").
func roleHolders(c *candidate, qa *Query) []value {
	lower := strings.ToLower(c.text)
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(lower, notWordRune) {
		words[trimPossessive(w)] = true
	}
	// The sentence must say what the role is of: "the current minister
	// is Ada Lind" names no minister of immigration.
	for _, n := range qa.roleOf {
		for _, w := range n.words {
			if !words[trimPossessive(strings.ToLower(w))] {
				return nil
			}
		}
	}
	var ns []value
	for _, v := range c.values {
		if v.kind == vName && !nationality(v.key) {
			ns = append(ns, v)
		}
	}
	role := false
	for s := range c.stems() {
		if stemMatch(qa.role, s) >= 0.8 {
			role = true
			break
		}
	}
	var out []value
	for _, n := range ns {
		written := strings.ToLower(n.text)
		if written == "" {
			written = n.key
		}
		for from := 0; ; {
			at := strings.Index(lower[from:], written)
			if at < 0 {
				break
			}
			at += from
			if by := strings.LastIndex(lower[:at], "by "); by >= 0 && at-by <= maxByGap {
				out = append(out, n)
				break
			}
			from = at + len(written)
		}
	}
	if role {
		// A sentence that writes the role names its holder anywhere;
		// one credited "by" comes first.
		for _, n := range ns {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// maxByGap is how far after "by" (in bytes) a credited name may start:
// past a description of a few words, "by the Irish folk band Ada Lind".
const maxByGap = 48

// nationality reports whether a one-word name is a people's adjective
// ("Irish", "Mexican": an adjective pertaining to a noun), which credits
// no one; a surname that is also an adjective ("Young") still does.
func nationality(key string) bool {
	return !strings.Contains(key, " ") && len(lexicon.Default().Pertainyms(key)) > 0
}

func (e *Engine) quotes(k *cluster) []Quote {
	out := make([]Quote, 0, len(k.cands))
	for _, c := range k.cands {
		if i, ok := e.claims.At(c.doc.ID, c.si); ok {
			// The claim's span: a transcript line without its label.
			out = append(out, e.claimQuote(&e.claims.All[i]))
			continue
		}
		s := c.doc.Sentences[c.si]
		out = append(out, Quote{
			DocID:   c.doc.ID,
			Text:    s.Text,
			Start:   s.Start,
			End:     s.End,
			Speaker: c.speaker,
			Source: Source{
				Title: c.doc.Title, Outlet: c.doc.Outlet, Author: c.doc.Author,
				Published: c.doc.Published, URL: c.doc.URL,
			},
		})
	}
	return out
}

// position says in one line what the account claims: its answer value or
// stance, then the gist of its best quote.
func position(k *cluster, qa *Query) string {
	lead := ""
	if p := k.label(qa); p != nil && qa.valued() {
		lead = displayValue(*p) + ": "
	} else {
		switch k.stance() {
		case Denies:
			lead = "No: "
		case Affirms:
			if qa.kind == kindYesNo {
				lead = "Yes: "
			}
		case Qualifies:
			lead = "Partly: "
		}
	}
	return lead + gist(k.best().text, maxPosition-len(lead))
}

func displayValue(v value) string {
	if v.text != "" {
		return v.text
	}
	if v.kind == vName {
		words := strings.Fields(v.key)
		for i, w := range words {
			if !nameJoiners[w] || i == 0 {
				r, n := utf8.DecodeRuneInString(w)
				words[i] = strings.ToUpper(string(r)) + w[n:]
			}
		}
		return strings.Join(words, " ")
	}
	return v.key
}

// clip shortens s to at most n bytes at a word boundary. Positions are our
// words, not quotes, so they may be shortened; quotes never are.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
