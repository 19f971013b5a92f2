package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"golang.org/x/text/unicode/bidi"
	"image/color"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"github.com/readout/readout/output"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

//go:embed fonts/Amiri-Regular.ttf
var amiriRegular []byte

//go:embed fonts/Amiri-Bold.ttf
var amiriBold []byte

// Shaper lays out lines of text with the embedded Amiri faces: it splits a line into runs by
// script and bidi level, shapes each with HarfBuzz (go-text/typesetting), puts the runs in
// visual order for the line's base direction (right to left when its first strong letter is
// Arabic), and draws glyph outlines as vector paths. It is safe for concurrent use.
type Shaper struct {
	mu      sync.Mutex
	regular *gofont.Face
	bold    *gofont.Face
	hb      shaping.HarfbuzzShaper
	seg     shaping.Segmenter
	wrap    shaping.LineWrapper
	cache   *font.Cache
}

// NewShaper parses the embedded fonts.
func NewShaper() (*Shaper, error) {
	r, err := gofont.ParseTTF(bytes.NewReader(amiriRegular))
	if err != nil {
		return nil, fmt.Errorf("embedded Amiri Regular: %v", err)
	}
	b, err := gofont.ParseTTF(bytes.NewReader(amiriBold))
	if err != nil {
		return nil, fmt.Errorf("embedded Amiri Bold: %v", err)
	}
	return &Shaper{regular: r, bold: b, cache: font.NewCache(nil)}, nil
}

type oneFace struct{ f *gofont.Face }

func (o oneFace) ResolveFace(rune) *gofont.Face { return o.f }

// Line is a shaped line of text: its runs in visual order, left to right.
type Line struct {
	runs    []shaping.Output
	Width   vg.Length
	Ascent  vg.Length
	Descent vg.Length // positive
	size    vg.Length
	face    *gofont.Face
	colors  []color.Color // per rune of the shaped text, or nil
	text    []rune        // the shaped text (with its LTR marks)
	rtl     bool          // the paragraph's base direction is right to left
}

// VisualText is the line's text in visual order, left to right: its runs in the order they are
// drawn, the runes of a right-to-left run reversed, the LEFT-TO-RIGHT MARKs readout added left
// out. It is what a PDF text layer needs (extractors reverse right-to-left text back).
//
// Extractors put a line back into logical order with a simpler rule than the bidi algorithm.
// poppler's pdftotext, read from the right in a right-to-left line, takes everything up to a
// Latin letter, digit or number separator (. , ، % + -) as right to left, then everything up to
// the next Arabic letter as left to right: the spaces and brackets around a number go with the
// number, and a comma inside Arabic text starts a left-to-right section of its own, so «من أصل 84
// جملة، نُسبت» comes out as «من أصل  84جملة ،نُسبت». So VisualText puts a mark where the
// extractor would go wrong — U+200F RIGHT-TO-LEFT MARK before (to the left of) a separator in
// Arabic text and before a left-to-right run that a neutral character separates from Arabic
// letters, U+200E LEFT-TO-RIGHT MARK after a left-to-right run that ends in a neutral character
// (and the same for a right-to-left run in a left-to-right line) — so that the extractor's
// sections are the runs of the bidi algorithm. The marks are invisible, and a copied sentence
// has them where the bidi algorithm ends its runs.
func (l Line) VisualText() string {
	var out []rune
	last := func() rune {
		if len(out) == 0 {
			return 0
		}
		return out[len(out)-1]
	}
	prev := 0 // the direction of the last run written: 0 none, 1 left to right, -1 right to left
	for _, r := range l.runs {
		end := min(r.Runes.Offset+r.Runes.Count, len(l.text))
		seg := make([]rune, 0, end-min(r.Runes.Offset, end))
		for _, c := range l.text[min(r.Runes.Offset, end):end] {
			if c != '\u200e' && c != wordJoiner {
				seg = append(seg, c)
			}
		}
		if len(seg) == 0 {
			continue
		}
		ltr := r.Direction.Progression() != di.TowardTopLeft
		if !ltr {
			slices.Reverse(seg)
		}
		switch {
		case l.rtl && ltr && prev == -1 && !extractorRTL(last()):
			out = append(out, '\u200f')
		case l.rtl && !ltr && prev == 1 && !extractorLTR(last()):
			out = append(out, '\u200e')
		case !l.rtl && !ltr && !extractorRTL(seg[0]):
			out = append(out, '\u200f')
		case !l.rtl && ltr && prev == -1 && !extractorLTR(seg[0]):
			out = append(out, '\u200e')
		}
		for _, c := range seg {
			if l.rtl && !ltr && len(out) > 0 && extractorLTR(c) && !extractorRTL(last()) {
				out = append(out, '\u200f')
			}
			out = append(out, c)
		}
		prev = -1
		if ltr {
			prev = 1
		}
	}
	if l.rtl && prev == 1 && !extractorLTR(last()) {
		out = append(out, '\u200e')
	}
	if last() == '-' {
		// a line that ends in a hyphen is a word broken across lines to an extractor, which
		// drops the hyphen; at the right end of an Arabic line it is a number's minus sign
		out = append(out, '\u200f')
	}
	return string(out)
}

// extractorRTL reports whether an extractor reads r as right to left (an Arabic or Hebrew
// letter, the mark); extractorLTR whether it reads it as left to right (a Latin letter, a digit,
// a number separator or terminator, the mark). Other characters take the direction of the
// section they are in.
func extractorRTL(r rune) bool {
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.R || p.Class() == bidi.AL
}

func extractorLTR(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.L, bidi.EN, bidi.ES, bidi.ET, bidi.CS, bidi.AN:
		return true
	}
	return false
}

// BaseRTL reports whether a line reads right to left: its first strong letter is Arabic (or
// another right-to-left script).
func BaseRTL(s string) bool {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana):
			if unicode.IsLetter(r) {
				return true
			}
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// ltrToken is a token of Latin letters and digits joined by - _ : . or /, such as a date
// (2020-07-08), a document id (2022-12-30-video) or a path, with the / ./ ../ or ~/ a path
// begins with (without it, the bidi algorithm set the leading / of /tmp/c2000 on the far side of
// the name, reading tmp/c2000/).
var ltrToken = regexp.MustCompile(`(?:~?/|\.\.?/)?[0-9A-Za-z]+(?:[-_:./][0-9A-Za-z]+)+`)

// markLTRTokens puts a LEFT-TO-RIGHT MARK (U+200E) before every ltrToken of a right-to-left
// line. The bidi algorithm reads digits after an Arabic letter as Arabic numbers (rule W2), which
// a hyphen does not join, so without the mark 2020-07-08 would show as 08-07-2020; with it the
// token reads as written, as an Arabic reader of an ISO date or a document id expects.
// Colours, one per rune, keep their runes, the marks taking the colour of the token they mark.
func markLTRTokens(s string, colors []color.Color) (string, []color.Color) {
	runes, cols := markTokens([]rune(s), colors, true, false)
	return string(runes), cols
}

// wordJoiner (U+2060) forbids a line break where it stands and draws nothing.
const wordJoiner = '\u2060'

// markTokens inserts the marks a shaped line needs, in one pass over its ltrTokens: with lrm,
// a LEFT-TO-RIGHT MARK before a token that needs one (markLTRTokens); with join, a WORD JOINER
// after each hyphen that begins a word (the -- of a flag such as --speaker, a minus sign) and
// after each joining character (- _ : . /) inside a token (a date, a document id such as
// 2023-10-18-brf, a path such as data/shift.csv), where the line-breaking rules (UAX #14
// allows a break after a hyphen or a solidus) would otherwise let the wrapper end a line with
// "--" or "2023-10-18-" and start the next with the rest: what a reader copies from the page
// must read as typed. A token wider than the line is still broken (between its letters, as the
// wrapper does with any word too long for a line). Colours, one per rune, keep their runes: a
// mark takes the colour of the token it marks, a joiner that of the rune before it.
// VisualText leaves both out.
func markTokens(runes []rune, colors []color.Color, lrm, join bool) ([]rune, []color.Color) {
	before := make([]bool, len(runes)) // an LRM before the rune
	after := make([]bool, len(runes))  // a WORD JOINER after it
	found := false
	if join {
		for i, r := range runes {
			if r != '-' || i+1 == len(runes) || unicode.IsSpace(runes[i+1]) {
				continue
			}
			j := i
			for j > 0 && runes[j-1] == '-' {
				j--
			}
			if j == 0 || unicode.IsSpace(runes[j-1]) || strings.ContainsRune("([{«\"'", runes[j-1]) {
				after[i], found = true, true
			}
		}
	}
	str := string(runes)
	ri, bi := 0, 0 // rune and byte index walked together
	for _, loc := range ltrToken.FindAllStringIndex(str, -1) {
		for ; bi < loc[0]; ri++ {
			bi += utf8.RuneLen(runes[ri])
		}
		// 2.5 and 2020/07/08 already read as written; a path's leading / does not
		if tok := str[loc[0]:loc[1]]; lrm && (strings.ContainsAny(tok, "-_:") || strings.ContainsAny(tok[:1], "/~.")) {
			before[ri], found = true, true
		}
		for ; bi < loc[1]; ri++ {
			if join && bi+1 < loc[1] && strings.ContainsRune("-_:./", runes[ri]) {
				after[ri], found = true, true
			}
			bi += utf8.RuneLen(runes[ri])
		}
	}
	if !found {
		return runes, colors
	}
	out := make([]rune, 0, len(runes)+8)
	var cols []color.Color
	add := func(r rune, c int) {
		out = append(out, r)
		if colors != nil {
			cols = append(cols, colors[c])
		}
	}
	for i, r := range runes {
		if before[i] {
			add('\u200e', i)
		}
		add(r, i)
		if after[i] {
			add(wordJoiner, i)
		}
	}
	return out, cols
}

// Shape lays out one line (no line breaks) at size points.
func (s *Shaper) Shape(txt string, size vg.Length, bold bool) Line {
	return s.ShapeColored(txt, size, bold, nil)
}

// ShapeColored lays out one line whose runes have their own colours (colors has one entry per
// rune of txt, nil for the canvas's current colour).
func (s *Shaper) ShapeColored(txt string, size vg.Length, bold bool, colors []color.Color) Line {
	return s.ShapeIn(txt, size, bold, colors, BaseRTL(txt))
}

// ShapeIn shapes a line of a paragraph whose base direction is right to left when rtl: a line
// takes its paragraph's direction, not its own (a line of an Arabic paragraph that begins with
// a Latin word still reads right to left), as the Unicode bidi algorithm has it for a paragraph.
func (s *Shaper) ShapeIn(txt string, size vg.Length, bold bool, colors []color.Color, rtl bool) Line {
	return s.shape([]rune(txt), size, bold, colors, rtl, 0)[0]
}

// Paragraph lays out a paragraph in lines no wider than width (0: one line), with the Unicode
// bidi algorithm run on the whole paragraph before it is broken into lines, and each line put in
// visual order at the paragraph's base direction (right to left when rtl) — never line by line,
// which resolves a number or a neutral at the start of a line without what precedes it (the
// flags of a command in an Arabic sentence came out reordered). A line break ends a paragraph.
func (s *Shaper) Paragraph(txt string, size vg.Length, bold bool, colors []color.Color, rtl bool, width vg.Length) []Line {
	var out []Line
	start := 0
	runes := []rune(txt)
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' {
			continue
		}
		var cols []color.Color
		if colors != nil {
			cols = colors[start:i]
		}
		out = append(out, s.shape(runes[start:i], size, bold, cols, rtl, width)...)
		start = i + 1
	}
	return out
}

// Shapeable returns runes with what the shaper cannot take from a corpus as spaces, one for
// one (so that colours per rune keep their runes): control characters, line and paragraph
// separators (go-text's run segmentation panics on U+000D, U+0085, U+2029 and U+001C–U+001E
// inside a line), and bidi embeddings, overrides and isolates, which would reorder the line.
func Shapeable(runes []rune) []rune {
	out := runes
	for i, r := range runes {
		if output.IsUnsafe(r) || r == 0x2028 || r == 0x2029 {
			if &out[0] == &runes[0] {
				out = append([]rune(nil), runes...)
			}
			out[i] = ' '
		}
	}
	return out
}

// shapeSize is the size, in points, text is shaped at before its metrics are scaled to the
// size asked for. go-text's shaper rounds a size up to whole points (its font scale is
// Size.Ceil()), so text shaped at 7.5 points had the advances of 8 points under outlines drawn
// at 7.5, 6.7% too widely spaced (TestShapeScalesWithSize).
const shapeSize = 1000

// rescale scales a shaped run's metrics from the size it was shaped at to size.
func rescale(o *shaping.Output, size fixed.Int26_6) {
	f := float64(size) / float64(o.Size)
	sc := func(v fixed.Int26_6) fixed.Int26_6 { return fixed.Int26_6(math.Round(float64(v) * f)) }
	for i := range o.Glyphs {
		g := &o.Glyphs[i]
		g.Width, g.Height, g.XBearing, g.YBearing = sc(g.Width), sc(g.Height), sc(g.XBearing), sc(g.YBearing)
		g.Advance, g.XAdvance, g.YAdvance = sc(g.Advance), sc(g.XAdvance), sc(g.YAdvance)
		g.XOffset, g.YOffset = sc(g.XOffset), sc(g.YOffset)
	}
	o.LineBounds.Ascent, o.LineBounds.Descent, o.LineBounds.Gap = sc(o.LineBounds.Ascent), sc(o.LineBounds.Descent), sc(o.LineBounds.Gap)
	o.Size = size
	o.RecalculateAll()
}

// shape shapes one paragraph (no line breaks) into lines no wider than width, 0 for one line.
func (s *Shaper) shape(runes []rune, size vg.Length, bold bool, colors []color.Color, rtl bool, width vg.Length) []Line {
	runes = Shapeable(runes)
	s.mu.Lock()
	defer s.mu.Unlock()
	face := s.regular
	if bold {
		face = s.bold
	}
	l := Line{size: size, face: face, rtl: rtl}
	ext, _ := face.FontHExtents()
	upem := float64(face.Upem())
	l.Ascent = vg.Length(float64(ext.Ascender) / upem * float64(size))
	l.Descent = vg.Length(-float64(ext.Descender) / upem * float64(size))
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	runes, colors = markTokens(runes, colors, rtl, true)
	l.colors = colors
	if len(runes) == 0 {
		return []Line{l}
	}
	l.text = runes
	in := shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes), Direction: dir, Face: face,
		Size: fixed.I(shapeSize), Script: language.Arabic, Language: language.NewLanguage("ar"),
	}
	var outs []shaping.Output
	for _, part := range s.seg.Split(in, oneFace{face}) {
		out := s.hb.Shape(part)
		rescale(&out, fixed.Int26_6(float64(size)*64))
		outs = append(outs, out)
	}
	max := fixed.Int26_6(math.MaxInt32)
	if width > 0 {
		max = fixed.Int26_6(float64(width) * 64)
	}
	wrapped, _ := s.wrap.WrapParagraphF(shaping.WrapConfig{Direction: dir}, max, runes, shaping.NewSliceIterator(outs))
	var lines []Line
	for _, runs := range wrapped {
		ordered := make([]shaping.Output, len(runs))
		for i, r := range runs {
			vi := int(r.VisualIndex)
			if vi < 0 || vi >= len(runs) {
				vi = i
			}
			ordered[vi] = r
		}
		ln := l
		ln.runs = ordered
		var w fixed.Int26_6
		for _, r := range ordered {
			w += r.Advance
		}
		ln.Width = vg.Length(float64(w) / 64)
		if width == 0 && len(lines) == 1 { // one line asked for: join what the wrapper split
			lines[0].runs = append(lines[0].runs, ln.runs...)
			lines[0].Width += ln.Width
			continue
		}
		lines = append(lines, ln)
	}
	return lines
}

// Draw fills the line's glyphs, the left end of its baseline at (x, y), in the canvas's current
// colour or, for a coloured line, each glyph in the colour of its rune. A canvas that can place
// a glyph itself (the PDF's, which draws each glyph's outline once and then refers to it) is
// given the glyphs one by one; any other gets their outlines as paths.
func (l Line) Draw(c vg.Canvas, x, y vg.Length) {
	if len(l.runs) == 0 {
		return
	}
	placer, _ := unwrap(c).(glyphPlacer)
	scale := float64(l.size) / float64(l.face.Upem())
	pen := float64(x)
	var p vg.Path
	var cur color.Color
	flush := func() {
		if len(p) > 0 {
			c.Fill(p)
			p = nil
		}
	}
	for _, run := range l.runs {
		for _, g := range run.Glyphs {
			if l.colors != nil && g.TextIndex() >= 0 && g.TextIndex() < len(l.colors) && l.colors[g.TextIndex()] != cur {
				flush()
				cur = l.colors[g.TextIndex()]
				if cur != nil {
					c.SetColor(cur)
				}
			}
			gx := pen + float64(g.XOffset)/64
			gy := float64(y) + float64(g.YOffset)/64
			if placer != nil {
				placer.PlaceGlyph(run.Face, g.GlyphID, vg.Length(gx), vg.Length(gy), l.size)
			} else {
				p = appendGlyph(p, run.Face, g.GlyphID, gx, gy, scale)
			}
			pen += float64(g.Advance) / 64
		}
	}
	flush()
}

// unwrap returns the canvas a plot's draw.Canvas draws on (a plot's axes draw on a draw.Canvas
// of a draw.Canvas).
func unwrap(c vg.Canvas) vg.Canvas {
	for {
		switch dc := c.(type) {
		case draw.Canvas:
			c = dc.Canvas
		case *draw.Canvas:
			c = dc.Canvas
		default:
			return c
		}
	}
}

// textLayer is a canvas that also writes a line's text, invisible, for extraction (the PDF's).
type textLayer interface {
	InvisibleText(x, y, w, size vg.Length, visual string)
}

// glyphPlacer is a canvas that draws a glyph of face, its origin at (x, y), at size points.
type glyphPlacer interface {
	PlaceGlyph(face *gofont.Face, gid gofont.GID, x, y, size vg.Length)
}

// appendGlyph appends the outline of glyph gid of face to p, its origin at (gx, gy), font units
// times scale.
func appendGlyph(p vg.Path, face *gofont.Face, gid gofont.GID, gx, gy, scale float64) vg.Path {
	outline, ok := face.GlyphDataOutline(gid)
	if !ok {
		return p
	}
	pt := func(a opentype.SegmentPoint) vg.Point {
		return vg.Point{X: vg.Length(gx + float64(a.X)*scale), Y: vg.Length(gy + float64(a.Y)*scale)}
	}
	open := false
	for _, seg := range outline.Segments {
		switch seg.Op {
		case opentype.SegmentOpMoveTo:
			if open {
				p.Close()
			}
			p.Move(pt(seg.Args[0]))
			open = true
		case opentype.SegmentOpLineTo:
			p.Line(pt(seg.Args[0]))
		case opentype.SegmentOpQuadTo:
			p.QuadTo(pt(seg.Args[0]), pt(seg.Args[1]))
		case opentype.SegmentOpCubeTo:
			p.CubeTo(pt(seg.Args[0]), pt(seg.Args[1]), pt(seg.Args[2]))
		}
	}
	if open {
		p.Close()
	}
	return p
}

// Handler is a gonum/plot text.Handler that shapes text with a Shaper, so plot titles, axis
// labels, tick labels and legends show Arabic joined and right to left in every format.
type Handler struct{ S *Shaper }

var _ text.Handler = Handler{}

// Cache returns an empty font cache: the handler draws outlines, not plot fonts.
func (h Handler) Cache() *font.Cache { return h.S.cache }

func bold(f font.Font) bool { return f.Weight >= 600 }

// Extents returns the ascent, descent and line height of the embedded face at the font's size.
func (h Handler) Extents(f font.Font) font.Extents {
	l := h.S.Shape("", f.Size, bold(f))
	return font.Extents{Ascent: l.Ascent, Descent: l.Descent, Height: (l.Ascent + l.Descent) * 1.1}
}

// Lines splits text at line breaks.
func (h Handler) Lines(txt string) []string {
	return strings.Split(strings.TrimRight(txt, "\n"), "\n")
}

// Box returns the width, ascent and descent of one line.
func (h Handler) Box(txt string, f font.Font) (width, height, depth vg.Length) {
	txt = CapWords(txt)
	l := h.S.Shape(txt, f.Size, bold(f))
	if l.Width > 0 {
		l.Width += f.Size / 8 // side bearings can reach past the advance; keep edges clear
	}
	return l.Width, l.Ascent, l.Descent
}

// Draw draws text as gonum's plain handler places it (alignment, rotation, one line under the
// next), with shaped glyphs.
func (h Handler) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = CapWords(strings.TrimRight(txt, "\n"))
	if txt == "" {
		return
	}
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin, cos := sinCos(sty.Rotation)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin
	lines := h.Lines(txt)
	// The same placement as gonum's plain handler: the block's height from Style.Height, the
	// first baseline one ascent below its top, lines a font size apart.
	y0 := pt.Y + sty.Height(txt)*vg.Length(sty.YAlign) - h.Extents(sty.Font).Ascent
	for i, line := range lines {
		l := h.S.Shape(line, sty.Font.Size, bold(sty.Font))
		x := pt.X + vg.Length(sty.XAlign)*l.Width
		y := y0 + vg.Length(len(lines)-i)*sty.Font.Size
		l.Draw(c, x, y)
		if tl, ok := unwrap(c).(textLayer); ok { // a chart's text is text in the PDF too
			tl.InvisibleText(x, y, l.Width, sty.Font.Size, l.VisualText())
		}
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}

// Missing returns the runes of txt the embedded faces have no glyph for (in order, once
// each), leaving out white space and the invisible bidi and joining controls.
func (s *Shaper) Missing(txt string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range txt {
		if seen[r] || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		seen[r] = true
		if _, ok := s.regular.NominalGlyph(r); !ok {
			out = append(out, r)
		}
	}
	return out
}
