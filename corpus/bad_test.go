package corpus

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
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
		{"malformed row", map[string]string{"a.txt": string(good), "manifest.csv": "file,id,date\na.txt,a,2022-01-01,extra\n"}, nil,
			[]string{"manifest.csv:2", "row has 4 fields but the header has 3", "quote fields"}},
		{"bad quoting", map[string]string{"a.txt": string(good), "manifest.csv": "file,id\n\"a.txt,a\n"}, nil,
			[]string{"manifest.csv:2", "malformed CSV"}},
		{"no file column", map[string]string{"a.txt": string(good), "manifest.csv": "path,id\na.txt,a\n"}, nil,
			[]string{"manifest.csv:1", "no file column"}},
		{"jsonl line not json", map[string]string{"d.jsonl": "{\"text\":\"نص\"}\n{text: نص}\n"}, []string{"d.jsonl"},
			[]string{"d.jsonl:2", "not a JSON object", "one JSON object per line"}},
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

func TestNoDocuments(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "notes.pdf", []byte("%PDF"))
	_, err := Load([]string{dir}, Options{})
	if err == nil || !strings.Contains(err.Error(), "no documents found") {
		t.Errorf("err = %v", err)
	}
}
