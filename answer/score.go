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

// Tuning of sentence scoring.
const (
	minSentenceTokens = 4
	maxPassagesPerDoc = 60 // bounds the work on very long documents
)

// candidates scores the sentences of the retrieved passages, best first.
func (fd *finder) candidates(qa *Query, hits []retrieval.Hit, offTopic map[string]bool) []*candidate {
	qvec := retrieval.OfflineVector(qa.search)
	if fd.coverage(qa, qa.stems, qa.stems) == 0 {
		return nil
	}
	coverage := func(stems []string) float64 { return fd.coverage(qa, qa.stems, stems) }
	// Every passage of a retrieved document is read, not only the passages
	// retrieval ranked: the sentence that states a side often shares few
	// words with the question ("the operation was led by Mexican
	// authorities").
	main := fd.mainNames(qa.names)
	var lx *lexicon.Lexicon
	if qa.class != nil {
		lx = fd.k.lex()
	}
	var out []*candidate
	for _, id := range hitDocs(hits) {
		d := fd.k.corpus.Doc(id)
		if d == nil {
			continue
		}
		fullName := !offTopic[d.ID] && fd.writesName(qa, d, main)
		mainNamed := fullName || !offTopic[d.ID] && fd.mentionsAny(qa, d, main)
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
				cov := max(coverage(stems), frameWeight*fd.k.frameCoverage(qa, d.ID, si))
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
					rel = fd.coverage(qa, qa.relStems, stems)
				}
				score := qa.w.Coverage*cov + qa.w.Relation*rel + qa.w.Context*ctxCov + qa.w.Cosine*cos
				relevance := score
				if offTopic[d.ID] {
					score *= qa.w.OffTopicPenalty
				}
				if all == nil {
					all = lang.TokenizeAll(s.Text)
				}
				vals := percentages(fd.valuesOf(all, kinds, qa), all, s.Text, qa)
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
func (fd *finder) coverage(qa *Query, want, stems []string) float64 {
	lex := fd.k.index.Lexical()
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
