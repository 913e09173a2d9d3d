package answer

import (
	"context"

	"github.com/crosscheck/crosscheck/retrieval"
)

// Tuning of the search stage.
const (
	searchK         = 60  // passages retrieved
	searchPerDoc    = 4   // passages per document
	searchDepth     = 200 // candidates each retriever ranks before fusion
	nameSearchDepth = 200 // passages searched by the question's names alone
	maxNameDocs     = 20  // documents added per name beyond the search
)

// finder is the search stage: it retrieves passages for a Query, adds the
// documents that name its subject, and scores every sentence of the
// documents found.
type finder struct {
	k *knowledge
}

// found is what the search stage hands on: the sentences of the retrieved
// documents, scored, best first.
type found struct {
	cands []*candidate
}

// find searches the index for qa and scores what it finds.
func (fd *finder) find(ctx context.Context, qa *Query) (*found, error) {
	hits, err := fd.k.index.Search(ctx, qa.search, retrieval.SearchOptions{K: searchK, PerDoc: searchPerDoc, Depth: searchDepth})
	if err != nil {
		return nil, err
	}
	hits = append(hits, fd.nameHits(qa, hits)...)
	return &found{cands: fd.candidates(qa, hits, fd.offTopic(qa, hits))}, nil
}

// answersNothing reports whether nothing found is about the question.
func (f *found) answersNothing(qa *Query) bool {
	return len(f.cands) == 0 || bestRelevance(f.cands) < qa.w.MinBestScore
}

// nameHits returns, for documents the search left out, the best passage
// of each document that mentions one of the question's main names. The fused
// search ranks by all the question's words, so a page that names the
// subject but shares no other word with the question ("… 2011 mixtape by
// A. Artist: Night Songs …" for "who is the artist of the album "Night
// Songs"?") can rank below many pages about other albums; every document
// about the subject deserves to be read.
func (fd *finder) nameHits(qa *Query, hits []retrieval.Hit) []retrieval.Hit {
	have := map[string]bool{}
	for _, h := range hits {
		have[h.DocID] = true
	}
	units := fd.k.index.Units()
	var out []retrieval.Hit
	for _, n := range fd.mainNames(qa.names) {
		added := 0
		for _, s := range fd.k.index.Lexical().Search(n.stems, nameSearchDepth) {
			id := units[s.Unit].DocID
			if have[id] {
				continue
			}
			// Judged once per document, whichever passage comes first.
			have[id] = true
			if !fd.mentionsAny(qa, fd.k.corpus.Doc(id), []name{n}) {
				continue
			}
			out = append(out, retrieval.Hit{Unit: s.Unit, DocID: id, Lexical: s.Score})
			if added++; added == maxNameDocs {
				break
			}
		}
	}
	return out
}

// offTopic returns the hit documents that mention none of the question's
// names (a name counts when its rarer words are there: "Okafor" for
// "Ada Okafor"). Such a document is most often a distractor however
// many other words it shares, so its sentences are scored down; they are
// not dropped, because a scraped page may have lost the name its passage
// is about. When no document mentions the names, none is off topic.
func (fd *finder) offTopic(qa *Query, hits []retrieval.Hit) map[string]bool {
	off := map[string]bool{}
	if len(qa.names) == 0 {
		return off
	}
	docs := hitDocs(hits)
	for _, id := range docs {
		if !fd.mentionsAny(qa, fd.k.corpus.Doc(id), qa.names) {
			off[id] = true
		}
	}
	if len(off) == len(docs) {
		return map[string]bool{}
	}
	return off
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

// bestRelevance is the highest score before the answer-type penalty: a
// question is abstained on when nothing is about it, not when nothing
// states a figure.
func bestRelevance(cands []*candidate) float64 {
	var best float64
	for _, c := range cands {
		best = max(best, c.relevance)
	}
	return best
}
