package study

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	readout "github.com/readout/readout"
	"github.com/readout/readout/compare"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/output"
	"github.com/readout/readout/reports"
	"github.com/readout/readout/textproc"
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
	r.Title = m.Text("report.title", "corpus", x.corpusName())
	if x.o.Title != "" {
		r.Title = x.o.Title
	}
	if x.o.Subtitle != "" {
		r.Subtitle = append(r.Subtitle, x.o.Subtitle)
	}
	r.Subtitle = append(r.Subtitle,
		m.Text("report.subtitle.corpus", "n", len(s.c.Docs), "first", first, "last", last),
		m.Text("report.subtitle.periods", "to", p.To.Label, "to_n", len(p.ToDocs), "from", p.From.Label, "from_n", len(p.FromDocs)),
	)
	r.RunDate = m.Text("report.run_date", "date", date, "version", readout.Version)
	r.Findings = x.findings(shift, kr, forms.List)
	// theme rates tables: a column per document or period, at most MaxTableColumns a table
	groups, err := x.Groups(ctx)
	if err != nil {
		return nil, err
	}
	title := t.ThemeRates
	if len(groups) > 0 && !groups[0].Doc {
		title = m.Text("heading.rates_table_periods")
	}
	for from := 0; from < len(groups); from += MaxTableColumns {
		part := groups[from:min(len(groups), from+MaxTableColumns)]
		rates := reports.Table{Title: title, Columns: []string{t.Theme}}
		for _, g := range part {
			rates.Columns = append(rates.Columns, g.Label)
		}
		for _, th := range x.themes {
			row := []string{x.themeLabel(th)}
			for _, v := range groupRates(x.tallies, part, th) {
				row = append(row, f2(v))
			}
			rates.Rows = append(rates.Rows, row)
		}
		r.Tables = append(r.Tables, rates)
	}
	shiftT := reports.Table{Title: t.ShiftTitle, Columns: []string{t.Theme, p.From.Label, p.To.Label, m.Text("table.change"), "95%"}}
	unit := m.Text("bootstrap.sentences")
	if len(p.FromDocs) >= metrics.MinDocsForDocBootstrap && len(p.ToDocs) >= metrics.MinDocsForDocBootstrap {
		unit = m.Text("bootstrap.documents")
	}
	shiftT.Note = m.Text("table.shift.note", "unit", unit, "reps", x.o.Reps, "seed", x.o.Seed)
	for _, sr := range shift {
		shiftT.Rows = append(shiftT.Rows, []string{x.themeLabel(sr.Theme), f2(sr.FromRate), f2(sr.ToRate), signed(sr.Diff), f2(sr.DiffLow) + " … " + f2(sr.DiffHigh)})
	}
	r.Tables = append(r.Tables, shiftT)
	// formulations: the most widespread, each with at most MaxVariantsShown wordings
	sep := m.Text("list.separator")
	for i := range forms.List {
		if i >= MaxFormulationsShown {
			break
		}
		f := forms.List[i]
		rf := reports.Formulation{Title: m.Text("formulation.title", "n", i+1, "themes", strings.Join(x.formThemeLabels(f), sep))}
		shown := shownVariants(f, forms.Weights, x.s.differ())
		if len(shown.Variants) < len(f.Variants) {
			rf.Note = m.Text("formulation.shown", "shown", len(shown.Variants), "total", len(f.Variants))
		}
		for k, v := range shown.Variants {
			u := v.Unit()
			label := m.Text("formulation.variant", "date", u.Date.Format(time.DateOnly), "doc", u.Doc, "index", u.Index+1, "speaker", x.SpeakerLabel(u.Speaker))
			var ops []reports.DiffOp
			if k == 0 {
				ops = []reports.DiffOp{{Op: "equal", Text: v.Passage.Text()}}
			} else {
				label = m.Text("formulation.similarity", "label", label, "similarity", fmt.Sprintf("%.2f", v.Similarity))
				if v.Parent != k-1 {
					label = m.Text("formulation.from", "label", label, "doc", shown.Variants[v.Parent].Unit().Doc)
				}
				for _, o := range v.Ops() {
					ops = append(ops, reports.DiffOp{Op: string(o.Op), Text: o.Text})
				}
			}
			rv := reports.Variant{Label: label, Ops: ops}
			if len(v.Added())+len(v.Dropped()) > 0 {
				none := m.Text("formulation.none")
				add, drop := strings.Join(v.Added(), sep), strings.Join(v.Dropped(), sep)
				if add == "" {
					add = none
				}
				if drop == "" {
					drop = none
				}
				rv.List = m.Text("formulation.list", "added", add, "dropped", drop)
			}
			rf.Variants = append(rf.Variants, rv)
		}
		r.Formulations = append(r.Formulations, rf)
	}
	// keyness
	cols := []string{t.KeynessTables, p.To.Label, p.From.Label, "G²", "LRC", "p (Bonferroni)"}
	pos := reports.Table{Title: t.KeynessTables + " +", Columns: cols}
	neg := reports.Table{Title: t.KeynessTables + " −", Columns: cols}
	for i, k := range kr {
		if i >= 12 || k.G2 < ReportMinG2 {
			break
		}
		pos.Rows = append(pos.Rows, keyRow(k))
	}
	for i := len(kr) - 1; i >= 0 && len(neg.Rows) < 12; i-- {
		if kr[i].G2 <= -ReportMinG2 {
			neg.Rows = append(neg.Rows, keyRow(kr[i]))
		}
	}
	pos.Note = m.Text("table.keyness.positive_note", "to", p.To.Label, "from", p.From.Label)
	neg.Note = m.Text("table.keyness.negative_note", "to", p.To.Label, "from", p.From.Label)
	r.Keyness = []reports.Table{pos, neg}
	for _, id := range []string{"methods.themes", "methods.speakers", "methods.shift", "methods.keyness", "methods.sources"} {
		r.Methods = append(r.Methods, m.Text(id))
	}
	r.RunRecord = x.runTable(run)
	paths := ""
	for _, path := range s.c.Paths {
		paths += " " + shellQuote(path) // the corpus read, so the command reproduces the report
	}
	options := "" // what else the command was given, so that it gives the same bytes again
	if x.o.Reps != 0 && x.o.Reps != 2000 {
		options += fmt.Sprintf(" --reps %d", x.o.Reps)
	}
	if x.o.Title != "" {
		options += " --title " + shellQuote(x.o.Title)
	}
	if x.o.Subtitle != "" {
		options += " --subtitle " + shellQuote(x.o.Subtitle)
	}
	r.Cite = m.Text("cite", "version", readout.Version, "title", r.Title, "date", date, "corpus_hash", s.c.Hash(), "lexicon_hash", s.lx.Hash,
		"from", p.From.Label, "to", p.To.Label, "lang", x.o.Lang, "seed", x.o.Seed, "corpus", paths, "options", options)
	return r, nil
}

// ReportMinG2 is the least |G²| of a term the report's keyness table, chart and finding show:
// 3.84, the χ² (one degree of freedom) value of p = 0.05 before any correction. A term below it
// (G² 0.4, six against six) is no evidence of a difference between the periods, whatever its
// rank; data/keyness has every term tested.
const ReportMinG2 = 3.84

// What the report shows of large corpora; everything is in data/.
const (
	MaxTableColumns      = 8 // documents or periods a table of rates shows side by side
	MaxFormulationsShown = 6 // recurring formulations
	MaxVariantsShown     = 8 // wordings of one formulation: the first, the last, and evenly between
)

// shownVariants returns a formulation with at most MaxVariantsShown of its variants, evenly
// spread over its history, each explained against its nearest shown ancestor (its parent, or
// its parent's parent …).
func shownVariants(f compare.Formulation, w *compare.Weights, diff func(a, b string) []compare.Op) compare.Formulation {
	n := len(f.Variants)
	out := compare.Formulation{Mean: f.Mean}
	shownAt := map[int]int{} // variant → its place among those shown
	for k := range min(n, MaxVariantsShown) {
		i := k
		if n > MaxVariantsShown {
			i = k * (n - 1) / (MaxVariantsShown - 1)
		}
		v := compare.Variant{Passage: f.Variants[i].Passage, Parent: -1}
		if k > 0 {
			a := f.Variants[i].Parent
			for a > 0 {
				if _, ok := shownAt[a]; ok {
					break
				}
				a = f.Variants[a].Parent
			}
			v.Parent = shownAt[max(a, 0)]
			if a == f.Variants[i].Parent {
				v.Similarity = f.Variants[i].Similarity
			} else {
				v.Similarity = compare.Similarity(f.Variants[max(a, 0)].Passage, v.Passage, w)
			}
		}
		shownAt[i] = k
		out.Variants = append(out.Variants, v)
	}
	out.Explain(diff)
	return out
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
// FewDocuments is the number of documents in a period below which the findings say the
// comparison rests on few articles.
const FewDocuments = 10

func (x *Sections) findings(shift []metrics.ShiftRow, kr []metrics.KeyRow, forms []compare.Formulation) []string {
	m, p := x.m, x.periods
	from, to := p.From.Label, p.To.Label
	var out []string
	// the corpus caveats first: how many documents each period has, and who said the statements
	fewID := "finding.documents"
	if min(len(p.FromDocs), len(p.ToDocs)) < FewDocuments {
		fewID = "finding.few_documents"
	}
	out = append(out, m.Text(fewID, "from_n", len(p.FromDocs), "from", from, "to_n", len(p.ToDocs), "to", to))
	if _, between := x.s.PeriodOrder(*p); len(between) > 0 {
		out = append(out, m.Text("finding.between", "n", len(between), "from", from, "to", to))
	}
	if fa, fe, ta, te := x.s.PeriodLanguages(*p); LanguagesDiffer(fa, fe, ta, te) {
		out = append(out, m.Text("finding.languages", "from", from, "from_ar", fa, "from_en", fe, "to", to, "to_ar", ta, "to_en", te))
	}
	var att attribution
	counted := map[string]bool{}
	for _, r := range x.table(metrics.GroupBy{Speaker: true}) {
		if !counted[r.Key.Speaker] { // a group's rows, one a theme, share its sentence count
			counted[r.Key.Speaker] = true
			att.add(r.Key.Speaker, r.TotalSentences)
		}
	}
	if att.all > 0 {
		out = append(out, m.Text("finding.attribution", "all", att.all, "sides", att.sides, "sides_percent", pct(att.sides, att.all),
			"other", att.other, "none", att.none, "none_percent", pct(att.none, att.all)))
	}
	// then the changes, by the strength of their evidence: those whose interval excludes zero,
	// the farthest from zero first; then the largest of those whose interval includes it, said to
	// be inconclusive
	describe := func(r metrics.ShiftRow, id string) string {
		return m.Text(id, "theme", x.themeLabel(r.Theme), "from_rate", f2(r.FromRate), "to_rate", f2(r.ToRate), "from", from, "to", to,
			"diff", signed(r.Diff), "low", f2(r.DiffLow), "high", f2(r.DiffHigh), "from_count", r.FromCount, "to_count", r.ToCount)
	}
	var sure, unsure []metrics.ShiftRow
	for _, r := range shift {
		switch {
		case r.DiffLow > 0 || r.DiffHigh < 0:
			sure = append(sure, r)
		case r.Diff != 0:
			unsure = append(unsure, r)
		}
	}
	evidence := func(r metrics.ShiftRow) float64 { return math.Max(r.DiffLow, -r.DiffHigh) } // the interval's distance from zero
	sort.SliceStable(sure, func(i, j int) bool { return evidence(sure[i]) > evidence(sure[j]) })
	sort.SliceStable(unsure, func(i, j int) bool { return math.Abs(unsure[i].Diff) > math.Abs(unsure[j].Diff) })
	for i, r := range sure {
		if i >= 5 {
			break
		}
		id := "finding.rose"
		if r.Diff < 0 {
			id = "finding.fell"
		}
		out = append(out, describe(r, id))
	}
	for i, r := range unsure {
		if i >= 3 {
			break
		}
		out = append(out, describe(r, "finding.inconclusive_change"))
	}
	// who emphasised what
	for i, th := range x.themes {
		if i >= 3 {
			break
		}
		total, best, bestN := 0, "", 0
		for _, r := range x.table(metrics.GroupBy{Speaker: true}) {
			if r.Theme != th {
				continue
			}
			total += r.Count
			if r.Key.Speaker != textproc.SpeakerNone && r.Key.Speaker != textproc.SpeakerOther && r.Count > bestN {
				best, bestN = r.Key.Speaker, r.Count
			}
		}
		if total == 0 || best == "" {
			continue
		}
		label := x.SpeakerLabel(best)
		if best == textproc.SpeakerJoint {
			label = m.Text("speaker.joint.oblique") // after a preposition: إلى الطرفين معا
		}
		out = append(out, m.Text("finding.speaker", "theme", x.themeLabel(th), "n", bestN, "total", total,
			"percent", fmt.Sprintf("%.0f", 100*float64(bestN)/float64(total)), "speaker", label))
	}
	if len(forms) > 0 {
		f := forms[0]
		a, b := f.Variants[0].Unit(), f.Variants[len(f.Variants)-1].Unit()
		out = append(out, m.Text("finding.formulations", "n", len(forms), "docs", f.Docs(), "first", a.Doc, "first_speaker", x.SpeakerLabel(a.Speaker),
			"last", b.Doc, "last_speaker", x.SpeakerLabel(b.Speaker)))
	}
	var top []string
	significant := 0
	for i, k := range kr {
		if k.G2 < ReportMinG2 {
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
		out = append(out, m.Text("finding.keyness", "to", to, "from", from, "terms", m.List(top), "significance", sig))
	} else if len(kr) > 0 {
		out = append(out, m.Text("finding.keyness.none", "to", to, "from", from))
	}
	return out
}

// A DataSet is a table of numbers behind the report, written as data/NAME.csv and .json. Its
// rows are made as they are written (Each), so a large corpus's tables are never all in memory.
type DataSet struct {
	Name    string
	Columns []string
	Each    func(add func(values ...any))
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
	docs := s.c.Docs
	out := []DataSet{
		{"documents", []string{"id", "date", "title", "tokens"}, func(add func(...any)) {
			for i, d := range docs {
				add(d.ID, DateString(d.Date), d.Title, s.tallies[i].Tokens())
			}
		}},
		{"themes_by_doc", []string{"doc", "theme", "count", "sentences", "per_1k", "share", "tokens", "total_sentences"}, func(add func(...any)) {
			for _, r := range x.table(metrics.GroupBy{Doc: true}) {
				add(r.Key.Doc, lx.Themes[r.Theme].ID, r.Count, r.Sentences, r.Per1k, r.Share, r.Tokens, r.TotalSentences)
			}
		}},
		{"themes_by_speaker", []string{"speaker", "theme", "count", "sentences", "per_1k", "share", "tokens", "total_sentences"}, func(add func(...any)) {
			for _, r := range x.table(metrics.GroupBy{Speaker: true}) {
				add(r.Key.Speaker, lx.Themes[r.Theme].ID, r.Count, r.Sentences, r.Per1k, r.Share, r.Tokens, r.TotalSentences)
			}
		}},
		{"shift", ShiftColumns(true), func(add func(...any)) {
			for _, r := range append(append([]metrics.ShiftRow{}, shift...), spkShift...) {
				add(ShiftValues(lx.Themes[r.Theme].ID, &r.Speaker, r)...)
			}
		}},
		{"rates_over_time", []string{"theme", "doc", "date", "count", "tokens", "per_1k"}, func(add func(...any)) {
			dates := map[string]string{}
			for _, d := range x.tallies {
				dates[d.ID] = d.Date.Format(time.DateOnly)
			}
			for k, series := range metrics.TrendPoints(x.tallies, x.themes, false) {
				for _, pt := range series {
					add(lx.Themes[x.themes[k]].ID, pt.Label, dates[pt.Label], pt.Count, pt.Tokens, pt.Rate)
				}
			}
		}},
		{"keyness", []string{"term", "stem", "target_count", "reference_count", "target_tokens", "reference_tokens", "g2", "chi2", "log_ratio", "lrc", "p", "p_adjusted", "surface"}, func(add func(...any)) {
			for _, k := range kr {
				add(KeyLabel(k), k.Term, k.A, k.B, k.Nt, k.Nr, k.G2, k.Chi2, k.LogRatio, k.LRC, k.P, k.PAdjusted, k.Surface)
			}
		}},
	}
	if sim.Matrix != nil {
		cols := []string{"doc"}
		for _, d := range docs {
			cols = append(cols, d.ID)
		}
		out = append(out, DataSet{"similarity", cols, func(add func(...any)) {
			for i, d := range docs {
				vals := []any{d.ID}
				for _, v := range sim.Matrix[i] {
					vals = append(vals, v)
				}
				add(vals...)
			}
		}})
	} else {
		out = append(out, DataSet{"similarity", []string{"doc", "rank", "neighbor", "value"}, func(add func(...any)) {
			for i, list := range sim.Nearest {
				for k, nb := range list {
					add(docs[i].ID, k+1, docs[nb.Doc].ID, nb.Value)
				}
			}
		}})
	}
	out = append(out, DataSet{"formulations", []string{"formulation", "docs", "doc", "date", "index", "speaker", "themes", "text", "similarity"}, func(add func(...any)) {
		for k, f := range forms.List {
			for i, v := range f.Variants {
				var sim any
				if i > 0 {
					sim = v.Similarity
				}
				u := v.Unit()
				add(k+1, f.Docs(), u.Doc, u.Date.Format(time.DateOnly), u.Index+1, u.Speaker, v.Passage.Themes(), v.Passage.Text(), sim)
			}
		}
	}})
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
	// a period with no tokens for the selection (a speaker who says nothing there) has no rate,
	// and so no change: not a number (empty, "-", null), as the interval is, not 0
	from, to, diff := r.FromRate, r.ToRate, r.Diff
	if r.FromTokens == 0 {
		from = math.NaN()
	}
	if r.ToTokens == 0 {
		to = math.NaN()
	}
	if r.FromTokens == 0 || r.ToTokens == 0 {
		diff = math.NaN()
	}
	return append(vals, r.FromCount, r.ToCount, r.FromTokens, r.ToTokens, from, to, diff,
		r.DiffLow, r.DiffHigh, r.LogRatio, r.G2, r.P, r.Warnings, r.FromDocs, r.ToDocs, r.Bootstrap)
}

// DateString is a date as yyyy-mm-dd, "" when it is unknown.
func DateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// runTable is the run record in short, for the report's appendix: what reproduces the report.
func (x *Sections) runTable(run output.Run) reports.Table {
	m, p := x.m, x.periods
	docs := func(label string, n int) string { return m.Text("run.period", "period", label, "n", n) }
	t := reports.Table{Title: x.terms.RunRecord, Note: m.Text("run.note"), Columns: []string{m.Text("run.field"), m.Text("run.value")}}
	t.Rows = [][]string{
		{m.Text("run.tool"), run.Tool + " " + run.Version},
		{m.Text("run.corpus"), m.Text("run.corpus_value", "corpus", x.corpusName(), "n", run.Documents)},
		{m.Text("run.corpus_sha256"), run.CorpusSHA256},
		{m.Text("run.lexicon_sha256"), run.LexiconSHA256},
		{m.Text("run.periods"), docs(p.From.Label, len(p.FromDocs)) + m.Text("list.separator") + docs(p.To.Label, len(p.ToDocs))},
		{m.Text("run.bootstrap"), m.Text("run.bootstrap_value", "reps", x.o.Reps, "seed", x.o.Seed)},
		{m.Text("run.date"), x.o.Date.Format(time.DateOnly)},
		{m.Text("run.metrics"), strings.Join(run.Metrics, ", ")},
	}
	return t
}

// attribution counts sentences by who said them: the sides (an actor or joint), other speakers,
// no one (narration, or no speaker found).
type attribution struct{ all, sides, other, none int }

func (a *attribution) add(speaker string, n int) {
	a.all += n
	switch speaker {
	case textproc.SpeakerNone:
		a.none += n
	case textproc.SpeakerOther:
		a.other += n
	default:
		a.sides += n
	}
}

func pct(n, all int) string { return fmt.Sprintf("%.0f", 100*float64(n)/float64(all)) }

// shellQuote writes a path as a POSIX shell reads it back: as it is when it holds only letters
// of ASCII, digits and ._/-, else in single quotes.
func shellQuote(p string) string {
	if p != "" && strings.IndexFunc(p, func(r rune) bool {
		return !(r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._/-", r)))
	}) < 0 {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}
