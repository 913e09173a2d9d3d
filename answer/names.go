package answer

import (
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
)

// mainNames are the names that carry at least half the weight of the
// heaviest: "Ana Duarte Lima", not "French", in "when did the French
// general Ana Duarte Lima…".
func (fd *finder) mainNames(names []name) []name {
	lex := fd.k.index.Lexical()
	w := make([]float64, len(names))
	var top float64
	for i, n := range names {
		for _, s := range n.stems {
			w[i] += lex.IDF(s)
		}
		top = max(top, w[i])
	}
	var out []name
	for i, n := range names {
		if w[i] >= top/2 {
			out = append(out, n)
		}
	}
	return out
}

// docWords is a document's text as words one space apart, with a space at
// each end, as written and in lower case, for finding a name in it.
type docWords struct{ cased, lower string }

// docWords returns d's words, made once per question.
func (qa *Query) docWords(d *corpus.Document) docWords {
	if w, ok := qa.texts[d.ID]; ok {
		return w
	}
	cased := phraseWords(d.Title + " " + string(d.Raw[d.BodyStart:]))
	w := docWords{cased: cased, lower: strings.ToLower(cased)}
	if qa.texts == nil {
		qa.texts = map[string]docWords{}
	}
	qa.texts[d.ID] = w
	return w
}

// writes reports whether d writes name n in full, its words in a row
// ("Fort Kent", not "Kent" or "… fort … Kent"). An acronym the corpus
// writes in capitals must match in case ("AIDS" is not "aids"), and a
// quoted title must start with a capital ("The 1975", not "in the 1975
// season").
func (fd *finder) writes(qa *Query, d *corpus.Document, n name) bool {
	stems := fd.k.docStems(d)
	for _, s := range n.stems {
		if !stems[s] {
			return false // cheap: most documents lack a word of the name
		}
	}
	w := qa.docWords(d)
	switch {
	case n.phrase != "":
		return containsTitle(w, n.phrase)
	case fd.writesCaps(n):
		return strings.Contains(w.cased, " "+strings.Join(n.words, " ")+" ")
	}
	return strings.Contains(w.lower, " "+strings.ToLower(strings.Join(n.words, " "))+" ")
}

// writesCaps reports whether n is an acronym the corpus writes in
// capitals; such a name matches only in capitals ("AIDS", not "aids").
// A corpus that writes "Nato" is matched whatever the case.
func (fd *finder) writesCaps(n name) bool {
	if !isAcronymName(n) {
		return false
	}
	for _, w := range n.words {
		if !fd.k.caps[w] {
			return false
		}
	}
	return true
}

// containsTitle reports whether the words hold a quoted title, whatever
// its case, where the document writes its first letter as an ASCII
// capital or digit, or writes the title exactly as quoted: "The 1975 's
// beginnings" and "Night Songs" for "Night songs", "iPhone" for
// "iPhone", but not "in the 1975 season".
func containsTitle(w docWords, title string) bool {
	t := " " + strings.ToLower(title) + " "
	from := 0
	for {
		k := strings.Index(w.lower[from:], t)
		if k < 0 {
			return false
		}
		k += from
		if len(w.lower) != len(w.cased) {
			return true // lower-casing changed the length: no offsets to compare
		}
		if c := w.cased[k+1]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || w.cased[k+1:k+len(t)-1] == title {
			return true
		}
		from = k + 1
	}
}

func isAcronymName(n name) bool {
	for _, w := range n.words {
		if len(w) < 2 || strings.ToUpper(w) != w {
			return false
		}
	}
	return len(n.words) > 0
}

// writesName reports whether d writes one of the names in full.
func (fd *finder) writesName(qa *Query, d *corpus.Document, names []name) bool {
	if d == nil {
		return false
	}
	for _, n := range names {
		if fd.writes(qa, d, n) {
			return true
		}
	}
	return false
}

// mentionsAny reports whether d mentions one of the names: a quoted title
// or an acronym written as such, or enough of a name's words.
func (fd *finder) mentionsAny(qa *Query, d *corpus.Document, names []name) bool {
	if d == nil {
		return false
	}
	stems := fd.k.docStems(d)
	lex := fd.k.index.Lexical()
	for _, n := range names {
		if len(n.stems) == 0 {
			continue
		}
		if n.phrase != "" || fd.writesCaps(n) {
			if fd.writes(qa, d, n) {
				return true
			}
			continue
		}
		var got, total float64
		words := 0
		for _, s := range n.stems {
			idf := lex.IDF(s)
			total += idf
			if stems[s] {
				got += idf
				words++
			}
		}
		// Two of three words of a long name are the name, whatever their
		// weight ("Baltic … rowing" for "Baltic Rowing Federation").
		if len(n.stems) >= 3 && 3*words >= 2*len(n.stems) {
			return true
		}
		// Half the name's weight with its head word, or two thirds
		// without: "Okafor" may stand for "Ada Okafor", "Ada" may not;
		// "Baltic … rowing" may stand for "Baltic Rowing Federation";
		// "County, Kansas" does not stand for "Elk Ridge County, Kansas".
		head := n.stems[len(n.stems)-1]
		if total > 0 && (got >= 0.5*total && stems[head] || got >= 2*total/3) {
			return true
		}
	}
	return false
}
