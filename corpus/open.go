package corpus

import (
	"regexp"
	"slices"
)

// An open claim says the matter of a dispute is not yet known: "it was too
// soon to say what had caused the derailment". It contradicts no side; a
// reader weighing the sides needs to know the investigator has not decided.

// openCauseWords ask what caused something: an open claim saying them is
// about a cause dispute ("too early to say where this came from").
var openCauseWords = setOf("cause", "come", "source", "blame", "origin", "result", "why", "trigger")

// openWhy asks why in an open claim: "too early to say why the wall had
// failed".
var openWhy = regexp.MustCompile(`(?i)\b(why|what (had )?(caused|led to|triggered))\b`)

// maxOpen bounds the open claims shown with one dispute.
const maxOpen = 2

// OpenOn returns the claims saying the matter of dispute d is not yet
// known ("it was too soon to say what had caused the derailment"), from
// documents of d's story: claims that say a word d is about, or, for a
// dispute over a cause, ask what caused it. At most maxOpen, in corpus
// order.
func (cs *Claims) OpenOn(d *Dispute) []int {
	var out []int
	docs := map[string]bool{}
	for _, side := range d.Sides {
		for _, i := range side {
			docs[cs.All[i].DocID] = true
		}
	}
	about := append(append([]string(nil), d.Core...), d.Contested...)
	for i := range cs.All {
		c := &cs.All[i]
		if !c.Open || slices.ContainsFunc(d.Sides, func(side []int) bool { return slices.Contains(side, i) }) {
			continue
		}
		story := false
		for doc := range docs {
			if cs.sameStory(c.DocID, doc) {
				story = true
				break
			}
		}
		if !story {
			continue
		}
		meets := d.Kind == KindCause && (slices.ContainsFunc(c.Words, func(w string) bool { return openCauseWords[w] }) ||
			openWhy.MatchString(cs.text(c)))
		for _, w := range c.Words {
			if meets {
				break
			}
			if cs.common(w) {
				continue
			}
			meets = slices.ContainsFunc(about, func(a string) bool { return cs.meanings.related(w, a) })
		}
		if meets {
			out = append(out, i)
			if len(out) == maxOpen {
				break
			}
		}
	}
	return out
}
