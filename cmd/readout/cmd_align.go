package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/study"
)

type alignOptions struct {
	app           *app
	Paths         []string
	MinSimilarity float64
	MinDocs       int
	Top           int
	Collate       bool
	Format        string
	Color         string
}

func newCmdAlign(a *app, runF func(*alignOptions) error) *cobra.Command {
	opts := &alignOptions{app: a}
	cmd := &cobra.Command{
		Use:   "align [PATH ...]",
		Short: "The formulations that recur across a corpus, each with its history of wording changes",
		Long: `Find the formulations that recur across the corpus: passages of different documents (one
per document) that state the same thing, each variant in date order with its speaker, its
similarity to the earlier variant it restates and its word diff from it, and, where a list of named
things changed, what was added and dropped; --collate adds the variants side by side, word by word.
A formulation's history reads top to bottom. Ranked by how many documents they span.`,
		Example: `  readout align
  readout align --top 5 --collate
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
	f.Float64Var(&opts.MinSimilarity, "min-similarity", compare.DefaultMinSimilarity, "lowest similarity at which two passages are linked")
	f.IntVar(&opts.MinDocs, "min-docs", 2, "show formulations found in at least this many documents")
	f.IntVar(&opts.Top, "top", 0, "show only the N highest-ranked formulations (0: all)")
	f.BoolVar(&opts.Collate, "collate", false, "with each formulation, its collation: one column per document, the aligned words in rows")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table (the text layout, also called text), json, jsonl or csv")
	f.StringVar(&opts.Color, "color", "auto", "colour the text diff: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never")
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
	a := opts.app
	s, err := a.open(a.ctx, opts.Paths, study.NeedUnits)
	if err != nil {
		return err
	}
	forms, err := s.Formulations(a.ctx, study.AlignOptions{MinSimilarity: opts.MinSimilarity, MinDocs: opts.MinDocs, Top: opts.Top})
	if err != nil {
		return err
	}
	if format == "text" {
		w := bufio.NewWriter(a.Out)
		fmt.Fprintf(w, "%d recurring formulations in %d documents (min similarity %.2f)\n", len(forms.List), forms.Docs, opts.MinSimilarity)
		if err := forms.Explain(a.ctx, false, func(k int, f *compare.Formulation) error {
			return study.FormulationText(w, s.Lexicon(), k, f, color, opts.Collate)
		}); err != nil {
			return err
		}
		return w.Flush()
	}
	run := s.RunRecord("align", map[string]any{"min_similarity": opts.MinSimilarity, "min_docs": opts.MinDocs, "top": opts.Top})
	run.Metrics = []string{"compare.units", "compare.similarity", "compare.recurring", "compare.diff"}
	f := a.dataFormat(format)
	// Rows are written as the formulations are explained: a large corpus gives gigabytes.
	out, err := a.stream(f, run, []string{"formulation", "docs", "doc", "date", "index", "start", "end", "speaker", "themes", "text",
		"parent", "similarity", "diff", "ops", "added", "dropped", "collation"})
	if err != nil {
		return err
	}
	docs := map[string]*corpus.Document{}
	for _, d := range s.Corpus().Docs {
		docs[d.ID] = d
	}
	err = forms.Explain(a.ctx, false, func(k int, f *compare.Formulation) error {
		coll := f.Collate(s.Lexicon())
		for i, v := range f.Variants {
			u := v.Unit()
			pv := study.View(v.Passage, docs[u.Doc])
			var sim, parent any
			diff := ""
			if v.Ops() != nil {
				sim, diff, parent = v.Similarity, compare.WordDiffText(v.Ops(), false), f.Variants[v.Parent].Unit().Doc
			}
			ops := any(v.Ops())
			cells := make([]string, len(coll.Rows))
			for r, row := range coll.Rows {
				cells[r] = row[i]
			}
			var cell any = cells
			if format == "csv" {
				ops, cell = strings.Join(study.ClassSummary(v.Ops()), "; "), strings.Join(cells, " | ")
			}
			out.Add(k+1, f.Docs(), u.Doc, study.DateString(u.Date), u.Index+1, pv.Start, pv.End, u.Speaker, pv.Themes, pv.Text,
				parent, sim, diff, ops, v.Added(), v.Dropped(), cell)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return out.Close()
}
