package main

import (
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/reports"
	"github.com/readout/readout/study"
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
	Title    string
	Subtitle string
}

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
  readout report -o out --lang en -f pdf,html
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
	listVar(f, &opts.Formats, "format", "f", "pdf,png,svg,html,md", "what to write, comma-separated or repeated: pdf, png, svg, html, md (data/ is always written)")
	alias(f, "formats", "format")
	f.StringVar(&opts.From, "from", "", "the earlier period (with --to; without both, the earliest year)")
	f.StringVar(&opts.To, "to", "", "the later period (with --from; without both, the latest year)")
	f.StringVar(&opts.Lang, "lang", "", "language of the report: ar or en (default: en when every document is English, else ar)")
	f.StringVar(&opts.Date, "date", "", "the report's date, yyyy-mm-dd (default: today, or SOURCE_DATE_EPOCH)")
	f.Uint64Var(&opts.Seed, "seed", 1, "seed of the bootstrap")
	f.IntVar(&opts.Reps, "reps", 2000, "bootstrap replicates")
	f.BoolVar(&opts.Force, "force", false, "overwrite files readout did not write")
	f.StringVar(&opts.Title, "title", "", "the report's title (default: \"Trend report: \" and the corpus)")
	f.StringVar(&opts.Subtitle, "subtitle", "", "a line under the title (who prepared it, for whom)")
	return cmd
}

// runDate resolves --date: the flag, else SOURCE_DATE_EPOCH, else today (UTC).
func runDate(flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse(time.DateOnly, flag)
		if err != nil {
			if len(flag) == len(time.DateOnly) && flag[4] == '-' && flag[7] == '-' {
				return t, usagef("--date %q: there is no such day; give a day of the calendar, as yyyy-mm-dd", flag)
			}
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

// lang is --lang, or the corpus's language when it is not given.
func lang(flag string, s *study.Study) string {
	if flag == "" {
		return s.DefaultLang()
	}
	return flag
}

// reportFormats are what a report can write (its -f), data/ aside.
var reportFormats = []string{"pdf", "png", "svg", "html", "md"}

func reportRun(opts *reportOptions) error {
	if opts.Out == "-" {
		return usagef("-o -: a report is a directory of files; give the directory's name")
	}
	if opts.Out == "" {
		return usagef("give the directory to write with -o DIR")
	}
	formats := map[string]bool{}
	for _, f := range strings.Split(opts.Formats, ",") {
		f = strings.TrimSpace(f)
		if !slices.Contains(reportFormats, f) {
			return usagef("unsupported format %q: use %s (comma-separated)", f, strings.Join(reportFormats, ", "))
		}
		formats[f] = true
	}
	date, err := runDate(opts.Date)
	if err != nil {
		return err
	}
	if opts.Reps < study.MinReps || opts.Reps > study.MaxReps {
		return usagef("--reps %d: use %d to %d replicates", opts.Reps, study.MinReps, study.MaxReps)
	}
	a := opts.app
	a.datedOnly = true
	s, err := a.open(a.ctx, opts.Paths, study.ReportNeeds)
	if err != nil {
		return err
	}
	if _, err := output.CheckOutside(opts.Out, s.Corpus().Dirs, s.Corpus().FileDirs()); err != nil {
		return err
	}
	x, err := s.Sections(study.ReportOptions{Periods: study.PeriodPair{From: opts.From, To: opts.To, FromName: "--from", ToName: "--to"},
		Lang: lang(opts.Lang, s), Seed: opts.Seed, Reps: opts.Reps, Date: date, Title: opts.Title, Subtitle: opts.Subtitle})
	if err != nil {
		return err
	}
	if err := x.Check(a.ctx); err != nil { // a bad period fails here, before the directory is made
		return err
	}
	out, err := output.OpenDir(opts.Out, s.Corpus().Dirs, s.Corpus().FileDirs())
	if err != nil {
		return err
	}
	defer out.Close()
	sh, err := reports.NewShaper()
	if err != nil {
		return err
	}
	charts, err := x.Charts(a.ctx, reports.Handler{S: sh})
	if err != nil {
		return err
	}
	rep, err := x.Report(a.ctx, charts)
	if err != nil {
		return err
	}
	run, err := x.RunRecord(a.ctx)
	if err != nil {
		return err
	}
	data, err := x.Data(a.ctx)
	if err != nil {
		return err
	}

	// Everything to write, path → writer; checked before anything is written.
	type file struct {
		rel   string
		write func(io.Writer) error
	}
	var files []file
	add := func(rel string, w func(io.Writer) error) { files = append(files, file{rel, w}) }
	if formats["pdf"] {
		add("report.pdf", func(w io.Writer) error { pdfDates(date); return rep.WritePDF(w, sh) })
	}
	if formats["html"] {
		add("report.html", rep.WriteHTML)
	}
	if formats["md"] {
		switch { // report.md links only chart files that are written
		case formats["png"]:
		case formats["svg"]:
			rep.MarkdownImages = "svg"
		default:
			rep.MarkdownImages = "none"
		}
		add("report.md", rep.WriteMarkdown)
	}
	for _, ch := range charts {
		if formats["png"] {
			add("charts/"+ch.Name+".png", func(w io.Writer) error { return ch.WriteTo(w, "png", reports.DefaultDPI) })
		}
		if formats["svg"] {
			add("charts/"+ch.Name+".svg", func(w io.Writer) error { return ch.WriteTo(w, "svg", 0) })
		}
	}
	add("data/run.json", func(w io.Writer) error { return writeRunJSON(w, run) })
	// CSV with a BOM (Excel reads its Arabic right), JSON with its run record, JSON lines for
	// pandas.read_json(lines=True); each with theme labels beside theme ids.
	dataOpt := output.Options{Labels: themeLabels(s.Lexicon())}
	for _, d := range data {
		for _, f := range []output.Format{output.CSV, output.JSON, output.JSONL} {
			o := dataOpt
			o.BOM = f == output.CSV
			add("data/"+d.Name+"."+string(f), func(w io.Writer) error {
				st := output.NewStreamOptions(w, f, run, d.Columns, o)
				d.Each(st.Add)
				return st.Close()
			})
		}
	}
	var rels []string
	for _, f := range files {
		rels = append(rels, f.rel)
	}
	if err := out.Check(rels); err != nil {
		return err
	}
	if err := refuseForeign(out, rels, opts.Out, opts.Force); err != nil {
		return err
	}
	for _, f := range files {
		if err := out.Write(f.rel, f.write); err != nil {
			return err
		}
	}
	a.note("wrote %d files to %s", len(files), opts.Out)
	return nil
}
