package reports

import (
	"image/color"
	"strings"
	"unicode/utf8"
)

// Report is a trend report's content, ready to render as PDF, HTML or Markdown. Every number
// in it comes from the data files written beside it.
type Report struct {
	Lang         string
	Terms        Terms
	Title        string
	Subtitle     []string // corpus, documents, period
	RunDate      string
	Findings     []string
	Charts       []*Chart
	Tables       []Table
	Formulations []Formulation
	Keyness      []Table
	Methods      []string
	RunRecord    Table // the run record in short; in full in data/run.json
	Cite         string
	// MarkdownImages is the chart files report.md links: "png" (when empty) or "svg" beside it
	// in charts/, or "none" when no chart file is written (the titles and captions stay).
	MarkdownImages string
}

// Table is a titled table of text cells.
type Table struct {
	Title   string
	Note    string
	Columns []string
	Rows    [][]string
}

// Formulation is a recurring statement: its variants in date order.
type Formulation struct {
	Title    string
	Note     string // what is left out, when not every variant is shown
	Variants []Variant
}

// Variant is one wording: a label (date, document, speaker, similarity) and its diff from the
// wording before (the first variant's ops are all equal).
type Variant struct {
	Label string
	List  string // what a list added and dropped, when it is one
	Ops   []DiffOp
}

// DiffOp is a piece of a word diff: Op is "equal", "delete" or "insert".
type DiffOp struct {
	Op, Text string
}

// Diff colours: deletions red, insertions green (Okabe–Ito vermillion and bluish green, which
// stay apart for colour-blind readers), with the [- -] and {+ +} marks kept for grey print.
var (
	DeleteColor = color.RGBA{190, 60, 0, 255}
	InsertColor = color.RGBA{0, 120, 80, 255}
)

// diffText renders ops in the word-diff convention with a colour per rune.
func diffText(ops []DiffOp) (string, []color.Color) {
	var b strings.Builder
	var cols []color.Color
	add := func(s string, c color.Color) {
		b.WriteString(s)
		for i := 0; i < utf8.RuneCountInString(s); i++ {
			cols = append(cols, c)
		}
	}
	for _, o := range ops {
		switch o.Op {
		case "delete":
			add("[-"+o.Text+"-]", DeleteColor)
		case "insert":
			add("{+"+o.Text+"+}", InsertColor)
		default:
			add(o.Text, color.Black)
		}
	}
	return b.String(), cols
}
