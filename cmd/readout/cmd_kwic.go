package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
	"github.com/readout/readout/textproc"
)

type kwicOptions struct {
	app    *app
	Paths  []string
	Term   string
	Theme  []string
	Window int
	Format string
}

func newCmdKWIC(a *app, runF func(*kwicOptions) error) *cobra.Command {
	opts := &kwicOptions{app: a}
	cmd := &cobra.Command{
		Use:   "kwic (TERM | --theme ID) [PATH ...]",
		Short: "Show every match of a term or theme in its context",
		Long: `Show every match of a search term, or of a theme's terms, in context: the document id,
date, sentence number (1-based), speaker, left context (the words before the match, in reading
order), the match, right context (the words after it), the term that fired,
matched_by (how the words matched it: exact; article, with or without the article; clitic, another
proclitic or a pronoun suffix; indefinite, the accusative alef; inflection, an English plural or
possessive; verb, a theme verb's -ed or -ing; wildcard; joined by + when the words differ), and the match's byte
offsets in the document's original text (start, end). This is how to check a number before
citing it.

A TERM is matched as lexicon terms are: normalized, with Arabic proclitics allowed on its first
word and pronoun suffixes on any word, and * as a trailing wildcard. TERM comes first; the
older order, PATH ... TERM, still works when the first argument is a file or directory and the
last is not.`,
		Example: `  readout kwic --theme sovereignty
  readout kwic "الأمم المتحدة" --window 5
  readout kwic "منظمة شنغهاي" testdata/corpus`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(opts.Theme) == 0 {
				if len(args) == 0 {
					return usagef("give a TERM to search for, or --theme ID")
				}
				opts.Term, args = splitTerm(args)
			}
			if len(opts.Theme) > 0 && len(args) > 0 {
				if _, err := os.Stat(args[0]); err != nil && args[0] != "-" {
					return usagef("%q is not a file or directory: give a TERM or --theme, not both", args[0])
				}
			}
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return kwicRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Theme, "theme", nil, "show the matches of this theme id (repeatable, or comma-separated)")
	cmd.Flags().IntVarP(&opts.Window, "window", "w", 8, "context words on each side (within the sentence)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

// splitTerm takes the TERM from kwic's arguments: the first (kwic TERM PATH ...), or the last in
// the older order (kwic PATH ... TERM), recognised by a first argument that is a file or
// directory and a last that is not.
func splitTerm(args []string) (string, []string) {
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil || p == "-" }
	if n := len(args); n >= 2 && exists(args[0]) && !exists(args[n-1]) {
		return args[n-1], args[:n-1]
	}
	return args[0], args[1:]
}

func kwicRun(opts *kwicOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	if opts.Window < 0 {
		return usagef("--window must be 0 or more, not %d", opts.Window)
	}
	a := opts.app
	lx, err := a.lexicon()
	if err != nil {
		return err
	}
	ko := study.KWICOptions{Window: opts.Window}
	if len(opts.Theme) > 0 {
		if ko.Themes, err = study.ThemeIndices(lx, opts.Theme); err != nil {
			return err
		}
	} else if ko.Pattern, err = textproc.CompilePhrase(opts.Term); err != nil {
		return usageError{err}
	}
	s, err := a.open(a.ctx, opts.Paths, 0)
	if err != nil {
		return err
	}
	params := map[string]any{"window": opts.Window}
	if len(opts.Theme) > 0 {
		params["theme"] = strings.Join(opts.Theme, ",")
	} else {
		params["term"] = opts.Term
	}
	run := s.RunRecord("kwic", params)
	out, err := a.stream(format, run, []string{"doc", "date", "sentence", "speaker", "left", "match", "right", "term", "matched_by", "theme", "start", "end"})
	if err != nil {
		return err
	}
	n := 0
	err = s.KWIC(a.ctx, ko, func(rows []study.KWICRow) error {
		for _, r := range rows {
			out.Add(r.Doc, study.DateString(r.Date), r.Sentence, r.Speaker, r.Left, r.Match, r.Right, r.Term, r.Rule, r.Theme, r.Start, r.End)
		}
		n += len(rows)
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		what := "the theme's terms"
		if len(opts.Theme) == 0 {
			what = output.TerminalSafe(fmt.Sprintf("%q", opts.Term))
		}
		a.note("note: no match of %s in %d document(s)", what, len(s.Corpus().Docs))
	}
	return out.Close()
}
