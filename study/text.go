package study

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
)

// The text views of diff, align and compare: what a person reads on a terminal.

// DiffRow is one line of a diff: a pair, a unit only in A (dropped) or only in B (added).
type DiffRow struct {
	Kind       string // "pair", "dropped" or "added"
	A, B       *compare.Unit
	Similarity any // float64 for a pair, nil otherwise
	Ops        []compare.Op
}

// Rows lists pairs and dropped units in A's order, then added units in B's order.
func (r DiffResult) Rows() []DiffRow {
	al := r.Alignment
	var rows []DiffRow
	pi, di := 0, 0
	for pi < len(al.Pairs) || di < len(al.Dropped) {
		if di >= len(al.Dropped) || (pi < len(al.Pairs) && al.Pairs[pi].A.Index < al.Dropped[di].Index) {
			p := al.Pairs[pi]
			rows = append(rows, DiffRow{"pair", p.A, p.B, p.Similarity, p.Ops})
			pi++
		} else {
			rows = append(rows, DiffRow{"dropped", al.Dropped[di], nil, nil, nil})
			di++
		}
	}
	for _, u := range al.Added {
		rows = append(rows, DiffRow{"added", nil, u, nil, nil})
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

func unitLabel(u *compare.Unit) string {
	s := fmt.Sprintf("#%d %s", u.Index+1, u.Speaker)
	if len(u.Themes) > 0 {
		s += " [" + strings.Join(u.Themes, ", ") + "]"
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
	ew.printf("%s (%s) → %s (%s): %d pairs, %d dropped, %d added (min similarity %.2f)\n",
		r.A.ID, DateString(r.A.Date), r.B.ID, DateString(r.B.Date), len(al.Pairs), len(al.Dropped), len(al.Added), minSim)
	for _, row := range r.Rows() {
		switch row.Kind {
		case "pair":
			ew.printf("\n= %s  ↔  %s   similarity %.2f   %s\n  %s\n", unitLabel(row.A), unitLabel(row.B), row.Similarity, strings.Join(ClassSummary(row.Ops), ", "), compare.WordDiffText(row.Ops, color))
		case "dropped":
			ew.printf("\n- %s  only in %s\n  %s\n", unitLabel(row.A), r.A.ID, row.A.Text)
		case "added":
			ew.printf("\n+ %s  only in %s\n  %s\n", unitLabel(row.B), r.B.ID, row.B.Text)
		}
	}
	return ew.err
}

// FormulationText writes one formulation of align's text view.
func FormulationText(w io.Writer, k int, f *compare.Formulation, color bool) error {
	ew := &errWriter{w: w}
	themes := FormulationThemes(*f)
	if len(themes) == 0 {
		themes = []string{"no theme"}
	}
	ew.printf("\n#%d  %d documents, mean similarity %.2f  [%s]\n", k+1, f.Docs(), f.Mean, strings.Join(themes, ", "))
	for _, v := range f.Variants {
		u := v.Unit
		date := DateString(u.Date)
		if v.Ops == nil {
			ew.printf("  %s %s #%d (%s)\n    %s\n", date, u.Doc, u.Index+1, u.Speaker, u.Text)
		} else {
			ew.printf("  %s %s #%d (%s)  %.2f  %s\n    %s\n", date, u.Doc, u.Index+1, u.Speaker, v.Similarity,
				strings.Join(ClassSummary(v.Ops), ", "), compare.WordDiffText(v.Ops, color))
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
	for k, r := range results {
		if k > 0 {
			ew.printf("\n%s\n\n", strings.Repeat("─", 60))
		}
		d := r.Doc.Doc
		ew.printf("%s (%s, %d tokens) against %s (%d documents)\n", d.ID, dateOr(d, "undated"), len(r.Doc.A.Tokens), label, nDocs)
		ew.printf("\nThemes that stand out (per 1,000 tokens; z over the corpus documents):\n")
		for _, th := range r.Themes[:limit(len(r.Themes))] {
			z := "  n/a"
			if !math.IsNaN(th.Z) {
				z = fmt.Sprintf("%+5.1f", th.Z)
			} else if th.Count > 0 && th.Mean == 0 {
				z = "  new"
			}
			ew.printf("  %-24s %6.2f  corpus %6.2f  z %s  percentile %3.0f  (%d matches)\n", th.Theme, th.Rate, th.Mean, z, th.Percentile, th.Count)
		}
		ew.printf("\nNearest corpus documents (tf-idf cosine):\n")
		for _, nb := range r.Nearest[:limit(len(r.Nearest))] {
			ew.printf("  %-24s %.2f\n", nb.ID, nb.Cosine)
		}
		ew.printf("\nFormulations it repeats (%d), most similar first:\n", len(r.Repeats))
		for _, rp := range r.Repeats[:limit(len(r.Repeats))] {
			ew.printf("  %.2f  from %s #%d (%s) → #%d (%s)  %s\n    %s\n", rp.Similarity, rp.Corpus.Doc, rp.Corpus.Index+1, rp.Corpus.Speaker,
				rp.New.Index+1, rp.New.Speaker, strings.Join(ClassSummary(rp.Ops), ", "), compare.WordDiffText(rp.Ops, color))
		}
		ew.printf("\nStatements with no counterpart in the corpus (%d):\n", len(r.Fresh))
		for _, u := range r.Fresh[:limit(len(r.Fresh))] {
			ew.printf("  #%d (%s) [%s] %s\n", u.Index+1, u.Speaker, strings.Join(u.Themes, ", "), u.Text)
		}
		ew.printf("\nSpeaker balance (share of tokens, this article vs corpus):\n")
		for _, s := range r.Speakers {
			ew.printf("  %-8s %5.1f%%  corpus %5.1f%%\n", s.Speaker, 100*s.Share, 100*s.Corpus)
		}
	}
	return ew.err
}
