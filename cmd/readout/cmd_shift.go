package main

import (
	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/metrics"
)

type shiftOptions struct {
	app      *app
	Paths    []string
	From, To string
	By       string
	Themes   []string
	Seed     uint64
	Reps     int
	Format   string
}

func newCmdShift(a *app, runF func(*shiftOptions) error) *cobra.Command {
	opts := &shiftOptions{app: a}
	cmd := &cobra.Command{
		Use:   "shift [PATH ...]",
		Short: "How much each theme's rate changed between two periods, with a 95% interval",
		Long: `Compare each theme's rate (matches per 1,000 tokens) between two periods: counts, tokens,
rates, their difference with a 95% bootstrap interval (seeded; over documents when each period has
at least 3, over sentences otherwise), the base-2 log ratio (zero counts replaced by 0.5), the
signed 4-cell log-likelihood G² and its p-value, and warnings to read before citing a number.

A period is a year (2020), a year range (2020-2021), a date range (2022-02-01..2022-12-31) or a
comma list of document ids. By default the earliest year is compared with the latest.
Every formula is in docs/METHODS.md.`,
		Example: `  readout shift --from 2020 --to 2023
  readout shift --from 2020-07-08-call --to 2022-12-30-video,2023-10-18-brf --theme sovereignty
  readout shift --from 2020 --to 2023 --by speaker --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return shiftRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.From, "from", "", "the earlier period (default: the earliest year)")
	f.StringVar(&opts.To, "to", "", "the later period (default: the latest year)")
	f.StringVar(&opts.By, "by", "theme", "theme, or speaker: one row per speaker and theme")
	f.StringArrayVar(&opts.Themes, "theme", nil, "only this theme id (repeatable, or comma-separated)")
	f.Uint64Var(&opts.Seed, "seed", 1, "seed of the bootstrap")
	f.IntVar(&opts.Reps, "reps", 2000, "bootstrap replicates")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table, csv or json")
	return cmd
}

func shiftRun(opts *shiftOptions) error {
	format, err := formatFlag(opts.Format)
	if err != nil {
		return err
	}
	if opts.By != "theme" && opts.By != "speaker" {
		return usagef("--by %q: use theme or speaker", opts.By)
	}
	if opts.Reps < 100 {
		return usagef("--reps %d: use at least 100 replicates", opts.Reps)
	}
	lx, themes, c, docs, err := opts.app.themeTallies(opts.Paths, opts.Themes, "")
	if err != nil {
		return err
	}

	from, to, fd, td, err := resolvePeriods(c, docs, opts.From, opts.To, "--from", "--to")
	if err != nil {
		return err
	}
	sopt := metrics.ShiftOptions{Reps: opts.Reps, Seed: opts.Seed, Conf: 0.95}
	var table []metrics.ShiftRow
	cols := []string{"theme"}
	if opts.By == "speaker" {
		cols = append(cols, "speaker")
		for _, s := range lx.SpeakerIDs() {
			table = append(table, metrics.Shift(fd, td, themes, lx.ThemeIDs(), s, sopt)...)
		}
	} else {
		table = metrics.Shift(fd, td, themes, lx.ThemeIDs(), "", sopt)
	}
	cols = append(cols, "from_count", "to_count", "from_tokens", "to_tokens", "from_rate", "to_rate", "diff",
		"diff_ci_low", "diff_ci_high", "log_ratio", "g2", "p", "warnings", "from_docs", "to_docs", "bootstrap")
	rows := output.Rows{Columns: cols}
	for _, r := range table {
		vals := []any{lx.Themes[r.Theme].ID}
		if opts.By == "speaker" {
			vals = append(vals, r.Speaker)
		}
		vals = append(vals, r.FromCount, r.ToCount, r.FromTokens, r.ToTokens, r.FromRate, r.ToRate, r.Diff,
			r.DiffLow, r.DiffHigh, r.LogRatio, r.G2, r.P, r.Warnings, r.FromDocs, r.ToDocs, r.Bootstrap)
		rows.Add(vals...)
	}
	run := runRecord("shift", c, map[string]any{
		"from": from.Label, "to": to.Label, "from_docs": docIDs(fd), "to_docs": docIDs(td), "by": opts.By,
		"theme": themeIDs(lx, themes), "seed": opts.Seed, "reps": opts.Reps, "conf": 0.95,
	})
	run.LexiconSHA256 = lx.Hash
	run.Metrics = []string{"shift.rate", "shift.diff", "shift.diff_ci", "shift.log_ratio", "shift.g2", "shift.p", "shift.warnings"}
	return output.Write(opts.app.Out, format, run, rows)
}
