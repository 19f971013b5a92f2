package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The bad-input suite of testdata/bad: each input gets its clear message (naming the file, and
// the line where there is one) or is processed; nothing panics, nothing is written.
func TestBadInputSuite(t *testing.T) {
	bad := filepath.Join("..", "..", "testdata", "bad")
	cases := []struct {
		name string
		args []string
		code int
		want []string // in stderr (failures) or stdout (processed)
	}{
		{"binary file", []string{"corpus", filepath.Join(bad, "binary")}, 1, []string{"image.txt", "binary file"}},
		{"NUL bytes", []string{"corpus", filepath.Join(bad, "nul")}, 1, []string{"nul.txt", "NUL bytes"}},
		{"0-byte file", []string{"corpus", filepath.Join(bad, "empty")}, 1, []string{"empty.txt", "is empty (0 bytes)"}},
		{"invalid UTF-8", []string{"corpus", filepath.Join(bad, "invalid-utf8")}, 1, []string{"broken.txt", "neither valid UTF-8 nor plausible Windows-1256", "--encoding"}},
		{"mixed encodings are each decoded", []string{"themes", filepath.Join(bad, "mixed-encodings"), "--theme", "sovereignty", "--format", "csv"}, 0, []string{"cp1256,sovereignty,السيادة,sovereignty,1,", "utf8,sovereignty,السيادة,sovereignty,1,"}},
		{"manifest with wrong columns", []string{"corpus", filepath.Join(bad, "manifest-wrong-columns")}, 1, []string{"manifest.csv:1", "no file column"}},
		{"duplicate ids", []string{"corpus", filepath.Join(bad, "manifest-duplicate-ids")}, 1, []string{"b.txt", `duplicate id "same"`}},
		{"path outside the corpus", []string{"corpus", filepath.Join(bad, "manifest-outside")}, 1, []string{"manifest.csv:2", "outside the corpus directory; refused"}},
		{"HTML with scripts", []string{"kwic", filepath.Join(bad, "html-scripts"), "--theme", "sovereignty", "--format", "csv"}, 0, []string{"السيادة"}},
		{"invalid YAML lexicon", []string{"themes", "--lexicon", filepath.Join(bad, "lexicons", "invalid.yaml")}, 1, []string{"invalid.yaml", "invalid YAML"}},
		{"lexicon with empty terms", []string{"lexicon", "check", filepath.Join(bad, "lexicons", "empty-terms.yaml")}, 1, []string{`empty-terms.yaml:2: theme "a" is empty`, `empty-terms.yaml:5: terms "ـــ" normalizes to nothing`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, code := runCmd(t, c.args...)
			got := stderr
			if c.code == 0 {
				got = out
			} else if c.args[0] == "lexicon" {
				got = out + stderr
			}
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout %s\nstderr %s", code, c.code, out, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
				t.Error("stack trace")
			}
		})
	}
	// The scripts and navigation of the HTML page are not text: only the paragraph counts.
	out, _, _ := runCmd(t, "themes", filepath.Join(bad, "html-scripts"), "--theme", "brics,un", "--format", "csv")
	if !strings.Contains(out, "page,un,الأمم المتحدة,United Nations,0,") || !strings.Contains(out, "page,brics,بريكس,BRICS,0,") {
		t.Errorf("script or nav text was counted:\n%s", out)
	}
}

// A 50 MB file without a newline is processed, not refused, and does not hang.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	unit := "قال الرئيس شي إن السيادة مهمة والتعاون ضروري، "
	f, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < 50<<20; n += len(unit) {
		f.WriteString(unit)
	}
	f.Close()
	out, stderr, code := runCmd(t, "themes", dir, "--theme", "sovereignty", "--format", "csv")
	if code != 0 || !strings.Contains(out, "big,sovereignty,") {
		t.Fatalf("exit %d: %.300s %s", code, out, stderr)
	}
}

// A failed report leaves no partial file behind: an output directory whose files cannot be
// created gets an error, and nothing named like a report file appears.
func TestNoHalfWrittenOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.WriteFile(out, []byte("a file where the directory should be"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "report", "-o", out, "--formats", "md")
	if code != 1 || stderr == "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// Same command, same bytes: twice, and with one worker against four, on the bundled corpus,
// on the same files on disk (both analysed as they are read) and as JSONL (held in memory).
func TestDeterministicAcrossJobs(t *testing.T) {
	files, manifest := seedFiles(t)
	dir := writeCorpus(t, files, manifest)
	for _, args := range [][]string{
		{"themes", "--by", "doc,speaker", "--format", "json"},
		{"themes", dir, "--by", "doc,speaker", "--format", "json"},
		{"themes", seedJSONL(t), "--by", "doc,speaker", "--format", "json"},
		{"shift", "--from", "2020", "--to", "2023", "--format", "json"},
		{"trend", dir, "--format", "json"},
		{"align", "--format", "json"},
		{"align", dir, "--format", "json"},
		{"corpus", dir, "--format", "json"},
		{"keyness", "--format", "json"},
	} {
		a, _, _ := runCmd(t, append(args, "--jobs", "1")...)
		b, _, _ := runCmd(t, append(args, "--jobs", "4")...)
		c, _, _ := runCmd(t, append(args, "--jobs", "4")...)
		if a != b || b != c || a == "" {
			t.Errorf("%v: output depends on --jobs or differs between runs", args)
		}
	}
}
