package main

import (
	"math"

	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type similarityOptions struct {
	app     *app
	Paths   []string
	Measure string
	Top     int
	Format  string
}

func newCmdSimilarity(a *app, runF func(*similarityOptions) error) *cobra.Command {
	opts := &similarityOptions{app: a}
	cmd := &cobra.Command{
		Use:   "similarity [PATH ...]",
		Short: "The document × document similarity matrix and each document's nearest neighbour",
		Long: `How alike the documents are, over their word stems: tf-idf cosine similarity (tf the raw
count, idf the smoothed ln((1+D)/(1+df)) + 1 of scikit-learn; 1 = same profile) or the
Jensen-Shannon divergence of relative frequencies in base 2 (0 = identical, 1 = nothing shared).
One row per document, a column per document, and its nearest neighbour; with --top N, a row for
each of a document's N nearest neighbours instead (doc, rank, neighbor, value), which for cosine
is found through an index of the documents' stems without the full matrix.`,
		Example: `  readout similarity
  readout similarity --measure jsd --format csv
  readout similarity --top 3`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return similarityRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Measure, "measure", "cosine", "cosine or jsd")
	cmd.Flags().IntVar(&opts.Top, "top", 0, "each document's N nearest neighbours, one row each, instead of the full matrix (for large corpora)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

func similarityRun(opts *similarityOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	if opts.Measure != study.Cosine && opts.Measure != study.JSD {
		return usagef("--measure %q: use cosine or jsd", opts.Measure)
	}
	if opts.Top < 0 {
		return usagef("--top %d: give 1 or more (0: the full matrix)", opts.Top)
	}
	a := opts.app
	s, err := a.open(a.ctx, opts.Paths, study.NeedVectors)
	if err != nil {
		return err
	}
	res, err := s.Similarity(a.ctx, study.SimilarityOptions{Measure: opts.Measure, Top: opts.Top})
	if err != nil {
		return err
	}
	docs := s.Corpus().Docs
	var rows output.Rows
	if opts.Top > 0 {
		rows.Columns = []string{"doc", "rank", "neighbor", "value"}
		for i, list := range res.Nearest {
			for k, nb := range list {
				rows.Add(docs[i].ID, k+1, docs[nb.Doc].ID, nb.Value)
			}
		}
	} else {
		rows.Columns = []string{"doc"}
		for _, d := range docs {
			rows.Columns = append(rows.Columns, d.ID)
		}
		rows.Columns = append(rows.Columns, "nearest", "nearest_value")
		for i, d := range docs {
			vals := []any{d.ID}
			for _, v := range res.Matrix[i] {
				vals = append(vals, v)
			}
			nearest, best := "", math.NaN()
			if nb := res.Nearest[i]; len(nb) > 0 {
				nearest, best = docs[nb[0].Doc].ID, nb[0].Value
			}
			rows.Add(append(vals, nearest, best)...)
		}
	}
	params := map[string]any{"measure": opts.Measure, "terms": "word stems (textproc.Stem)"}
	if opts.Top > 0 {
		params["top"] = opts.Top
	}
	metric := "similarity.jsd"
	if opts.Measure == "cosine" {
		params["idf"] = "ln((1+D)/(1+df))+1"
		metric = "similarity.cosine"
	}
	run := s.RunRecord("similarity", params)
	run.LexiconSHA256 = ""
	run.Metrics = []string{metric}
	return a.write(format, run, rows)
}
