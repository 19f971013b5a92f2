package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/reports"
	"github.com/readout/readout/study"
)

type chartOptions struct {
	app      *app
	Kind     string
	Paths    []string
	Out      string
	Format   string
	DPI      int
	Lang     string
	From, To string
	Themes   []string
	Force    bool
}

func newCmdChart(a *app, runF func(*chartOptions) error) *cobra.Command {
	opts := &chartOptions{app: a}
	cmd := &cobra.Command{
		Use:   "chart KIND [PATH ...] -o FILE",
		Short: "Draw one chart: rates, heatmap, shift, keyness, similarity or speakers",
		Long: `Draw one chart as PNG (150 dpi by default), SVG or PDF, chosen by the file's extension or
--format. Kinds:
  rates       theme rates over time, one line per theme (at most six: the most mentioned, or the first --theme ones), points labelled by date
  heatmap     theme × article, mentions per 1,000 tokens printed in each cell
  shift       change of each theme's rate between two periods with its 95% interval
  keyness     the top positive and negative key terms (G²) of the later period
  similarity  article × article tf-idf cosine similarity
  speakers    who said what: theme mentions by speaker
Arabic in titles, labels and legends is shaped and right to left in every format; --lang chooses
the language of labels and headings.`,
		Example: `  readout chart rates -o rates.png
  readout chart heatmap -o heatmap.svg --lang en
  readout chart shift --from 2020 --to 2023 -o shift.pdf`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("give the KIND of chart: %s", strings.Join(study.ChartNames(), ", "))
			}
			opts.Kind, opts.Paths = args[0], args[1:]
			if runF != nil {
				return runF(opts)
			}
			return chartRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Out, "output", "o", "", "the file to write (required)")
	f.StringVarP(&opts.Format, "format", "f", "", "png, svg or pdf (default: from the file's extension)")
	f.IntVar(&opts.DPI, "dpi", reports.DefaultDPI, "resolution of PNG output")
	f.StringVar(&opts.Lang, "lang", "", "language of labels and headings: ar or en (default: en when every document is English, else ar)")
	f.StringVar(&opts.From, "from", "", "the earlier period, for shift and keyness (with --to; without both, the earliest year)")
	f.StringVar(&opts.To, "to", "", "the later period (with --from; without both, the latest year)")
	alias(f, "reference", "from")
	alias(f, "target", "to")
	f.StringArrayVar(&opts.Themes, "theme", nil, "only these themes (repeatable, or comma-separated)")
	f.BoolVar(&opts.Force, "force", false, "overwrite a file readout did not write")
	return cmd
}

func chartRun(opts *chartOptions) error {
	kind, ok := study.FindChart(opts.Kind)
	if !ok {
		return usagef("unknown chart %q%s: use %s", opts.Kind, didYouMean(opts.Kind, study.ChartNames()), strings.Join(study.ChartNames(), ", "))
	}
	if opts.Out == "" {
		return usagef("give the file to write with -o FILE")
	}
	stdout := opts.Out == "-"
	if stdout && opts.Format == "" {
		return usagef("-o - writes the chart to standard output: give its format with -f png, svg or pdf")
	}
	if st, err := os.Stat(opts.Out); err == nil && st.IsDir() && !stdout {
		return usagef("-o %s is a directory: name the chart's file, e.g. -o %s", opts.Out, filepath.Join(opts.Out, opts.Kind+".svg"))
	}
	format := opts.Format
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Out)), ".")
		if format == "" {
			return usagef("-o %s: the file name has no extension to tell the format by: end it in .png, .svg or .pdf, or pass --format", opts.Out)
		}
	}
	if err := reports.CheckFormat(format); err != nil {
		if opts.Format == "" {
			return usagef("%v (the format is told by -o's extension: end the name in .png, .svg or .pdf, or pass -f)", err)
		}
		return usageError{err}
	}
	if opts.DPI < 30 || opts.DPI > 1200 {
		return usagef("--dpi %d: use 30 to 1200", opts.DPI)
	}
	a := opts.app
	lx, err := a.lexicon()
	if err != nil {
		return err
	}
	themes, err := study.ThemeIndices(lx, opts.Themes)
	if err != nil {
		return err
	}
	if len(opts.Themes) == 0 {
		themes = nil
	}
	a.datedOnly = true // every chart is drawn from the report's sections, which need dates
	s, err := a.open(a.ctx, opts.Paths, kind.Needs)
	if err != nil {
		return err
	}
	if !stdout {
		if err := outsideCorpus(s.Corpus(), opts.Out); err != nil {
			return err
		}
	}
	x, err := s.Sections(study.ReportOptions{Periods: study.PeriodPair{From: opts.From, To: opts.To, FromName: "--from", ToName: "--to"},
		Themes: themes, Lang: lang(opts.Lang, s), Seed: 1, Reps: 2000, For: "a chart"})
	if err != nil {
		return err
	}
	sh, err := reports.NewShaper()
	if err != nil {
		return err
	}
	ch, err := x.Chart(a.ctx, reports.Handler{S: sh}, opts.Kind)
	if err != nil {
		return err
	}
	if stdout { // the chart's bytes as they are: a PNG is not text to escape
		bw := bufio.NewWriter(rawWriter(a.Out))
		if err := ch.WriteTo(bw, format, opts.DPI); err != nil {
			return err
		}
		return bw.Flush()
	}
	return writeFileAtomic(opts.Out, opts.Force, func(w writer) error { return ch.WriteTo(w, format, opts.DPI) })
}
