package datadir

import (
	"encoding/binary"
	"errors"
	"reflect"
	"unsafe"

	"github.com/crosscheck/crosscheck/corpus"
)

// storedDoc is one document as saved: its stored text and metadata, and
// the sentences and passages the parser found, as compact offsets. Opening
// rebuilds the Document from them without parsing again (parsing is most
// of the time a build takes, speaker attribution above all); every Text is
// a substring of the stored text, so quotes stay byte-exact.
type storedDoc struct {
	ID, Title, Outlet, Author, Published, URL string
	Format, Source                            string
	Raw                                       []byte
	BodyStart                                 int
	PageStarts                                []int
	// Speakers is the table Sents refers to; Sents holds per sentence
	// (start - previous end, length, speaker index + 1, flags) as
	// uvarints; Passes per passage (first, last) sentence indexes.
	Speakers []string
	Sents    []byte
	Passes   []byte
}

const flagBoilerplate = 1

func storeDoc(d *corpus.Document) storedDoc {
	s := storedDoc{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Author: d.Author, Published: d.Published,
		URL: d.URL, Format: string(d.Format), Source: d.Source, Raw: d.Raw, BodyStart: d.BodyStart, PageStarts: d.PageStarts}
	speaker := map[string]int{}
	buf := make([]byte, 0, 6*len(d.Sentences))
	prev := 0
	for _, sn := range d.Sentences {
		k := 0
		if sn.Speaker != "" {
			var ok bool
			if k, ok = speaker[sn.Speaker]; !ok {
				s.Speakers = append(s.Speakers, sn.Speaker)
				k = len(s.Speakers)
				speaker[sn.Speaker] = k
			}
		}
		flags := uint64(0)
		if sn.Boilerplate {
			flags |= flagBoilerplate
		}
		buf = binary.AppendUvarint(buf, uint64(sn.Start-prev))
		buf = binary.AppendUvarint(buf, uint64(sn.End-sn.Start))
		buf = binary.AppendUvarint(buf, uint64(k))
		buf = binary.AppendUvarint(buf, flags)
		prev = sn.End
	}
	s.Sents = buf
	pbuf := make([]byte, 0, 4*len(d.Passages))
	for _, p := range d.Passages {
		pbuf = binary.AppendUvarint(pbuf, uint64(p.First))
		pbuf = binary.AppendUvarint(pbuf, uint64(p.Last))
	}
	s.Passes = pbuf
	return s
}

var errBadLayout = errors.New("sentence or passage offsets out of range")

// loadDoc rebuilds the Document saved by storeDoc.
func loadDoc(s storedDoc) (*corpus.Document, error) {
	d := &corpus.Document{ID: s.ID, Title: s.Title, Outlet: s.Outlet, Author: s.Author, Published: s.Published,
		URL: s.URL, Format: corpus.Format(s.Format), Source: s.Source, Raw: s.Raw, BodyStart: s.BodyStart, PageStarts: s.PageStarts}
	// Texts share Raw's bytes instead of copying them: a document is
	// read-only once built, and the copy would double the text's memory.
	text := ""
	if len(s.Raw) > 0 {
		text = unsafe.String(&s.Raw[0], len(s.Raw))
	}
	r := varints{b: s.Sents}
	prev := 0
	for !r.done() {
		start := prev + r.next()
		end := start + r.next()
		k, flags := r.next(), r.next()
		if r.err || start < 0 || end > len(text) || start > end || k > len(s.Speakers) {
			return nil, errBadLayout
		}
		sn := corpus.Sentence{Start: start, End: end, Text: text[start:end], Boilerplate: flags&flagBoilerplate != 0}
		if k > 0 {
			sn.Speaker = s.Speakers[k-1]
		}
		d.Sentences = append(d.Sentences, sn)
		prev = end
	}
	r = varints{b: s.Passes}
	for !r.done() {
		first, last := r.next(), r.next()
		if r.err || first > last || last >= len(d.Sentences) {
			return nil, errBadLayout
		}
		p := corpus.Passage{Start: d.Sentences[first].Start, End: d.Sentences[last].End, First: first, Last: last}
		p.Text = text[p.Start:p.End]
		d.Passages = append(d.Passages, p)
	}
	return d, nil
}

type varints struct {
	b   []byte
	err bool
}

func (v *varints) done() bool { return len(v.b) == 0 || v.err }

func (v *varints) next() int {
	x, n := binary.Uvarint(v.b)
	if n <= 0 || x > 1<<40 {
		v.err = true
		return 0
	}
	v.b = v.b[n:]
	return int(x)
}

// spotCheckEvery sets how many stored documents are parsed again on open
// and compared with what was stored: one in spotCheckEvery (and always the
// first). A parser that has changed since the ingest (new rules, new
// fields) shows in the sample, and the index is then rebuilt rather than
// served with stale sentences.
const spotCheckEvery = 64

// spotCheck parses s again and reports how the result differs from d.
func spotCheck(s storedDoc, d *corpus.Document) error {
	fresh, err := parseStored(s)
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(fresh, d) {
		return errors.New("parses differently now")
	}
	return nil
}
