// Package output writes a command's rows as an aligned table, CSV or JSON, with the run record
// that makes JSON output reproducible: tool version, corpus and lexicon hashes, parameters.
package output

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"
)

// Format is an output format for rows.
type Format string

// Row formats.
const (
	Table Format = "table"
	CSV   Format = "csv"
	JSON  Format = "json"
)

// ParseFormat parses a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Table, CSV, JSON:
		return f, nil
	}
	return "", fmt.Errorf("unsupported format %q: use table, csv or json", s)
}

// Run is the run record: everything needed to reproduce a command's numbers. It has no
// timestamp, so the same inputs give the same bytes.
type Run struct {
	Tool          string         `json:"tool"`
	Version       string         `json:"version"`
	Command       string         `json:"command"`
	Corpus        string         `json:"corpus"`
	CorpusSHA256  string         `json:"corpus_sha256"`
	Documents     int            `json:"documents"`
	LexiconSHA256 string         `json:"lexicon_sha256,omitempty"`
	Metrics       []string       `json:"metrics,omitempty"`
	Parameters    map[string]any `json:"parameters"`
}

// Rows is a table of values with named columns. Values are string, int, float64, bool, nil,
// []string, or any JSON-marshalable value.
type Rows struct {
	Columns []string
	Data    [][]any
}

// Add appends a row; it must have one value per column.
func (r *Rows) Add(values ...any) {
	if len(values) != len(r.Columns) {
		panic(fmt.Sprintf("output: row has %d values for %d columns", len(values), len(r.Columns)))
	}
	r.Data = append(r.Data, values)
}

// Write writes rows in format f. The run record goes only into JSON.
func Write(w io.Writer, f Format, run Run, rows Rows) error {
	s := NewStream(w, f, run, rows.Columns)
	for _, row := range rows.Data {
		s.Add(row...)
	}
	return s.Close()
}

// A Stream writes rows in a format as they come, for output too large to hold: CSV and JSON
// rows are written at once (JSON exactly as Write indents it); a table is written at Close,
// since its column widths depend on every row. After a write error, Add does nothing and
// Close returns the error.
type Stream struct {
	w     *bufio.Writer
	f     Format
	cols  []string
	table Rows
	csv   *csv.Writer
	buf   bytes.Buffer // one indented JSON value
	n     int
	err   error
}

// NewStream starts writing rows with the columns in format f to w.
func NewStream(w io.Writer, f Format, run Run, columns []string) *Stream {
	s := &Stream{w: bufio.NewWriterSize(w, 1<<16), f: f, cols: columns, table: Rows{Columns: columns}}
	switch f {
	case CSV:
		s.csv = csv.NewWriter(s.w)
		s.err = s.csv.Write(columns)
	case JSON:
		// The layout of json.Indent(`{"run":…,"rows":[…]}`, "", "  "), a piece at a time.
		r, err := Marshal(run)
		if err != nil {
			s.err = err
			return s
		}
		s.w.WriteString("{\n  \"run\": ")
		s.writeIndented(r, "  ")
		s.w.WriteString(",\n  \"rows\": [")
	}
	return s
}

// Add writes a row; it must have one value per column.
func (s *Stream) Add(values ...any) {
	if len(values) != len(s.cols) {
		panic(fmt.Sprintf("output: row has %d values for %d columns", len(values), len(s.cols)))
	}
	if s.err != nil {
		return
	}
	switch s.f {
	case CSV:
		cells := make([]string, len(values))
		for i, v := range values {
			cells[i] = cell(v, false)
		}
		s.err = s.csv.Write(cells)
	case JSON:
		o, err := RowObject(s.cols, values)
		if err != nil {
			s.err = err
			return
		}
		if s.n > 0 {
			s.w.WriteByte(',')
		}
		s.w.WriteString("\n    ")
		s.writeIndented(o, "    ")
	default:
		s.table.Add(values...)
	}
	s.n++
}

// writeIndented writes a JSON value indented as at the depth of prefix.
func (s *Stream) writeIndented(v []byte, prefix string) {
	s.buf.Reset()
	if s.err = json.Indent(&s.buf, v, prefix, "  "); s.err == nil {
		_, s.err = s.w.Write(s.buf.Bytes())
	}
}

// Close writes what remains and flushes.
func (s *Stream) Close() error {
	if s.err != nil {
		return s.err
	}
	switch s.f {
	case CSV:
		s.csv.Flush()
		s.err = s.csv.Error()
	case JSON:
		if s.n > 0 {
			s.w.WriteString("\n  ")
		}
		s.w.WriteString("]\n}\n")
	default:
		s.err = writeTable(s.w, s.table)
	}
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

func writeTable(w io.Writer, rows Rows) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(rows.Columns, "\t"))
	for _, row := range rows.Data {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = TerminalSafe(cell(v, true))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// cell renders a value for a table (short, rounded) or for CSV (full precision).
func cell(v any, short bool) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if short {
				return "-"
			}
			return ""
		}
		if short {
			return strconv.FormatFloat(v, 'f', 3, 64)
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	case []string:
		return strings.Join(v, "; ")
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// Marshal encodes v as JSON without HTML escaping, so Arabic text, quotes and < > & stay
// readable. NaN and infinite floats become null.
func Marshal(v any) ([]byte, error) {
	if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return []byte("null"), nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// RowObject encodes one row as a JSON object with the keys in column order.
func RowObject(columns []string, row []any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range columns {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := Marshal(c)
		b.Write(k)
		b.WriteByte(':')
		v := row[i]
		if s, ok := v.([]string); ok && s == nil {
			v = []string{}
		}
		val, err := Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("column %s: %v", c, err)
		}
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// TerminalSafe makes a table cell safe to print on a terminal: tabs and line breaks become
// spaces, and other control characters (an escape sequence in a corpus would recolour or move
// the cursor) become U+FFFD.
func TerminalSafe(v string) string {
	if !strings.ContainsFunc(v, unicode.IsControl) {
		return v
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return '\uFFFD'
		}
		return r
	}, v)
}

// Shorten cuts a text to at most n runes, ending it with "…" when it was longer.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// ShortenLeft keeps the last runes of a text, at most n with the "…" that begins it when it was
// longer: the left context of a match, whose end is what matters.
func ShortenLeft(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + strings.TrimSpace(string(r[len(r)-(n-1):]))
}
