package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A quanteda dictionary imports, runs, and exports back; what cannot be carried is said on
// stderr.
func TestLexiconImportExport(t *testing.T) {
	dir := t.TempDir()
	dict := writeFile(t, dir, "energy.yml", "Energy:\n  - energy\n  - pipeline*\n  - \"*power\"\nPressure: [sanction*]\n")
	lex := filepath.Join(dir, "lexicon.yaml")
	_, stderr, code := runCmd(t, "lexicon", "import", dict, "-o", lex)
	if code != 0 || !strings.Contains(stderr, `"*power" left out`) {
		t.Fatalf("import: %d %s", code, stderr)
	}
	os.Mkdir(filepath.Join(dir, "c"), 0o755)
	doc := writeFile(t, dir, "c/a.txt", "Pipelines and sanctions. The pipeline carries energy.\n")
	out, stderr, code := runCmd(t, "themes", filepath.Dir(doc), "--lexicon", lex, "-f", "csv")
	if code != 0 || !strings.Contains(out, "energy,,Energy,3,") || !strings.Contains(out, "pressure,,Pressure,1,") {
		t.Errorf("themes with the imported lexicon: %d\n%s%s", code, out, stderr)
	}
	// the output exists now: refused without --force, and never half written
	if _, stderr, code = runCmd(t, "lexicon", "import", dict, "-o", lex); code == 0 || !strings.Contains(stderr, "--force") {
		t.Errorf("overwrite without --force: %d %s", code, stderr)
	}
	out, stderr, code = runCmd(t, "lexicon", "export", "--format", "liwc", "--lexicon", lex)
	if code != 0 || !strings.HasPrefix(out, "%\n1\tenergy\n2\tpressure\n%\n") || !strings.Contains(out, "pipeline*\t1\n") {
		t.Errorf("export liwc: %d\n%s%s", code, out, stderr)
	}
	out, stderr, code = runCmd(t, "lexicon", "export")
	if code != 0 || !strings.Contains(out, "sovereignty:\n  - السيادة\n") || !strings.Contains(stderr, "exclusions not carried over") {
		t.Errorf("export quanteda of the built-in lexicon: %d %s", code, stderr)
	}
	if _, stderr, code = runCmd(t, "lexicon", "export", "--format", "dic"); code != 2 || !strings.Contains(stderr, "use quanteda or liwc") {
		t.Errorf("bad format: %d %s", code, stderr)
	}
	bad := writeFile(t, dir, "bad.dic", "%\n1\ta\n%\nword\t7\n")
	if _, stderr, code = runCmd(t, "lexicon", "import", bad); code != 1 || !strings.Contains(stderr, "bad.dic:4: \"word\" is in category 7") {
		t.Errorf("bad dictionary: %d %s", code, stderr)
	}
}

// lexicon suggest on a corpus written for the test: a spelling of the SCO the lexicon given
// lacks is proposed with a YAML line; the same corpus gives the same bytes twice.
func TestLexiconSuggestCommand(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "c"), 0o755)
	writeFile(t, dir, "c/a.txt", "عقد الرئيسان قمة منظمة شنغهاي للتعاون.\n\nوشاركا في قمة منظمة شانغهاي للتعاون.\n")
	lexYAML := strings.Replace(string(mustRead(t, "../../textproc/lexicon/default.yaml")), ", منظمة شانغهاي للتعاون,", ",", 1)
	lexYAML = strings.Replace(lexYAML, ", منظمة شانغهاي,", ",", 1)
	lex := writeFile(t, dir, "lex.yaml", lexYAML)
	out, stderr, code := runCmd(t, "lexicon", "suggest", filepath.Join(dir, "c"), "--lexicon", lex, "--theme", "sco", "-f", "csv")
	if code != 0 || !strings.Contains(out, "variant,sco,منظمة شنغهاي للتعاون,Shanghai Cooperation Organisation,منظمة شانغهاي للتعاون,منظمة شنغهاي للتعاون,1,1,") || !strings.Contains(out, "- منظمة شانغهاي للتعاون  # sco: spelling variant") {
		t.Errorf("suggest: %d\n%s%s", code, out, stderr)
	}
	again, _, _ := runCmd(t, "lexicon", "suggest", filepath.Join(dir, "c"), "--lexicon", lex, "--theme", "sco", "-f", "csv")
	if again != out {
		t.Error("suggest is not deterministic")
	}
	if _, stderr, code = runCmd(t, "lexicon", "suggest", "--theme", "nope"); code != 2 {
		t.Errorf("unknown theme: %d %s", code, stderr)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// What a new user met: import from standard input, -o onto a directory, a dictionary passed to
// --lexicon, the suggestion's context around the match in the table.
func TestLexiconCommandEdges(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"lexicon", "import", "-", "--no-speakers"}, streams{In: strings.NewReader("Energy: [energy]\n"), Out: &out, Err: &errb}); code != 0 || !strings.Contains(out.String(), "id: energy") {
		t.Errorf("import from standard input: %d %s%s", code, out.String(), errb.String())
	}
	if _, stderr, code := runCmd(t, "lexicon", "export", "-o", dir); code != 1 || !strings.Contains(stderr, "is a directory") {
		t.Errorf("-o onto a directory: %d %s", code, stderr)
	}
	dict := writeFile(t, dir, "q.yml", "economy: [econom*]\n")
	if _, stderr, code := runCmd(t, "themes", "--lexicon", dict); code != 1 || !strings.Contains(stderr, "readout lexicon import") {
		t.Errorf("a dictionary as --lexicon: %d %s", code, stderr)
	}
	table, _, code := runCmd(t, "lexicon", "suggest")
	if code != 0 || !strings.Contains(table, "«والدفاع»") {
		t.Errorf("the table's examples should show the match:\n%s", table)
	}
}
