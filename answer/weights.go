package answer

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Weights are the extractive answerer's tunable decisions: how a sentence
// is scored and which documents and further quotes are kept. The defaults
// are the values scripts/fit keeps on the dev sets (docs/fit.md tells how
// they were checked on a split it holds out); a caller sets others only to
// fit them.
type Weights struct {
	// A sentence scores Coverage·(its coverage of the question) +
	// Relation·(coverage of the relation asked about) + Context·(coverage
	// by its passage and title) + Cosine·(vector similarity).
	Coverage, Relation, Context, Cosine float64
	// KeepRatio: a document is kept when it scores this share of the best
	// one; NamedKeepRatio when it names what the question names.
	KeepRatio, NamedKeepRatio float64
	// MinBestScore: below it nothing answers the question.
	MinBestScore float64
	// DocExtraRatio: a document's second quote must score this share of
	// its first; NewAccountRatio when it states another position.
	DocExtraRatio, NewAccountRatio float64
	// HolderExtraRatio: a quoted speaker's further statements, relative to
	// the best sentence.
	HolderExtraRatio float64
	// OffTopicPenalty scales a document that names nothing the question
	// names; NoValuePenalty a sentence without the figure or date asked for.
	OffTopicPenalty, NoValuePenalty float64
}

// DefaultWeights are the weights answers use unless told otherwise.
var DefaultWeights = Weights{
	Coverage: 0.35, Relation: 0.2, Context: 0.2, Cosine: 0.25,
	KeepRatio: 0.4, NamedKeepRatio: 0.12, MinBestScore: 0.22,
	DocExtraRatio: 0.85, NewAccountRatio: 0.6, HolderExtraRatio: 0.3,
	OffTopicPenalty: 0.6, NoValuePenalty: 0.7,
}

// ParseWeights reads "Name=value,Name=value" over DefaultWeights, names as
// the fields of Weights ("KeepRatio=0.35,Cosine=0.3").
func ParseWeights(s string) (Weights, error) {
	w := DefaultWeights
	v := reflect.ValueOf(&w).Elem()
	for _, kv := range strings.Split(s, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		name, val, ok := strings.Cut(kv, "=")
		if !ok {
			return w, fmt.Errorf("weight %q: want Name=value", kv)
		}
		f := v.FieldByName(strings.TrimSpace(name))
		if !f.IsValid() {
			return w, fmt.Errorf("no weight %q; the weights are %s", name, strings.Join(WeightNames(), ", "))
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || x < 0 || x > 1 {
			return w, fmt.Errorf("weight %s=%q: want a number from 0 to 1", name, val)
		}
		f.SetFloat(x)
	}
	return w, nil
}

// WeightNames lists the fields of Weights.
func WeightNames() []string {
	t := reflect.TypeOf(Weights{})
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Name
	}
	return out
}

// String writes w as ParseWeights reads it.
func (w Weights) String() string {
	v := reflect.ValueOf(w)
	var parts []string
	for i, n := range WeightNames() {
		parts = append(parts, n+"="+strconv.FormatFloat(v.Field(i).Float(), 'g', -1, 64))
	}
	return strings.Join(parts, ",")
}
