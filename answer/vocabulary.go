package answer

import (
	"maps"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/retrieval"
)

// words are the engine's lookups over the corpus's words (see knowledge).
type words struct {
	lower, caps, known map[string]bool
	stems              map[string]map[string]bool
	acronyms           map[string]string
}

// vocabulary collects the words the corpus writes in lower case, which
// tells a capitalised sentence-initial "However" from a name, the words it
// writes in capitals, and the stems of each document.
func vocabulary(c *corpus.Corpus) words {
	docs := c.Docs()
	per := make([]docVocab, len(docs))
	// Documents are independent: read them on every CPU, merge in order
	// so the first spelling of an acronym wins deterministically.
	retrieval.Parallel(len(docs), func(i int) { per[i] = readDocVocab(docs[i]) })
	w := words{lower: map[string]bool{}, caps: map[string]bool{}, known: map[string]bool{},
		stems: make(map[string]map[string]bool, len(docs)), acronyms: map[string]string{}}
	for i, d := range docs {
		w.stems[d.ID] = per[i].stems
		for s := range per[i].stems {
			w.known[s] = true
		}
		for _, l := range per[i].lower {
			w.lower[l] = true
		}
		for _, c := range per[i].caps {
			w.caps[c] = true
		}
		for k, v := range per[i].acronyms {
			if _, ok := w.acronyms[k]; !ok {
				w.acronyms[k] = v
			}
		}
	}
	return w
}

// docVocab is what vocabulary reads from one document.
type docVocab struct {
	stems    map[string]bool
	lower    []string
	caps     []string
	acronyms map[string]string
}

// readDocVocab tokenizes d's title and every sentence: most of the time
// NewEngine takes when no saved Vocabulary is given.
func readDocVocab(d *corpus.Document) docVocab {
	v := docVocab{stems: map[string]bool{}, acronyms: map[string]string{}}
	for _, t := range lang.TokenizeAll(d.Title) {
		v.stems[t.Stem] = true
	}
	for _, s := range d.Sentences {
		toks := lang.TokenizeAll(s.Text)
		for _, t := range toks {
			v.stems[t.Stem] = true
			if w := t.Word; w != "" && w[0] >= 'a' && w[0] <= 'z' {
				v.lower = append(v.lower, w)
			} else if len(w) >= 2 && w[0] >= 'A' && w[0] <= 'Z' && strings.ToUpper(w) == w {
				v.caps = append(v.caps, w)
			}
		}
		learnAcronyms(toks, v.acronyms)
	}
	return v
}

// Vocabulary is what NewEngine reads from every sentence of a corpus (the
// stems of each document, the words written in lower case and in
// capitals, the acronyms of capitalised runs), in a form an index saves
// beside its documents, so that opening the index tokenizes no sentence
// again: at 100,000 passages that reading was most of a cold start.
//
// Stems are stored once and documents refer to them by number, which
// keeps the saved form small and lets every document's set share the same
// strings when restored.
type Vocabulary struct {
	// Stems holds every stem of the corpus, titles included, once, sorted.
	Stems []string
	// Docs are the corpus's document IDs in its order; DocStems[i] lists
	// Docs[i]'s stems as ascending indexes into Stems, each stored as its
	// gap from the one before (the first from 0), so most fit one byte.
	Docs     []string
	DocStems [][]uint32
	// Lower and Caps are the words written in lower case and in capitals,
	// sorted; Acronyms maps initials to the first run spelled by them.
	Lower, Caps []string
	Acronyms    map[string]string
}

// BuildVocabulary reads c's vocabulary as NewEngine does, for an ingest
// to save with the index (see Options.Vocabulary).
func BuildVocabulary(c *corpus.Corpus) *Vocabulary {
	w := vocabulary(c)
	v := &Vocabulary{Stems: slices.Sorted(maps.Keys(w.known)), Lower: slices.Sorted(maps.Keys(w.lower)),
		Caps: slices.Sorted(maps.Keys(w.caps)), Acronyms: w.acronyms}
	num := make(map[string]uint32, len(v.Stems))
	for i, s := range v.Stems {
		num[s] = uint32(i)
	}
	docs := c.Docs()
	v.Docs, v.DocStems = make([]string, len(docs)), make([][]uint32, len(docs))
	for i, d := range docs {
		v.Docs[i] = d.ID
		ids := make([]uint32, 0, len(w.stems[d.ID]))
		for s := range w.stems[d.ID] {
			ids = append(ids, num[s])
		}
		slices.Sort(ids)
		for j := len(ids) - 1; j > 0; j-- {
			ids[j] -= ids[j-1]
		}
		v.DocStems[i] = ids
	}
	return v
}

// vocabularyCheckEvery sets how many documents restore reads again per
// one it takes from the saved vocabulary unchecked (and always the first),
// as a data directory re-parses a sample of its documents: a tokenizer
// changed since the ingest shows in the sample, and the vocabulary is then
// read from the corpus rather than used stale.
const vocabularyCheckEvery = 64

// restore rebuilds the engine's lookups from v. It reports false (and the
// caller reads the corpus instead) when v is nil, was saved for other
// documents, or disagrees with a sample read again.
func (v *Vocabulary) restore(c *corpus.Corpus) (words, bool) {
	docs := c.Docs()
	if v == nil || len(v.Docs) != len(docs) || len(v.DocStems) != len(docs) {
		return words{}, false
	}
	w := words{lower: setOf(v.Lower), caps: setOf(v.Caps), known: setOf(v.Stems), acronyms: v.Acronyms}
	if w.acronyms == nil {
		w.acronyms = map[string]string{}
	}
	per := make([]map[string]bool, len(docs))
	fits := make([]bool, len(docs))
	retrieval.Parallel(len(docs), func(i int) {
		if v.Docs[i] != docs[i].ID {
			return
		}
		m := make(map[string]bool, len(v.DocStems[i]))
		k := uint64(0)
		for _, gap := range v.DocStems[i] {
			k += uint64(gap)
			if k >= uint64(len(v.Stems)) {
				return
			}
			m[v.Stems[k]] = true
		}
		per[i] = m
		fits[i] = i%vocabularyCheckEvery != 0 || w.agrees(readDocVocab(docs[i]), m)
	})
	if slices.Contains(fits, false) {
		return words{}, false
	}
	w.stems = make(map[string]map[string]bool, len(docs))
	for i, d := range docs {
		w.stems[d.ID] = per[i]
	}
	return w, true
}

// agrees reports whether what was read again from one document agrees
// with the restored vocabulary: the same stems, and its words and
// acronyms among the corpus's.
func (w words) agrees(fresh docVocab, stems map[string]bool) bool {
	if !maps.Equal(fresh.stems, stems) {
		return false
	}
	for _, l := range fresh.lower {
		if !w.lower[l] {
			return false
		}
	}
	for _, c := range fresh.caps {
		if !w.caps[c] {
			return false
		}
	}
	for k := range fresh.acronyms {
		if _, ok := w.acronyms[k]; !ok {
			return false
		}
	}
	return true
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}
