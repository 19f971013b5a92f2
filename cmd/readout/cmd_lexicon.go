package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

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
				return err
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
	return cmd
}

// exactArgs requires n positional arguments, as a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s takes %d argument(s), got %d", cmd.CommandPath(), n, len(args))
		}
		return nil
	}
}
