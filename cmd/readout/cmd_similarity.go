package main

import (
	"math"

	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

type similarityOptions struct {
	app     *app
	Paths   []string
	Measure string
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
One row per document, a column per document, and its nearest neighbour.`,
		Example: `  readout similarity
  readout similarity --measure jsd --format csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return similarityRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Measure, "measure", "cosine", "cosine or jsd")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table, csv or json")
	return cmd
}

// stemBag counts a document's word stems.
func stemBag(d *textproc.Doc) metrics.Bag {
	b := metrics.Bag{}
	for i, t := range d.Tokens {
		if t.Kind == textproc.Word && d.Norm[i] != "" {
			b[d.Stem(i)]++
		}
	}
	return b
}

func similarityRun(opts *similarityOptions) error {
	format, err := formatFlag(opts.Format)
	if err != nil {
		return err
	}
	if opts.Measure != "cosine" && opts.Measure != "jsd" {
		return usagef("--measure %q: use cosine or jsd", opts.Measure)
	}
	lx, err := opts.app.loadLexicon()
	if err != nil {
		return err
	}
	c, docs, err := opts.app.loadAnalysed(opts.Paths, lx)
	if err != nil {
		return err
	}

	bags := make([]metrics.Bag, len(docs))
	for i, d := range docs {
		bags[i] = stemBag(d.A)
	}
	sim := func(i, j int) float64 { return metrics.JensenShannon(bags[i], bags[j]) }
	better := func(v, best float64) bool { return v < best }
	if opts.Measure == "cosine" {
		w := metrics.TFIDF(bags)
		sim = func(i, j int) float64 { return metrics.Cosine(w[i], w[j]) }
		better = func(v, best float64) bool { return v > best }
	}
	cols := []string{"doc"}
	for _, d := range docs {
		cols = append(cols, d.Doc.ID)
	}
	cols = append(cols, "nearest", "nearest_value")
	rows := output.Rows{Columns: cols}
	for i, d := range docs {
		vals := []any{d.Doc.ID}
		nearest, best := "", math.NaN()
		for j := range docs {
			v := sim(i, j)
			vals = append(vals, v)
			if j != i && !math.IsNaN(v) && (nearest == "" || better(v, best)) {
				nearest, best = docs[j].Doc.ID, v
			}
		}
		rows.Add(append(vals, nearest, best)...)
	}
	params := map[string]any{"measure": opts.Measure, "terms": "word stems (textproc.Stem)"}
	metric := "similarity.jsd"
	if opts.Measure == "cosine" {
		params["idf"] = "ln((1+D)/(1+df))+1"
		metric = "similarity.cosine"
	}
	run := runRecord("similarity", c, params)
	run.Metrics = []string{metric}
	return output.Write(opts.app.Out, format, run, rows)
}
