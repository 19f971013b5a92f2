package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/dictionary"
	"github.com/readout/readout/output"
	"github.com/readout/readout/reports"
	"github.com/readout/readout/study"
	"github.com/readout/readout/textproc"
)

// formatsOf are the values of each command's -f/--format, for completion.
var formatsOf = map[string][]string{
	"chart": reports.Formats, "report": reportFormats,
	"diff": statementFormats, "align": statementFormats, "compare": statementFormats,
	"text": {"table", "text", "json", "jsonl"}, "export": {string(dictionary.Quanteda), string(dictionary.LIWC)},
	"dfm": {"table", "text", "csv", "jsonl", "json", "mtx"},
}

// listed lets a comma-separated value go on: after "doc," the candidates are "doc,year" …
// (those not given yet), as --by, --theme and report's -f take them.
func listed(list []string, toComplete string) []string {
	i := strings.LastIndexByte(toComplete, ',')
	if i < 0 {
		return list
	}
	given := map[string]bool{}
	for _, v := range strings.Split(toComplete[:i], ",") {
		given[v] = true
	}
	var out []string
	for _, v := range list {
		if id, _, _ := strings.Cut(v, "\t"); !given[id] {
			out = append(out, toComplete[:i+1]+v)
		}
	}
	return out
}

// byOf are the values of each command's --by.
var byOf = map[string][]string{
	"themes": {"doc", "year", "month", "credit", "source", "language", "speaker"}, "trend": {"year", "doc"}, "shift": {"theme", "speaker"},
}

// fixed are the values of flags that mean the same on every command.
var fixed = map[string][]string{
	"encoding": {"auto", "utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-1"},
	"html":     {"main", "page"}, "input-format": {"auto", "text", "html"}, "color": {"auto", "always", "never"},
	"correct": {"bonferroni", "fdr", "none"},
}

// measuresOf are the values of --measure.
var measuresOf = map[string][]string{"keyness": {"g2", "chi2", "logratio", "lrc"}, "similarity": {"cosine", "jsd"}}

// addCompletions teaches shell completion the values of readout's flags and arguments: formats,
// --by keys, theme ids and speakers from the lexicon in use, languages, chart kinds, and the
// document ids of the corpus given.
func addCompletions(root *cobra.Command, a *app) {
	words := func(list []string) cobra.CompletionFunc {
		return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return listed(list, toComplete), cobra.ShellCompDirectiveNoFileComp
		}
	}
	register := func(c *cobra.Command, name string, f cobra.CompletionFunc) {
		if c.Flags().Lookup(name) != nil || c.PersistentFlags().Lookup(name) != nil {
			_ = c.RegisterFlagCompletionFunc(name, f)
		}
	}
	themeIDs := func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		lx, err := a.lexicon()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var ids []string
		for _, t := range lx.Themes {
			ids = append(ids, t.ID+"\t"+t.Label("en"))
		}
		return listed(ids, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
	speakers := func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		lx, err := a.lexicon()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var ids []string
		for _, s := range lx.Actors {
			ids = append(ids, s.ID)
		}
		return append(ids, textproc.SpeakerJoint, "other", textproc.SpeakerNone), cobra.ShellCompDirectiveNoFileComp
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		for name, list := range fixed {
			register(c, name, words(list))
		}
		if m := measuresOf[c.Name()]; m != nil {
			register(c, "measure", words(m))
		}
		if c.Name() == "import" {
			register(c, "from", words([]string{"quanteda", "newsmap", "liwc"}))
		}
		formats := formatsOf[c.Name()]
		if formats == nil && c.Name() != "import" { // a data command: output.ParseFormat's, and text
			for _, f := range output.Formats {
				formats = append(formats, string(f))
			}
			formats = append(formats, "text")
		}
		register(c, "format", words(formats))
		if by := byOf[c.Name()]; by != nil {
			register(c, "by", words(by))
		}
		register(c, "theme", themeIDs)
		register(c, "speaker", speakers)
		register(c, "lang", words(reports.Languages()))
		register(c, "doc", func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return a.docIDs(args), cobra.ShellCompDirectiveNoFileComp
		})
	}
	walk(root)
	for _, c := range root.Commands() {
		switch c.Name() {
		case "chart":
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) == 0 {
					return study.ChartNames(), cobra.ShellCompDirectiveNoFileComp
				}
				return nil, cobra.ShellCompDirectiveDefault // then PATHs
			}
		case "diff":
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) >= 2 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return a.docIDs(nil), cobra.ShellCompDirectiveDefault // an id of the corpus, or a file
			}
		}
	}
}

// docIDs are the document ids of the corpus -c names, or of the PATHs given, or of the bundled
// corpus, for completion (none when it cannot be read).
func (a *app) docIDs(paths []string) []string {
	a.global.Quiet = true // completion prints candidates only
	s, err := a.open(a.ctx, paths, 0)
	if err != nil {
		return nil
	}
	var ids []string
	for _, d := range s.Corpus().Docs {
		ids = append(ids, d.ID+"\t"+strings.TrimSpace(d.Date.Format("2006-01-02")))
	}
	return ids
}
