package answer

// cluster is an account under construction.
type cluster struct {
	holder string
	hkey   string // speaker key; "" when the source speaks in its own voice
	docID  string // for own-voice clusters: the first document
	cands  []*candidate
}

func (k *cluster) best() *candidate { return k.cands[0] }

// stance is the majority stance of the cluster's quotes; a tie between
// affirming and denying quotes makes the account a qualified one.
func (k *cluster) stance() Stance {
	n := map[Stance]int{}
	for _, c := range k.cands {
		n[c.stance]++
	}
	switch {
	case n[Affirms] > 0 && n[Affirms] == n[Denies]:
		return Qualifies
	case n[Denies] > n[Affirms] && n[Denies] >= n[Qualifies]:
		return Denies
	case n[Affirms] >= n[Qualifies] && n[Affirms] > 0:
		return Affirms
	case n[Qualifies] > 0:
		return Qualifies
	}
	return Context
}

// values are the primary values of the cluster's quotes.
func (k *cluster) values() []value {
	var out []value
	for _, c := range k.cands {
		if p := c.primary(); p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// label is the value an account is known by: its best quote's first
// value, or for a typed question the first kind any of its quotes names.
func (k *cluster) label(qa *Query) *value {
	if qa.class == nil {
		return k.best().primary()
	}
	for _, c := range k.cands {
		for i := range c.values {
			if c.values[i].kind == vKind {
				return &c.values[i]
			}
		}
	}
	return nil
}

// mainNamed reports whether the cluster quotes a document about the
// question's main subject ("Tim Martin", not "American" in "when was the
// American football player Tim Martin born").
func (k *cluster) mainNamed() bool {
	for _, c := range k.cands {
		if c.mainNamed {
			return true
		}
	}
	return false
}

// allValues are all values of the cluster's quotes.
func (k *cluster) allValues() []value {
	var out []value
	for _, c := range k.cands {
		out = append(out, c.values...)
	}
	return out
}
