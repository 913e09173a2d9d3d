// Package corpus loads documents, splits them into sentences and passages that
// carry byte offsets into the raw file, recognises boilerplate, and attributes
// sentences to speakers. Offsets always index Document.Raw (front matter
// included), so raw[start:end] == text holds for every span it hands out.
//
// Nothing here knows about retrieval, answers, Slack or LLMs.
package corpus

// Document is one file of a corpus.
type Document struct {
	// ID is the path relative to the corpus root without extension.
	ID        string
	Title     string
	Outlet    string
	Author    string
	Published string // YYYY-MM-DD or empty
	URL       string
	// Raw holds the file bytes exactly as read; every offset indexes it.
	Raw []byte
	// BodyStart is the offset of the first byte after the front matter.
	BodyStart int
	Sentences []Sentence
	Passages  []Passage
}

// Sentence is one sentence of a document body.
type Sentence struct {
	Start, End int    // Raw[Start:End] == Text
	Text       string //
	// Speaker is the person or body the sentence is attributed to by reported
	// speech ("X said", "according to X", a resolved pronoun), or "" when the
	// sentence is in the author's own voice.
	Speaker string
	// Boilerplate marks navigation, share prompts, credits and the like:
	// indexed for lookup, never quoted as an account.
	Boilerplate bool
}

// Passage is a run of consecutive sentences used as the retrieval unit.
type Passage struct {
	Start, End int // Raw[Start:End] == Text
	Text       string
	// First and Last index Document.Sentences (inclusive).
	First, Last int
}
