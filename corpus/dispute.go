package corpus

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"github.com/crosscheck/crosscheck/lang"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck/crosscheck/lexicon"
)

// Dispute kinds: why the sides cannot all be true.
const (
	KindPolarity = "polarity" // one asserts what another denies
	KindRebuttal = "rebuttal" // one calls the other's statement false
	KindValue    = "value"    // different figures of the same unit and scope
	KindAgent    = "agent"    // different accounts of who led the act
	KindCause    = "cause"    // different accounts of what caused it
	KindTrend    = "trend"    // one thing said to be heading opposite ways
	KindConsent  = "consent"  // one party said both to let in and to keep out another
)

// Dispute is a set of claims about one subject that cannot all be true,
// split into sides. It is a property of the corpus, found when it is
// indexed, whatever question is asked later.
type Dispute struct {
	ID   string // stable: a hash of its claims' documents and spans
	Kind string
	// Subject is what the sides share most: entity keys and content
	// lemmas, for a reader. Core is every content lemma that two or more of
	// its claims say: what a question must touch to be about it.
	Subject []string
	Core    []string
	// Contested are the lemmas the sides disagree on: what the denials
	// negate, the act whose leader or cause is in question, the unit of
	// the figures. A question that asks about one of them asks about the
	// dispute.
	Contested []string
	// Sides hold claim indexes into Claims.All; Labels say what each side
	// holds ("denies", "7", "earthquake").
	Sides  [][]int
	Labels []string
}

// Claims is every claim of a corpus, the disputes among them, and the
// entity registry both were read with.
type Claims struct {
	All      []Claim
	Disputes []Dispute
	Entities *Entities
	// byClaim maps a claim index to the disputes it is a side of.
	byClaim map[int][]int
	df      map[string]int
	// topics are the names of each document's title, titleWords its other
	// content lemmas.
	topics, titleWords map[string][]string
	// docNames are the names each document's claims make, countries
	// left out: two documents naming two of the same things tell one
	// story.
	docNames map[string]map[string]bool
	docs     map[string]*Document
	// judge, when set, may overrule a conflict the rules find.
	judge JudgeFunc
	// at maps a document and sentence to its claim.
	at       map[string]map[int]int
	meanings *meanings
	// objects caches directObject per claim and verb while disputes are
	// found (claims are compared with many partners).
	objects sync.Map
	// holders caches holderOf by holder name.
	holders sync.Map
}

// At returns the index of the claim of a document's sentence.
func (cs *Claims) At(docID string, sentence int) (int, bool) {
	i, ok := cs.at[docID][sentence]
	return i, ok
}

// Match says how well a question's frame (entity keys and content lemmas)
// fits claim i: the frame names it names (topical names of the whole corpus
// left out), and the frame words it says in one of their meanings.
func (cs *Claims) Match(names, words []string, i int) (nameHits, wordHits int) {
	m := cs.match(names, words, cs.All[i].Names, cs.All[i].Words)
	return m.names, m.words
}

// MatchWeight is Match weighted: the weight of the frame's names and words
// that claim i says, and the weight of the whole frame (topical names and
// common words left out of both).
func (cs *Claims) MatchWeight(names, words []string, i int) (got, total float64) {
	m := cs.match(names, words, cs.All[i].Names, cs.All[i].Words)
	return m.got, m.total
}

// Weight is how much a name key or lemma tells about what a claim is
// about: its inverse claim frequency, log((N+1)/(df+1)). A word the corpus
// never uses (a synonym of what it writes) weighs most.
func (cs *Claims) Weight(item string) float64 {
	return math.Log(float64(len(cs.All)+1) / float64(cs.df[item]+1))
}

// frameMatch is how much of a frame some names and lemmas say: counts, and
// weights (see Weight).
type frameMatch struct {
	names, words int
	got, total   float64
}

func (cs *Claims) match(names, words, theirNames, theirWords []string) frameMatch {
	var m frameMatch
	for _, n := range names {
		if cs.topical(n) {
			continue
		}
		w := cs.Weight(n)
		m.total += w
		if slices.ContainsFunc(theirNames, func(k string) bool { return cs.Entities.Related(n, k) }) {
			m.names++
			m.got += w
		}
	}
	for _, x := range words {
		if cs.common(x) {
			continue
		}
		w := cs.Weight(x)
		m.total += w
		if slices.ContainsFunc(theirWords, func(y string) bool { return cs.meanings.related(x, y) }) {
			m.words++
			m.got += w
		}
	}
	return m
}

// MatchDispute says how well a question's frame fits a dispute as a whole:
// the frame names and words that any of its claims, or the titles of their
// documents, say in one of their meanings. A question names an event as
// its headlines do ("the dam") while each claim speaks of a detail ("the
// breach").
func (cs *Claims) MatchDispute(names, words []string, d *Dispute) (nameHits, wordHits int) {
	dn, dw := cs.vocabulary(d)
	m := cs.match(names, words, dn, dw)
	return m.names, m.words
}

// Involves reports whether a dispute's claims, holders or headlines name
// key.
func (cs *Claims) Involves(d *Dispute, key string) bool {
	dn, _ := cs.vocabulary(d)
	for _, k := range dn {
		if cs.Entities.Related(key, k) {
			return true
		}
	}
	return false
}

// vocabulary is every name (holders' included) and content lemma of a
// dispute's claims and of their documents' titles.
func (cs *Claims) vocabulary(d *Dispute) (dn, dw []string) {
	for _, side := range d.Sides {
		for _, i := range side {
			c := &cs.All[i]
			dn = appendUnique(dn, cs.Entities.Key(c.Holder))
			dn = appendUnique(dn, c.Names...)
			dn = appendUnique(dn, cs.topics[c.DocID]...)
			dw = appendUnique(dw, c.Words...)
			dw = appendUnique(dw, cs.titleWords[c.DocID]...)
			// "the dam" in a question is the "Korven Dam" of a headline.
			for _, k := range cs.topics[c.DocID] {
				if !strings.HasPrefix(k, "country:") {
					dw = appendUnique(dw, strings.Fields(k)...)
				}
			}
		}
	}
	return dn, dw
}

// Related reports whether two content lemmas can mean the same.
func (cs *Claims) Related(a, b string) bool { return cs.meanings.related(a, b) }

// Common reports whether a lemma is too frequent or too much a word of
// reporting to tell what a claim is about.
func (cs *Claims) Common(w string) bool { return cs.common(w) }

// DisputesOf returns the indexes of the disputes claim i is a side of.
func (cs *Claims) DisputesOf(i int) []int { return cs.byClaim[i] }

// Tuning of dispute finding. Each is a count of shared meaning, not a
// score fitted to a corpus.
const (
	// commonShare: a word in more than this share of all claims says
	// nothing about what a claim is about ("said", "year").
	commonShare = 0.2
	// maxBlock bounds the claims compared under one blocking key, so that
	// indexing stays near-linear on large corpora.
	maxBlock = 150
	// maxPartners bounds the claims one claim is compared with: the ones
	// sharing most entities and words with it.
	maxPartners = 200
	// maxSides: a group of claims with more sides than this is a chain of
	// unrelated pairs (every film "directed by" someone), not one dispute.
	maxSides = 6
)

// JudgeFunc asks a second opinion on a pair of claims the rules found in
// conflict (a model, at index time): whether they cannot both be true and
// whether they speak of the same scope. ok is false when it could not
// judge; the rules' verdict stands then.
type JudgeFunc func(a, b string) (contradicts, sameScope, ok bool)

// BuildClaims extracts the claims of every document and finds the
// disputes among claims that share an entity or a rare noun.
func BuildClaims(c *Corpus, lex *lexicon.Lexicon) *Claims { return BuildClaimsJudged(c, lex, nil) }

// BuildClaimsJudged is BuildClaims with every conflict the rules find put
// to judge, which may overrule it: a pair it says can both be true, or
// figures it says are of different scopes, is no dispute.
func BuildClaimsJudged(c *Corpus, lex *lexicon.Lexicon, judge JudgeFunc) *Claims {
	ents := NewEntities(c, lex)
	docs := c.Docs()
	perDoc := make([][]Claim, len(docs))
	parallel(len(docs), func(i int) { perDoc[i] = extractClaims(docs[i], ents) })
	var all []Claim
	for i := range docs {
		all = append(all, perDoc[i]...)
	}
	cs := newClaims(c, lex, ents, all)
	cs.judge = judge
	cs.findDisputes(cs.meanings)
	cs.indexDisputes()
	return cs
}

// ClaimsData is what of Claims a data directory keeps: the claims and the
// disputes; the lookups over them are rebuilt when it is opened.
type ClaimsData struct {
	// Rules is the ClaimRules the claims were read with; claims read
	// by other rules are read again (see RestoreClaims).
	Rules    int
	All      []Claim
	Disputes []Dispute
	// Entities is the registry they were read with; empty in data saved
	// before it was kept, which is then read again from the corpus.
	Entities EntitiesData
}

// Data returns what a data directory keeps of cs.
func (cs *Claims) Data() ClaimsData {
	return ClaimsData{Rules: ClaimRules, All: cs.All, Disputes: cs.Disputes, Entities: cs.Entities.Data()}
}

// ClaimRules is the version of the rules that read claims and find
// disputes. Bump it when what they find changes shape (a new field of
// Claim or Value): a store saved by older rules is then read again from
// its documents when opened, rather than served stale. 2: figures carry
// their event, claims their ruled-out figures and causes, causes their
// effects. 3: a post, letter or statement speaks for whoever issued it.
// 4: claims carry their trend and consent, and disputes over them are
// found. 5: claims saying a matter is not yet known are marked open. 6:
// trends told in the past, phrasal verbs, causes damaged by, holders named
// after a long title, value disputes split by unit.
const ClaimRules = 6

// RestoreClaims rebuilds the lookups over claims and disputes read back
// from a data directory, without reading or comparing claims again.
//
// Claims saved by other rules (ClaimRules) are read again from c.
func RestoreClaims(c *Corpus, lex *lexicon.Lexicon, data ClaimsData) *Claims {
	if data.Rules != ClaimRules {
		return BuildClaims(c, lex)
	}
	var ents *Entities
	if data.Entities.Lower != nil {
		ents = restoreEntities(data.Entities, lex)
	} else {
		ents = NewEntities(c, lex)
	}
	cs := newClaims(c, lex, ents, data.All)
	cs.Disputes = data.Disputes
	cs.indexDisputes()
	return cs
}

func newClaims(c *Corpus, lex *lexicon.Lexicon, ents *Entities, all []Claim) *Claims {
	cs := &Claims{All: all, Entities: ents, byClaim: map[int][]int{}, df: map[string]int{}, docs: map[string]*Document{},
		topics: map[string][]string{}, titleWords: map[string][]string{}, at: map[string]map[int]int{},
		docNames: map[string]map[string]bool{}, meanings: newMeanings(lex)}
	for _, d := range c.Docs() {
		cs.docs[d.ID] = d
		cs.topics[d.ID], cs.titleWords[d.ID], _ = ents.Frame(d.Title)
	}
	lemmas := map[string]bool{}
	for i, cl := range cs.All {
		seen := map[string]bool{}
		for _, ws := range [][]string{cl.Words, cl.Names} {
			for _, w := range ws {
				if !seen[w] {
					seen[w] = true
					cs.df[w]++
				}
			}
		}
		for _, ws := range [][]string{cl.Words, cl.Negated, cl.Causes, cl.Effects} {
			for _, w := range ws {
				lemmas[w] = true
			}
		}
		for _, v := range cl.Values {
			lemmas[v.Unit] = true
			lemmas[v.Event] = true
		}
		if cs.at[cl.DocID] == nil {
			cs.at[cl.DocID] = map[int]int{}
		}
		cs.at[cl.DocID][cl.Sentence] = i
		if cs.docNames[cl.DocID] == nil {
			cs.docNames[cl.DocID] = map[string]bool{}
		}
		for _, n := range cl.Names {
			if !strings.HasPrefix(n, "country:") {
				cs.docNames[cl.DocID][n] = true
			}
		}
	}
	list := make([]string, 0, len(lemmas))
	for w := range lemmas {
		list = append(list, w)
	}
	cs.meanings.learn(list)
	return cs
}

// indexDisputes maps each claim to the disputes it is a side of.
func (cs *Claims) indexDisputes() {
	for di, d := range cs.Disputes {
		for _, side := range d.Sides {
			for _, i := range side {
				cs.byClaim[i] = append(cs.byClaim[i], di)
			}
		}
	}
}

// parallel runs f(0…n-1) on every core.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// common reports whether a lemma is too frequent, or too much a word of
// reporting, to show what a claim is about.
func (cs *Claims) common(w string) bool {
	if reportingLemmas[w] {
		return true
	}
	n := len(cs.All)
	return n >= 20 && float64(cs.df[w]) > commonShare*float64(n)
}

var reportingLemmas = setOf("say", "tell", "add", "state", "statement", "report", "claim", "note", "accord",
	"deny", "reject", "dismiss", "refute", "dispute", "contradict", "false", "true", "incorrect", "inaccurate",
	"wrong", "misleading", "call", "describe", "insist", "argue", "confirm", "clarify", "emphasize", "stress",
	"explain", "announce", "post", "publication", "account", "language", "information", "also", "just", "recent",
	"day", "time", "year", "week", "month", "thursday", "wednesday", "friday", "monday", "tuesday", "saturday", "sunday",
	"people", "thing", "way", "lot", "part", "include", "make", "take", "get", "go", "come", "see", "know", "want", "would")

// findDisputes compares claims that share a blocking key (an entity, or a
// rare content lemma) and links those that cannot all be true.
func (cs *Claims) findDisputes(m *meanings) {
	blocks := map[string][]int{}
	keysOf := make([][]string, len(cs.All))
	for i, c := range cs.All {
		if !cs.mayConflict(i) && c.Polarity == Hypothetical {
			continue
		}
		for _, n := range c.Names {
			keysOf[i] = append(keysOf[i], "n:"+n)
		}
		for _, w := range c.Words {
			if !cs.common(w) {
				keysOf[i] = append(keysOf[i], "w:"+w)
				// "blast" and "explosion" meet through their first sense.
				for _, syn := range m.of(w).first {
					keysOf[i] = append(keysOf[i], "s:"+strconv.Itoa(int(syn)))
				}
			}
		}
		if len(c.Causes) > 0 && c.Speaker != "" {
			// Two parties' causes in one report meet, whatever words
			// each uses.
			keysOf[i] = append(keysOf[i], "c:"+c.DocID)
		}
		for _, k := range keysOf[i] {
			blocks[k] = append(blocks[k], i)
		}
	}
	// Each claim that may start a conflict is compared with its block
	// mates on its own; the comparisons only read, so they run on every
	// core and their edges are merged after.
	type found struct {
		kind string
		e    edge
	}
	per := make([][]found, len(cs.All))
	parallel(len(cs.All), func(x int) {
		if !cs.mayConflict(x) {
			return
		}
		// Partners by how many keys they share with x, most first; only
		// the closest maxPartners are compared, so a corpus that repeats
		// one story a thousand times stays linear.
		shared := map[int]int{}
		for _, k := range keysOf[x] {
			ids := blocks[k]
			if len(ids) > maxBlock {
				ids = ids[:maxBlock]
			}
			for _, y := range ids {
				// A pair of two claims that may both start a conflict is
				// compared once, from the lower.
				if y == x || cs.mayConflict(y) && y < x {
					continue
				}
				shared[y]++
			}
		}
		// Bucket the partners by shared count (a few dozen keys at most)
		// and take them from the fullest bucket down: linear, where a sort
		// of a large block was not.
		buckets := map[int][]int{}
		top := 0
		for y, n := range shared {
			if cs.couldPair(x, y) {
				buckets[n] = append(buckets[n], y)
				top = max(top, n)
			}
		}
		var partners []int
		for n := top; n > 0 && len(partners) < maxPartners; n-- {
			b := buckets[n]
			sort.Ints(b)
			partners = append(partners, b[:min(len(b), maxPartners-len(partners))]...)
		}
		for _, y := range partners {
			a, b := min(x, y), max(x, y)
			if kind := cs.conflict(m, a, b); kind != "" {
				per[x] = append(per[x], found{kind, edge{a, b}})
			}
		}
	})
	edges := map[string]map[edge]bool{}
	for _, fs := range per {
		for _, f := range fs {
			if !cs.judged(f.kind, f.e) {
				continue
			}
			if edges[f.kind] == nil {
				edges[f.kind] = map[edge]bool{}
			}
			edges[f.kind][f.e] = true
		}
	}
	stance := map[edge]bool{}
	for _, kind := range []string{KindRebuttal, KindPolarity} {
		for e := range edges[kind] {
			stance[e] = true
		}
	}
	for _, g := range cs.stanceGroups(stance) {
		kind := KindPolarity
		for _, i := range g.claims {
			if g.deniers[i] && cs.All[i].Rebuts {
				kind = KindRebuttal
			}
		}
		// A holder who denies in a dispute is on the denying side with all
		// its claims there: its own account of what happened instead
		// ("the operation was led by Mexican authorities") is part of
		// the denial.
		// A holder takes one side with all its claims in a dispute: the
		// side most of them take ("the operation was led by Mexican
		// authorities", said by a party that denies, is its denial; one
		// aside "did not disclose" among a party's assertions is not).
		votes := map[string]int{}
		for _, i := range g.claims {
			h := cs.Entities.Key(cs.All[i].Holder)
			switch {
			case g.deniers[i] && cs.All[i].Rebuts:
				votes[h] += 2
			case g.deniers[i]:
				votes[h]++
			default:
				votes[h]--
			}
		}
		cs.addDispute(kind, g.claims, func(i int) string {
			if votes[cs.Entities.Key(cs.All[i].Holder)] > 0 {
				return "denies"
			}
			return "asserts"
		})
	}
	for _, kind := range []string{KindAgent, KindCause, KindValue, KindTrend, KindConsent} {
		var es [][2]int
		for e := range edges[kind] {
			es = append(es, [2]int{e.a, e.b})
		}
		sort.Slice(es, func(i, j int) bool { return es[i][0] < es[j][0] || es[i][0] == es[j][0] && es[i][1] < es[j][1] })
		for _, e := range es {
			cs.All[e[0]].Contradicted++
			cs.All[e[1]].Contradicted++
		}
		if kind == KindValue {
			for _, comp := range components(es) {
				if cs.sideCount(comp, cs.valueSides(comp, "")) > maxSides {
					continue // a tangle of figures is no dispute a reader can follow
				}
				// Figures of different units are different disputes,
				// though one claim gives both ("17 people … within 12
				// metres").
				in := map[int]bool{}
				for _, i := range comp {
					in[i] = true
				}
				byUnit := map[string][][2]int{}
				var units []string
				for _, e := range es {
					if !in[e[0]] {
						continue
					}
					u := cs.conflictUnit(m, &cs.All[e[0]], &cs.All[e[1]])
					if byUnit[u] == nil {
						units = append(units, u)
					}
					byUnit[u] = append(byUnit[u], e)
				}
				for _, u := range units {
					for _, sub := range components(byUnit[u]) {
						cs.addDispute(kind, sub, cs.valueSides(sub, u))
					}
				}
			}
			continue
		}
		for _, comp := range components(es) {
			label := func(i int) string { return cs.sideLabel(kind, &cs.All[i]) }
			switch kind {
			case KindAgent:
				label = cs.agentSides(comp)
			case KindCause:
				label = cs.causeSides(comp)
			}
			cs.addDispute(kind, comp, label)
		}
	}
	cs.objects.Clear() // read while comparing; nothing reads it later
}

// sameDenial is how much two denials' opponents must overlap for the
// denials to be one dispute: half of the smaller set, so a denial of one
// statement joins the dispute over that statement.
const sameDenial = 0.5

// stanceGroups builds the polarity and rebuttal disputes around their
// denials: each denial with the assertions it contradicts, and denials that
// contradict mostly the same assertions merged. Linking assertions to each
// other through chains of unrelated denials would make one dispute of a
// whole corpus.
// stanceGroup is one polarity or rebuttal dispute: its claims, and which
// of them deny.
type stanceGroup struct {
	claims  []int
	deniers map[int]bool
}

func (cs *Claims) stanceGroups(edges map[edge]bool) []stanceGroup {
	opp := map[int]map[int]bool{}
	for e := range edges {
		cs.All[e.a].Contradicted++
		cs.All[e.b].Contradicted++
		d, a := e.a, e.b
		if !cs.denies(d) || cs.All[a].Rebuts {
			d, a = a, d
		}
		if opp[d] == nil {
			opp[d] = map[int]bool{}
		}
		opp[d][a] = true
	}
	deniers := make([]int, 0, len(opp))
	by := map[int][]int{} // an assertion → the denials that contradict it
	for d := range opp {
		deniers = append(deniers, d)
	}
	sort.Ints(deniers)
	for _, d := range deniers {
		for a := range opp[d] {
			by[a] = append(by[a], d)
		}
	}
	// Only denials that contradict a common assertion are compared: the
	// work grows with the disputes, not with the square of all denials.
	var es [][2]int
	for _, x := range deniers {
		es = append(es, [2]int{x, x})
		seen := map[int]bool{x: true}
		var cands []int
		for a := range opp[x] {
			for _, y := range by[a] {
				if !seen[y] && y > x {
					seen[y] = true
					cands = append(cands, y)
				}
			}
		}
		sort.Ints(cands)
		if len(cands) > maxPartners {
			cands = cands[:maxPartners]
		}
		for _, y := range cands {
			if overlap(opp[x], opp[y]) >= sameDenial {
				es = append(es, [2]int{x, y})
			}
		}
	}
	sort.Slice(es, func(i, j int) bool { return es[i][0] < es[j][0] || es[i][0] == es[j][0] && es[i][1] < es[j][1] })
	var out []stanceGroup
	for _, group := range components(es) {
		g := stanceGroup{deniers: map[int]bool{}}
		members := map[int]bool{}
		for _, d := range group {
			members[d] = true
			g.deniers[d] = true
			for a := range opp[d] {
				members[a] = true
			}
		}
		for i := range members {
			g.claims = append(g.claims, i)
		}
		sort.Ints(g.claims)
		out = append(out, g)
	}
	return out
}

// denies reports whether claim i denies what it speaks of: a negated
// claim, or a rebuttal that is not itself negative ("denied that the plant
// was unsafe" asserts that it was safe).
func (cs *Claims) denies(i int) bool {
	c := &cs.All[i]
	return c.Polarity == Denied || c.Rebuts && c.Polarity != Asserted
}

// overlap is the share of the smaller set that the other holds.
func overlap(a, b map[int]bool) float64 {
	inter := 0
	for x := range a {
		if b[x] {
			inter++
		}
	}
	if n := min(len(a), len(b)); n > 0 {
		return float64(inter) / float64(n)
	}
	return 0
}

type edge struct{ a, b int }

// judged reports whether the judge, if any, lets a conflict stand.
func (cs *Claims) judged(kind string, e edge) bool {
	if cs.judge == nil {
		return true
	}
	a, b := &cs.All[e.a], &cs.All[e.b]
	contradicts, sameScope, ok := cs.judge(cs.text(a), cs.text(b))
	if !ok {
		return true
	}
	return contradicts && (kind != KindValue || sameScope)
}

// text is a claim's quoted text.
func (cs *Claims) text(c *Claim) string { return string(cs.docs[c.DocID].Raw[c.Start:c.End]) }

// mayConflict reports whether claim i can start a conflict: it denies, or
// it names an agent, a cause or a figure. Most claims do none of these, and
// only pairs with one such claim are compared.
func (cs *Claims) mayConflict(i int) bool {
	c := &cs.All[i]
	return c.Polarity != Hypothetical && (cs.denies(i) || len(c.Agents) > 0 || len(c.Causes) > 0 || len(c.NotCauses) > 0 || len(c.Values) > 0 || len(c.NotValues) > 0 || c.Trend != 0 || c.Consent != 0)
}

// couldPair is the cheap test before conflict: claim x (which may start a
// conflict) can conflict with y only by denying what y asserts or by
// giving another agent, cause or figure than y.
func (cs *Claims) couldPair(x, y int) bool {
	a, b := &cs.All[x], &cs.All[y]
	if b.Polarity == Hypothetical {
		return false
	}
	return cs.denies(x) != cs.denies(y) || a.Rebuts != b.Rebuts ||
		len(a.Agents) > 0 && len(b.Agents) > 0 || len(a.Causes) > 0 && len(b.Causes) > 0 ||
		len(a.NotCauses) > 0 && len(b.Causes) > 0 || len(b.NotCauses) > 0 && len(a.Causes) > 0 ||
		len(a.Values) > 0 && len(b.Values) > 0 || len(a.NotValues) > 0 && len(b.Values) > 0 || len(b.NotValues) > 0 && len(a.Values) > 0 ||
		a.Trend != 0 && b.Trend != 0 && a.Trend != b.Trend || a.Consent != 0 && b.Consent != 0 && a.Consent != b.Consent
}

// components groups the claims linked by edges.
func components(es [][2]int) [][]int {
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		if _, ok := parent[x]; !ok {
			parent[x] = x
		}
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range es {
		ra, rb := find(e[0]), find(e[1])
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	groups := map[int][]int{}
	var roots []int
	for x := range parent {
		r := find(x)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], x)
	}
	sort.Ints(roots)
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		g := groups[r]
		sort.Ints(g)
		out = append(out, g)
	}
	return out
}

// conflict returns the kind of dispute between claims a and b, or "".
func (cs *Claims) conflict(m *meanings, a, b int) string {
	x, y := &cs.All[a], &cs.All[b]
	if x.DocID == y.DocID && cs.sameHolder(x, y) {
		return ""
	}
	if x.Polarity == Hypothetical || y.Polarity == Hypothetical {
		return ""
	}
	// The cheap tests first: most pairs fail them, and shared meaning is
	// the costly part.
	if (len(x.NotCauses) > 0 && m.anyRelated(x.NotCauses, y.Causes) || len(y.NotCauses) > 0 && m.anyRelated(y.NotCauses, x.Causes)) &&
		m.sameEffect(x.Effects, y.Effects) {
		// "Repairs were to blame" against "rejected the suggestion that
		// repairs were to blame".
		return KindCause
	}
	if len(x.Causes) > 0 && len(y.Causes) > 0 && !m.anyRelated(x.Causes, y.Causes) &&
		m.sameEffect(x.Effects, y.Effects) &&
		(cs.sharesName(x, y) || cs.sharesWord(m, x.Words, y.Words) || x.DocID == y.DocID && x.Speaker != "" && y.Speaker != "" && !sameParty(cs.Entities, cs.Entities.Key(x.Speaker), cs.Entities.Key(y.Speaker)) && len(x.Effects)+len(y.Effects) > 0) {
		// One report giving two parties' causes ("blamed the flood on a
		// blocked culvert" … "said the barrier had been weakened by
		// blasting") sets them against each other, whatever words each
		// uses; the report's own "because" is no party's account.
		return KindCause
	}
	if x.Rebuts != y.Rebuts {
		d, o := x, y
		if y.Rebuts {
			d, o = y, x
		}
		if cs.targets(d, o) && (cs.sharesWord(m, d.Words, o.Words) || d.DocID == o.DocID || cs.sharesTopic(d, o)) {
			// "rejected the water board's report", "rejected Reyk's
			// claim": whatever that party said of the story, asserted or
			// denied, is what is rebutted.
			return KindRebuttal
		}
	}
	if da, db := cs.denies(a), cs.denies(b); da != db {
		d, a := x, y
		if db {
			d, a = y, x
		}
		if cs.contradicts(m, d, a) {
			if d.Rebuts {
				return KindRebuttal
			}
			return KindPolarity
		}
	}
	// Who led one act: the two must name the same act's party or place
	// (a film's title, a raid's town), not only use the same verb.
	if len(x.Agents) > 0 && len(y.Agents) > 0 && !cs.anyRelated(x.Agents, y.Agents) && cs.sharesWord(m, x.Words, y.Words) && cs.sharesOtherName(x, y) {
		return KindAgent
	}
	if x.Trend != 0 && y.Trend != 0 && x.Trend != y.Trend && sameTime(x, y) &&
		sameTrendSubject(m, x.TrendOf, y.TrendOf) && cs.trendParties(x, y) && closeDates(cs.docs[x.DocID], cs.docs[y.DocID]) {
		// "Both countries will increase collaboration" against "ties
		// between the two will remain strained": forecasts of one
		// relationship heading opposite ways, and so are two accounts of
		// where it has been heading (see sameTime).
		return KindTrend
	}
	if x.Consent != y.Consent && cs.consentSame(x, y) && closeDates(cs.docs[x.DocID], cs.docs[y.DocID]) {
		// "Sheinbaum has requested U.S. assistance" against "her
		// administration would not permit U.S. agents".
		return KindConsent
	}
	if ev := cs.valuesDiffer(m, x, y); ev != "" && closeDates(cs.docs[x.DocID], cs.docs[y.DocID]) && (cs.sharesSubject(x, y) || ev != "?" && cs.sameStory(x.DocID, y.DocID)) {
		// Figures of one event ("injured", "died") in claims naming
		// one story's place share their subject, though the story's
		// name is in every document of a corpus about it. Reports
		// months apart count different things.
		return KindValue
	}
	return ""
}

// sharesOtherName is sharesName leaving out the agents themselves.
func (cs *Claims) sharesOtherName(x, y *Claim) bool {
	for _, a := range x.Names {
		if cs.common(a) || slices.Contains(x.Agents, a) || slices.Contains(y.Agents, a) {
			continue
		}
		for _, b := range y.Names {
			if cs.Entities.Related(a, b) {
				return true
			}
		}
	}
	return cs.sharesTopic(x, y)
}

// sharesSubject is sharesName leaving out who holds the claims: two
// figures "according to the Census Bureau" are not about one thing for
// naming their source.
func (cs *Claims) sharesSubject(x, y *Claim) bool {
	hx, hy := cs.Entities.Key(x.Holder), cs.Entities.Key(y.Holder)
	for _, a := range x.Names {
		if cs.common(a) || cs.Entities.Related(a, hx) || cs.Entities.Related(a, hy) {
			continue
		}
		for _, b := range y.Names {
			if cs.Entities.Related(a, b) {
				return true
			}
		}
	}
	return cs.sharesTopic(x, y)
}

// sharesName reports whether two claims name one thing that is not what
// the whole corpus is about, or their documents' titles do.
func (cs *Claims) sharesName(x, y *Claim) bool {
	for _, a := range x.Names {
		if cs.common(a) {
			continue
		}
		for _, b := range y.Names {
			if cs.Entities.Related(a, b) {
				return true
			}
		}
	}
	return cs.sharesTopic(x, y)
}

// trendParties reports whether two trends are of the same parties: for a
// relationship, every party the sparser claim names is named by the other
// ("relations between Vesk and Orland" and "ties between Vesk and Tarnia"
// are two relationships), at least one; for anything else, one party
// named by both, or one story.
func (cs *Claims) trendParties(x, y *Claim) bool {
	if !relationTrend(x) && !relationTrend(y) {
		return cs.anyRelated(x.Names, y.Names) || cs.sameStory(x.DocID, y.DocID)
	}
	a, b := parties(x.Names), parties(y.Names)
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	for _, p := range a {
		if !cs.anyRelated([]string{p}, b) {
			return false
		}
	}
	return true
}

// parties are the countries a claim names, or else all its names: what a
// relationship is between.
func parties(names []string) []string {
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, "country:") {
			out = append(out, n)
		}
	}
	if len(out) > 0 {
		return out
	}
	return names
}

// contradicts reports whether denial d denies what a asserts: what d's negation
// governs must hold a predicate (or the head of "no X") that a says, and
// the two must be about the same thing: a name d's denial governs that a
// names, or, when the denial names nothing, the topic of their documents.
func (cs *Claims) contradicts(m *meanings, d, a *Claim) bool {
	if !cs.deniesPredicate(m, d, a) {
		return false
	}
	// A rebuttal that names whose statement it rejects ("the language on
	// ICE's publication") contradicts only what that party says or what is
	// said of it.
	if d.Rebuts && len(d.Targets) > 0 && !cs.targets(d, a) && !cs.namesAny(a, d.Targets) {
		return false
	}
	if len(d.NegNames) == 0 {
		return cs.sharesTopic(d, a)
	}
	for _, n := range d.NegNames {
		for _, k := range a.Names {
			if cs.sameActor(n, k) {
				return true
			}
		}
	}
	return false
}

// sameActor reports whether a name a denial governs (a) names the party an
// assertion names (b): the same name, or the country b belongs to ("no
// American personnel" and ICE). Two mentions of one country are not
// enough: a country is where much happens, and names no particular actor.
func (cs *Claims) sameActor(a, b string) bool {
	if a == b {
		return !strings.HasPrefix(a, "country:")
	}
	return cs.Entities.parent[b] == a
}

// namesAny reports whether claim c names one of keys.
func (cs *Claims) namesAny(c *Claim, keys []string) bool {
	for _, k := range keys {
		for _, n := range c.Names {
			if cs.sameActor(k, n) {
				return true
			}
		}
	}
	return false
}

// deniesPredicate reports whether a word d's negation governs, that is a
// predicate or the head of the negation, is one a says.
func (cs *Claims) deniesPredicate(m *meanings, d, a *Claim) bool {
	for _, n := range d.Negated {
		// A negation denies the word it governs ("not issued", "no
		// squall"), not every predicate after it ("… regarding the
		// operation"); a rebuttal denies its whole complement.
		pred := contains(d.Preds, n)
		head := contains(d.NegHeads, n)
		if cs.common(n) || !head && !(d.Rebuts && pred) {
			continue
		}
		for _, w := range a.Words {
			if cs.common(w) || contains(a.Excluded, w) {
				// A word a itself negates is not what a asserts: "a
				// faulty valve caused the fire, not lightning" agrees
				// with "there was no lightning".
				continue
			}
			if pred && w == n && !contains(a.Preds, w) && !cs.Entities.isAdjective(w) {
				// The denied verb written as a noun is another word:
				// "has not issued a statement" says nothing of
				// tackling "the issue". (An adjective is said, not
				// done: "unsafe" denies "was safe".)
				continue
			}
			if pred && m.relatedVerb(n, w) || !pred && m.related(n, w) {
				if pred && !d.Rebuts && !cs.sharesObject(m, d, a, n) {
					// "has not issued an official statement" denies
					// issuing that, not issuing a strategy.
					continue
				}
				return true
			}
		}
	}
	return false
}

// sharesObject reports whether assertion a says the direct object of the
// verb n that denial d negates: "has not issued an official statement"
// denies issuing a statement, not issuing a strategy. A verb with no
// object after it ("was not overloaded", "no chemicals leaked from the
// plant") has none to share.
func (cs *Claims) sharesObject(m *meanings, d, a *Claim, n string) bool {
	objects := cs.directObject(d, n)
	if len(objects) == 0 {
		return true
	}
	for _, o := range objects {
		for _, w := range a.Words {
			if m.related(o, w) {
				return true
			}
		}
	}
	return false
}

// directObject returns the content lemmas of the noun phrase right after
// verb n in claim c's text: past a determiner and adjectives, up to the
// first other word; none when a preposition or anything else follows the
// verb.
func (cs *Claims) directObject(c *Claim, n string) []string {
	type key struct {
		c *Claim
		n string
	}
	if v, ok := cs.objects.Load(key{c, n}); ok {
		return v.([]string)
	}
	out := cs.readObject(c, n)
	cs.objects.Store(key{c, n}, out)
	return out
}

func (cs *Claims) readObject(c *Claim, n string) []string {
	toks := lang.TokenizeAll(cs.text(c))
	ents := cs.Entities
	for i := range toks {
		if ents.lemmaAt(toks, i) != n {
			continue
		}
		var out []string
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			w := strings.ToLower(toks[k].Word)
			switch {
			case determinersBefore[w] && len(out) == 0:
			case lang.IsStopword(w):
				return out
			case ents.isNoun(w) && !ents.isAdjective(w):
				// The nouns of the phrase, not what describes them:
				// "an official statement" is a statement.
				out = append(out, ents.lemma(w))
			case ents.isAdjective(w):
			default:
				return out
			}
		}
		return out
	}
	return nil
}

func (cs *Claims) sharesWord(m *meanings, xs, ys []string) bool {
	for _, x := range xs {
		if cs.common(x) {
			continue
		}
		for _, y := range ys {
			if m.related(x, y) {
				return true
			}
		}
	}
	return false
}

// topicalShare: a name in more than this share of the claims of a corpus
// of at least minTopical claims is what the whole corpus is about
// ("Mexico" in a corpus on Mexico), and names no particular statement.
const (
	topicalShare = 0.3
	minTopical   = 30
)

func (cs *Claims) topical(key string) bool {
	n := len(cs.All)
	return n >= minTopical && float64(cs.df[key]) > topicalShare*float64(n)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (cs *Claims) sameHolder(x, y *Claim) bool {
	return cs.Entities.Related(cs.Entities.Key(x.Holder), cs.Entities.Key(y.Holder))
}

// targets reports whether rebuttal r names o's holder (or a name o's
// holder belongs to) as the one whose statement is false.
func (cs *Claims) targets(r, o *Claim) bool {
	h := cs.holderOf(o.Holder)
	hk, holder, holderNames := h.key, h.padded, h.names
	for _, t := range r.Targets {
		if slices.Contains(holderNames, t) {
			return true
		}
		if p, ok := strings.CutPrefix(t, phraseTarget); ok {
			if strings.Contains(holder, " "+p+" ") {
				return true
			}
			continue
		}
		if cs.Entities.Related(t, hk) {
			return true
		}
		for _, n := range o.Names {
			if t == n && o.Speaker == "" {
				return false
			}
		}
	}
	return false
}

// holderRef is what targets compares of a holder's name.
type holderRef struct {
	key, padded string
	names       []string // "Tomas Reyk" is also "reyk"
}

// holderOf reads a holder's name once: finding disputes asks for the
// same few holders in every pair it compares, and reading the name (its
// entities above all) was a fifth of the time. The registry does not
// change once built, so neither does what is cached.
func (cs *Claims) holderOf(name string) *holderRef {
	if h, ok := cs.holders.Load(name); ok {
		return h.(*holderRef)
	}
	h, _ := cs.holders.LoadOrStore(name, &holderRef{key: cs.Entities.Key(name), padded: " " + foldKey(name) + " ",
		names: cs.Entities.Names(name)})
	return h.(*holderRef)
}

func (cs *Claims) anyRelated(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if cs.Entities.Related(x, y) {
				return true
			}
		}
	}
	return false
}

// sharesTopic reports whether the titles of two claims' documents share a
// name that is not common to the corpus: "the ferry" in one is the ferry
// another names.
func (cs *Claims) sharesTopic(x, y *Claim) bool {
	for _, a := range cs.topics[x.DocID] {
		// A country in two headlines is where much happens, not one
		// story.
		if cs.common(a) || strings.HasPrefix(a, "country:") {
			continue
		}
		for _, ns := range [][]string{cs.topics[y.DocID], y.Names} {
			for _, b := range ns {
				if cs.Entities.Related(a, b) {
					return true
				}
			}
		}
	}
	return false
}

// conflictUnit is the unit key of the first pair of figures by which x
// and y conflict, "" when none is found (a ruled-out figure).
func (cs *Claims) conflictUnit(m *meanings, x, y *Claim) string {
	for _, a := range x.Values {
		for _, b := range y.Values {
			if a.Unit == "" || b.Unit == "" || a.Scope != b.Scope || a.Num == b.Num {
				continue
			}
			if a.Event != "" && b.Event != "" && a.Event != b.Event && !m.related(a.Event, b.Event) {
				continue // as valuesDiffer: figures of different events
			}
			if m.related(a.Unit, b.Unit) || a.Event != "" && a.Event == b.Event && cs.kindOf(a.Unit, b.Unit) {
				return cs.unitKey(a.Unit)
			}
		}
	}
	return ""
}

// Counts reports whether the figures a side of dispute d is labelled by
// count noun or what it is a kind of: workers are people, metres are not.
func (cs *Claims) Counts(d *Dispute, noun string) bool {
	for _, side := range d.Sides {
		for _, i := range side {
			for _, v := range cs.All[i].Values {
				if v.Unit != "" && slices.Contains(d.Labels, v.Label()) && (v.Unit == noun || cs.meanings.related(v.Unit, noun) || cs.kindOf(noun, v.Unit)) {
					return true
				}
			}
		}
	}
	return false
}

// unitKey is the unit figures are grouped by: kinds of people ("patient",
// "passenger") are people.
func (cs *Claims) unitKey(u string) string {
	if u != "people" && cs.kindOf(u, "people") {
		return "people"
	}
	return u
}

// valuesDiffer reports figures of the same unit and the same scope that
// differ. Different scopes ("on the night" and "in all") are not a
// conflict: they are shown side by side.
//
// It returns the event the differing figures count, "?" when they differ
// with no event known, "" when they do not differ.
func (cs *Claims) valuesDiffer(m *meanings, x, y *Claim) string {
	if rulesOut(x, y) || rulesOut(y, x) {
		return "?"
	}
	for _, a := range x.Values {
		for _, b := range y.Values {
			if a.Unit == "" || b.Unit == "" || a.Scope != b.Scope || a.Num == b.Num {
				continue
			}
			if a.Event != "" && b.Event != "" && a.Event != b.Event && !m.related(a.Event, b.Event) {
				continue // "260 passengers" carried, "37 passengers" injured
			}
			// Patients and passengers are people: figures of one known
			// event count the same, whatever kind of people they name.
			if m.related(a.Unit, b.Unit) || a.Event != "" && a.Event == b.Event && cs.kindOf(a.Unit, b.Unit) {
				if a.Event != "" && a.Event == b.Event {
					return a.Event
				}
				return "?"
			}
		}
	}
	return ""
}

// sameStory reports whether two documents tell one story: they are one
// document, or name at least sameStoryNames of the same things.
func (cs *Claims) sameStory(a, b string) bool {
	if a == b {
		return true
	}
	if !closeDates(cs.docs[a], cs.docs[b]) {
		return false
	}
	x, y := cs.docNames[a], cs.docNames[b]
	if len(y) < len(x) {
		x, y = y, x
	}
	n, headline := 0, false
	for k := range x {
		if y[k] {
			n++
			// One of them is what a headline is about: a mayor quoted
			// on a fire and on a crash in one town is no one story.
			headline = headline || slices.Contains(cs.topics[a], k) || slices.Contains(cs.topics[b], k)
		}
	}
	return n >= sameStoryNames && headline
}

// storyDays is how far apart two documents of one story may be published.
const storyDays = 14

// closeDates reports whether two documents were published within
// storyDays of each other, or either date is unknown.
func closeDates(a, b *Document) bool {
	if a == nil || b == nil || a.Published == "" || b.Published == "" {
		return true
	}
	ta, ea := time.Parse("2006-01-02", a.Published)
	tb, eb := time.Parse("2006-01-02", b.Published)
	if ea != nil || eb != nil {
		return true
	}
	d := ta.Sub(tb)
	return d < storyDays*24*time.Hour && d > -storyDays*24*time.Hour
}

// sameStoryNames is how many names two documents must share to tell one
// story: one shared name is a place or a party that many stories name; two
// (the town and the operator, the hospital and the union) are one story.
const sameStoryNames = 2

// kindOf reports whether one unit is a kind of the other: passengers and
// patients are people.
func (cs *Claims) kindOf(a, b string) bool {
	lex := cs.Entities.lex
	if lex == nil {
		return false
	}
	if a == "people" {
		a = "person"
	}
	if b == "people" {
		b = "person"
	}
	return a == b || lex.SenseIsA(a, 1, b, 1) || lex.SenseIsA(b, 1, a, 1)
}

// rulesOut reports whether x rules out a figure y gives: "seven, not the
// five the agency announced" against "the toll has risen to five". The
// correction names the figure it rejects, whatever scope y gives it, and
// whatever it calls what it counts ("deaths" of a toll, "patients" of a
// count) when both count one event; the two must still share their
// subject (see conflict).
func rulesOut(x, y *Claim) bool {
	for _, a := range x.NotValues {
		for _, b := range y.Values {
			// Of one event or one unit: "seven patients died, not the
			// five announced" against "the toll rose to five", not
			// against "five schools closed".
			if a.Num == b.Num && a.Num >= 2 && (a.Event != "" && a.Event == b.Event || a.Unit != "" && a.Unit == b.Unit) {
				return true
			}
		}
	}
	return false
}

// addDispute splits a component into sides and records it.
func (cs *Claims) addDispute(kind string, comp []int, label func(int) string) {
	sideOf := map[string][]int{}
	var labels []string
	for _, i := range comp {
		l := label(i)
		if sideOf[l] == nil {
			labels = append(labels, l)
		}
		sideOf[l] = append(sideOf[l], i)
	}
	if len(labels) < 2 || len(labels) > maxSides {
		return
	}
	d := Dispute{Kind: kind, Labels: labels}
	for _, l := range labels {
		d.Sides = append(d.Sides, sideOf[l])
	}
	d.Subject, d.Core = cs.subject(comp)
	d.Contested = cs.contested(kind, comp)
	d.ID = disputeID(cs, comp)
	cs.Disputes = append(cs.Disputes, d)
}

// sideCount is how many sides label splits comp into.
func (cs *Claims) sideCount(comp []int, label func(int) string) int {
	seen := map[string]bool{}
	for _, i := range comp {
		seen[label(i)] = true
	}
	return len(seen)
}

// valueSides labels the claims of a value dispute by their figure: "five
// deaths in all" and "five patients" give one figure, and are one side,
// labelled as the first claim giving it says it.
func (cs *Claims) valueSides(comp []int, unit string) func(int) string {
	byNum := map[float64]string{}
	return func(i int) string {
		c := &cs.All[i]
		for _, v := range c.Values {
			if v.Unit == "" || unit != "" && cs.unitKey(v.Unit) != unit {
				continue
			}
			if l, ok := byNum[v.Num]; ok {
				return l
			}
			byNum[v.Num] = v.Label()
			return byNum[v.Num]
		}
		return cs.sideLabel(KindValue, c)
	}
}

// agentSides labels the claims of an agent dispute by who they say led,
// claims naming related agents ("ICE", "ICE's HSI unit") on one side.
func (cs *Claims) agentSides(comp []int) func(int) string {
	side := map[int]string{}
	for _, i := range comp {
		for _, j := range comp {
			if l, ok := side[j]; ok && cs.anyRelated(cs.All[i].Agents, cs.All[j].Agents) {
				side[i] = l
				break
			}
		}
		if _, ok := side[i]; !ok {
			side[i] = cs.sideLabel(KindAgent, &cs.All[i])
		}
	}
	return func(i int) string { return side[i] }
}

// causeSides labels the claims of a cause dispute by what they blame,
// claims blaming related causes ("a lightning strike", "lightning") on one
// side.
func (cs *Claims) causeSides(comp []int) func(int) string {
	side := map[int]string{}
	for _, i := range comp {
		for _, j := range comp {
			if l, ok := side[j]; ok && cs.meanings.anyRelated(cs.All[i].Causes, cs.All[j].Causes) {
				side[i] = l
				break
			}
		}
		if _, ok := side[i]; !ok {
			side[i] = cs.sideLabel(KindCause, &cs.All[i])
		}
	}
	return func(i int) string { return side[i] }
}

// sideLabel is what a claim holds within a dispute of a kind.
func (cs *Claims) sideLabel(kind string, c *Claim) string {
	switch kind {
	case KindAgent:
		if c.AgentText != "" {
			return "led by " + c.AgentText
		}
	case KindCause:
		if c.CauseText != "" {
			return "caused by " + c.CauseText
		}
		if len(c.Causes) > 0 {
			return "caused by " + c.Causes[0]
		}
		if len(c.NotCauses) > 0 {
			return "not caused by " + c.NotCauses[0]
		}
	case KindTrend:
		if c.Trend != 0 {
			return trendLabel(c)
		}
	case KindConsent:
		if c.Consent != 0 {
			return cs.consentLabel(c)
		}
	case KindValue:
		for _, v := range c.Values {
			if v.Unit != "" {
				return v.Label()
			}
		}
	}
	if c.Rebuts || c.Polarity == Denied {
		return "denies"
	}
	return "asserts"
}

// subject is what the claims of a dispute share most: names first, then
// content lemmas, by how many of its claims carry them.
func (cs *Claims) subject(comp []int) (subject, core []string) {
	count := map[string]int{}
	for _, i := range comp {
		seen := map[string]bool{}
		for _, n := range cs.All[i].Names {
			if !seen[n] {
				seen[n] = true
				count["n:"+n]++
			}
		}
		for _, w := range cs.All[i].Words {
			if !seen[w] && !cs.common(w) {
				seen[w] = true
				count["w:"+w]++
			}
		}
	}
	keys := make([]string, 0, len(count))
	for k, n := range count {
		if n >= 2 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		if keys[i][0] != keys[j][0] {
			return keys[i][0] == 'n'
		}
		return keys[i] < keys[j]
	})
	for i, k := range keys {
		if i < 6 {
			subject = append(subject, k[2:])
		}
		if k[0] == 'w' {
			core = append(core, k[2:])
		}
	}
	return subject, core
}

// contested lists what the sides of a dispute disagree on.
func (cs *Claims) contested(kind string, comp []int) []string {
	var out []string
	for _, i := range comp {
		c := &cs.All[i]
		switch kind {
		case KindAgent:
			out = appendUnique(out, "lead")
		case KindCause:
			out = appendUnique(out, c.Causes...)
			out = appendUnique(out, "cause")
		case KindValue:
			for _, v := range c.Values {
				out = appendUnique(out, v.Unit)
			}
			out = appendUnique(out, c.Preds...)
		case KindConsent:
			for _, w := range c.Preds {
				if cs.Entities.lex != nil && consentDirection(w, cs.Entities.lex) != 0 {
					out = appendUnique(out, w)
				}
			}
		case KindTrend:
			// What heads one way or the other, and the verbs saying
			// which way.
			out = appendUnique(out, c.TrendOf...)
			for _, w := range c.Preds {
				if cs.Entities.lex != nil && trendDirection(w, cs.Entities.lex) != 0 {
					out = appendUnique(out, w)
				}
			}
		default:
			// What a denial denies is the predicate it negates ("not
			// overloaded", "rejected that agents were involved"), not
			// every word of its clause.
			if cs.denies(i) {
				for _, w := range c.Negated {
					if !cs.common(w) && (contains(c.Preds, w) || contains(c.NegHeads, w)) {
						out = appendUnique(out, w)
					}
				}
			}
		}
	}
	return out
}

// Degree returns how many claims claim i is in conflict with.
func (cs *Claims) Degree(i int) int { return cs.All[i].Contradicted }

func disputeID(cs *Claims, comp []int) string {
	parts := make([]string, len(comp))
	for k, i := range comp {
		c := cs.All[i]
		parts[k] = fmt.Sprintf("%s:%d:%d", c.DocID, c.Start, c.End)
	}
	sort.Strings(parts)
	h := sha1.Sum([]byte(strings.Join(parts, "\n")))
	return "d-" + hex.EncodeToString(h[:])[:10]
}
