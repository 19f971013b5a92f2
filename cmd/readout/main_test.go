package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs readout with args against buffers and returns stdout, stderr and the exit code.
func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

type jsonDoc struct {
	Run  map[string]any   `json:"run"`
	Rows []map[string]any `json:"rows"`
}

func decodeJSON(t *testing.T, s string) jsonDoc {
	t.Helper()
	var d jsonDoc
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return d
}

func TestCorpusCommandJSON(t *testing.T) {
	out, stderr, code := runCmd(t, "corpus", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	d := decodeJSON(t, out)
	if d.Run["command"] != "corpus" || d.Run["corpus_sha256"] == "" || d.Run["version"] == "" {
		t.Errorf("run record: %v", d.Run)
	}
	if len(d.Rows) != 5 {
		t.Fatalf("%d rows, want 5", len(d.Rows))
	}
	for _, col := range []string{"id", "date", "date_source", "language", "source", "title", "file", "chars", "tokens"} {
		if _, ok := d.Rows[0][col]; !ok {
			t.Errorf("row has no %s", col)
		}
	}
	if d.Rows[0]["id"] != "2020-07-08-call" || d.Rows[0]["date"] != "2020-07-08" || d.Rows[4]["id"] != "2023-10-18-brf" {
		t.Errorf("rows: %v ... %v", d.Rows[0], d.Rows[4])
	}
}

func TestCorpusCommandCSVAndTable(t *testing.T) {
	out, _, code := runCmd(t, "corpus", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "id,date,date_source,language,source,credit,title,file,chars,tokens,ttr,mattr,author,url,dateline,event_date,event_date_source\n") {
		t.Errorf("csv header: %q", strings.SplitN(out, "\n", 2)[0])
	}
	if n := strings.Count(out, "\n"); n != 6 {
		t.Errorf("csv has %d lines, want 6", n)
	}
	out, _, _ = runCmd(t, "corpus")
	if !strings.Contains(out, "2023-03-21-moscow") || !strings.Contains(out, "manifest") {
		t.Errorf("table: %s", out)
	}
}

// The same input gives the same bytes.
func TestCorpusDeterministic(t *testing.T) {
	a, _, _ := runCmd(t, "corpus", "--format", "json")
	b, _, _ := runCmd(t, "corpus", "--format", "json")
	if a != b {
		t.Error("two runs differ")
	}
}

func TestVerboseListsRemovals(t *testing.T) {
	_, stderr, code := runCmd(t, "corpus", "--verbose")
	if code != 0 || !strings.Contains(stderr, "2023-03-21-moscow: removed line 6 (repeated-headline)") || !strings.Contains(stderr, "(comment-form): اترك رد") {
		t.Errorf("stderr: %s", stderr)
	}
	_, stderr, _ = runCmd(t, "corpus", "--verbose", "--quiet")
	if stderr != "" {
		t.Errorf("--quiet still wrote: %s", stderr)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"corpus", "--format", "xml"}, 2, `unsupported format "xml"`},
		{[]string{"corpus", "--no-such-flag"}, 2, "unknown flag"},
		{[]string{"nosuchcommand"}, 2, "unknown command"},
		{[]string{"corpus", "--encoding", "ebcdic"}, 2, `unknown encoding "ebcdic"`},
		{[]string{"version", "x"}, 2, "takes no arguments"},
		{[]string{"corpus", "does/not/exist"}, 1, "does/not/exist: no such file or directory"},
	}
	for _, c := range cases {
		out, stderr, code := runCmd(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", c.args, code, stderr, c.code, c.msg)
		}
		if out != "" {
			t.Errorf("%v: wrote to stdout on error: %q", c.args, out)
		}
		if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
			t.Errorf("%v: stack trace on stderr", c.args)
		}
	}
}

func TestSkipBadCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("قال الرئيس شي إن التعاون مهم."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCmd(t, "corpus", dir)
	if code != 1 || out != "" || !strings.Contains(stderr, "empty.txt: is empty") {
		t.Errorf("without --skip-bad: exit %d, out %q, stderr %q", code, out, stderr)
	}
	out, stderr, code = runCmd(t, "corpus", dir, "--skip-bad")
	if code != 0 || !strings.Contains(out, "good") || !strings.Contains(stderr, "skipped 1 bad input") {
		t.Errorf("with --skip-bad: exit %d, out %q, stderr %q", code, out, stderr)
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, code := runCmd(t, "version")
	if code != 0 || !strings.HasPrefix(out, "readout ") {
		t.Errorf("version: %q", out)
	}
	out, _, _ = runCmd(t, "corpus", "--help")
	if !strings.Contains(out, "Examples:") || !strings.Contains(out, "readout corpus") {
		t.Errorf("help has no example: %s", out)
	}
	out, _, code = runCmd(t, "completion", "bash")
	if code != 0 || !strings.Contains(out, "bash completion") {
		t.Errorf("completion: exit %d", code)
	}
}

// Commands never write into the corpus.
func TestCorpusUntouched(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("قال شي."), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(dir)
	runCmd(t, "corpus", dir, "--format", "json")
	after, _ := os.ReadDir(dir)
	if len(before) != len(after) {
		t.Errorf("corpus directory changed: %d -> %d entries", len(before), len(after))
	}
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// What needs dates leaves the undated documents out, naming them, when others have one.
func TestUndatedLeftOut(t *testing.T) {
	files, manifest := seedFiles(t)
	dir := writeCorpus(t, files, manifest)
	if err := os.WriteFile(filepath.Join(dir, "scraped.txt"), []byte("Xi spoke of sovereignty and the United Nations at length."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"trend", dir}, {"shift", dir}, {"keyness", dir}, {"themes", dir, "--by", "year"}, {"report", dir, "-o", filepath.Join(t.TempDir(), "r"), "-f", "md"}} {
		_, stderr, code := runCmd(t, args...)
		if code != 0 || !strings.Contains(stderr, "1 document(s) without a date are left out") || !strings.Contains(stderr, "scraped") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	// what needs no dates keeps it, and so do periods of ids
	for _, args := range [][]string{{"themes", dir}, {"shift", dir, "--from", "2020-07-08-call", "--to", "scraped"}} {
		_, stderr, code := runCmd(t, args...)
		if code != 0 || strings.Contains(stderr, "left out") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// chart's output and dates problems are named for what they are.
func TestChartMessages(t *testing.T) {
	dir := t.TempDir()
	svgDir := filepath.Join(dir, "out.svg")
	if err := os.Mkdir(svgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	und := filepath.Join(dir, "undated")
	if err := os.Mkdir(und, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(und, f), []byte("Xi spoke of sovereignty and the United Nations."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"chart", "rates", "-o", svgDir}, 2, "-o " + svgDir + " is a directory: name the chart's file"},
		{[]string{"chart", "rates", "-o", filepath.Join(dir, "noext")}, 2, "has no extension to tell the format by"},
		{[]string{"chart", "rates", und, "-o", filepath.Join(dir, "u.svg")}, 1, "a chart needs dates, and no document has one"},
	}
	for _, c := range cases {
		_, stderr, code := runCmd(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", c.args, code, stderr, c.code, c.msg)
		}
	}
}
