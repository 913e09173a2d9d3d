package answer

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/lang"
)

// valuesOf returns the values of a sentence (tokenized with stop words)
// that can answer qa, nearest first; kinds are the kinds of a typed
// question's class it names, which come first.
func (fd *finder) valuesOf(toks []lang.Token, kinds []value, qa *Query) []value {
	var vals []value
	var rel []int
	counts := qa.relStems
	if qa.counted != "" {
		counts = []string{qa.counted}
	}
	if qa.kind == kindQuantity && len(counts) > 0 && !qa.asksPercent {
		// (A percentage is what "what percentage" counts: percentages
		// answer it wherever they stand; see percentages.)
		rel = positions(toks, counts)
	}
	for _, v := range extractValues(toks, qa, fd.k.isCommon) {
		if !wants(qa.kind, v.kind) {
			continue
		}
		// A count answers "how many relatives" only when it counts
		// relatives: "17 relatives", not "two factions" in the same
		// sentence.
		if qa.kind == kindQuantity && len(counts) > 0 && !qa.asksPercent && !near(v.pos, rel, countWindow) {
			continue
		}
		vals = append(vals, v)
	}
	// The kinds a typed question asks for come first, before any name or
	// figure; kinds the question itself names ("switched to cricket from
	// ice hockey") come after the others.
	var asked, named []value
	for _, k := range kinds {
		if qa.words[strings.Fields(k.key)[0]] {
			named = append(named, k)
		} else {
			asked = append(asked, k)
		}
	}
	out := append(byProximity(asked, toks, qa), byProximity(named, toks, qa)...)
	return append(out, refineYear(byProximity(vals, toks, qa))...)
}

// refineYear puts first the full date that a leading bare year belongs
// to: "(1901–1960) … born 3 March 1901" answers "what is the birth date"
// with 3 March 1901, not with 1901, which every date of that year would
// agree with.
func refineYear(vals []value) []value {
	if len(vals) < 2 || vals[0].kind != vYear {
		return vals
	}
	for i, v := range vals[1:] {
		if v.kind == vDate && timeGrain(v) == "day" && strings.HasSuffix(v.key, " "+vals[0].key) {
			out := append([]value{v}, vals[:i+1]...)
			return append(out, vals[i+2:]...)
		}
	}
	return vals
}

// countWindow is how many words may stand between a count and what it
// counts ("over 120 small regional airports").
const countWindow = 4

func near(pos int, anchors []int, window int) bool {
	for _, a := range anchors {
		if d := pos - a; d <= window && d >= -window {
			return true
		}
	}
	return false
}

// byProximity orders values by their distance to the question's words in
// the sentence: the value next to "population" answers "what is the
// population", not the year two clauses later.
func byProximity(vals []value, toks []lang.Token, qa *Query) []value {
	if len(vals) < 2 {
		return vals
	}
	// Anchor on the question's relation words ("population", "born",
	// "language") when the sentence has them: the subject's name is often
	// nearer to a wrong value than the relation word is to the answer.
	anchors := positions(toks, qa.relStems)
	if len(anchors) == 0 {
		anchors = positions(toks, qa.stems)
	}
	if len(anchors) == 0 {
		return vals
	}
	dist := func(v value) int {
		d := 1 << 30
		for _, a := range anchors {
			x := v.pos - a
			if x < 0 {
				x = -x
			}
			d = min(d, x)
		}
		return d + kindRank(qa.kind, v.kind)
	}
	sort.SliceStable(vals, func(i, j int) bool { return dist(vals[i]) < dist(vals[j]) })
	return vals
}

// kindRank makes an open question ("What is the genre of…") prefer a
// name over a figure, and a figure over a year, at equal distance and a
// little beyond: years and counts are the usual bystanders of such answers.
func kindRank(qk kind, vk vkind) int {
	if qk != kindOpen {
		return 0
	}
	switch vk {
	case vName:
		return 0
	case vNumber:
		return 3
	}
	return 6
}

func positions(toks []lang.Token, stems []string) []int {
	var out []int
	for i, t := range toks {
		for _, qs := range stems {
			if stemMatch(qs, t.Stem) > 0 {
				out = append(out, i)
				break
			}
		}
	}
	return out
}
