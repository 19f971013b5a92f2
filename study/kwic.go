package study

import (
	"context"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// KWICOptions choose what to show in context: a search pattern, or the matches of themes.
type KWICOptions struct {
	Pattern *textproc.Pattern // a search term (textproc.CompilePhrase); nil: Themes
	Themes  []int             // theme indices, when Pattern is nil
	Window  int               // words of context on each side, within the sentence
}

// KWICRow is one match in its context.
type KWICRow struct {
	Doc         string
	Date        time.Time
	Sentence    int // 1-based
	Speaker     string
	Left, Match string
	Right       string
	Term, Theme string
	Rule        string // how the text matched the term (textproc.RuleExact, RuleClitic…)
	// Start and End are the match's byte offsets in the document's original text (before
	// boilerplate removal), so it can be found in the file.
	Start, End int
}

// KWIC finds every match, document by document in corpus order, and hands each document's rows
// to sink as they are found: memory holds a few documents, not the corpus.
func (s *Study) KWIC(ctx context.Context, o KWICOptions, sink func(rows []KWICRow) error) error {
	if o.Window < 0 {
		return optionErr("--window must be 0 or more, not %d", o.Window)
	}
	wanted := map[string]bool{}
	for _, t := range o.Themes {
		wanted[s.lx.Themes[t].ID] = true
	}
	return Each(ctx, s, false, func(d *corpus.Document, an *textproc.Doc) []KWICRow {
		var ms []textproc.Match
		if o.Pattern != nil {
			ms = an.Find(o.Pattern)
		} else {
			for _, m := range an.Matches {
				if wanted[m.Theme] {
					ms = append(ms, m)
				}
			}
		}
		var rows []KWICRow
		for _, m := range ms {
			sent := an.Sentences[m.Sentence]
			left, right := inContext(an, sent, m, o.Window)
			rows = append(rows, KWICRow{Doc: d.ID, Date: d.Date, Sentence: sent.Index + 1, Speaker: sent.Speaker,
				Left: left, Match: an.Text[m.Start:m.End], Right: right, Term: m.Spelling, Theme: m.Theme, Rule: an.Rule(m),
				Start: d.OrigStartOffset(m.Start), End: d.OrigOffset(m.End)})
		}
		return rows
	}, func(_ int, rows []KWICRow) error { return sink(rows) })
}

// inContext returns up to n words of the sentence before and after a match, as written.
func inContext(d *textproc.Doc, s textproc.Sentence, m textproc.Match, n int) (string, string) {
	ls := max(s.TokStart, m.TokStart-n)
	re := min(s.TokEnd, m.TokEnd+n)
	left, right := "", ""
	if ls < m.TokStart {
		left = d.Text[d.Tokens[ls].Start:m.Start]
	}
	if re > m.TokEnd {
		right = d.Text[m.End:d.Tokens[re-1].End]
	}
	return corpus.Collapse(left), corpus.Collapse(right)
}
