package corpus

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	utf16enc "unicode/utf16"
	"unsafe"
)

// Each bad input gets a message that names the file (and manifest line) and says what to do.
func TestBadInputs(t *testing.T) {
	good := []byte("قال الرئيس شي إن التعاون مهم.")
	cases := []struct {
		name  string
		files map[string]string
		args  []string // relative to the temp dir; default: the dir itself
		want  []string // substrings of the one problem
	}{
		{"missing listed file", map[string]string{"manifest.csv": "file,id\nmissing.txt,m\n"}, nil,
			[]string{"manifest.csv:2", "missing.txt does not exist", "fix the file column"}},
		{"file listed twice", map[string]string{"a.txt": string(good), "manifest.csv": "file,id\na.txt,x\na.txt,y\n"}, nil,
			[]string{"manifest.csv:3", "a.txt is listed twice (first on line 2)"}},
		{"file given twice", map[string]string{"a.txt": string(good)}, []string{"a.txt", "a.txt"},
			[]string{"a.txt", "is given twice"}},
		{"duplicate id", map[string]string{"a.txt": string(good), "b.txt": string(good), "manifest.csv": "file,id\na.txt,same\nb.txt,same\n"}, nil,
			[]string{"b.txt", `duplicate id "same"`, "a.txt", "give each document its own id"}},
		{"binary file", map[string]string{"bin.txt": "PK\x03\x04\x00\x00binary"}, nil,
			[]string{"bin.txt", "binary file", "remove it"}},
		{"empty file", map[string]string{"empty.txt": ""}, nil,
			[]string{"empty.txt", "is empty (0 bytes)"}},
		{"white space only", map[string]string{"blank.txt": " \n\u00a0\n"}, nil,
			[]string{"blank.txt", "has no text"}},
		{"unparseable date", map[string]string{"a.txt": string(good), "manifest.csv": "file,id,date\na.txt,a,March 2022\n"}, nil,
			[]string{"manifest.csv:2", `unparseable date "March 2022"`, "yyyy-mm-dd"}},
		{"date out of range", map[string]string{"a.txt": string(good), "manifest.csv": "file,id,date\na.txt,a,9999-12-31\n"}, nil,
			[]string{"manifest.csv:2", `date "9999-12-31"`, "year 9999 is out of range", "1900 to 2100"}},
		{"no such day", map[string]string{"a.txt": string(good), "manifest.csv": "file,id,date\na.txt,a,2023-02-29\n"}, nil,
			[]string{"manifest.csv:2", "no day 29 in February 2023 (it has 28 days)"}},
		{"timestamp out of range", map[string]string{"d.jsonl": `{"text":"نص","date":"9999-12-31T00:00:00Z"}` + "\n"}, []string{"d.jsonl"},
			[]string{"d.jsonl:1", "year 9999 is out of range"}},
		{"utf-32 with bom", map[string]string{"a.txt": utf32(good, true, true)}, nil,
			[]string{"a.txt", "is UTF-32LE text", "iconv -f UTF-32"}},
		{"utf-32be without bom", map[string]string{"a.txt": utf32(good, false, false)}, nil,
			[]string{"a.txt", "looks like UTF-32BE text without a byte-order mark"}},
		{"utf-16le without bom", map[string]string{"a.txt": utf16(good, true)}, nil,
			[]string{"a.txt", "looks like UTF-16LE text without a byte-order mark", "--encoding utf-16le"}},
		{"utf-16be without bom", map[string]string{"a.txt": utf16([]byte("Xi spoke of sovereignty."), false)}, nil,
			[]string{"a.txt", "looks like UTF-16BE text", "--encoding utf-16be"}},
		{"html nested too deep", map[string]string{"a.html": "<html><body>" + strings.Repeat("<div>", 600) + "نص" + "</body></html>"}, nil,
			[]string{"a.html", "nest more than 512 deep", "save the page's text as a .txt file"}},
		{"malformed row", map[string]string{"a.txt": string(good), "manifest.csv": "file,id,date\na.txt,a,2022-01-01,extra\n"}, nil,
			[]string{"manifest.csv:2", "row has 4 fields but the header has 3", "quote fields"}},
		{"bad quoting", map[string]string{"a.txt": string(good), "manifest.csv": "file,id\n\"a.txt,a\n"}, nil,
			[]string{"manifest.csv:2", "malformed CSV"}},
		// an unclosed quotation is reported where its row begins, not where the reader gave up
		{"unclosed quotation", map[string]string{"a.txt": string(good), "b.txt": string(good), "manifest.csv": "file,id,title\na.txt,a,\"Open title\nb.txt,b,Fine\n"}, nil,
			[]string{"manifest.csv:2:", "runs on to line 3", "the rows after it are checked once it is fixed"}},
		{"no file column", map[string]string{"a.txt": string(good), "manifest.csv": "path,id\na.txt,a\n"}, nil,
			[]string{"manifest.csv:1", "no file column"}},
		{"jsonl line not json", map[string]string{"d.jsonl": "{\"text\":\"نص\"}\n{text: نص}\n"}, []string{"d.jsonl"},
			[]string{"d.jsonl:2", "not a JSON object", "one JSON object per line"}},
		{"jsonl line an array", map[string]string{"d.jsonl": "{\"text\":\"نص\"}\n[\"id\", \"نص\"]\n"}, []string{"d.jsonl"},
			[]string{"d.jsonl:2", "the line is a JSON array", "one JSON object per line"}},
		{"jsonl without text", map[string]string{"d.jsonl": "{\"id\":\"x\"}\n"}, []string{"d.jsonl"},
			[]string{"d.jsonl:1", `no "text"`}},
		{"path outside corpus", map[string]string{"a.txt": string(good), "manifest.csv": "file,id\n../etc/passwd,p\n"}, nil,
			[]string{"manifest.csv:2", "outside the corpus directory; refused"}},
		{"absolute path", map[string]string{"a.txt": string(good), "manifest.csv": "file,id\n/etc/passwd,p\n"}, nil,
			[]string{"manifest.csv:2", "outside the corpus directory; refused"}},
		{"unsupported language", map[string]string{"a.txt": string(good), "manifest.csv": "file,id,language\na.txt,a,fr\n"}, nil,
			[]string{"manifest.csv:2", `language "fr" is not supported`, "use ar or en"}},
		{"missing path", nil, []string{"nope"},
			[]string{"nope", "no such file or directory"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range c.files {
				write(t, dir, name, []byte(body))
			}
			args := []string{dir}
			if c.args != nil {
				args = nil
				for _, a := range c.args {
					args = append(args, filepath.Join(dir, a))
				}
			}
			co, err := Load(args, Options{})
			if err == nil {
				t.Fatalf("loaded %d documents, want an error", len(co.Docs))
			}
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) != 1 {
				t.Fatalf("err = %v, want one problem", err)
			}
			msg := le.Problems[0].String()
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not contain %q", msg, w)
				}
			}
			if !strings.Contains(err.Error(), "--skip-bad") {
				t.Errorf("error does not mention --skip-bad: %v", err)
			}
		})
	}
}

// A message that would list more than MaxListed problems gives the count of the rest.
func TestManyProblemsSummarised(t *testing.T) {
	dir := t.TempDir()
	for i := range MaxListed + 5 {
		write(t, dir, fmt.Sprintf("empty%02d.txt", i), nil)
	}
	_, err := Load([]string{dir}, Options{})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if n := strings.Count(msg, "is empty"); n != MaxListed {
		t.Errorf("the message lists %d problems, want %d:\n%s", n, MaxListed, msg)
	}
	if !strings.Contains(msg, "25 problems") || !strings.Contains(msg, "… and 5 more") {
		t.Errorf("the message does not count the rest:\n%s", msg)
	}
}

// utf16 and utf32 write text in those encodings, little- or big-endian, with or without a mark.
func utf16(b []byte, le bool) string {
	var out []byte
	for _, u := range utf16enc.Encode([]rune(string(b))) {
		if le {
			out = append(out, byte(u), byte(u>>8))
		} else {
			out = append(out, byte(u>>8), byte(u))
		}
	}
	return string(out)
}

func utf32(b []byte, le, bom bool) string {
	rs := []rune(string(b))
	if bom {
		rs = append([]rune{0xFEFF}, rs...)
	}
	var out []byte
	for _, r := range rs {
		if le {
			out = append(out, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		} else {
			out = append(out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		}
	}
	return string(out)
}

// With SkipBad the good documents load and the bad ones are listed.
func TestSkipBad(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", []byte("قال الرئيس شي إن التعاون مهم."))
	write(t, dir, "empty.txt", nil)
	write(t, dir, "bin.txt", []byte{0, 1, 2, 3})
	if _, err := Load([]string{dir}, Options{}); err == nil {
		t.Fatal("without SkipBad: no error")
	} else if le := (*LoadError)(nil); !errors.As(err, &le) || len(le.Problems) != 2 {
		t.Fatalf("all problems are reported at once: %v", err)
	}
	c, err := Load([]string{dir}, Options{SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || c.Docs[0].ID != "good" || len(c.Skipped) != 2 {
		t.Errorf("docs %s, skipped %v", docIDs(c), c.Skipped)
	}
}

// A PDF or a ZIP archive (a .docx) given as a document is named for what it is.
func TestBinaryKindsNamed(t *testing.T) {
	dir := t.TempDir()
	for name, b := range map[string]string{"brief.txt": "%PDF-1.7\n\x00\x01", "memo.txt": "PK\x03\x04\x14\x00\x00"} {
		p := write(t, dir, name, []byte(b))
		_, err := Load([]string{p}, Options{})
		want := map[string]string{"brief.txt": "it is a PDF", "memo.txt": "it is a ZIP archive"}[name]
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", name, err, want)
		}
	}
}

func TestNoDocuments(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "notes.pdf", []byte("%PDF"))
	_, err := Load([]string{dir}, Options{})
	if err == nil || !strings.Contains(err.Error(), "no documents found") {
		t.Errorf("err = %v", err)
	}
	// the file passed over is named: it is why nothing was found
	if err == nil || !strings.Contains(err.Error(), "notes.pdf: passed over") {
		t.Errorf("err = %v, want the PDF named", err)
	}
}

// A manifest saved with CR line ends (a spreadsheet's "CSV (Macintosh)") keeps its metadata.
func TestCROnlyManifest(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("قال الرئيس شي إن التعاون مهم."))
	write(t, dir, "b.txt", []byte("Putin spoke of energy."))
	write(t, dir, "manifest.csv", []byte("file,id,date,title\ra.txt,first,2020-01-02,One\rb.txt,second,2021-03-04,Two\r"))
	c, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := docIDs(c); got != "first,second" {
		t.Fatalf("ids %v: the manifest's rows were not read", got)
	}
	if !strings.Contains(strings.Join(c.Notes, "\n"), "manifest.csv: read with CR line ends") {
		t.Errorf("notes %q: the CR line ends are not said", c.Notes)
	}
	if d := c.Docs[1]; d.Title != "Two" || d.Date.Format("2006-01-02") != "2021-03-04" {
		t.Errorf("second document: title %q, date %v", d.Title, d.Date)
	}
}

// A document the boilerplate rules leave without text is named in a note, with the rules, in
// an eager and a lazy load alike.
func TestRulesRemovingAllText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("Share this\nRead more"))
	write(t, dir, "b.txt", []byte("Xi spoke of sovereignty and the United Nations."))
	for _, lazy := range []bool{false, true} {
		c, err := Load([]string{dir}, Options{Lazy: lazy})
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		for _, n := range c.Notes {
			if strings.Contains(n, "removed all its text") {
				notes = append(notes, n)
			}
		}
		if len(notes) != 1 || !strings.Contains(notes[0], "a.txt") || !strings.Contains(notes[0], "share, section-label") {
			t.Errorf("lazy %v: notes %q, want one for a.txt naming share and section-label", lazy, c.Notes)
		}
	}
}

// Standard input (- or /dev/stdin) is a page when it begins as one, text otherwise, unless
// StdinFormat says which.
func TestStdinFormat(t *testing.T) {
	page := "<!-- saved -->\n<!DOCTYPE html><html><body><article><p>Xi Jinping spoke of sovereignty and the partnership at length in Moscow.</p></article></body></html>"
	for _, c := range []struct {
		path, format, in string
		html             bool
	}{
		{"-", "", page, true},
		{"/dev/stdin", "auto", page, true},
		{"-", "text", page, false},
		{"-", "", "Xi spoke of <b>sovereignty</b>.", false},
		{"-", "html", "<p>Xi spoke of sovereignty.</p>", true},
	} {
		co, err := Load([]string{c.path}, Options{Stdin: strings.NewReader(c.in), StdinFormat: c.format})
		if err != nil {
			t.Fatal(err)
		}
		if got := !strings.Contains(co.Docs[0].Text, "<"); got != c.html {
			t.Errorf("%s %q %.30q: read as HTML %v, want %v:\n%s", c.path, c.format, c.in, got, c.html, co.Docs[0].Text)
		}
	}
}

// What a document keeps once its text is released (a lazy load) is no window on that text: a
// removed line, the dateline, the title are copies, so that a corpus of 80,000 articles does
// not hold every article's text through them (BENCHMARKS, "themes" memory at 80,000).
func TestMetadataDoesNotHoldText(t *testing.T) {
	within := func(s, text string) bool {
		if len(s) == 0 || len(text) == 0 {
			return false
		}
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= lo && p < lo+uintptr(len(text))
	}
	dir := t.TempDir()
	// a dateline, furniture the edges rule removes, a head line, no manifest title
	write(t, dir, "a.txt", []byte("موقع إخباري متخصص\nبكين، 5 فبراير 2022 (شينخوا) -- قال الرئيس شي جين بينغ إن التعاون بين البلدين مهم جدا في هذه المرحلة من العلاقات.\nوأكد الرئيس بوتين أن الشراكة بين البلدين تتعزز عاما بعد عام في مجالات عديدة ومتنوعة.\nشارك\nاقرأ أيضا"))
	write(t, dir, "b.txt", []byte("MOSCOW, Oct 18 (Reuters) - Xi Jinping said the partnership between the two countries had grown stronger this year.\nPutin said energy cooperation would continue for many years to come, officials said on Monday.\nShare this\n12 comments\nHome World Politics Business"))
	c, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Docs {
		if len(d.Removed) == 0 || d.Dateline == "" {
			t.Fatalf("%s: the fixture should have removed lines and a dateline: %+v", d.ID, d.Removed)
		}
		kept := map[string]string{"title": d.Title, "dateline": d.Dateline, "credit": d.Credit}
		for i, r := range d.Removed {
			kept[fmt.Sprintf("removed line %d", i)] = r.Text
		}
		for what, s := range kept {
			if within(s, d.Text) || within(s, d.Clean) {
				t.Errorf("%s: its %s %q is a window on its text", d.ID, what, s)
			}
		}
	}
}

// Files of the same name in two folders given take their paths as ids (less the folders all
// share), with a note; the same id from a manifest is still a problem.
func TestSameFileNameInTwoFolders(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"pages-a", "pages-b"} {
		write(t, filepath.Join(root, dir), "index.txt", []byte("Xi and Putin met in Moscow and spoke of trade."))
	}
	c, err := Load([]string{filepath.Join(root, "pages-a"), filepath.Join(root, "pages-b")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 2 || c.Docs[0].ID != "pages-a/index" || c.Docs[1].ID != "pages-b/index" {
		t.Fatalf("ids %v", []string{c.Docs[0].ID, c.Docs[len(c.Docs)-1].ID})
	}
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0], "pages-a/index, pages-b/index") {
		t.Errorf("notes %q", c.Notes)
	}
}
