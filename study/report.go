package study

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	readout "github.com/readout/readout"
	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/output"
	"github.com/readout/readout/reports"
	"github.com/readout/readout/textproc"
)

// ReportOptions choose what a report (or one of its charts) shows.
type ReportOptions struct {
	Periods PeriodPair
	Themes  []int  // themes shown; nil: those mentioned, most mentioned first
	Lang    string // a language of reports.Languages
	Seed    uint64
	Reps    int
	Date    time.Time // printed on the report
	// Title replaces the report's title ("Trend report: " and the corpus's name); Subtitle,
	// when given, is the first line under it.
	Title, Subtitle string
	// For names what the sections are for in messages: "a report" (when empty) or "a chart".
	For string
}

// Sections are the parts of a report, each computed when first asked for and once: a chart
// computes only what it draws.
type Sections struct {
	s     *Study
	o     ReportOptions
	terms reports.Terms
	m     *reports.Messages

	tallies  []metrics.DocTally // date order
	periods  *Periods
	themes   []int
	byDoc    []metrics.ThemeRow
	bySpk    []metrics.ThemeRow
	shift    []metrics.ShiftRow
	spkShift []metrics.ShiftRow
	keyness  []metrics.KeyRow
	sim      *SimilarityResult
	forms    *Formulations
	groups   []Group
}

// Sections starts a report of the study; nothing is computed yet. A report needs every
// document's date.
func (s *Study) Sections(o ReportOptions) (*Sections, error) {
	terms, err := reports.TermsFor(o.Lang)
	if err != nil {
		return nil, &OptionError{Err: err}
	}
	if o.Reps == 0 {
		o.Reps = 2000
	}
	if o.Reps < MinReps || o.Reps > MaxReps {
		return nil, optionErr("--reps %d: use %d to %d replicates", o.Reps, MinReps, MaxReps)
	}
	what := o.For
	if what == "" {
		what = "a report"
	}
	if err := s.RequireDates(what); err != nil {
		return nil, err
	}
	return &Sections{s: s, o: o, terms: terms, m: terms.M}, nil
}

// Terms returns the report's words.
func (x *Sections) Terms() reports.Terms { return x.terms }

// Check works out what every section needs (the tallies and the two periods), once, so that a
// bad period fails before anything is written.
func (x *Sections) Check(ctx context.Context) error { return x.base(ctx) }

func (x *Sections) base(ctx context.Context) error {
	if x.periods != nil {
		return nil
	}
	s := x.s
	var err error
	if x.tallies, err = s.Tallies(ctx); err != nil {
		return err
	}
	p, err := s.Periods(x.o.Periods)
	if err != nil {
		return err
	}
	lx := s.lx
	total := make([]int, len(lx.Themes))
	for _, d := range x.tallies {
		for si := range d.Sentences {
			for _, tc := range d.SentenceThemes(si) {
				total[tc.Theme] += int(tc.N)
			}
		}
	}
	if x.o.Themes != nil {
		x.themes = x.o.Themes
	} else {
		for t := range lx.Themes {
			if total[t] > 0 {
				x.themes = append(x.themes, t)
			}
		}
		sort.SliceStable(x.themes, func(i, j int) bool { return total[x.themes[i]] > total[x.themes[j]] })
	}
	x.periods = &p
	return nil
}

// table returns the theme table grouped by documents or by speakers, made once.
func (x *Sections) table(by metrics.GroupBy) []metrics.ThemeRow {
	t := &x.byDoc
	if by.Speaker {
		t = &x.bySpk
	}
	if *t == nil {
		lx := x.s.lx
		*t = metrics.ThemeTable(x.tallies, len(lx.Themes), x.s.themes(nil), by, lx.SpeakerIDs())
	}
	return *t
}

// Shift returns the themes' shifts between the periods, for all speakers and then per speaker.
func (x *Sections) Shift(ctx context.Context) ([]metrics.ShiftRow, []metrics.ShiftRow, error) {
	if x.shift != nil {
		return x.shift, x.spkShift, nil
	}
	if err := x.base(ctx); err != nil {
		return nil, nil, err
	}
	fd, td := pick(x.s.tallies, x.periods.FromDocs), pick(x.s.tallies, x.periods.ToDocs)
	sopt := metrics.ShiftOptions{Reps: x.o.Reps, Seed: x.o.Seed, Conf: 0.95}
	ids := x.s.lx.ThemeIDs()
	prog := x.s.progress("bootstrap")
	spk := x.s.lx.SpeakerIDs()
	shift := metrics.Shift(fd, td, x.themes, ids, "", sopt)
	spkShift := []metrics.ShiftRow{}
	for k, sp := range spk {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		spkShift = append(spkShift, metrics.Shift(fd, td, x.themes, ids, sp, sopt)...)
		if prog != nil {
			prog(k+1, len(spk))
		}
	}
	if shift == nil {
		shift = []metrics.ShiftRow{}
	}
	x.shift, x.spkShift = shift, spkShift
	return x.shift, x.spkShift, nil
}

// Keyness returns the key stems of the later period against the earlier (minimum count 3,
// Bonferroni-corrected).
func (x *Sections) Keyness(ctx context.Context) ([]metrics.KeyRow, error) {
	if x.keyness != nil {
		return x.keyness, nil
	}
	if err := x.base(ctx); err != nil {
		return nil, err
	}
	res, err := x.s.Keyness(ctx, KeynessOptions{Periods: x.o.Periods, MinCount: ReportKeynessMinCount, Correct: metrics.CorrectBonferroni})
	if err != nil {
		return nil, err
	}
	x.keyness = res.Rows
	if x.keyness == nil {
		x.keyness = []metrics.KeyRow{}
	}
	return x.keyness, nil
}

// DefaultLang is the language a report or chart is written in when none is asked for: English
// when every document is English, else Arabic.
func (s *Study) DefaultLang() string {
	for _, d := range s.c.Docs {
		if d.Language != corpus.English {
			return "ar"
		}
	}
	if len(s.c.Docs) == 0 {
		return "ar"
	}
	return "en"
}

// ReportKeynessMinCount is the fewest occurrences of a term in the report's keyness.
const ReportKeynessMinCount = 3

// MaxMatrix is the most documents whose full similarity matrix a report writes to data/;
// past it, data/similarity lists each document's NearestInData nearest neighbours.
const (
	MaxMatrix     = 500
	NearestInData = 10
)

// Similarity returns the documents' tf-idf cosine similarities: the full matrix up to
// MaxMatrix documents, else each one's nearest neighbours.
func (x *Sections) Similarity(ctx context.Context) (*SimilarityResult, error) {
	if x.sim != nil {
		return x.sim, nil
	}
	o := SimilarityOptions{Measure: Cosine}
	if len(x.s.c.Docs) > MaxMatrix {
		o.Top = NearestInData
	}
	r, err := x.s.Similarity(ctx, o)
	if err != nil {
		return nil, err
	}
	x.sim = &r
	return x.sim, nil
}

// Formulations returns the recurring formulations, each variant with its similarity to its
// parent (the word diffs are made for the formulations shown, by shownVariants).
func (x *Sections) Formulations(ctx context.Context) (*Formulations, error) {
	if x.forms != nil {
		return x.forms, nil
	}
	f, err := x.s.Formulations(ctx, AlignOptions{})
	if err != nil {
		return nil, err
	}
	x.s.Release(NeedUnits) // the formulations hold their own
	x.forms = f
	return f, nil
}

func (x *Sections) themeLabel(t int) string { return x.s.lx.Themes[t].Label(x.o.Lang) }

// SpeakerLabel names a speaker in the report's language.
func (x *Sections) SpeakerLabel(id string) string {
	switch id {
	case textproc.SpeakerJoint:
		return x.terms.Joint
	case textproc.SpeakerNone:
		return x.terms.None
	case textproc.SpeakerOther:
		return x.terms.Other
	}
	for _, a := range x.s.lx.Actors {
		if a.ID == id {
			if l := a.Labels[x.o.Lang]; l != "" {
				return l
			}
		}
	}
	return id
}

// dateRange returns the first and last dates of the corpus.
func (x *Sections) dateRange() (string, string) {
	first, last := "", ""
	for _, d := range x.tallies {
		if !d.Date.IsZero() {
			if first == "" {
				first = d.Date.Format(time.DateOnly)
			}
			last = d.Date.Format(time.DateOnly)
		}
	}
	return first, last
}

// source is the line under every chart: tool, corpus, period, hash.
func (x *Sections) source() string {
	first, last := x.dateRange()
	c := x.s.c
	return x.m.Text("chart.source", "version", readout.Version, "corpus", x.corpusName(), "n", len(c.Docs), "first", first, "last", last, "hash", c.Hash()[:12])
}

func (x *Sections) periodText() string {
	return x.m.Text("chart.periods", "to", x.periods.To.Label, "from", x.periods.From.Label)
}

// A ChartKind is a chart readout draws: its name (a file name, and the chart command's KIND),
// other names the chart command accepts, what it shows, and how it is built.
type ChartKind struct {
	Name    string
	Aliases []string
	About   string
	Needs   Need // what to prepare when the corpus is read (Options.Prepare)
	build   func(x *Sections, ctx context.Context, h reports.Handler) (*reports.Chart, error)
}

// ChartKinds are the charts of a report, in report order.
var ChartKinds = []ChartKind{
	{"theme-rates", []string{"rates"}, "theme rates over time, one line per theme (at most six: the most mentioned, or the first --theme ones), points labelled by date", NeedTallies, (*Sections).ratesChart},
	{"theme-heatmap", []string{"heatmap"}, "theme × article, mentions per 1,000 tokens printed in each cell", NeedTallies, (*Sections).heatmapChart},
	{"shift", nil, "change of each theme's rate between two periods with its 95% interval", NeedTallies, (*Sections).shiftChart},
	{"keyness", nil, "the top positive and negative key terms (G²) of the later period", NeedTallies, (*Sections).keynessChart},
	{"similarity", nil, "article × article tf-idf cosine similarity", NeedTallies | NeedVectors, (*Sections).similarityChart},
	{"speakers", nil, "who said what: theme mentions by speaker", NeedTallies, (*Sections).speakersChart},
}

// FindChart returns the chart kind of a name or alias.
func FindChart(name string) (ChartKind, bool) {
	for _, k := range ChartKinds {
		if k.Name == name {
			return k, true
		}
		for _, a := range k.Aliases {
			if a == name {
				return k, true
			}
		}
	}
	return ChartKind{}, false
}

// ChartNames returns the names the chart command accepts, short ones first.
func ChartNames() []string {
	var out []string
	for _, k := range ChartKinds {
		if len(k.Aliases) > 0 {
			out = append(out, k.Aliases[0])
		} else {
			out = append(out, k.Name)
		}
	}
	return out
}

// Chart builds one chart.
func (x *Sections) Chart(ctx context.Context, h reports.Handler, name string) (*reports.Chart, error) {
	k, ok := FindChart(name)
	if !ok {
		return nil, optionErr("unknown chart %q: use %s", name, strings.Join(ChartNames(), ", "))
	}
	if err := x.base(ctx); err != nil {
		return nil, err
	}
	ch, err := k.build(x, ctx, h)
	if err == nil && ch != nil && x.m.Has("caption."+k.Name) {
		ch.Caption = x.m.Text("caption." + k.Name)
	}
	return ch, err
}

// Groups returns how the report shows documents: each one, or by period past MaxColumns.
func (x *Sections) Groups(ctx context.Context) ([]Group, error) {
	if err := x.base(ctx); err != nil {
		return nil, err
	}
	if x.groups == nil {
		x.groups = groupDocs(x.tallies, MaxColumns)
	}
	return x.groups, nil
}

func (x *Sections) ratesChart(ctx context.Context, h reports.Handler) (*reports.Chart, error) {
	groups, err := x.Groups(ctx)
	if err != nil {
		return nil, err
	}
	var series []reports.RateSeries
	top := x.themes
	if len(top) > 6 {
		top = top[:6]
	}
	for _, th := range top {
		rs := reports.RateSeries{Label: x.themeLabel(th)}
		for g, rate := range groupRates(x.tallies, groups, th) {
			label := groups[g].Label
			if groups[g].Doc {
				label = x.tallies[groups[g].Docs[0]].Date.Format(time.DateOnly)
			}
			rs.Points = append(rs.Points, reports.RatePoint{X: groups[g].X, Label: label, Y: rate})
		}
		series = append(series, rs)
	}
	return reports.RatesChart(h, x.terms, series, x.source()), nil
}

func (x *Sections) heatmapChart(ctx context.Context, h reports.Handler) (*reports.Chart, error) {
	groups, err := x.Groups(ctx)
	if err != nil {
		return nil, err
	}
	var rows, cols []string
	for _, g := range groups {
		cols = append(cols, g.Label)
	}
	vals := make([][]float64, len(x.themes))
	for i, th := range x.themes {
		rows = append(rows, x.themeLabel(th))
		vals[i] = groupRates(x.tallies, groups, th)
	}
	t := x.terms
	title, axis := t.HeatmapTitle, t.Document
	if len(groups) > 0 && !groups[0].Doc {
		title, axis = x.m.Text("chart.heatmap.periods_title"), x.m.Text("axis.period")
	}
	return reports.HeatmapChart(h, t, "theme-heatmap", title, axis, t.Theme, rows, cols, vals, "%.1f", x.source()), nil
}

func (x *Sections) shiftChart(ctx context.Context, h reports.Handler) (*reports.Chart, error) {
	shift, _, err := x.Shift(ctx)
	if err != nil {
		return nil, err
	}
	var items []reports.ShiftItem
	for _, r := range shift {
		items = append(items, reports.ShiftItem{Label: x.themeLabel(r.Theme), Diff: r.Diff, Lo: r.DiffLow, Hi: r.DiffHigh})
	}
	return reports.ShiftChart(h, x.terms, items, x.source()+" · "+x.periodText()), nil
}

func (x *Sections) keynessChart(ctx context.Context, h reports.Handler) (*reports.Chart, error) {
	kr, err := x.Keyness(ctx)
	if err != nil {
		return nil, err
	}
	var items []reports.KeyItem
	for i, r := range kr {
		if i >= 10 || r.G2 < ReportMinG2 {
			break
		}
		items = append(items, reports.KeyItem{Label: KeyLabel(r), Value: r.G2})
	}
	for i := len(kr) - 1; i >= 0 && len(kr)-1-i < 10; i-- {
		if r := kr[i]; r.G2 <= -ReportMinG2 {
			items = append(items, reports.KeyItem{Label: KeyLabel(r), Value: r.G2})
		}
	}
	more := x.m.Text("chart.keyness.more", "period", x.periods.To.Label)
	less := x.m.Text("chart.keyness.more", "period", x.periods.From.Label)
	t := x.terms
	return reports.KeynessChart(h, t, items, t.KeynessAxis+" ("+x.periodText()+")", more, less, x.source()), nil
}

func (x *Sections) similarityChart(ctx context.Context, h reports.Handler) (*reports.Chart, error) {
	groups, err := x.Groups(ctx)
	if err != nil {
		return nil, err
	}
	t := x.terms
	if len(groups) > 0 && !groups[0].Doc {
		m, err := x.periodSimilarity(ctx, groups)
		if err != nil {
			return nil, err
		}
		var labels []string
		for _, g := range groups {
			labels = append(labels, g.Label)
		}
		axis := x.m.Text("axis.period")
		return reports.HeatmapChart(h, t, "similarity", x.m.Text("chart.similarity.periods_title"), axis, axis, labels, labels, m, "%.2f", x.source()), nil
	}
	sim, err := x.Similarity(ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, d := range x.s.c.Docs {
		ids = append(ids, d.ID)
	}
	return reports.HeatmapChart(h, t, "similarity", t.SimilarityTitle+x.m.Text("chart.similarity.measure"), t.Document, t.Document, ids, ids, sim.Matrix, "%.2f", x.source()), nil
}

// periodSimilarity is the cosine of the periods' summed tf-idf vectors.
func (x *Sections) periodSimilarity(ctx context.Context, groups []Group) ([][]float64, error) {
	vecs, nTerms, err := x.s.rankedVectors(ctx)
	if err != nil {
		return nil, err
	}
	idf := metrics.IDF(vecs, nTerms)
	order := x.s.byDate() // tallies index → corpus index
	sums := make([]metrics.Weighted, len(groups))
	for g, gr := range groups {
		acc := map[uint32]float64{}
		for _, i := range gr.Docs {
			w := metrics.Weigh(vecs[order[i]], idf)
			for k, t := range w.Terms {
				acc[t] += w.Weights[k]
			}
		}
		sums[g] = metrics.WeightedOf(acc)
	}
	m := make([][]float64, len(groups))
	for i := range m {
		m[i] = make([]float64, len(groups))
		for j := range m[i] {
			m[i][j] = metrics.CosineWeighted(sums[i], sums[j])
		}
	}
	return m, nil
}

func (x *Sections) speakersChart(ctx context.Context, h reports.Handler) (*reports.Chart, error) {
	spk := x.s.lx.SpeakerIDs()
	var groups []reports.SpeakerGroup
	top := x.themes
	if len(top) > 10 {
		top = top[:10]
	}
	for _, th := range top {
		g := reports.SpeakerGroup{Label: x.themeLabel(th), Counts: make([]float64, len(spk))}
		for _, r := range x.table(metrics.GroupBy{Speaker: true}) {
			if r.Theme == th {
				for k, id := range spk {
					if r.Key.Speaker == id {
						g.Counts[k] = float64(r.Count)
					}
				}
			}
		}
		groups = append(groups, g)
	}
	names := make([]string, len(spk))
	for k, id := range spk {
		names[k] = x.SpeakerLabel(id)
	}
	return reports.SpeakersChart(h, x.terms, names, groups, x.source()), nil
}

// ReportNeeds is what a whole report prepares when the corpus is read.
const ReportNeeds = NeedTallies | NeedVectors | NeedUnits

// Charts builds every chart of the report.
func (x *Sections) Charts(ctx context.Context, h reports.Handler) ([]*reports.Chart, error) {
	var out []*reports.Chart
	for _, k := range ChartKinds {
		ch, err := x.Chart(ctx, h, k.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	return out, nil
}

// RunRecord is the report's run record.
func (x *Sections) RunRecord(ctx context.Context) (output.Run, error) {
	if err := x.base(ctx); err != nil {
		return output.Run{}, err
	}
	p := x.periods
	run := x.s.RunRecord("report", map[string]any{
		"from": p.From.Label, "to": p.To.Label, "from_docs": x.s.IDs(p.FromDocs), "to_docs": x.s.IDs(p.ToDocs),
		"lang": x.o.Lang, "seed": x.o.Seed, "reps": x.o.Reps, "conf": 0.95, "date": x.o.Date.Format(time.DateOnly),
		"min_similarity": compare.DefaultMinSimilarity, "keyness_min_count": ReportKeynessMinCount, "keyness_correct": "bonferroni",
	})
	run.Metrics = []string{"theme.count", "theme.per_1k", "shift.diff", "shift.diff_ci", "shift.log_ratio", "shift.g2",
		"trend.rate", "keyness.g2", "keyness.lrc", "keyness.p_adjusted", "similarity.cosine", "compare.recurring", "compare.diff"}
	return run, nil
}

// RunRecord starts the run record of a command on the study: the tool, the corpus and its hash,
// the lexicon's hash, the parameters.
func (s *Study) RunRecord(command string, params map[string]any) output.Run {
	if params == nil {
		params = map[string]any{}
	}
	for k, v := range params {
		if l, ok := v.([]string); ok && l == nil {
			params[k] = []string{} // a list is [] when empty, as in the rows
		}
	}
	return output.Run{
		Tool: "readout", Version: readout.Version, Command: command, Corpus: s.c.Label, CorpusSHA256: s.c.Hash(),
		Documents: len(s.c.Docs), LexiconSHA256: s.lx.Hash, Parameters: params,
	}
}

func f2(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func signed(v float64) string {
	if v > 0 {
		return "+" + f2(v)
	}
	return f2(v)
}

// corpusName is how the report names its corpus: the label it was read under, or for the
// bundled seeds what they are, not the placeholder label.
func (x *Sections) corpusName() string {
	if x.s.c.Bundled() {
		return x.m.Text("report.corpus.seed")
	}
	return x.s.c.Label
}
