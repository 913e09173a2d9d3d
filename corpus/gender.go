package corpus

import "strings"

// A person's first name often says which pronoun the text will use for
// them, and a text that quotes a woman and then a man and writes "She
// added" needs to know it. These are common given names across the
// languages news in English quotes; a name not listed, or one given to
// both, stays unknown and is learnt from the text instead (see
// registry.pronounPerson).
var givenFemale = setOf(
	"ada", "agnes", "aisha", "alice", "alma", "amanda", "amelia", "amy", "ana", "andrea", "angela", "anna", "anne", "annika",
	"barbara", "beatriz", "brenda", "carla", "carmen", "caroline", "catherine", "charlotte", "chloe", "christina", "claire",
	"claudia", "dana", "daniela", "diana", "dolores", "elena", "elizabeth", "ella", "emily", "emma", "eva", "fatima",
	"fiona", "francesca", "gabriela", "grace", "hannah", "helen", "helena", "ines", "ingrid", "irene", "isabel", "isabella",
	"jane", "janet", "jennifer", "jessica", "joanna", "julia", "julie", "karen", "katarina", "kate", "katherine", "laura",
	"lena", "linda", "lisa", "lucia", "lucy", "maria", "marie", "marina", "marta", "mary", "maya", "megan", "mei",
	"melissa", "michelle", "mira", "monica", "nadia", "natalia", "nina", "olga", "olivia", "patricia", "paula", "priya",
	"rachel", "rebecca", "rosa", "ruth", "sandra", "sara", "sarah", "sofia", "sophie", "susan", "svetlana", "tanya",
	"teresa", "valentina", "vera", "victoria", "yuki", "zainab", "zoe",
	"abigail", "alexandra", "alicia", "alison", "amira", "anastasia", "anita", "astrid", "beatrice", "bianca",
	"brigitte", "camille", "cecilia", "clara", "cristina", "deborah", "denise", "dorothy", "edith", "eleanor",
	"elise", "eliza", "elsa", "emilia", "erika", "esther", "eve", "frida", "gemma", "georgia", "gertrude",
	"gloria", "greta", "hanna", "harriet", "heidi", "hilda", "ida", "ilse", "irina", "jana", "jasmine", "joan",
	"johanna", "judith", "karin", "katja", "katrin", "lara", "leah", "lea", "liesel", "lina", "lydia", "magda",
	"magdalena", "margaret", "margot", "marianne", "martha", "mia", "mila", "miriam", "nora", "petra", "pia",
	"renata", "rita", "sabine", "selma", "silvia", "simone", "sonia", "stella", "tamara", "tessa",
	"ursula", "vanessa", "wanda", "yvonne")

var givenMale = setOf(
	"adam", "ahmed", "alan", "alejandro", "alex", "alexander", "ali", "andrew", "andres", "anthony", "antonio", "ben",
	"benjamin", "brian", "carlos", "charles", "chris", "christopher", "daniel", "david", "diego", "donald", "edward",
	"erik", "felipe", "francisco", "frank", "george", "hans", "henry", "hugo", "ibrahim", "ivan", "ivo", "jack",
	"jacob", "james", "jan", "javier", "jean", "jesus", "john", "jonah", "jorge", "jose", "joseph", "juan", "karl",
	"kevin", "klaus", "lars", "liam", "luis", "marco", "mark", "martin", "matthew", "michael", "miguel", "mohammed",
	"muhammad", "nicholas", "omar", "oscar", "pablo", "patrick", "paul", "pedro", "peter", "rafael", "rafe", "ricardo",
	"richard", "robert", "ronald", "samuel", "sergei", "stefan", "steven", "thomas", "tomas", "viktor", "victor",
	"vladimir", "william", "yusuf",
	"aaron", "adrian", "albert", "aldo", "anton", "arthur", "boris", "bruno", "caleb", "conrad", "cyril", "dmitri",
	"dominic", "edgar", "emil", "ernst", "felix", "fernando", "filip", "frederick", "gerald", "gregor", "gustav",
	"harald", "harry", "hector", "igor", "isaac", "jakob", "jens", "joel", "jonas", "julian", "konrad", "leon",
	"leonard", "lorenzo", "lucas", "ludwig", "magnus", "marcus", "mario", "mats", "max", "milan", "nathan", "niels",
	"nikolai", "noah", "olaf", "oliver", "otto", "owen", "philip", "pierre", "ralph", "raymond", "roman", "ruben",
	"rudolf", "simon", "sven", "theo", "tobias", "vincent", "walter", "werner", "yuri")

// givenGender is 'f' or 'm' when a person's first name is listed, else 0.
func givenGender(words []string) byte {
	if len(words) < 2 {
		return 0
	}
	first := strings.ToLower(words[0])
	switch {
	case givenFemale[first] && !givenMale[first]:
		return 'f'
	case givenMale[first] && !givenFemale[first]:
		return 'm'
	}
	return 0
}
