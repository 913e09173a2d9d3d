package corpus

import (
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/lexicon"
)

// meaningSenses is how many of a word's most frequent senses stand for it
// when it is compared with another word. WordNet lists every sense a word
// ever has: "lead" is also "go" and "result" far down its list, and those
// senses must not make "led" match "went".
const meaningSenses = 2

// meanings tells whether two lemmas can mean the same: equal, sharing one
// of their first senses with any sense of the other ("depicted" and
// "show", "take part" and "participate"), or one's first sense directly
// under the other's ("raid" is a kind of "foray", "tremor" of "earthquake").
// Antonyms do not match: siblings under a common parent ("increase",
// "decrease") are not compared.
type meanings struct {
	lex *lexicon.Lexicon
	// known holds the senses of every lemma the claims use, read once when
	// the corpus is indexed and read-only after: a plain map is several
	// times faster than cache on the hot path of dispute finding.
	known map[string]*senses
	cache sync.Map // other lemmas (a question's) → *senses
}

type senses struct {
	first, all, up []lexicon.Synset
	// verbFirst, verbAll, verbUp are the same for the word's verb senses
	// alone: a word used as a predicate ("not issued") means its verb.
	verbFirst, verbAll, verbUp []lexicon.Synset
}

func newMeanings(lex *lexicon.Lexicon) *meanings { return &meanings{lex: lex} }

// learn reads the senses of lemmas, on every core, into known. It must
// run before any other use of m.
func (m *meanings) learn(lemmas []string) {
	ss := make([]*senses, len(lemmas))
	parallel(len(lemmas), func(i int) { ss[i] = m.read(lemmas[i]) })
	m.known = make(map[string]*senses, len(lemmas))
	for i, w := range lemmas {
		m.known[w] = ss[i]
	}
}

func (m *meanings) of(w string) *senses {
	if s, ok := m.known[w]; ok {
		return s
	}
	if v, ok := m.cache.Load(w); ok {
		return v.(*senses)
	}
	s := m.read(w)
	m.cache.Store(w, s)
	return s
}

// read looks a lemma's senses up in the lexicon.
func (m *meanings) read(w string) *senses {
	s := &senses{}
	if m.lex != nil {
		for _, pos := range []lexicon.POS{lexicon.Noun, lexicon.Verb} {
			first := m.lex.Senses(w, pos, meaningSenses)
			s.first = append(s.first, first...)
			s.all = append(s.all, m.lex.Senses(w, pos, 0)...)
			for _, f := range first {
				s.up = append(s.up, m.lex.Hypernyms(f)...)
			}
			if pos == lexicon.Verb {
				s.verbFirst, s.verbAll = first, m.lex.Senses(w, pos, 0)
				for _, f := range first {
					s.verbUp = append(s.verbUp, m.lex.Hypernyms(f)...)
				}
			}
		}
	}
	return s
}

func (m *meanings) related(a, b string) bool {
	if a == b || derived(a, b) || derived(b, a) {
		return true
	}
	x, y := m.of(a), m.of(b)
	return shareSynset(x.first, y.all) || shareSynset(x.all, y.first) ||
		shareSynset(x.first, y.up) || shareSynset(x.up, y.first)
}

// relatedVerb is related for a word used as a predicate: only its verb
// senses count ("issued" is not the noun "issue", a matter).
func (m *meanings) relatedVerb(a, b string) bool {
	if a == b || derived(a, b) || derived(b, a) {
		return true
	}
	x, y := m.of(a), m.of(b)
	return shareSynset(x.verbFirst, y.verbAll) || shareSynset(x.verbAll, y.verbFirst) ||
		shareSynset(x.verbFirst, y.verbUp) || shareSynset(x.verbUp, y.verbFirst)
}

func (m *meanings) anyRelated(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if m.related(x, y) {
				return true
			}
		}
	}
	return false
}

// sameEffect reports whether two claims' causes may be of one effect:
// either names none, their effects mean the same, or both are happenings
// (a blast and an explosion, a breach and a collapse: one incident in two
// words; an inspection is an act, not one). A disease and an outbreak are not one effect: "pneumonia caused
// by bacteria" is no rival to "blamed the outbreak on cost-cutting".
func (m *meanings) sameEffect(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || m.anyRelated(a, b) {
		return true
	}
	return m.lex != nil && m.lex.SenseIsA(a[0], 3, "happening", 1) && m.lex.SenseIsA(b[0], 3, "happening", 1)
}

func shareSynset(xs, ys []lexicon.Synset) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x == y {
				return true
			}
		}
	}
	return false
}

// derivations are suffixes that make a noun of a verb or an adjective
// without changing what it is about ("lead" → "leadership", "operate" →
// "operation", "dismantle" → "dismantling").
var derivations = []string{"ship", "ment", "tion", "ation", "ion", "ing", "er", "al", "ance", "ence"}

// derived reports whether b is a derived from a: a stem of at least four
// letters followed by one of the derivations (a final "e" may drop).
func derived(a, b string) bool {
	if len(a) < 4 || len(b) <= len(a) {
		return false
	}
	stem := a
	if !strings.HasPrefix(b, stem) {
		stem = strings.TrimSuffix(a, "e")
		if stem == a || !strings.HasPrefix(b, stem) {
			return false
		}
	}
	rest := b[len(stem):]
	for _, d := range derivations {
		if rest == d {
			return true
		}
	}
	return false
}
