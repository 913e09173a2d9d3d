package lexicon

import (
	"hash/maphash"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

// lemmaIndex maps a lemma to its id with open addressing over one flat
// slice. A map[string]int32 of the same lemmas took about half of parse time
// in our benchmarks (building it misses the cache on almost every insert)
// and three times the memory; this table is 2 MB of integers the garbage
// collector never scans.
type lemmaIndex struct {
	seed   maphash.Seed
	lemmas lexfile.Lemmas
	// slots hold the high 32 bits of a lemma's hash and its id+1 (0 marks
	// an empty slot), so that most probes that miss never read the lemma.
	slots []uint64
	mask  uint64
}

func newLemmaIndex(lemmas lexfile.Lemmas) *lemmaIndex {
	n := lemmas.Len()
	size := 1
	for size < 2*n {
		size <<= 1
	}
	x := &lemmaIndex{seed: maphash.MakeSeed(), lemmas: lemmas, slots: make([]uint64, size), mask: uint64(size - 1)}
	for id := range int32(n) {
		h := maphash.String(x.seed, lemmas.At(id))
		i := h & x.mask
		for x.slots[i] != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = h&^0xffffffff | uint64(id+1)
	}
	return x
}

// find returns the id of lemma s.
func (x *lemmaIndex) find(s string) (int32, bool) {
	h := maphash.String(x.seed, s)
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		id, match := x.at(i, h)
		if id < 0 || match && x.lemmas.At(id) == s {
			return id, id >= 0
		}
	}
}

// findBytes is find for a key assembled in a buffer. It repeats find's loop
// because a string(b) argument would allocate; a string(b) comparison does
// not.
func (x *lemmaIndex) findBytes(b []byte) (int32, bool) {
	h := maphash.Bytes(x.seed, b)
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		id, match := x.at(i, h)
		if id < 0 || match && x.lemmas.At(id) == string(b) {
			return id, id >= 0
		}
	}
}

// at returns the id in slot i (-1 if empty) and whether its hash tag
// matches h.
func (x *lemmaIndex) at(i, h uint64) (int32, bool) {
	slot := x.slots[i]
	return int32(slot&0xffffffff) - 1, slot&^0xffffffff == h&^0xffffffff
}
