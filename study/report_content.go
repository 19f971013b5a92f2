package study

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	readout "github.com/readout/readout"
	"github.com/readout/readout/compare"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/output"
	"github.com/readout/readout/reports"
)

// Report assembles the report's content around its charts.
func (x *Sections) Report(ctx context.Context, charts []*reports.Chart) (*reports.Report, error) {
	if err := x.base(ctx); err != nil {
		return nil, err
	}
	shift, _, err := x.Shift(ctx)
	if err != nil {
		return nil, err
	}
	kr, err := x.Keyness(ctx)
	if err != nil {
		return nil, err
	}
	forms, err := x.Formulations(ctx)
	if err != nil {
		return nil, err
	}
	run, err := x.RunRecord(ctx)
	if err != nil {
		return nil, err
	}
	m, t, s, p := x.m, x.terms, x.s, x.periods
	date := x.o.Date.Format(time.DateOnly)
	r := &reports.Report{Lang: x.o.Lang, Terms: t, Charts: charts}
	first, last := x.tallies[0].Date.Format(time.DateOnly), x.tallies[len(x.tallies)-1].Date.Format(time.DateOnly)
	r.Title = m.Text("report.title", "corpus", s.c.Label)
	r.Subtitle = []string{
		m.Text("report.subtitle.corpus", "n", len(s.c.Docs), "first", first, "last", last),
		m.Text("report.subtitle.periods", "to", p.To.Label, "to_n", len(p.ToDocs), "from", p.From.Label, "from_n", len(p.FromDocs)),
	}
	r.RunDate = m.Text("report.run_date", "date", date, "version", readout.Version)
	r.Findings = x.findings(shift, kr, forms.List)
	// theme rates table
	rates := reports.Table{Title: t.ThemeRates, Columns: []string{t.Theme}}
	for _, d := range x.tallies {
		rates.Columns = append(rates.Columns, d.ID)
	}
	for _, th := range x.themes {
		row := []string{x.themeLabel(th)}
		for _, d := range x.tallies {
			for _, br := range x.byDoc {
				if br.Key.Doc == d.ID && br.Theme == th {
					row = append(row, f2(br.Per1k))
				}
			}
		}
		rates.Rows = append(rates.Rows, row)
	}
	shiftT := reports.Table{Title: t.ShiftTitle, Columns: []string{t.Theme, p.From.Label, p.To.Label, "Δ", "95%"}}
	unit := m.Text("bootstrap.sentences")
	if len(p.FromDocs) >= metrics.MinDocsForDocBootstrap && len(p.ToDocs) >= metrics.MinDocsForDocBootstrap {
		unit = m.Text("bootstrap.documents")
	}
	shiftT.Note = m.Text("table.shift.note", "unit", unit, "reps", x.o.Reps, "seed", x.o.Seed)
	for _, sr := range shift {
		shiftT.Rows = append(shiftT.Rows, []string{x.themeLabel(sr.Theme), f2(sr.FromRate), f2(sr.ToRate), signed(sr.Diff), f2(sr.DiffLow) + " … " + f2(sr.DiffHigh)})
	}
	r.Tables = []reports.Table{rates, shiftT}
	// formulations
	sep := m.Text("list.separator")
	for i, f := range forms.List {
		if i >= 6 {
			break
		}
		rf := reports.Formulation{Title: m.Text("formulation.title", "n", i+1, "themes", strings.Join(x.formThemeLabels(f), sep))}
		for k, v := range f.Variants {
			u := v.Unit
			label := m.Text("formulation.variant", "date", u.Date.Format(time.DateOnly), "doc", u.Doc, "index", u.Index+1, "speaker", x.SpeakerLabel(u.Speaker))
			var ops []reports.DiffOp
			if k == 0 {
				ops = []reports.DiffOp{{Op: "equal", Text: u.Text}}
			} else {
				label = m.Text("formulation.similarity", "label", label, "similarity", fmt.Sprintf("%.2f", v.Similarity))
				for _, o := range v.Ops {
					ops = append(ops, reports.DiffOp{Op: string(o.Op), Text: o.Text})
				}
			}
			rf.Variants = append(rf.Variants, reports.Variant{Label: label, Ops: ops})
		}
		r.Formulations = append(r.Formulations, rf)
	}
	// keyness
	cols := []string{t.KeynessTables, p.To.Label, p.From.Label, "G²", "LRC", "p (Bonferroni)"}
	pos := reports.Table{Title: t.KeynessTables + " +", Columns: cols}
	neg := reports.Table{Title: t.KeynessTables + " −", Columns: cols}
	for i, k := range kr {
		if i >= 12 || k.G2 <= 0 {
			break
		}
		pos.Rows = append(pos.Rows, keyRow(k))
	}
	for i := len(kr) - 1; i >= 0 && len(neg.Rows) < 12; i-- {
		if kr[i].G2 < 0 {
			neg.Rows = append(neg.Rows, keyRow(kr[i]))
		}
	}
	pos.Note = m.Text("table.keyness.positive_note", "to", p.To.Label, "from", p.From.Label)
	neg.Note = m.Text("table.keyness.negative_note", "to", p.To.Label, "from", p.From.Label)
	r.Keyness = []reports.Table{pos, neg}
	for _, id := range []string{"methods.themes", "methods.speakers", "methods.shift", "methods.keyness", "methods.sources"} {
		r.Methods = append(r.Methods, m.Text(id))
	}
	rec, _ := output.Marshal(run)
	r.RunRecord = indentJSON(rec)
	r.Cite = m.Text("cite", "version", readout.Version, "title", r.Title, "date", date, "corpus_hash", s.c.Hash(), "lexicon_hash", s.lx.Hash,
		"from", p.From.Label, "to", p.To.Label, "lang", x.o.Lang, "seed", x.o.Seed)
	return r, nil
}

func keyRow(k metrics.KeyRow) []string {
	return []string{KeyLabel(k), strconv.Itoa(k.A), strconv.Itoa(k.B), f2(k.G2), f2(k.LRC), fmt.Sprintf("%.3g", k.PAdjusted)}
}

func (x *Sections) formThemeLabels(f compare.Formulation) []string {
	var out []string
	for _, id := range FormulationThemes(f) {
		if th := x.s.lx.Theme(id); th != nil {
			out = append(out, th.Label(x.o.Lang))
		}
	}
	if len(out) == 0 {
		return []string{x.m.Text("formulation.no_theme")}
	}
	return out
}

// findings writes the key findings as sentences, each with its numbers: the largest rises and
// falls with their intervals, who emphasised the most mentioned themes, the recurring
// formulations, and the key terms.
func (x *Sections) findings(shift []metrics.ShiftRow, kr []metrics.KeyRow, forms []compare.Formulation) []string {
	m, p := x.m, x.periods
	from, to := p.From.Label, p.To.Label
	var out []string
	rows := append([]metrics.ShiftRow(nil), shift...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Diff > rows[j].Diff })
	describe := func(r metrics.ShiftRow) string {
		id := "finding.rose"
		if r.Diff < 0 {
			id = "finding.fell"
		}
		unsure := ""
		if r.DiffLow <= 0 && r.DiffHigh >= 0 {
			unsure = m.Text("finding.inconclusive")
		}
		return m.Text(id, "theme", x.themeLabel(r.Theme), "from_rate", f2(r.FromRate), "to_rate", f2(r.ToRate), "from", from, "to", to,
			"diff", signed(r.Diff), "low", f2(r.DiffLow), "high", f2(r.DiffHigh), "from_count", r.FromCount, "to_count", r.ToCount, "inconclusive", unsure)
	}
	for i := 0; i < len(rows) && i < 3 && rows[i].Diff > 0; i++ {
		out = append(out, describe(rows[i]))
	}
	for i := len(rows) - 1; i >= 0 && i >= len(rows)-3 && rows[i].Diff < 0; i-- {
		out = append(out, describe(rows[i]))
	}
	out = append(out, m.Text("finding.few_documents", "from_n", len(p.FromDocs), "from", from, "to_n", len(p.ToDocs), "to", to))
	// who emphasised what
	for i, th := range x.themes {
		if i >= 3 {
			break
		}
		total, best, bestN := 0, "", 0
		for _, r := range x.bySpk {
			if r.Theme != th {
				continue
			}
			total += r.Count
			if r.Key.Speaker != "none" && r.Count > bestN {
				best, bestN = r.Key.Speaker, r.Count
			}
		}
		if total == 0 || best == "" {
			continue
		}
		out = append(out, m.Text("finding.speaker", "theme", x.themeLabel(th), "n", bestN, "total", total,
			"percent", fmt.Sprintf("%.0f", 100*float64(bestN)/float64(total)), "speaker", x.SpeakerLabel(best)))
	}
	if len(forms) > 0 {
		f := forms[0]
		a, b := f.Variants[0].Unit, f.Variants[len(f.Variants)-1].Unit
		out = append(out, m.Text("finding.formulations", "n", len(forms), "docs", f.Docs(), "first", a.Doc, "first_speaker", x.SpeakerLabel(a.Speaker),
			"last", b.Doc, "last_speaker", x.SpeakerLabel(b.Speaker)))
	}
	var top []string
	significant := 0
	for i, k := range kr {
		if k.G2 <= 0 {
			break
		}
		if i < 5 {
			top = append(top, m.Text("finding.keyness.term", "term", KeyLabel(k), "g2", f2(k.G2)))
		}
		if k.PAdjusted < 0.05 {
			significant++
		}
	}
	if len(top) > 0 {
		sig := m.Text("finding.keyness.none_significant")
		if significant > 0 {
			sig = m.Text("finding.keyness.some_significant", "n", significant)
		}
		out = append(out, m.Text("finding.keyness", "to", to, "from", from, "terms", strings.Join(top, m.Text("list.separator")), "significance", sig))
	}
	return out
}

// A DataSet is a table of numbers behind the report, written as data/NAME.csv and .json.
type DataSet struct {
	Name string
	Rows output.Rows
}

// Data returns the numbers behind the report, one table each.
func (x *Sections) Data(ctx context.Context) ([]DataSet, error) {
	if err := x.base(ctx); err != nil {
		return nil, err
	}
	shift, spkShift, err := x.Shift(ctx)
	if err != nil {
		return nil, err
	}
	kr, err := x.Keyness(ctx)
	if err != nil {
		return nil, err
	}
	sim, err := x.Similarity(ctx)
	if err != nil {
		return nil, err
	}
	forms, err := x.Formulations(ctx)
	if err != nil {
		return nil, err
	}
	s, lx := x.s, x.s.lx
	var out []DataSet
	docs := output.Rows{Columns: []string{"id", "date", "title", "tokens"}}
	for i, d := range s.c.Docs {
		docs.Add(d.ID, DateString(d.Date), d.Title, s.tallies[i].Tokens())
	}
	out = append(out, DataSet{"documents", docs})
	byDoc := output.Rows{Columns: []string{"doc", "theme", "count", "sentences", "per_1k", "share", "tokens", "total_sentences"}}
	for _, r := range x.byDoc {
		byDoc.Add(r.Key.Doc, lx.Themes[r.Theme].ID, r.Count, r.Sentences, r.Per1k, r.Share, r.Tokens, r.TotalSentences)
	}
	out = append(out, DataSet{"themes_by_doc", byDoc})
	bySpk := output.Rows{Columns: []string{"speaker", "theme", "count", "sentences", "per_1k", "share", "tokens", "total_sentences"}}
	for _, r := range x.bySpk {
		bySpk.Add(r.Key.Speaker, lx.Themes[r.Theme].ID, r.Count, r.Sentences, r.Per1k, r.Share, r.Tokens, r.TotalSentences)
	}
	out = append(out, DataSet{"themes_by_speaker", bySpk})
	sh := output.Rows{Columns: ShiftColumns(true)}
	for _, r := range append(append([]metrics.ShiftRow{}, shift...), spkShift...) {
		sh.Add(ShiftValues(lx.Themes[r.Theme].ID, &r.Speaker, r)...)
	}
	out = append(out, DataSet{"shift", sh})
	trend := output.Rows{Columns: []string{"theme", "doc", "date", "count", "tokens", "per_1k"}}
	for _, r := range metrics.Trend(x.tallies, x.themes, false, 0.95) {
		for _, pt := range r.Points {
			trend.Add(lx.Themes[r.Theme].ID, pt.Label, x.dateOf(pt.Label), pt.Count, pt.Tokens, pt.Rate)
		}
	}
	out = append(out, DataSet{"rates_over_time", trend})
	key := output.Rows{Columns: []string{"term", "target_count", "reference_count", "target_tokens", "reference_tokens", "g2", "chi2", "log_ratio", "lrc", "p", "p_adjusted", "surface"}}
	for _, k := range kr {
		key.Add(k.Term, k.A, k.B, k.Nt, k.Nr, k.G2, k.Chi2, k.LogRatio, k.LRC, k.P, k.PAdjusted, k.Surface)
	}
	out = append(out, DataSet{"keyness", key})
	simCols := []string{"doc"}
	for _, d := range s.c.Docs {
		simCols = append(simCols, d.ID)
	}
	simRows := output.Rows{Columns: simCols}
	for i, d := range s.c.Docs {
		vals := []any{d.ID}
		for _, v := range sim.Matrix[i] {
			vals = append(vals, v)
		}
		simRows.Add(vals...)
	}
	out = append(out, DataSet{"similarity", simRows})
	fr := output.Rows{Columns: []string{"formulation", "docs", "doc", "date", "index", "speaker", "themes", "text", "similarity"}}
	for k, f := range forms.List {
		for _, v := range f.Variants {
			var sim any
			if v.Ops != nil {
				sim = v.Similarity
			}
			fr.Add(k+1, f.Docs(), v.Unit.Doc, v.Unit.Date.Format(time.DateOnly), v.Unit.Index, v.Unit.Speaker, v.Unit.Themes, v.Unit.Text, sim)
		}
	}
	out = append(out, DataSet{"formulations", fr})
	return out, nil
}

// ShiftColumns are the columns of a shift table, with the speaker's.
func ShiftColumns(speaker bool) []string {
	cols := []string{"theme"}
	if speaker {
		cols = append(cols, "speaker")
	}
	return append(cols, "from_count", "to_count", "from_tokens", "to_tokens", "from_rate", "to_rate", "diff",
		"diff_ci_low", "diff_ci_high", "log_ratio", "g2", "p", "warnings", "from_docs", "to_docs", "bootstrap")
}

// ShiftValues are a shift row's values for ShiftColumns; speaker is nil without the column.
func ShiftValues(theme string, speaker *string, r metrics.ShiftRow) []any {
	vals := []any{theme}
	if speaker != nil {
		vals = append(vals, *speaker)
	}
	return append(vals, r.FromCount, r.ToCount, r.FromTokens, r.ToTokens, r.FromRate, r.ToRate, r.Diff,
		r.DiffLow, r.DiffHigh, r.LogRatio, r.G2, r.P, r.Warnings, r.FromDocs, r.ToDocs, r.Bootstrap)
}

// DateString is a date as yyyy-mm-dd, "" when it is unknown.
func DateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func indentJSON(b []byte) string {
	var out strings.Builder
	depth := 0
	inStr, esc := false, false
	for _, c := range string(b) {
		switch {
		case esc:
			esc = false
		case c == '\\' && inStr:
			esc = true
		case c == '"':
			inStr = !inStr
		case !inStr && (c == '{' || c == '['):
			depth++
			out.WriteRune(c)
			out.WriteString("\n" + strings.Repeat("  ", depth))
			continue
		case !inStr && (c == '}' || c == ']'):
			depth--
			out.WriteString("\n" + strings.Repeat("  ", depth))
		case !inStr && c == ',':
			out.WriteString(",\n" + strings.Repeat("  ", depth))
			continue
		}
		out.WriteRune(c)
	}
	return out.String()
}
