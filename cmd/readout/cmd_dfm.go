package main

import (
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type dfmOptions struct {
	app      *app
	Paths    []string
	By       string
	AllWords bool
	MinCount int
	Format   string
	Out      string
	Force    bool
}

func newCmdDFM(a *app, runF func(*dfmOptions) error) *cobra.Command {
	opts := &dfmOptions{app: a}
	cmd := &cobra.Command{
		Use:   "dfm [PATH ...]",
		Short: "Export the document-feature matrix: word counts per document or year, for quanteda, scikit-learn or R",
		Long: `Export the document-feature matrix: how often each feature occurs in each document (or,
with --by year, in each year's documents together). A feature is what keyness and similarity
count: a word's stem, shown beside the form written most often; function words are left out
unless --all-words.

--format table (the default), csv, jsonl or json writes it long, one row per document and feature with a
count that is not zero: doc (or year), feature, form, count. pandas: pd.read_csv(f).pivot_table(
index="doc", columns="feature", values="count", fill_value=0); R: xtabs(count ~ doc + feature).
--format mtx writes a Matrix Market file and the names of its rows and columns into the
directory -o names: dfm.mtx, rows.txt, features.txt (scipy.io.mmread, Matrix::readMM, then
quanteda::as.dfm).`,
		Example: `  readout dfm -f csv > dfm.csv
  readout dfm --by year --min-count 2 -f csv
  readout dfm testdata/corpus -f mtx -o dfm/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return dfmRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.By, "by", "doc", "rows: doc, or year (the documents of a year together)")
	f.BoolVar(&opts.AllWords, "all-words", false, "keep function words (left out by default)")
	f.IntVar(&opts.MinCount, "min-count", 1, "leave out features seen fewer times in the corpus")
	f.StringVarP(&opts.Format, "format", "f", "table", "table (also called text), csv, jsonl or json (long: one row per document and feature), or mtx (Matrix Market, with -o DIR)")
	f.StringVarP(&opts.Out, "output", "o", "", "the directory for --format mtx")
	f.BoolVar(&opts.Force, "force", false, "overwrite files readout did not write")
	return cmd
}

func dfmRun(opts *dfmOptions) error {
	a := opts.app
	mtx := opts.Format == "mtx"
	var format output.Format
	if !mtx {
		f, err := a.formatFlag(opts.Format)
		if err != nil {
			return usagef("unsupported format %q: use csv, jsonl, json, table or mtx", opts.Format)
		}
		format = f
		if opts.Out != "" {
			return usagef("-o is for --format mtx; the long formats go to standard output")
		}
	} else if opts.Out == "-" {
		return usagef("-o -: --format mtx writes three files; give their directory's name, or use -f csv for standard output")
	} else if opts.Out == "" {
		return usagef("--format mtx writes three files: give their directory with -o DIR")
	}
	if opts.By != "doc" && opts.By != "year" {
		return usagef("--by %q: use doc or year", opts.By)
	}
	if opts.MinCount < 1 {
		return usagef("--min-count must be at least 1")
	}
	a.datedOnly = opts.By == "year"
	s, err := a.open(a.ctx, opts.Paths, 0)
	if err != nil {
		return err
	}
	m, err := s.DFM(a.ctx, study.DFMOptions{ByYear: opts.By == "year", AllWords: opts.AllWords, MinCount: opts.MinCount})
	if err != nil {
		return err
	}
	run := s.RunRecord("dfm", map[string]any{"by": opts.By, "all_words": opts.AllWords, "min_count": opts.MinCount})
	if !mtx {
		rows := output.Rows{Columns: []string{opts.By, "feature", "form", "count"}}
		for _, c := range m.Cells {
			rows.Add(m.Rows[c.Row], m.Features[c.Feature], m.Forms[c.Feature], c.Count)
		}
		return a.write(format, run, rows)
	}
	c := s.Corpus()
	d, err := output.OpenDir(opts.Out, c.Dirs, c.FileDirs())
	if err != nil {
		return err
	}
	defer d.Close()
	files := []string{"dfm.mtx", "rows.txt", "features.txt", "run.json"}
	if err := d.Check(files); err != nil {
		return err
	}
	if err := refuseForeign(d, files, opts.Out, opts.Force); err != nil {
		return err
	}
	writers := map[string]func(io.Writer) error{
		"dfm.mtx":      m.WriteMatrixMarket,
		"rows.txt":     func(w io.Writer) error { return study.WriteNames(w, m.Rows) },
		"features.txt": func(w io.Writer) error { return study.WriteNames(w, m.Features) },
		"run.json":     func(w io.Writer) error { return writeRunJSON(w, run) },
	}
	for _, f := range files {
		if err := d.Write(f, writers[f]); err != nil {
			return err
		}
	}
	a.note("wrote %s: %d rows × %d features, %d counts", filepath.Join(opts.Out, "dfm.mtx"), len(m.Rows), len(m.Features), len(m.Cells))
	return nil
}
