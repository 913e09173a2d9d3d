package answer

import (
	"testing"

	"github.com/crosscheck/crosscheck/lang"
)

// A count answers "how many X" only when it counts X: the three labs in the
// same sentence are not drug lords.
func TestCountsMustCountTheAskedThing(t *testing.T) {
	f := &finder{k: &knowledge{}}
	qa := parseQuery("How many drug lords were extradited?")
	got := keys(f.answerValues("Three drug labs were raided while 29 captured drug lords were extradited.", &qa))
	if len(got) != 1 || got[0] != "29" {
		t.Errorf("values = %q, want [29]", got)
	}
}

// answerValues are the values of text that can answer qa, nearest first.
func (fd *finder) answerValues(text string, qa *Query) []value {
	toks := lang.TokenizeAll(text)
	var kinds []value
	if qa.class != nil {
		kinds = qa.class.kindValues(fd.k.lex(), toks, qa)
	}
	return fd.valuesOf(toks, kinds, qa)
}

// The full date a leading bare year belongs to is the sentence's answer
// to a date question.
func TestRefineYear(t *testing.T) {
	e := engineOver(t, map[string]string{"a": "Ada Lind was a painter from the town of Oslo."})
	qa := parseQuery("What is the birth date of Ada Lind?")
	text := "Ada Lind ( 1901–1960 ) painter Quick Facts Ada Lind born 22 October 1901 died 8 July 1960"
	vals := e.finder.answerValues(text, &qa)
	if len(vals) == 0 || vals[0].text != "22 October 1901" {
		t.Fatalf("first value = %+v, want 22 October 1901", vals)
	}
}
