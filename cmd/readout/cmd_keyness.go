package main

import (
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
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
	Format            string
}

func newCmdKeyness(a *app, runF func(*keynessOptions) error) *cobra.Command {
	opts := &keynessOptions{app: a}
	cmd := &cobra.Command{
		Use:   "keyness [PATH ...] --target PERIOD --reference PERIOD",
		Short: "Words and phrases more (or less) frequent in one period than in another",
		Long: `Keyness of words (normalized stems, clitics removed) and n-grams in a target period against a
reference period: counts and sizes, the signed 4-cell log-likelihood G², Pearson chi-squared (with
quanteda's continuity rule), Hardie's Log Ratio (base 2, zero counts as 0.5), Evert's conservative
Log Ratio (LRC: 95% Clopper-Pearson, Bonferroni-corrected unless --correct none), the p-value of
G² and its adjustment for the number of terms tested. Positive keywords come first, negative
last; surface lists the forms behind each stem. Periods default to the latest year (target)
against the earliest (reference).`,
		Example: `  readout keyness --target 2023 --reference 2020
  readout keyness --target 2023 --reference 2020-2022 --ngrams 1-3 --min-count 2 --top 20
  readout keyness --target 2023-10-18-brf --reference 2020-07-08-call --measure g2,lrc --correct fdr`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return keynessRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Target, "target", "", "the period whose keywords are wanted (default: the latest year)")
	f.StringVar(&opts.Reference, "reference", "", "the period to compare with (default: the earliest year)")
	f.StringVar(&opts.Measures, "measure", "g2,chi2,logratio,lrc", "measures, comma-separated: g2, chi2, logratio, lrc; rows are sorted by the first")
	f.IntVar(&opts.MinCount, "min-count", 3, "leave out terms seen fewer times in target and reference together")
	f.StringVar(&opts.NGrams, "ngrams", "1", "n-gram sizes: 1, 2, or a range such as 1-3")
	f.StringVar(&opts.Correct, "correct", "bonferroni", "multiple-testing correction of p and LRC: bonferroni, fdr or none")
	f.IntVar(&opts.Top, "top", 0, "show only the N most positive and N most negative terms (0: all)")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table, csv or json")
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
	format, err := formatFlag(opts.Format)
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
		case "g2", "chi2", "logratio", "lrc":
			measures = append(measures, m)
		default:
			return usagef("--measure %q: use g2, chi2, logratio or lrc, comma-separated", m)
		}
	}
	if opts.MinCount < 1 {
		return usagef("--min-count must be at least 1")
	}
	lx, err := opts.app.loadLexicon()
	if err != nil {
		return err
	}
	c, docs, err := opts.app.loadAnalysed(opts.Paths, lx)
	if err != nil {
		return err
	}
	tl := talliesOf(docs, lx)
	refP, targetP, refDocs, targetDocs, err := resolvePeriods(c, tl, opts.Reference, opts.Target, "--reference", "--target")
	if err != nil {
		return err
	}
	tc, rc := metrics.NewTermCounts(), metrics.NewTermCounts()
	inTarget, inRef := idSet(targetDocs), idSet(refDocs)
	for _, d := range docs {
		var into *metrics.TermCounts
		switch {
		case inTarget[d.Doc.ID]:
			into = tc
		case inRef[d.Doc.ID]:
			into = rc
		default:
			continue
		}
		for _, s := range d.A.Sentences {
			into.AddSentence(keyWords(d.A, s), minN, maxN)
		}
	}
	table := metrics.Keyness(tc, rc, opts.MinCount, corr, 0.95)
	sortKeyness(table, measures[0])
	if opts.Top > 0 {
		table = topAndBottom(table, opts.Top, measures[0])
	}
	cols := []string{"term", "target_count", "reference_count", "target_tokens", "reference_tokens"}
	names := map[string]string{"g2": "g2", "chi2": "chi2", "logratio": "log_ratio", "lrc": "lrc"}
	for _, m := range measures {
		cols = append(cols, names[m])
	}
	cols = append(cols, "p", "p_adjusted", "direction", "surface")
	rows := output.Rows{Columns: cols}
	for _, r := range table {
		vals := []any{r.Term, r.A, r.B, r.Nt, r.Nr}
		for _, m := range measures {
			vals = append(vals, measureOf(r, m))
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
	run := runRecord("keyness", c, map[string]any{
		"target": targetP.Label, "reference": refP.Label, "target_docs": docIDs(targetDocs), "reference_docs": docIDs(refDocs),
		"measure": measures, "min_count": opts.MinCount, "ngrams": opts.NGrams, "correct": opts.Correct, "conf": 0.95,
		"terms_tested": len(table), "top": opts.Top,
	})
	run.LexiconSHA256 = lx.Hash
	run.Metrics = append(ids, "keyness.p", "keyness.p_adjusted")
	return output.Write(opts.app.Out, format, run, rows)
}

// keyWords returns a sentence's words for keyness: word tokens (numbers left out), keyed by
// the Snowball stem of their normalized form.
func keyWords(d *textproc.Doc, s textproc.Sentence) []metrics.Word {
	var out []metrics.Word
	for i := s.TokStart; i < s.TokEnd; i++ {
		t := d.Tokens[i]
		if t.Kind != textproc.Word || d.Norm[i] == "" {
			continue
		}
		out = append(out, metrics.Word{Key: d.Stem(i), Surface: d.Text[t.Start:t.End]})
	}
	return out
}

func idSet(docs []metrics.DocTally) map[string]bool {
	m := map[string]bool{}
	for _, d := range docs {
		m[d.ID] = true
	}
	return m
}

func measureOf(r metrics.KeyRow, m string) float64 {
	switch m {
	case "chi2":
		return r.Chi2
	case "logratio":
		return r.LogRatio
	case "lrc":
		return r.LRC
	}
	return r.G2
}

// sortKeyness orders rows by measure m, largest first; ties keep their G² order.
func sortKeyness(rows []metrics.KeyRow, m string) {
	sort.SliceStable(rows, func(i, j int) bool { return measureOf(rows[i], m) > measureOf(rows[j], m) })
}

// topAndBottom keeps the n largest positive and n most negative rows by measure m.
func topAndBottom(rows []metrics.KeyRow, n int, m string) []metrics.KeyRow {
	var pos, neg []metrics.KeyRow
	for _, r := range rows {
		if measureOf(r, m) > 0 && len(pos) < n {
			pos = append(pos, r)
		}
	}
	for i := len(rows) - 1; i >= 0 && len(neg) < n; i-- {
		if measureOf(rows[i], m) < 0 {
			neg = append([]metrics.KeyRow{rows[i]}, neg...)
		}
	}
	return append(pos, neg...)
}
