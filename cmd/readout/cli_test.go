package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One vocabulary: the same flags for the same ideas, old spellings kept as aliases.
func TestOneVocabulary(t *testing.T) {
	same := func(name string, a, b []string) {
		t.Helper()
		outA, errA, codeA := runCmd(t, a...)
		outB, errB, codeB := runCmd(t, b...)
		if codeA != 0 || codeB != 0 || outA != outB || outA == "" {
			t.Errorf("%s: %v and %v differ (exit %d, %d)\n%s%s\n---\n%s%s", name, a, b, codeA, codeB, outA, errA, outB, errB)
		}
	}
	same("keyness periods", []string{"keyness", "--from", "2020", "--to", "2023", "-q"}, []string{"keyness", "--reference", "2020", "--target", "2023", "-q"})
	same("table is text", []string{"diff", "2020-07-08-call", "2022-02-04-beijing", "-f", "table", "-q"}, []string{"diff", "2020-07-08-call", "2022-02-04-beijing", "--format", "text", "-q"})
	same("text is table", []string{"themes", "-f", "text", "-q"}, []string{"themes", "-q"})
	same("kwic TERM first", []string{"kwic", "السيادة", "../../testdata/corpus", "-q"}, []string{"kwic", "../../testdata/corpus", "السيادة", "-q"})
	same("-c is PATH", []string{"themes", "-c", "../../testdata/corpus", "-f", "csv", "-q"}, []string{"themes", "../../testdata/corpus", "-f", "csv", "-q"})
	same("--by repeated or listed", []string{"themes", "--by", "doc", "--by", "speaker", "-q"}, []string{"themes", "--by", "doc,speaker", "-q"})
	same("--measure repeated or listed", []string{"keyness", "--measure", "g2", "--measure", "lrc", "-q"}, []string{"keyness", "--measure", "g2,lrc", "-q"})
	same("--theme repeated or listed", []string{"kwic", "--theme", "sco", "--theme", "un", "-q"}, []string{"kwic", "--theme", "sco,un", "-q"})
	r1, r2 := filepath.Join(t.TempDir(), "r"), filepath.Join(t.TempDir(), "r")
	runCmd(t, "report", "-o", r1, "-f", "md", "--date", "2026-12-02", "-q")
	runCmd(t, "report", "-o", r2, "--formats", "md", "--date", "2026-12-02", "-q")
	md1, err1 := os.ReadFile(filepath.Join(r1, "report.md"))
	md2, err2 := os.ReadFile(filepath.Join(r2, "report.md"))
	if err1 != nil || err2 != nil || !bytes.Equal(md1, md2) {
		t.Errorf("report -f md and --formats md differ: %v %v", err1, err2)
	}
	if _, err := os.Stat(filepath.Join(r1, "report.pdf")); err == nil {
		t.Error("report -f md wrote a PDF")
	}
	_, stderr, code := runCmd(t, "themes", "-c", "../../testdata/corpus", "elsewhere")
	if code != 2 || !strings.Contains(stderr, "the corpus is given twice") {
		t.Errorf("PATH and -c both: exit %d %s", code, stderr)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"keyness", "--from", "2020", "--reference", "2022", "--to", "2023"}, "--from and --reference are one flag: give it once"},
		{[]string{"kwic", "الأمم", "--theme", "un"}, "give a TERM or --theme, not both"},
		{[]string{"chart", "rats", "-o", "x.svg"}, `unknown chart "rats" (did you mean rates?)`},
		{[]string{"chart", "rates", "-o", "x.out"}, "the format is told by -o's extension"},
		{[]string{"diff", "a", "b", "c"}, "diff takes 2 argument(s) (A B), got 3 (a corpus goes with -c PATH)"},
		{[]string{"themes", "-f", "xml"}, `unsupported format "xml": use table (or text), csv, json or jsonl`},
		{[]string{"report", "-f", "table", "-o", "x"}, `unsupported format "table": use pdf, png, svg, html, md`},
	} {
		if _, stderr, code := runCmd(t, c.args...); code != 2 || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d %q, want 2 with %q", c.args, code, stderr, c.msg)
		}
	}
	for _, c := range []string{"diff", "align", "compare", "text"} {
		if out, _, _ := runCmd(t, c, "--help"); !strings.Contains(out, "-f, --format") || !strings.Contains(out, "table") {
			t.Errorf("%s --help has no -f/--format with table:\n%s", c, out)
		}
	}
}

// Standard streams: a misspelt subcommand at any depth is a usage error; -o - writes a chart's
// bytes to standard output; one version string.
func TestStreamsAndUsage(t *testing.T) {
	_, stderr, code := runCmd(t, "lexicon", "chek", "x")
	if code != 2 || !strings.Contains(stderr, `unknown command "chek" for "readout lexicon" (did you mean check?)`) {
		t.Errorf("lexicon chek: exit %d %s", code, stderr)
	}
	for _, args := range [][]string{{"help", "nosuch"}, {"completion", "nosh"}, {"lexicon", "show", "x"}} {
		if _, stderr, code := runCmd(t, args...); code != 2 {
			t.Errorf("%v: exit %d %s, want 2", args, code, stderr)
		}
	}
	if out, _, code := runCmd(t, "help", "themes"); code != 0 || !strings.Contains(out, "Count theme mentions") {
		t.Errorf("help themes: exit %d %.80q", code, out)
	}
	out, _, code := runCmd(t, "chart", "rates", "-o", "-", "-f", "png", "-q")
	if code != 0 || !strings.HasPrefix(out, "\x89PNG\r\n\x1a\n") {
		t.Errorf("chart -o -: exit %d, %d bytes starting %q", code, len(out), out[:min(8, len(out))])
	}
	if _, stderr, code := runCmd(t, "chart", "rates", "-o", "-"); code != 2 || !strings.Contains(stderr, "give its format with -f") {
		t.Errorf("chart -o - without -f: exit %d %s", code, stderr)
	}
	// a search that finds nothing says so (not a header alone), on stderr
	if out, stderr, code := runCmd(t, "kwic", "multipolar"); code != 0 || !strings.Contains(stderr, `no match of "multipolar" in 5 document(s)`) || strings.Count(out, "\n") != 1 {
		t.Errorf("kwic with no match: exit %d, %q, %q", code, stderr, out)
	}
	// messages that say what is wrong with the input given, and only what can help
	missing := filepath.Join(t.TempDir(), "nothere.yaml")
	if _, stderr, _ := runCmd(t, "lexicon", "check", missing); !strings.Contains(stderr, "nothere.yaml: no such file (check the path; readout lexicon show") {
		t.Errorf("lexicon check of a missing file: %s", stderr)
	}
	if _, stderr, _ := runCmd(t, "report", "--date", "2023-02-30", "-o", t.TempDir()+"/r"); !strings.Contains(stderr, "there is no such day") {
		t.Errorf("report --date 2023-02-30: %s", stderr)
	}
	if _, stderr, _ := runCmd(t, "corpus", missing, "--skip-bad"); strings.Contains(stderr, "pass --skip-bad") || !strings.Contains(stderr, "check the path") {
		t.Errorf("--skip-bad given, nothing to load: %s", stderr)
	}
	v1, _, _ := runCmd(t, "version")
	v2, _, _ := runCmd(t, "--version")
	if v1 != v2 || !strings.HasPrefix(v1, "readout ") {
		t.Errorf("version %q, --version %q", v1, v2)
	}
}

// The bundled corpus is announced on stderr (not with --quiet), and no command writes into a
// directory that holds a corpus, the repository's testdata/corpus included.
func TestBundledCorpusGuard(t *testing.T) {
	_, stderr, _ := runCmd(t, "corpus")
	if !strings.Contains(stderr, "reading the bundled seed corpus") {
		t.Errorf("not announced: %q", stderr)
	}
	if _, stderr, _ = runCmd(t, "corpus", "-q"); stderr != "" {
		t.Errorf("--quiet: %q", stderr)
	}
	if _, stderr, _ = runCmd(t, "corpus", "../../testdata/corpus"); strings.Contains(stderr, "bundled") {
		t.Errorf("announced with a PATH: %q", stderr)
	}
	seeds, _ := filepath.Abs("../../testdata/corpus")
	before, _ := os.ReadDir(seeds)
	for _, args := range [][]string{
		{"report", "-o", seeds, "--force", "-q"},
		{"report", "-o", filepath.Join(seeds, "sub"), "-q"},
		{"chart", "rates", "-o", filepath.Join(seeds, "rates.svg"), "-q"},
		{"lexicon", "export", "-o", filepath.Join(seeds, "l.yml"), "-q"},
		{"sentences", "--run-record", filepath.Join(seeds, "rr.json"), "-q"},
	} {
		if _, stderr, code := runCmd(t, args...); code == 0 || !strings.Contains(stderr, "holds a corpus") {
			t.Errorf("%v: exit %d %s", args, code, stderr)
		}
	}
	if after, _ := os.ReadDir(seeds); len(after) != len(before) {
		t.Errorf("testdata/corpus had %d entries, now %d", len(before), len(after))
	}
	// a corpus without a manifest, read: its run record is refused too
	c := t.TempDir()
	writeFile(t, c, "a.txt", "Xi spoke of sovereignty.")
	if out, stderr, code := runCmd(t, "themes", c, "--run-record", filepath.Join(c, "rr.json"), "-q"); code == 0 || out != "" || !strings.Contains(stderr, "inside the corpus directory") {
		t.Errorf("run record into the corpus read: exit %d %q %s", code, out, stderr)
	}
	// "-" is standard output only where one file is written
	for _, args := range [][]string{{"report", "-o", "-"}, {"dfm", "-f", "mtx", "-o", "-"}, {"themes", "--run-record", "-"}} {
		if _, stderr, code := runCmd(t, append(args, "-q")...); code != 2 || !strings.Contains(stderr, "-: ") {
			t.Errorf("%v: exit %d %s", args, code, stderr)
		}
	}
	if _, err := os.Stat("-"); err == nil {
		os.RemoveAll("-")
		t.Error("a file or directory named - was written")
	}
}

// Data for other tools: JSON lines, a BOM for Excel, the run record beside them.
func TestDataForOtherTools(t *testing.T) {
	out, _, code := runCmd(t, "themes", "-f", "jsonl", "-q")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) < 10 {
		t.Fatalf("jsonl: exit %d\n%s", code, out)
	}
	for _, l := range lines {
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil || o["theme"] == nil || o["theme_label_ar"] == nil {
			t.Fatalf("line %q: %v %v", l, o, err)
		}
	}
	rec := filepath.Join(t.TempDir(), "run.json")
	out, _, _ = runCmd(t, "themes", "-f", "csv", "--bom", "--run-record", rec, "-q")
	if !strings.HasPrefix(out, "\ufeffdoc,theme,theme_label_ar,theme_label_en,") {
		t.Errorf("csv with --bom starts %q", out[:min(60, len(out))])
	}
	b, err := os.ReadFile(rec)
	var run map[string]any
	if err != nil || json.Unmarshal(b, &run) != nil || run["command"] != "themes" || run["corpus_sha256"] == "" {
		t.Errorf("run record %s: %v", b, err)
	}
	// diff's JSON index is the number its text shows (#N), 1-based
	text, _, _ := runCmd(t, "diff", "2020-07-08-call", "2022-02-04-beijing", "-q")
	js, _, _ := runCmd(t, "diff", "2020-07-08-call", "2022-02-04-beijing", "-f", "json", "-q")
	d := decodeJSON(t, js)
	first := d.Rows[0]["a"].(map[string]any)
	if !strings.Contains(text, "- #1 ") || first["index"] != 1.0 {
		t.Errorf("first unit: text %q, json index %v", text[:min(200, len(text))], first["index"])
	}
	// compare's repeats say where each passage is, in the new article and in the corpus
	js, _, _ = runCmd(t, "compare", "../../testdata/corpus/002_ad039091c34c510c.txt", "-f", "json", "-q")
	repeats := 0
	for _, r := range decodeJSON(t, js).Rows {
		if r["section"] == "repeat" {
			repeats++
			if r["index"].(float64) < 1 || r["other_index"].(float64) < 1 || r["start"].(float64) >= r["end"].(float64) || r["other_start"].(float64) >= r["other_end"].(float64) {
				t.Errorf("repeat row without its places: %v", r)
			}
			if sp, _ := r["other_speaker"].(string); sp == "" { // the speaker of the corpus passage, as the text shows "(xi)"
				t.Errorf("repeat row without the corpus passage's speaker: %v", r)
			}
		}
	}
	if repeats == 0 {
		t.Error("compare of a corpus article found no repeats")
	}
}

// NO_COLOR and TERM=dumb turn colour off where readout would choose it; always still forces it.
func TestColorEnvironment(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		auto bool
	}{
		{map[string]string{"NO_COLOR": "", "TERM": "xterm"}, true},
		{map[string]string{"NO_COLOR": "1", "TERM": "xterm"}, false},
		{map[string]string{"NO_COLOR": "", "TERM": "dumb"}, false},
	} {
		for k, v := range c.env {
			t.Setenv(k, v)
		}
		if got := colorAllowed(); got != c.auto {
			t.Errorf("%v: colour allowed %v, want %v", c.env, got, c.auto)
		}
		if on, _ := colorFlag("always", &bytes.Buffer{}); !on {
			t.Errorf("%v: --color always is off", c.env)
		}
	}
}

// Completion knows values: formats, --by keys, theme ids (of the lexicon given), speakers,
// languages, chart kinds and document ids.
func TestCompletionValues(t *testing.T) {
	dir := t.TempDir()
	lex := writeFile(t, dir, "lex.yaml", "themes:\n  - id: pipelines\n    labels: {en: Pipelines, ar: الأنابيب}\n    terms: [pipeline]\n")
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"themes", "--format", ""}, []string{"table", "csv", "json", "jsonl"}},
		{[]string{"chart", "rates", "-f", ""}, []string{"png", "svg", "pdf"}},
		{[]string{"diff", "-f", ""}, []string{"table", "text", "json"}},
		{[]string{"themes", "--by", ""}, []string{"doc", "year", "credit", "speaker"}},
		{[]string{"shift", "--by", ""}, []string{"theme", "speaker"}},
		{[]string{"kwic", "--theme", ""}, []string{"sovereignty\t", "un\tUnited Nations"}},
		{[]string{"kwic", "--lexicon", lex, "--theme", ""}, []string{"pipelines\tPipelines"}},
		{[]string{"sentences", "--speaker", ""}, []string{"xi", "putin", "joint", "none"}},
		{[]string{"report", "--lang", ""}, []string{"ar", "en"}},
		{[]string{"chart", ""}, []string{"rates", "heatmap", "speakers"}},
		{[]string{"text", "--doc", ""}, []string{"2020-07-08-call\t2020-07-08", "2023-10-18-brf"}},
		{[]string{"diff", ""}, []string{"2022-02-04-beijing"}},
		{[]string{"corpus", "--encoding", ""}, []string{"windows-1256"}},
		{[]string{"themes", "--by", "doc,"}, []string{"doc,year", "doc,speaker"}},
		{[]string{"kwic", "--theme", "sco,"}, []string{"sco,un\tUnited Nations"}},
		{[]string{"report", "-f", "pdf,"}, []string{"pdf,html"}},
		{[]string{"dfm", "-f", ""}, []string{"mtx"}},
		{[]string{"diff", "--color", ""}, []string{"always"}},
		{[]string{"keyness", "--measure", ""}, []string{"lrc"}},
	}
	for _, c := range cases {
		out, stderr, code := runCmd(t, append([]string{"__complete"}, c.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d %s", c.args, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: no %q in\n%s", c.args, w, out)
			}
		}
	}
}

// report.md links only the chart files that were written.
func TestMarkdownLinksWrittenCharts(t *testing.T) {
	for _, f := range []string{"md", "md,svg", "md,png"} {
		dir := filepath.Join(t.TempDir(), "r")
		if _, stderr, code := runCmd(t, "report", "-o", dir, "-f", f, "--date", "2026-12-02", "-q"); code != 0 {
			t.Fatal(stderr)
		}
		md, _ := os.ReadFile(filepath.Join(dir, "report.md"))
		links := 0
		for _, part := range strings.Split(string(md), "](charts/")[1:] {
			rel := "charts/" + part[:strings.IndexByte(part, ')')]
			links++
			if _, err := os.Stat(filepath.Join(dir, rel)); err != nil {
				t.Errorf("-f %s: report.md links %s, which is not there", f, rel)
			}
		}
		if (links == 0) != (f == "md") {
			t.Errorf("-f %s: %d chart links", f, links)
		}
	}
}

// A report refused for its options or its corpus leaves no directory behind.
func TestFailedReportMakesNoDirectory(t *testing.T) {
	dir := t.TempDir()
	und := filepath.Join(dir, "undated")
	os.Mkdir(und, 0o755)
	writeFile(t, und, "a.txt", "Xi spoke of sovereignty.")
	for _, args := range [][]string{
		{"report", "-o", filepath.Join(dir, "r1"), "--from", "1999", "--to", "2023"},
		{"report", und, "-o", filepath.Join(dir, "r2")},
	} {
		if _, _, code := runCmd(t, append(args, "-q")...); code == 0 {
			t.Errorf("%v: exit 0", args)
		}
	}
	for _, r := range []string{"r1", "r2"} {
		if _, err := os.Stat(filepath.Join(dir, r)); err == nil {
			t.Errorf("a failed report made %s", r)
		}
	}
}
