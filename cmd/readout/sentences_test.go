package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An article written for this test: a headline, a share line (furniture), Putin's statement
// with a cue and its continuation, the spokesman's, and narration.
const sentencesArticle = `بوتين: العلاقات مع الصين في أفضل حالاتها
شارك
وقال الرئيس الروسي فلاديمير بوتين إن التعاون في مجال الطاقة يتسع. وأضاف أن البلدين يدعمان دور الأمم المتحدة.
وقال المتحدث باسم الكرملين إن موعد الزيارة لم يحدد.
وزار الوفد معرضا للصناعات في المساء.
`

func TestSentencesCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(path, []byte(sentencesArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCmd(t, "sentences", path, "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	type want struct{ kind, speaker, rule, cue, source, themes string }
	wants := []want{
		{"heading", "putin", "headline-colon", "", "بوتين", ""},
		{"furniture", "none", "", "", "", ""},
		{"sentence", "putin", "subject-after", "وقال", "الرئيس الروسي فلاديمير بوتين", "energy"},
		{"sentence", "putin", "implicit-subject", "وأضاف", "", "un"},
		{"sentence", "other", "other-subject", "وقال", "المتحدث باسم الكرملين", ""},
		{"sentence", "none", "narration", "", "", ""},
	}
	if len(d.Rows) != len(wants) {
		t.Fatalf("%d rows, want %d:\n%s", len(d.Rows), len(wants), out)
	}
	for i, w := range wants {
		r := d.Rows[i]
		var themes []string
		for _, th := range r["themes"].([]any) { // [] when none, never null
			themes = append(themes, th.(string))
		}
		got := want{r["kind"].(string), r["speaker"].(string), r["rule"].(string), r["cue"].(string), r["source"].(string), strings.Join(themes, " ")}
		if got != w {
			t.Errorf("row %d: %+v, want %+v", i+1, got, w)
		}
		// the offsets point into the file as written
		start, end := int(r["start"].(float64)), int(r["end"].(float64))
		if text := strings.Join(strings.Fields(sentencesArticle[start:end]), " "); text != r["text"] {
			t.Errorf("row %d: bytes %d-%d hold %q, text is %q", i+1, start, end, text, r["text"])
		}
		if cue := r["cue"].(string); cue != "" {
			cs, ce := int(r["cue_start"].(float64)), int(r["cue_end"].(float64))
			if sentencesArticle[cs:ce] != cue {
				t.Errorf("row %d: cue bytes %d-%d hold %q, not %q", i+1, cs, ce, sentencesArticle[cs:ce], cue)
			}
		}
	}
	if d.Rows[1]["index"].(float64) != 0 || d.Rows[2]["index"].(float64) != 2 {
		t.Errorf("indices: furniture %v, first sentence %v", d.Rows[1]["index"], d.Rows[2]["index"])
	}

	// filters
	out, stderr, code = runCmd(t, "sentences", path, "--speaker", "putin", "--theme", "un", "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.Contains(lines[1], "وأضاف") {
		t.Errorf("--speaker putin --theme un:\n%s", out)
	}
	out, _, code = runCmd(t, "sentences", "--doc", "2022-12-30-video", "--format", "csv")
	if code != 0 || strings.Count(out, "2022-12-30-video") < 10 || strings.Contains(out, "2020-07-08-call") {
		t.Errorf("--doc on the seeds: exit %d\n%s", code, out)
	}
	for _, bad := range [][]string{{"--speaker", "lavrov"}, {"--doc", "no-such-doc"}, {"--theme", "no-such-theme"}} {
		_, stderr, code := runCmd(t, append([]string{"sentences"}, bad...)...)
		if code == 0 || !strings.Contains(stderr, bad[1]) || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q", bad, code, stderr)
		}
	}
}
