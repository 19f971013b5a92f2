// Package output writes a command's rows as an aligned table, CSV or JSON, with the run record
// that makes JSON output reproducible: tool version, corpus and lexicon hashes, parameters.
package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
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
	switch f {
	case CSV:
		return writeCSV(w, rows)
	case JSON:
		return writeJSON(w, run, rows)
	default:
		return writeTable(w, rows)
	}
}

func writeTable(w io.Writer, rows Rows) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(rows.Columns, "\t"))
	for _, row := range rows.Data {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = strings.ReplaceAll(cell(v, true), "\t", " ")
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func writeCSV(w io.Writer, rows Rows) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(rows.Columns); err != nil {
		return err
	}
	for _, row := range rows.Data {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = cell(v, false)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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

// Document encodes {"run": run, "rows": rows} as indented JSON.
func Document(run Run, rows Rows) ([]byte, error) {
	var b bytes.Buffer
	r, err := Marshal(run)
	if err != nil {
		return nil, err
	}
	b.WriteString(`{"run":`)
	b.Write(r)
	b.WriteString(`,"rows":[`)
	for i, row := range rows.Data {
		if i > 0 {
			b.WriteByte(',')
		}
		o, err := RowObject(rows.Columns, row)
		if err != nil {
			return nil, err
		}
		b.Write(o)
	}
	b.WriteString("]}")
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func writeJSON(w io.Writer, run Run, rows Rows) error {
	b, err := Document(run, rows)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
