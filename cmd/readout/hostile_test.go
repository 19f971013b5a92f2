package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileCorpus is a corpus whose ids, titles and text carry escape sequences, formulas and
// bidi controls (written here, in the test's temporary directory).
func hostileCorpus(t *testing.T) string {
	t.Helper()
	c := t.TempDir()
	files := map[string]string{
		"a.txt":        "Xi Jinping said that \x1b]0;owned\x07 sovereignty and energy matter.\n",
		"b.txt":        "Putin said energy cooperation \u202eis key.\n",
		"manifest.csv": "file,id,date,title\na.txt,\"=HYPERLINK(\"\"http://evil\"\")\",2020-01-02,\"\x1b[31mred title\"\nb.txt,@SUM(1),2021-01-02,-2+3\n",
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(c, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// Nothing from a corpus reaches the terminal raw — tables, text output and error messages show
// its control characters and bidi controls as escapes — and CSV cells a spreadsheet would run
// are neutralised, unless --raw-csv.
func TestHostileCorpusOutput(t *testing.T) {
	c := hostileCorpus(t)
	raw := func(s string) bool { return strings.ContainsAny(s, "\x1b\x07\u202e") }
	for _, args := range [][]string{{"kwic", c, "energy"}, {"corpus", c}, {"text", c}, {"themes", c, "--format", "json"}, {"sentences", c}} {
		out, stderr, code := runCmd(t, args...)
		if code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
		if raw(out) || raw(stderr) {
			t.Errorf("%v: raw control characters in\n%q", args, out)
		}
	}
	out, _, _ := runCmd(t, "kwic", c, "energy")
	if !strings.Contains(out, `\x1b]0;owned\x07`) {
		t.Errorf("kwic does not show the escape:\n%s", out)
	}
	// an error message naming a hostile file
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "x\x1b[2J.txt"), nil, 0o644)
	if _, stderr, code := runCmd(t, "corpus", bad); code != 1 || raw(stderr) || !strings.Contains(stderr, `x\x1b[2J.txt`) {
		t.Errorf("error message: %d %q", code, stderr)
	}
	out, _, _ = runCmd(t, "themes", c, "--format", "csv", "--theme", "energy")
	if !strings.Contains(out, `"'=HYPERLINK(""http://evil"")",energy`) || !strings.Contains(out, "'@SUM(1),energy") {
		t.Errorf("CSV cells not neutralised:\n%s", out)
	}
	out, _, _ = runCmd(t, "themes", c, "--format", "csv", "--theme", "energy", "--raw-csv")
	if !strings.Contains(out, `"=HYPERLINK(""http://evil"")",energy`) || !strings.Contains(out, "\n@SUM(1),energy") {
		t.Errorf("--raw-csv changed cells:\n%s", out)
	}
}

// A chart may go beside a document named on the command line (it is not read as one), but not
// into a corpus directory, reached through a link or not.
func TestChartOutputBesideNamedFile(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "2020-07-08-call.txt"), filepath.Join(dir, "2022-02-04-talks.txt")
	os.WriteFile(a, []byte("Xi Jinping said energy and sovereignty matter.\n"), 0o644)
	os.WriteFile(b, []byte("Putin said energy cooperation grows.\n"), 0o644)
	if _, stderr, code := runCmd(t, "chart", "rates", a, b, "-o", filepath.Join(dir, "rates.png")); code != 0 {
		t.Errorf("beside a named file: %s", stderr)
	}
	link := filepath.Join(t.TempDir(), "clink")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip(err)
	}
	if _, stderr, code := runCmd(t, "chart", "rates", dir, "-o", filepath.Join(link, "x.png")); code != 1 || !strings.Contains(stderr, "inside the corpus directory") {
		t.Errorf("into the corpus through a link: %d %s", code, stderr)
	}
}
