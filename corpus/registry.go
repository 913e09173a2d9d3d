package corpus

import (
	"strings"
)

// The registry is one document's memory of who has been named: it merges
// "Jane Roe", "President Roe" and "Roe" into one speaker, maps an acronym and
// its expansion to one organisation, and answers "who is the embassy?" and
// "who is she?" from what came before. It lives for one document only:
// a surname in one article says nothing about another.

type entityKind uint8

const (
	kindOther  entityKind = iota // a single word we cannot type: "Washington"
	kindPerson                   // "Jane Roe", or anyone given a title
	kindOrg                      // an acronym, or a name holding an org word
)

type entity struct {
	words   []string // canonical name
	acronym string   // preferred when set: "ICE"
	kind    entityKind
	roles   []string // stripped titles, lower case: "president"
	// gender is 'm' or 'f' once a pronoun has named this person
	// unambiguously, 0 while unknown.
	gender byte
	// description is set for an organisation known only by what it is
	// ("The ministry"), never named.
	description bool
}

// String is the speaker name handed out.
func (e *entity) String() string {
	if e.acronym != "" {
		return e.acronym
	}
	return strings.Join(e.words, " ")
}

func (e *entity) hasRole(role string) bool {
	for _, r := range e.roles {
		if r == role {
			return true
		}
	}
	return false
}

func (e *entity) hasWord(pred func(string) bool) bool {
	for _, w := range e.words {
		if pred(lowerASCII(w)) {
			return true
		}
	}
	return e.acronym != "" && pred(lowerASCII(e.acronym))
}

type registry struct {
	byKey    map[string]*entity
	bySur    map[string]*entity   // a later word of a person's name → the person last named with it
	byFirst  map[string][]*entity // a person's first word → the people with it
	mentions []*entity            // every resolved name, in order
	speakers []*entity            // every attributed speaker, in order
	acronyms map[string]bool
	// outlet is the document's own outlet ("Drevnian News Wire"), whose
	// name or initials in a dateline ("(DNW)") are no business "the
	// company" may mean.
	outlet string
	// sentStart is len(mentions) when the current sentence began: "she"
	// falls back to a person named before it, not one named after the
	// pronoun in the same sentence.
	sentStart int
}

func newRegistry() *registry {
	return &registry{byKey: make(map[string]*entity), bySur: make(map[string]*entity),
		byFirst: make(map[string][]*entity), acronyms: make(map[string]bool)}
}

func keyOf(ws []string) string { return strings.ToLower(strings.Join(ws, " ")) }

// resolve maps a name span's words to an entity, creating it if needed.
// acr is an acronym defined right after the name ("… (ICE)").
func (r *registry) resolve(ws []string, acr string) *entity {
	if len(ws) == 0 {
		return nil
	}
	name, person, roles := canonical(ws)
	key := keyOf(name)
	e := r.byKey[key]
	switch {
	case acr != "":
		if e == nil {
			e = r.byKey[strings.ToLower(acr)]
		}
		if e == nil {
			e = &entity{words: name, kind: kindOrg}
		}
		if e.kind != kindPerson {
			e.acronym, e.kind = acr, kindOrg
		}
		r.byKey[strings.ToLower(acr)] = e
	case e != nil:
	case len(name) == 1:
		e = r.single(name[0])
	case person:
		e = r.samePerson(name)
	default:
		if ini := initials(name); len(ini) >= 2 && r.acronyms[ini] {
			e = r.byKey[strings.ToLower(ini)]
			if e == nil {
				e = &entity{words: name, acronym: ini, kind: kindOrg}
				r.byKey[strings.ToLower(ini)] = e
			}
		}
	}
	if e == nil {
		e = &entity{words: name, kind: kindOther}
		if len(name) == 1 && isAcronym(name[0]) {
			e.acronym = name[0]
		}
		if person {
			e.kind = kindPerson
		} else if hasOrgWord(name) || len(name) > 1 || isAcronym(name[0]) || strings.Contains(name[0], ".") {
			e.kind = kindOrg
		}
	}
	if e.kind == kindOther && person {
		e.kind = kindPerson
	}
	if e.kind == kindPerson && e.gender == 0 {
		e.gender = givenGender(e.words)
	}
	for _, role := range roles {
		if !e.hasRole(role) {
			e.roles = append(e.roles, role)
		}
	}
	r.byKey[key] = e
	r.mentions = append(r.mentions, e)
	if e.kind == kindPerson && len(e.words) > 1 {
		for _, w := range e.words[1:] {
			r.bySur[w] = e
		}
		if first := r.byFirst[e.words[0]]; !containsEntity(first, e) {
			r.byFirst[e.words[0]] = append(first, e)
		}
	}
	return e
}

func containsEntity(es []*entity, e *entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// single resolves a one-word name: a surname of someone named in full
// earlier ("Roe" → "Jane Roe"), or the first word of an organisation
// named in full ("Orvel" → "Orvel Telecom"), else nil.
func (r *registry) single(w string) *entity {
	if isAcronym(w) {
		return nil
	}
	if e := r.bySur[w]; e != nil {
		return e
	}
	// "Orvel" after "Orvel Telecom": a business named by its first word.
	return lastOf(r.mentions, func(e *entity) bool {
		return e.kind == kindOrg && len(e.words) > 1 && e.words[0] == w && !e.description && hasOrgWord(e.words[1:])
	})
}

// samePerson finds an earlier person whose name extends or shortens this
// one ("Jane Roe" and "Jane Roe Smith"), keeping the shorter full name so
// that the same person reads the same across documents.
func (r *registry) samePerson(name []string) *entity {
	cands := r.byFirst[name[0]]
	for k := len(cands) - 1; k >= 0; k-- {
		e := cands[k]
		if e.kind == kindPerson && len(e.words) > 0 && e.words[0] == name[0] && (isPrefix(name, e.words) || isPrefix(e.words, name)) {
			if len(name) < len(e.words) {
				e.words = name
			}
			return e
		}
	}
	return nil
}

func isPrefix(a, b []string) bool {
	if len(a) > len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// lookback bounds how far back a reference like "the embassy" is resolved.
const lookback = 200

// person resolves "she", "the president": the last person who spoke,
// preferring one who holds the role, else the last person named.
func (r *registry) person(role string) *entity {
	if role != "" {
		if e := lastOf(r.speakers, func(e *entity) bool { return e.kind == kindPerson && e.hasRole(role) }); e != nil {
			return e
		}
		if e := lastOf(r.mentions, func(e *entity) bool { return e.kind == kindPerson && e.hasRole(role) }); e != nil {
			return e
		}
	}
	if e := lastOf(r.speakers, func(e *entity) bool { return e.kind == kindPerson }); e != nil {
		return e
	}
	return lastOf(r.mentions[:r.sentStart], func(e *entity) bool { return e.kind == kindPerson && len(e.words) > 1 })
}

// pronounPerson resolves "he" (g = 'm') or "she" ('f'): the last person
// who spoke whose gender is not known to be the other, else the last such
// person named. The first pronoun that names a person teaches the registry
// that person's gender, so "He added" after a woman's quote goes back to
// the man quoted before her.
func (r *registry) pronounPerson(g byte) *entity {
	fits := func(e *entity) bool { return e.kind == kindPerson && (e.gender == 0 || e.gender == g) }
	e := lastOf(r.speakers, fits)
	if e == nil {
		e = lastOf(r.mentions[:r.sentStart], func(e *entity) bool { return fits(e) && len(e.words) > 1 })
	}
	if e != nil && e.gender == 0 {
		e.gender = g
	}
	return e
}

// org resolves "the embassy", "the agency", "it": the last organisation
// named whose name holds the noun (any agency-like word for "agency"), else
// the last organisation that spoke.
func (r *registry) org(noun string, mods []string) *entity {
	match := func(w string) bool { return w == noun }
	if noun == "agency" {
		match = func(w string) bool { return agencyWords[w] }
	}
	if noun == "" {
		return lastOf(r.speakers, func(e *entity) bool { return e.kind == kindOrg })
	}
	// "the regional health agency" is not ICE, an agency named before:
	// modifiers must meet the name they point back to.
	fits := func(e *entity) bool {
		return len(mods) == 0 || e.hasWord(func(w string) bool { return containsWord(mods, w) })
	}
	if e := lastOf(r.mentions, func(e *entity) bool {
		return e.kind == kindOrg && (e.hasWord(match) || noun == "agency" && e.acronym != "" && !e.description) && fits(e)
	}); e != nil {
		return e
	}
	if corporateNouns[noun] && len(mods) == 0 {
		// "The company denied …" after "Orvane Chemicals said …": the
		// last business named, never a ministry or an outlet.
		return lastOf(r.mentions, func(e *entity) bool {
			return e.kind == kindOrg && !e.description && !e.hasWord(func(w string) bool { return publicWords[w] }) && !r.isOutlet(e)
		})
	}
	return nil
}

// isOutlet reports whether e is the document's own outlet, by name or by
// its initials.
func (r *registry) isOutlet(e *entity) bool {
	if r.outlet == "" {
		return false
	}
	name := e.String()
	return strings.EqualFold(name, r.outlet) || len(name) >= 2 && name == initials(strings.Fields(r.outlet))
}

// describe returns the entity a description with no name stands for
// ("The ministry"), creating it on first use.
func (r *registry) describe(ws []string) *entity {
	key := keyOf(ws)
	e := r.byKey[key]
	if e == nil {
		e = &entity{words: ws, kind: kindOrg, description: true}
		r.byKey[key] = e
	}
	r.mentions = append(r.mentions, e)
	return e
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// anyone resolves "they": the last speaker of any kind.
func (r *registry) anyone() *entity {
	return lastOf(r.speakers, func(*entity) bool { return true })
}

func lastOf(es []*entity, ok func(*entity) bool) *entity {
	for k, n := len(es)-1, 0; k >= 0 && n < lookback; k, n = k-1, n+1 {
		if ok(es[k]) {
			return es[k]
		}
	}
	return nil
}
