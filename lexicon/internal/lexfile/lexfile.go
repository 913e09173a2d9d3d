// Package lexfile encodes and decodes the lexicon's one data file: the noun
// and verb part of WordNet reduced to lemmas, senses, hypernym pointers and
// morphological exceptions, plus the adjective pertainyms that lead from an
// adjective to a noun ("finnish" to "finland"), and the adjective and adverb
// lemmas and exceptions, kept only to tell words from non-words.
//
// The format is binary and columnar (all counts first, then all lemma ids,
// then all sense ranks, …) because same-kind columns gzip better than
// interleaved records and decode in tight loops: the whole file must parse in
// tens of milliseconds, once per process. Nothing here reads WordNet's own
// files; that is the generator's job.
package lexfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// magic starts every file; the trailing digit is the format version.
const magic = "crosscheck-lexicon 4\n"

// Part-of-speech indices into the per-POS fields of Data. Only nouns and
// verbs have senses.
const (
	Noun = 0
	Verb = 1
	Adj  = 2
	Adv  = 3
)

// Data is the decoded lexicon. Synsets are numbered from 0: the first Nouns
// of them are noun synsets, the rest verb synsets. Offset slices (…Off) have
// one more entry than the things they index, so the items of synset s are
// Members[MemberOff[s]:MemberOff[s+1]].
type Data struct {
	// Lemmas are lower-case, words separated by single spaces, sorted and
	// unique; a lemma id is its index here, so id order is lexical order.
	Lemmas Lemmas
	// Nouns is the number of noun synsets.
	Nouns int
	// MemberOff and Members list each synset's lemma ids in WordNet's order
	// (the first is the synset's head word).
	MemberOff, Members []int32
	// HyperOff and Hypers list each synset's hypernyms and instance
	// hypernyms, ascending.
	HyperOff, Hypers []int32
	// SenseOff and Senses list, per part of speech, each lemma's synsets in
	// WordNet's sense order (most frequent sense first). A lemma without
	// senses in that part of speech has an empty range.
	SenseOff, Senses [2][]int32
	// Exceptions map an irregular inflected form to its base lemmas, per
	// part of speech (WordNet's noun.exc, verb.exc, adj.exc and adv.exc,
	// restricted to bases that are lemmas of that part of speech). Adjective
	// and adverb bases may be Words.
	Exceptions [4]map[string][]string
	// MaxWords is the number of words in the longest lemma.
	MaxWords int
	// Adjectives are the adjectives that have a pertainym pointer to a noun,
	// lower-case like Lemmas, sorted and unique. They are a list of their
	// own: most are not noun or verb lemmas, and adding them to Lemmas
	// would make every lemma lookup consider them.
	Adjectives Lemmas
	// PertainymOff and Pertainyms list, for each of Adjectives, the noun
	// lemma ids it pertains to in WordNet's order (the adjective's most
	// frequent sense first), each once.
	PertainymOff, Pertainyms []int32
	// Words are the adjective and adverb lemmas that are not noun or verb
	// lemmas, lower-case like Lemmas, sorted and unique. Their ids follow
	// the lemmas' (word i has id Lemmas.Len()+i; see Word), so that one id
	// space covers every part of speech while noun and verb lookups never
	// see an adjective.
	Words Lemmas
	// AdjIDs and AdvIDs are the ids of the adjective and adverb lemmas,
	// ascending: Lemmas that are also adjectives or adverbs, and every word
	// of Words in one or both.
	AdjIDs, AdvIDs []int32
}

// Encode returns d in the file format (uncompressed). It fails if d is not
// consistent, so that a generator bug cannot produce a file that decodes
// into something else.
func Encode(d *Data) ([]byte, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	nsyn := len(d.MemberOff) - 1
	var w writer
	w.buf = append(w.buf, magic...)
	w.uint(d.Lemmas.Len())
	w.uint(d.Nouns)
	w.uint(nsyn - d.Nouns)
	w.uint(d.MaxWords)

	w.lemmas(d.Lemmas)

	ranks := d.ranks()
	for s := range nsyn {
		w.uint(int(d.MemberOff[s+1] - d.MemberOff[s]))
	}
	for _, id := range d.Members {
		w.uint(int(id))
	}
	for _, r := range ranks {
		w.uint(r)
	}
	for s := range nsyn {
		w.uint(int(d.HyperOff[s+1] - d.HyperOff[s]))
	}
	// Hypernyms are stored relative to the synset (zig-zag), since WordNet
	// numbers a synset near its hypernym more often than not.
	for s := range nsyn {
		for _, h := range d.Hypers[d.HyperOff[s]:d.HyperOff[s+1]] {
			w.int(int(h) - s)
		}
	}

	w.exceptions(d, Noun)
	w.exceptions(d, Verb)
	w.pertainyms(d)
	w.words(d)
	return w.buf, nil
}

// exceptions writes d's exception list for pos, forms sorted, each base as
// its id.
func (w *writer) exceptions(d *Data, pos int) {
	exc := d.Exceptions[pos]
	keys := make([]string, 0, len(exc))
	for k := range exc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.uint(len(keys))
	for _, k := range keys {
		w.uint(len(k))
		w.buf = append(w.buf, k...)
		w.uint(len(exc[k]))
		for _, b := range exc[k] {
			id, _ := d.Search(b)
			w.uint(int(id))
		}
	}
}

// ranks returns, for every entry of Members, the 1-based sense number of
// that synset among the senses of that lemma in the synset's part of speech.
// Storing ranks instead of the sense lists themselves costs about one byte
// per sense and lets Decode rebuild the lists without sorting.
func (d *Data) ranks() []int {
	rank := make([]int, len(d.Members))
	for s := range len(d.MemberOff) - 1 {
		pos := d.pos(s)
		for i := d.MemberOff[s]; i < d.MemberOff[s+1]; i++ {
			id := d.Members[i]
			senses := d.Senses[pos][d.SenseOff[pos][id]:d.SenseOff[pos][id+1]]
			rank[i] = slices.Index(senses, int32(s)) + 1
		}
	}
	return rank
}

func (d *Data) pos(synset int) int {
	if synset < d.Nouns {
		return Noun
	}
	return Verb
}

// check reports the first inconsistency in d: unsorted lemmas, ids out of
// range, sense lists that are not exactly the inverse of Members,
// pertainyms that are not noun lemmas, Words that are noun or verb lemmas,
// or exception bases of the wrong part of speech.
func (d *Data) check() error {
	if err := d.Lemmas.check(); err != nil {
		return fmt.Errorf("lemma %w", err)
	}
	n := d.Lemmas.Len()
	nsyn := len(d.MemberOff) - 1
	if nsyn < d.Nouns || len(d.HyperOff) != nsyn+1 {
		return errors.New("synset counts disagree")
	}
	for _, id := range d.Members {
		if id < 0 || int(id) >= n {
			return fmt.Errorf("member lemma id %d out of range", id)
		}
	}
	for s := range nsyn {
		for _, h := range d.Hypers[d.HyperOff[s]:d.HyperOff[s+1]] {
			if h < 0 || int(h) >= nsyn || d.pos(int(h)) != d.pos(s) {
				return fmt.Errorf("synset %d: hypernym %d out of range", s, h)
			}
		}
	}
	count := 0
	for pos := range 2 {
		if len(d.SenseOff[pos]) != n+1 {
			return fmt.Errorf("pos %d: sense offsets: got %d, want %d", pos, len(d.SenseOff[pos]), n+1)
		}
		count += len(d.Senses[pos])
	}
	if count != len(d.Members) {
		return fmt.Errorf("%d senses but %d synset members", count, len(d.Members))
	}
	for i, r := range d.ranks() {
		if r == 0 {
			return fmt.Errorf("member %d (%q) missing from its sense list", i, d.Lemmas.At(d.Members[i]))
		}
	}
	if err := d.checkPertainyms(); err != nil {
		return err
	}
	if err := d.checkWords(); err != nil {
		return err
	}
	for pos := range d.Exceptions {
		for k, bases := range d.Exceptions[pos] {
			if k == "" || len(bases) == 0 {
				return fmt.Errorf("pos %d: empty exception %q", pos, k)
			}
			for _, b := range bases {
				if id, ok := d.Search(b); !ok || !d.Has(id, pos) {
					return fmt.Errorf("pos %d: exception %q: base %q is not a lemma of that part of speech", pos, k, b)
				}
			}
		}
	}
	return nil
}

// Decode parses a file produced by Encode. Lemma and exception strings share
// one backing string, so decoding allocates a few large slices rather than
// one object per lemma.
func Decode(b []byte) (*Data, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, errors.New("lexicon data: bad magic")
	}
	r := reader{buf: b, off: len(magic)}
	d := decode(&r)
	if r.err != nil {
		return nil, fmt.Errorf("lexicon data: %w", r.err)
	}
	if r.off != len(b) {
		return nil, fmt.Errorf("lexicon data: %d trailing bytes", len(b)-r.off)
	}
	return d, nil
}

func decode(r *reader) *Data {
	d := &Data{}
	nlem := r.uint()
	d.Nouns = r.uint()
	nsyn := d.Nouns + r.uint()
	d.MaxWords = r.uint()
	d.Lemmas = r.lemmas(nlem)
	if r.err != nil {
		return nil
	}

	d.MemberOff = r.offsets(nsyn)
	if r.err != nil {
		return nil
	}
	d.Members = r.ids(int(d.MemberOff[nsyn]), nlem)
	ranks := r.ids(len(d.Members), 1<<30)
	d.HyperOff = r.offsets(nsyn)
	if r.err != nil {
		return nil
	}
	d.Hypers = make([]int32, d.HyperOff[nsyn])
	for s := range nsyn {
		for i := d.HyperOff[s]; i < d.HyperOff[s+1]; i++ {
			h := s + r.int()
			if h < 0 || h >= nsyn {
				r.fail("hypernym out of range")
				return nil
			}
			d.Hypers[i] = int32(h)
		}
	}
	d.buildSenses(ranks, r)
	d.Exceptions[Noun] = r.exceptions(d)
	d.Exceptions[Verb] = r.exceptions(d)
	r.pertainyms(d)
	r.words(d)
	return d
}

// buildSenses inverts Members into per-lemma sense lists, placing each
// synset at its stored rank.
func (d *Data) buildSenses(ranks []int32, r *reader) {
	if r.err != nil {
		return
	}
	nlem := d.Lemmas.Len()
	for pos := range 2 {
		d.SenseOff[pos] = make([]int32, nlem+1)
	}
	nsyn := len(d.MemberOff) - 1
	for s := range nsyn {
		off := d.SenseOff[d.pos(s)]
		for _, id := range d.Members[d.MemberOff[s]:d.MemberOff[s+1]] {
			off[id+1]++
		}
	}
	for pos := range 2 {
		off := d.SenseOff[pos]
		for i := 1; i < len(off); i++ {
			off[i] += off[i-1]
		}
		d.Senses[pos] = make([]int32, off[nlem])
		for i := range d.Senses[pos] {
			d.Senses[pos][i] = -1
		}
	}
	for s := range nsyn {
		pos := d.pos(s)
		off, senses := d.SenseOff[pos], d.Senses[pos]
		for i := d.MemberOff[s]; i < d.MemberOff[s+1]; i++ {
			id := d.Members[i]
			slot := off[id] + ranks[i] - 1
			if ranks[i] < 1 || slot >= off[id+1] || senses[slot] != -1 {
				r.fail("bad sense rank")
				return
			}
			senses[slot] = int32(s)
		}
	}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// lemmas writes l front-coded in two columns: the length each lemma shares
// with the one before it, then the rest of every lemma, newline-terminated.
// Sorted lemmas share long prefixes, and every byte saved is a byte gunzip
// need not produce at parse time. Lengths interleaved with the text break
// up the repeats gzip looks for; in their own column they made the file
// 80 KB (7%) smaller.
func (w *writer) lemmas(l Lemmas) {
	w.uint(len(l.text))
	prev := ""
	for i := range int32(l.Len()) {
		s := l.At(i)
		w.uint(commonPrefix(prev, s))
		prev = s
	}
	prev = ""
	for i := range int32(l.Len()) {
		s := l.At(i)
		w.buf = append(w.buf, s[commonPrefix(prev, s):]...)
		w.buf = append(w.buf, '\n')
		prev = s
	}
}

// lemmas reads n lemmas written by writer.lemmas.
func (r *reader) lemmas(n int) Lemmas {
	size := r.uint()
	if !r.room(2*n) || size > 8*len(r.buf) {
		r.fail("lemma text size")
		return Lemmas{}
	}
	// off holds the shared lengths until the text is rebuilt.
	off := make([]int32, n+1)
	for i := range n {
		off[i+1] = int32(r.uint())
	}
	if r.err != nil {
		return Lemmas{}
	}
	text := make([]byte, 0, size)
	prev := 0 // start of the previous lemma in text
	for i := range n {
		p := int(off[i+1])
		end := bytes.IndexByte(r.buf[r.off:], '\n')
		if end < 0 || p > len(text)-prev || len(text)+p+end+1 > size {
			r.fail("bad lemma")
			return Lemmas{}
		}
		start := len(text)
		text = append(text, text[prev:prev+p]...)
		text = append(text, r.buf[r.off:r.off+end+1]...)
		r.off += end + 1
		prev = start
		off[i+1] = int32(len(text))
	}
	if len(text) != size {
		r.fail("lemma text size")
		return Lemmas{}
	}
	return Lemmas{text: string(text), off: off}
}

type writer struct{ buf []byte }

func (w *writer) uint(v int) { w.buf = binary.AppendUvarint(w.buf, uint64(v)) }

func (w *writer) int(v int) { w.buf = binary.AppendVarint(w.buf, int64(v)) }

// reader decodes varints from buf, remembering the first error so that
// callers check once at the end.
type reader struct {
	buf []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s at byte %d", what, r.off)
	}
}

func (r *reader) uint() int {
	if r.err != nil {
		return 0
	}
	// Inline fast path for one-byte values, the common case.
	if r.off < len(r.buf) && r.buf[r.off] < 0x80 {
		v := r.buf[r.off]
		r.off++
		return int(v)
	}
	v, n := binary.Uvarint(r.buf[r.off:])
	if n <= 0 || v > 1<<31 {
		r.fail("bad varint")
		return 0
	}
	r.off += n
	return int(v)
}

func (r *reader) int() int {
	u := r.uint()
	return int(u>>1) ^ -(u & 1)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.buf)-r.off {
		r.fail("short data")
		return nil
	}
	b := r.buf[r.off : r.off+n]
	r.off += n
	return b
}

// room reports whether n more items can follow; every item takes at least
// one byte, so a corrupt count fails here instead of allocating gigabytes.
func (r *reader) room(n int) bool {
	if r.err == nil && (n < 0 || n > len(r.buf)-r.off) {
		r.fail("count exceeds data")
	}
	return r.err == nil
}

// offsets reads n counts and returns their n+1 running totals.
func (r *reader) offsets(n int) []int32 {
	if !r.room(n) {
		return nil
	}
	off := make([]int32, n+1)
	total := 0
	for i := range n {
		total += r.uint()
		off[i+1] = int32(total)
	}
	if total > len(r.buf)-r.off {
		r.fail("count exceeds data")
		return nil
	}
	return off
}

// ids reads n values, each below limit.
func (r *reader) ids(n, limit int) []int32 {
	if !r.room(n) {
		return nil
	}
	out := make([]int32, n)
	for i := range out {
		v := r.uint()
		if v >= limit {
			r.fail("id out of range")
			return nil
		}
		out[i] = int32(v)
	}
	return out
}

// exceptions reads what writer.exceptions wrote. Base ids may be those of
// d's Words only once Words are read.
func (r *reader) exceptions(d *Data) map[string][]string {
	n := r.uint()
	if !r.room(n) {
		return nil
	}
	m := make(map[string][]string, n)
	for range n {
		k := string(r.bytes(r.uint()))
		nb := r.uint()
		if !r.room(nb) {
			return nil
		}
		bases := make([]string, nb)
		for i := range bases {
			id := r.uint()
			if id >= d.Len() {
				r.fail("exception base out of range")
				return nil
			}
			bases[i] = d.Word(int32(id))
		}
		if r.err != nil {
			return nil
		}
		m[k] = bases
	}
	return m
}
