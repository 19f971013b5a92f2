package study

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
	"github.com/readout/readout/textproc"
)

// The views of diff, align and compare: what a person reads on a terminal, and what JSON
// shows of a passage.

// PassageView is a passage as output shows it: its document, unit (0-based), byte offsets in
// the document's original text (as kwic's), text, speaker and themes.
type PassageView struct {
	Doc     string   `json:"doc"`
	Index   int      `json:"index"` // the unit's number in its document, 1-based as everywhere a person reads it
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    string   `json:"text"`
	Speaker string   `json:"speaker"`
	Themes  []string `json:"themes"`
}

// View returns a passage of document d as output shows it.
func View(p compare.Passage, d *corpus.Document) PassageView {
	a, b := p.Span()
	v := PassageView{Doc: p.Unit.Doc, Index: p.Unit.Index + 1, Start: a, End: b, Text: p.Text(), Speaker: p.Unit.Speaker, Themes: p.Themes()}
	if v.Themes == nil {
		v.Themes = []string{}
	}
	if d != nil {
		v.Start, v.End = d.OrigStartOffset(a), d.OrigOffset(b)
	}
	return v
}

// UnitView returns a whole unit as output shows it.
func UnitView(u *compare.Unit, d *corpus.Document) PassageView {
	v := PassageView{Doc: u.Doc, Index: u.Index + 1, Start: u.Start, End: u.End, Text: u.Text, Speaker: u.Speaker, Themes: u.Themes}
	if v.Themes == nil {
		v.Themes = []string{}
	}
	if d != nil {
		v.Start, v.End = d.OrigStartOffset(u.Start), d.OrigOffset(u.End)
	}
	return v
}

// DiffRow is one line of a diff: a pair of passages, a unit only in A (dropped) or only in B
// (added).
type DiffRow struct {
	Kind       string // "pair", "dropped" or "added"
	A, B       *PassageView
	Similarity any // float64 for a pair, nil otherwise
	Ops        []compare.Op
	Added      []string // named things of a list only in B
	Dropped    []string // only in A
}

// Rows lists pairs and dropped units in A's order, then added units in B's order.
func (r DiffResult) Rows() []DiffRow {
	al := r.Alignment
	var rows []DiffRow
	pi, di := 0, 0
	for pi < len(al.Pairs) || di < len(al.Dropped) {
		if di >= len(al.Dropped) || (pi < len(al.Pairs) && al.Pairs[pi].A.Unit.Index < al.Dropped[di].Index) {
			p := al.Pairs[pi]
			a, b := View(p.A, r.A), View(p.B, r.B)
			rows = append(rows, DiffRow{"pair", &a, &b, p.Similarity, p.Ops, p.Added, p.Dropped})
			pi++
		} else {
			a := UnitView(al.Dropped[di], r.A)
			rows = append(rows, DiffRow{Kind: "dropped", A: &a})
			di++
		}
	}
	for _, u := range al.Added {
		b := UnitView(u, r.B)
		rows = append(rows, DiffRow{Kind: "added", B: &b})
	}
	return rows
}

// ClassSummary counts the changes of a diff by class, a replacement counting once:
// "2 substitution, 1 insertion".
func ClassSummary(ops []compare.Op) []string {
	n := map[string]int{}
	var order []string
	for i, o := range ops {
		if o.Op == compare.Equal || (o.Op == compare.Insert && i > 0 && ops[i-1].Op == compare.Delete && ops[i-1].Class == o.Class) {
			continue
		}
		if n[o.Class] == 0 {
			order = append(order, o.Class)
		}
		n[o.Class]++
	}
	var out []string
	for _, c := range order {
		out = append(out, fmt.Sprintf("%d %s", n[c], c))
	}
	return out
}

// ListText says what a list gained and lost: "added: الأمم المتحدة; dropped: مجلس الأمن".
func ListText(added, dropped []string) string {
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "added: "+strings.Join(added, "، "))
	}
	if len(dropped) > 0 {
		parts = append(parts, "dropped: "+strings.Join(dropped, "، "))
	}
	return strings.Join(parts, "; ")
}

func viewLabel(v *PassageView) string {
	s := fmt.Sprintf("#%d %s", v.Index, v.Speaker)
	if len(v.Themes) > 0 {
		s += " [" + strings.Join(v.Themes, ", ") + "]"
	}
	return s
}

// errWriter keeps the first write error, so text renderers can print freely and report once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

func dateOr(d *corpus.Document, none string) string {
	if s := DateString(d.Date); s != "" {
		return s
	}
	return none
}

// WriteText writes the diff in git's word-diff convention, [-removed-]{+added+}, coloured
// when color is set.
func (r DiffResult) WriteText(w io.Writer, minSim float64, color bool) error {
	ew := &errWriter{w: w}
	al := r.Alignment
	plural := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	ew.printf("%s (%s) → %s (%s): %d %s paired, %d %s only in %s, %d only in %s (min similarity %.2f)\n",
		r.A.ID, dateOr(r.A, "undated"), r.B.ID, dateOr(r.B, "undated"), len(al.Pairs), plural(len(al.Pairs), "passage", "passages"),
		len(al.Dropped), plural(len(al.Dropped), "unit", "units"), r.A.ID, len(al.Added), r.B.ID, minSim)
	for _, row := range r.Rows() {
		switch row.Kind {
		case "pair":
			ew.printf("\n= %s  ↔  %s   similarity %.2f   %s\n", viewLabel(row.A), viewLabel(row.B), row.Similarity, strings.Join(ClassSummary(row.Ops), ", "))
			if l := ListText(row.Added, row.Dropped); l != "" {
				ew.printf("  %s\n", l)
			}
			ew.printf("  %s\n", compare.WordDiffText(row.Ops, color))
		case "dropped":
			ew.printf("\n- %s  only in %s\n  %s\n", viewLabel(row.A), r.A.ID, row.A.Text)
		case "added":
			ew.printf("\n+ %s  only in %s\n  %s\n", viewLabel(row.B), r.B.ID, row.B.Text)
		}
	}
	return ew.err
}

// FormulationText writes one formulation of align's text view: its variants in date order, each
// with its diff from the variant it restates (named when it is not the one just before), and,
// with collate, the collation table.
func FormulationText(w io.Writer, lx *textproc.Lexicon, k int, f *compare.Formulation, color, collate bool) error {
	ew := &errWriter{w: w}
	themes := FormulationThemes(*f)
	if len(themes) == 0 {
		themes = []string{"no theme"}
	}
	ew.printf("\n#%d  %d documents, mean similarity %.2f  [%s]\n", k+1, f.Docs(), f.Mean, strings.Join(themes, ", "))
	for i, v := range f.Variants {
		u := v.Unit()
		date := DateString(u.Date)
		if date == "" {
			date = "undated"
		}
		if v.Ops() == nil {
			ew.printf("  %s %s #%d (%s)\n    %s\n", date, u.Doc, u.Index+1, u.Speaker, v.Passage.Text())
			continue
		}
		from := ""
		if v.Parent != i-1 {
			from = " from " + f.Variants[v.Parent].Unit().Doc
		}
		ew.printf("  %s %s #%d (%s)  %.2f%s  %s\n", date, u.Doc, u.Index+1, u.Speaker, v.Similarity, from, strings.Join(ClassSummary(v.Ops()), ", "))
		if l := ListText(v.Added(), v.Dropped()); l != "" {
			ew.printf("    %s\n", l)
		}
		ew.printf("    %s\n", compare.WordDiffText(v.Ops(), color))
	}
	if collate {
		c := f.Collate(lx)
		ew.printf("  collation:\n")
		ew.printf("    | %s |\n", strings.Join(c.Docs, " | ")) // one column per variant's document
		for _, row := range c.Rows {
			ew.printf("    | %s |\n", strings.Join(row, " | "))
		}
	}
	return ew.err
}

// WriteCompareText writes compare's text view: top rows per section (0: all).
func WriteCompareText(w io.Writer, results []Comparison, label string, nDocs, top int, color bool) error {
	ew := &errWriter{w: w}
	limit := func(n int) int {
		if top > 0 && n > top {
			return top
		}
		return n
	}
	// more says what a section leaves out, or that it is empty
	more := func(n int) {
		switch {
		case n == 0:
			ew.printf("  none\n")
		case limit(n) < n:
			ew.printf("  … and %d more (--top 0 lists every row; -f json has them all)\n", n-limit(n))
		}
	}
	if strings.HasPrefix(label, "(") && strings.HasSuffix(label, ")") {
		label = "the " + strings.Trim(label, "()") // (bundled seed corpus): not in parentheses twice
	}
	for k, r := range results {
		if k > 0 {
			ew.printf("\n%s\n\n", strings.Repeat("─", 60))
		}
		d := r.Doc.Doc
		ew.printf("%s (%s, %d tokens) against %s (%d documents)\n", d.ID, dateOr(d, "undated"), len(r.Doc.A.Tokens), label, nDocs)
		if about := docAbout(d); about != "" {
			ew.printf("%s\n", output.TerminalSafe(about))
		}
		ew.printf("\nThemes that stand out (per 1,000 tokens; z over the corpus documents):\n")
		for _, th := range r.Themes[:limit(len(r.Themes))] {
			z := "  n/a"
			if !math.IsNaN(th.Z) {
				z = fmt.Sprintf("%+5.1f", th.Z)
			} else if th.Count > 0 && th.Mean == 0 {
				z = "  new"
			}
			matches := "matches"
			if th.Count == 1 {
				matches = "match"
			}
			ew.printf("  %-24s %6.2f  corpus %6.2f  z %s  percentile %3.0f  (%d %s)\n", th.Theme, th.Rate, th.Mean, z, th.Percentile, th.Count, matches)
		}
		more(len(r.Themes))
		ew.printf("\nNearest corpus documents (tf-idf cosine):\n")
		for _, nb := range r.Nearest[:limit(len(r.Nearest))] {
			ew.printf("  %-24s %.2f\n", nb.ID, nb.Cosine)
		}
		more(len(r.Nearest))
		ew.printf("\nCorpus formulations it repeats (%d), most similar first, each with the history it continues:\n", len(r.Repeats))
		for _, rp := range r.Repeats[:limit(len(r.Repeats))] {
			cp := rp.Corpus()
			ew.printf("\n  %.2f  #%d (%s) restates %s #%d (%s)  %s\n", rp.Similarity, rp.New.Unit.Index+1, rp.New.Unit.Speaker, cp.Unit.Doc, cp.Unit.Index+1,
				cp.Unit.Speaker, strings.Join(ClassSummary(rp.Ops), ", "))
			for _, h := range rp.History {
				ew.printf("    %s %s: %s\n", DateString(h.Unit().Date), h.Unit().Doc, h.Passage.Text())
			}
			if l := ListText(rp.Added, rp.Dropped); l != "" {
				ew.printf("    %s\n", l)
			}
			ew.printf("    now: %s\n", compare.WordDiffText(rp.Ops, color))
		}
		more(len(r.Repeats))
		if len(r.Copied) > 0 {
			ew.printf("\nStatements found word for word in the corpus (%d):\n", len(r.Copied))
			for _, c := range r.Copied[:limit(len(r.Copied))] {
				ew.printf("  #%d (%s) = %s #%d: %s\n", c.Unit.Index+1, c.Unit.Speaker, c.Doc, c.Index+1, c.Unit.Text)
			}
			more(len(r.Copied))
		}
		ew.printf("\nStatements with no counterpart in the corpus (%d):\n", len(r.Fresh))
		for _, u := range r.Fresh[:limit(len(r.Fresh))] {
			themes := ""
			if len(u.Themes) > 0 {
				themes = "[" + strings.Join(u.Themes, ", ") + "] "
			}
			ew.printf("  #%d (%s) %s%s\n", u.Index+1, u.Speaker, themes, u.Text)
		}
		more(len(r.Fresh))
		ew.printf("\nSpeaker balance (share of tokens, this article vs corpus):\n")
		for _, s := range r.Speakers {
			ew.printf("  %-8s %5.1f%%  corpus %5.1f%%\n", s.Speaker, 100*s.Share, 100*s.Corpus)
		}
	}
	return ew.err
}

// docAbout is a line on where a document comes from: its title, outlet and credited agency.
func docAbout(d *corpus.Document) string {
	var parts []string
	if t := strings.Trim(d.Title, "\"“”«» "); t != "" {
		parts = append(parts, "“"+t+"”") // (a title in quotation marks of its own: one pair)
	}
	if d.Source != "" {
		parts = append(parts, d.Source)
	}
	if d.Credit != "" {
		parts = append(parts, "credited to "+d.Credit)
	}
	return strings.Join(parts, " · ")
}
