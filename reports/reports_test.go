package reports

import (
	"bytes"
	"flag"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/di"
	"golang.org/x/text/unicode/bidi"
	"gonum.org/v1/plot/vg"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func shaper(t *testing.T) *Shaper {
	t.Helper()
	s, err := NewShaper()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func glyphs(l Line) []int {
	var out []int
	for _, r := range l.runs {
		for _, g := range r.Glyphs {
			out = append(out, int(g.GlyphID))
		}
	}
	return out
}

// Arabic letters take their joined forms: ب alone, and ب at the start, middle and end of بببب,
// are four different glyphs.
func TestShapeJoins(t *testing.T) {
	s := shaper(t)
	iso := glyphs(s.Shape("ب", 12, false))
	word := glyphs(s.Shape("ببب", 12, false))
	if len(iso) != 1 || len(word) != 3 {
		t.Fatalf("glyphs %v %v", iso, word)
	}
	seen := map[int]bool{iso[0]: true}
	for _, g := range word {
		if seen[g] {
			t.Errorf("glyph %d repeats: the letters are not joined (%v, %v)", g, iso, word)
		}
		seen[g] = true
	}
}

// Right to left: the leftmost glyph of بكين is its last letter, ن.
func TestShapeRightToLeft(t *testing.T) {
	s := shaper(t)
	l := s.Shape("بكين", 12, false)
	if len(l.runs) != 1 || l.runs[0].Direction != di.DirectionRTL {
		t.Fatalf("runs %d", len(l.runs))
	}
	if first := l.runs[0].Glyphs[0].TextIndex(); first != 3 {
		t.Errorf("leftmost glyph is rune %d, want 3 (ن)", first)
	}
}

// runsText returns the visual order of a line's runs as "dir:text".
func runsText(l Line, txt string) []string {
	rs := []rune(txt)
	var out []string
	for _, r := range l.runs {
		d := "R"
		if r.Direction == di.DirectionLTR {
			d = "L"
		}
		out = append(out, d+":"+strings.TrimSpace(strings.NewReplacer("\u200e", "", string(wordJoiner), "").Replace(string(rs[r.Runes.Offset:r.Runes.Offset+r.Runes.Count]))))
	}
	return out
}

// Mixed lines keep Latin letters and digits left to right, in the right place of a right-to-left
// line, and dates and ids read as written.
func TestShapeMixed(t *testing.T) {
	s := shaper(t)
	cases := []struct{ txt, want string }{
		{"قمة بريكس G20 في 2023", "L:2023|R:في|L:G20|R:قمة بريكس"},
		{"من 2020-07-08 إلى", "R:إلى|L:2020-07-08|R:من"},
		{"المقال 2022-12-30-video مهم", "R:مهم|L:2022-12-30-video|R:المقال"},
		{"G² (2023)", "L:G² (2023)"},
		{"تقرير الاتجاهات: /tmp/c2000", "L:/tmp/c2000|R:تقرير الاتجاهات:"},
	}
	for _, c := range cases {
		txt := c.txt
		if BaseRTL(txt) {
			txt, _ = markLTRTokens(txt, nil)
		}
		joined, _ := markTokens([]rune(txt), nil, false, true) // the text the runs index, as shape makes it
		txt = string(joined)
		got := strings.Join(runsText(s.Shape(c.txt, 12, false), txt), "|")
		if got != c.want {
			t.Errorf("%q: visual runs %s, want %s", c.txt, got, c.want)
		}
	}
}

func TestBaseRTL(t *testing.T) {
	for s, want := range map[string]bool{"بكين 2022": true, "2022 بكين": true, "G20 بكين": false, "": false, "• ارتفع": true} {
		if BaseRTL(s) != want {
			t.Errorf("BaseRTL(%q) = %v", s, !want)
		}
	}
}

func TestCheckFormat(t *testing.T) {
	if err := CheckFormat("gif"); err == nil || !strings.Contains(err.Error(), `unsupported format "gif"`) {
		t.Errorf("err = %v", err)
	}
}

// A small chart as SVG, compared with testdata/heatmap.svg. The golden was checked by opening
// it: an Arabic title joined and right to left, Arabic and Latin row labels, values in cells.
func TestHeatmapSVGGolden(t *testing.T) {
	s := shaper(t)
	terms, _ := TermsFor("ar")
	ch := HeatmapChart(Handler{S: s}, terms, "mini", "السيادة والبريكس", "السنة", "المحور",
		[]string{"السيادة", "BRICS"}, []string{"2020", "2023"}, [][]float64{{9.06, 1.19}, {0, 3.58}}, "%.1f", "المصدر: اختبار 2020-07-08")
	ch.Width, ch.Height = 300, 200
	var b bytes.Buffer
	if err := ch.WriteTo(&b, "svg", 0); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join("testdata", "heatmap.svg")
	if *update {
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test ./reports -update writes it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Error("SVG differs from testdata/heatmap.svg (go test ./reports -run HeatmapSVGGolden -update rewrites it; look at it before committing)")
	}
	// the same chart twice gives the same bytes, in every format
	for _, f := range Formats {
		var x, y bytes.Buffer
		ch.WriteTo(&x, f, 72)
		ch.WriteTo(&y, f, 72)
		if !bytes.Equal(x.Bytes(), y.Bytes()) || x.Len() == 0 {
			t.Errorf("%s output not deterministic", f)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	r := &Report{Lang: "en", Title: "T", Findings: []string{"a <script>x</script> | *b*"}}
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") || !strings.Contains(b.String(), `\|`) {
		t.Errorf("markdown:\n%s", b.String())
	}
	b.Reset()
	r.Formulations = []Formulation{{Title: "f", Variants: []Variant{{Label: "l", Ops: []DiffOp{{Op: "equal", Text: "<b>x</b>"}}}}}}
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>x") || strings.Contains(b.String(), "<b>x</b>") {
		t.Error("article text is not escaped in HTML")
	}
}

// A corpus can be too small for a chart: every builder draws "too little data" instead of
// failing, in every format.
func TestEmptyCharts(t *testing.T) {
	s := shaper(t)
	h := Handler{S: s}
	for _, lang := range []string{"ar", "en"} {
		tm, _ := TermsFor(lang)
		charts := []*Chart{
			RatesChart(h, tm, nil, "src"),
			HeatmapChart(h, tm, "hm", "t", "x", "y", nil, nil, nil, "%.1f", "src"),
			ShiftChart(h, tm, nil, "src"),
			KeynessChart(h, tm, nil, "G2", "a", "b", "src"),
			SpeakersChart(h, tm, []string{"xi"}, nil, "src"),
		}
		for _, ch := range charts {
			for _, f := range Formats {
				var b bytes.Buffer
				if err := ch.WriteTo(&b, f, 72); err != nil || b.Len() == 0 {
					t.Errorf("%s %s %s: %v", lang, ch.Name, f, err)
				}
			}
		}
	}
}

// In HTML a deletion and the insertion that replaces it are apart, and every chart has a
// caption and alternative text.
func TestHTMLDiffSpacingAndCaptions(t *testing.T) {
	got := string(diffHTML([]DiffOp{{"equal", "دعم "}, {"delete", "سيادتهما"}, {"insert", "السيادة"}, {"equal", " الوطنية"}, {"delete", "a "}, {"insert", "b"}}))
	if want := "دعم <del>سيادتهما</del> <ins>السيادة</ins> الوطنية<del>a </del><ins>b</ins>"; got != want {
		t.Errorf("diffHTML = %q, want %q", got, want)
	}
	if got := string(diffHTML([]DiffOp{{"delete", "<x>"}})); got != "<del>&lt;x&gt;</del>" {
		t.Errorf("diff text is not escaped: %q", got)
	}
	tm, _ := TermsFor("en")
	ch := ShiftChart(Handler{S: shaper(t)}, tm, []ShiftItem{{Label: "energy", Diff: 1, Lo: 0.5, Hi: 1.5}, {Label: "un", Diff: -1, Lo: -2, Hi: 0.5}}, "src")
	ch.Caption = "Each point is a change."
	r := &Report{Lang: "en", Title: "T", Terms: tm, Charts: []*Chart{ch}}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	h := b.String()
	for _, want := range []string{"<figcaption dir=\"auto\"><b>" + tm.ShiftTitle + ".</b> Each point is a change.</figcaption>", `<svg role="img" aria-label="` + tm.ShiftTitle + `. Each point is a change."`} {
		if !strings.Contains(h, want) {
			t.Errorf("no %q in the HTML", want)
		}
	}
	b.Reset()
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "*Each point is a change.*") {
		t.Errorf("no caption in the Markdown:\n%s", b.String())
	}
}

// Dates closer than MinDateGap of the axis are not both labelled; the first and last are.
func TestDateTicksNeverCollide(t *testing.T) {
	d := dateTicks{2020.5: "2020-07-08", 2022.1: "2022-02-04", 2022.99: "2022-12-30", 2023.22: "2023-03-21", 2023.8: "2023-10-18"}
	var labels []string
	for _, tk := range d.Ticks(2020.5, 2023.8) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if got := strings.Join(labels, " "); got != "2020-07-08 2022-02-04 2022-12-30 2023-10-18" {
		t.Errorf("labels %s", got)
	}
	d = dateTicks{2020.0: "a", 2023.0: "b", 2023.05: "c"}
	labels = nil
	for _, tk := range d.Ticks(2020, 2023.05) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if got := strings.Join(labels, " "); got != "a c" {
		t.Errorf("the last date is kept, the one before it dropped: %s", got)
	}
}

// A line takes its paragraph's base direction: a line of an Arabic paragraph that begins with
// a Latin word reads right to left (the Latin word at the right end), as the bidi algorithm
// orders a paragraph; on its own, the same line reads left to right.
func TestLineTakesParagraphDirection(t *testing.T) {
	s := shaper(t)
	if got := withoutMarks(s.ShapeIn("readout يعرضها", 10, false, nil, true).VisualText()); got != "اهضرعي readout" {
		t.Errorf("in a right-to-left paragraph: %q", got)
	}
	if got := withoutMarks(s.ShapeIn("readout يعرضها", 10, false, nil, false).VisualText()); got != "readout اهضرعي" {
		t.Errorf("in a left-to-right paragraph: %q", got)
	}
	if got := withoutMarks(s.ShapeIn("see الصين and Russia", 10, false, nil, false).VisualText()); got != "see نيصلا and Russia" {
		t.Errorf("an Arabic word inside English: %q", got)
	}
}

// visualByBidi is the reference: each line of a paragraph in visual order by golang.org/x/text's
// implementation of the Unicode bidi algorithm, run on the whole paragraph (rules W1–I2 give
// each rune a direction, hence a level: 0 or 1 under a left-to-right paragraph, 1 or 2 under a
// right-to-left one), then on each line rule L1 (white space at the line's end takes the
// paragraph's level) and rule L2 (from the highest level down to the lowest odd one, every
// stretch at that level or above reversed).
func visualByBidi(t *testing.T, para string, rtl bool, lines [][2]int) []string {
	t.Helper()
	var p bidi.Paragraph
	dir, base := bidi.LeftToRight, 0
	if rtl {
		dir, base = bidi.RightToLeft, 1
	}
	if _, err := p.SetString(para, bidi.DefaultDirection(dir)); err != nil {
		t.Fatal(err)
	}
	o, err := p.Order()
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(para)
	level := make([]int, len(runes))
	for i := 0; i < o.NumRuns(); i++ {
		r := o.Run(i)
		start, end := r.Pos()
		for k := start; k <= end && k < len(runes); k++ {
			switch {
			case r.Direction() == bidi.RightToLeft && !rtl:
				level[k] = 1
			case r.Direction() == bidi.LeftToRight && rtl:
				level[k] = 2
			default:
				level[k] = base
			}
		}
	}
	var out []string
	for _, ln := range lines {
		seg := append([]rune(nil), runes[ln[0]:ln[1]]...)
		lv := append([]int(nil), level[ln[0]:ln[1]]...)
		for k := len(seg) - 1; k >= 0 && unicode.IsSpace(seg[k]); k-- {
			lv[k] = base // L1
		}
		for at := 2; at >= 1; at-- { // L2
			for i := 0; i < len(seg); {
				if lv[i] < at {
					i++
					continue
				}
				j := i
				for j < len(seg) && lv[j] >= at {
					j++
				}
				slices.Reverse(seg[i:j])
				slices.Reverse(lv[i:j])
				i = j
			}
		}
		out = append(out, string(seg))
	}
	return out
}

// A paragraph is ordered as a whole by the bidi algorithm, then broken into lines: a line that
// begins with the number after a Latin flag («--to» at the end of one line, «2023 --lang ar»
// starting the next) keeps the number with the flags, as the algorithm resolves it in its
// paragraph; on its own the line would put the number at its right end. Each line's visual order
// is compared with x/text's bidi, at several widths, in both directions — white space aside:
// go-text keeps a space that ends a line inside the run before it, where rule L1 moves it to
// the paragraph's side, which no reader sees.
func TestParagraphBidi(t *testing.T) {
	s := shaper(t)
	paras := []struct {
		text string
		rtl  bool
	}{
		{"الأمر: readout report --from 2020 --to 2023 --lang ar --seed 1 --date 2026-12-02، وبصمة المدونة sha256 88ea3d91.", true},
		{"ارتفع ذكر «الطاقة» من 0.00 إلى 8.46 مرة لكل 1000 كلمة بين 2020 و2023 (التغير +8.46).", true},
		{"Energy rose in «الطاقة والتعاون» from 2020 to 2023, said شي جين بينغ at the summit (2 of 3).", false},
	}
	for _, p := range paras {
		for _, width := range []vg.Length{120, 180, 260} {
			lines := s.Paragraph(p.text, 10, false, nil, p.rtl, width)
			if len(lines) < 2 {
				t.Fatalf("%q at %v pt: %d line, want it broken", p.text, width, len(lines))
			}
			var ranges [][2]int
			for _, l := range lines {
				lo, hi := len(l.text), 0
				for _, r := range l.runs {
					lo, hi = min(lo, r.Runes.Offset), max(hi, r.Runes.Offset+r.Runes.Count)
				}
				if l.Width > width {
					t.Errorf("%q: a line %v pt wide, over %v", p.text, l.Width, width)
				}
				ranges = append(ranges, [2]int{lo, hi})
			}
			want := visualByBidi(t, string(lines[0].text), p.rtl, ranges) // with readout's LRMs before dates
			for i, l := range lines {
				if got, want := strings.Fields(withoutMarks(l.VisualText())), strings.Fields(withoutMarks(strings.ReplaceAll(want[i], string(wordJoiner), ""))); !slices.Equal(got, want) {
					t.Errorf("%v pt, line %d:\n got %q\nwant %q", width, i, got, want)
				}
			}
		}
	}
}

// Data in the Markdown report is never live: no link, image, raw HTML, entity or autolink from
// an id, a title or article text — a diff's markers included (a deletion followed by text that
// starts with "(" would otherwise be a link) — and bidi controls from a corpus are stripped from
// the Markdown and HTML.
func TestMarkdownInjection(t *testing.T) {
	evil := "[x](javascript:alert(1)) ![i](http://e/x.png) <img src=x onerror=alert(1)> &#106; <http://e> ~~s~~ \u202eعكس\u2066"
	r := &Report{Lang: "en", Title: evil, Findings: []string{evil},
		Tables:       []Table{{Title: "t", Columns: []string{"id"}, Rows: [][]string{{evil}}}},
		Formulations: []Formulation{{Title: "f", Variants: []Variant{{Label: evil, Ops: []DiffOp{{Op: "delete", Text: "x"}, {Op: "equal", Text: "(javascript:alert(1))"}}}}}}}
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if regexp.MustCompile(`(^|[^\\])\]\(`).MatchString(md) {
		t.Errorf("Markdown holds an unescaped ](:\n%s", md)
	}
	for _, bad := range []string{"<img", "<http", "&#106;", "~~", "\u202e", "\u2066"} {
		if strings.Contains(md, bad) {
			t.Errorf("Markdown holds %q:\n%s", bad, md)
		}
	}
	if !strings.Contains(md, `\[x\](javascript:alert(1)) !\[i\]`) || !strings.Contains(md, `\[-x-\](javascript`) {
		t.Errorf("Markdown does not show the text escaped:\n%s", md)
	}
	b.Reset()
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if h := b.String(); strings.ContainsAny(h, "\u202e\u2066") || strings.Contains(h, "<img src=x") {
		t.Error("HTML holds a corpus's bidi control or markup")
	}
}

// withoutMarks drops the invisible bidi marks (LRM, RLM).
func withoutMarks(s string) string { return strings.NewReplacer("\u200e", "", "\u200f", "").Replace(s) }

// extractorOrder puts a line in visual order back into logical order as poppler's pdftotext
// does (TextOutputDev's reorderText, read in poppler's source): in a right-to-left line, from the
// right end, a right-to-left section runs up to the next left-to-right letter, digit or number
// separator and is read from the right; then a left-to-right section runs up to the next
// right-to-left letter and is read from the left. A left-to-right line is the mirror of this.
func extractorOrder(visual string, rtl bool) string {
	rs := []rune(visual)
	var out []rune
	if rtl {
		for i := len(rs) - 1; i >= 0; {
			j := i
			for j >= 0 && !extractorLTR(rs[j]) {
				j--
			}
			for k := i; k > j; k-- {
				out = append(out, rs[k])
			}
			i = j
			for j >= 0 && !extractorRTL(rs[j]) {
				j--
			}
			out = append(out, rs[j+1:i+1]...)
			i = j
		}
	} else {
		for i := 0; i < len(rs); {
			j := i
			for j < len(rs) && !extractorRTL(rs[j]) {
				j++
			}
			out = append(out, rs[i:j]...)
			i = j
			for j < len(rs) && !extractorLTR(rs[j]) {
				j++
			}
			for k := j - 1; k >= i; k-- {
				out = append(out, rs[k])
			}
			i = j
		}
	}
	return string(out)
}

// A PDF extractor given a line's VisualText puts it back in logical order: numbers with their
// signs and the brackets, commas and spaces around them, dates, Latin commands inside Arabic,
// Arabic names inside English, at every line width. Without the marks VisualText adds it does
// not (checked on the same lines, so that the test can tell).
func TestVisualTextSurvivesExtraction(t *testing.T) {
	s := shaper(t)
	paras := []struct {
		text string
		rtl  bool
	}{
		{"من أصل 84 جملة، نُسبت 64 (76%) إلى الزعيمين، ولم تُنسب 17 (20%) إلى أحد (يعرضها الأمر readout sentences --speaker none).", true},
		{"تراجع ذكر «الصحة» من 12.68 إلى 0.00 (التغير -12.68، فترة ثقة 95%: -24.91 إلى -2.02؛ عدد مرات الذكر 7 في 2020 و0 في 2023).", true},
		{"يظهر في 3 من المقالات، من \u200e2020-07-08-call (فلاديمير بوتين) إلى \u200e2023-10-18-brf.", true},
		{"Energy rose in «الطاقة والتعاون» from 2020 to 2023, said شي جين بينغ at the summit (2 of 3).", false},
	}
	norm := func(s string) string { return strings.Join(strings.Fields(withoutMarks(s)), " ") }
	joinLines := func(lines []string) string { // a line broken after a hyphen goes on without a space
		var b strings.Builder
		for i, l := range lines {
			l = norm(l)
			if i > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteString(" ")
			}
			b.WriteString(l)
		}
		return b.String()
	}
	broken := 0
	for _, p := range paras {
		for _, width := range []vg.Length{0, 150, 230} {
			var got, bare []string
			for _, l := range s.Paragraph(p.text, 10, false, nil, p.rtl, width) {
				got = append(got, extractorOrder(l.VisualText(), p.rtl))
				bare = append(bare, extractorOrder(withoutMarks(l.VisualText()), p.rtl))
			}
			if g, want := joinLines(got), norm(p.text); g != want {
				t.Errorf("at %v pt:\n got %q\nwant %q", width, g, want)
			}
			if joinLines(bare) != norm(p.text) {
				broken++
			}
		}
	}
	if broken == 0 {
		t.Error("every line comes out right without the marks too: the test shows nothing")
	}
}

// A flag, a document id or a path is never split across lines: the wrapper may break after a
// hyphen or a solidus (UAX #14), and before markTokens joined them a narrow line ended with "--" and the
// next began with "speaker" (or "2023-10-18-" and "brf", "data/" and "shift.csv"), so what a
// reader copied from the PDF was not what readout takes. The joiners draw nothing and are not
// text.
func TestParagraphKeepsFlagsWhole(t *testing.T) {
	s := shaper(t)
	for _, p := range []struct {
		text string
		rtl  bool
	}{
		{"Run readout sentences --speaker xi --theme energy on the corpus; see data/shift.csv and 2023-10-18-brf.", false},
		{"شغّل readout sentences --speaker xi --theme energy على المدونة، وانظر data/shift.csv و2023-10-18-brf.", true},
	} {
		plain := s.Shape(p.text, 10, false).Width
		for width := vg.Length(95); width <= 300; width += 7 { // from the width of the longest token
			lines := s.Paragraph(p.text, 10, false, nil, p.rtl, width)
			var words []string
			var total vg.Length
			for _, l := range lines {
				txt := withoutMarks(l.VisualText())
				if strings.ContainsRune(txt, wordJoiner) {
					t.Fatalf("%v pt: a word joiner in the text layer: %q", width, txt)
				}
				words = append(words, strings.Fields(txt)...)
				total += l.Width
			}
			for _, flag := range []string{"--speaker", "--theme", "data/shift.csv"} {
				if !slices.Contains(words, flag) && !slices.Contains(words, flag+".") {
					t.Errorf("%v pt: %s split across lines: %q", width, flag, words)
				}
			}
			if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, "2023-10-18-brf") }) {
				t.Errorf("%v pt: 2023-10-18-brf split across lines: %q", width, words)
			}
			if p.rtl {
				continue
			}
			if d := total - plain; d > 1 || d < -60 { // the joiners have no advance (spaces at breaks go)
				t.Errorf("%v pt: lines %v pt in all, the unbroken line %v", width, total, plain)
			}
		}
	}
}

// Tick labels are multiples of a round step, 0 among them when the axis spans it, and carry no
// precision the numbers lack: 20, not 20.00 (gonum v0.17's default labels for these ranges are
// in the comments).
func TestPlainTicks(t *testing.T) {
	for _, c := range []struct {
		min, max float64
		want     []string
	}{
		{-28, 28, []string{"-20", "0", "20"}},      // gonum: -25.00 0.00 25.00
		{0, 1.3, []string{"0", "0.5", "1"}},        // gonum: 0.0 0.4 0.8 1.2
		{-1.6, 2.6, []string{"-1", "0", "1", "2"}}, // gonum: -1.5 0.5 2.5 (a shift axis: no zero)
		{0, 8000, []string{"0", "2000", "4000", "6000", "8000"}},
	} {
		var got []string
		for _, tk := range (plainTicks{}).Ticks(c.min, c.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("[%v, %v]: labels %q, want %q", c.min, c.max, got, c.want)
		}
	}
}

// A line's width is proportional to its size, fractional sizes too: go-text shapes at whole
// points (rounded up), which made 7.2 and 7.5 points as wide as 8 and 6.5 as wide as 7.
func TestShapeScalesWithSize(t *testing.T) {
	s := shaper(t)
	for _, txt := range []string{"Source: readout 0.1.0, 5 articles 2020-07-08–2023-10-18", "المصدر: خمسة مقالات عربية عن محادثات شي وبوتين"} {
		ref := s.Shape(txt, 10, false).Width / 10
		for _, size := range []vg.Length{5.5, 6.5, 7.2, 7.5, 9} {
			got := s.Shape(txt, size, false).Width / size
			if d := math.Abs(float64(got/ref) - 1); d > 0.005 {
				t.Errorf("%q at %v pt: %.3f pt per point of size, at 10 pt %.3f (%.1f%% off)", txt, size, got, ref, 100*d)
			}
		}
	}
}

// A table cell of an Arabic report that begins with a Latin name but has Arabic in it is laid
// out right to left, as its paragraph would be: the name at the right, the Arabic and its
// number in brackets to its left (laid out left to right it read "(2000عدد المقالات )").
func TestArabicCellBeginningLatin(t *testing.T) {
	s := shaper(t)
	cell := "/tmp/c2000 (عدد المقالات 2000)"
	l := fit(s, cell, 8.5, false, true, 400)
	txt, _ := markLTRTokens(cell, nil)
	joined, _ := markTokens([]rune(txt), nil, false, true)
	got := runsText(l, string(joined))
	if len(got) < 2 || got[len(got)-1] != "L:/tmp/c2000" || !l.rtl {
		t.Errorf("runs in visual order %q, want the name's run last (at the right)", got)
	}
}

// A wide table scrolls inside the page instead of widening it: at a phone's width (390 px, in
// headless Chromium) the Arabic report's tables pushed the page past the screen, and its right
// edge, where every line begins, was off screen.
func TestHTMLTablesScrollInPage(t *testing.T) {
	page := arabicTableHTML(t, []string{"a", "b"}, []string{"x", "y"})
	rule := regexp.MustCompile(`(?m)^table\{[^}]*\}`).FindString(page)
	for _, want := range []string{"display:block", "max-width:100%", "overflow-x:auto"} {
		if !strings.Contains(rule, want) {
			t.Errorf("the table rule %q lacks %s", rule, want)
		}
	}
}

// A glyph's outline is written once and drawn in the colour of the text it is in: its template
// sets no colour (it held the colour current when it was first drawn, and a diff's red and
// green letters came out in whatever colour each letter had first had in the report).
func TestGlyphTemplatesSetNoColour(t *testing.T) {
	l := shaper(t).Shape("ab", 12, false)
	if len(l.runs) == 0 || len(l.runs[0].Glyphs) == 0 {
		t.Fatal("no glyphs")
	}
	face, gid := l.runs[0].Face, l.runs[0].Glyphs[0].GlyphID
	c := newPDFCanvas(200, 200, "t", "en")
	c.SetColor(color.RGBA{R: 200, A: 255})
	c.PlaceGlyph(face, gid, 10, 10, 12)
	c.SetColor(color.RGBA{G: 150, A: 255})
	c.PlaceGlyph(face, gid, 30, 10, 12)
	if len(c.glyphs) != 1 {
		t.Fatalf("%d templates for one glyph", len(c.glyphs))
	}
	for _, tpl := range c.glyphs {
		for _, line := range strings.Split(string(tpl.Bytes()), "\n") {
			f := strings.Fields(line)
			if len(f) > 0 && strings.EqualFold(f[len(f)-1], "rg") || len(f) > 0 && strings.EqualFold(f[len(f)-1], "g") {
				t.Errorf("the glyph's template sets a colour: %q", line)
			}
		}
	}
}

// An interval's cell is a number's: left to right inside the Arabic report (in a cell of
// dir="auto" its two numbers came out in right-to-left order, the high end first).
func TestIntervalCellsReadLeftToRight(t *testing.T) {
	page := arabicTableHTML(t, []string{"المحور", "المجال"}, []string{"الطاقة", "-37.74 … 0.00"})
	if !strings.Contains(page, `<td class="num">-37.74 … 0.00</td>`) {
		t.Errorf("the interval's cell is not a number's:\n%s", page[strings.Index(page, "<table"):])
	}
}

// arabicTableHTML writes an Arabic report of one table, with one row, as HTML.
func arabicTableHTML(t *testing.T, columns, row []string) string {
	t.Helper()
	r := &Report{Lang: "ar", Title: "t", Tables: []Table{{Title: "t", Columns: columns, Rows: [][]string{row}}}}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
