package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/lexicon/internal/lexfile"
)

// posFiles names WordNet's files per part of speech, in lexfile order.
var posFiles = [2]struct{ name, tag string }{
	lexfile.Noun: {"noun", "n"},
	lexfile.Verb: {"verb", "v"},
}

// synset is one record of a data.* file, reduced to what the lexicon keeps.
type synset struct {
	offset string   // byte offset in its data file: WordNet's synset key
	lemmas []string // normalised, in WordNet's order, unique
	// words are normalised too but keep duplicates, since lexical pointers
	// number them from 1 as the file lists them.
	words  []string
	hypers []string // offsets of @ and @i targets in the same part of speech
}

// build reads WordNet's noun and verb data, index and exception files, the
// adjective data and index files, the adverb data file and the adjective
// and adverb exception files, and assembles the lexicon's data.
func build(log *slog.Logger, dict, exc fs.FS) (*lexfile.Data, error) {
	var synsets [2][]synset
	var index [2]map[string][]string // lemma → synset offsets in sense order
	var excs [2]map[string][]string
	for pos, f := range posFiles {
		var err error
		if synsets[pos], err = readData(dict, "data."+f.name, f.tag); err != nil {
			return nil, err
		}
		if index[pos], err = readIndex(dict, "index."+f.name); err != nil {
			return nil, err
		}
		if excs[pos], err = readExceptions(exc, f.name+".exc"); err != nil {
			return nil, err
		}
	}
	ptrs, err := readPertainyms(log, dict, "data.adj")
	if err != nil {
		return nil, err
	}
	adjIndex, err := readIndex(dict, "index.adj")
	if err != nil {
		return nil, err
	}
	d, err := assemble(log, synsets, index, excs)
	if err != nil {
		return nil, err
	}
	if err := pertainyms(d, synsets[lexfile.Noun], ptrs, adjIndex); err != nil {
		return nil, err
	}
	if err := words(log, d, dict, exc); err != nil {
		return nil, err
	}
	return d, nil
}

// assemble numbers synsets (nouns first, in file order) and lemmas (sorted),
// and orders each lemma's senses as WordNet's index does.
func assemble(log *slog.Logger, synsets [2][]synset, index, excs [2]map[string][]string) (*lexfile.Data, error) {
	d := &lexfile.Data{Nouns: len(synsets[lexfile.Noun])}
	var key [2]map[string]int32 // offset → synset number
	seen := map[string]bool{}
	var lemmas []string
	n := int32(0)
	for pos := range synsets {
		key[pos] = make(map[string]int32, len(synsets[pos]))
		for _, s := range synsets[pos] {
			key[pos][s.offset] = n
			n++
			for _, l := range s.lemmas {
				if !seen[l] {
					seen[l] = true
					lemmas = append(lemmas, l)
				}
			}
		}
	}
	slices.Sort(lemmas)
	d.Lemmas = lexfile.MakeLemmas(lemmas)
	id := make(map[string]int32, len(lemmas))
	for i, l := range lemmas {
		id[l] = int32(i)
		d.MaxWords = max(d.MaxWords, strings.Count(l, " ")+1)
	}

	d.MemberOff = []int32{0}
	d.HyperOff = []int32{0}
	for pos := range synsets {
		for _, s := range synsets[pos] {
			for _, l := range s.lemmas {
				d.Members = append(d.Members, id[l])
			}
			d.MemberOff = append(d.MemberOff, int32(len(d.Members)))
			var hs []int32
			for _, h := range s.hypers {
				t, ok := key[pos][h]
				if !ok {
					return nil, fmt.Errorf("synset %s: hypernym %s not found", s.offset, h)
				}
				hs = append(hs, t)
			}
			slices.Sort(hs)
			d.Hypers = append(d.Hypers, slices.Compact(hs)...)
			d.HyperOff = append(d.HyperOff, int32(len(d.Hypers)))
		}
	}

	for pos := range synsets {
		if err := senses(log, d, pos, key[pos], index[pos]); err != nil {
			return nil, err
		}
		d.Exceptions[pos] = exceptions(log, posFiles[pos].name, excs[pos], func(b string) bool {
			i, ok := id[b]
			return ok && d.Has(i, pos)
		})
	}
	return d, nil
}

// senses fills d's sense lists for pos from the data files' membership,
// ordered by the index file. The two agree in WordNet; should they not, the
// data file wins and the disagreement is logged.
func senses(log *slog.Logger, d *lexfile.Data, pos int, key map[string]int32, index map[string][]string) error {
	lists := make([][]int32, d.Lemmas.Len())
	lo, hi := int32(0), int32(d.Nouns)
	if pos == lexfile.Verb {
		lo, hi = int32(d.Nouns), int32(len(d.MemberOff)-1)
	}
	for s := lo; s < hi; s++ {
		for _, m := range d.Members[d.MemberOff[s]:d.MemberOff[s+1]] {
			lists[m] = append(lists[m], s)
		}
	}
	mismatched := 0
	for i := range lists {
		if len(lists[i]) == 0 {
			continue
		}
		l := d.Lemmas.At(int32(i))
		rank := map[int32]int{}
		for r, off := range index[l] {
			if s, ok := key[off]; ok {
				rank[s] = r + 1
			}
		}
		if len(index[l]) != len(lists[i]) {
			mismatched++
		}
		slices.SortStableFunc(lists[i], func(a, b int32) int {
			return byRank(rank[a], rank[b])
		})
	}
	if mismatched > 0 {
		log.Warn("index and data disagree", "pos", posFiles[pos].name, "lemmas", mismatched)
	}
	d.SenseOff[pos] = make([]int32, 1, len(lists)+1)
	for _, list := range lists {
		d.Senses[pos] = append(d.Senses[pos], list...)
		d.SenseOff[pos] = append(d.SenseOff[pos], int32(len(d.Senses[pos])))
	}
	return nil
}

// exceptions keeps the entries of an exception list whose bases are lemmas
// of its part of speech (isBase); an inflection pointing elsewhere could
// never produce a result.
func exceptions(log *slog.Logger, pos string, exc map[string][]string, isBase func(string) bool) map[string][]string {
	out := make(map[string][]string, len(exc))
	dropped := 0
	for form, bases := range exc {
		var keep []string
		for _, b := range bases {
			if isBase(b) && !slices.Contains(keep, b) {
				keep = append(keep, b)
			}
		}
		if len(keep) == 0 {
			dropped++
			continue
		}
		out[form] = keep
	}
	log.Info("exceptions", "pos", pos, "kept", len(out), "dropped", dropped)
	return out
}

// byRank compares 1-based sense ranks for a stable sort; unranked (0)
// synsets, those missing from the index, go last in file order.
func byRank(a, b int) int {
	if a == 0 {
		a = 1 << 30
	}
	if b == 0 {
		b = 1 << 30
	}
	return a - b
}

// normalise turns a WordNet word (Democratic_Party) into a lemma as the
// lexicon stores it (democratic party).
func normalise(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, "_", " "))
}

// record is one line of a data.* file, before the lexicon picks from it.
type record struct {
	offset, typ string
	words       []string // as written: Democratic_Party, galore(ip)
	ptrs        []pointer
}

// pointer is one pointer of a record. Lexical pointers (antonyms,
// pertainyms, …) name the source and target words by number from 1;
// semantic ones (hypernyms, …) have src and dst 0.
type pointer struct {
	sym, offset, pos string
	src, dst         int
}

// eachRecord parses a data.* file: "offset lexfile ss_type w_cnt (word
// lex_id)… p_cnt (ptr offset pos source/target)… [frames] | gloss". Lines
// starting with spaces are the licence header.
func eachRecord(fsys fs.FS, name string, fn func(record) error) error {
	return eachLine(fsys, name, func(line string) error {
		if strings.HasPrefix(line, " ") {
			return nil
		}
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		r, err := parseRecord(line)
		if err != nil {
			return err
		}
		return fn(r)
	})
}

func parseRecord(line string) (record, error) {
	f := strings.Fields(line)
	if len(f) < 5 {
		return record{}, fmt.Errorf("short record")
	}
	r := record{offset: f[0], typ: f[2]}
	nw, err := strconv.ParseUint(f[3], 16, 16)
	if err != nil {
		return record{}, fmt.Errorf("word count: %w", err)
	}
	i := 4
	for range nw {
		if i+1 >= len(f) {
			return record{}, fmt.Errorf("short word list")
		}
		r.words = append(r.words, f[i])
		i += 2
	}
	np, err := strconv.Atoi(f[i])
	if err != nil {
		return record{}, fmt.Errorf("pointer count: %w", err)
	}
	i++
	for range np {
		if i+3 >= len(f) {
			return record{}, fmt.Errorf("short pointer list")
		}
		p := pointer{sym: f[i], offset: f[i+1], pos: f[i+2]}
		st, err := strconv.ParseUint(f[i+3], 16, 16)
		if err != nil || len(f[i+3]) != 4 {
			return record{}, fmt.Errorf("pointer source/target %q", f[i+3])
		}
		p.src, p.dst = int(st>>8), int(st&0xff)
		r.ptrs = append(r.ptrs, p)
		i += 4
	}
	return r, nil
}

// readData reads the synsets of a noun or verb data file.
func readData(fsys fs.FS, name, tag string) ([]synset, error) {
	var out []synset
	err := eachRecord(fsys, name, func(r record) error {
		if r.typ != tag {
			return fmt.Errorf("synset type %q in %s", r.typ, name)
		}
		s := synset{offset: r.offset, words: make([]string, len(r.words))}
		for i, w := range r.words {
			l := normalise(w)
			s.words[i] = l
			if !slices.Contains(s.lemmas, l) {
				s.lemmas = append(s.lemmas, l)
			}
		}
		for _, p := range r.ptrs {
			if (p.sym == "@" || p.sym == "@i") && p.pos == tag {
				s.hypers = append(s.hypers, p.offset)
			}
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// readIndex parses an index.* file: "lemma pos synset_cnt p_cnt (ptr)…
// sense_cnt tagsense_cnt (offset)…", the offsets in sense order.
func readIndex(fsys fs.FS, name string) (map[string][]string, error) {
	out := map[string][]string{}
	err := eachLine(fsys, name, func(line string) error {
		if strings.HasPrefix(line, " ") {
			return nil
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("short record")
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || n > len(f)-4 {
			return fmt.Errorf("synset count %q", f[2])
		}
		out[normalise(f[0])] = f[len(f)-n:]
		return nil
	})
	return out, err
}

// readExceptions parses a *.exc file: "inflected base…".
func readExceptions(fsys fs.FS, name string) (map[string][]string, error) {
	out := map[string][]string{}
	err := eachLine(fsys, name, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return fmt.Errorf("short record")
		}
		form := normalise(f[0])
		for _, b := range f[1:] {
			out[form] = append(out[form], normalise(b))
		}
		return nil
	})
	return out, err
}

func eachLine(fsys fs.FS, name string, fn func(string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}
