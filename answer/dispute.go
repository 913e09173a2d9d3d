package answer

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/corpus"
)

// Dispute is one contested claim of the corpus as a reader sees it: what it
// is about, and each side with its holder, position, date and one quote.
// Disputes are found when the corpus is indexed (see corpus.Dispute); this
// is their view for `crosscheck disputes`, Slack's /disputes and App Home.
type Dispute struct {
	// ID is stable across runs over the same corpus text.
	ID string `json:"id"`
	// Subject says what the sides disagree about, in our words.
	Subject string `json:"subject"`
	// Kind is why the sides cannot all be true: "polarity" (one asserts
	// what another denies), "rebuttal" (one calls another's claim false),
	// "value" (different figures of the same unit and scope), "agent"
	// (different accounts of who led it), "cause", "trend" (one thing
	// said to head opposite ways: relations improving or worsening) or
	// "consent" (one party said both to let another in and to keep it
	// out).
	Kind  string `json:"kind"`
	Sides []Side `json:"sides"`
}

// Side is one position in a dispute.
type Side struct {
	Holder    string `json:"holder"`
	Position  string `json:"position"`
	Published string `json:"published,omitempty"`
	Quote     Quote  `json:"quote"`
}

// Disputes lists the corpus's disputes, most contested first (most holders,
// then most claims); with words, only those whose claims say them.
func (e *Engine) Disputes(ctx context.Context, words string) ([]Dispute, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cs := e.k.claims
	var f frame
	if strings.TrimSpace(words) != "" {
		f.names, f.words, _ = cs.Entities.Frame(words)
	}
	type ranked struct {
		d              *corpus.Dispute
		holders, count int
	}
	var list []ranked
	for i := range cs.Disputes {
		d := &cs.Disputes[i]
		if len(f.names)+len(f.words) > 0 && !e.k.disputeSays(d, f) {
			continue
		}
		hs := map[string]bool{}
		n := 0
		for _, side := range d.Sides {
			for _, c := range side {
				hs[cs.All[c].Holder] = true
				n++
			}
		}
		list = append(list, ranked{d, len(hs), n})
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].holders != list[j].holders {
			return list[i].holders > list[j].holders
		}
		return list[i].count > list[j].count
	})
	out := make([]Dispute, 0, len(list))
	for _, r := range list {
		out = append(out, e.k.disputeView(r.d))
	}
	return out, nil
}

// disputeSays reports whether one of a dispute's claims says every name and
// word of a filter (in one of its meanings).
func (k *knowledge) disputeSays(d *corpus.Dispute, f frame) bool {
	for _, side := range d.Sides {
		for _, i := range side {
			n, w := k.claims.Match(f.names, f.words, i)
			if n >= len(f.names) && w >= len(f.words) {
				return true
			}
		}
	}
	return false
}

// disputeView is a dispute as a reader sees it: each side's holders, its
// most contested claim as the quote, and a position line.
func (k *knowledge) disputeView(d *corpus.Dispute) Dispute {
	cs := k.claims
	v := Dispute{ID: d.ID, Kind: d.Kind, Subject: k.subjectLine(d)}
	for s, side := range d.Sides {
		best := side[0]
		for _, i := range side {
			if cs.Degree(i) > cs.Degree(best) {
				best = i
			}
		}
		var holders []string
		for _, i := range side {
			if h := cs.All[i].Holder; !slices.Contains(holders, h) {
				holders = append(holders, h)
			}
		}
		c := &cs.All[best]
		q := k.claimQuote(c)
		v.Sides = append(v.Sides, Side{
			Holder:    strings.Join(holders, "; "),
			Position:  sidePosition(d.Labels[s], q.Text),
			Published: c.Published,
			Quote:     q,
		})
	}
	return v
}

// subjectLine names what a dispute is about from its shared names and words.
func (k *knowledge) subjectLine(d *corpus.Dispute) string {
	ents := k.claims.Entities
	var parts []string
	for _, key := range d.Subject {
		parts = append(parts, ents.Display(key))
	}
	if len(parts) == 0 {
		return d.Kind
	}
	return strings.Join(parts, ", ")
}
