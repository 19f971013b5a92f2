package main

import (
	"math"
	"strings"
	"testing"
)

func row(t *testing.T, rows []map[string]any, key, val string) map[string]any {
	t.Helper()
	for _, r := range rows {
		if r[key] == val {
			return r
		}
	}
	t.Fatalf("no row with %s = %s", key, val)
	return nil
}

func approx(t *testing.T, what string, got any, want float64) {
	t.Helper()
	g, ok := got.(float64)
	if !ok || math.Abs(g-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// shift --from 2020 --to 2023 on the seed corpus, recomputed by hand from the verified counts
// (textproc.TestSeedThemeCounts) and token totals (readout corpus: 552; 384 + 443 = 827, the
// 2023-03-21-moscow article without its photo caption).
func TestShiftByHand(t *testing.T) {
	out, stderr, code := runCmd(t, "shift", "--from", "2020", "--to", "2023", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	if len(d.Rows) != 18 {
		t.Fatalf("%d rows, want one per theme", len(d.Rows))
	}
	s := row(t, d.Rows, "theme", "sovereignty")
	approx(t, "from_count", s["from_count"], 5)
	approx(t, "to_count", s["to_count"], 1)
	approx(t, "from_rate", s["from_rate"], 1000*5.0/552)
	approx(t, "to_rate", s["to_rate"], 1000*1.0/827)
	approx(t, "diff", s["diff"], 1000*1.0/827-1000*5.0/552)
	approx(t, "log_ratio", s["log_ratio"], math.Log2((1.0/827)/(5.0/552)))
	// G² by hand: a=1 (to), b=5 (from), c=826, d=547, N=1379.
	a, b, c, dd, n := 1.0, 5.0, 826.0, 547.0, 1379.0
	e := []float64{(a + b) * (a + c) / n, (a + b) * (b + dd) / n, (c + dd) * (a + c) / n, (c + dd) * (b + dd) / n}
	g := 2 * (a*math.Log(a/e[0]) + b*math.Log(b/e[1]) + c*math.Log(c/e[2]) + dd*math.Log(dd/e[3]))
	approx(t, "g2", s["g2"], -g)
	lo, hi := s["diff_ci_low"].(float64), s["diff_ci_high"].(float64)
	if !(lo <= s["diff"].(float64) && s["diff"].(float64) <= hi) || s["bootstrap"] != "sentences" {
		t.Errorf("interval [%v, %v], bootstrap %v", lo, hi, s["bootstrap"])
	}
	w := strings.Join(toStrings(s["warnings"]), " | ")
	for _, want := range []string{"only 1 document(s) in the from period", "only 2 document(s) in the to period", "expected count is below 5"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings %q lack %q", w, want)
		}
	}
	// belt_and_road: 0 in 2020, 7 in 2023, all from one article: leaving it out erases the change.
	br := row(t, d.Rows, "theme", "belt_and_road")
	if w := strings.Join(toStrings(br["warnings"]), " | "); !strings.Contains(w, "vanishes or reverses when 2023-10-18-brf is left out") {
		t.Errorf("belt_and_road warnings: %s", w)
	}
	if d.Run["parameters"].(map[string]any)["seed"] != 1.0 {
		t.Errorf("run record lacks the seed: %v", d.Run)
	}
	// The same command gives the same bytes (seeded bootstrap); another seed moves the interval.
	again, _, _ := runCmd(t, "shift", "--from", "2020", "--to", "2023", "--format", "json")
	if again != out {
		t.Error("shift is not deterministic")
	}
	other, _, _ := runCmd(t, "shift", "--from", "2020", "--to", "2023", "--format", "json", "--seed", "2")
	if other == out {
		t.Error("--seed has no effect")
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestShiftBySpeakerAndIDs(t *testing.T) {
	out, stderr, code := runCmd(t, "shift", "--from", "2020-07-08-call", "--to", "2022-12-30-video,2023-10-18-brf", "--by", "speaker", "--theme", "sovereignty", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	if len(d.Rows) != 5 { // xi, putin, joint, other, none
		t.Fatalf("%d rows, want one per speaker", len(d.Rows))
	}
	// putin: 3 of 5 sovereignty mentions in 2020 (s12-s14), none later.
	p := row(t, d.Rows, "speaker", "putin")
	approx(t, "putin from_count", p["from_count"], 3)
	approx(t, "putin to_count", p["to_count"], 0)
	// a speaker with no words in a period has no rate there, and no change: null, not 0
	for _, r := range d.Rows {
		if r["from_tokens"] == 0.0 && (r["from_rate"] != nil || r["diff"] != nil) {
			t.Errorf("%v: no tokens in the from period, yet rate %v and change %v", r["speaker"], r["from_rate"], r["diff"])
		}
		if r["from_tokens"] != 0.0 && r["from_rate"] == nil {
			t.Errorf("%v: tokens but no rate", r["speaker"])
		}
	}
	if o := row(t, d.Rows, "speaker", "other"); o["from_tokens"] != 0.0 {
		t.Errorf("the test needs a speaker silent in 2020: other has %v tokens", o["from_tokens"])
	}
}

func TestShiftErrors(t *testing.T) {
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"shift", "--from", "2020"}, 2, "give both --from and --to"},
		{[]string{"shift", "--from", "2019", "--to", "2023"}, 2, "--from 2019 selects no document (the corpus runs from 2020-07-08 to 2023-10-18)"},
		{[]string{"shift", "--from", "2020-2023", "--to", "2023"}, 2, "share documents"},
		{[]string{"shift", "--from", "nope", "--to", "2023"}, 2, `no document has the id "nope"`},
		{[]string{"shift", "--from", "2023-2020", "--to", "2023"}, 2, "ends before it starts"},
		{[]string{"shift", "--by", "year"}, 2, `--by "year"`},
	}
	for _, c := range cases {
		_, stderr, code := runCmd(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d: %s", c.args, code, stderr)
		}
	}
}

func TestTrend(t *testing.T) {
	out, stderr, code := runCmd(t, "trend", "--theme", "sovereignty", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	r := d.Rows[0]
	series := r["series"].([]any)
	// 2020: 5/552; 2022: (2+1)/(424+475) (2022-02-04-beijing: 429 tokens less the 5 of its
	// wire dateline, which is metadata); 2023: (0+1)/(384+443) (2023-03-21-moscow: 396 less the
	// 12 of its photo caption, page furniture)
	want := []float64{5000.0 / 552, 3000.0 / 899, 1000.0 / 827}
	for i, p := range series {
		approx(t, "rate", p.(map[string]any)["per_1k"], want[i])
	}
	// OLS slope over x = 2020, 2022, 2023
	xs := []float64{2020, 2022, 2023}
	mx := (xs[0] + xs[1] + xs[2]) / 3
	my := (want[0] + want[1] + want[2]) / 3
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (want[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	approx(t, "slope", r["slope_per_year"], sxy/sxx)
	approx(t, "tau", r["kendall_tau"], -1)
	if r["status"] != "ok" {
		t.Errorf("status %v", r["status"])
	}
}

func TestTrendInsufficient(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "2021-01-01-a.txt", "قال شي إن السيادة مهمة.")
	writeFile(t, dir, "2022-01-01-b.txt", "قال بوتين إن السيادة مهمة.")
	out, stderr, code := runCmd(t, "trend", dir, "--theme", "sovereignty", "--format", "csv")
	if code != 0 || !strings.Contains(out, "insufficient data: 2 time point(s), 3 needed") {
		t.Errorf("exit %d: %s %s", code, out, stderr)
	}
}

func TestKeynessCommand(t *testing.T) {
	out, stderr, code := runCmd(t, "keyness", "--target", "2023", "--reference", "2020", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	// حزام (the Belt of the Belt and Road): 7 times in 2023 (textproc.TestSeedThemeCounts), never in 2020.
	r := row(t, d.Rows, "stem", "حزام")
	if r["term"] != "الحزام" {
		t.Errorf("term %v: the form written most often", r["term"])
	}
	approx(t, "target_count", r["target_count"], 7)
	approx(t, "reference_count", r["reference_count"], 0)
	if r["direction"] != "positive" || !strings.Contains(strings.Join(toStrings(r["surface"]), ","), "الحزام") {
		t.Errorf("row %v", r)
	}
	// Sorted by G², positive first.
	if d.Rows[0]["g2"].(float64) < d.Rows[len(d.Rows)-1]["g2"].(float64) {
		t.Error("not sorted by G²")
	}
	// p_adjusted is Bonferroni: min(1, p · terms tested).
	n := d.Run["parameters"].(map[string]any)["terms_tested"].(float64)
	approx(t, "bonferroni", r["p_adjusted"], math.Min(1, r["p"].(float64)*n))
	out, _, code = runCmd(t, "keyness", "--top", "2", "--ngrams", "1-2", "--measure", "lrc,g2", "--format", "csv")
	if code != 0 || strings.Count(out, "\n") > 5 || !strings.HasPrefix(out, "term,stem,target_count,reference_count,target_tokens,reference_tokens,lrc,g2,p,") {
		t.Errorf("top/ngrams/measure:\n%s", out)
	}
	for _, bad := range [][]string{{"keyness", "--ngrams", "0"}, {"keyness", "--measure", "tfidf"}, {"keyness", "--correct", "holm"}} {
		if _, _, code := runCmd(t, bad...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}

func TestSimilarityCommand(t *testing.T) {
	for _, m := range []string{"cosine", "jsd"} {
		out, stderr, code := runCmd(t, "similarity", "--measure", m, "--format", "json")
		if code != 0 {
			t.Fatal(stderr)
		}
		d := decodeJSON(t, out)
		self := 1.0
		if m == "jsd" {
			self = 0
		}
		for _, r := range d.Rows {
			id := r["doc"].(string)
			approx(t, m+" self "+id, r[id], self)
			for _, o := range d.Rows {
				approx(t, m+" symmetric", r[o["doc"].(string)], o[id].(float64))
			}
			if r["nearest"] == id || r["nearest"] == "" {
				t.Errorf("%s nearest of %s = %v", m, id, r["nearest"])
			}
		}
	}
}

func TestCorpusLexicalDiversity(t *testing.T) {
	out, _, _ := runCmd(t, "corpus", "--format", "json")
	d := decodeJSON(t, out)
	for _, r := range d.Rows {
		ttr, mattr := r["ttr"].(float64), r["mattr"].(float64)
		if ttr <= 0 || ttr > 1 || mattr <= 0 || mattr > 1 || mattr < ttr {
			// on texts of 400-550 words MATTR (over 100-word windows) exceeds TTR
			t.Errorf("%s: ttr %v mattr %v", r["id"], ttr, mattr)
		}
	}
}

// keyness on the seed corpus agrees with the independent implementation of
// metrics/testdata/reference.py (its "# seed" lines), to 1e-9.
func TestKeynessAgreesWithReference(t *testing.T) {
	// the reference counts every word: function words kept
	out, stderr, code := runCmd(t, "keyness", "--target", "2023", "--reference", "2020", "--format", "json", "--all-words")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	if d.Run["parameters"].(map[string]any)["terms_tested"] != 121.0 {
		t.Fatalf("terms tested %v: the reference assumes 121", d.Run["parameters"])
	}
	want := map[string][]float64{ // a, b, g2, chi2, log_ratio, lrc (Bonferroni, 121 tests), p
		"دولي": {12, 2, 4.485708868324643, 3.900692861615244, 2.0008730378728683, 0, 0.0341793690965231},
		"نووي": {9, 0, 9.238688015996008, 4.481579858770168, 3.5858355385940244, 0, 0.002369546685355686},
		"بعض":  {0, 6, -11.03052463527385, -6.698239137802521, -4.169051963569443, 0, 0.0008962377992117375},
	}
	for term, w := range want {
		r := row(t, d.Rows, "stem", term)
		for k, col := range []string{"target_count", "reference_count", "g2", "chi2", "log_ratio", "lrc", "p"} {
			approx(t, term+" "+col, r[col], w[k])
		}
	}
	// Without the Bonferroni correction, LRC is the plain 95% bound (reference.py, lrc with 1 test).
	out, _, _ = runCmd(t, "keyness", "--target", "2023", "--reference", "2020", "--format", "json", "--correct", "none", "--all-words")
	d = decodeJSON(t, out)
	approx(t, "نووي lrc", row(t, d.Rows, "stem", "نووي")["lrc"], 0.3969055816553943)
	approx(t, "بعض lrc", row(t, d.Rows, "stem", "بعض")["lrc"], -0.8197242922865502)
}

// By default keyness leaves function words out (بعض, written بعضهما, is one), and the sizes
// count only the words kept.
func TestKeynessLeavesOutFunctionWords(t *testing.T) {
	out, stderr, code := runCmd(t, "keyness", "--target", "2023", "--reference", "2020", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	d := decodeJSON(t, out)
	for _, r := range d.Rows {
		if r["stem"] == "بعض" || r["stem"] == "في" {
			t.Errorf("a function word is a key term: %v", r)
		}
	}
	if n := d.Rows[0]["target_tokens"].(float64); n >= 826 {
		t.Errorf("target size %v: function words should not be counted (826 with them)", n)
	}
}
