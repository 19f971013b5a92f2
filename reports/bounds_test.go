package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// boundsCanvas is a vg.Canvas that draws nothing and records the box of everything drawn on
// it, in the page's coordinates: it tells whether anything falls off the chart.
type boundsCanvas struct {
	w, h  vg.Length
	m     []affine // the transform stack, the current one last
	boxes []vg.Rectangle
	white bool // the current colour is white: a fill of it is the background, not ink
}

type affine [6]float64 // x' = a x + c y + e, y' = b x + d y + f

func (m affine) apply(p vg.Point) vg.Point {
	x, y := float64(p.X), float64(p.Y)
	return vg.Point{X: vg.Length(m[0]*x + m[2]*y + m[4]), Y: vg.Length(m[1]*x + m[3]*y + m[5])}
}

func (m affine) then(n affine) affine { // m applied after n: m∘n
	return affine{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

func newBoundsCanvas(w, h vg.Length) *boundsCanvas {
	return &boundsCanvas{w: w, h: h, m: []affine{{1, 0, 0, 1, 0, 0}}}
}

func (c *boundsCanvas) cur() *affine                       { return &c.m[len(c.m)-1] }
func (c *boundsCanvas) Size() (vg.Length, vg.Length)       { return c.w, c.h }
func (c *boundsCanvas) SetLineWidth(vg.Length)             {}
func (c *boundsCanvas) SetLineDash([]vg.Length, vg.Length) {}
func (c *boundsCanvas) SetColor(col color.Color) {
	if col == nil { // gonum's canvases take nil as black
		c.white = false
		return
	}
	r, g, b, _ := col.RGBA()
	c.white = r == 0xffff && g == 0xffff && b == 0xffff
}
func (c *boundsCanvas) Push()                                   { c.m = append(c.m, *c.cur()) }
func (c *boundsCanvas) Pop()                                    { c.m = c.m[:len(c.m)-1] }
func (c *boundsCanvas) FillString(font.Face, vg.Point, string)  {}
func (c *boundsCanvas) DrawImage(r vg.Rectangle, _ image.Image) { c.add([]vg.Point{r.Min, r.Max}) }
func (c *boundsCanvas) Stroke(p vg.Path)                        { c.path(p) }
func (c *boundsCanvas) Fill(p vg.Path) {
	if !c.white {
		c.path(p)
	}
}
func (c *boundsCanvas) Translate(pt vg.Point) {
	*c.cur() = c.cur().then(affine{1, 0, 0, 1, float64(pt.X), float64(pt.Y)})
}
func (c *boundsCanvas) Scale(x, y float64) { *c.cur() = c.cur().then(affine{x, 0, 0, y, 0, 0}) }
func (c *boundsCanvas) Rotate(rad float64) {
	s, co := math.Sincos(rad)
	*c.cur() = c.cur().then(affine{co, s, -s, co, 0, 0})
}

func (c *boundsCanvas) path(p vg.Path) {
	var pts []vg.Point
	for _, comp := range p {
		switch comp.Type {
		case vg.ArcComp:
			r := comp.Radius
			pts = append(pts, comp.Pos.Add(vg.Point{X: -r, Y: -r}), comp.Pos.Add(vg.Point{X: r, Y: r}),
				comp.Pos.Add(vg.Point{X: -r, Y: r}), comp.Pos.Add(vg.Point{X: r, Y: -r}))
		case vg.CloseComp:
		default:
			pts = append(pts, comp.Pos)
			pts = append(pts, comp.Control...)
		}
	}
	c.add(pts)
}

func (c *boundsCanvas) add(pts []vg.Point) {
	if len(pts) == 0 {
		return
	}
	r := vg.Rectangle{Min: vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(math.Inf(1))}, Max: vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(math.Inf(-1))}}
	for _, p := range pts {
		q := c.cur().apply(p)
		r.Min.X, r.Min.Y = min(r.Min.X, q.X), min(r.Min.Y, q.Y)
		r.Max.X, r.Max.Y = max(r.Max.X, q.X), max(r.Max.Y, q.Y)
	}
	c.boxes = append(c.boxes, r)
}

// chartsAtSize returns every kind of chart drawn from n items of long, mixed labels: n themes'
// rates at n dates, an n × n heatmap, n shifts with wide intervals, n key terms, n themes by
// four speakers.
func chartsAtSize(h Handler, tm Terms, n int) ([]*Chart, []ShiftItem) {
	label := func(i int) string {
		if i%2 == 0 {
			return fmt.Sprintf("التعاون الاستراتيجي الشامل %d", i)
		}
		return fmt.Sprintf("comprehensive strategic partnership %d", i)
	}
	var series []RateSeries
	var rows, cols []string
	var values [][]float64
	var shifts []ShiftItem
	var keys []KeyItem
	var groups []SpeakerGroup
	for i := 0; i < n; i++ {
		var pts []RatePoint
		for j := 0; j < n; j++ {
			pts = append(pts, RatePoint{X: 2020 + 4*float64(j)/float64(n), Label: fmt.Sprintf("2020-%02d-%02d", j%12+1, j%28+1), Y: float64((i*7+j*3)%40) + 0.5})
		}
		series = append(series, RateSeries{Label: label(i), Points: pts})
		rows, cols = append(rows, label(i)), append(cols, fmt.Sprintf("2023-10-18-article-%d", i))
		var row []float64
		for j := 0; j < n; j++ {
			row = append(row, float64((i+j)%9)*1.25)
		}
		values = append(values, row)
		d := float64(i%7-3) * 6.5
		shifts = append(shifts, ShiftItem{Label: label(i), Diff: d, Lo: d - 19, Hi: d + 23})
		keys = append(keys, KeyItem{Label: label(i), Value: float64(n/2-i) * 3.7})
		groups = append(groups, SpeakerGroup{Label: label(i), Counts: []float64{float64(i % 5), 31, float64(i % 3), 2}})
	}
	return []*Chart{
		RatesChart(h, tm, series, "source "+strings.Repeat("x", 40)),
		SpeakersChart(h, tm, []string{"Xi"}, groups[:1], "Source: readout 0.1.0, "+strings.Repeat("Xinhua and RT Arabic agency copy ", 10)+", 2000 articles"),
		HeatmapChart(h, tm, "hm", "title", "x", "y", rows, cols, values, "%.1f", "src"),
		ShiftChart(h, tm, shifts, "src"),
		KeynessChart(h, tm, keys, "G2", "more in 2023", "more in 2020", "src"),
		SpeakersChart(h, tm, []string{"Xi Jinping", "Vladimir Putin", "both", "narration"}, groups, "src"),
	}, shifts
}

// Nothing a chart draws falls off it — no bar, point, whisker, label or legend outside its
// width and height, nothing touching its edge — and a legend is outside the data, at 1, 6 and 30 items per chart, in
// both languages. (A report draws at most the top themes and terms however large the corpus, so
// 30 items is more than a chart of 2,000 articles has.)
func TestChartsInsideTheirBox(t *testing.T) {
	h := Handler{S: shaper(t)}
	for _, lang := range []string{"ar", "en"} {
		tm, _ := TermsFor(lang)
		for _, n := range []int{1, 6, 30} {
			charts, shifts := chartsAtSize(h, tm, n)
			for _, ch := range charts {
				c := newBoundsCanvas(ch.Width, ch.Height)
				ch.Draw(draw.New(c))
				const inset = 2 // points: nothing touches the chart's edge (the heatmap's last column did)
				for _, b := range c.boxes {
					if b.Min.X < inset || b.Min.Y < inset || b.Max.X > ch.Width-inset || b.Max.Y > ch.Height-inset {
						t.Errorf("%s %s, %d items (%.0f × %.0f pt): something drawn at %v", lang, ch.Name, n, ch.Width.Points(), ch.Height.Points(), b)
						break
					}
				}
				if ch.Name == "shift" { // gonum clips a whisker to the data: the axis must hold it
					for _, it := range shifts {
						if it.Lo <= ch.Plot.X.Min || it.Hi >= ch.Plot.X.Max {
							t.Errorf("%s shift: interval [%.1f, %.1f] reaches the axis's ends [%.1f, %.1f]", lang, it.Lo, it.Hi, ch.Plot.X.Min, ch.Plot.X.Max)
						}
					}
				}
				if ch.legend > 0 {
					area := ch.plotArea(draw.New(c))
					data := ch.Plot.DataCanvas(area)
					if left := area.Max.X + ch.Plot.Legend.XOffs - ch.Plot.Legend.Rectangle(area).Size().X; left < data.Max.X {
						t.Errorf("%s %s: legend from x=%.1f, over the data, which end at %.1f", lang, ch.Name, left, data.Max.X)
					}
				}
			}
		}
	}
}

// A corpus's line and paragraph separators and control characters in a label, an id or a
// recurring sentence: go-text's run segmentation panicked on U+000D, U+0085, U+2029 and
// U+001C–U+001E inside a line, in every chart format and the PDF. They are shaped as spaces.
func TestShapeHostileRunes(t *testing.T) {
	s := shaper(t)
	h := Handler{S: s}
	tm, _ := TermsFor("en")
	for _, r := range []rune{'\r', 0x85, 0x2029, 0x2028, 0x1c, 0x1d, 0x1e, 0x0b, 0x1b, 0x202e, 0x2067} {
		label := "السيادة" + string(r) + "sovereignty" + string(r)
		ch := ShiftChart(h, tm, []ShiftItem{{Label: label, Diff: 1, Lo: 0.5, Hi: 2}}, "src "+string(r))
		for _, f := range Formats {
			var b bytes.Buffer
			if err := ch.WriteTo(&b, f, 30); err != nil {
				t.Errorf("U+%04X %s: %v", r, f, err)
			}
		}
		rep := &Report{Lang: "ar", Title: label, Terms: tm, Findings: []string{label}, Charts: []*Chart{ch}}
		var b bytes.Buffer
		if err := rep.WritePDF(&b, s); err != nil {
			t.Errorf("U+%04X PDF: %v", r, err)
		}
		if got := string(Shapeable([]rune(label))); got != "السيادة sovereignty " {
			t.Errorf("U+%04X: Shapeable = %q", r, got)
		}
	}
}

// Whatever text a corpus holds, shaping and drawing it neither panics nor draws off its line.
func FuzzShaper(f *testing.F) {
	for _, s := range []string{"السيادة\rالوطنية", "a\u0085b", "\u2029", "x\u001cy\u001dz\u001e", "2020-07-08 readout --to 2023", "\u202eabc\u202c", "ﻻ\u0653", "\xff\xfe"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	sh, err := NewShaper()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, rtl bool) {
		if len(s) > 2000 {
			return
		}
		for _, l := range sh.Paragraph(s, 10, false, nil, rtl, 200) {
			c := newBoundsCanvas(1000, 1000)
			l.Draw(c, 0, 500)
			_ = l.VisualText()
		}
		sh.Shape(s, 9, true)
	})
}

// A source line too long for its chart loses the middle of its corpus path before anything
// else: the article count, dates and compared periods at its end stay.
func TestFitSourceKeepsItsEnd(t *testing.T) {
	h := Handler{S: shaper(t)}
	ch := &Chart{h: h, Source: "Source: readout 0.1.0, /home/analyst/projects/readout-corpora/" + strings.Repeat("agency-copy-", 8) + "2019-2025, 60 articles 2019-01-01–2025-11-18, sha256 59a994ff518b · 2025 against 2019"}
	f := font.Font{Size: sourceSize}
	got := ch.fitSource(&f, 360)
	if w, _, _ := h.Box(got, f); w > 360 {
		t.Errorf("%.0f pt wide, over 360: %q", w.Points(), got)
	}
	if !strings.HasSuffix(got, "60 articles 2019-01-01–2025-11-18, sha256 59a994ff518b · 2025 against 2019") || !strings.Contains(got, "…") || f.Size != minSourceSize {
		t.Errorf("at %.1f pt: %q", f.Size.Points(), got)
	}
}
