package main

import (
	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
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
	f.StringVar(&opts.From, "from", "", "the earlier period (with --to; without both, the earliest year)")
	f.StringVar(&opts.To, "to", "", "the later period (with --from; without both, the latest year)")
	f.StringVar(&opts.By, "by", "theme", "theme, or speaker: one row per speaker and theme")
	f.StringArrayVar(&opts.Themes, "theme", nil, "only this theme id (repeatable, or comma-separated)")
	f.Uint64Var(&opts.Seed, "seed", 1, "seed of the bootstrap")
	f.IntVar(&opts.Reps, "reps", 2000, "bootstrap replicates")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

func shiftRun(opts *shiftOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	if opts.By != "theme" && opts.By != "speaker" {
		return usagef("--by %q: use theme or speaker", opts.By)
	}
	if opts.Reps < study.MinReps || opts.Reps > study.MaxReps {
		return usagef("--reps %d: use %d to %d replicates", opts.Reps, study.MinReps, study.MaxReps)
	}
	a := opts.app
	a.datedOnly = study.PeriodPair{From: opts.From, To: opts.To}.NeedDates()
	s, themes, err := a.openThemes(opts.Paths, opts.Themes, study.NeedTallies)
	if err != nil {
		return err
	}
	res, err := s.Shift(a.ctx, study.ShiftOptions{Periods: study.PeriodPair{From: opts.From, To: opts.To, FromName: "--from", ToName: "--to"},
		Themes: themes, BySpeaker: opts.By == "speaker", Reps: opts.Reps, Seed: opts.Seed})
	if err != nil {
		return err
	}
	if w := s.LanguageShift(res.Periods); w != "" {
		a.note("warning: %s", w)
	}
	if w := s.OrderWarning(res.Periods); w != "" {
		a.note("note: %s", w)
	}
	lx := s.Lexicon()
	rows := output.Rows{Columns: study.ShiftColumns(opts.By == "speaker")}
	for _, r := range res.Rows {
		var speaker *string
		if opts.By == "speaker" {
			speaker = &r.Speaker
		}
		rows.Add(study.ShiftValues(lx.Themes[r.Theme].ID, speaker, r)...)
	}
	p := res.Periods
	run := s.RunRecord("shift", map[string]any{
		"from": p.From.Label, "to": p.To.Label, "from_docs": s.IDs(p.FromDocs), "to_docs": s.IDs(p.ToDocs), "by": opts.By,
		"theme": s.ThemeIDs(themes), "seed": opts.Seed, "reps": opts.Reps, "conf": 0.95,
	})
	run.Metrics = []string{"shift.rate", "shift.diff", "shift.diff_ci", "shift.log_ratio", "shift.g2", "shift.p", "shift.warnings"}
	return a.write(format, run, rows)
}
