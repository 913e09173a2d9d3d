package answer

import "github.com/crosscheck/crosscheck/corpus"

// frame is the question read the way claims are read: the keys of its
// names and the lemmas of its other content words, and the event its verb
// names as figures count it ("killed" → "die"), or "".
type frame struct {
	names, words, preds []string
	event               string
}

// frameOf reads the question into a frame, once per question.
func (an *analyser) frameOf(qa *Query) frame {
	names, words, preds := an.k.claims.Entities.Frame(qa.text)
	f := frame{names: names}
	for _, w := range words {
		if !frameNoise[w] {
			f.words = append(f.words, w)
		}
	}
	for _, w := range preds {
		if !frameNoise[w] {
			f.preds = append(f.preds, w)
		}
		if f.event == "" {
			f.event = corpus.EventOf(w)
		}
	}
	return f
}

// frameNoise are words of asking, not of what a question is about.
var frameNoise = map[string]bool{"happen": true, "true": true, "say": true, "tell": true, "really": true, "accord": true, "claim": true, "report": true}
