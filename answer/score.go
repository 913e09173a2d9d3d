package answer

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/corpus"
	"github.com/crosscheck/crosscheck/lang"
	"github.com/crosscheck/crosscheck/lexicon"
	"github.com/crosscheck/crosscheck/retrieval"
)

// offTopic returns the hit documents that mention none of the question's
// names (a name counts when its rarer words are there: "Okafor" for
// "Ada Okafor"). Such a document is most often a distractor however
// many other words it shares, so its sentences are scored down; they are
// not dropped, because a scraped page may have lost the name its passage
// is about. When no document mentions the names, none is off topic.
func (e *Engine) offTopic(qa *Query, hits []retrieval.Hit) map[string]bool {
	off := map[string]bool{}
	if len(qa.names) == 0 {
		return off
	}
	docs := hitDocs(hits)
	for _, id := range docs {
		if !e.mentionsAny(qa, e.corpus.Doc(id), qa.names) {
			off[id] = true
		}
	}
	if len(off) == len(docs) {
		return map[string]bool{}
	}
	return off
}

// mainNames are the names that carry at least half the weight of the
// heaviest: "Ana Duarte Lima", not "French", in "when did the French
// general Ana Duarte Lima…".
func (e *Engine) mainNames(names []name) []name {
	lex := e.index.Lexical()
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
func (e *Engine) writes(qa *Query, d *corpus.Document, n name) bool {
	stems := e.docStems(d)
	for _, s := range n.stems {
		if !stems[s] {
			return false // cheap: most documents lack a word of the name
		}
	}
	w := qa.docWords(d)
	switch {
	case n.phrase != "":
		return containsTitle(w, n.phrase)
	case e.writesCaps(n):
		return strings.Contains(w.cased, " "+strings.Join(n.words, " ")+" ")
	}
	return strings.Contains(w.lower, " "+strings.ToLower(strings.Join(n.words, " "))+" ")
}

// writesCaps reports whether n is an acronym the corpus writes in
// capitals; such a name matches only in capitals ("AIDS", not "aids").
// A corpus that writes "Nato" is matched whatever the case.
func (e *Engine) writesCaps(n name) bool {
	if !isAcronymName(n) {
		return false
	}
	for _, w := range n.words {
		if !e.caps[w] {
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
func (e *Engine) writesName(qa *Query, d *corpus.Document, names []name) bool {
	if d == nil {
		return false
	}
	for _, n := range names {
		if e.writes(qa, d, n) {
			return true
		}
	}
	return false
}

// mentionsAny reports whether d mentions one of the names: a quoted title
// or an acronym written as such, or enough of a name's words.
func (e *Engine) mentionsAny(qa *Query, d *corpus.Document, names []name) bool {
	if d == nil {
		return false
	}
	stems := e.docStems(d)
	lex := e.index.Lexical()
	for _, n := range names {
		if len(n.stems) == 0 {
			continue
		}
		if n.phrase != "" || e.writesCaps(n) {
			if e.writes(qa, d, n) {
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

// candidates scores the sentences of the retrieved passages, best first.
func (e *Engine) candidates(qa *Query, hits []retrieval.Hit, offTopic map[string]bool) []*candidate {
	qvec := retrieval.OfflineVector(qa.search)
	if e.coverage(qa, qa.stems, qa.stems) == 0 {
		return nil
	}
	coverage := func(stems []string) float64 { return e.coverage(qa, qa.stems, stems) }
	// Every passage of a retrieved document is read, not only the passages
	// retrieval ranked: the sentence that states a side often shares few
	// words with the question ("the operation was led by Mexican
	// authorities").
	main := e.mainNames(qa.names)
	var lx *lexicon.Lexicon
	if qa.class != nil {
		lx = e.lex()
	}
	var out []*candidate
	for _, id := range hitDocs(hits) {
		d := e.corpus.Doc(id)
		if d == nil {
			continue
		}
		fullName := !offTopic[d.ID] && e.writesName(qa, d, main)
		mainNamed := fullName || !offTopic[d.ID] && e.mentionsAny(qa, d, main)
		for pi, p := range d.Passages {
			if pi == maxPassagesPerDoc {
				break
			}
			ctxCov := coverage(lang.Stems(d.Title + " " + p.Text))
			for si := p.First; si <= p.Last; si++ {
				s := d.Sentences[si]
				if !corpus.Quotable(d, si) {
					continue
				}
				// One tokenization serves coverage, the vector and the
				// candidate's stem set: this loop runs per question.
				toks := lang.Tokenize(s.Text)
				if len(toks) < minSentenceTokens && (len(toks) < 2 || !strings.ContainsFunc(s.Text, unicode.IsDigit)) {
					// Too short to say anything, unless it gives a
					// figure or a date: "He died in Leith in 1932."
					continue
				}
				stems := make([]string, len(toks))
				for i, t := range toks {
					stems[i] = t.Stem
				}
				var all []lang.Token
				var kinds []value
				if qa.class != nil {
					all = lang.TokenizeAll(s.Text)
					kinds = qa.class.kindValues(lx, all, qa)
					if fullName && len(kinds) > 0 {
						// "… plays ice hockey" covers "what sport" on a
						// page about the subject.
						stems = append(stems, qa.class.stems...)
					}
				}
				cov := max(coverage(stems), frameWeight*e.frameCoverage(qa, d.ID, si))
				if startsWithPronoun(s.Text) {
					// "He died in 1972" is about the document's subject.
					withTitle := append(slices.Clip(stems), lang.Stems(d.Title)...)
					cov = max(cov, coverage(withTitle))
				}
				if cov == 0 {
					continue
				}
				cos := retrieval.Cosine(qvec, retrieval.OfflineTokens(toks))
				// The relation asked about ("population", "born") must be
				// in the quoted sentence; the subject's name may be only
				// in its context.
				rel := cov
				if len(qa.relStems) > 0 {
					rel = e.coverage(qa, qa.relStems, stems)
				}
				score := qa.w.Coverage*cov + qa.w.Relation*rel + qa.w.Context*ctxCov + qa.w.Cosine*cos
				relevance := score
				if offTopic[d.ID] {
					score *= qa.w.OffTopicPenalty
				}
				if all == nil {
					all = lang.TokenizeAll(s.Text)
				}
				vals := percentages(e.valuesOf(all, kinds, qa), all, s.Text, qa)
				if qa.kind != kindYesNo && qa.kind != kindOpen && len(vals) == 0 {
					// "How many…" is not answered by a sentence without a figure.
					score *= qa.w.NoValuePenalty
				}
				out = append(out, &candidate{doc: d, fullName: fullName, si: si, text: s.Text, score: score, relevance: relevance, cov: cov, rel: rel, ctxCov: ctxCov,
					named: len(qa.names) > 0 && !offTopic[d.ID], mainNamed: len(qa.names) > 0 && mainNamed, speaker: s.Speaker, values: vals})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// coverage is the IDF-weighted share of want stems that stems contain.
// A kind of a question's noun ("cathedral" for "church") counts as
// kindMatch of it; the corpus's synonym of a word it never writes counts
// in full.
func (e *Engine) coverage(qa *Query, want, stems []string) float64 {
	lex := e.index.Lexical()
	var got, total float64
	for _, qs := range want {
		idf := lex.IDF(qs)
		syns := qa.synonyms[qs]
		for _, s := range syns {
			// A word the corpus never writes weighs as its rarest
			// stand-in the corpus does write.
			idf = max(idf, lex.IDF(s))
		}
		total += idf
		var m float64
		kinds := qa.kinds[qs]
		for _, s := range stems {
			if m = max(m, stemMatch(qs, s)); m == 1 {
				break
			}
			if len(syns) > 0 && slices.Contains(syns, s) {
				m = 1
				break
			}
			if len(kinds) > 0 && slices.Contains(kinds, s) {
				m = max(m, kindMatch)
			}
		}
		got += m * idf
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// hitDocs lists the documents of the hits, best first, once each.
func hitDocs(hits []retrieval.Hit) []string {
	seen := map[string]bool{}
	var out []string
	for _, h := range hits {
		if !seen[h.DocID] {
			seen[h.DocID] = true
			out = append(out, h.DocID)
		}
	}
	return out
}

// stemMatch compares a question stem with a sentence stem: 1 when equal or
// when a long stem prefixes the other across derivations ("director" ~
// "direct"); 0.5 when a short stem prefixes a longer word, which catches
// clippings ("lab" ~ "laboratories") at the risk of "lab" ~ "label".
func stemMatch(q, s string) float64 {
	if q == s {
		return 1
	}
	short, long := q, s
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 3 || isDigits(short) {
		return 0
	}
	l := commonPrefix(short, long)
	switch {
	case l == len(short) && l >= 5:
		return 1
	case l == len(short):
		return 0.5
	case l >= 5 && l >= len(short)-1:
		return 0.8 // "mexico" ~ "mexican"
	case l >= 4 && l >= len(short)-1:
		return 0.5 // "agent" ~ "agency"
	}
	return 0
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// startsWithPronoun reports whether a sentence opens with a personal
// pronoun standing for someone named earlier.
func startsWithPronoun(s string) bool {
	w := firstWord(strings.ToLower(s))
	switch w {
	case "he", "she", "it", "they", "his", "her", "its", "their":
		return true
	}
	return false
}
