package corpus

import (
	"strings"

	"github.com/crosscheck/crosscheck/lang"
)

// Named entities for speaker attribution: capitalised name spans, their
// canonical form (titles and roles stripped, so "Mexican President Jane Roe"
// and "Roe" are one speaker), and a per-document registry that resolves
// surnames, acronyms and "the embassy" to names seen earlier. Everything is
// derived from the document's own text; no names are built in.

// titleWords are roles and honorifics that precede a person's name. The
// canonical name starts after the last of them.
var titleWords = setOf("president", "presidente", "presidenta", "vice", "prime", "minister", "secretary",
	"senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "governor", "gov.",
	"mayor", "judge", "justice", "gen.", "chief", "director", "ambassador", "leader", "speaker",
	"mr.", "mrs.", "ms.", "dr.", "prof.", "sir", "dame", "lord", "king", "queen", "prince", "princess",
	"pope", "chancellor", "commissioner", "spokesperson", "spokesman", "spokeswoman", "ceo", "chairman",
	"chairwoman", "chair", "deputy", "acting", "former", "interim", "commander", "admiral", "sheriff",
	"officer", "agent", "detective", "inspector", "superintendent", "lt.", "col.", "sgt.", "capt.",
	"attorney", "premier", "senate", "majority", "minority", "foreign", "defense", "defence", "security",
	"finance", "interior", "lawmaker", "envoy", "general", "songwriter", "producer", "singer", "critic",
	"writer", "author", "journalist", "reporter", "editor", "analyst", "economist", "professor",
	"coach", "manager", "owner", "founder", "actor", "actress", "lawyer", "historian", "scientist",
	"researcher", "activist")

// deptWords may follow "of" inside a title: "Secretary of State Jane Roe".
var deptWords = setOf("state", "defense", "defence", "foreign", "affairs", "interior", "finance",
	"justice", "health", "security", "public", "safety", "homeland", "education", "commerce",
	"treasury", "energy", "labor", "labour", "agriculture", "transportation", "the")

// orgWords mark a name as an organisation, and are the nouns that "the
// embassy", "the agency" refer back to.
var orgWords = setOf("embassy", "ministry", "agency", "department", "government", "administration",
	"office", "police", "army", "navy", "military", "court", "commission", "committee", "council",
	"company", "party", "unit", "bureau", "service", "secretariat", "enforcement", "authority",
	"authorities", "union", "organization", "organisation", "institute", "university", "foundation",
	"group", "investigations", "forces", "force", "guard", "corporation", "inc.", "corp.", "ltd",
	"times", "post", "news", "press", "network", "association", "federation", "center", "centre",
	"fund", "bank", "assembly", "congress", "senate", "parliament", "house", "cartel", "republic",
	"states", "kingdom", "nations", "report", "campaign", "coalition", "prosecutor’s", "prosecutors",
	"fiscalia", "team", "board", "inc", "corp", "llc", "ministerio", "secretaría", "secretaria",
	"college", "school", "church", "club", "hospital", "museum", "library", "airport", "station",
	"magazine", "journal", "newspaper", "records", "studios", "festival", "society", "academy", "agencia",
	// Words that end a business's name: "Orvane Chemicals", "Tidewell Lines".
	"chemicals", "industries", "holdings", "systems", "motors", "airlines", "airways", "lines", "energy",
	"mining", "foods", "pharmaceuticals", "logistics", "partners", "technologies", "laboratories", "labs",
	"shipping", "construction", "engineering", "utilities", "railways", "enterprises", "ventures",
	"solutions", "resources", "petroleum", "electric", "telecom", "insurance", "plc", "gmbh", "llp", "co.",
	"rail", "transit", "freight", "communications", "media", "air", "water")

// IsOrgWord reports whether a word marks a name as an organisation's
// ("Agency", "Organization", "Ministry").
func IsOrgWord(w string) bool { return inFold(orgWords, w) }

// refNouns are the lower-case nouns that refer back to an organisation:
// "the embassy said". Unlike orgWords they leave out words that only mark
// a name ("Post", "Times", "House").
var refNouns = setOf("embassy", "ministry", "agency", "department", "government", "administration",
	"office", "police", "army", "navy", "military", "court", "commission", "committee", "council",
	"company", "party", "unit", "bureau", "service", "secretariat", "authority", "authorities",
	"union", "organization", "organisation", "institute", "university", "foundation", "group",
	"campaign", "coalition", "board", "firm", "prosecutors", "prosecutor’s", "operator", "utility",
	"manufacturer", "carrier", "airline", "developer", "contractor", "insurer", "regulator", "watchdog",
	"hospital", "inspectorate", "consortium", "railway", "club", "school")

// corporateNouns refer back to the last business named, whatever its name
// says ("Orvane Chemicals … The company denied").
var corporateNouns = setOf("company", "firm", "operator", "utility", "manufacturer", "carrier", "airline",
	"developer", "contractor", "insurer", "consortium", "railway")

// publicWords mark an organisation that is no business: "the company" never
// refers back to it.
var publicWords = setOf("embassy", "ministry", "agency", "department", "government", "administration",
	"office", "police", "army", "navy", "military", "court", "commission", "committee", "council",
	"bureau", "secretariat", "authority", "authorities", "enforcement", "investigations", "forces",
	"guard", "times", "post", "news", "press", "journal", "herald", "gazette", "courier", "tribune",
	"radio", "university", "school", "hospital", "party", "union", "parliament", "congress", "senate")

// agencyWords are the org words "the agency" may refer to.
var agencyWords = setOf("agency", "administration", "bureau", "service", "enforcement", "commission",
	"authority", "office", "department", "investigations", "unit")

// connectors may join the capitalised words of one name.
var connectors = setOf("of", "de", "del", "la", "los", "las", "da", "do", "dos", "van", "von", "der",
	"bin", "al", "and", "y", "for")

// notNames are capitalised words that open sentences or clauses rather than
// names.
var notNames = setOf("the", "a", "an", "in", "on", "at", "but", "and", "or", "this", "that", "these",
	"those", "there", "their", "his", "her", "its", "our", "my", "your", "as", "if", "when", "while",
	"after", "before", "since", "however", "meanwhile", "according", "for", "yet", "so", "still",
	"also", "some", "many", "most", "both", "each", "such", "then", "later", "earlier", "today",
	"yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"during", "despite", "although", "though", "with", "without", "by", "from", "to", "under", "over",
	"he", "she", "they", "we", "i", "it", "you", "what", "why", "how", "who", "where", "which",
	"last", "next", "first", "additionally", "furthermore", "moreover", "similarly", "recently",
	"reportedly", "clearly", "thus", "therefore", "nonetheless", "instead", "now", "here", "not", "no",
	"one", "two", "three", "several", "all", "every", "among", "about", "let", "let’s", "regarding",
	"often", "sometimes", "always", "never", "once", "again", "soon", "perhaps", "maybe", "even",
	"only", "just", "much", "more", "less", "other", "another", "any", "neither", "either")

// isMonthWord reports whether a word opens a dated name ("March 2025
// Strategy Report"); "May" is left out because it is also a name, and an
// abbreviation counts only with its dot.
func isMonthWord(lower string) bool {
	if _, ok := lang.Month(lower); !ok || lower == "may" {
		return false
	}
	// Without a dot only the full name counts: "Mar" may be a name.
	return strings.HasSuffix(lower, ".") || len(lower) >= 4 && lower != "sept"
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameSpan is a candidate name: tokens [i, j) of a sentence, plus an
// optional lower-case org noun that follows it ("the U.S. embassy").
type nameSpan struct {
	i, j    int
	noun    string // "embassy" when the span was extended by a lower-case org noun
	acronym string // "ICE" when followed by "(ICE)"
}

// capSpanEnding returns the longest name span ending just before token j,
// or ok=false. It walks left over capitalised words and connectors.
func capSpanEnding(toks []token, j int) (nameSpan, bool) {
	i := j
	for i > 0 {
		t := toks[i-1]
		if !t.word || t.quoted {
			break
		}
		if t.cap {
			i--
			continue
		}
		if connectors[t.text] && i < j && i-2 >= 0 && toks[i-2].word && toks[i-2].cap {
			i--
			continue
		}
		break
	}
	for i < j && (!toks[i].cap || inFold(notNames, toks[i].text)) {
		i++ // a leading "Meanwhile", a digit, a connector
	}
	if i == j {
		return nameSpan{}, false
	}
	return nameSpan{i: i, j: j}, true
}

// capSpanStarting returns the name span starting at token i.
func capSpanStarting(toks []token, i int) (nameSpan, bool) {
	if i >= len(toks) || !toks[i].word || !toks[i].cap || toks[i].quoted || inFold(notNames, toks[i].text) {
		return nameSpan{}, false
	}
	j := i + 1
	for j < len(toks) && toks[j].word && !toks[j].quoted {
		if toks[j].cap || isDigitByte(toks[j].text[0]) && j+1 < len(toks) && toks[j+1].cap {
			j++
			continue
		}
		if connectors[toks[j].text] && j+1 < len(toks) && toks[j+1].word && toks[j+1].cap {
			j += 2
			continue
		}
		break
	}
	return nameSpan{i: i, j: j}, true
}

// parts returns the names in the span: split at "and" between two names
// ("Jane Roe and John Doe" is two people) unless the span ends in an org
// word ("Immigration and Customs Enforcement"), each cut after a possessive
// ("Mexico’s Jane Roe" is Jane Roe).
func (sp nameSpan) parts(toks []token) [][]string {
	ws := make([]string, 0, sp.j-sp.i+1)
	for k := sp.i; k < sp.j; k++ {
		ws = append(ws, toks[k].text)
	}
	if sp.noun != "" {
		ws = append(ws, strings.ToUpper(sp.noun[:1])+sp.noun[1:])
	}
	var out [][]string
	if !inFold(orgWords, ws[len(ws)-1]) {
		for k := 0; k < len(ws); k++ {
			if ws[k] == "and" || ws[k] == "y" {
				out = appendName(out, ws[:k])
				ws = ws[k+1:]
				k = -1
			}
		}
	}
	return appendName(out, ws)
}

// words is the span's name nearest its end: the subject of a verb that
// follows it.
func (sp nameSpan) words(toks []token) []string {
	ps := sp.parts(toks)
	if len(ps) == 0 {
		return nil
	}
	return ps[len(ps)-1]
}

func appendName(out [][]string, ws []string) [][]string {
	for k := len(ws) - 2; k >= 0; k-- {
		if base, ok := possessor(ws[k]); ok && len(base) > 0 {
			if allOrgWords(ws[k+1:]) {
				continue // "Attorney General’s Office"
			}
			ws = ws[k+1:]
			break
		}
	}
	for len(ws) > 0 && (connectors[ws[0]] || isDigitByte(ws[0][0]) || isMonthWord(strings.ToLower(ws[0]))) {
		ws = ws[1:] // "March 2025 Strategy Report" is the Strategy Report
	}
	for len(ws) > 0 && connectors[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 1 {
		ws[0], _ = possessor(ws[0])
	}
	if len(ws) == 0 || ws[0] == "" {
		return out
	}
	return append(out, ws)
}

func allOrgWords(ws []string) bool {
	for _, w := range ws {
		if !inFold(orgWords, w) {
			return false
		}
	}
	return len(ws) > 0
}

// canonical strips titles from a name's words and says whether it names a
// person, returning the roles it stripped ("president").
func canonical(ws []string) (name []string, person bool, roles []string) {
	cut := -1
	for k := 0; k < len(ws)-1; k++ {
		lw := lowerASCII(ws[k])
		if !titleWords[lw] {
			continue
		}
		if lw == "general" && k+2 >= len(ws) && (k == 0 || !inFold(titleWords, ws[k-1])) {
			continue // "General Motors"
		}
		cut = k
	}
	if cut >= 0 {
		rest := cut + 1
		for rest < len(ws)-1 && (ws[rest] == "of" || inFold(deptWords, ws[rest])) {
			rest++
		}
		if rest < len(ws) && !hasOrgWord(ws[rest:]) && !isAcronym(ws[rest]) {
			for _, w := range ws[:rest] {
				if lw := lowerASCII(w); titleWords[lw] {
					roles = append(roles, strings.TrimSuffix(lw, "."))
				}
			}
			return ws[rest:], true, roles
		}
	}
	if hasOrgWord(ws) || len(ws) == 1 && (isAcronym(ws[0]) || strings.Contains(ws[0], ".")) {
		// "Jane Roe of AllMusic" is Jane Roe; "Bureau of Statistics" stays.
		for k := 2; k < len(ws)-1 && k <= 4; k++ {
			if ws[k] == "of" && !hasOrgWord(ws[:k]) {
				return ws[:k], true, nil
			}
		}
		return ws, false, nil
	}
	for k := 2; k < len(ws)-1 && k <= 4; k++ {
		if ws[k] == "of" {
			return ws[:k], true, nil // "Jane Roe of AllMusic"
		}
	}
	return ws, len(ws) >= 2, nil
}

func hasOrgWord(ws []string) bool {
	for _, w := range ws {
		if inFold(orgWords, w) {
			return true
		}
	}
	return false
}

// initials is the acronym an org name would have: "U.S. Immigration and
// Customs Enforcement" → "ICE" (country prefixes and small words skipped).
func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if !isUpperRune(rune(w[0])) || strings.Contains(w, ".") || isAcronym(w) {
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}
