package answer

import (
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/lang"
)

// learnAcronyms records each run of capitalised words by its initials
// ("Institute of Marine Studies at Bergen" under "imsb"), so a question
// that uses an acronym the documents never spell out still finds them.
func learnAcronyms(toks []lang.Token, into map[string]string) {
	for i := 0; i < len(toks); i++ {
		// A run opens on a capitalised word that is not a function word:
		// "The Institute of Marine Studies" is the IMS, not the TIMS.
		if !startsUpper(toks[i].Word) || lang.IsStopword(strings.ToLower(toks[i].Word)) {
			continue
		}
		var initials []byte
		var words []string
		j := i
		for ; j < len(toks); j++ {
			w := toks[j].Word
			switch {
			case startsUpper(w) && !isDigits(w):
				initials = append(initials, byte(unicode.ToLower(rune(w[0]))))
				words = append(words, w)
			case len(words) > 0 && acronymJoiners[strings.ToLower(w)]:
				words = append(words, w)
			default:
				goto done
			}
		}
	done:
		if n := len(initials); n >= 2 && n <= 8 && initials[0] < 0x80 {
			key := string(initials)
			if _, ok := into[key]; !ok {
				into[key] = strings.Join(words, " ")
			}
		}
		i = j
	}
}

var acronymJoiners = map[string]bool{"of": true, "and": true, "at": true, "the": true, "for": true, "de": true, "in": true}

// expandAcronyms adds to the question the spelt-out form of each acronym
// it uses that no document writes as such.
func (an *analyser) expandAcronyms(qa *Query) {
	for i, n := range qa.names {
		if len(n.words) != 1 {
			continue
		}
		w := n.words[0]
		if len(w) < 2 || strings.ToUpper(w) != w || an.k.known[n.stems[0]] {
			continue
		}
		long, ok := an.k.acronyms[strings.ToLower(w)]
		if !ok {
			continue
		}
		qa.search += " " + long
		// The spelt-out name is the subject, not an answer value.
		for _, t := range lang.TokenizeAll(long) {
			qa.words[strings.ToLower(t.Word)] = true
		}
		for _, st := range lang.Stems(long) {
			qa.names[i].stems = append(qa.names[i].stems, st)
			qa.stems = append(qa.stems, st)
		}
	}
}
