package reports

import (
	"image/color"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// A4 in points, and the page margin.
var (
	pageW  = vg.Millimeter * 210
	pageH  = vg.Millimeter * 297
	margin = vg.Millimeter * 18
)

// pdfWriter lays out a report on A4 pages, top to bottom.
type pdfWriter struct {
	c     *pdfCanvas
	sh    *Shaper
	y     vg.Length // the top of the free space
	page  int
	rtl   bool // the report's language reads right to left
	terms Terms
}

func (p *pdfWriter) width() vg.Length { return pageW - 2*margin }

func (p *pdfWriter) newPage() {
	if p.page > 0 {
		p.c.NextPage()
	}
	p.page++
	p.y = pageH - margin
	// page number at the foot
	l := p.sh.Shape(itoa(p.page), 8, false)
	p.c.SetColor(color.Gray{Y: 110})
	l.Draw(p.c, pageW/2-l.Width/2, margin/2)
}

// need starts a new page unless h fits above the bottom margin.
func (p *pdfWriter) need(h vg.Length) {
	if p.y-h < margin {
		p.newPage()
	}
}

// paragraph wraps text to the page width, aligned to the right for right-to-left text, each
// rune in its colour when colors is given.
func (p *pdfWriter) paragraph(txt string, size vg.Length, bold bool, col color.Color, colors []color.Color) {
	lead := size * 1.75
	rtl := p.direction(txt)
	for _, l := range p.sh.Paragraph(txt, size, bold, colors, rtl, p.width()) {
		p.need(lead)
		p.y -= lead
		p.c.SetColor(col)
		x := margin
		if rtl || p.rtl { // an Arabic report's page is right-aligned, a Latin title on it too
			x = pageW - margin - l.Width
		}
		l.Draw(p.c, x, p.y+size*0.45)
		p.c.InvisibleText(x, p.y+size*0.45, l.Width, size, l.VisualText())
	}
	p.y -= size * 0.5
}

// direction reports whether a paragraph or a table cell is right to left, for every line of
// it: its first strong letter's direction, or in an Arabic report, right to left whenever it has
// Arabic in it (the "how to cite" paragraph begins with readout's name but is an Arabic
// sentence; the cell «/tmp/c2000 (عدد المقالات 2000)» came out as "(2000عدد المقالات )").
func (p *pdfWriter) direction(txt string) bool {
	return BaseRTL(txt) || (p.rtl && hasArabicLetter(txt))
}

func (p *pdfWriter) heading(txt string, size vg.Length) {
	p.need(size * 4)
	p.y -= size * 0.8
	p.paragraph(txt, size, true, color.RGBA{20, 40, 90, 255}, nil)
}

// table draws a table: columns of equal share of the page width (the first one wider), right
// to left for a right-to-left report; a cell too long for its column is cut with an ellipsis.
func (p *pdfWriter) table(t Table) {
	if t.Title != "" {
		p.heading(t.Title, 11)
	}
	if t.Note != "" {
		p.paragraph(t.Note, 8.5, false, color.Gray{Y: 80}, nil)
	}
	n := len(t.Columns)
	if n == 0 {
		return
	}
	widths := make([]vg.Length, n)
	first := p.width() * 0.34
	if n > 6 {
		first = p.width() * 0.26 // many columns: more room for each, the row labels fit
	}
	if n == 1 {
		first = p.width()
	}
	for i := range widths {
		widths[i] = (p.width() - first) / vg.Length(max(n-1, 1))
	}
	widths[0] = first
	row := func(cells []string, bold bool) {
		size := vg.Length(8.5)
		lead := size * 1.9
		if bold && n > 6 {
			size = 7.5 // the headings of many narrow columns (ids with their dates)
		}
		// a heading cell wraps onto up to three lines (a document's id with its date), a body
		// cell is cut to one
		lines := make([][]Line, len(cells))
		most := 1
		for i, cell := range cells {
			rtl := p.direction(cell) // a cell's as a paragraph's
			if bold {
				lines[i] = wrapCell(p.sh, cell, size, bold, rtl, widths[i]-6, 3)
			} else {
				lines[i] = []Line{fit(p.sh, cell, size, bold, rtl, widths[i]-6)}
			}
			most = max(most, len(lines[i]))
		}
		height := lead + vg.Length(most-1)*size*1.2
		p.need(height)
		p.y -= height
		x := margin
		if p.rtl {
			x = pageW - margin
		}
		for i, cell := range cells {
			w := widths[i]
			cx := x
			if p.rtl {
				cx = x - w
			}
			rtl := p.direction(cell)
			p.c.SetColor(color.Black)
			for k, l := range lines[i] {
				tx := cx + 3
				if rtl || (p.rtl && isNumber(cell)) {
					tx = cx + w - 3 - l.Width
				}
				y := p.y + size*0.5 + vg.Length(len(lines[i])-1-k)*size*1.2
				l.Draw(p.c, tx, y)
				p.c.InvisibleText(tx, y, l.Width, size, l.VisualText())
			}
			if p.rtl {
				x -= w
			} else {
				x += w
			}
		}
		p.c.SetColor(color.Gray{Y: 200})
		p.c.SetLineWidth(0.5)
		var ln vg.Path
		ln.Move(vg.Point{X: margin, Y: p.y})
		ln.Line(vg.Point{X: pageW - margin, Y: p.y})
		p.c.Stroke(ln)
	}
	row(t.Columns, true)
	for _, r := range t.Rows {
		row(r, false)
	}
	p.y -= 8
}

func isNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !(unicode.IsDigit(r) || strings.ContainsRune("-+.,%–− …", r)) }) < 0 // (an interval: 2.52 … 15.95)
}

var isoDate = regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}`)

// wrapCell shapes text onto at most maxLines lines of width w, breaking after a hyphen, an
// underscore or a space, not inside a date (almontsf-2023-03-22 → almontsf- / 2023-03-22); a piece too wide for
// a line, or what is left for the last, is cut with an ellipsis (fit).
func wrapCell(sh *Shaper, txt string, size vg.Length, bold, rtl bool, w vg.Length, maxLines int) []Line {
	width := func(s string) vg.Length { return sh.ShapeIn(strings.TrimSpace(s), size, bold, nil, rtl).Width }
	if utf8.RuneCountInString(txt) > 200 || width(txt) <= w {
		return []Line{fit(sh, txt, size, bold, rtl, w)}
	}
	var pieces []string // each with the break that ends it
	start := 0
	dates := isoDate.FindAllStringIndex(txt, -1)
	inDate := func(i int) bool {
		for _, d := range dates {
			if i > d[0] && i < d[1] {
				return true
			}
		}
		return false
	}
	for i, r := range txt {
		if inDate(i) {
			continue // a date (2023-03-22) stays whole
		}
		if r == '-' || r == '_' || r == ' ' {
			pieces = append(pieces, txt[start:i+1])
			start = i + 1
		}
	}
	pieces = append(pieces, txt[start:])
	var lines []string
	cur := ""
	for _, pc := range pieces {
		next := cur + pc
		if cur != "" && len(lines) < maxLines-1 && width(next) > w {
			lines, next = append(lines, cur), pc
		}
		cur = next
	}
	lines = append(lines, cur)
	out := make([]Line, len(lines))
	for i, l := range lines {
		out[i] = fit(sh, strings.TrimSpace(l), size, bold, rtl, w)
	}
	return out
}

// fit shapes text in the direction rtl, cutting it with an ellipsis until it is at most w wide.
func fit(sh *Shaper, txt string, size vg.Length, bold, rtl bool, w vg.Length) Line {
	shape := func(s string) Line { return sh.ShapeIn(s, size, bold, nil, rtl) }
	r := []rune(txt)
	if len(r) <= 1 {
		return shape(txt)
	}
	// no glyph is narrower than a fifth of the size: more runes than that cannot fit, and a
	// 20,000-rune id is not shaped whole
	if most := int(w/(size/5)) + 2; len(r) > most {
		r = r[:most]
	} else if l := shape(txt); l.Width <= w {
		return l
	}
	// the longest start of the text that fits with "…" after it, by bisection: shaping the text
	// once per rune dropped made a long cell quadratic
	cut := func(k int) Line { return shape(strings.TrimSpace(string(r[:k])) + "…") }
	lo, hi := 1, len(r)-1 // cut(lo) is what is drawn however narrow the column
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if cut(mid).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cut(lo)
}

// chart draws a chart scaled to the page width.
func (p *pdfWriter) chart(ch *Chart) {
	scale := 1.0
	if ch.Width > p.width() {
		scale = float64(p.width() / ch.Width)
	}
	h := ch.Height * vg.Length(scale)
	if h > pageH-2*margin {
		scale *= float64((pageH - 2*margin) / h)
		h = ch.Height * vg.Length(scale)
	}
	p.need(h + 10)
	p.y -= h
	w := ch.Width * vg.Length(scale)
	x := margin + (p.width()-w)/2
	p.c.Push()
	p.c.Translate(vg.Point{X: x, Y: p.y})
	p.c.Scale(scale, scale)
	ch.Draw(draw.Canvas{Canvas: p.c, Rectangle: vg.Rectangle{Max: vg.Point{X: ch.Width, Y: ch.Height}}})
	p.c.Pop()
	p.y -= 6
	if ch.Caption != "" {
		p.paragraph(ch.Caption, 8.5, false, color.Gray{Y: 70}, nil)
	}
	p.y -= 8
}

// WritePDF writes the report as a multi-page A4 PDF: a title page, key findings, the charts,
// the tables of theme rates, the recurring formulations with their word diffs, keyness tables,
// the methods and the run record with how to cite it.
func (r *Report) WritePDF(w io.Writer, sh *Shaper) error {
	r = r.mapText(clean)
	p := &pdfWriter{c: newPDFCanvas(pageW, pageH, r.Title, r.Lang), sh: sh, rtl: r.Lang == "ar", terms: r.Terms}
	p.newPage()
	// title page
	p.y = pageH * 0.68
	p.paragraph(r.Title, 22, true, color.RGBA{20, 40, 90, 255}, nil)
	p.y -= 10
	for _, s := range r.Subtitle {
		p.paragraph(s, 11, false, color.Gray{Y: 50}, nil)
	}
	p.y -= 10
	p.paragraph(r.RunDate, 10, false, color.Gray{Y: 80}, nil)

	p.newPage()
	p.heading(r.Terms.KeyFindings, 15)
	for _, f := range r.Findings {
		p.paragraph("• "+f, 10.5, false, color.Black, nil)
	}
	for _, ch := range r.Charts {
		p.newPage()
		p.chart(ch)
	}
	p.newPage()
	for _, t := range r.Tables {
		p.table(t)
	}
	if len(r.Formulations) > 0 {
		p.newPage()
		p.heading(r.Terms.Formulations, 15)
		p.paragraph(r.Terms.DiffLegend, 8.5, false, color.Gray{Y: 80}, nil)
		for _, f := range r.Formulations {
			p.heading(f.Title, 11)
			if f.Note != "" {
				p.paragraph(f.Note, 8.5, false, color.Gray{Y: 80}, nil)
			}
			for _, v := range f.Variants {
				p.paragraph(v.Label, 8.5, true, color.Gray{Y: 70}, nil)
				if v.List != "" {
					p.paragraph(v.List, 8.5, false, color.Gray{Y: 70}, nil)
				}
				txt, cols := diffText(v.Ops)
				p.paragraph(txt, 9.5, false, color.Black, cols)
			}
		}
	}
	if len(r.Keyness) > 0 {
		p.newPage()
		for _, t := range r.Keyness {
			p.table(t)
		}
	}
	p.newPage()
	p.heading(r.Terms.Methods, 15)
	for _, m := range r.Methods {
		p.paragraph(m, 9.5, false, color.Black, nil)
	}
	p.heading(r.Terms.HowToCite, 12)
	p.paragraph(r.Cite, 9.5, false, color.Black, nil)
	p.table(r.RunRecord)
	_, err := p.c.WriteTo(w)
	return err
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func hasArabicLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }) >= 0
}
