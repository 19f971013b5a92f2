package reports

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Palette is Okabe and Ito's colour-blind-safe palette.
var Palette = []color.Color{
	color.RGBA{0, 114, 178, 255},   // blue
	color.RGBA{213, 94, 0, 255},    // vermillion
	color.RGBA{0, 158, 115, 255},   // bluish green
	color.RGBA{230, 159, 0, 255},   // orange
	color.RGBA{204, 121, 167, 255}, // reddish purple
	color.RGBA{86, 180, 233, 255},  // sky blue
	color.RGBA{240, 228, 66, 255},  // yellow
	color.RGBA{0, 0, 0, 255},       // black
}

// Chart is a plot with its source line, ready to be written in any format.
type Chart struct {
	Name  string // file stem: theme-rates, theme-heatmap, shift, keyness, similarity, speakers
	Title string
	// Caption says in a sentence what the chart shows and how to read it (figcaption and alt
	// text in HTML, the line under it in the PDF and Markdown); set by Report from the
	// language's caption.NAME message.
	Caption string
	Source  string // "Source: …" line drawn under the plot
	Plot    *plot.Plot
	Width   vg.Length
	Height  vg.Length
	h       Handler
	legend  vg.Length // the strip right of the plot its legend takes, 0 with none
}

// legendOutside moves the chart's legend out of the data: into a strip of its own right of the
// plot. gonum draws a legend in the data area's top or bottom right corner; the plot is drawn
// narrower by the strip's width, and the legend shifted right into the strip. The chart keeps
// its width, so that a report's page does not scale it down.
func (ch *Chart) legendOutside() *Chart {
	size := ch.Plot.Legend.Rectangle(draw.Canvas{}).Size()
	if size.X <= 0 {
		return ch
	}
	ch.legend = size.X + vg.Points(10)
	ch.Plot.Legend.XOffs += ch.legend - vg.Points(6) // 4 points from the data, 6 from the edge
	// a long legend makes the chart taller: it starts at the data's top (or bottom) edge and
	// must end above the axis and the source line (or below the title)
	ch.Height = max(ch.Height, size.Y+4*vg.Centimeter)
	return ch
}

// Formats of charts.
var Formats = []string{"png", "svg", "pdf"}

// CheckFormat returns an error for a format readout cannot write.
func CheckFormat(f string) error {
	for _, k := range Formats {
		if f == k {
			return nil
		}
	}
	return fmt.Errorf("unsupported format %q: use %s", f, strings.Join(Formats, ", "))
}

// DefaultDPI is the resolution of PNG charts.
const DefaultDPI = 150

// Draw draws the chart into a canvas area: the plot, then the source line under it.
func (ch *Chart) Draw(dc draw.Canvas) {
	ch.Plot.Draw(ch.plotArea(dc))
	if ch.Source != "" {
		sty := text.Style{Color: color.Gray{Y: 90}, Font: font.Font{Size: sourceSize}, Handler: ch.h, XAlign: text.XLeft, YAlign: text.YBottom}
		src := ch.fitSource(&sty.Font, dc.Size().X-2*chartInset)
		if BaseRTL(ch.Source) {
			sty.XAlign = text.XRight
			dc.FillText(sty, vg.Point{X: dc.Max.X - chartInset, Y: dc.Min.Y + chartInset}, src)
		} else {
			dc.FillText(sty, vg.Point{X: dc.Min.X + chartInset, Y: dc.Min.Y + chartInset}, src)
		}
	}
}

const (
	sourceSize = vg.Length(7.5) // points: the source line under the plot
	// chartInset keeps everything a chart draws off its edges: a heatmap's last column, a long
	// tick label at either end of an axis and a source line's descenders touched them.
	chartInset = vg.Length(5)
)

// minSourceSize is the smallest type a source line is set in to fit; past it, it is cut.
const minSourceSize = vg.Length(5.5)

// fitSource returns the source line as it fits in width: in smaller type down to
// minSourceSize (f.Size is set), then with the middle of its longest words cut out, then with
// words cut from its end, each cut marked "…" (a long corpus name ran the line off the chart). The line in full is in data/run.json.
func (ch *Chart) fitSource(f *font.Font, width vg.Length) string {
	src := ch.Source
	w, _, _ := ch.h.Box(src, *f)
	if w <= width {
		return src
	}
	f.Size = max(minSourceSize, f.Size*width/w)
	words := strings.Fields(src)
	fits := func() bool {
		src = strings.Join(words, " ")
		w, _, _ := ch.h.Box(src, *f)
		return w <= width
	}
	// first the longest word (a corpus's path) loses its middle, so that the counts, dates and
	// periods at the line's end stay
	for !fits() {
		long := 0
		for i, wd := range words {
			if utf8.RuneCountInString(wd) > utf8.RuneCountInString(words[long]) {
				long = i
			}
		}
		r := []rune(words[long])
		if len(r) <= 24 { // not a date range (21) or a digest (12)
			break
		}
		keep := len(r) * 4 / 10
		words[long] = string(r[:keep]) + "…" + string(r[len(r)-keep:])
	}
	if fits() {
		return src
	}
	for n := len(words); n > 0; n-- {
		if n < len(words) {
			src = strings.Join(words[:n], " ") + " …"
		}
		if w, _, _ := ch.h.Box(src, *f); w <= width {
			return src
		}
	}
	return "…"
}

// plotArea is the part of the chart's canvas its plot is drawn in: above the source line,
// left of the legend's strip, inset from the edges.
func (ch *Chart) plotArea(dc draw.Canvas) draw.Canvas {
	area := dc
	area.Min.Y += sourceSize * 2.2
	area.Min.X += chartInset
	area.Max.X -= ch.legend
	if ch.legend == 0 {
		area.Max.X -= chartInset
	}
	return area
}

// WriteTo writes the chart as png (at dpi), svg or pdf.
func (ch *Chart) WriteTo(w io.Writer, format string, dpi int) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	var c vg.CanvasWriterTo
	switch format {
	case "png":
		if dpi <= 0 {
			dpi = DefaultDPI
		}
		img := vgimg.NewWith(vgimg.UseWH(ch.Width, ch.Height), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
		c = vgimg.PngCanvas{Canvas: img}
	case "svg":
		c = vgsvg.New(ch.Width, ch.Height)
	case "pdf":
		p := vgpdf.New(ch.Width, ch.Height)
		p.EmbedFonts(true)
		c = p
	}
	if format != "png" { // a white page, as in PNG
		dc := draw.New(c)
		dc.SetColor(color.White)
		dc.Fill(dc.Rectangle.Path())
	}
	ch.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// newPlot returns a plot whose every text goes through the shaping handler.
func newPlot(h Handler, title string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Handler = h
	p.Title.TextStyle.Font.Size = vg.Points(12)
	p.Title.TextStyle.Font.Weight = 700
	p.Title.Padding = vg.Points(6)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Handler = h
		ax.Label.TextStyle.Font.Size = vg.Points(10)
		ax.Tick.Label.Handler = h
		ax.Tick.Label.Font.Size = vg.Points(9)
		ax.Tick.Marker = plainTicks{}
	}
	p.Legend.TextStyle.Handler = h
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.Top = true
	p.Legend.Left = false
	p.Legend.Padding = vg.Points(2.5)
	return p
}

// plainTicks are labelled ticks at the multiples of a round step (1, 2 or 5 times a power of
// ten, about five of them), so that 0 is one whenever the axis spans it (gonum's default ticks
// labelled a shift axis -1.5, 0.5, 2.5, the zero line between unlabelled ticks), with unlabelled
// ticks between, and no trailing zeros: a count axis read "7500.00" and a rate axis "25.00",
// precision the numbers do not have.
type plainTicks struct{}

func (plainTicks) Ticks(lo, hi float64) []plot.Tick {
	min, max := lo, hi
	if !(max > min) || math.IsInf(max-min, 0) || math.IsNaN(max-min) {
		return plot.DefaultTicks{}.Ticks(min, max)
	}
	raw := (max - min) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	decimals := -int(math.Floor(math.Log10(step) + 1e-9))
	if decimals < 0 {
		decimals = 0
	}
	var ticks []plot.Tick
	for k := math.Ceil(min / step * 2); k/2*step <= max+step*1e-9; k++ {
		v := k / 2 * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		t := plot.Tick{Value: v}
		if int(k)%2 == 0 {
			t.Label = strconv.FormatFloat(v, 'f', decimals, 64)
		}
		ticks = append(ticks, t)
	}
	for i, t := range ticks {
		if strings.Contains(t.Label, ".") && !strings.ContainsAny(t.Label, "eE") {
			t.Label = strings.TrimRight(strings.TrimRight(t.Label, "0"), ".")
		}
		if t.Label == "-0" {
			t.Label = "0"
		}
		ticks[i] = t
	}
	return ticks
}

// noData is a plot that says there is nothing to draw, and why.
type noData struct {
	msg string
	h   Handler
}

func (n noData) Plot(c draw.Canvas, plt *plot.Plot) {
	c.FillText(text.Style{Color: color.Gray{Y: 90}, Font: font.Font{Size: vg.Points(11)}, Handler: n.h, XAlign: text.XCenter, YAlign: text.YCenter},
		c.Center(), n.msg)
}

// emptyChart is a chart with its title and a message in place of data: a corpus can be too small
// for a chart (no key term reaches the minimum count, no theme is mentioned).
func emptyChart(h Handler, t Terms, name, title, source string) *Chart {
	p := newPlot(h, title)
	p.HideAxes()
	p.Add(noData{msg: t.NoData, h: h})
	return &Chart{Name: name, Title: title, Source: source, Plot: p, Width: 16 * vg.Centimeter, Height: 6 * vg.Centimeter, h: h}
}

// RateSeries is one theme's rate over time.
type RateSeries struct {
	Label  string
	Points []RatePoint
}

// RatePoint is a rate at a time: X a decimal year, Label what to print by the point.
type RatePoint struct {
	X     float64
	Label string
	Y     float64
}

// RatesChart draws one line per theme, rate against time, each point at its date, the dates
// labelled on the time axis.
func RatesChart(h Handler, t Terms, series []RateSeries, source string) *Chart {
	if len(series) == 0 {
		return emptyChart(h, t, "theme-rates", t.RatesTitle, source)
	}
	p := newPlot(h, t.RatesTitle)
	p.X.Label.Text = t.Time
	p.Y.Label.Text = t.Per1k
	p.Y.Min = 0
	ticks := map[float64]string{}
	maxY := 0.0
	for i, s := range series {
		xys := make(plotter.XYs, len(s.Points))
		for j, pt := range s.Points {
			xys[j] = plotter.XY{X: pt.X, Y: pt.Y}
			ticks[pt.X] = pt.Label
			maxY = math.Max(maxY, pt.Y)
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			continue
		}
		col := Palette[i%len(Palette)]
		line.Color, points.Color = col, col
		line.Width = vg.Points(1.5)
		points.Shape = draw.CircleGlyph{}
		points.Radius = vg.Points(3)
		p.Add(line, points)
		p.Legend.Add(s.Label, line, points)
	}
	p.Y.Max = maxY * (1.15 + 0.07*float64(len(series))) // room for the legend above the lines
	p.X.Tick.Marker = dateTicks(ticks)
	p.X.Tick.Label.Rotation = math.Pi / 6
	// the label's top right corner at the tick: centred on it, the raised end of a rotated
	// label met the tick mark, which cut through its last digit
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = text.XRight, text.YTop
	p.X.Padding = vg.Points(10)
	p.Add(plotter.NewGrid())
	return (&Chart{Name: "theme-rates", Title: t.RatesTitle, Source: source, Plot: p, Width: 18 * vg.Centimeter, Height: 11 * vg.Centimeter, h: h}).legendOutside()
}

// dateTicks puts a tick, labelled by its date, at each point in time of the series; past
// MaxDateLabels points, only every k-th is labelled (the first and the last always), so that
// labels never run into each other.
type dateTicks map[float64]string

// MaxDateLabels is the most labelled ticks on a time axis.
const MaxDateLabels = 12

func (d dateTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for x, l := range d {
		out = append(out, plot.Tick{Value: x, Label: l})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	if n := len(out); n > MaxDateLabels {
		every := (n + MaxDateLabels - 1) / MaxDateLabels
		for i := range out {
			if i%every != 0 && i != n-1 {
				out[i].Label = ""
			}
		}
		if r := (n - 1) % every; r != 0 && 2*r < every {
			out[n-1-r].Label = "" // the label before the last would touch it
		}
	}
	// dates close together (2022-12-30 and 2023-03-21 on a four-year axis) would overprint: a
	// label nearer the one before than MinDateGap of the axis is left out, the last one kept
	gap := (max - min) * MinDateGap
	last := -1
	for i := range out {
		if out[i].Label == "" {
			continue
		}
		if last >= 0 && out[i].Value-out[last].Value < gap {
			if i == len(out)-1 {
				out[last].Label = ""
			} else {
				out[i].Label = ""
				continue
			}
		}
		last = i
	}
	return out
}

// MinDateGap is the least distance between two labelled dates, as a share of the time axis: a
// date label, slanted at 30°, takes about a twelfth of an 18 cm axis.
const MinDateGap = 0.09

// heatmap is a grid of values drawn as shaded cells with the values printed.
type heatmap struct {
	values [][]float64 // [row][col]
	format string
	h      Handler
	max    float64
	size   vg.Length // of the numbers
}

// MaxChartWidth is the widest a chart is drawn, in centimetres: wider ones would be shrunk to
// illegible type on an A4 page.
const MaxChartWidth = 20.0

func (hm *heatmap) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, ty := plt.Transforms(&c)
	for r, row := range hm.values {
		for k, v := range row {
			x0, x1 := tx(float64(k)-0.5), tx(float64(k)+0.5)
			y0, y1 := ty(float64(r)-0.5), ty(float64(r)+0.5)
			f := 0.0
			if hm.max > 0 && !math.IsNaN(v) {
				f = math.Max(0, math.Min(1, v/hm.max))
			}
			fill := color.RGBA{uint8(255 - f*(255-8)), uint8(255 - f*(255-81)), uint8(255 - f*(255-156)), 255}
			c.SetColor(fill)
			c.Fill(vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}.Path())
			txt := "–"
			if !math.IsNaN(v) {
				txt = fmt.Sprintf(hm.format, v)
			}
			col := color.Color(color.Black)
			if f > 0.55 {
				col = color.White
			}
			c.FillText(text.Style{Color: col, Font: font.Font{Size: hm.size}, Handler: hm.h, XAlign: text.XCenter, YAlign: -0.3},
				vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, txt)
		}
	}
}

func (hm *heatmap) DataRange() (xmin, xmax, ymin, ymax float64) {
	cols := 0
	if len(hm.values) > 0 {
		cols = len(hm.values[0])
	}
	return -0.5, float64(cols) - 0.5, -0.5, float64(len(hm.values)) - 0.5
}

// HeatmapChart draws rows × columns of values as shaded cells with each value printed.
// The first row is drawn at the top.
func HeatmapChart(h Handler, t Terms, name, title, xLabel, yLabel string, rows, cols []string, values [][]float64, format, source string) *Chart {
	if len(rows) == 0 || len(cols) == 0 {
		return emptyChart(h, t, name, title, source)
	}
	p := newPlot(h, title)
	flipped := make([][]float64, len(values))
	rev := make([]string, len(rows))
	mx := 0.0
	for i := range values {
		flipped[len(values)-1-i] = values[i]
		rev[len(rows)-1-i] = rows[i]
		for _, v := range values[i] {
			if !math.IsNaN(v) {
				mx = math.Max(mx, v)
			}
		}
	}
	// Cells are 2.2 cm wide up to a chart 20 cm wide; past it (more than five columns) they
	// narrow to keep the chart 20 cm wide, their numbers in a smaller type, the column labels
	// steeper so they do not touch.
	cell := math.Min(2.2, (MaxChartWidth-9)/float64(len(cols)))
	size := vg.Points(8)
	if cell < 1.2 {
		size = vg.Points(6.5)
	}
	p.Add(&heatmap{values: flipped, format: format, h: h, max: mx, size: size})
	p.NominalX(cols...)
	p.NominalY(rev...)
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.X.Tick.Label.Rotation = math.Pi / 6
	if cell < 1.2 {
		p.X.Tick.Label.Rotation = math.Pi / 4
	}
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = text.XRight, text.YCenter
	height := vg.Length(4+0.75*float64(len(rows))) * vg.Centimeter
	width := vg.Length(9+cell*float64(len(cols))) * vg.Centimeter
	return &Chart{Name: name, Title: title, Source: source, Plot: p, Width: width, Height: height, h: h}
}

// ShiftItem is one theme's change between two periods with its interval.
type ShiftItem struct {
	Label        string
	Diff, Lo, Hi float64
}

// ShiftChart draws each theme's change in rate between two periods as a point with its 95%
// interval, largest rise at the top, around a line at zero: a filled point when the interval
// excludes zero, a ring when it includes it.
func ShiftChart(h Handler, t Terms, items []ShiftItem, source string) *Chart {
	if len(items) == 0 {
		return emptyChart(h, t, "shift", t.ShiftTitle, source)
	}
	p := newPlot(h, t.ShiftTitle)
	sorted := append([]ShiftItem(nil), items...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Diff < sorted[j].Diff })
	var names []string
	var pts plotter.XYs
	var errs plotter.XErrors
	for i, it := range sorted {
		names = append(names, it.Label)
		pts = append(pts, plotter.XY{X: it.Diff, Y: float64(i)})
		lo, hi := it.Diff-it.Lo, it.Hi-it.Diff
		if math.IsNaN(lo) || math.IsNaN(hi) {
			lo, hi = 0, 0
		}
		errs = append(errs, struct{ Low, High float64 }{lo, hi})
	}
	if len(pts) > 0 {
		// a filled point: the interval excludes zero; a ring: it includes zero (inconclusive)
		var sure, unsure plotter.XYs
		for i, it := range sorted {
			if it.Lo > 0 || it.Hi < 0 {
				sure = append(sure, pts[i])
			} else {
				unsure = append(unsure, pts[i])
			}
		}
		eb := &plotter.XErrorBars{XYs: pts, XErrors: errs, LineStyle: draw.LineStyle{Color: Palette[0], Width: vg.Points(1.2)}, CapWidth: vg.Points(5)}
		ymin, ymax := -0.5, float64(len(pts))-0.5
		zl, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: ymin}, {X: 0, Y: ymax}})
		zl.Color = color.Gray{Y: 120}
		zl.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
		p.Add(plotter.NewGrid(), zl, eb)
		for _, g := range []struct {
			xy    plotter.XYs
			shape draw.GlyphDrawer
		}{{sure, draw.CircleGlyph{}}, {unsure, ringOnWhite{}}} {
			if len(g.xy) == 0 {
				continue
			}
			sc, _ := plotter.NewScatter(g.xy)
			sc.Color, sc.Shape, sc.Radius = Palette[0], g.shape, vg.Points(3.5)
			p.Add(sc)
		}
	}
	p.NominalY(names...)
	p.X.Label.Text = t.ShiftAxis
	// pad the axis so that no whisker or point ends on the frame
	lo, hi := 0.0, 0.0
	for _, it := range sorted {
		for _, v := range []float64{it.Lo, it.Hi, it.Diff} {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	padX(p, lo, hi)
	return &Chart{Name: "shift", Title: t.ShiftTitle, Source: source, Plot: p, Width: 18 * vg.Centimeter, Height: vg.Length(4+0.7*float64(len(items))) * vg.Centimeter, h: h}
}

// padX sets the x axis to [lo, hi] and 6 % more on each side, so that no bar, point or whisker
// ends on the frame.
func padX(p *plot.Plot, lo, hi float64) {
	pad := (hi - lo) * 0.06
	if pad == 0 {
		pad = 1
	}
	p.X.Min, p.X.Max = lo-pad, hi+pad
}

// ringOnWhite is a hollow circle over the interval's line, so that the point reads as open.
type ringOnWhite struct{}

func (ringOnWhite) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetColor(color.White)
	draw.CircleGlyph{}.DrawGlyph(c, draw.GlyphStyle{Color: color.White, Radius: sty.Radius, Shape: draw.CircleGlyph{}}, pt)
	draw.RingGlyph{}.DrawGlyph(c, draw.GlyphStyle{Color: sty.Color, Radius: sty.Radius, Shape: draw.RingGlyph{}}, pt)
}

// KeyItem is a term and its keyness score.
type KeyItem struct {
	Label string
	Value float64
}

// KeynessChart draws the top positive and negative terms as horizontal bars of their score;
// moreIn and lessIn name the two colours in the legend.
func KeynessChart(h Handler, t Terms, items []KeyItem, measure, moreIn, lessIn, source string) *Chart {
	if len(items) == 0 {
		return emptyChart(h, t, "keyness", t.KeynessTitle, source)
	}
	p := newPlot(h, t.KeynessTitle)
	p.Legend.Top = false // positive bars fill the top right; the bottom right is always free
	for k, name := range []string{moreIn, lessIn} {
		sw, _ := plotter.NewBarChart(plotter.Values{0}, vg.Points(6))
		sw.Color, sw.LineStyle.Width = Palette[k], 0
		p.Legend.Add(name, sw)
	}
	sorted := append([]KeyItem(nil), items...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Value < sorted[j].Value })
	var names []string
	for i, it := range sorted {
		names = append(names, it.Label)
		col := Palette[0]
		if it.Value < 0 {
			col = Palette[1]
		}
		b := &hbar{y: float64(i), v: it.Value, col: col}
		p.Add(b)
	}
	p.NominalY(names...)
	p.X.Label.Text = measure
	lo, hi := 0.0, 0.0
	for _, it := range sorted {
		lo, hi = math.Min(lo, it.Value), math.Max(hi, it.Value)
	}
	padX(p, lo, hi) // no bar ends on the frame
	p.Add(plotter.NewGrid())
	return (&Chart{Name: "keyness", Title: t.KeynessTitle, Source: source, Plot: p, Width: 18 * vg.Centimeter, Height: vg.Length(4+0.6*float64(len(items))) * vg.Centimeter, h: h}).legendOutside()
}

// hbar is one horizontal bar from 0 to v at row y.
type hbar struct {
	y, v float64
	col  color.Color
}

func (b *hbar) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, ty := plt.Transforms(&c)
	x0, x1 := tx(0), tx(b.v)
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	c.SetColor(b.col)
	c.Fill(vg.Rectangle{Min: vg.Point{X: x0, Y: ty(b.y - 0.35)}, Max: vg.Point{X: x1, Y: ty(b.y + 0.35)}}.Path())
}

func (b *hbar) DataRange() (xmin, xmax, ymin, ymax float64) {
	return math.Min(0, b.v), math.Max(0, b.v), b.y - 0.5, b.y + 0.5
}

// SpeakerGroup is one theme's mentions by each speaker.
type SpeakerGroup struct {
	Label  string
	Counts []float64 // one per speaker, in the order of the speakers given to SpeakersChart
}

// SpeakersChart draws who said what: for each theme, a bar of mentions per speaker.
func SpeakersChart(h Handler, t Terms, speakers []string, groups []SpeakerGroup, source string) *Chart {
	if len(groups) == 0 || len(speakers) == 0 {
		return emptyChart(h, t, "speakers", t.SpeakersTitle, source)
	}
	p := newPlot(h, t.SpeakersTitle)
	n := len(speakers)
	w := vg.Points(7)
	var names []string
	for _, g := range groups {
		names = append(names, g.Label)
	}
	for s := 0; s < n; s++ {
		vals := make(plotter.Values, len(groups))
		for i, g := range groups {
			vals[i] = g.Counts[s]
		}
		bc, err := plotter.NewBarChart(vals, w)
		if err != nil {
			continue
		}
		bc.Color = Palette[s%len(Palette)]
		bc.LineStyle.Width = 0
		bc.Offset = w * vg.Length(float64(s)-float64(n-1)/2)
		p.Add(bc)
		p.Legend.Add(speakers[s], bc)
	}
	p.NominalX(names...)
	p.X.Tick.Label.Rotation = math.Pi / 6
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = text.XRight, text.YCenter
	p.Y.Label.Text = t.Mentions
	// room for the outer bars of the first and last groups, above the tallest bar, and for the
	// legend above the bars
	maxY := 0.0
	for _, g := range groups {
		for _, c := range g.Counts {
			maxY = math.Max(maxY, c)
		}
	}
	p.X.Min, p.X.Max = -0.7, float64(len(groups)-1)+0.7
	p.Y.Min, p.Y.Max = 0, math.Max(1, maxY)*(1.1+0.08*float64(n))
	p.Add(plotter.NewGrid())
	ch := (&Chart{Name: "speakers", Title: t.SpeakersTitle, Source: source, Plot: p, Width: vg.Length(8+1.4*float64(len(groups))) * vg.Centimeter, Height: 12 * vg.Centimeter, h: h}).legendOutside()
	ch.Width += ch.legend // the width is the groups'; the legend's strip comes on top
	return ch
}
