package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// jsonlRecord is one line of a bulk import.
type jsonlRecord struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

// parseJSONL reads one document per line, each at most limit bytes. A line that is not a JSON
// object, or has no text, is skipped with its line number; the rest are
// imported. A line without an id gets "<file id>-<line>".
func parseJSONL(fileID, source string, raw []byte, limit int64) ([]*Document, []Skipped, error) {
	var docs []*Document
	var skipped []Skipped
	seen := map[string]int{}
	for n, line := range bytes.Split(raw, []byte("\n")) {
		lineNo := n + 1
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		where := source + ":" + strconv.Itoa(lineNo)
		skip := func(format string, a ...any) {
			skipped = append(skipped, Skipped{Path: where, Reason: fmt.Sprintf(format, a...)})
		}
		if int64(len(line)) > limit {
			skip("line %d is %s, over the %s limit; split it or raise the limit (--max-file-size, CROSSCHECK_MAX_FILE_SIZE)", lineNo, humanBytes(int64(len(line))), humanBytes(limit))
			continue
		}
		var r jsonlRecord
		if err := json.Unmarshal(line, &r); err != nil {
			skip("line %d is not a JSON object: %s", lineNo, oneLine(err.Error()))
			continue
		}
		if strings.TrimSpace(r.Text) == "" {
			skip("line %d has no \"text\"", lineNo)
			continue
		}
		id := strings.TrimSpace(r.ID)
		if id == "" {
			id = fileID + "-" + strconv.Itoa(lineNo)
		}
		if prev, ok := seen[id]; ok {
			skip("line %d has the same id %q as line %d", lineNo, id, prev)
			continue
		}
		m := Document{
			Title: oneLine(r.Title), Outlet: oneLine(r.Outlet), Author: oneLine(r.Author),
			Published: normaliseDate(r.Published), URL: strings.TrimSpace(r.URL),
			Format: FormatJSONL, Source: where,
		}
		d, err := converted(id, m, strings.ReplaceAll(r.Text, "\r\n", "\n"))
		if err != nil {
			skip("line %d: %s", lineNo, err.Error())
			continue
		}
		seen[id] = lineNo
		docs = append(docs, d)
	}
	return docs, skipped, nil
}
