package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/textproc"
)

type kwicOptions struct {
	app    *app
	Paths  []string
	Term   string
	Theme  string
	Window int
	Format string
}

func newCmdKWIC(a *app, runF func(*kwicOptions) error) *cobra.Command {
	opts := &kwicOptions{app: a}
	cmd := &cobra.Command{
		Use:   "kwic [PATH ...] (TERM | --theme ID)",
		Short: "Show every match of a term or theme in its context",
		Long: `Show every match of a search term, or of a theme's terms, in context: the document id,
date, sentence number (1-based), speaker, left context (the words before the match, in reading
order), the match, right context (the words after it), the term that fired, and the match's byte
offsets in the document's original text (start, end). This is how to check a number before
citing it.

A TERM is matched as lexicon terms are: normalized, with Arabic proclitics allowed on its first
word and pronoun suffixes on any word, and * as a trailing wildcard. With PATHs, TERM comes last.`,
		Example: `  readout kwic --theme sovereignty
  readout kwic "الأمم المتحدة" --window 5
  readout kwic testdata/corpus "منظمة شنغهاي"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Theme == "" {
				if len(args) == 0 {
					return usagef("give a TERM to search for, or --theme ID")
				}
				opts.Term, args = args[len(args)-1], args[:len(args)-1]
			}
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return kwicRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Theme, "theme", "", "show the matches of this theme (or these, comma-separated)")
	cmd.Flags().IntVarP(&opts.Window, "window", "w", 8, "context words on each side (within the sentence)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table, csv or json")
	return cmd
}

func kwicRun(opts *kwicOptions) error {
	format, err := formatFlag(opts.Format)
	if err != nil {
		return err
	}
	if opts.Window < 0 {
		return usagef("--window must be 0 or more, not %d", opts.Window)
	}
	lx, err := opts.app.loadLexicon()
	if err != nil {
		return err
	}
	var pattern *textproc.Pattern
	wanted := map[string]bool{} // theme ids
	if opts.Theme != "" {
		themes, err := themeFlag(lx, []string{opts.Theme})
		if err != nil {
			return err
		}
		for _, t := range themes {
			wanted[lx.Themes[t].ID] = true
		}
	} else if pattern, err = textproc.CompilePhrase(opts.Term); err != nil {
		return usageError{err}
	}
	c, docs, err := opts.app.loadAnalysed(opts.Paths, lx)
	if err != nil {
		return err
	}
	rows := output.Rows{Columns: []string{"doc", "date", "sentence", "speaker", "left", "match", "right", "term", "theme", "start", "end"}}
	for _, d := range docs {
		var ms []textproc.Match
		if pattern != nil {
			ms = d.A.Find(pattern)
		} else {
			for _, m := range d.A.Matches {
				if wanted[m.Theme] {
					ms = append(ms, m)
				}
			}
		}
		for _, m := range ms {
			s := d.A.Sentences[m.Sentence]
			left, right := context(d.A, s, m, opts.Window)
			// start and end are byte offsets of the match in the document's original text
			// (before boilerplate removal), so it can be found in the file.
			rows.Add(d.Doc.ID, dateString(d.Doc), s.Index+1, s.Speaker, left, d.A.Text[m.Start:m.End], right, m.Spelling, m.Theme,
				d.Doc.OrigOffset(m.Start), d.Doc.OrigOffset(m.End))
		}
	}
	params := map[string]any{"window": opts.Window}
	if opts.Theme != "" {
		params["theme"] = opts.Theme
	} else {
		params["term"] = opts.Term
	}
	run := runRecord("kwic", c, params)
	run.LexiconSHA256 = lx.Hash
	return output.Write(opts.app.Out, format, run, rows)
}

// context returns up to n words of the sentence before and after a match, as written.
func context(d *textproc.Doc, s textproc.Sentence, m textproc.Match, n int) (string, string) {
	ls := max(s.TokStart, m.TokStart-n)
	re := min(s.TokEnd, m.TokEnd+n)
	left, right := "", ""
	if ls < m.TokStart {
		left = d.Text[d.Tokens[ls].Start:m.Start]
	}
	if re > m.TokEnd {
		right = d.Text[m.End:d.Tokens[re-1].End]
	}
	clean := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ") }
	return clean(left), clean(right)
}

func themeIDs(lx *textproc.Lexicon, idx []int) []string {
	out := make([]string, len(idx))
	for i, t := range idx {
		out[i] = lx.Themes[t].ID
	}
	return out
}
