package main

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/metrics"
	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type keynessOptions struct {
	app               *app
	Paths             []string
	Target, Reference string
	Measures          string
	MinCount          int
	NGrams            string
	Correct           string
	Top               int
	AllWords          bool
	Format            string
}

func newCmdKeyness(a *app, runF func(*keynessOptions) error) *cobra.Command {
	opts := &keynessOptions{app: a}
	cmd := &cobra.Command{
		Use:   "keyness [PATH ...] --from PERIOD --to PERIOD",
		Short: "Words and phrases more (or less) frequent in one period than in another",
		Long: `Keyness of words (normalized stems, clitics removed) and n-grams in a target period (--to)
against a reference period (--from): counts and sizes, the signed 4-cell log-likelihood G², Pearson chi-squared (with
quanteda's continuity rule), Hardie's Log Ratio (base 2, zero counts as 0.5), Evert's conservative
Log Ratio (LRC: 95% Clopper-Pearson, Bonferroni-corrected unless --correct none), the p-value of
G² and its adjustment for the number of terms tested. Positive keywords come first, negative
last; term is the form written most often, stem the key counted, surface the forms behind it.
Function words (prepositions, conjunctions, pronouns, auxiliaries; the stop list of
docs/METHODS.md) are left out, and so is every n-gram holding one; --all-words keeps them.
Without --from and --to, the latest year (target) is compared with the earliest (reference);
--target and --reference are older names of --to and --from.`,
		Example: `  readout keyness --from 2020 --to 2023
  readout keyness --from 2020-2022 --to 2023 --ngrams 1-3 --min-count 2 --top 20
  readout keyness --from 2020-07-08-call --to 2023-10-18-brf --measure g2,lrc --correct fdr`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return keynessRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Target, "to", "", "the period whose keywords are wanted, the target (with --from; without both, the latest year)")
	f.StringVar(&opts.Reference, "from", "", "the period to compare with, the reference (with --to; without both, the earliest year)")
	alias(f, "target", "to")
	alias(f, "reference", "from")
	listVar(f, &opts.Measures, "measure", "", "g2,chi2,logratio,lrc", "measures, comma-separated or repeated: g2, chi2, logratio, lrc; rows are sorted by the first")
	f.IntVar(&opts.MinCount, "min-count", 3, "leave out terms seen fewer times in target and reference together")
	f.StringVar(&opts.NGrams, "ngrams", "1", "n-gram sizes: 1, 2, or a range such as 1-3")
	f.StringVar(&opts.Correct, "correct", "bonferroni", "multiple-testing correction of p and LRC: bonferroni, fdr or none")
	f.IntVar(&opts.Top, "top", 0, "show only the N most positive and N most negative terms (0: all)")
	f.BoolVar(&opts.AllWords, "all-words", false, "keep function words (left out by default)")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

func parseNGrams(s string) (int, int, error) {
	lo, hi := s, s
	if i := strings.Index(s, "-"); i >= 0 {
		lo, hi = s[:i], s[i+1:]
	}
	a, err1 := strconv.Atoi(strings.TrimSpace(lo))
	b, err2 := strconv.Atoi(strings.TrimSpace(hi))
	if err1 != nil || err2 != nil || a < 1 || b < a || b > 5 {
		return 0, 0, usagef("--ngrams %q: give a size from 1 to 5, or a range such as 1-3", s)
	}
	return a, b, nil
}

func keynessRun(opts *keynessOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	minN, maxN, err := parseNGrams(opts.NGrams)
	if err != nil {
		return err
	}
	corr := metrics.Correction(opts.Correct)
	if corr != metrics.CorrectBonferroni && corr != metrics.CorrectFDR && corr != metrics.CorrectNone {
		return usagef("--correct %q: use bonferroni, fdr or none", opts.Correct)
	}
	var measures []string
	for _, m := range strings.Split(opts.Measures, ",") {
		m = strings.TrimSpace(m)
		switch m {
		case study.MeasureG2, study.MeasureChi2, study.MeasureLogRatio, study.MeasureLRC:
			measures = append(measures, m)
		default:
			return usagef("--measure %q: use g2, chi2, logratio or lrc, comma-separated", m)
		}
	}
	if opts.MinCount < 1 {
		return usagef("--min-count must be at least 1")
	}
	a := opts.app
	a.datedOnly = study.PeriodPair{From: opts.Reference, To: opts.Target}.NeedDates()
	s, err := a.open(a.ctx, opts.Paths, 0)
	if err != nil {
		return err
	}
	res, err := s.Keyness(a.ctx, study.KeynessOptions{
		Periods:  study.PeriodPair{From: opts.Reference, To: opts.Target, FromName: "--from", ToName: "--to"},
		MinCount: opts.MinCount, MinN: minN, MaxN: maxN, Correct: corr, SortBy: measures[0], Top: opts.Top, AllWords: opts.AllWords})
	if err != nil {
		return err
	}
	if w := s.LanguageShift(res.Periods); w != "" {
		a.note("warning: %s", w)
	}
	if w := s.OrderWarning(res.Periods); w != "" {
		a.note("note: %s", w)
	}
	cols := []string{"term", "stem", "target_count", "reference_count", "target_tokens", "reference_tokens"}
	names := map[string]string{"g2": "g2", "chi2": "chi2", "logratio": "log_ratio", "lrc": "lrc"}
	for _, m := range measures {
		cols = append(cols, names[m])
	}
	cols = append(cols, "p", "p_adjusted", "direction", "surface")
	rows := output.Rows{Columns: cols}
	for _, r := range res.Rows {
		vals := []any{study.KeyLabel(r), r.Term, r.A, r.B, r.Nt, r.Nr}
		for _, m := range measures {
			vals = append(vals, study.MeasureOf(r, m))
		}
		dir := "positive"
		if r.G2 < 0 {
			dir = "negative"
		}
		vals = append(vals, r.P, r.PAdjusted, dir, r.Surface)
		rows.Add(vals...)
	}
	var ids []string
	for _, m := range measures {
		ids = append(ids, "keyness."+names[m])
	}
	p := res.Periods
	run := s.RunRecord("keyness", map[string]any{
		"target": p.To.Label, "reference": p.From.Label, "target_docs": s.IDs(p.ToDocs), "reference_docs": s.IDs(p.FromDocs),
		"measure": measures, "min_count": opts.MinCount, "ngrams": opts.NGrams, "correct": opts.Correct, "conf": 0.95,
		"terms_tested": res.Tested, "top": opts.Top,
	})
	run.Metrics = append(ids, "keyness.p", "keyness.p_adjusted")
	return a.write(format, run, rows)
}
