package main

import (
	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type trendOptions struct {
	app    *app
	Paths  []string
	Themes []string
	By     string
	Format string
}

func newCmdTrend(a *app, runF func(*trendOptions) error) *cobra.Command {
	opts := &trendOptions{app: a}
	cmd := &cobra.Command{
		Use:   "trend [PATH ...]",
		Short: "Each theme's rate over time, its OLS slope per year with a 95% interval, and Kendall's tau",
		Long: `Each theme's rate series over time (per year, or per dated document), the ordinary least
squares slope of rate on time in matches per 1,000 tokens per year with its 95% interval (Student's
t), and Kendall's tau-b of rate against time. Below three time points the row says "insufficient
data" instead of a slope.`,
		Example: `  readout trend --theme sovereignty --theme brics
  readout trend --by doc --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return trendRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Themes, "theme", nil, "only this theme id (repeatable, or comma-separated)")
	cmd.Flags().StringVar(&opts.By, "by", "year", "time points: year, or doc (each dated document)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

func trendRun(opts *trendOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	if opts.By != "year" && opts.By != "doc" {
		return usagef("--by %q: use year or doc", opts.By)
	}
	a := opts.app
	a.datedOnly = true
	s, themes, err := a.openThemes(opts.Paths, opts.Themes, study.NeedTallies)
	if err != nil {
		return err
	}
	table, err := s.Trend(a.ctx, study.TrendOptions{Themes: themes, ByYear: opts.By == "year"})
	if err != nil {
		return err
	}
	lx := s.Lexicon()
	rows := output.Rows{Columns: []string{"theme", "points", "series", "slope_per_year", "slope_ci_low", "slope_ci_high", "kendall_tau", "status"}}
	for _, r := range table {
		rows.Add(lx.Themes[r.Theme].ID, len(r.Points), r.Points, r.Fit.Slope, r.Fit.SlopeLow, r.Fit.SlopeHigh, r.Tau, r.Status)
	}
	run := s.RunRecord("trend", map[string]any{"by": opts.By, "theme": s.ThemeIDs(themes), "conf": 0.95})
	run.Metrics = []string{"trend.rate", "trend.ols_slope", "trend.kendall_tau"}
	return a.write(format, run, rows)
}
