package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// ManifestColumns are the columns readout reads from manifest.csv; only file is required, and
// any further column is kept as metadata.
var ManifestColumns = []string{"file", "id", "date", "title", "source", "url", "language"}

// entry is one manifest row, or the fields of one JSONL record.
type entry struct {
	From     string // the manifest or JSONL file, for messages
	Line     int
	File     string
	ID       string
	Date     string
	Title    string
	Source   string
	URL      string
	Language string
	Meta     map[string]string
}

// set sets the field a column or key names (file, id, date, title, source, url, language) and
// reports whether it named one.
func (e *entry) set(key, v string) bool {
	switch key {
	case "file":
		e.File = v
	case "id":
		e.ID = v
	case "date":
		e.Date = v
	case "title":
		e.Title = v
	case "source":
		e.Source = v
	case "url":
		e.URL = v
	case "language":
		e.Language = v
	default:
		return false
	}
	return true
}

// parseManifest reads manifest.csv text. Row problems are returned with their line numbers;
// rows with problems are left out of the entries.
func parseManifest(text, display string) ([]entry, []Problem) {
	r := csv.NewReader(strings.NewReader(crLines(strings.TrimPrefix(text, "\ufeff"))))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return nil, []Problem{{Path: display, Err: "manifest is empty", Hint: "its first line must name the columns, e.g. file,id,date,title"}}
	}
	if err != nil {
		return nil, []Problem{csvProblem(display, err)}
	}
	cols := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := cols[h]; dup {
			return nil, []Problem{{Path: display, Line: 1, Err: fmt.Sprintf("column %q appears twice in the header", h)}}
		}
		cols[h] = i
	}
	if _, ok := cols["file"]; !ok {
		return nil, []Problem{{Path: display, Line: 1, Err: fmt.Sprintf("the header has no file column (it has %s)", strings.Join(header, ",")),
			Hint: "the first line must name the columns, with file among them: file,id,date,title,source,url,language"}}
	}
	var out []entry
	var probs []Problem
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			probs = append(probs, csvProblem(display, err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrFieldCount) {
				break // the reader cannot resynchronise after a quoting error
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) != len(header) {
			probs = append(probs, Problem{Path: display, Line: line,
				Err:  fmt.Sprintf("row has %d fields but the header has %d", len(rec), len(header)),
				Hint: "quote fields that contain commas"})
			continue
		}
		e := entry{Line: line, Meta: map[string]string{}}
		for name, i := range cols {
			v := strings.TrimSpace(rec[i])
			if !e.set(name, v) && v != "" {
				e.Meta[name] = v
			}
		}
		if e.File == "" {
			probs = append(probs, Problem{Path: display, Line: line, Err: "row has an empty file field", Hint: "name the document's file, relative to the manifest"})
			continue
		}
		out = append(out, e)
	}
	return out, probs
}

// crLines turns the line ends of a CSV file that ends its lines with CR alone (a spreadsheet's
// "CSV (Macintosh)") into LF, which encoding/csv reads as line ends; in a file with any LF,
// a CR is left as it is (CRLF ends a line, a lone CR is data).
func crLines(text string) string {
	if strings.IndexByte(text, '\n') >= 0 || strings.IndexByte(text, '\r') < 0 {
		return text
	}
	return strings.ReplaceAll(text, "\r", "\n")
}

func csvProblem(display string, err error) Problem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return Problem{Path: display, Line: pe.Line, Err: "malformed CSV: " + pe.Err.Error(), Hint: "check the quoting on that line"}
		}
		// a quoting error: the row that holds it begins at StartLine (an unclosed quotation runs
		// on to where the reader stops), and no row after it can be read
		msg := "malformed CSV: " + pe.Err.Error()
		if pe.StartLine > 0 && pe.StartLine != pe.Line {
			msg += fmt.Sprintf(" (the row that begins here runs on to line %d)", pe.Line)
		}
		line := pe.StartLine
		if line == 0 {
			line = pe.Line
		}
		return Problem{Path: display, Line: line, Err: msg,
			Hint: "check the quoting on that line: a field holding a quotation mark is quoted and its marks doubled, \"say \"\"no\"\"\"; the rows after it are checked once it is fixed"}
	}
	return Problem{Path: display, Err: err.Error()}
}

// cleanRel checks a manifest path: relative, inside the corpus directory. It returns the path in
// slash form.
func cleanRel(p string) (string, bool) {
	p = strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':') {
		return "", false
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") || c == "." {
		return "", false
	}
	return c, true
}
