package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type compareOptions struct {
	app           *app
	Files         []string
	Against       string
	MinSimilarity float64
	Top           int
	Format        string
	Color         string
}

func newCmdCompare(a *app, runF func(*compareOptions) error) *cobra.Command {
	opts := &compareOptions{app: a}
	cmd := &cobra.Command{
		Use:   "compare FILE ... [--against PATH]",
		Short: "Compare a new article with a corpus: themes, nearest articles, repeated and new statements, speakers",
		Long: `What an analyst runs the day a new readout appears. For each FILE (any supported format; a
date is optional), against the corpus (--against, default the bundled one):
  - themes whose rate departs most from the corpus: rate per 1,000 tokens, the corpus mean, the
    z-score over the corpus documents and the percentile;
  - the nearest corpus documents (tf-idf cosine over word stems);
  - the corpus formulations it repeats, with the word diff from the corpus wording;
  - its statements with no counterpart in the corpus;
  - its speaker balance against the corpus.
Most telling first: themes by |z|, repeats by similarity, new statements with themes first.`,
		Example: `  readout compare new-readout.txt
  readout compare new-readout.html --against testdata/corpus --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("give the FILE(s) to compare")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Against, "against", "", "the corpus to compare with, the same as -c (default: the bundled seed corpus)")
	f.Float64Var(&opts.MinSimilarity, "min-similarity", compare.DefaultMinSimilarity, "lowest similarity at which a statement counts as repeated")
	f.IntVar(&opts.Top, "top", 5, "rows per section in text output (0: every row)")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table (the text layout, also called text), json, jsonl or csv")
	f.StringVar(&opts.Color, "color", "auto", "colour the text diff: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never")
	return cmd
}

func compareRun(opts *compareOptions) error {
	format, color, err := opts.app.statementFlags(opts.Format, opts.Color, opts.MinSimilarity)
	if err != nil {
		return err
	}
	if opts.Top < 0 {
		return usagef("--top %d: give 0 (every row) or more", opts.Top)
	}
	a := opts.app
	o, err := a.options(study.NeedTallies | study.NeedVectors | study.NeedUnitWeights | study.NeedCandidates)
	if err != nil {
		return err
	}
	if o.Against, err = study.OpenDocuments(a.ctx, opts.Files, o); err != nil {
		return err
	}
	news := o.Against
	s, err := a.openWith(a.ctx, corpusFlag(opts.Against), o)
	if err != nil {
		return err
	}
	for _, w := range s.LanguageWarnings(news) {
		a.note("warning: %s", w)
	}
	for _, n := range s.AlreadyIn(news) {
		a.note("note: %s", n)
	}
	results, err := s.Compare(a.ctx, news, study.CompareOptions{MinSimilarity: opts.MinSimilarity})
	if err != nil {
		return err
	}
	c := s.Corpus()
	if format == "text" {
		return study.WriteCompareText(a.Out, results, c.Label, len(c.Docs), opts.Top, color)
	}
	rows := output.Rows{Columns: []string{"doc", "section", "theme", "count", "per_1k", "corpus_mean", "corpus_sd", "z", "percentile",
		"other_doc", "similarity", "speaker", "share", "corpus_share", "text", "other_text", "diff", "classes", "added", "dropped", "history",
		"index", "start", "end", "other_index", "other_start", "other_end", "other_speaker"}}
	docByID := map[string]*corpus.Document{}
	for _, d := range s.Corpus().Docs {
		docByID[d.ID] = d
	}
	for _, r := range results {
		id := r.Doc.Doc.ID
		blank := func() []any { return make([]any, len(rows.Columns)) }
		for _, th := range r.Themes {
			v := blank()
			v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8] = id, "theme", th.Theme, th.Count, th.Rate, th.Mean, th.SD, th.Z, th.Percentile
			rows.Add(v...)
		}
		for _, nb := range r.Nearest {
			v := blank()
			v[0], v[1], v[9], v[10] = id, "nearest", nb.ID, nb.Cosine
			rows.Add(v...)
		}
		for _, rp := range r.Repeats {
			cp := rp.Corpus()
			v := blank()
			v[0], v[1], v[9], v[10], v[11], v[14], v[15], v[16], v[17] = id, "repeat", cp.Unit.Doc, rp.Similarity, rp.New.Unit.Speaker, rp.New.Text(), cp.Text(), compare.WordDiffText(rp.Ops, false), study.ClassSummary(rp.Ops)
			v[18], v[19] = rp.Added, rp.Dropped
			var hist []string
			for _, h := range rp.History {
				hist = append(hist, h.Unit().Doc)
			}
			v[20] = hist
			nv, cv := study.View(rp.New, r.Doc.Doc), study.View(cp, docByID[cp.Unit.Doc])
			v[21], v[22], v[23], v[24], v[25], v[26], v[27] = nv.Index, nv.Start, nv.End, cv.Index, cv.Start, cv.End, cp.Unit.Speaker
			rows.Add(v...)
		}
		for _, c := range r.Copied {
			v := blank()
			v[0], v[1], v[2], v[9], v[10], v[11], v[14], v[15] = id, "copied", strings.Join(c.Unit.Themes, "; "), c.Doc, 1.0, c.Unit.Speaker, c.Unit.Text, c.Unit.Text
			uv := study.UnitView(c.Unit, r.Doc.Doc)
			v[21], v[22], v[23], v[24] = uv.Index, uv.Start, uv.End, c.Index+1
			rows.Add(v...)
		}
		for _, u := range r.Fresh {
			v := blank()
			v[0], v[1], v[2], v[11], v[14] = id, "new", strings.Join(u.Themes, "; "), u.Speaker, u.Text
			uv := study.UnitView(u, r.Doc.Doc)
			v[21], v[22], v[23] = uv.Index, uv.Start, uv.End
			rows.Add(v...)
		}
		for _, sp := range r.Speakers {
			v := blank()
			v[0], v[1], v[11], v[12], v[13] = id, "speaker", sp.Speaker, sp.Share, sp.Corpus
			rows.Add(v...)
		}
	}
	run := s.RunRecord("compare", map[string]any{"files": opts.Files, "min_similarity": opts.MinSimilarity})
	run.Metrics = []string{"theme.per_1k", "compare.standing", "similarity.cosine", "compare.similarity", "compare.diff"}
	f := a.dataFormat(format)
	return a.write(f, run, rows)
}
