package reports

import (
	"bytes"
	"html/template"
	"io"
	"strings"
	"unicode"

	"github.com/readout/readout/output"
)

// htmlTemplate is the report page: one file, no external resources; charts are inline SVG whose
// text is glyph outlines, so it needs no font on the reader's machine.
const htmlTemplate = `<!DOCTYPE html>
<html lang="{{.R.Lang}}" dir="{{if .RTL}}rtl{{else}}ltr{{end}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.R.Title}}</title>
<style>
body{font-family:"Amiri","Noto Naskh Arabic","Times New Roman",serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111;line-height:1.7;overflow-wrap:break-word}
h1{color:#14285a;margin-bottom:.2em}h2{color:#14285a;border-bottom:1px solid #ccd;padding-bottom:.2em;margin-top:2em}h3{color:#14285a}
.sub{color:#444;margin:.1em 0}.chart{margin:1.5em 0;text-align:center}.chart svg{max-width:100%;height:auto}
figcaption{color:#444;font-size:.9em;text-align:start;margin:.3em 0}
table{border-collapse:collapse;margin:1em 0;font-size:.92em;display:block;max-width:100%;overflow-x:auto}th,td{border-bottom:1px solid #dde;padding:.25em .6em;text-align:start}
td.num{text-align:end;font-variant-numeric:tabular-nums;direction:ltr;unicode-bidi:isolate}
del{color:#be3c00;text-decoration:line-through}ins{color:#007850;text-decoration:underline}
.variant{margin:.6em 0}.label{color:#555;font-size:.9em}.note{color:#555;font-size:.9em}
pre{direction:ltr;text-align:left;background:#f6f6f9;padding:1em;overflow-x:auto;font-size:.8em}
</style>
</head>
<body>
<h1>{{.R.Title}}</h1>
{{range .R.Subtitle}}<p class="sub" dir="auto">{{.}}</p>
{{end}}<p class="sub" dir="auto">{{.R.RunDate}}</p>
<h2>{{.R.Terms.KeyFindings}}</h2>
<ul>{{range .R.Findings}}
<li dir="auto">{{.}}</li>{{end}}
</ul>
<h2>{{.R.Terms.Charts}}</h2>
{{range .Charts}}<figure class="chart" id="{{.Name}}" role="group" aria-label="{{.Title}}">{{.SVG}}<figcaption dir="auto"><b>{{.Title}}.</b> {{.Caption}}</figcaption></figure>
{{end}}{{range .R.Tables}}{{template "table" .}}{{end}}
{{if .R.Formulations}}<h2>{{.R.Terms.Formulations}}</h2>
<p class="note">{{.R.Terms.DiffLegend}}</p>
{{range .R.Formulations}}<h3 dir="auto">{{.Title}}</h3>
{{if .Note}}<p class="note" dir="auto">{{.Note}}</p>
{{end}}{{range .Variants}}<div class="variant"><div class="label" dir="auto">{{.Label}}</div>{{if .List}}<div class="note" dir="auto">{{.List}}</div>{{end}}<div dir="auto">{{diffHTML .Ops}}</div></div>
{{end}}{{end}}{{end}}
{{range .R.Keyness}}{{template "table" .}}{{end}}
<h2>{{.R.Terms.Methods}}</h2>
{{range .R.Methods}}<p dir="auto">{{.}}</p>
{{end}}<h3>{{.R.Terms.HowToCite}}</h3>
<p dir="auto">{{.R.Cite}}</p>
{{template "table" .R.RunRecord}}
</body>
</html>
{{define "table"}}<h2 dir="auto">{{.Title}}</h2>{{if .Note}}<p class="note" dir="auto">{{.Note}}</p>{{end}}
<table><thead><tr>{{range .Columns}}<th dir="auto">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}<td{{if isNum .}} class="num"{{else}} dir="auto"{{end}}>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{end}}`

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{"isNum": isNumber, "diffHTML": diffHTML}).Parse(htmlTemplate))

type htmlChart struct {
	Name, Title, Caption string
	SVG                  template.HTML
}

// diffHTML renders a word diff as <del> and <ins>, escaped, with a space between a deletion and
// the insertion that replaces it when neither carries one, so that they never read as one word.
func diffHTML(ops []DiffOp) template.HTML {
	var b strings.Builder
	for i, o := range ops {
		t := template.HTMLEscapeString(o.Text)
		switch o.Op {
		case "delete":
			b.WriteString("<del>" + t + "</del>")
			if i+1 < len(ops) && ops[i+1].Op == "insert" && !endsSpace(o.Text) && !startsSpace(ops[i+1].Text) {
				b.WriteString(" ")
			}
		case "insert":
			b.WriteString("<ins>" + t + "</ins>")
			if i+1 < len(ops) && ops[i+1].Op == "delete" && !endsSpace(o.Text) && !startsSpace(ops[i+1].Text) {
				b.WriteString(" ")
			}
		default:
			b.WriteString(t)
		}
	}
	return template.HTML(b.String())
}

func endsSpace(s string) bool   { return strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\n") }
func startsSpace(s string) bool { return strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\n") }

// WriteHTML writes the report as one self-contained HTML file. All article text goes through
// html/template's escaping; the inline SVG is readout's own drawing, made of paths only.
func (r *Report) WriteHTML(w io.Writer) error {
	r = r.forBrowser()
	var charts []htmlChart
	for _, ch := range r.Charts {
		var b bytes.Buffer
		if err := ch.WriteTo(&b, "svg", 0); err != nil {
			return err
		}
		svg := b.String()
		if i := strings.Index(svg, "<svg"); i > 0 {
			svg = svg[i:] // drop the XML prolog and doctype: not allowed inside HTML
		}
		// the SVG is an image whose alternative text is the caption
		svg = strings.Replace(svg, "<svg", `<svg role="img" aria-label="`+template.HTMLEscapeString(ch.Title+". "+ch.Caption)+`"`, 1)
		charts = append(charts, htmlChart{Name: ch.Name, Title: ch.Title, Caption: ch.Caption, SVG: template.HTML(svg)})
	}
	return htmlTmpl.Execute(w, struct {
		R      *Report
		RTL    bool
		Charts []htmlChart
	}{r, r.Lang == "ar", charts})
}

// WriteMarkdown writes the report as Markdown: findings, tables, charts linked from
// charts/NAME.png (or .svg, or only their titles: MarkdownImages), formulations with their diffs in the [-removed-]{+added+} convention.
func (r *Report) WriteMarkdown(w io.Writer) error {
	r = r.forBrowser()
	var b strings.Builder
	b.WriteString("# " + mdEscape(r.Title) + "\n\n")
	for _, s := range r.Subtitle {
		b.WriteString(mdEscape(s) + "  \n")
	}
	b.WriteString(mdEscape(r.RunDate) + "\n\n## " + r.Terms.KeyFindings + "\n\n")
	for _, f := range r.Findings {
		b.WriteString("- " + mdEscape(f) + "\n")
	}
	b.WriteString("\n## " + r.Terms.Charts + "\n\n")
	ext := r.MarkdownImages
	if ext == "" {
		ext = "png"
	}
	for _, ch := range r.Charts {
		if ext == "none" {
			b.WriteString("**" + mdEscape(ch.Title) + "**\n\n")
		} else {
			b.WriteString("![" + mdEscape(ch.Title+". "+ch.Caption) + "](charts/" + ch.Name + "." + ext + ")\n\n")
		}
		if ch.Caption != "" {
			b.WriteString("*" + mdEscape(ch.Caption) + "*\n\n")
		}
	}
	writeTable := func(t Table) {
		b.WriteString("## " + mdEscape(t.Title) + "\n\n")
		if t.Note != "" {
			b.WriteString(mdEscape(t.Note) + "\n\n")
		}
		b.WriteString("| " + strings.Join(cellsEscape(t.Columns), " | ") + " |\n|")
		for range t.Columns {
			b.WriteString("---|")
		}
		b.WriteString("\n")
		for _, row := range t.Rows {
			b.WriteString("| " + strings.Join(cellsEscape(row), " | ") + " |\n")
		}
		b.WriteString("\n")
	}
	for _, t := range r.Tables {
		writeTable(t)
	}
	if len(r.Formulations) > 0 {
		b.WriteString("## " + r.Terms.Formulations + "\n\n" + r.Terms.DiffLegend + "\n\n")
		for _, f := range r.Formulations {
			b.WriteString("### " + mdEscape(f.Title) + "\n\n")
			if f.Note != "" {
				b.WriteString(mdEscape(f.Note) + "\n\n")
			}
			for _, v := range f.Variants {
				txt, _ := diffText(v.Ops)
				b.WriteString("- **" + mdEscape(v.Label) + "**  \n  ")
				if v.List != "" {
					b.WriteString(mdEscape(v.List) + "  \n  ")
				}
				b.WriteString(mdEscape(txt) + "\n")
			}
			b.WriteString("\n")
		}
	}
	for _, t := range r.Keyness {
		writeTable(t)
	}
	b.WriteString("## " + r.Terms.Methods + "\n\n")
	for _, m := range r.Methods {
		b.WriteString(mdEscape(m) + "\n\n")
	}
	b.WriteString("### " + r.Terms.HowToCite + "\n\n" + mdEscape(r.Cite) + "\n\n")
	writeTable(r.RunRecord)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscaper escapes every character Markdown (CommonMark and GitHub's) or HTML would act on:
// emphasis, code, headings, tables, links and images (each needs a [, so brackets are escaped
// and ( ) ! need not be), autolinks and raw HTML (<…>), entities (&…;), strikethrough; line
// breaks become spaces.
var mdEscaper = strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "&", "&amp;",
	"#", "\\#", "|", "\\|", "[", "\\[", "]", "\\]", "~", "\\~", "\n", " ", "\r", " ")

// mdEscape keeps text from being read as Markdown or HTML.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

func cellsEscape(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = mdEscape(c)
	}
	return out
}

// forBrowser returns the report as HTML and Markdown show it: clean (see clean) and, in Arabic,
// with a LEFT-TO-RIGHT MARK before dates and ids (markLTRTokens), which browsers and Markdown
// viewers would otherwise show reversed (08-07-2020) inside Arabic lines, as the bidi
// algorithm prescribes.
func (r *Report) forBrowser() *Report {
	return r.mapText(func(s string) string {
		s = clean(s)
		if r.Lang == "ar" {
			s, _ = markLTRTokens(s, nil)
		}
		return s
	})
}

// clean is a string of the report as every format shows it: without the bidi controls a corpus
// may carry (in an id, a title, a quoted sentence), which unbalanced would reorder what
// follows, and with no unbroken run of text longer than MaxWordRunes (CapWords).
func clean(s string) string { return CapWords(output.StripBidiControls(s)) }

// MaxWordRunes is the longest unbroken run of text (no space in it) a report shows: a longer
// one — a 20,000-character id, a pasted blob — is cut to its first MaxWordRunes-1 characters
// and "…" (a SHA-256 digest, 64, is not). The files of data/ have it whole.
const MaxWordRunes = 80

// CapWords cuts every unbroken run of text longer than MaxWordRunes (see there).
func CapWords(s string) string {
	if len(s) <= MaxWordRunes {
		return s
	}
	var b strings.Builder
	n, cut := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			n, cut = 0, false
			b.WriteRune(r)
			continue
		}
		n++
		switch {
		case n < MaxWordRunes:
			b.WriteRune(r)
		case !cut:
			b.WriteRune('…')
			cut = true
		}
	}
	return b.String()
}

// mapText returns a copy of the report with m applied to every string it shows.
func (r *Report) mapText(m func(string) string) *Report {
	ms := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = m(s)
		}
		return out
	}
	c := *r
	c.Title, c.RunDate, c.Cite = m(r.Title), m(r.RunDate), m(r.Cite)
	c.Subtitle, c.Findings, c.Methods = ms(r.Subtitle), ms(r.Findings), ms(r.Methods)
	tables := func(ts []Table) []Table {
		out := make([]Table, len(ts))
		for i, t := range ts {
			t.Title, t.Note, t.Columns = m(t.Title), m(t.Note), ms(t.Columns)
			rows := make([][]string, len(t.Rows))
			for k, row := range t.Rows {
				rows[k] = ms(row)
			}
			t.Rows = rows
			out[i] = t
		}
		return out
	}
	c.Tables, c.Keyness = tables(r.Tables), tables(r.Keyness)
	c.RunRecord = tables([]Table{r.RunRecord})[0]
	c.Formulations = make([]Formulation, len(r.Formulations))
	for i, f := range r.Formulations {
		nf := Formulation{Title: m(f.Title), Note: m(f.Note)}
		for _, v := range f.Variants {
			nv := Variant{Label: m(v.Label), List: m(v.List)}
			for _, o := range v.Ops {
				nv.Ops = append(nv.Ops, DiffOp{Op: o.Op, Text: m(o.Text)})
			}
			nf.Variants = append(nf.Variants, nv)
		}
		c.Formulations[i] = nf
	}
	return &c
}
