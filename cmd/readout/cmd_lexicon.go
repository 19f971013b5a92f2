package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/readout/readout/dictionary"
	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
	"github.com/readout/readout/textproc"
)

func newCmdLexicon(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Check a theme lexicon, or show the built-in one",
		Long: `A lexicon is a YAML file of themes (id, labels, terms, exclusions) and speaker rules
(actors with their aliases, joint subjects, reporting verbs). 'readout lexicon show' prints the
built-in one, a documented starting point for your own; pass yours to any command with --lexicon.`,
		Args: noArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check FILE",
		Short: "Validate a lexicon file: every problem with its line number",
		Example: `  readout lexicon show > my-lexicon.yaml
  readout lexicon check my-lexicon.yaml`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := os.ReadFile(args[0])
			if err != nil {
				return fileError(args[0], err, "readout lexicon show > my-lexicon.yaml writes the built-in lexicon to start from")
			}
			lx, probs := textproc.ParseLexicon(b, args[0])
			if len(probs) > 0 {
				for _, p := range probs {
					fmt.Fprintln(a.Out, p.String())
				}
				return fmt.Errorf("%s: %d problem(s)", args[0], len(probs))
			}
			terms := 0
			for _, t := range lx.Themes {
				terms += len(t.Terms)
			}
			_, err = fmt.Fprintf(a.Out, "%s: ok: %d themes, %d spellings, %d actors\n", args[0], len(lx.Themes), terms, len(lx.Actors))
			return err
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:     "show",
		Short:   "Print the built-in lexicon (YAML)",
		Example: "  readout lexicon show",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := a.Out.Write(textproc.DefaultLexiconYAML())
			return err
		},
	})
	cmd.AddCommand(newCmdLexiconImport(a), newCmdLexiconExport(a), newCmdLexiconSuggest(a))
	return cmd
}

func newCmdLexiconImport(a *app) *cobra.Command {
	var from, name, out string
	var noSpeakers, force bool
	cmd := &cobra.Command{
		Use:   "import FILE|-",
		Short: "Make a readout lexicon of a quanteda, Newsmap or LIWC dictionary",
		Long: `Reads a dictionary in the formats analysts share — quanteda's YAML dictionaries, Newsmap's
(nested quanteda YAML: each leaf key is a theme) and LIWC's .dic — and writes a readout lexicon:
one theme a category, its id made of the keys, its terms the category's words, phrases and
trailing * globs. What readout cannot match (a * inside a word, ?, LIWC's conditional entries) is
left out with a note on stderr. The built-in speaker rules are appended so that statements are
still attributed (--no-speakers leaves them out). A theme id is the keys in lower-case ASCII
joined by _ (theme_N for a key with no Latin letters; a note says so); its label is the key. The
lexicon is checked before it is written. FILE - reads standard input.`,
		Example: `  readout lexicon import my-dictionary.yml -o my-lexicon.yaml
  readout lexicon import LIWC2015.dic --from liwc > liwc-lexicon.yaml
  readout themes --lexicon my-lexicon.yaml`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var b []byte
			var err error
			if args[0] == "-" {
				b, err = io.ReadAll(a.In)
				if name == "" {
					name = "stdin" // not "-"
				}
			} else {
				b, err = os.ReadFile(args[0])
				if err != nil {
					return fileError(args[0], err, "give a quanteda YAML or a LIWC .dic dictionary")
				}
			}
			if err != nil {
				return err
			}
			d, err := dictionary.Parse(b, args[0], dictionary.Format(from))
			if err != nil {
				if strings.Contains(err.Error(), "unknown dictionary format") {
					return usageError{err}
				}
				return err
			}
			y, notes := d.Lexicon(dictionary.ImportOptions{Name: name, File: args[0], Speakers: !noSpeakers})
			if _, probs := textproc.ParseLexicon(y, args[0]); len(probs) > 0 {
				return fmt.Errorf("%s: the lexicon made of it does not compile (%v): this is a bug in readout; please report it", args[0], probs[0])
			}
			if err := writeOut(a, out, force, y); err != nil {
				return err
			}
			for _, n := range notes {
				a.note("note: %s", n)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the dictionary's format: quanteda, newsmap or liwc (default: liwc for a file that starts with %, else quanteda)")
	cmd.Flags().StringVar(&name, "name", "", "the lexicon's name (default: the file's)")
	cmd.Flags().BoolVar(&noSpeakers, "no-speakers", false, "leave out the built-in speaker rules (every statement is then unattributed)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the lexicon to this file (default: standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the output file")
	return cmd
}

func newCmdLexiconExport(a *app) *cobra.Command {
	var format, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the lexicon's themes as a quanteda or LIWC dictionary",
		Long: `Writes the themes of the lexicon in use (--lexicon, else the built-in one) as a quanteda
YAML dictionary (quanteda::dictionary(file = …)) or a LIWC .dic file. What the format cannot
carry is said on stderr: exclusions, readout's Arabic clitic and accusative rules (quanteda and
LIWC match whole tokens), speaker rules and formulations. A theme's verbs are written out as
their forms.`,
		Example: `  readout lexicon export --format quanteda -o readout.yml
  readout lexicon export --format liwc --lexicon my-lexicon.yaml > my.dic`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f := dictionary.Format(format)
			if f != dictionary.Quanteda && f != dictionary.LIWC {
				return usagef("unsupported format %q: use quanteda or liwc", format)
			}
			lx, err := a.lexicon()
			if err != nil {
				return err
			}
			b, notes, err := dictionary.Export(lx, f)
			if err != nil {
				return err
			}
			if err := writeOut(a, out, force, b); err != nil {
				return err
			}
			for _, n := range notes {
				a.note("note: %s", n)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "quanteda", "dictionary format: quanteda or liwc")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the dictionary to this file (default: standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the output file")
	return cmd
}

// writeOut writes b to standard output, or atomically to path.
func writeOut(a *app, path string, force bool, b []byte) error {
	if path == "" || path == "-" {
		_, err := a.Out.Write(b)
		return err
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory: give a file name to write", path)
	}
	return writeFileAtomic(path, force, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// exactArgs requires n positional arguments, as a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			hint := ""
			if len(args) > n && cmd.Name() == "diff" {
				hint = " (a corpus goes with -c PATH)"
			}
			return usagef("%s takes %d argument(s) (%s), got %d%s", cmd.Name(), n, strings.Join(strings.Fields(cmd.Use)[1:], " "), len(args), hint)
		}
		return nil
	}
}

func newCmdLexiconSuggest(a *app) *cobra.Command {
	var themes []string
	var minCount, top int
	var format string
	cmd := &cobra.Command{
		Use:   "suggest [PATH ...]",
		Short: "Propose what the lexicon misses in a corpus: spelling variants, relatives, collocates",
		Long: `Reads a corpus with the lexicon in use and proposes words and phrases it probably misses:

  variant    a spelling of a term the lexicon lacks, as many words long: the same skeleton once
             ج/غ/ق, ي/ى, ة/ه and the long alef are folded (شنجهاي for شنغهاي), or, for a Latin
             word of five letters or more, one letter apart (organisation/organization); score is
             that edit distance (0: the same skeleton)
  relative   a word or phrase with a term's stems in a form no rule matches (السيادية)
  collocate  a content word found near a theme's mentions more often than elsewhere; score is
             its log-likelihood G² (3.84 at least; in two documents at least and in at most half)

Each comes with its count, the documents it occurs in, its first two occurrences in context, and
a YAML line to paste under the theme's terms (it is indented as in readout lexicon show). Nothing
changes until you add a line to a lexicon (readout lexicon show > my.yaml) and pass it with
--lexicon. The table shortens the contexts around the match; CSV and JSON have them whole.`,
		Example: `  readout lexicon suggest my-corpus/
  readout lexicon suggest my-corpus/ --theme sco --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := a.formatFlag(format)
			if err != nil {
				return err
			}
			s, err := a.open(a.ctx, args, 0)
			if err != nil {
				return err
			}
			o := study.SuggestOptions{MinCount: minCount, Collocates: top}
			if len(themes) > 0 {
				if o.Themes, err = s.ThemeIndices(themes); err != nil {
					return err
				}
			}
			sug, err := s.Suggest(a.ctx, o)
			if err != nil {
				return err
			}
			if len(sug) == 0 {
				a.note("note: no suggestions: the lexicon covers every variant and relative of its terms in this corpus, and no word stands out near its mentions")
			}
			run := s.RunRecord("lexicon suggest", map[string]any{"theme": s.ThemeIDs(o.Themes), "min_count": minCount, "collocates": top})
			out, err := a.stream(f, run, []string{"kind", "theme", "phrase", "term", "count", "docs", "score", "example1", "example2", "yaml"})
			if err != nil {
				return err
			}
			for _, g := range sug {
				ex := make([]string, 2)
				for i, e := range g.Examples {
					left, right := e.Left, e.Right
					if f == output.Table {
						left, right = output.ShortenLeft(left, 25), output.Shorten(right, 24)
					}
					ex[i] = e.Doc + ":" + strconv.Itoa(e.Sentence) + "  " + joinContext(left, "«"+e.Match+"»", right)
				}
				out.Add(g.Kind, g.Theme, g.Phrase, g.Term, g.Count, g.Docs, g.Score, ex[0], ex[1], g.YAML)
			}
			return out.Close()
		},
	}
	cmd.Flags().StringArrayVar(&themes, "theme", nil, "only this theme id (repeatable, or comma-separated)")
	cmd.Flags().IntVar(&minCount, "min-count", 0, "fewest occurrences of a suggestion (0: 1 for variants and relatives, 3 for collocates)")
	cmd.Flags().IntVar(&top, "collocates", 5, "collocates per theme (0: none)")
	alias(cmd.Flags(), "top", "collocates") // its older name: elsewhere --top N means "show only N rows"
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

// joinContext joins a match and its context with a space, none before punctuation.
func joinContext(left, match, right string) string {
	out := match
	if left != "" {
		out = left + " " + out
	}
	if right != "" {
		if r, _ := utf8.DecodeRuneInString(right); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '…' {
			out += " "
		}
		out += right
	}
	return out
}

// fileError says which file could not be read and what to do, without Go's "open" prefix.
func fileError(path string, err error, hint string) error {
	msg := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, fs.ErrPermission):
		msg = "permission denied"
	}
	return fmt.Errorf("%s: %s (check the path; %s)", path, msg, hint)
}
