package main

import (
	"github.com/spf13/cobra"

	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
)

type sentencesOptions struct {
	app     *app
	Paths   []string
	Doc     string
	Speaker string
	Themes  []string
	Format  string
}

func newCmdSentences(a *app, runF func(*sentencesOptions) error) *cobra.Command {
	opts := &sentencesOptions{app: a}
	cmd := &cobra.Command{
		Use:   "sentences [PATH ...]",
		Short: "List every sentence with who said it, and why",
		Long: `List every unit of every document in order: doc, index (1-based, as kwic's sentence; 0 for furniture, which is no sentence),
start and end (byte offsets in the original text, as kwic), text, kind (sentence, heading, or
furniture: a line the boilerplate rules removed), speaker (an actor's id, joint, other or none),
rule (the attribution rule that decided it), cue (the reporting word or phrase), source (the words
naming the speaker), with their offsets, channel (the medium cited: xinhua, tass, kremlin…),
themes (the ids matched in it) and mentions (each theme mention: the words, the lexicon spelling
that matched them, matched_by as in kwic, and in JSON its offsets). rule is the attribution rule;
how a mention matched is its matched_by.

This is how to audit a "who said what" figure before citing it: filter to a speaker and a theme
and read the sentences behind the count. The table shortens long sentences; CSV and JSON have
them whole.`,
		Example: `  readout sentences --doc 2022-12-30-video
  readout sentences --speaker xi --theme sovereignty
  readout sentences article.txt --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return sentencesRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Doc, "doc", "", "only this document id")
	cmd.Flags().StringVar(&opts.Speaker, "speaker", "", "only sentences attributed to this speaker (xi, putin, joint, other, none)")
	cmd.Flags().StringArrayVar(&opts.Themes, "theme", nil, "only sentences matching this theme id (repeatable, or comma-separated)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table (also called text), csv, json or jsonl")
	return cmd
}

func sentencesRun(opts *sentencesOptions) error {
	format, err := opts.app.formatFlag(opts.Format)
	if err != nil {
		return err
	}
	a := opts.app
	s, err := a.open(a.ctx, opts.Paths, 0)
	if err != nil {
		return err
	}
	so := study.SentencesOptions{Doc: opts.Doc, Speaker: opts.Speaker}
	if len(opts.Themes) > 0 {
		if so.Themes, err = s.ThemeIndices(opts.Themes); err != nil {
			return err
		}
	}
	run := s.RunRecord("sentences", map[string]any{"doc": opts.Doc, "speaker": opts.Speaker, "theme": s.ThemeIDs(so.Themes)})
	out, err := a.stream(format, run, []string{"doc", "index", "start", "end", "text", "kind", "speaker", "rule",
		"cue", "cue_start", "cue_end", "source", "source_start", "source_end", "channel", "themes", "mentions"})
	if err != nil {
		return err
	}
	err = s.Sentences(a.ctx, so, func(rows []study.SentenceRow) error {
		for _, r := range rows {
			text := r.Text
			if format == output.Table {
				text = output.Shorten(text, 80) // the whole text is in CSV and JSON
			}
			out.Add(r.Doc, r.Index, r.Start, r.End, text, r.Kind, r.Speaker, r.Rule, r.Cue.Text, offset(r.Cue, r.Cue.Start), offset(r.Cue, r.Cue.End),
				r.Source.Text, offset(r.Source, r.Source.Start), offset(r.Source, r.Source.End), r.Channel, r.Themes, r.Mentions)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return out.Close()
}

// offset is an excerpt's offset, or nothing (an empty cell, JSON null) when there is no excerpt.
func offset(e study.Excerpt, v int) any {
	if e.Text == "" {
		return nil
	}
	return v
}
