package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/spf13/cobra"

	readout "github.com/readout/readout"
	"github.com/readout/readout/compare"
	"github.com/readout/readout/output"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/reports"
)

type reportOptions struct {
	app      *app
	Paths    []string
	Out      string
	Formats  string
	From, To string
	Lang     string
	Date     string
	Seed     uint64
	Reps     int
	Force    bool
}

// manifestName lists, in a report directory, the files readout wrote there.
const manifestName = ".readout-manifest"

func newCmdReport(a *app, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{app: a}
	cmd := &cobra.Command{
		Use:   "report [PATH ...] -o DIR",
		Short: "Write a trend report: PDF, charts, HTML, Markdown and the data behind every number",
		Long: `Write a trend report into DIR:
  report.pdf      A4: title page, key findings in sentences with their numbers and intervals,
                  the charts, theme rates, the recurring formulations with their word diffs,
                  keyness tables, methods, the run record and how to cite it
  charts/*.png    one file per chart (150 dpi), and charts/*.svg
  report.html     one self-contained file with the same sections
  report.md       findings, tables and links to the PNG charts, ready for a brief
  data/*.csv      every number shown, with data/*.json carrying the run record
Files are written atomically and never into the corpus; a file readout did not write is not
overwritten without --force. --date sets the date printed on the report (default: today, or
SOURCE_DATE_EPOCH), so a report can be rebuilt byte for byte.`,
		Example: `  readout report -o out
  readout report -o out --lang en --formats pdf,html
  readout report testdata/corpus -o out --from 2020 --to 2023 --date 2026-11-21`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Out, "output", "o", "", "the directory to write (required)")
	f.StringVar(&opts.Formats, "formats", "pdf,png,svg,html,md", "what to write, comma-separated: pdf, png, svg, html, md (data/ is always written)")
	f.StringVar(&opts.From, "from", "", "the earlier period (default: the earliest year)")
	f.StringVar(&opts.To, "to", "", "the later period (default: the latest year)")
	f.StringVar(&opts.Lang, "lang", "ar", "language of the report: ar or en")
	f.StringVar(&opts.Date, "date", "", "the report's date, yyyy-mm-dd (default: today, or SOURCE_DATE_EPOCH)")
	f.Uint64Var(&opts.Seed, "seed", 1, "seed of the bootstrap")
	f.IntVar(&opts.Reps, "reps", 2000, "bootstrap replicates")
	f.BoolVar(&opts.Force, "force", false, "overwrite files readout did not write")
	return cmd
}

// runDate resolves --date: the flag, else SOURCE_DATE_EPOCH, else today (UTC).
func runDate(flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return t, usagef("--date %q: write it as yyyy-mm-dd", flag)
		}
		return t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC().Truncate(24 * time.Hour), nil
		}
	}
	return time.Now().UTC().Truncate(24 * time.Hour), nil
}

// pdfDates fixes the creation and modification dates fpdf writes into every PDF (its default is
// the current time), so that the same run date gives the same bytes. fpdf keeps these as
// package defaults; readout sets them once per command.
func pdfDates(t time.Time) {
	fpdf.SetDefaultCreationDate(t)
	fpdf.SetDefaultModificationDate(t)
}

func reportRun(opts *reportOptions) error {
	if opts.Out == "" {
		return usagef("give the directory to write with -o DIR")
	}
	formats := map[string]bool{}
	for _, f := range strings.Split(opts.Formats, ",") {
		f = strings.TrimSpace(f)
		switch f {
		case "pdf", "png", "svg", "html", "md":
			formats[f] = true
		default:
			return usagef("--formats: unsupported format %q: use pdf, png, svg, html, md", f)
		}
	}
	date, err := runDate(opts.Date)
	if err != nil {
		return err
	}
	s, err := opts.app.newStudy(opts.Paths, studyOptions{From: opts.From, To: opts.To, Lang: opts.Lang, Seed: opts.Seed, Reps: opts.Reps})
	if err != nil {
		return err
	}
	if err := outsideCorpus(s.c, opts.Out); err != nil {
		return err
	}
	sh, err := reports.NewShaper()
	if err != nil {
		return err
	}
	h := reports.Handler{S: sh}
	var charts []*reports.Chart
	for _, k := range chartKinds {
		ch, err := s.chart(h, k)
		if err != nil {
			return err
		}
		charts = append(charts, ch)
	}
	run := s.runRecord("report", date, opts)
	rep := s.report(charts, run, date)
	data := s.dataSets()

	// Everything to write, path → writer; checked before anything is written.
	type file struct {
		path  string
		write func(io.Writer) error
	}
	var files []file
	add := func(rel string, w func(io.Writer) error) {
		files = append(files, file{filepath.Join(opts.Out, filepath.FromSlash(rel)), w})
	}
	if formats["pdf"] {
		add("report.pdf", func(w io.Writer) error { pdfDates(date); return rep.WritePDF(w, sh) })
	}
	if formats["html"] {
		add("report.html", rep.WriteHTML)
	}
	if formats["md"] {
		add("report.md", rep.WriteMarkdown)
	}
	for _, ch := range charts {
		ch := ch
		if formats["png"] {
			add("charts/"+ch.Name+".png", func(w io.Writer) error { return ch.WriteTo(w, "png", reports.DefaultDPI) })
		}
		if formats["svg"] {
			add("charts/"+ch.Name+".svg", func(w io.Writer) error { return ch.WriteTo(w, "svg", 0) })
		}
	}
	for _, d := range data {
		d := d
		add("data/"+d.name+".csv", func(w io.Writer) error { return output.Write(w, output.CSV, run, d.rows) })
		add("data/"+d.name+".json", func(w io.Writer) error { return output.Write(w, output.JSON, run, d.rows) })
	}
	owned := readManifest(filepath.Join(opts.Out, manifestName))
	var foreign []string
	for _, f := range files {
		rel, _ := filepath.Rel(opts.Out, f.path)
		if _, err := os.Stat(f.path); err == nil && !owned[filepath.ToSlash(rel)] {
			foreign = append(foreign, f.path)
		}
	}
	if len(foreign) > 0 && !opts.Force {
		return fmt.Errorf("%d file(s) in %s were not written by readout and would be overwritten: %s\npass --force to overwrite them, or choose another directory",
			len(foreign), opts.Out, strings.Join(foreign, ", "))
	}
	var written []string
	for _, f := range files {
		if err := replaceFile(f.path, f.write); err != nil {
			return err
		}
		rel, _ := filepath.Rel(opts.Out, f.path)
		written = append(written, filepath.ToSlash(rel))
		owned[filepath.ToSlash(rel)] = true
	}
	var all []string
	for p := range owned {
		all = append(all, p)
	}
	sort.Strings(all)
	if err := replaceFile(filepath.Join(opts.Out, manifestName), func(w io.Writer) error {
		_, err := io.WriteString(w, "# files written by readout; it overwrites only these without --force\n"+strings.Join(all, "\n")+"\n")
		return err
	}); err != nil {
		return err
	}
	opts.app.note("wrote %d files to %s", len(written), opts.Out)
	return nil
}

func readManifest(path string) map[string]bool {
	out := map[string]bool{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out
}

// runRecord is the report's run record.
func (s *study) runRecord(command string, date time.Time, opts *reportOptions) output.Run {
	run := runRecord(command, s.c, map[string]any{
		"from": s.from.Label, "to": s.to.Label, "from_docs": docIDs(s.fromDocs), "to_docs": docIDs(s.toDocs),
		"lang": s.lang, "seed": s.seed, "reps": s.reps, "conf": 0.95, "date": date.Format("2006-01-02"),
		"min_similarity": compare.DefaultMinSimilarity, "keyness_min_count": 3, "keyness_correct": "bonferroni",
	})
	run.LexiconSHA256 = s.lx.Hash
	run.Metrics = []string{"theme.count", "theme.per_1k", "shift.diff", "shift.diff_ci", "shift.log_ratio", "shift.g2",
		"trend.rate", "keyness.g2", "keyness.lrc", "keyness.p_adjusted", "similarity.cosine", "compare.recurring", "compare.diff"}
	return run
}

func f2(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func signed(v float64) string {
	if v > 0 {
		return "+" + f2(v)
	}
	return f2(v)
}

// report assembles the report's content from the study.
func (s *study) report(charts []*reports.Chart, run output.Run, date time.Time) *reports.Report {
	t := s.terms
	ar := s.lang == "ar"
	r := &reports.Report{Lang: s.lang, Terms: t, Charts: charts}
	first, last := s.tallies[0].Date.Format("2006-01-02"), s.tallies[len(s.tallies)-1].Date.Format("2006-01-02")
	if ar {
		r.Title = "تقرير الاتجاهات: " + s.c.Label
		r.Subtitle = []string{
			fmt.Sprintf("المدونة: عدد المقالات %d، من %s إلى %s", len(s.c.Docs), first, last),
			fmt.Sprintf("الفترتان المقارنتان: %s (عدد المقالات %d) مقابل %s (عدد المقالات %d)", s.to.Label, len(s.toDocs), s.from.Label, len(s.fromDocs)),
		}
		r.RunDate = "تاريخ الإعداد: " + date.Format("2006-01-02") + " · readout " + readout.Version
	} else {
		r.Title = "Trend report: " + s.c.Label
		r.Subtitle = []string{
			fmt.Sprintf("Corpus: %d articles, %s to %s", len(s.c.Docs), first, last),
			fmt.Sprintf("Periods compared: %s (%d articles) against %s (%d articles)", s.to.Label, len(s.toDocs), s.from.Label, len(s.fromDocs)),
		}
		r.RunDate = "Generated on " + date.Format("2006-01-02") + " · readout " + readout.Version
	}
	r.Findings = s.findings()
	// theme rates table
	rates := reports.Table{Title: t.ThemeRates, Columns: []string{t.Theme}}
	for _, d := range s.tallies {
		rates.Columns = append(rates.Columns, d.ID)
	}
	for _, th := range s.themes {
		row := []string{s.themeLabel(th)}
		for _, d := range s.tallies {
			for _, br := range s.byDoc {
				if br.Key.Doc == d.ID && br.Theme == th {
					row = append(row, f2(br.Per1k))
				}
			}
		}
		rates.Rows = append(rates.Rows, row)
	}
	shiftT := reports.Table{Title: t.ShiftTitle, Columns: []string{t.Theme, s.from.Label, s.to.Label, "Δ", "95%"}}
	if ar {
		shiftT.Note = fmt.Sprintf("لكل 1000 كلمة؛ فترة الثقة من إعادة المعاينة (bootstrap) على %s، %d تكرار، البذرة %d. التحذيرات في data/shift.csv.", bootstrapUnit(s, true), s.reps, s.seed)
	} else {
		shiftT.Note = fmt.Sprintf("Per 1,000 tokens; intervals from a bootstrap over %s, %d replicates, seed %d. Warnings are in data/shift.csv.", bootstrapUnit(s, false), s.reps, s.seed)
	}
	for _, sr := range s.shift {
		shiftT.Rows = append(shiftT.Rows, []string{s.themeLabel(sr.Theme), f2(sr.FromRate), f2(sr.ToRate), signed(sr.Diff), f2(sr.DiffLow) + " … " + f2(sr.DiffHigh)})
	}
	r.Tables = []reports.Table{rates, shiftT}
	// formulations
	for i, f := range s.forms {
		if i >= 6 {
			break
		}
		rf := reports.Formulation{Title: fmt.Sprintf("%d. %s", i+1, strings.Join(formThemeLabels(s, f), "، "))}
		if !ar {
			rf.Title = fmt.Sprintf("%d. %s", i+1, strings.Join(formThemeLabels(s, f), ", "))
		}
		for k, v := range f.Variants {
			u := v.Unit
			label := fmt.Sprintf("%s · %s #%d · %s", u.Date.Format("2006-01-02"), u.Doc, u.Index+1, s.speakerLabel(u.Speaker))
			if ar { // an Arabic line starts with Arabic, so it reads right to left
				label = fmt.Sprintf("%s · %s · %s #%d", s.speakerLabel(u.Speaker), u.Date.Format("2006-01-02"), u.Doc, u.Index+1)
			}
			var ops []reports.DiffOp
			if k == 0 {
				ops = []reports.DiffOp{{Op: "equal", Text: u.Text}}
			} else {
				if ar {
					label += fmt.Sprintf(" · التشابه %.2f", v.Similarity)
				} else {
					label += fmt.Sprintf(" · similarity %.2f", v.Similarity)
				}
				for _, o := range v.Ops {
					ops = append(ops, reports.DiffOp{Op: string(o.Op), Text: o.Text})
				}
			}
			rf.Variants = append(rf.Variants, reports.Variant{Label: label, Ops: ops})
		}
		r.Formulations = append(r.Formulations, rf)
	}
	// keyness
	kcols := []string{"", "target", "reference", "G²", "LRC", "p (Bonferroni)"}
	if ar {
		kcols = []string{"", s.to.Label, s.from.Label, "G²", "LRC", "p (Bonferroni)"}
	} else {
		kcols[1], kcols[2] = s.to.Label, s.from.Label
	}
	pos := reports.Table{Title: t.KeynessTables + " +", Columns: append([]string{t.KeynessTables}, kcols[1:]...)}
	neg := reports.Table{Title: t.KeynessTables + " −", Columns: append([]string{t.KeynessTables}, kcols[1:]...)}
	for i, k := range s.keyness {
		if i >= 12 || k.G2 <= 0 {
			break
		}
		pos.Rows = append(pos.Rows, keyRow(k))
	}
	for i := len(s.keyness) - 1; i >= 0 && len(neg.Rows) < 12; i-- {
		if s.keyness[i].G2 < 0 {
			neg.Rows = append(neg.Rows, keyRow(s.keyness[i]))
		}
	}
	if ar {
		pos.Note = fmt.Sprintf("كلمات أكثر تكرارا في %s منها في %s (جذوع الكلمات، مع أكثر صيغها ورودا).", s.to.Label, s.from.Label)
		neg.Note = fmt.Sprintf("كلمات أقل تكرارا في %s منها في %s.", s.to.Label, s.from.Label)
	} else {
		pos.Note = fmt.Sprintf("Stems more frequent in %s than in %s, shown by their most frequent written form.", s.to.Label, s.from.Label)
		neg.Note = fmt.Sprintf("Stems less frequent in %s than in %s.", s.to.Label, s.from.Label)
	}
	r.Keyness = []reports.Table{pos, neg}
	r.Methods = s.methods()
	rec, _ := output.Marshal(run)
	r.RunRecord = indentJSON(rec)
	if ar {
		r.Cite = fmt.Sprintf("readout %s، «%s»، أُعدّ في %s؛ بصمة المدونة sha256 %s؛ بصمة المعجم sha256 %s؛ الأمر: readout report --from %s --to %s --lang %s --seed %d --date %s.",
			readout.Version, r.Title, date.Format("2006-01-02"), s.c.Hash(), s.lx.Hash, s.from.Label, s.to.Label, s.lang, s.seed, date.Format("2006-01-02"))
	} else {
		r.Cite = fmt.Sprintf("readout %s, “%s”, generated %s; corpus sha256 %s; lexicon sha256 %s; command: readout report --from %s --to %s --lang %s --seed %d --date %s.",
			readout.Version, r.Title, date.Format("2006-01-02"), s.c.Hash(), s.lx.Hash, s.from.Label, s.to.Label, s.lang, s.seed, date.Format("2006-01-02"))
	}
	return r
}

func bootstrapUnit(s *study, ar bool) string {
	if len(s.fromDocs) >= metrics.MinDocsForDocBootstrap && len(s.toDocs) >= metrics.MinDocsForDocBootstrap {
		if ar {
			return "المقالات"
		}
		return "articles"
	}
	if ar {
		return "الجمل"
	}
	return "sentences"
}

func keyRow(k metrics.KeyRow) []string {
	return []string{keyLabel(k), strconv.Itoa(k.A), strconv.Itoa(k.B), f2(k.G2), f2(k.LRC), fmt.Sprintf("%.3g", k.PAdjusted)}
}

func formThemeLabels(s *study, f compare.Formulation) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range f.Variants {
		for _, id := range v.Unit.Themes {
			if th := s.lx.Theme(id); th != nil && !seen[id] {
				seen[id] = true
				out = append(out, th.Label(s.lang))
			}
		}
	}
	if len(out) == 0 {
		if s.lang == "ar" {
			return []string{"بلا محور"}
		}
		return []string{"no theme"}
	}
	return out
}

func indentJSON(b []byte) string {
	var out strings.Builder
	depth := 0
	inStr, esc := false, false
	for _, c := range string(b) {
		switch {
		case esc:
			esc = false
		case c == '\\' && inStr:
			esc = true
		case c == '"':
			inStr = !inStr
		case !inStr && (c == '{' || c == '['):
			depth++
			out.WriteRune(c)
			out.WriteString("\n" + strings.Repeat("  ", depth))
			continue
		case !inStr && (c == '}' || c == ']'):
			depth--
			out.WriteString("\n" + strings.Repeat("  ", depth))
		case !inStr && c == ',':
			out.WriteString(",\n" + strings.Repeat("  ", depth))
			continue
		}
		out.WriteRune(c)
	}
	return out.String()
}
