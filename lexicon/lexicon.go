package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

// POS is a part of speech. Only nouns and verbs have senses here: answer
// typing and query expansion need nothing else. Adjectives appear as
// pertainyms (see Pertainyms), which lead them to nouns, and adjectives and
// adverbs alike as words (see IsWord).
type POS int

// The parts of speech, numbered as the data file numbers them. Adjectives
// and adverbs are unexported: they have no senses, so Base, Synonyms and
// the rest cannot take them, and only IsWord looks them up.
const (
	Noun POS = iota
	Verb
	adjective
	adverb
)

// Lexicon is a parsed WordNet lexicon. Its data never changes after parsing;
// only the IsA class cache does, and it synchronises itself, so a Lexicon is
// safe for concurrent use.
type Lexicon struct {
	d     *lexfile.Data
	index *lemmaIndex
	// words indexes d.Words, the adjectives and adverbs that are not in
	// index; modifiers[pos-adjective] is the set of adjective or adverb
	// ids, a bitset.
	words     *lemmaIndex
	modifiers [2][]uint64
	// hypoOff and hypos invert d.Hypers: the hyponyms and instances of
	// synset s are hypos[hypoOff[s]:hypoOff[s+1]].
	hypoOff, hypos []int32
	// pertainedBy inverts d's pertainyms for Adjectives.
	pertainedBy []uint64
	classes     classCache
}

//go:embed wordnet.lex.gz
var embedded []byte

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// Default returns the embedded lexicon, parsed once on first use (sync.Once);
// safe for concurrent use. It is package state rather than a constructor's
// result because every caller wants the same read-only data and parsing it
// twice would waste tens of milliseconds and megabytes.
//
// Default panics if the embedded data is corrupt, which is a build error that
// the package's tests catch.
func Default() *Lexicon {
	defaultOnce.Do(func() {
		l, err := parse(embedded)
		if err != nil {
			panic(fmt.Sprintf("lexicon: embedded data: %v", err))
		}
		defaultLex = l
	})
	return defaultLex
}

// parse decompresses and decodes a gzipped data file and builds the lookup
// structures.
func parse(gz []byte) (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	// gzip's trailer holds the uncompressed size (mod 2³²); reading into a
	// buffer of exactly that size avoids io.ReadAll's regrowing and copying.
	// A corrupt trailer must not make us allocate gigabytes; the real ratio
	// is under 2.
	size := 0
	if len(gz) >= 4 {
		size = int(binary.LittleEndian.Uint32(gz[len(gz)-4:]))
	}
	if size > 16*len(gz) {
		size = 0
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if err := zr.Close(); err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	d, err := lexfile.Decode(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return newLexicon(d), nil
}

func newLexicon(d *lexfile.Data) *Lexicon {
	l := &Lexicon{d: d, index: newLemmaIndex(d.Lemmas), words: newLemmaIndex(d.Words), pertainedBy: pertainedBy(d)}
	for i, ids := range [2][]int32{d.AdjIDs, d.AdvIDs} {
		l.modifiers[i] = make([]uint64, (d.Len()+63)/64)
		for _, id := range ids {
			l.modifiers[i][id>>6] |= 1 << (id & 63)
		}
	}
	nsyn := len(d.HyperOff) - 1
	l.hypoOff = make([]int32, nsyn+1)
	for _, h := range d.Hypers {
		l.hypoOff[h+1]++
	}
	for i := 1; i <= nsyn; i++ {
		l.hypoOff[i] += l.hypoOff[i-1]
	}
	l.hypos = make([]int32, len(d.Hypers))
	next := append([]int32(nil), l.hypoOff[:nsyn]...)
	for s := range nsyn {
		for _, h := range d.Hypers[d.HyperOff[s]:d.HyperOff[s+1]] {
			l.hypos[next[h]] = int32(s)
			next[h]++
		}
	}
	return l
}

// MaxWords is the number of words in the longest lemma, so a caller scanning
// a sentence knows the longest n-gram worth looking up.
func (l *Lexicon) MaxWords() int { return l.d.MaxWords }

// lemma returns the id of word if it is a lemma of pos: for nouns and
// verbs one with senses in pos, for adjectives and adverbs one of the
// lemmas or words that the data file lists as such.
func (l *Lexicon) lemma(word string, pos POS) (int32, bool) {
	id, ok := l.index.find(word)
	if !ok && pos >= adjective {
		id, ok = l.words.find(word)
		id += int32(l.d.Lemmas.Len())
	}
	return id, ok && l.has(id, pos)
}

// lemmaBytes is lemma for a key assembled in a buffer.
func (l *Lexicon) lemmaBytes(word []byte, pos POS) (int32, bool) {
	id, ok := l.index.findBytes(word)
	if !ok && pos >= adjective {
		id, ok = l.words.findBytes(word)
		id += int32(l.d.Lemmas.Len())
	}
	return id, ok && l.has(id, pos)
}

// has reports whether lemma id, as lemma returns it, is a lemma of pos.
func (l *Lexicon) has(id int32, pos POS) bool {
	if pos >= adjective {
		return l.modifiers[pos-adjective][id>>6]&(1<<(id&63)) != 0
	}
	return l.hasSenses(id, pos)
}

func (l *Lexicon) hasSenses(id int32, pos POS) bool {
	off := l.d.SenseOff[pos]
	return off[id+1] > off[id]
}

// senses returns the synsets of lemma id in pos, most frequent sense first.
func (l *Lexicon) senses(id int32, pos POS) []int32 {
	off := l.d.SenseOff[pos]
	return l.d.Senses[pos][off[id]:off[id+1]]
}

// members returns the lemma ids of synset s.
func (l *Lexicon) members(s int32) []int32 {
	return l.d.Members[l.d.MemberOff[s]:l.d.MemberOff[s+1]]
}

func validPOS(pos POS) bool { return pos == Noun || pos == Verb }
