package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTextCommand(t *testing.T) {
	page := filepath.Join("..", "..", "corpus", "testdata", "pages", "english-agency.html")
	out, stderr, code := runCmd(t, "text", page, "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	if len(d.Rows) != 1 {
		t.Fatalf("%d rows", len(d.Rows))
	}
	r := d.Rows[0]
	if r["credit"] != "northline" || r["source"] != "The Meridian Post" || !strings.HasPrefix(r["dateline"].(string), "MOSCOW, Dec 30") {
		t.Errorf("metadata: %v", r)
	}
	text := r["text"].(string)
	if strings.Contains(text, "Reporting by") || strings.Contains(text, "Advertisement") || !strings.HasPrefix(text, "Russian President Vladimir Putin told") {
		t.Errorf("text:\n%s", text)
	}
	rules := map[string]bool{}
	for _, x := range r["removed"].([]any) {
		rules[x.(map[string]any)["rule"].(string)] = true
	}
	for _, want := range []string{"dateline", "sign-off", "ad-label"} {
		if !rules[want] {
			t.Errorf("no line removed by %s: %v", want, r["removed"])
		}
	}
	// the text view, on the seeds, names what was removed
	out, _, code = runCmd(t, "text", "--doc", "2023-03-21-moscow")
	if code != 0 || !strings.Contains(out, "line 6 (repeated-headline)") || strings.Count(out, "== ") != 1 {
		t.Errorf("text --doc:\n%s", out)
	}
	if _, stderr, code := runCmd(t, "text", "--doc", "nope"); code == 0 || !strings.Contains(stderr, "nope") {
		t.Errorf("unknown doc: exit %d %q", code, stderr)
	}
}

// Text pasted on standard input is a document ("-"), as text or as an HTML page.
func TestStdin(t *testing.T) {
	runIn := func(in string, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(args, streams{In: strings.NewReader(in), Out: &out, Err: &errb})
		return out.String(), errb.String(), code
	}
	out, stderr, code := runIn("وقال الرئيس الصيني شي جين بينغ إن الصين تدعم سيادة روسيا.\n", "sentences", "-", "--format", "csv")
	if code != 0 || !strings.Contains(out, "stdin,1,") || !strings.Contains(out, ",xi,subject-after,") {
		t.Errorf("sentences -: exit %d %s\n%s", code, stderr, out)
	}
	page, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "pages", "english-agency.html"))
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code = runIn(string(page), "compare", "-", "--input-format", "html")
	if code != 0 || !strings.Contains(stderr, "warning: stdin is in en") || !strings.Contains(out, "stdin (2022-12-30") ||
		!strings.Contains(out, "The Meridian Post · credited to northline") {
		t.Errorf("compare - (html): exit %d\n%s\n%s", code, stderr, out)
	}
	if _, stderr, code := runIn("x", "corpus", "-", "--input-format", "pdf"); code == 0 || !strings.Contains(stderr, "pdf") {
		t.Errorf("bad --input-format: exit %d %q", code, stderr)
	}
}
