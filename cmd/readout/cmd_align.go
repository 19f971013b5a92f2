package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
	"github.com/readout/readout/textproc"
)

type alignOptions struct {
	app           *app
	Paths         []string
	MinSimilarity float64
	MinDocs       int
	Top           int
	Format        string
	Color         string
}

func newCmdAlign(a *app, runF func(*alignOptions) error) *cobra.Command {
	opts := &alignOptions{app: a}
	cmd := &cobra.Command{
		Use:   "align [PATH ...]",
		Short: "The formulations that recur across a corpus, each with its history of wording changes",
		Long: `Find the statements that recur across the corpus: groups of aligned units from different
documents (one per document), each variant in date order with its word diff from the one before,
so a formulation's history reads top to bottom. Ranked by how many documents they span.`,
		Example: `  readout align
  readout align --min-docs 3 --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return alignRun(opts)
		},
	}
	f := cmd.Flags()
	f.Float64Var(&opts.MinSimilarity, "min-similarity", compare.DefaultMinSimilarity, "lowest similarity at which two units are linked")
	f.IntVar(&opts.MinDocs, "min-docs", 2, "show formulations found in at least this many documents")
	f.IntVar(&opts.Top, "top", 0, "show only the N highest-ranked formulations (0: all)")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text, json or csv")
	f.StringVar(&opts.Color, "color", "auto", "colour the text diff: auto (on a terminal), always or never")
	return cmd
}

func alignRun(opts *alignOptions) error {
	format, color, err := opts.app.statementFlags(opts.Format, opts.Color, opts.MinSimilarity)
	if err != nil {
		return err
	}
	if opts.MinDocs < 2 {
		return usagef("--min-docs must be at least 2")
	}
	lx, err := opts.app.loadLexicon()
	if err != nil {
		return err
	}
	// Stream: each document becomes its statement units, and its analysis is dropped. So is
	// the units' text, which would hold every document's text in memory while the corpus is
	// linked: the text of the units shown is read again at the end (withText).
	c, units, err := loadEach(opts.app, opts.Paths, lx, true, func(d *corpus.Document, an *textproc.Doc) []compare.Unit {
		us := compare.Units(d.ID, d.Date, an, lx)
		for k := range us {
			us[k].Text = ""
		}
		return us
	})
	if err != nil {
		return err
	}
	order := make([]int, len(units))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return c.Docs[order[i]].Date.Before(c.Docs[order[j]].Date) }) // histories read forward in time
	sorted := make([][]compare.Unit, len(units))
	for k, i := range order {
		sorted[k] = units[i]
	}
	units = sorted
	w := compare.NewWeights(units...)
	var forms []compare.Formulation
	for _, f := range compare.Recurring(units, w, opts.MinSimilarity) {
		if f.Docs() >= opts.MinDocs {
			forms = append(forms, f)
		}
	}
	if opts.Top > 0 && len(forms) > opts.Top {
		forms = forms[:opts.Top]
	}
	if err := withText(c, forms); err != nil {
		return err
	}
	if format == "text" {
		ew := &errWriter{w: opts.app.Out}
		ew.printf("%d recurring formulations in %d documents (min similarity %.2f)\n", len(forms), len(c.Docs), opts.MinSimilarity)
		explainEach(opts.app, forms, w, func(k int, f *compare.Formulation) {
			ew.printf("\n#%d  %d documents, mean similarity %.2f  [%s]\n", k+1, f.Docs(), f.Mean, strings.Join(formThemes(*f), ", "))
			for _, v := range f.Variants {
				u := v.Unit
				date := ""
				if !u.Date.IsZero() {
					date = u.Date.Format("2006-01-02")
				}
				if v.Ops == nil {
					ew.printf("  %s %s #%d (%s)\n    %s\n", date, u.Doc, u.Index+1, u.Speaker, u.Text)
				} else {
					ew.printf("  %s %s #%d (%s)  %.2f  %s\n    %s\n", date, u.Doc, u.Index+1, u.Speaker, v.Similarity,
						strings.Join(classSummary(v.Ops), ", "), compare.WordDiffText(v.Ops, color))
				}
			}
		})
		return ew.err
	}
	run := runRecord("align", c, map[string]any{"min_similarity": opts.MinSimilarity, "min_docs": opts.MinDocs, "top": opts.Top})
	run.LexiconSHA256 = lx.Hash
	run.Metrics = []string{"compare.units", "compare.similarity", "compare.recurring", "compare.diff"}
	f := output.JSON
	if format == "csv" {
		f = output.CSV
	}
	// Rows are written as the formulations are explained: a large corpus gives gigabytes.
	out := output.NewStream(opts.app.Out, f, run, []string{"formulation", "docs", "doc", "date", "index", "speaker", "themes", "text", "similarity", "diff", "ops"})
	explainEach(opts.app, forms, w, func(k int, f *compare.Formulation) {
		for _, v := range f.Variants {
			u := v.Unit
			var sim any
			diff := ""
			if v.Ops != nil {
				sim, diff = v.Similarity, compare.WordDiffText(v.Ops, false)
			}
			date := ""
			if !u.Date.IsZero() {
				date = u.Date.Format("2006-01-02")
			}
			ops := any(v.Ops)
			if format == "csv" {
				ops = strings.Join(classSummary(v.Ops), "; ")
			}
			out.Add(k+1, f.Docs(), u.Doc, date, u.Index, u.Speaker, u.Themes, u.Text, sim, diff, ops)
		}
	})
	return out.Close()
}

// explainEach explains the formulations (each variant's similarity to and word diff from the
// one before) on --jobs workers, a few thousand variants at a time, and hands each formulation
// to fn in order. A formulation's diffs are dropped after fn, so memory holds those of one
// batch, not of the whole corpus.
func explainEach(a *app, forms []compare.Formulation, w *compare.Weights, fn func(k int, f *compare.Formulation)) {
	const batch = 4096 // variants
	type job struct{ f, v int }
	var jobs []job
	for start := 0; start < len(forms); {
		jobs = jobs[:0]
		end := start
		for ; end < len(forms) && (end == start || len(jobs)+len(forms[end].Variants) <= batch); end++ {
			for v := 1; v < len(forms[end].Variants); v++ {
				jobs = append(jobs, job{end, v})
			}
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(a.jobs(), max(len(jobs), 1)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := int(next.Add(1)) - 1; i < len(jobs); i = int(next.Add(1)) - 1 {
					forms[jobs[i].f].ExplainVariant(w, jobs[i].v)
				}
			}()
		}
		wg.Wait()
		for k := start; k < end; k++ {
			fn(k, &forms[k])
			for v := range forms[k].Variants {
				forms[k].Variants[v].Ops = nil
			}
		}
		start = end
	}
}

// withText sets the text of the formulations' units, reading their documents again, one at a
// time, in corpus order.
func withText(c *corpus.Corpus, forms []compare.Formulation) error {
	need := map[string][]*compare.Unit{} // by document id
	for _, f := range forms {
		for _, v := range f.Variants {
			need[v.Unit.Doc] = append(need[v.Unit.Doc], v.Unit)
		}
	}
	for _, d := range c.Docs {
		us := need[d.ID]
		if len(us) == 0 {
			continue
		}
		if err := d.Load(); err != nil {
			return fmt.Errorf("%s: %v", d.Path, err)
		}
		for _, u := range us {
			u.Text = u.TextIn(d.Clean)
		}
		d.Release()
	}
	return nil
}

func formThemes(f compare.Formulation) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range f.Variants {
		for _, t := range v.Unit.Themes {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	if len(out) == 0 {
		return []string{"no theme"}
	}
	return out
}
