package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type textOptions struct {
	app    *app
	Paths  []string
	Doc    string
	Format string
}

func newCmdText(a *app, runF func(*textOptions) error) *cobra.Command {
	opts := &textOptions{app: a}
	cmd := &cobra.Command{
		Use:   "text [PATH ...]",
		Short: "Show what readout analyses of each document, and what it removed",
		Long: `Show each document as readout analyses it: its metadata (id, date and where it came from,
language, outlet, credited agency, title, author, address, wire dateline), the cleaned text, and
every line the boilerplate rules removed with its line number and rule. For an HTML page the text
is its main content (--html page reads all of it), and the page's lines left out of it are
listed too (html-main: outside the main content; html-page: navigation, header, footer, aside
or form; html-hidden: hidden). Line numbers count the lines of the text as read. This is how to check that a page or a copied
text was read as the article and only the article.`,
		Example: `  readout text page.html
  readout text --doc 2022-02-04-beijing
  readout text article.txt --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return textRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Doc, "doc", "", "only this document id")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table (the text as read, also called text), json or jsonl")
	return cmd
}

func textRun(opts *textOptions) error {
	format, err := output.ParseFormat(opts.Format)
	if err != nil || format == output.CSV {
		return usagef("unsupported format %q: use table (or text), json or jsonl", opts.Format)
	}
	a := opts.app
	s, err := a.open(a.ctx, opts.Paths, 0)
	if err != nil {
		return err
	}
	if format != output.Table {
		run := s.RunRecord("text", map[string]any{"doc": opts.Doc})
		out, err := a.stream(format, run, []string{"doc", "date", "date_source", "language", "source", "credit", "title", "author", "url", "dateline", "text", "removed", "left_out"})
		if err != nil {
			return err
		}
		err = s.Texts(a.ctx, opts.Doc, func(t study.DocText) error {
			d := t.Doc
			removed := make([]map[string]any, len(t.Removed))
			for i, r := range t.Removed {
				removed[i] = map[string]any{"line": r.Line, "rule": r.Rule, "text": r.Text}
			}
			leftOut := make([]map[string]any, len(t.LeftOut))
			for i, r := range t.LeftOut {
				leftOut[i] = map[string]any{"rule": r.Rule, "text": r.Text}
			}
			out.Add(d.ID, study.DateString(d.Date), string(d.DateSource), string(d.Language), d.Source, d.Credit, d.Title, d.Author, d.URL, d.Dateline, t.Clean, removed, leftOut)
			return nil
		})
		if err != nil {
			return err
		}
		return out.Close()
	}
	w := bufio.NewWriter(a.Out)
	err = s.Texts(a.ctx, opts.Doc, func(t study.DocText) error {
		d := t.Doc
		safe := output.TerminalSafe
		fmt.Fprintf(w, "== %s\n", safe(d.ID))
		date := "none"
		if d.HasDate() {
			date = study.DateString(d.Date) + " (" + string(d.DateSource) + ")"
		}
		for _, f := range [][2]string{{"date", date}, {"language", string(d.Language)},
			{"source", d.Source}, {"credit", d.Credit}, {"title", d.Title}, {"author", d.Author}, {"url", d.URL}, {"dateline", d.Dateline}} {
			if f[1] != "" {
				fmt.Fprintf(w, "%-9s %s\n", f[0]+":", safe(f[1]))
			}
		}
		fmt.Fprintln(w)
		for _, line := range strings.Split(strings.TrimRight(t.Clean, "\n"), "\n") {
			fmt.Fprintln(w, safe(line))
		}
		if len(t.Removed) > 0 {
			fmt.Fprintf(w, "\n-- removed (%d):\n", len(t.Removed))
			for _, r := range t.Removed {
				fmt.Fprintf(w, "line %d (%s): %s\n", r.Line, r.Rule, safe(r.Text))
			}
		}
		if len(t.LeftOut) > 0 {
			fmt.Fprintf(w, "\n-- left out of the page (%d):\n", len(t.LeftOut))
			for _, r := range t.LeftOut {
				fmt.Fprintf(w, "(%s): %s\n", r.Rule, safe(r.Text))
			}
		}
		fmt.Fprintln(w)
		return nil
	})
	if err != nil {
		return err
	}
	return w.Flush()
}
