package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/metrics"
	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type themesOptions struct {
	app    *app
	Paths  []string
	By     string
	Themes []string
	Format string
}

func newCmdThemes(a *app, runF func(*themesOptions) error) *cobra.Command {
	opts := &themesOptions{app: a}
	cmd := &cobra.Command{
		Use:   "themes [PATH ...]",
		Short: "Count theme mentions per document, year or speaker",
		Long: `Count theme mentions: one row per group and theme with the group fields (doc, year,
speaker, as grouped), theme, count (matches), sentences (sentences of the group with at least one
match of the theme), per_1k (matches per 1,000 tokens of the group), share (the theme's share of
all theme matches in the group), tokens and total_sentences of the group.

Check any number with 'readout kwic --theme ID' before citing it.`,
		Example: `  readout themes --by doc
  readout themes --by doc,speaker --theme sovereignty --theme un
  readout themes --by year --format csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return themesRun(opts)
		},
	}
	listVar(cmd.Flags(), &opts.By, "by", "", "doc", "group by doc, year, month, credit (the agency credited), source (the outlet), language or speaker, combined: comma-separated (doc,speaker) or repeated")
	cmd.Flags().StringArrayVar(&opts.Themes, "theme", nil, "only this theme id (repeatable, or comma-separated)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

func parseBy(s string) (metrics.GroupBy, []string, error) {
	var by metrics.GroupBy
	for _, f := range strings.Split(s, ",") {
		switch strings.TrimSpace(f) {
		case "doc":
			by.Doc = true
		case "year":
			by.Year = true
		case "speaker":
			by.Speaker = true
		case "month":
			by.Month = true
		case "credit":
			by.Credit = true
		case "source":
			by.Source = true
		case "language":
			by.Language = true
		default:
			return by, nil, usagef("--by %q: use doc, year, month, credit, source, language or speaker, comma-combined", f)
		}
	}
	var cols []string
	if by.Doc {
		cols = append(cols, "doc")
	}
	if by.Year {
		cols = append(cols, "year")
	}
	if by.Month {
		cols = append(cols, "month")
	}
	if by.Credit {
		cols = append(cols, "credit")
	}
	if by.Source {
		cols = append(cols, "source")
	}
	if by.Language {
		cols = append(cols, "language")
	}
	if by.Speaker {
		cols = append(cols, "speaker")
	}
	return by, cols, nil
}

func themesRun(opts *themesOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	by, groupCols, err := parseBy(opts.By)
	if err != nil {
		return err
	}
	a := opts.app
	a.datedOnly = by.Year || by.Month
	s, themes, err := a.openThemes(opts.Paths, opts.Themes, study.NeedTotals)
	if err != nil {
		return err
	}
	table, err := s.Themes(a.ctx, study.ThemesOptions{By: by, Themes: themes})
	if err != nil {
		return err
	}
	lx := s.Lexicon()
	rows := output.Rows{Columns: append(groupCols, "theme", "count", "sentences", "per_1k", "share", "tokens", "total_sentences")}
	for _, r := range table {
		var vals []any
		if by.Doc {
			vals = append(vals, r.Key.Doc)
		}
		if by.Year {
			vals = append(vals, r.Key.Year)
		}
		if by.Month {
			vals = append(vals, r.Key.Month)
		}
		if by.Credit {
			vals = append(vals, r.Key.Credit)
		}
		if by.Source {
			vals = append(vals, r.Key.Source)
		}
		if by.Language {
			vals = append(vals, r.Key.Language)
		}
		if by.Speaker {
			vals = append(vals, r.Key.Speaker)
		}
		vals = append(vals, lx.Themes[r.Theme].ID, r.Count, r.Sentences, r.Per1k, r.Share, r.Tokens, r.TotalSentences)
		rows.Add(vals...)
	}
	run := s.RunRecord("themes", map[string]any{"by": opts.By, "theme": s.ThemeIDs(themes)})
	run.Metrics = []string{"theme.count", "theme.per_1k", "theme.share"}
	return a.write(format, run, rows)
}

// openThemes reads the corpus preparing need and resolves --theme (all themes when none).
func (a *app) openThemes(paths, themeFlags []string, need study.Need) (*study.Study, []int, error) {
	lx, err := a.lexicon()
	if err != nil {
		return nil, nil, err
	}
	themes, err := study.ThemeIndices(lx, themeFlags)
	if err != nil {
		return nil, nil, err
	}
	s, err := a.open(a.ctx, paths, need)
	return s, themes, err
}
