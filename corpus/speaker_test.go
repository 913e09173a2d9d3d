package corpus

import (
	"reflect"
	"testing"
)

func TestAttribute(t *testing.T) {
	tests := []struct {
		name  string
		sents []string
		want  []string
	}{
		{"X said", []string{"Jane Roe said the plan failed."}, []string{"Jane Roe"}},
		{"said X", []string{"“The plan failed,” said Jane Roe."}, []string{"Jane Roe"}},
		{"X says", []string{"Omar Quill says the border is closed."}, []string{"Omar Quill"}},
		{"told reporters", []string{"Jane Roe told reporters she would stay."}, []string{"Jane Roe"}},
		{"according to", []string{"According to Jane Roe, the labs were closed."}, []string{"Jane Roe"}},
		{"according to data from", []string{"According to data from the Northland Statistics Office (NSO), exports fell."}, []string{"NSO"}},
		{"denied", []string{"Jane Roe denied the report."}, []string{"Jane Roe"}},
		{"rejected with time", []string{"Jane Roe rejected on Thursday that agents were involved."}, []string{"Jane Roe"}},
		{"emphasized", []string{"Jane Roe emphasized that her government would not allow it."}, []string{"Jane Roe"}},
		{"clarified", []string{"The Northland embassy clarified that no agents took part."}, []string{"Northland Embassy"}},
		{"concluded", []string{"The audit concluded the books were fine."}, []string{""}},
		{"in a statement", []string{"Acme Corp said in a statement that sales rose."}, []string{"Acme Corp"}},
		{"statement intro", []string{"In a statement on Monday the Northland Embassy backed the account."}, []string{"Northland Embassy"}},
		{"quote then X said", []string{"“We all want peace,” Roe said at a briefing."}, []string{"Roe"}},
		{"straight quote then X added", []string{`"There is cooperation," Jane Roe added.`}, []string{"Jane Roe"}},
		{"quick to dismiss", []string{"Jane Roe was quick to dismiss the idea, saying it was false."}, []string{"Jane Roe"}},
		{"went on to say", []string{"Jane Roe went on to say the talks had ended."}, []string{"Jane Roe"}},
		{"appositive", []string{"Jane Roe, the bank's chief economist, said rates would rise."}, []string{"Jane Roe"}},
		{"title stripped", []string{"Northland President Jane Roe warned of a crisis."}, []string{"Jane Roe"}},
		{"long title stripped", []string{"Senate Majority Leader Omar Quill slammed the deal."}, []string{"Omar Quill"}},
		{"security chief", []string{"According to Northland Security Chief Omar García Quill, 750 labs were closed."}, []string{"Omar García Quill"}},
		{"the company is the business named", []string{
			"Orvane Chemicals said its plant was safe.",
			"The company denied that anything escaped.",
		}, []string{"Orvane Chemicals", "Orvane Chemicals"}},
		{"an unnamed ministry is not the business that spoke", []string{
			"Orvane Chemicals said sales rose.",
			"The ministry rejected the figure.",
		}, []string{"Orvane Chemicals", "The ministry"}},
		{"a described agency is not the agency named before", []string{
			"The Northland Security Office (NSO) said the border was closed.",
			"The regional health agency said it was testing samples.",
			"The agency added that results would come next week.",
		}, []string{"NSO", "The regional health agency", "The regional health agency"}},
		{"a spokeswoman speaks for her organisation", []string{
			"Orvel Telecom said the breach was small.",
			"An Orvel spokeswoman said on Friday that 1.5m accounts were affected.",
		}, []string{"Orvel Telecom", "Orvel Telecom"}},
		{"title before the name after said", []string{"“It failed,” said inspector Paul Dremmer."}, []string{"Paul Dremmer"}},
		{"the office the sentence described", []string{"Inspectors from the state water office found a leak, the office said."}, []string{"The state water office"}},
		{"blamed", []string{"Tomas Brell blamed the flood on rain."}, []string{"Tomas Brell"}},
		{"blamed, passive", []string{"The flood was blamed on rain."}, []string{""}},
		{"surname resolves", []string{
			"Jane Roe arrived on Monday.",
			"Roe said the plan failed.",
		}, []string{"", "Jane Roe"}},
		{"titled surname resolves", []string{
			"Northland President Jane Roe spoke first.",
			"President Roe insisted the border stays open.",
		}, []string{"", "Jane Roe"}},
		{"acronym alias", []string{
			"The Northland Revenue Service (NRS) opened an inquiry.",
			"NRS said the inquiry would take a year.",
			"The Northland Revenue Service said it had evidence.",
		}, []string{"", "NRS", "NRS"}},
		{"acronym by initials", []string{
			"The Northland Revenue Service said the audit began.",
			"An NRS official declined to comment.",
		}, []string{"NRS", ""}},
		{"pronoun she", []string{
			"Jane Roe said the talks were over.",
			"She added that a deal was unlikely.",
		}, []string{"Jane Roe", "Jane Roe"}},
		{"pronoun after quote", []string{
			"“We will not yield,” Jane Roe said.",
			"“There is coordination,” she said.",
		}, []string{"Jane Roe", "Jane Roe"}},
		{"pronoun skips organisations", []string{
			"Jane Roe said the deal was done.",
			"Acme Corp said it was not.",
			"She added that talks would resume.",
		}, []string{"Jane Roe", "Acme Corp", "Jane Roe"}},
		{"the president", []string{
			"Northland President Jane Roe said the border was closed.",
			"Omar Quill said it was open.",
			"The president insisted it was closed.",
		}, []string{"Jane Roe", "Omar Quill", "Jane Roe"}},
		{"the embassy", []string{
			"The Northland Embassy in Southland clarified the matter.",
			"Jane Roe said otherwise.",
			"The embassy emphasized that no agents took part.",
		}, []string{"Northland Embassy", "Jane Roe", "Northland Embassy"}},
		{"the agency", []string{
			"The controversy was sparked by language used by NRS.",
			"The agency said it had led the operation.",
		}, []string{"", "NRS"}},
		{"it within sentence", []string{
			"While Acme Corp did not give figures, it highlighted strong growth.",
		}, []string{"Acme Corp"}},
		{"multi-sentence quote", []string{
			"“For many years no agency has operated here.",
			"This photograph does not show that,” Jane Roe said.",
		}, []string{"Jane Roe", "Jane Roe"}},
		{"quote continues after attribution", []string{
			"“Reports are filed,” Jane Roe said.",
			"“The office acts on them.”",
		}, []string{"Jane Roe", "Jane Roe"}},
		{"colon then quote", []string{
			"Jane Roe said:",
			"“We are ready.”",
		}, []string{"Jane Roe", "Jane Roe"}},
		{"quote inside is not attribution", []string{
			"“As I said yesterday, we cooperate,” the minister's aide wrote.",
		}, []string{""}},
		{"tweet signature", []string{
			"Three labs were dismantled in the north…",
			"pic.twitter.com/abc123",
			"— Northland Revenue Service (@nrs) May 14, 2025",
		}, []string{"Northland Revenue Service", "", ""}},
		{"passive is not speech", []string{"Jane Roe arrived.", "She was told to leave.", "It was originally suggested by a clerk."}, []string{"", "", ""}},
		{"weak verb without content", []string{"Jane Roe wrote a book about the war.", "Jane Roe wrote that the war was lost."}, []string{"", "Jane Roe"}},
		{"added a thing", []string{"Acme Corp added two plants in May.", "“We grew,” Acme Corp added."}, []string{"", "Acme Corp"}},
		{"base form is a noun", []string{"It is a town in the U.S. state of Ohio."}, []string{""}},
		{"base form after to", []string{"Jane Roe declined to deny the report."}, []string{"Jane Roe"}},
		{"quoted title does not continue", []string{
			"“We will stay,” Jane Roe said.",
			"“Stay” is the band's first single since 2019 and it sold well.",
		}, []string{"Jane Roe", ""}},
		{"tokenized quotes", []string{"`` We will stay , '' Jane Roe said ."}, []string{"Jane Roe"}},
		{"pronoun before a later name", []string{
			"Ada Quill said talks ended.",
			"She stated that Jane Roe was wrong.",
		}, []string{"Ada Quill", "Ada Quill"}},
		// A first name says the pronoun: "She" after a woman and then a
		// man goes back to the woman.
		{"pronoun by first name", []string{
			"Maria Lendl said the plant had been warned.",
			"Viktor Haas said the wiring was new.",
			"She added that the alarms were off.",
		}, []string{"Maria Lendl", "Viktor Haas", "Maria Lendl"}},
		{"author voice", []string{
			"The operation took place in the north.",
			"Tensions have grown since January.",
		}, []string{"", ""}},
		{"capitalised States is no verb", []string{"The Northland States signed the accord."}, []string{""}},
		{"two names joined", []string{"Jane Roe and Omar Quill met.", "Quill said the meeting went well."}, []string{"", "Omar Quill"}},
		{"possessive dropped", []string{"Northland’s Jane Roe spoke.", "Roe said no."}, []string{"", "Jane Roe"}},
		{"longer name later keeps short", []string{
			"Jane Roe Smith spoke at length.",
			"Northland President Jane Roe said the plan works.",
		}, []string{"", "Jane Roe"}},
		{"head of state", []string{
			"Jane Roe spoke on Monday.",
			"“No agency operates here,” the Northland head of state said.",
		}, []string{"", "Jane Roe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Attribute(tt.sents); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSpeakersInDocument(t *testing.T) {
	body := "Jane Roe said the border was closed.\n\nAn unrelated paragraph follows here.\n\n“Nothing changes,” she said.\n"
	d, err := ParseDocument("t", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sentences {
		got = append(got, s.Speaker)
	}
	if want := []string{"Jane Roe", "", "Jane Roe"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSpeakerNotFromBoilerplate(t *testing.T) {
	body := "Jane Roe said the border was closed.\n\nFollow us on X and subscribe to our newsletter, the editors said.\n"
	d, err := ParseDocument("t", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if s := d.Sentences[len(d.Sentences)-1]; !s.Boilerplate || s.Speaker != "" {
		t.Errorf("chrome sentence: boilerplate %v, speaker %q", s.Boilerplate, s.Speaker)
	}
}
