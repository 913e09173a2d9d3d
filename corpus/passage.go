package corpus

// Passages are the retrieval unit: a few consecutive sentences, enough
// context for a reader to judge a quote, short enough that one passage holds
// one point. They break at paragraph breaks (so an answer does not splice two
// topics) and where boilerplate starts or stops (so chrome does not dilute
// the prose it follows).

const (
	maxPassageSentences = 5
	maxPassageBytes     = 600
	// smallPassageBytes is the size below which a single-sentence passage
	// (a heading, a dateline) joins the next paragraph instead of standing
	// alone.
	smallPassageBytes = 120
)

// buildPassages groups sentences into passages. Each paragraph run is split
// into near-equal chunks rather than greedily, so six sentences become 3+3,
// not 5+1.
func buildPassages(raw []byte, text string, sents []Sentence) []Passage {
	var out []Passage
	for first := 0; first < len(sents); {
		last := runEnd(raw, sents, first)
		out = chunkRun(text, sents, first, last, out)
		first = last + 1
	}
	return out
}

// runEnd returns the last sentence of the run starting at first: the run
// stops before a paragraph break or a boilerplate flip, except that a lone
// short sentence (a heading) may join what follows.
func runEnd(raw []byte, sents []Sentence, first int) int {
	last := first
	for last+1 < len(sents) {
		cur, next := sents[last], sents[last+1]
		if next.Boilerplate != cur.Boilerplate {
			break
		}
		if hasBlankLine(raw[cur.End:next.Start]) {
			lone := last == first && cur.End-cur.Start < smallPassageBytes
			if !lone {
				break
			}
		}
		last++
	}
	return last
}

// chunkRun splits sentences [first, last] into passages of at most
// maxPassageSentences sentences and, where a sentence boundary allows,
// maxPassageBytes bytes.
func chunkRun(text string, sents []Sentence, first, last int, out []Passage) []Passage {
	n := last - first + 1
	chunks := (n + maxPassageSentences - 1) / maxPassageSentences
	target := (n + chunks - 1) / chunks
	start := first
	for k := first; k <= last; k++ {
		count := k - start + 1
		if k == last || count >= target || sents[k+1].End-sents[start].Start > maxPassageBytes {
			p := Passage{Start: sents[start].Start, End: sents[k].End, First: start, Last: k}
			p.Text = text[p.Start:p.End]
			out = append(out, p)
			start = k + 1
		}
	}
	return out
}

// hasBlankLine reports whether b (the gap between two sentences) holds two
// newlines with only space between them.
func hasBlankLine(b []byte) bool {
	seen := false
	for _, c := range b {
		switch c {
		case '\n':
			if seen {
				return true
			}
			seen = true
		case ' ', '\t', '\r':
		default:
			if c < 0x80 {
				seen = false
			}
		}
	}
	return false
}
