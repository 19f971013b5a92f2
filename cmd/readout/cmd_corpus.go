package main

import (
	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type corpusOptions struct {
	app    *app
	Paths  []string
	Format string
}

func newCmdCorpus(a *app, runF func(*corpusOptions) error) *cobra.Command {
	opts := &corpusOptions{app: a}
	cmd := &cobra.Command{
		Use:   "corpus [PATH ...]",
		Short: "List the documents of a corpus with their dates, languages and sizes",
		Long: `List the documents of a corpus: one row per document with its id, date and where the
date came from (manifest, jsonl, html-meta, text, filename or none), language, source, title,
file, its size in characters and tokens after boilerplate removal, and its lexical diversity:
ttr (distinct words / words) and mattr (the mean ttr of every 100-word window, which, unlike ttr,
does not fall as texts grow longer; numbers are left out of both).`,
		Example: `  # the bundled seed corpus
  readout corpus
  readout corpus --format json
  # a directory, and what boilerplate was removed from each article
  readout corpus testdata/corpus --verbose`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return corpusRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

func corpusRun(opts *corpusOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	a := opts.app
	s, err := a.open(a.ctx, opts.Paths, study.NeedFigures)
	if err != nil {
		return err
	}
	figs, err := s.Figures(a.ctx)
	if err != nil {
		return err
	}
	rows := output.Rows{Columns: []string{"id", "date", "date_source", "language", "source", "credit", "title", "file", "chars", "tokens", "ttr", "mattr", "author", "url", "dateline", "event_date", "event_date_source"}}
	for i, d := range s.Corpus().Docs {
		f := figs[i]
		rows.Add(d.ID, study.DateString(d.Date), string(d.DateSource), string(d.Language), d.Source, d.Credit, d.Title, d.File,
			f.Chars, f.Tokens, f.TTR, f.MATTR, d.Author, d.URL, d.Dateline, study.DateString(d.EventDate), d.EventDateSource)
	}
	run := s.RunRecord("corpus", map[string]any{"encoding": a.global.Encoding, "mattr_window": study.MATTRWindow})
	run.LexiconSHA256 = ""
	run.Metrics = []string{"lexdiv.ttr", "lexdiv.mattr"}
	return a.write(format, run, rows)
}
