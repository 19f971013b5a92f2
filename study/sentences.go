package study

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// Kinds of unit in a document: a sentence, a heading (a line with no final punctuation) and
// furniture (a line the boilerplate rules removed, kept here so that nothing is hidden).
const (
	KindSentence  = "sentence"
	KindHeading   = "heading"
	KindFurniture = "furniture"
)

// SentencesOptions choose the units to list: all of them when empty.
type SentencesOptions struct {
	Doc     string // only this document's units
	Speaker string // only units attributed to this speaker (an actor's id, joint, other, none)
	Themes  []int  // only units that match one of these themes (indices; ThemeIndices)
}

// SentenceRow is one unit of a document with its attribution: who said it, the rule that
// decided it, the reporting words (cue), the words naming the speaker (source) and the medium
// cited (channel), each with byte offsets in the document's original text.
type SentenceRow struct {
	Doc   string
	Index int // 1-based, as kwic's sentence; 0 for furniture
	// Start and End are byte offsets in the document's original text.
	Start, End int
	Text       string // as written, white space collapsed
	Kind       string
	Speaker    string
	Rule       string
	Cue        Excerpt
	Source     Excerpt
	Channel    string
	Themes     []string // the ids of the themes matched in it, in lexicon order; nil when none
	Mentions   Mentions // its theme mentions, in text order: what matched, the term and the rule
}

// Mention is one theme mention in a unit: the words as written, the theme, the lexicon's
// spelling that matched them and the rule by which they did (textproc.RuleClitic…), with the
// byte offsets of the words in the document's original text.
type Mention struct {
	Theme string `json:"theme"`
	Text  string `json:"text"`
	Term  string `json:"term"`
	Rule  string `json:"matched_by"` // textproc's Rule* names, as kwic's matched_by
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Mentions prints as "theme: words = term (rule)" separated by "; " in tables and CSV; in
// JSON it is a list of objects.
type Mentions []Mention

// MarshalJSON writes no mentions as [], as the themes column writes no themes.
func (ms Mentions) MarshalJSON() ([]byte, error) {
	if ms == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]Mention(ms))
}

func (ms Mentions) String() string {
	var b strings.Builder
	for i, m := range ms {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(m.Theme + ": " + m.Text)
		if m.Term != m.Text {
			b.WriteString(" = " + m.Term)
		}
		b.WriteString(" (" + m.Rule + ")")
	}
	return b.String()
}

// Excerpt is a piece of a unit: its text and byte offsets in the original text (zero when
// there is none).
type Excerpt struct {
	Text       string
	Start, End int
}

// Sentences lists every unit of every document (or of o.Doc), in document order and in the
// order of the text, to audit attribution: the table behind every "who said what" figure.
// Rows go to sink a document at a time.
func (s *Study) Sentences(ctx context.Context, o SentencesOptions, sink func(rows []SentenceRow) error) error {
	var docs []int
	if o.Doc != "" {
		i := slices.IndexFunc(s.c.Docs, func(d *corpus.Document) bool { return d.ID == o.Doc })
		if i < 0 {
			return optionErr("--doc %q: no document has this id (readout corpus lists them)", o.Doc)
		}
		docs = []int{i}
	}
	if o.Speaker != "" {
		// ids are matched whatever their case: --speaker Putin is putin
		k := slices.IndexFunc(s.lx.SpeakerIDs(), func(id string) bool { return strings.EqualFold(id, o.Speaker) })
		if k < 0 {
			return optionErr("--speaker %q: use one of %s", o.Speaker, strings.Join(s.lx.SpeakerIDs(), ", "))
		}
		o.Speaker = s.lx.SpeakerIDs()[k]
	}
	wanted := map[string]bool{}
	for _, t := range o.Themes {
		wanted[s.lx.Themes[t].ID] = true
	}
	order := map[string]int{}
	for i, t := range s.lx.Themes {
		order[t.ID] = i
	}
	return EachOf(ctx, s, docs, false, func(d *corpus.Document, an *textproc.Doc) []SentenceRow {
		return filterRows(unitRows(d, an, order), o, wanted)
	}, func(_ int, rows []SentenceRow) error { return sink(rows) })
}

func filterRows(rows []SentenceRow, o SentencesOptions, wanted map[string]bool) []SentenceRow {
	return slices.DeleteFunc(rows, func(r SentenceRow) bool {
		if o.Speaker != "" && r.Speaker != o.Speaker {
			return true
		}
		if len(wanted) > 0 && !slices.ContainsFunc(r.Themes, func(t string) bool { return wanted[t] }) {
			return true
		}
		return false
	})
}

// unitRows makes a document's rows: its sentences and headings, and the lines the boilerplate
// rules removed, in the order of the original text.
func unitRows(d *corpus.Document, an *textproc.Doc, order map[string]int) []SentenceRow {
	themes := make([][]string, len(an.Sentences))
	mentions := make([]Mentions, len(an.Sentences))
	for _, m := range an.Matches {
		if !slices.Contains(themes[m.Sentence], m.Theme) {
			themes[m.Sentence] = append(themes[m.Sentence], m.Theme)
		}
		mentions[m.Sentence] = append(mentions[m.Sentence], Mention{Theme: m.Theme, Text: corpus.Collapse(an.Text[m.Start:m.End]),
			Term: m.Spelling, Rule: an.Rule(m), Start: d.OrigStartOffset(m.Start), End: d.OrigOffset(m.End)})
	}
	excerpt := func(sp textproc.Span) Excerpt {
		if sp.Empty() {
			return Excerpt{}
		}
		return Excerpt{Text: corpus.Collapse(an.Text[sp.Start:sp.End]), Start: d.OrigStartOffset(sp.Start), End: d.OrigOffset(sp.End)}
	}
	rows := make([]SentenceRow, 0, len(an.Sentences)+len(d.Removed))
	for i, sn := range an.Sentences {
		kind := KindSentence
		if sn.Heading {
			kind = KindHeading
		}
		ts := themes[i]
		slices.SortFunc(ts, func(a, b string) int { return order[a] - order[b] })
		rows = append(rows, SentenceRow{Doc: d.ID, Index: sn.Index + 1, Start: d.OrigStartOffset(sn.Start), End: d.OrigOffset(sn.End),
			Text: corpus.Collapse(an.SentenceText(sn)), Kind: kind, Speaker: sn.Speaker, Rule: sn.Rule,
			Cue: excerpt(sn.Cue), Source: excerpt(sn.Source), Channel: sn.Channel, Themes: ts, Mentions: mentions[i]})
	}
	if len(d.Removed) == 0 {
		return rows
	}
	lines := lineStarts(d.Text)
	for _, r := range d.Removed {
		if r.Line < 1 || r.Line > len(lines) {
			continue
		}
		start := lines[r.Line-1]
		text := strings.TrimRight(r.Text, "\r")
		rows = append(rows, SentenceRow{Doc: d.ID, Start: start, End: start + len(text), Text: corpus.Collapse(text),
			Kind: KindFurniture, Speaker: textproc.SpeakerNone})
	}
	slices.SortStableFunc(rows, func(a, b SentenceRow) int { return a.Start - b.Start })
	return rows
}

// lineStarts returns the byte offset where each line of text begins.
func lineStarts(text string) []int {
	out := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}
