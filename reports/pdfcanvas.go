package reports

import (
	"bytes"
	"image"
	"image/color"
	"io"
	"math"

	"codeberg.org/go-pdf/fpdf"
	gofont "github.com/go-text/typesetting/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pdfCanvas is a vg.Canvas that writes PDF pages with fpdf, and a text layer: every line of the
// report and of its charts is drawn as glyph outlines (the Shaper's, so Arabic is shaped exactly
// as in the PNG and SVG charts; each outline written once, see PlaceGlyph) and written again as invisible text in the embedded Amiri font (UTF-8, Identity-H, subset),
// so that the PDF can be searched, copied and read aloud. The invisible text is written in
// visual order, runs of right-to-left text reversed: PDF text extractors (poppler's pdftotext,
// viewers' copy) put right-to-left text back into logical order themselves, and a line written
// in logical order comes out reversed.
type pdfCanvas struct {
	doc    *fpdf.Fpdf
	w, h   vg.Length
	stack  []pdfState
	glyphs map[glyphKey]fpdf.Template
}

type glyphKey struct {
	face *gofont.Face
	gid  gofont.GID
}

// A glyph's template is drawn at glyphEm units to the em, its origin glyphPad units from the
// bottom left corner of a box glyphBox units square: room for marks above and below, and for
// outlines that reach left of the origin, since a form XObject clips to its box.
const (
	glyphEm  = 100.0
	glyphPad = 200.0
	glyphBox = 500.0
)

type pdfState struct {
	col   color.Color
	width vg.Length
}

// newPDFCanvas starts a document of pages w × h with the report's metadata.
func newPDFCanvas(w, h vg.Length, title, lang string) *pdfCanvas {
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: w.Points(), Ht: h.Points()}})
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCompression(true)
	doc.SetTitle(title, true)
	doc.SetLang(lang)
	doc.SetCreator("readout", true)
	doc.SetAuthor("readout", true)
	// one font only: fpdf writes its fonts in map order, so two would make the bytes differ
	// from run to run; the text layer is invisible, so bold needs no face of its own
	doc.AddUTF8FontFromBytes(pdfFamily, "", amiriRegular)
	doc.SetCatalogSort(true) // templates and resources in a fixed order: the same bytes every run
	c := &pdfCanvas{doc: doc, w: w, h: h, stack: []pdfState{{col: color.Black, width: 1}}, glyphs: map[glyphKey]fpdf.Template{}}
	c.NextPage()
	return c
}

// NextPage starts a page, with y up from its bottom left corner as vg draws.
func (c *pdfCanvas) NextPage() {
	if c.doc.PageNo() > 0 {
		c.doc.TransformEnd()
	}
	c.doc.AddPage()
	c.flip()
}

func (c *pdfCanvas) flip() {
	c.doc.TransformBegin()
	c.doc.TransformTranslate(0, c.h.Points())
	c.doc.TransformScale(100, -100, 0, 0)
	c.SetColor(c.state().col)
}

func (c *pdfCanvas) state() *pdfState { return &c.stack[len(c.stack)-1] }

func (c *pdfCanvas) Size() (vg.Length, vg.Length) { return c.w, c.h }

func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.state().width = w
	c.doc.SetLineWidth(w.Points())
}

func (c *pdfCanvas) SetLineDash(pattern []vg.Length, offset vg.Length) {
	ds := make([]float64, len(pattern))
	for i, d := range pattern {
		ds[i] = d.Points()
	}
	c.doc.SetDashPattern(ds, offset.Points())
}

func (c *pdfCanvas) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	c.state().col = col
	r, g, b, a := col.RGBA()
	c.doc.SetFillColor(int(r>>8), int(g>>8), int(b>>8))
	c.doc.SetDrawColor(int(r>>8), int(g>>8), int(b>>8))
	c.doc.SetAlpha(float64(a)/math.MaxUint16, "Normal")
}

func (c *pdfCanvas) Rotate(rad float64) { c.doc.TransformRotate(-rad*180/math.Pi, 0, 0) }

func (c *pdfCanvas) Translate(pt vg.Point) { c.doc.TransformTranslate(pt.X.Points(), pt.Y.Points()) }

func (c *pdfCanvas) Scale(x, y float64) { c.doc.TransformScale(x*100, y*100, 0, 0) }

func (c *pdfCanvas) Push() {
	c.stack = append(c.stack, *c.state())
	c.doc.TransformBegin()
}

func (c *pdfCanvas) Pop() {
	c.doc.TransformEnd()
	c.stack = c.stack[:len(c.stack)-1]
	c.SetColor(c.state().col)
	c.doc.SetLineWidth(c.state().width.Points())
}

func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.state().width > 0 {
		c.path(p, "D")
	}
}

func (c *pdfCanvas) Fill(p vg.Path) { c.path(p, "F") }

// PlaceGlyph draws glyph gid of face with its origin at (x, y), at size points. Each glyph's
// outline is written once, as a form XObject (an fpdf template), and every use of it is a
// reference: a report's text repeats a few hundred glyphs many thousand times, and its outlines
// written out at every use made the seed report's PDF 5 MB.
func (c *pdfCanvas) PlaceGlyph(face *gofont.Face, gid gofont.GID, x, y, size vg.Length) {
	k := glyphKey{face, gid}
	t, ok := c.glyphs[k]
	if !ok {
		scale := glyphEm / float64(face.Upem())
		p := appendGlyph(nil, face, gid, glyphPad, glyphPad, scale)
		t = c.doc.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: glyphBox, Ht: glyphBox}, func(tpl *fpdf.Tpl) {
			if len(p) > 0 {
				(&pdfCanvas{doc: &tpl.Fpdf, h: glyphBox}).path(p, "F")
			}
		})
		t = &inkless{t, stripColors(t.Bytes())}
		c.glyphs[k] = t
	}
	// The template draws in fpdf's page coordinates (y down), under the page's flip to vg's
	// (y up), so its box's corner is at the glyph's origin less the padding, both scaled.
	s := float64(size) / glyphEm
	c.doc.UseTemplateScaled(t, fpdf.PointType{X: x.Points() - glyphPad*s, Y: y.Points() - glyphPad*s},
		fpdf.SizeType{Wd: glyphBox * s, Ht: glyphBox * s})
}

// FillString is not used: the report's text is drawn by the Shaper as outlines.
func (c *pdfCanvas) FillString(font.Face, vg.Point, string) {}

// DrawImage is not used by the report's charts.
func (c *pdfCanvas) DrawImage(vg.Rectangle, image.Image) {}

// path draws a vg path; arcs become cubic Béziers of at most a quarter turn each.
func (c *pdfCanvas) path(p vg.Path, style string) {
	var start vg.Point
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			start = comp.Pos
			c.doc.MoveTo(comp.Pos.X.Points(), comp.Pos.Y.Points())
		case vg.LineComp:
			c.doc.LineTo(comp.Pos.X.Points(), comp.Pos.Y.Points())
		case vg.CurveComp:
			switch len(comp.Control) {
			case 1:
				c.doc.CurveTo(comp.Control[0].X.Points(), comp.Control[0].Y.Points(), comp.Pos.X.Points(), comp.Pos.Y.Points())
			case 2:
				c.doc.CurveBezierCubicTo(comp.Control[0].X.Points(), comp.Control[0].Y.Points(),
					comp.Control[1].X.Points(), comp.Control[1].Y.Points(), comp.Pos.X.Points(), comp.Pos.Y.Points())
			}
		case vg.ArcComp:
			c.arc(comp)
		case vg.CloseComp:
			c.doc.LineTo(start.X.Points(), start.Y.Points())
			c.doc.ClosePath()
		}
	}
	c.doc.DrawPath(style)
}

func (c *pdfCanvas) arc(comp vg.PathComp) {
	cx, cy, r := comp.Pos.X.Points(), comp.Pos.Y.Points(), comp.Radius.Points()
	at := func(a float64) (float64, float64) { return cx + r*math.Cos(a), cy + r*math.Sin(a) }
	x0, y0 := at(comp.Start)
	c.doc.LineTo(x0, y0)
	n := int(math.Ceil(math.Abs(comp.Angle) / (math.Pi / 2)))
	if n == 0 {
		return
	}
	step := comp.Angle / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	a := comp.Start
	for i := 0; i < n; i++ {
		b := a + step
		ax, ay := at(a)
		bx, by := at(b)
		c.doc.CurveBezierCubicTo(ax-k*r*math.Sin(a), ay+k*r*math.Cos(a), bx+k*r*math.Sin(b), by-k*r*math.Cos(b), bx, by)
		a = b
	}
}

// InvisibleText writes s, a line in visual order, as invisible text with its baseline's left end
// at (x, y) in the current coordinates (a page's, or a chart's on it, rotated for a rotated
// label), over the width w the line's outlines take. Its letters are unshaped, so wider or
// narrower than the drawn line: the font size is scaled to make the text span exactly w, or an
// extractor would drop what runs off the page.
func (c *pdfCanvas) InvisibleText(x, y, w vg.Length, size vg.Length, s string) {
	if s == "" || w <= 0 {
		return
	}
	c.doc.TransformBegin()
	// undo the page's flip about the text's origin, or the text would be written upside down
	c.doc.TransformScale(100, -100, x.Points(), y.Points())
	c.doc.SetFont(pdfFamily, "", size.Points())
	if sw := c.doc.GetStringWidth(s); sw > 0 {
		c.doc.SetFont(pdfFamily, "", size.Points()*w.Points()/sw)
	}
	c.doc.SetTextRenderingMode(3)
	c.doc.Text(x.Points(), y.Points(), s)
	c.doc.SetTextRenderingMode(0)
	c.doc.TransformEnd()
}

// The text layer's font: fpdf writes its name as "utf8" and the family, and always embeds a
// subset of the glyphs used. WriteTo renames it as a subset is named in PDF (a tag of six
// capitals, "+", the font's name: ISO 32000-1, 9.6.4), so that pdffonts and preflight tools
// see the subset; the new name has as many bytes as the old, so the file's offsets still hold.
const (
	pdfFamily     = "amirireg"
	pdfFontName   = "utf8" + pdfFamily
	pdfSubsetName = "RDOUTA+Amiri"
)

func (c *pdfCanvas) WriteTo(w io.Writer) (int64, error) {
	c.doc.TransformEnd()
	var buf bytes.Buffer
	if err := c.doc.Output(&buf); err != nil {
		return 0, err
	}
	b := buf.Bytes()
	for _, key := range []string{"/BaseFont /", "/FontName /"} {
		b = bytes.ReplaceAll(b, []byte(key+pdfFontName), []byte(key+pdfSubsetName))
	}
	n, err := w.Write(b)
	return int64(n), err
}

// inkless is a glyph's template without the colours fpdf writes at its start (those current
// when it was made): a form XObject that sets no colour draws in the colour of the page where it
// is used, so one outline serves a glyph in black text, a red deletion and a green insertion.
type inkless struct {
	fpdf.Template
	b []byte
}

func (t *inkless) Bytes() []byte { return t.b }

// stripColors drops the colour operators (G, g, RG, rg, K, k, CS, cs, SC, sc, SCN, scn) from a
// content stream written one operator a line.
func stripColors(b []byte) []byte {
	var out []byte
	for _, line := range bytes.SplitAfter(b, []byte("\n")) {
		f := bytes.Fields(line)
		if len(f) > 0 {
			switch string(f[len(f)-1]) {
			case "G", "g", "RG", "rg", "K", "k", "CS", "cs", "SC", "sc", "SCN", "scn":
				continue
			}
		}
		out = append(out, line...)
	}
	return out
}
