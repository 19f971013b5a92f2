package main

import (
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type diffOptions struct {
	app           *app
	A, B          string
	MinSimilarity float64
	Format        string
	Color         string
}

func newCmdDiff(a *app, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{app: a}
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: "Align the statements of two documents and show word by word what changed",
		Long: `Pair the passages of two documents that state the same thing (a formulation inside a
sentence, found by aligning the sentences' content words; each passage in one pair at most, the
most similar first), and show for each pair its word-level diff, each change classified:
orthographic (the same after normalization: hamza, ta marbuta, diacritics, spacing), morphological
(same stem, other clitic or affix), reordered, substitution, insertion or deletion; where the two
passages list named things, what was added and dropped. Sentences with no passage paired are
dropped (only in A) or added (only in B). A and B are document ids of the corpus (--corpus,
default the bundled one) or file paths; two files with no --corpus are weighed over themselves,
as align weighs them.

Text output uses git's word-diff convention [-removed-]{+added+}, in colour on a terminal.`,
		Example: `  readout diff 2022-12-30-video 2023-10-18-brf
  readout diff 2020-07-08-call 2022-02-04-beijing --format json
  readout diff 2023-10-18-brf new-article.txt --min-similarity 0.2`,
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.A, opts.B = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	f := cmd.Flags()
	f.Float64Var(&opts.MinSimilarity, "min-similarity", compare.DefaultMinSimilarity, "lowest similarity at which two units are paired")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table (the word diff, also called text), json, jsonl or csv")
	f.StringVar(&opts.Color, "color", "auto", "colour the text diff: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never")
	return cmd
}

// textFormat parses the --format of the statement commands: table (their text layout, also
// called text), json, jsonl or csv; it returns text for the first.
func textFormat(s string) (string, error) {
	switch s = strings.ToLower(strings.TrimSpace(s)); s {
	case "table", "text":
		return "text", nil
	case "json", "jsonl", "csv":
		return s, nil
	}
	return "", usagef("unsupported format %q: use table (or text), json, jsonl or csv", s)
}

// statementFormats are what textFormat takes, for completion.
var statementFormats = []string{"table", "text", "json", "jsonl", "csv"}

// dataFormat is the output format of a statement command's rows: JSON, JSON lines or CSV.
func (a *app) dataFormat(format string) output.Format {
	switch format {
	case "csv":
		return a.csvFormat()
	case "jsonl":
		return output.JSONL
	}
	return output.JSON
}

func colorFlag(s string, w io.Writer) (bool, error) {
	switch s {
	case "auto":
		return isTerminal(w) && colorAllowed(), nil
	case "always":
		return true, nil
	case "never":
		return false, nil
	}
	return false, usagef("--color %q: use auto, always or never", s)
}

// statementFlags parses the flags diff, align and compare share: --format, --color and
// --min-similarity.
func (a *app) statementFlags(format, color string, minSim float64) (string, bool, error) {
	f, err := textFormat(format)
	if err != nil {
		return "", false, err
	}
	c, err := colorFlag(color, a.Out)
	if err != nil {
		return "", false, err
	}
	if sw, ok := a.Out.(*output.SafeWriter); ok && c {
		sw.Color = true // readout's red and green pass; a corpus's escapes are still shown
	}
	return f, c, study.CheckMinSimilarity(minSim)
}

// corpusFlag turns a flag naming a corpus into the paths to load: none (the bundled corpus)
// when it is empty.
func corpusFlag(p string) []string {
	if p == "" {
		return nil
	}
	return []string{p}
}

func diffRun(opts *diffOptions) error {
	format, color, err := opts.app.statementFlags(opts.Format, opts.Color, opts.MinSimilarity)
	if err != nil {
		return err
	}
	a := opts.app
	var paths []string // -c/--corpus, or the bundled corpus
	if len(a.global.Corpus) == 0 && regularFile(opts.A) && regularFile(opts.B) {
		// two files and no corpus: their words are weighed over the two of them, as align
		// weighs them, not over the bundled articles
		paths = []string{opts.A, opts.B}
	}
	s, err := a.open(a.ctx, paths, study.NeedUnits)
	if err != nil {
		return err
	}
	res, err := s.Diff(a.ctx, opts.A, opts.B, opts.MinSimilarity)
	if err != nil {
		return err
	}
	run := s.RunRecord("diff", map[string]any{"a": opts.A, "b": opts.B, "min_similarity": opts.MinSimilarity})
	run.Metrics = []string{"compare.units", "compare.similarity", "compare.align", "compare.diff"}
	switch format {
	case "text":
		return res.WriteText(a.Out, opts.MinSimilarity, color)
	case "json", "jsonl":
		rows := output.Rows{Columns: []string{"kind", "a", "b", "similarity", "ops", "added", "dropped"}}
		for _, r := range res.Rows() {
			rows.Add(r.Kind, r.A, r.B, r.Similarity, r.Ops, r.Added, r.Dropped)
		}
		return a.write(a.dataFormat(format), run, rows)
	default:
		rows := output.Rows{Columns: []string{"kind", "a_doc", "a_index", "a_start", "a_end", "a_speaker", "a_themes", "a_text",
			"b_doc", "b_index", "b_start", "b_end", "b_speaker", "b_themes", "b_text", "similarity", "diff", "classes", "added", "dropped"}}
		for _, r := range res.Rows() {
			vals := []any{r.Kind}
			for _, v := range []*study.PassageView{r.A, r.B} {
				if v == nil {
					vals = append(vals, "", nil, nil, nil, "", nil, "")
				} else {
					vals = append(vals, v.Doc, v.Index, v.Start, v.End, v.Speaker, v.Themes, v.Text)
				}
			}
			vals = append(vals, r.Similarity, compare.WordDiffText(r.Ops, false), study.ClassSummary(r.Ops), r.Added, r.Dropped)
			rows.Add(vals...)
		}
		return a.write(a.csvFormat(), run, rows)
	}
}

// regularFile reports whether p names a regular file (not a document id).
func regularFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
