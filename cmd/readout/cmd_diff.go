package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
	"github.com/readout/readout/textproc"
)

type diffOptions struct {
	app           *app
	A, B          string
	Corpus        string
	MinSimilarity float64
	Format        string
	Color         string
}

func newCmdDiff(a *app, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{app: a}
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: "Align the statements of two documents and show word by word what changed",
		Long: `Align the statement units (sentences and clauses) of two documents one to one, and show for
each aligned pair its word-level diff, each change classified: orthographic (the same after
normalization: hamza, ta marbuta, diacritics, spacing), morphological (same stem, other clitic or
affix), reordered, substitution, insertion or deletion. Units found only in A are dropped, only in
B added. A and B are document ids of the corpus (--corpus, default the bundled one) or file paths.

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
	f.StringVar(&opts.Corpus, "corpus", "", "corpus the ids refer to (default: the bundled seed corpus)")
	f.Float64Var(&opts.MinSimilarity, "min-similarity", compare.DefaultMinSimilarity, "lowest similarity at which two units are paired")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text, json or csv")
	f.StringVar(&opts.Color, "color", "auto", "colour the text diff: auto (on a terminal), always or never")
	return cmd
}

// textFormat parses the --format of the statement commands: text, json or csv.
func textFormat(s string) (string, error) {
	switch s {
	case "text", "json", "csv":
		return s, nil
	}
	return "", usagef("unsupported format %q: use text, json or csv", s)
}

func colorFlag(s string, w io.Writer) (bool, error) {
	switch s {
	case "auto":
		return isTerminal(w), nil
	case "always":
		return true, nil
	case "never":
		return false, nil
	}
	return false, usagef("--color %q: use auto, always or never", s)
}

func checkMinSim(v float64) error {
	if v <= 0 || v > 1 {
		return usagef("--min-similarity %v: give a number in (0, 1]", v)
	}
	return nil
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
	return f, c, checkMinSim(minSim)
}

// corpusFlag turns a flag naming a corpus into the paths to load: none (the bundled corpus)
// when it is empty.
func corpusFlag(p string) []string {
	if p == "" {
		return nil
	}
	return []string{p}
}

// unitsOf returns the statement units of analysed documents.
func unitsOf(docs []analysed, lx *textproc.Lexicon) [][]compare.Unit {
	out := make([][]compare.Unit, len(docs))
	for i, d := range docs {
		out[i] = compare.Units(d.Doc.ID, d.Doc.Date, d.A, lx)
	}
	return out
}

func diffRun(opts *diffOptions) error {
	format, color, err := opts.app.statementFlags(opts.Format, opts.Color, opts.MinSimilarity)
	if err != nil {
		return err
	}
	lx, err := opts.app.loadLexicon()
	if err != nil {
		return err
	}
	c, docs, err := opts.app.loadAnalysed(corpusFlag(opts.Corpus), lx)
	if err != nil {
		return err
	}

	pick := func(ref string) (*analysed, error) {
		for i := range docs {
			if docs[i].Doc.ID == ref {
				return &docs[i], nil
			}
		}
		if st, err := os.Stat(ref); err == nil && !st.IsDir() {
			_, ds, err := opts.app.loadAnalysed([]string{ref}, lx)
			if err != nil {
				return nil, err
			}
			return &ds[0], nil
		}
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.Doc.ID)
		}
		return nil, usagef("%q is neither a document id of %s (%s) nor a file", ref, c.Label, strings.Join(ids, ", "))
	}
	da, err := pick(opts.A)
	if err != nil {
		return err
	}
	db, err := pick(opts.B)
	if err != nil {
		return err
	}
	all := unitsOf(docs, lx)
	ua := compare.Units(da.Doc.ID, da.Doc.Date, da.A, lx)
	ub := compare.Units(db.Doc.ID, db.Doc.Date, db.A, lx)
	w := compare.NewWeights(append(all, ua, ub)...)
	al := compare.Align(ua, ub, w, opts.MinSimilarity)
	run := runRecord("diff", c, map[string]any{"a": opts.A, "b": opts.B, "min_similarity": opts.MinSimilarity})
	run.LexiconSHA256 = lx.Hash
	run.Metrics = []string{"compare.units", "compare.similarity", "compare.align", "compare.diff"}
	switch format {
	case "text":
		return writeDiffText(opts.app.Out, da.Doc, db.Doc, al, opts.MinSimilarity, color)
	case "json":
		rows := output.Rows{Columns: []string{"kind", "a", "b", "similarity", "ops"}}
		for _, r := range diffRows(al) {
			rows.Add(r.kind, r.a, r.b, r.sim, r.ops)
		}
		return output.Write(opts.app.Out, output.JSON, run, rows)
	default:
		rows := output.Rows{Columns: []string{"kind", "a_doc", "a_index", "a_speaker", "a_themes", "a_text", "b_doc", "b_index", "b_speaker", "b_themes", "b_text", "similarity", "diff", "classes"}}
		for _, r := range diffRows(al) {
			vals := []any{r.kind}
			for _, u := range []*compare.Unit{r.a, r.b} {
				if u == nil {
					vals = append(vals, "", nil, "", nil, "")
				} else {
					vals = append(vals, u.Doc, u.Index, u.Speaker, u.Themes, u.Text)
				}
			}
			vals = append(vals, r.sim, compare.WordDiffText(r.ops, false), classSummary(r.ops))
			rows.Add(vals...)
		}
		return output.Write(opts.app.Out, output.CSV, run, rows)
	}
}

type diffRow struct {
	kind string
	a, b *compare.Unit
	sim  any
	ops  []compare.Op
}

// diffRows lists pairs and dropped units in A's order, then added units in B's order.
func diffRows(al compare.Alignment) []diffRow {
	var rows []diffRow
	pi, di := 0, 0
	for pi < len(al.Pairs) || di < len(al.Dropped) {
		if di >= len(al.Dropped) || (pi < len(al.Pairs) && al.Pairs[pi].A.Index < al.Dropped[di].Index) {
			p := al.Pairs[pi]
			rows = append(rows, diffRow{"pair", p.A, p.B, p.Similarity, p.Ops})
			pi++
		} else {
			rows = append(rows, diffRow{"dropped", al.Dropped[di], nil, nil, nil})
			di++
		}
	}
	for _, u := range al.Added {
		rows = append(rows, diffRow{"added", nil, u, nil, nil})
	}
	return rows
}

// classSummary counts the changes of a diff by class, a replacement counting once:
// "2 substitution, 1 insertion".
func classSummary(ops []compare.Op) []string {
	n := map[string]int{}
	var order []string
	for i, o := range ops {
		if o.Op == compare.Equal || (o.Op == compare.Insert && i > 0 && ops[i-1].Op == compare.Delete && ops[i-1].Class == o.Class) {
			continue
		}
		if n[o.Class] == 0 {
			order = append(order, o.Class)
		}
		n[o.Class]++
	}
	var out []string
	for _, c := range order {
		out = append(out, fmt.Sprintf("%d %s", n[c], c))
	}
	return out
}

func unitLabel(u *compare.Unit) string {
	s := fmt.Sprintf("#%d %s", u.Index+1, u.Speaker)
	if len(u.Themes) > 0 {
		s += " [" + strings.Join(u.Themes, ", ") + "]"
	}
	return s
}

func writeDiffText(w io.Writer, a, b *corpus.Document, al compare.Alignment, minSim float64, color bool) error {
	ew := &errWriter{w: w}
	ew.printf("%s (%s) → %s (%s): %d pairs, %d dropped, %d added (min similarity %.2f)\n",
		a.ID, dateString(a), b.ID, dateString(b), len(al.Pairs), len(al.Dropped), len(al.Added), minSim)
	for _, r := range diffRows(al) {
		switch r.kind {
		case "pair":
			ew.printf("\n= %s  ↔  %s   similarity %.2f   %s\n  %s\n", unitLabel(r.a), unitLabel(r.b), r.sim, strings.Join(classSummary(r.ops), ", "), compare.WordDiffText(r.ops, color))
		case "dropped":
			ew.printf("\n- %s  only in %s\n  %s\n", unitLabel(r.a), a.ID, r.a.Text)
		case "added":
			ew.printf("\n+ %s  only in %s\n  %s\n", unitLabel(r.b), b.ID, r.b.Text)
		}
	}
	return ew.err
}

// errWriter keeps the first write error, so text renderers can print freely and report once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
