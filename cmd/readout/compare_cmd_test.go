package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestDiffCommand(t *testing.T) {
	out, stderr, code := runCmd(t, "diff", "2022-12-30-video", "2023-10-18-brf", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	kinds := map[string]int{}
	frameworks := false
	for _, r := range d.Rows {
		kinds[r["kind"].(string)]++
		if r["kind"] == "pair" {
			a, b := r["a"].(map[string]any), r["b"].(map[string]any)
			for _, k := range []string{"doc", "index", "start", "end", "text", "speaker", "themes"} {
				if _, ok := a[k]; !ok {
					t.Errorf("passage lacks %s", k)
				}
			}
			if a["doc"] != "2022-12-30-video" || b["doc"] != "2023-10-18-brf" {
				t.Errorf("pair %v ↔ %v", a, b)
			}
			// Putin's frameworks statement of 2022 and Xi's of 2023: the UN added, the
			// Security Council dropped
			if fmt.Sprint(r["added"]) == "[الأمم المتحدة]" && fmt.Sprint(r["dropped"]) == "[مجلس الأمن]" && a["speaker"] == "putin" && b["speaker"] == "xi" {
				frameworks = true
			}
			ops := r["ops"].([]any)
			var ra, rb strings.Builder
			for _, o := range ops {
				op := o.(map[string]any)
				if op["op"] != "insert" {
					ra.WriteString(op["text"].(string))
				}
				if op["op"] != "delete" {
					rb.WriteString(op["text"].(string))
				}
				if op["op"] != "equal" && op["class"] == "" {
					t.Errorf("unclassified op %v", op)
				}
			}
			if ra.String() != a["text"] || rb.String() != b["text"] {
				t.Error("JSON ops do not reconstruct the units")
			}
		}
	}
	if !frameworks || kinds["pair"] < 2 || kinds["dropped"] == 0 || kinds["added"] == 0 {
		t.Errorf("frameworks pair found: %v; kinds %v", frameworks, kinds)
	}
	text, _, code := runCmd(t, "diff", "2022-12-30-video", "2023-10-18-brf")
	if code != 0 || !strings.Contains(text, "[-") || !strings.Contains(text, "{+") || strings.Contains(text, "\x1b[") {
		t.Errorf("text diff (no colour when not a terminal):\n%s", text)
	}
	colored, _, _ := runCmd(t, "diff", "2022-12-30-video", "2023-10-18-brf", "--color", "always")
	if !strings.Contains(colored, "\x1b[31m") {
		t.Error("--color always has no colour")
	}
	csv, _, code := runCmd(t, "diff", "2022-12-30-video", "2023-10-18-brf", "--format", "csv")
	if code != 0 || !strings.HasPrefix(csv, "kind,a_doc,a_index") {
		t.Errorf("csv: %.200s", csv)
	}
}

// A file path works in place of an id: a seed article against itself pairs its statements
// with no change (those with two content words or more: a heading of names stays unpaired).
func TestDiffFileAgainstItself(t *testing.T) {
	p := filepath.Join("..", "..", "testdata", "corpus", "000_534698608f2af9c6.txt")
	out, stderr, code := runCmd(t, "diff", "2023-10-18-brf", p, "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	rows := decodeJSON(t, out).Rows
	pairs := 0
	for _, r := range rows {
		if r["kind"] != "pair" {
			continue
		}
		pairs++
		for _, o := range r["ops"].([]any) {
			if o.(map[string]any)["op"] != "equal" {
				t.Errorf("a change between identical texts: %v", o)
			}
		}
	}
	if 10*pairs < 8*len(rows) {
		t.Errorf("%d pairs of %d rows: an article against itself pairs most of its statements", pairs, len(rows))
	}
}

func TestDiffErrors(t *testing.T) {
	_, stderr, code := runCmd(t, "diff", "2022-12-30-video", "nope")
	if code != 2 || !strings.Contains(stderr, `"nope" is neither a document id`) {
		t.Errorf("exit %d %s", code, stderr)
	}
	_, stderr, code = runCmd(t, "diff", "a")
	if code != 2 {
		t.Errorf("one argument: exit %d %s", code, stderr)
	}
	_, _, code = runCmd(t, "diff", "2022-12-30-video", "2023-10-18-brf", "--min-similarity", "2")
	if code != 2 {
		t.Errorf("bad --min-similarity: exit %d", code)
	}
}

// A new article that cannot be read is an error, with --skip-bad too, named as what it is (not
// "the corpus") and without the --skip-bad advice.
func TestCompareBadNewArticle(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"compare", filepath.Join(dir, "missing.txt"), "--skip-bad"},
		{"compare", filepath.Join(dir, "missing.txt"), "../../testdata/corpus/004_195d63a88f2e261d.txt", "--skip-bad"}, // not dropped quietly
		{"compare", empty},
	} {
		_, stderr, code := runCmd(t, args...)
		if code != 1 || !strings.Contains(stderr, "cannot load the file(s) to compare: ") || strings.Contains(stderr, "--skip-bad") || !strings.Contains(stderr, dir) {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
}

// The warning for a new article in another language than most of the corpus says where its
// repeats can come from when some of the corpus is in its language, and to expect none when
// none is.
func TestCompareLanguageWarning(t *testing.T) {
	en := "President Xi Jinping told President Vladimir Putin on Tuesday that China and Russia would deepen their cooperation in energy, trade and science. " +
		"The two leaders agreed to meet again before the end of the year in Beijing, and they discussed the situation in the Middle East."
	dir := t.TempDir()
	for _, f := range []string{"000_534698608f2af9c6.txt", "001_3af3ba166fef2441.txt"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/corpus", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	newPath := filepath.Join(t.TempDir(), "new-en.txt")
	if err := os.WriteFile(newPath, []byte(en+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "compare", newPath, "-c", dir)
	if code != 0 || !strings.Contains(stderr, "expect no repeated formulations") {
		t.Errorf("Arabic corpus: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "en-1.txt"), []byte(en+" Trade rose again in the spring.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runCmd(t, "compare", newPath, "-c", dir)
	if code != 0 || strings.Contains(stderr, "expect no repeated") || !strings.Contains(stderr, "only from the 1 in en") {
		t.Errorf("mixed corpus: exit %d\n%s", code, stderr)
	}
}

// --top below 0 is refused; a speaker id is matched whatever its case.
func TestCompareTopAndSpeakerCase(t *testing.T) {
	if _, stderr, code := runCmd(t, "compare", "../../testdata/corpus/004_195d63a88f2e261d.txt", "--top", "-1"); code != 2 || !strings.Contains(stderr, "--top -1") {
		t.Errorf("--top -1: exit %d %s", code, stderr)
	}
	out, stderr, code := runCmd(t, "sentences", "--speaker", "Putin", "-f", "csv", "-q")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) < 2 {
		t.Fatalf("--speaker Putin: exit %d %v %s", code, err, stderr)
	}
	col := slices.Index(rows[0], "speaker")
	for _, r := range rows[1:] {
		if r[col] != "putin" {
			t.Errorf("--speaker Putin gave a row of %q", r[col])
		}
	}
}

func TestAlignCommand(t *testing.T) {
	out, stderr, code := runCmd(t, "align", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	if len(d.Rows) < 4 {
		t.Fatalf("%d rows", len(d.Rows))
	}
	prev := map[float64]string{}
	for _, r := range d.Rows {
		f := r["formulation"].(float64)
		if last, ok := prev[f]; ok && r["date"].(string) < last {
			t.Errorf("formulation %v not in date order", f)
		}
		prev[f] = r["date"].(string)
	}
	text, _, _ := runCmd(t, "align")
	if !strings.Contains(text, "recurring formulations in 5 documents") {
		t.Errorf("text:\n%.300s", text)
	}
	// From files, align drops the units' text while linking and reads the shown ones back at
	// the end: the same table as from the same articles as JSONL, held in memory.
	files, manifest := seedFiles(t)
	mem, _, _ := runCmd(t, "align", seedJSONL(t), "--format", "csv")
	disk, stderr, code := runCmd(t, "align", writeCorpus(t, files, manifest), "--format", "csv")
	if code != 0 || disk != mem || strings.Count(disk, "\n") < 5 {
		t.Errorf("align from disk differs from the same articles as JSONL (%s):\n%s\nwant\n%s", stderr, disk, mem)
	}
	// and every passage's text read back is its article's bytes at its offsets
	rows, err := csv.NewReader(strings.NewReader(disk)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string][]byte{}
	for name, b := range files {
		for _, line := range strings.Split(manifest, "\n") {
			if f, rest, ok := strings.Cut(line, ","); ok && f == name {
				id, _, _ := strings.Cut(rest, ",")
				byID[id] = b
			}
		}
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for _, r := range rows[1:] {
		b := byID[r[col["doc"]]]
		start, _ := strconv.Atoi(r[col["start"]])
		end, _ := strconv.Atoi(r[col["end"]])
		if r[col["text"]] == "" || end > len(b) || string(b[start:end]) != r[col["text"]] {
			t.Errorf("passage %q of %s is not its article's bytes %d–%d", r[col["text"]], r[col["doc"]], start, end)
		}
	}
}

func TestCompareCommand(t *testing.T) {
	// the 2023-10-18 article against the other four
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "corpus")
	m, _ := os.ReadFile(filepath.Join(src, "manifest.csv"))
	var keep []string
	for _, line := range strings.Split(string(m), "\n") {
		if !strings.HasPrefix(line, "000_") {
			keep = append(keep, line)
		}
		if name, _, ok := strings.Cut(line, ","); ok && strings.HasSuffix(name, ".txt") && !strings.HasPrefix(line, "000_") {
			b, _ := os.ReadFile(filepath.Join(src, name))
			os.WriteFile(filepath.Join(dir, name), b, 0o644)
		}
	}
	os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte(strings.Join(keep, "\n")), 0o644)
	newFile := filepath.Join(t.TempDir(), "new.txt")
	b, _ := os.ReadFile(filepath.Join(src, "000_534698608f2af9c6.txt"))
	os.WriteFile(newFile, b, 0o644)

	out, stderr, code := runCmd(t, "compare", newFile, "--against", dir, "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	sections := map[string]int{}
	for _, r := range d.Rows {
		sections[r["section"].(string)]++
	}
	for _, s := range []string{"theme", "nearest", "repeat", "new", "speaker"} {
		if sections[s] == 0 {
			t.Errorf("no %s rows: %v", s, sections)
		}
	}
	if sections["nearest"] != 4 || sections["speaker"] != 5 { // xi, putin, joint, other, none
		t.Errorf("sections %v", sections)
	}
	// belt_and_road: 7 matches in 443 tokens, never in the corpus: at the top.
	first := d.Rows[0]
	if first["section"] != "theme" || first["count"] == 0.0 || first["corpus_mean"] != 0.0 {
		t.Errorf("first theme row %v", first)
	}
	text, _, code := runCmd(t, "compare", newFile, "--against", dir)
	for _, want := range []string{"Themes that stand out", "belt_and_road", "Nearest corpus documents", "Corpus formulations it repeats", "Statements with no counterpart", "Speaker balance"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if code != 0 {
		t.Error(code)
	}
	// a section cut at --top says how much it leaves out; an empty one says none
	if !strings.Contains(text, "more (--top 0 lists every row") {
		t.Errorf("the cut theme list does not say so:\n%s", text)
	}
	text, _, _ = runCmd(t, "compare", newFile, "--against", dir, "--top", "0")
	if strings.Contains(text, "more (--top 0") {
		t.Errorf("--top 0 lists every row, yet says more are left out")
	}
	lone := filepath.Join(t.TempDir(), "lone.txt")
	os.WriteFile(lone, []byte("Talks on the Arctic shipping route lasted three hours."), 0o644)
	text, _, _ = runCmd(t, "compare", lone)
	if !strings.Contains(text, "Corpus formulations it repeats (0), most similar first, each with the history it continues:\n  none") ||
		!strings.Contains(text, "against the bundled seed corpus (5 documents)") {
		t.Errorf("an empty section or the corpus label:\n%s", text)
	}
	_, stderr, code = runCmd(t, "compare")
	if code != 2 || !strings.Contains(stderr, "give the FILE") {
		t.Errorf("no file: %d %s", code, stderr)
	}
}

// diff of two files with no corpus weighs their words over the two of them, as align does: the
// same pair has the same similarity in both, and the bundled corpus is not read; an undated file
// is said to be undated.
func TestDiffOfTwoFilesMatchesAlign(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("Xi said the partnership had no limits and would grow in every field."), 0o644)
	os.WriteFile(b, []byte("Putin said the partnership had no limits and would grow in energy."), 0o644)
	text, stderr, code := runCmd(t, "diff", a, b)
	if code != 0 || strings.Contains(stderr, "bundled seed corpus") || !strings.HasPrefix(text, "a (undated) → b (undated): 1 passage paired") {
		t.Fatalf("diff: exit %d, %q\n%s", code, stderr, text)
	}
	dj, _, _ := runCmd(t, "diff", a, b, "-f", "json")
	aj, _, _ := runCmd(t, "align", a, b, "-f", "json")
	var d, al struct{ Rows []map[string]any }
	if err := json.Unmarshal([]byte(dj), &d); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(aj), &al); err != nil {
		t.Fatal(err)
	}
	var ds, as []any
	for _, r := range d.Rows {
		if r["kind"] == "pair" {
			ds = append(ds, r["similarity"])
		}
	}
	for _, r := range al.Rows {
		if s, ok := r["similarity"]; ok && s != nil && s != 0.0 {
			as = append(as, s)
		}
	}
	if len(ds) != 1 || len(as) != 1 || ds[0] != as[0] {
		t.Errorf("diff similarity %v, align %v", ds, as)
	}
}

// align --collate heads its table with the document of each column.
func TestAlignCollateHeader(t *testing.T) {
	out, _, code := runCmd(t, "align", "--collate", "-q")
	if code != 0 || !strings.Contains(out, "  collation:\n    | 2020-07-08-call | 2022-02-04-beijing | 2023-10-18-brf |\n") {
		t.Errorf("exit %d, no header of documents:\n%.600s", code, out)
	}
}
