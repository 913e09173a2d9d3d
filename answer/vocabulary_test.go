package answer

import (
	"bytes"
	"context"
	"encoding/gob"
	"reflect"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/corpus"
)

// savedVocabulary is BuildVocabulary's result after the gob round trip a
// data directory or the store puts it through.
func savedVocabulary(t *testing.T, c *corpus.Corpus) *Vocabulary {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(BuildVocabulary(c)); err != nil {
		t.Fatal(err)
	}
	var v Vocabulary
	if err := gob.NewDecoder(&b).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return &v
}

// A saved vocabulary restores exactly the lookups reading the corpus
// builds, so an engine opened with it answers byte for byte as one built
// from the documents.
func TestSavedVocabularyAnswersAsTheCorpus(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	v := savedVocabulary(t, c)
	got, ok := v.restore(c)
	if !ok {
		t.Fatal("the saved vocabulary does not fit the corpus it was built from")
	}
	if want := vocabulary(c); !reflect.DeepEqual(got, want) {
		t.Fatalf("restored lookups differ from the corpus's")
	}
	ctx := context.Background()
	fresh, err := NewEngine(ctx, c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	opened, err := NewEngine(ctx, c, Options{Vocabulary: v})
	if err != nil {
		t.Fatal(err)
	}
	// The probes, and questions that lean on the vocabulary: lower case
	// (known stems), an acronym, a name the corpus lacks.
	qs := append(slices.Clone(probeQuestions), "did ice agents operate in sinaloa?",
		"What did the DEA say?", "How did Norway react to the raid?")
	for _, q := range qs {
		t.Run(q, func(t *testing.T) {
			want, err := fresh.Ask(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			got, err := opened.Ask(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with the saved vocabulary:\n%+v\nfrom the corpus:\n%+v", got, want)
			}
		})
	}
}

// A vocabulary that does not fit the corpus (saved for other documents,
// or by a tokenizer that has changed since) is not used.
func TestStaleVocabularyIsRead(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(v *Vocabulary)
	}{
		{"another corpus", func(v *Vocabulary) { v.Docs, v.DocStems = v.Docs[1:], v.DocStems[1:] }},
		{"documents renamed", func(v *Vocabulary) { v.Docs[len(v.Docs)-1] = "elsewhere" }},
		{"a stem number out of range", func(v *Vocabulary) { v.DocStems[1] = append(v.DocStems[1], uint32(len(v.Stems))) }},
		{"a checked document's stems", func(v *Vocabulary) { v.DocStems[0] = v.DocStems[0][1:] }},
		{"words a tokenizer no longer writes", func(v *Vocabulary) { v.Lower = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := savedVocabulary(t, c)
			tt.change(v)
			if _, ok := v.restore(c); ok {
				t.Error("restored a vocabulary that does not fit")
			}
		})
	}
	var none *Vocabulary
	if _, ok := none.restore(c); ok {
		t.Error("restored no vocabulary")
	}
}
