package output

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode"
)

func TestWriteFormats(t *testing.T) {
	rows := Rows{Columns: []string{"theme", "per_1k", "warnings", "note"}}
	rows.Add("sovereignty", 1.25, []string{"a", "b"}, `<"شي">`)
	rows.Add("un", math.NaN(), []string(nil), nil)
	var b bytes.Buffer
	if err := Write(&b, CSV, Run{}, rows); err != nil {
		t.Fatal(err)
	}
	want := "theme,per_1k,warnings,note\nsovereignty,1.25,a; b,\"<\"\"شي\"\">\"\nun,,,\n"
	if b.String() != want {
		t.Errorf("csv =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := Write(&b, JSON, Run{Tool: "readout", Parameters: map[string]any{"z": 1, "a": 2}}, rows); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, w := range []string{`"per_1k": null`, `"warnings": []`, `"note": "<\"شي\">"`, `"a": 2,`} {
		if !strings.Contains(s, w) {
			t.Errorf("json lacks %s:\n%s", w, s)
		}
	}
	if strings.Index(s, `"theme"`) > strings.Index(s, `"per_1k"`) {
		t.Error("json keys are not in column order")
	}
}

func TestParseFormat(t *testing.T) {
	if _, err := ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), `unsupported format "xml"`) {
		t.Errorf("err = %v", err)
	}
}

// JSON is written a row at a time, laid out exactly as json.Indent lays out the whole
// document (what Write did before it streamed): checked for no rows, one, and several.
func TestJSONStreamsAsIndented(t *testing.T) {
	run := Run{Tool: "readout", Command: "x", Parameters: map[string]any{"b": []int{1, 2}, "a": map[string]any{"k": "شي"}}}
	for n := range 4 {
		rows := Rows{Columns: []string{"doc", "n", "ops", "note"}}
		for i := range n {
			rows.Add("d"+strings.Repeat("ي", i), i, []map[string]any{{"op": "=", "text": "<a> & b"}}, nil)
		}
		var got bytes.Buffer
		if err := Write(&got, JSON, run, rows); err != nil {
			t.Fatal(err)
		}
		// the reference: the document built whole, then indented
		var compact bytes.Buffer
		r, _ := Marshal(run)
		compact.WriteString(`{"run":` + string(r) + `,"rows":[`)
		for i, row := range rows.Data {
			if i > 0 {
				compact.WriteByte(',')
			}
			o, err := RowObject(rows.Columns, row)
			if err != nil {
				t.Fatal(err)
			}
			compact.Write(o)
		}
		compact.WriteString("]}")
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		want.WriteByte('\n')
		if got.String() != want.String() {
			t.Errorf("%d rows:\n%s\nwant\n%s", n, got.String(), want.String())
		}
	}
}

// A corpus's control characters never reach the terminal: an escape sequence in a document
// would recolour or move the cursor.
func TestTableIsTerminalSafe(t *testing.T) {
	var b strings.Builder
	st := NewStream(&b, Table, Run{}, []string{"text"})
	st.Add("قال \x1b[31mشي\x1b[0m\tإن\r\nالتعاون \u0085مهم")
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(got) != 2 || strings.ContainsFunc(got[1], unicode.IsControl) || !strings.Contains(got[1], `\x1b[31mشي\x1b[0m إن  التعاون \x85مهم`) {
		t.Errorf("table: %q", b.String())
	}
}

// The SafeWriter (stderr, text output) shows what a terminal would act on as escapes — C0 and
// C1 controls, DEL, OSC sequences, the bidi embeddings, overrides and isolates — keeps line
// breaks, tabs and invalid bytes, and holds a rune split between two writes.
func TestSafeWriter(t *testing.T) {
	var b strings.Builder
	w := NewSafeWriter(&b)
	in := "doc \x1b]0;owned\x07 title\tشي\u202eإن\u2066x\u2069\x7f\u009b\n\xff ok\n"
	raw := []byte(in)
	cut := strings.Index(in, "شي") + 1 // inside the two bytes of ش
	w.Write(raw[:cut])
	w.Write(raw[cut:])
	want := "doc \\x1b]0;owned\\x07 title\tشي\\u202eإن\\u2066x\\u2069\\x7f\\x9b\n\xff ok\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

// JSON carries a corpus's controls as \u escapes: the same strings, safe on a terminal.
func TestMarshalEscapesControls(t *testing.T) {
	b, err := Marshal("a\x1bb\u009bc\u202ed\x7f")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `"a\u001bb\u009bc\u202ed\u007f"` {
		t.Errorf("Marshal = %s", b)
	}
	var back string
	if err := json.Unmarshal(b, &back); err != nil || back != "a\x1bb\u009bc\u202ed\x7f" {
		t.Errorf("round trip %q %v", back, err)
	}
}

// A CSV cell a spreadsheet would run as a formula gets a ' in front (OWASP); numbers, plain
// text and RawCSV are left as they are.
func TestCSVFormulaInjection(t *testing.T) {
	for _, raw := range []bool{false, true} {
		var b strings.Builder
		f := CSV
		if raw {
			f = RawCSV
		}
		st := NewStream(&b, f, Run{}, []string{"id", "title", "n", "s"})
		st.Add("=HYPERLINK(\"http://x\",\"y\")", "+1 call", -0.0047, "-0.5")
		st.Add("@SUM(A1)", "-cmd|' /C calc'!A0", 3, "\tx")
		st.Add("plain", "صيغة=لا", 1.5, "")
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		want := "id,title,n,s\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1 call,-0.0047,-0.5\n'@SUM(A1),'-cmd|' /C calc'!A0,3,'\tx\nplain,صيغة=لا,1.5,\n"
		if raw {
			want = "id,title,n,s\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+1 call,-0.0047,-0.5\n@SUM(A1),-cmd|' /C calc'!A0,3,\"\tx\"\nplain,صيغة=لا,1.5,\n"
		}
		if b.String() != want {
			t.Errorf("raw %v:\n got %q\nwant %q", raw, b.String(), want)
		}
	}
}

func TestShortenLeft(t *testing.T) {
	if got := ShortenLeft("abcdefgh", 4); got != "…fgh" {
		t.Errorf("ShortenLeft = %q", got)
	}
	if got := ShortenLeft("abc", 4); got != "abc" {
		t.Errorf("ShortenLeft = %q", got)
	}
}

// With Color, readout's own red, green and reset pass, also split between writes; any other
// escape is still shown.
func TestSafeWriterColor(t *testing.T) {
	var b strings.Builder
	w := NewSafeWriter(&b)
	w.Color = true
	in := []byte("\x1b[31mold\x1b[0m \x1b[32mnew\x1b[0m \x1b]0;x\x07 \x1b[2J")
	w.Write(in[:len("\x1b[31mold\x1b[")])
	w.Write(in[len("\x1b[31mold\x1b["):])
	if want := "\x1b[31mold\x1b[0m \x1b[32mnew\x1b[0m \\x1b]0;x\\x07 \\x1b[2J"; b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestParseFormatNames(t *testing.T) {
	for in, want := range map[string]Format{"table": Table, "text": Table, "TEXT": Table, "csv": CSV, "json": JSON, "jsonl": JSONL} {
		if f, err := ParseFormat(in); err != nil || f != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, f, err, want)
		}
	}
}

// A table's columns line up by display width: an Arabic diacritic takes no column, a CJK
// letter two (the column after each must start at the same terminal column on every line).
func TestTableDisplayWidth(t *testing.T) {
	rows := Rows{Columns: []string{"term", "n"}}
	rows.Add("السِّيَادَةُ", 1) // six harakat: 13 runes, 7 columns
	rows.Add("السيادة", 2)
	rows.Add("主权", 3) // two wide letters: 4 columns
	var b bytes.Buffer
	if err := Write(&b, Table, Run{}, rows); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for _, l := range lines {
		i := strings.LastIndexByte(l, ' ')
		if got := DisplayWidth(l[:i+1]); got != 9 { // "السيادة" (7) and two spaces
			t.Errorf("line %q: the second column starts at %d, want 9", l, got)
		}
	}
}

// Fitted to a terminal, the widest columns are cut with "…" until every line fits; without a
// width nothing is cut (a file keeps every cell whole).
func TestTableFitsWidth(t *testing.T) {
	rows := Rows{Columns: []string{"doc", "text", "speaker"}}
	long := strings.Repeat("قال الرئيس شي إن التعاون مهم ", 10)
	rows.Add("2022-02-04-beijing", long, "xi")
	rows.Add("b", "short", "putin")
	var b bytes.Buffer
	if err := WriteOptions(&b, Table, Run{}, rows, Options{Width: 60}); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if w := DisplayWidth(l); w > 60 {
			t.Errorf("line %d columns wide, want ≤ 60: %q", w, l)
		}
	}
	if !strings.Contains(b.String(), "…") || !strings.Contains(b.String(), "2022-02-04-beijing") {
		t.Errorf("the text column should be cut and the id kept:\n%s", b.String())
	}
	b.Reset()
	if err := Write(&b, Table, Run{}, rows); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "…") || !strings.Contains(b.String(), strings.TrimSpace(long)) {
		t.Errorf("without a width a cell was cut:\n%s", b.String())
	}
}

func TestShortenWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"sovereignty", 20, "sovereignty"},
		{"sovereignty", 6, "sover…"},
		{"السِّيادة والتعاون", 6, "السِّيا…"}, // five letters, the shadda and kasra with theirs
		{"主权和主权", 5, "主权…"},
	} {
		got := ShortenWidth(c.in, c.w)
		if got != c.want || DisplayWidth(got) > c.w {
			t.Errorf("ShortenWidth(%q, %d) = %q (%d columns), want %q", c.in, c.w, got, DisplayWidth(got), c.want)
		}
	}
}

// CSV with a BOM for Excel, label columns beside an id column in CSV and JSONL (never in a
// table), and JSONL one object a line with no run record.
func TestStreamOptions(t *testing.T) {
	rows := Rows{Columns: []string{"doc", "theme", "count"}}
	rows.Add("a", "sovereignty", 3)
	rows.Add("b", "nosuch", 1)
	labels := &Labels{Column: "theme", Langs: []string{"ar", "en"}, Of: map[string][]string{"sovereignty": {"السيادة", "Sovereignty"}}}
	var b bytes.Buffer
	if err := WriteOptions(&b, CSV, Run{}, rows, Options{BOM: true, Labels: labels}); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffdoc,theme,theme_label_ar,theme_label_en,count\na,sovereignty,السيادة,Sovereignty,3\nb,nosuch,,,1\n"
	if b.String() != want {
		t.Errorf("csv =\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	if err := WriteOptions(&b, JSONL, Run{Tool: "readout"}, rows, Options{Labels: labels}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 || strings.Contains(b.String(), `"run"`) {
		t.Fatalf("jsonl =\n%s", b.String())
	}
	var o map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &o); err != nil || o["theme_label_en"] != "Sovereignty" || o["count"] != 3.0 {
		t.Errorf("first line %s: %v %v", lines[0], o, err)
	}
	b.Reset()
	if err := WriteOptions(&b, Table, Run{}, rows, Options{Labels: labels, BOM: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "label") || strings.HasPrefix(b.String(), "\ufeff") {
		t.Errorf("a table has no label columns and no BOM:\n%s", b.String())
	}
}

// Fitting never cuts an id, a date or a number (cells of one word), and a left context is cut
// at its start.
func TestTableFitKeepsIDs(t *testing.T) {
	rows := Rows{Columns: []string{"doc", "left", "match", "n"}}
	rows.Add("2022-02-04-beijing", "قال الرئيس شي إن الصين وروسيا تحترمان", "السيادة", -14.597)
	var b bytes.Buffer
	if err := WriteOptions(&b, Table, Run{}, rows, Options{Width: 50, KeepEnd: []string{"left"}}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, w := range []string{"2022-02-04-beijing", "-14.597", "السيادة", "  …سيا تحترمان  "} {
		if !strings.Contains(got, w) {
			t.Errorf("fitted table lacks %q:\n%s", w, got)
		}
	}
}

// An empty list is [] in JSON whatever its element type, never null.
func TestEmptyListsAreArrays(t *testing.T) {
	type op struct{ K string }
	b, err := RowObject([]string{"ops", "names", "n"}, []any{[]op(nil), []string(nil), nil})
	if err != nil || string(b) != `{"ops":[],"names":[],"n":null}` {
		t.Errorf("%s %v", b, err)
	}
}
