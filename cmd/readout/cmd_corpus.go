package main

import (
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
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
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table, csv or json")
	return cmd
}

func corpusRun(opts *corpusOptions) error {
	format, err := formatFlag(opts.Format)
	if err != nil {
		return err
	}
	// Each file's figures are taken while it is read; documents held in memory (JSONL
	// records) are measured afterwards.
	c, figs, rest, err := visitEach(opts.app, opts.Paths, func(_ int, d *corpus.Document) docFigures { return figuresOf(d.Clean) })
	if err != nil {
		return err
	}
	for _, i := range rest {
		figs[i] = figuresOf(c.Docs[i].Clean)
	}
	rows := output.Rows{Columns: []string{"id", "date", "date_source", "language", "source", "title", "file", "chars", "tokens", "ttr", "mattr"}}
	for i, d := range c.Docs {
		f := figs[i]
		rows.Add(d.ID, dateString(d), string(d.DateSource), string(d.Language), d.Source, d.Title, d.File,
			f.chars, f.tokens, f.ttr, f.mattr)
	}
	run := runRecord("corpus", c, map[string]any{"encoding": opts.app.global.Encoding, "mattr_window": MATTRWindow})
	run.Metrics = []string{"lexdiv.ttr", "lexdiv.mattr"}
	return output.Write(opts.app.Out, format, run, rows)
}

// docFigures are a document's size and lexical diversity.
type docFigures struct {
	chars, tokens int
	ttr, mattr    float64
}

func figuresOf(clean string) docFigures {
	words := lexdivWords(clean)
	return docFigures{chars: utf8.RuneCountInString(clean), tokens: textproc.CountTokens(clean),
		ttr: metrics.TTR(words), mattr: metrics.MATTR(words, MATTRWindow)}
}

func dateString(d *corpus.Document) string {
	if !d.HasDate() {
		return ""
	}
	return d.Date.Format("2006-01-02")
}

// MATTRWindow is the moving window of MATTR, in words (quanteda's default).
const MATTRWindow = 100

// lexdivWords returns the normalized word tokens of a text (numbers left out), the units of
// lexical diversity.
func lexdivWords(text string) []string {
	var out []string
	for _, t := range textproc.Tokenize(text) {
		if t.Kind == textproc.Word {
			if w := textproc.Normalize(text[t.Start:t.End]); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}
