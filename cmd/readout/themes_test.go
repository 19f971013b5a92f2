package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The theme table of the seed corpus by document. Its non-zero counts are those of
// textproc.TestSeedThemeCounts, where each is traced to the sentences that give it.
func TestThemesByDocGolden(t *testing.T) {
	out, stderr, code := runCmd(t, "themes", "--by", "doc", "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	golden(t, "themes_by_doc.csv", out)
}

// Who said what: theme counts by document and speaker.
func TestThemesByDocSpeakerGolden(t *testing.T) {
	out, stderr, code := runCmd(t, "themes", "--by", "doc,speaker", "--theme", "sovereignty,belt_and_road", "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	golden(t, "themes_by_doc_speaker.csv", out)
}

func TestThemesJSON(t *testing.T) {
	out, stderr, code := runCmd(t, "themes", "--by", "year", "--theme", "brics", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	if d.Run["lexicon_sha256"] == "" || len(d.Rows) != 3 {
		t.Fatalf("run %v, %d rows", d.Run, len(d.Rows))
	}
	// 2020: no BRICS; 2022: one (2022-02-04); 2023: three (2023-10-18).
	for i, w := range []struct {
		year  string
		count float64
	}{{"2020", 0}, {"2022", 1}, {"2023", 3}} {
		r := d.Rows[i]
		if r["year"] != w.year || r["count"] != w.count || r["theme"] != "brics" {
			t.Errorf("row %d: %v", i, r)
		}
	}
	// per_1k = 1000 · count / tokens; 2023 has 384 + 443 tokens (see readout corpus; the
	// 2023-03-21-moscow article without its photo caption).
	if got, want := d.Rows[2]["per_1k"].(float64), 1000*3.0/(384+443); got != want {
		t.Errorf("per_1k %v, want %v", got, want)
	}
}

// --by month, source and language group as the corpus says: the seeds are Arabic, five months,
// one outlet named (PRNewswire) and the rest none.
func TestThemesByMonthSourceLanguage(t *testing.T) {
	out, stderr, code := runCmd(t, "themes", "--by", "month,source,language", "--theme", "energy", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	var keys []string
	for _, r := range d.Rows {
		keys = append(keys, fmt.Sprint(r["month"], "|", r["source"], "|", r["language"]))
	}
	want := []string{"2020-07|none|ar", "2022-02|PRNewswire|ar", "2022-12|none|ar", "2023-03|none|ar", "2023-10|none|ar"}
	if !slices.Equal(keys, want) {
		t.Errorf("groups %q, want %q", keys, want)
	}
}

func TestThemesUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"themes", "--by", "week"}, `--by "week": use doc, year, month, credit, source, language or speaker`},
		{[]string{"themes", "--theme", "sovreignty"}, `unknown theme "sovreignty"`},
	}
	for _, c := range cases {
		_, stderr, code := runCmd(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %s", c.args, code, stderr)
		}
	}
}

func TestThemesByYearNeedsDates(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("قال شي إن السيادة مهمة."), 0o644)
	_, stderr, code := runCmd(t, "themes", dir, "--by", "year")
	if code != 1 || !strings.Contains(stderr, "a ("+filepath.Join(dir, "a.txt")+")") || !strings.Contains(stderr, "manifest's date column") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestKWIC(t *testing.T) {
	out, stderr, code := runCmd(t, "kwic", "--theme", "eurasian_union", "--format", "json", "--window", "3")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	if len(d.Rows) != 2 {
		t.Fatalf("%d rows", len(d.Rows))
	}
	r := d.Rows[0]
	if r["doc"] != "2023-10-18-brf" || r["sentence"] != 5.0 || r["speaker"] != "xi" || r["match"] != "الاتحاد الاقتصادي الأوراسي" ||
		r["left"] != "الأعضاء الأخرى في" || r["right"] != "لتعزيز مواءمة مبادرة" {
		t.Errorf("row: %v", r)
	}
	// The offsets point into the original text, before boilerplate removal.
	seed, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "000_534698608f2af9c6.txt"))
	if st, en := int(r["start"].(float64)), int(r["end"].(float64)); string(seed[st:en]) != "الاتحاد الاقتصادي الأوراسي" {
		t.Errorf("offsets %d-%d give %q", st, en, seed[st:en])
	}
	out, _, _ = runCmd(t, "kwic", "--theme", "health", "--format", "json")
	call, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "004_195d63a88f2e261d.txt"))
	for _, row := range decodeJSON(t, out).Rows {
		if row["doc"] == "2020-07-08-call" { // its first line was removed as boilerplate
			st, en := int(row["start"].(float64)), int(row["end"].(float64))
			if string(call[st:en]) != row["match"] {
				t.Errorf("offsets %d-%d give %q, want %q", st, en, call[st:en], row["match"])
			}
		}
	}
	// A search term, with clitics: للأمم المتحدة and والأمم المتحدة are found as الأمم المتحدة: four
	// times (2020: s11, s15; 2022-02-04: s20; 2023-10-18: s11; the 2022-12-30 UN mention is مجلس الأمن).
	out, _, code = runCmd(t, "kwic", "الأمم المتحدة", "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != 1+4 || !strings.Contains(out, "للأمم المتحدة") {
		t.Errorf("term search:\n%s", out)
	}
	// Two themes at once: the rows of each, no more, no fewer.
	rowsOf := func(args ...string) int {
		out, stderr, code := runCmd(t, append([]string{"kwic", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatal(stderr)
		}
		return len(decodeJSON(t, out).Rows)
	}
	if both, h, e := rowsOf("--theme", "health,eurasian_union"), rowsOf("--theme", "health"), rowsOf("--theme", "eurasian_union"); both != h+e || h == 0 {
		t.Errorf("--theme health,eurasian_union: %d rows, want %d + %d", both, h, e)
	}
	_, stderr, code = runCmd(t, "kwic")
	if code != 2 || !strings.Contains(stderr, "give a TERM") {
		t.Errorf("no term: exit %d %s", code, stderr)
	}
}

func TestLexiconCommands(t *testing.T) {
	out, _, code := runCmd(t, "lexicon", "show")
	if code != 0 || !strings.Contains(out, "id: sovereignty") {
		t.Fatalf("show: %d", code)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte(out), 0o644)
	out, _, code = runCmd(t, "lexicon", "check", good)
	if code != 0 || !strings.Contains(out, "ok: 18 themes") {
		t.Errorf("check good: %d %s", code, out)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("themes:\n  - id: a\n    terms: [x]\n    trems: [y]\n"), 0o644)
	out, stderr, code := runCmd(t, "lexicon", "check", bad)
	if code != 1 || !strings.Contains(out, bad+`:4: unknown key "trems"`) {
		t.Errorf("check bad: %d %s %s", code, out, stderr)
	}
	// A lexicon with problems stops any command that would use it.
	_, stderr, code = runCmd(t, "themes", "--lexicon", bad)
	if code != 1 || !strings.Contains(stderr, "the lexicon has 1 problem") {
		t.Errorf("themes with a bad lexicon: %d %s", code, stderr)
	}
}

// Theme counts grouped by the agency each report is credited to (a wire dateline, a credit
// line or a page's byline area): how Xinhua's and the agencies' copy compare.
func TestThemesByCredit(t *testing.T) {
	pages := filepath.Join("..", "..", "corpus", "testdata", "pages")
	out, stderr, code := runCmd(t, "themes", pages, "--by", "credit", "--theme", "energy", "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	// credits of the nine pages: xinhua 2, agencies 2, prnewswire 1, northline 1, none 3
	want := "credit,theme,theme_label_ar,theme_label_en,count,sentences,per_1k,share,tokens,total_sentences\n"
	if !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 6 {
		t.Fatalf("output:\n%s", out)
	}
	for _, c := range []string{"agencies,energy,الطاقة,energy,", "none,energy,", "northline,energy,", "prnewswire,energy,", "xinhua,energy,"} {
		if !strings.Contains(out, "\n"+c) {
			t.Errorf("no %q row:\n%s", c, out)
		}
	}
}
