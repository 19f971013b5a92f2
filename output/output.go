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
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Format is an output format for rows.
type Format string

// Row formats.
const (
	Table Format = "table"
	CSV   Format = "csv"
	JSON  Format = "json"
	// JSONL is one JSON object per row, one row per line, without the run record (which
	// --run-record writes beside it): what pandas.read_json(lines=True), R's
	// jsonlite::stream_in and jq read in one call.
	JSONL Format = "jsonl"
	// RawCSV is CSV with every cell as it is (--raw-csv): CSV neutralises a text cell that a
	// spreadsheet would run as a formula.
	RawCSV Format = "raw-csv"
)

// Formats are the row formats ParseFormat takes, in the order help lists them.
var Formats = []Format{Table, CSV, JSON, JSONL}

// ParseFormat parses a --format value; "text" is another name of table.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case Table, CSV, JSON, JSONL:
		return f, nil
	case "text":
		return Table, nil
	}
	return "", fmt.Errorf("unsupported format %q: use table (or text), csv, json or jsonl", s)
}

// Options are the choices of a Stream beyond its format.
type Options struct {
	// BOM starts CSV with a UTF-8 byte-order mark, by which Excel knows the file is UTF-8
	// (without it, Arabic shows as mojibake).
	BOM bool
	// Width fits a table to a terminal this many columns wide, cutting the widest cells with
	// "…" (0: no limit; never set it for a file).
	Width int
	// Labels adds, beside a column of ids (a theme), columns of their labels, in every format
	// but a table.
	Labels *Labels
	// KeepEnd names the columns whose cells a fitted table cuts at their start, keeping the end
	// (a left context, whose last words touch the match).
	KeepEnd []string
}

// Labels are the names of the ids of one column, in some languages: beside Column, a
// Column_label_LANG column for each language.
type Labels struct {
	Column string
	Langs  []string
	Of     map[string][]string // id → one label per language
}

// expand returns the columns with the label columns after Column, and where they go (-1: none).
func (l *Labels) expand(cols []string) ([]string, int) {
	if l == nil {
		return cols, -1
	}
	for i, c := range cols {
		if c == l.Column {
			out := append([]string(nil), cols[:i+1]...)
			for _, lang := range l.Langs {
				out = append(out, c+"_label_"+lang)
			}
			return append(out, cols[i+1:]...), i
		}
	}
	return cols, -1
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
	return WriteOptions(w, f, run, rows, Options{})
}

// WriteOptions is Write with options.
func WriteOptions(w io.Writer, f Format, run Run, rows Rows, o Options) error {
	s := NewStreamOptions(w, f, run, rows.Columns, o)
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
	o     Options
	cols  []string // as written, label columns included
	given int      // the number of values Add takes
	at    int      // where the label columns go (-1: none)
	table Rows
	csv   *csv.Writer
	buf   bytes.Buffer // one indented JSON value
	n     int
	err   error
}

// NewStream starts writing rows with the columns in format f to w.
func NewStream(w io.Writer, f Format, run Run, columns []string) *Stream {
	return NewStreamOptions(w, f, run, columns, Options{})
}

// NewStreamOptions is NewStream with options.
func NewStreamOptions(w io.Writer, f Format, run Run, columns []string, o Options) *Stream {
	s := &Stream{w: bufio.NewWriterSize(w, 1<<16), f: f, o: o, cols: columns, given: len(columns), at: -1}
	if f != Table {
		s.cols, s.at = o.Labels.expand(columns)
	}
	s.table = Rows{Columns: s.cols}
	switch f {
	case CSV, RawCSV:
		if o.BOM {
			s.w.WriteString("\ufeff")
		}
		s.csv = csv.NewWriter(s.w)
		s.err = s.csv.Write(s.cols)
	case JSONL: // rows only
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

// Add writes a row; it must have one value per column (label columns are filled in).
func (s *Stream) Add(values ...any) {
	if len(values) != s.given {
		panic(fmt.Sprintf("output: row has %d values for %d columns", len(values), s.given))
	}
	if s.err != nil {
		return
	}
	if s.at >= 0 {
		l := s.o.Labels
		id, _ := values[s.at].(string)
		names := l.Of[id]
		row := append(make([]any, 0, len(s.cols)), values[:s.at+1]...)
		for i := range l.Langs {
			if i < len(names) {
				row = append(row, names[i])
			} else {
				row = append(row, "")
			}
		}
		values = append(row, values[s.at+1:]...)
	}
	switch s.f {
	case CSV, RawCSV:
		cells := make([]string, len(values))
		for i, v := range values {
			cells[i] = cell(v, false)
			if _, text := v.(string); text && s.f == CSV {
				cells[i] = NeutralizeFormula(cells[i])
			}
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
	case JSONL:
		o, err := RowObject(s.cols, values)
		if err != nil {
			s.err = err
			return
		}
		s.w.Write(o)
		s.err = s.w.WriteByte('\n')
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
	case CSV, RawCSV:
		s.csv.Flush()
		s.err = s.csv.Error()
	case JSON:
		if s.n > 0 {
			s.w.WriteString("\n  ")
		}
		s.w.WriteString("]\n}\n")
	case JSONL:
	default:
		s.err = writeTable(s.w, s.table, s.o.Width, s.o.KeepEnd)
	}
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// writeTable writes rows as columns aligned by display width (a combining mark, an Arabic
// diacritic, takes no column; an East Asian wide letter two), two spaces apart. With width > 0
// the widest columns are narrowed, their cells cut with "…", until a line fits in width.
func writeTable(w io.Writer, rows Rows, width int, keepEnd []string) error {
	cells := make([][]string, 0, len(rows.Data)+1)
	cells = append(cells, rows.Columns)
	for _, row := range rows.Data {
		c := make([]string, len(row))
		for i, v := range row {
			c[i] = TerminalSafe(cell(v, true))
		}
		cells = append(cells, c)
	}
	n := len(rows.Columns)
	widths := make([]int, n)
	for _, row := range cells {
		for i, c := range row {
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	if width > 0 {
		prose := make([]bool, n)
		for _, row := range cells[1:] {
			for i, c := range row {
				prose[i] = prose[i] || strings.ContainsRune(c, ' ')
			}
		}
		fitWidths(widths, rows.Columns, prose, width)
	}
	bw := bufio.NewWriter(w)
	var line strings.Builder
	for r, row := range cells {
		line.Reset()
		for i, c := range row {
			if dw := DisplayWidth(c); dw > widths[i] {
				if r > 0 && slices.Contains(keepEnd, rows.Columns[i]) {
					c = ShortenWidthLeft(c, widths[i])
				} else {
					c = ShortenWidth(c, widths[i])
				}
			}
			line.WriteString(c)
			if i < n-1 { // no padding after the last column
				line.WriteString(strings.Repeat(" ", widths[i]-DisplayWidth(c)+2))
			}
		}
		bw.WriteString(strings.TrimRight(line.String(), " "))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// minColumn is the narrowest a column of prose is made to fit a terminal.
const minColumn = 12

// fitWidths narrows the widest column of prose (one with a cell of several words: a text, a
// title, a context) a column at a time until the line (two spaces between columns) fits in
// width or every such column is at its floor: its header's width, and at least minColumn.
// Numbers, ids, dates and other one-word cells are never cut (a cut id or number is a wrong
// one): a table that still does not fit wraps as the terminal wraps it.
func fitWidths(widths []int, header []string, prose []bool, width int) {
	total := func() int {
		t := 2 * (len(widths) - 1)
		for _, w := range widths {
			t += w
		}
		return t
	}
	floor := make([]int, len(widths))
	for i, h := range header {
		floor[i] = widths[i]
		if prose[i] {
			floor[i] = min(widths[i], max(DisplayWidth(h), minColumn))
		}
	}
	for total() > width {
		widest := -1
		for i, w := range widths {
			if w > floor[i] && (widest < 0 || w > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		widths[widest]--
	}
}

// ShortenWidthLeft cuts s to at most w terminal columns keeping its end, beginning it with "…"
// when it was wider.
func ShortenWidthLeft(s string, w int) string {
	if DisplayWidth(s) <= w {
		return s
	}
	if w <= 1 {
		return "…"
	}
	var gs []string
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		gs = append(gs, g.Str())
	}
	used, i := 0, len(gs)
	for i > 0 && used+DisplayWidth(gs[i-1]) <= w-1 {
		i--
		used += DisplayWidth(gs[i])
	}
	return "…" + strings.TrimLeft(strings.Join(gs[i:], ""), " ")
}

// DisplayWidth is how many terminal columns s takes: combining marks (the Arabic harakat) none,
// East Asian wide and full-width characters two (Unicode's East Asian Width, UAX #11, as
// github.com/rivo/uniseg measures it).
func DisplayWidth(s string) int {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return len(s)
	}
	return uniseg.StringWidth(s)
}

// ShortenWidth cuts s to at most w terminal columns, ending it with "…" when it was wider;
// it cuts between grapheme clusters (a letter stays with its marks).
func ShortenWidth(s string, w int) string {
	if DisplayWidth(s) <= w {
		return s
	}
	if w <= 1 {
		return "…"
	}
	var b strings.Builder
	used := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if used+cw > w-1 {
			break
		}
		b.WriteString(g.Str())
		used += cw
	}
	return strings.TrimRight(b.String(), " ") + "…"
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
// readable. NaN and infinite floats become null. DEL, the C1 controls and the bidi controls,
// which encoding/json leaves raw, are written as \u escapes (the same string, safe on a
// terminal).
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
	out := bytes.TrimRight(b.Bytes(), "\n")
	if !bytes.ContainsFunc(out, IsUnsafe) { // C0 controls are escaped by encoding/json already
		return out, nil
	}
	var e bytes.Buffer
	for _, r := range string(out) {
		if IsUnsafe(r) {
			fmt.Fprintf(&e, "\\u%04x", r)
		} else {
			e.WriteRune(r)
		}
	}
	return e.Bytes(), nil
}

// NeutralizeFormula makes a text cell of a CSV file inert in a spreadsheet: one that begins
// with = + - @, a tab or a carriage return (which Excel, LibreOffice and Google Sheets would
// evaluate as a formula — "=HYPERLINK(…)" in an article's title) gets a ' before it, as OWASP
// advises (owasp.org/www-community/attacks/CSV_Injection). A number stays as it is (-0.0047).
func NeutralizeFormula(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
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
		} else if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.IsNil() {
			v = []any{} // a list is [] when empty, never null, whatever its type
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
// spaces, other control characters (an escape sequence in a corpus would recolour the screen,
// move the cursor or set the window title) and the bidi embeddings, overrides and isolates
// (which would reorder what follows them) become visible escapes such as \x1b and \u202e.
func TerminalSafe(v string) string {
	if !strings.ContainsFunc(v, IsUnsafe) {
		return v
	}
	var b strings.Builder
	for _, r := range v {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case IsUnsafe(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IsUnsafe is a rune a terminal acts on instead of showing: a C0 or C1 control or DEL, or a
// bidi embedding, override or isolate (IsBidiControl).
func IsUnsafe(r rune) bool { return r < 0x20 || r >= 0x7F && r < 0xA0 || IsBidiControl(r) }

// IsBidiControl is a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): in a
// label from a corpus, unbalanced, it reorders the text after it.
func IsBidiControl(r rune) bool { return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 }

// StripBidiControls removes the bidi embeddings, overrides and isolates from a string from a
// corpus (readout writes none itself).
func StripBidiControls(s string) string {
	if !strings.ContainsFunc(s, IsBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

func escapeRune(r rune) string {
	if r < 0x100 {
		return fmt.Sprintf("\\x%02x", r)
	}
	return fmt.Sprintf("\\u%04x", r)
}

// A SafeWriter passes text to a terminal (or a file) with the runes a terminal acts on made
// visible escapes, as TerminalSafe, but line breaks and tabs kept: for every byte readout
// prints that is not a file format of its own (messages, tables, text). Invalid UTF-8 passes
// through; a rune split between two writes is held until the next.
type SafeWriter struct {
	w    io.Writer
	held []byte
	// Raw passes every byte as it is (readout's --raw-csv, for pipelines).
	Raw bool
	// Color lets readout's own colours through: the escape sequences that start red and green
	// and reset (ESC[31m, ESC[32m, ESC[0m), all a corpus could do with them being colour.
	Color bool
}

// NewSafeWriter returns a SafeWriter writing to w.
func NewSafeWriter(w io.Writer) *SafeWriter { return &SafeWriter{w: w} }

var colorCodes = [][]byte{[]byte("\x1b[31m"), []byte("\x1b[32m"), []byte("\x1b[0m")}

// Underlying is the writer s writes to (to ask whether it is a terminal).
func (s *SafeWriter) Underlying() io.Writer { return s.w }

func (s *SafeWriter) Write(p []byte) (int, error) {
	if s.Raw && len(s.held) == 0 {
		return s.w.Write(p)
	}
	n := len(p)
	if len(s.held) > 0 {
		p = append(s.held, p...)
		s.held = nil
	}
	// hold back an incomplete rune, or the start of a colour code, at the end
	if i := lastRuneStart(p); i >= 0 && !utf8.FullRune(p[i:]) {
		s.held = append([]byte(nil), p[i:]...)
		p = p[:i]
	} else if s.Color {
		if i := bytes.LastIndexByte(p, 0x1b); i >= 0 && len(p)-i < 5 {
			for _, c := range colorCodes {
				if bytes.HasPrefix(c, p[i:]) {
					s.held = append([]byte(nil), p[i:]...)
					p = p[:i]
					break
				}
			}
		}
	}
	var b bytes.Buffer
	clean := 0 // p[:clean] needs no escape
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == '\n' || r == '\t' || size == 1 && r == utf8.RuneError || !IsUnsafe(r) {
			i += size
			continue
		}
		if s.Color && r == 0x1b {
			if c := colorAt(p[i:]); c > 0 {
				i += c
				continue
			}
		}
		b.Write(p[clean:i])
		b.WriteString(escapeRune(r))
		i += size
		clean = i
	}
	if clean == 0 {
		_, err := s.w.Write(p)
		return n, err
	}
	b.Write(p[clean:])
	_, err := s.w.Write(b.Bytes())
	return n, err
}

func colorAt(p []byte) int {
	for _, c := range colorCodes {
		if bytes.HasPrefix(p, c) {
			return len(c)
		}
	}
	return 0
}

// lastRuneStart is the index of the start of the last rune of p (-1 for none).
func lastRuneStart(p []byte) int {
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax; i-- {
		if utf8.RuneStart(p[i]) {
			return i
		}
	}
	return -1
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
