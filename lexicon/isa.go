package lexicon

import (
	"strconv"
	"strings"
	"sync"
)

// maxClasses bounds the IsA cache. Each entry is a bitset over noun synsets
// (about 10 KB), so a full cache holds about 2.6 MB; answer typing uses a few
// dozen classes, so evictions should be rare.
const maxClasses = 256

// IsA reports whether some noun sense of term (a lower-case word or phrase,
// any inflection) has some noun sense of class (the same) among its
// transitive hypernyms or instance hypernyms, or is the same lemma.
//
//	IsA("ice hockey", "sport")                 = true
//	IsA("basilicas", "church")                 = true
//	IsA("paris", "city")                       = true (an instance)
//	IsA("democratic party", "political party") = true
//	IsA("table", "sport")                      = false
//
// Every sense counts, rare ones included, on both sides: "sport" is also
// "fun, play" and "mutant, freak", so IsA("pun", "sport") and
// IsA("freak", "sport") hold too. The first call for a class computes the
// set of all synsets below it; later calls cost a few hash and bit lookups
// and do not allocate.
func (l *Lexicon) IsA(term, class string) bool {
	var buf [8]int32
	ids := l.baseIDs(term, Noun, buf[:0])
	if len(ids) == 0 {
		return false
	}
	c := l.class(class)
	for _, id := range ids {
		for _, s := range l.senses(id, Noun) {
			if c.has(s) {
				return true
			}
		}
	}
	return false
}

// SenseIsA is IsA over the first termSenses noun senses of term and the
// first classSenses noun senses of class (all of them when ≤ 0). WordNet
// lists senses most frequent first, so SenseIsA("port", 1, "drug", 1) is
// false (a port is first a harbour) where IsA("port", "drug") holds
// (port wine), and SenseIsA("cricket", 2, "sport", 1) is true (the insect
// comes first, the game second).
func (l *Lexicon) SenseIsA(term string, termSenses int, class string, classSenses int) bool {
	var buf [8]int32
	ids := l.baseIDs(term, Noun, buf[:0])
	if len(ids) == 0 {
		return false
	}
	c := l.classN(class, classSenses)
	for _, id := range ids {
		ss := l.senses(id, Noun)
		if termSenses > 0 && len(ss) > termSenses {
			ss = ss[:termSenses]
		}
		for _, s := range ss {
			if c.has(s) {
				return true
			}
		}
	}
	return false
}

// closure is the set of noun synsets at or below a class: a bitset indexed
// by synset number. A class that is not a noun has an empty closure.
type closure struct{ bits []uint64 }

func (c *closure) has(s int32) bool {
	i := int(s) >> 6
	return i < len(c.bits) && c.bits[i]&(1<<(uint(s)&63)) != 0
}

func (c *closure) add(s int32) bool {
	i, bit := int(s)>>6, uint64(1)<<(uint(s)&63)
	if c.bits[i]&bit != 0 {
		return false
	}
	c.bits[i] |= bit
	return true
}

// classCache memoises closures by class string. Reads go through sync.Map,
// which is lock-free for keys that are already stored, since IsA is called
// from many goroutines on the same few classes; mu orders insertions for
// first-in first-out eviction.
type classCache struct {
	m     sync.Map // class string → *closure
	mu    sync.Mutex
	order []string
}

func (l *Lexicon) class(class string) *closure { return l.classN(class, 0) }

// classN is the closure of the first senses noun senses of class (all
// when ≤ 0), memoised.
func (l *Lexicon) classN(class string, senses int) *closure {
	key := class
	if senses > 0 {
		key = class + "\x00" + strconv.Itoa(senses)
	}
	if c, ok := l.classes.m.Load(key); ok {
		return c.(*closure)
	}
	c := l.closureOf(class, senses)
	l.classes.add(strings.Clone(key), c)
	return c
}

func (cc *classCache) add(class string, c *closure) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if _, loaded := cc.m.LoadOrStore(class, c); loaded {
		return
	}
	cc.order = append(cc.order, class)
	if len(cc.order) > maxClasses {
		cc.m.Delete(cc.order[0])
		cc.order = append(cc.order[:0], cc.order[1:]...)
	}
}

// closureOf walks down from the first senses noun senses of class (all
// when ≤ 0) through hyponyms and instances.
func (l *Lexicon) closureOf(class string, senses int) *closure {
	var buf [8]int32
	ids := l.baseIDs(class, Noun, buf[:0])
	if len(ids) == 0 {
		return &closure{}
	}
	c := &closure{bits: make([]uint64, (l.d.Nouns+63)/64)}
	var stack []int32
	for _, id := range ids {
		ss := l.senses(id, Noun)
		if senses > 0 && len(ss) > senses {
			ss = ss[:senses]
		}
		for _, s := range ss {
			if c.add(s) {
				stack = append(stack, s)
			}
		}
	}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, h := range l.hypos[l.hypoOff[s]:l.hypoOff[s+1]] {
			if c.add(h) {
				stack = append(stack, h)
			}
		}
	}
	return c
}
