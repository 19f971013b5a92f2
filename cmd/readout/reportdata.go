package main

import (
	"fmt"
	"sort"

	readout "github.com/readout/readout"
	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/reports"
	"github.com/readout/readout/textproc"
)

// study is everything charts and reports show, computed once from a corpus and lexicon.
type study struct {
	c        *corpus.Corpus
	lx       *textproc.Lexicon
	docs     []analysed
	tallies  []metrics.DocTally // date order
	themes   []int              // themes shown, by total mentions
	from, to metrics.Period
	fromDocs []metrics.DocTally
	toDocs   []metrics.DocTally
	shift    []metrics.ShiftRow
	spkShift []metrics.ShiftRow
	byDoc    []metrics.ThemeRow
	bySpk    []metrics.ThemeRow
	keyness  []metrics.KeyRow
	sim      [][]float64
	forms    []compare.Formulation
	terms    reports.Terms
	lang     string
	seed     uint64
	reps     int
}

// studyOptions choose what a study computes.
type studyOptions struct {
	From, To string
	Themes   []string
	Lang     string
	Seed     uint64
	Reps     int
}

func (a *app) newStudy(paths []string, o studyOptions) (*study, error) {
	terms, err := reports.TermsFor(o.Lang)
	if err != nil {
		return nil, usageError{err}
	}
	lx, err := a.loadLexicon()
	if err != nil {
		return nil, err
	}
	picked, err := themeFlag(lx, o.Themes)
	if err != nil {
		return nil, err
	}
	c, err := a.loadCorpus(paths)
	if err != nil {
		return nil, err
	}
	if err := requireDates(c, "a report"); err != nil {
		return nil, err
	}
	s := &study{c: c, lx: lx, terms: terms, lang: o.Lang, seed: o.Seed, reps: o.Reps}
	if s.docs, err = a.analyse(c, lx); err != nil {
		return nil, err
	}
	s.tallies = talliesOf(s.docs, lx)
	if s.from, s.to, s.fromDocs, s.toDocs, err = resolvePeriods(c, s.tallies, o.From, o.To, "--from", "--to"); err != nil {
		return nil, err
	}
	all := make([]int, len(lx.Themes))
	for i := range all {
		all[i] = i
	}
	s.byDoc = metrics.ThemeTable(s.tallies, len(lx.Themes), all, metrics.GroupBy{Doc: true}, lx.SpeakerIDs())
	s.bySpk = metrics.ThemeTable(s.tallies, len(lx.Themes), all, metrics.GroupBy{Speaker: true}, lx.SpeakerIDs())
	total := make([]int, len(lx.Themes))
	for _, r := range s.byDoc {
		total[r.Theme] += r.Count
	}
	if len(o.Themes) > 0 {
		s.themes = picked
	} else {
		for t := range lx.Themes {
			if total[t] > 0 {
				s.themes = append(s.themes, t)
			}
		}
		sort.SliceStable(s.themes, func(i, j int) bool { return total[s.themes[i]] > total[s.themes[j]] })
	}
	sopt := metrics.ShiftOptions{Reps: o.Reps, Seed: o.Seed, Conf: 0.95}
	s.shift = metrics.Shift(s.fromDocs, s.toDocs, s.themes, lx.ThemeIDs(), "", sopt)
	for _, sp := range lx.SpeakerIDs() {
		s.spkShift = append(s.spkShift, metrics.Shift(s.fromDocs, s.toDocs, s.themes, lx.ThemeIDs(), sp, sopt)...)
	}
	tc, rc := metrics.NewTermCounts(), metrics.NewTermCounts()
	inTo, inFrom := idSet(s.toDocs), idSet(s.fromDocs)
	for _, d := range s.docs {
		into := (*metrics.TermCounts)(nil)
		if inTo[d.Doc.ID] {
			into = tc
		} else if inFrom[d.Doc.ID] {
			into = rc
		}
		if into != nil {
			for _, sent := range d.A.Sentences {
				into.AddSentence(keyWords(d.A, sent), 1, 1)
			}
		}
	}
	s.keyness = metrics.Keyness(tc, rc, 3, metrics.CorrectBonferroni, 0.95)
	bags := make([]metrics.Bag, len(s.docs))
	for i, d := range s.docs {
		bags[i] = stemBag(d.A)
	}
	tw := metrics.TFIDF(bags)
	s.sim = make([][]float64, len(s.docs))
	for i := range s.docs {
		s.sim[i] = make([]float64, len(s.docs))
		for j := range s.docs {
			s.sim[i][j] = metrics.Cosine(tw[i], tw[j])
		}
	}
	units := unitsOf(s.docs, lx)
	w := compare.NewWeights(units...)
	s.forms = compare.Recurring(units, w, compare.DefaultMinSimilarity)
	for k := range s.forms {
		s.forms[k].Explain(w)
	}
	return s, nil
}

func (s *study) themeLabel(t int) string { return s.lx.Themes[t].Label(s.lang) }

// source is the line under every chart: tool, corpus, period, hash.
func (s *study) source() string {
	first, last := "", ""
	for _, d := range s.tallies {
		if !d.Date.IsZero() {
			if first == "" {
				first = d.Date.Format("2006-01-02")
			}
			last = d.Date.Format("2006-01-02")
		}
	}
	if s.lang == "ar" {
		return fmt.Sprintf("المصدر: readout %s، %s، %d مقالات %s–%s، sha256 %s", readout.Version, s.c.Label, len(s.c.Docs), first, last, s.c.Hash()[:12])
	}
	return fmt.Sprintf("Source: readout %s, %s, %d articles %s–%s, sha256 %s", readout.Version, s.c.Label, len(s.c.Docs), first, last, s.c.Hash()[:12])
}

func (s *study) periodText() string {
	if s.lang == "ar" {
		return fmt.Sprintf("%s مقابل %s", s.to.Label, s.from.Label)
	}
	return fmt.Sprintf("%s against %s", s.to.Label, s.from.Label)
}

// chartKinds are the charts readout draws, by name.
var chartKinds = []string{"rates", "heatmap", "shift", "keyness", "similarity", "speakers"}

// chart builds one chart of the study.
func (s *study) chart(h reports.Handler, kind string) (*reports.Chart, error) {
	t := s.terms
	src := s.source()
	switch kind {
	case "rates":
		var series []reports.RateSeries
		top := s.themes
		if len(top) > 6 {
			top = top[:6]
		}
		for _, th := range top {
			rs := reports.RateSeries{Label: s.themeLabel(th)}
			for _, r := range metrics.Trend(s.tallies, []int{th}, false, 0.95)[0].Points {
				rs.Points = append(rs.Points, reports.RatePoint{X: r.X, Label: s.dateOf(r.Label), Y: r.Rate})
			}
			series = append(series, rs)
		}
		return reports.RatesChart(h, t, series, src), nil
	case "heatmap":
		var rows []string
		var cols []string
		for _, d := range s.tallies {
			cols = append(cols, d.ID)
		}
		vals := make([][]float64, len(s.themes))
		for i, th := range s.themes {
			rows = append(rows, s.themeLabel(th))
			for _, r := range s.byDoc {
				if r.Theme == th {
					vals[i] = append(vals[i], r.Per1k)
				}
			}
		}
		return reports.HeatmapChart(h, t, "theme-heatmap", t.HeatmapTitle, t.Document, t.Theme, rows, cols, vals, "%.1f", src), nil
	case "shift":
		var items []reports.ShiftItem
		for _, r := range s.shift {
			items = append(items, reports.ShiftItem{Label: s.themeLabel(r.Theme), Diff: r.Diff, Lo: r.DiffLow, Hi: r.DiffHigh})
		}
		ch := reports.ShiftChart(h, t, items, src+" · "+s.periodText())
		return ch, nil
	case "keyness":
		var items []reports.KeyItem
		for i, r := range s.keyness {
			if i >= 10 || r.G2 <= 0 {
				break
			}
			items = append(items, reports.KeyItem{Label: keyLabel(r), Value: r.G2})
		}
		for i := len(s.keyness) - 1; i >= 0 && len(s.keyness)-1-i < 10; i-- {
			if r := s.keyness[i]; r.G2 < 0 {
				items = append(items, reports.KeyItem{Label: keyLabel(r), Value: r.G2})
			}
		}
		more, less := "more frequent in "+s.to.Label, "more frequent in "+s.from.Label
		if s.lang == "ar" {
			more, less = "أكثر تكرارا في "+s.to.Label, "أكثر تكرارا في "+s.from.Label
		}
		return reports.KeynessChart(h, t, items, t.KeynessAxis+" ("+s.periodText()+")", more, less, src), nil
	case "similarity":
		var ids []string
		for _, d := range s.docs {
			ids = append(ids, d.Doc.ID)
		}
		return reports.HeatmapChart(h, t, "similarity", t.SimilarityTitle+" (tf-idf cosine)", t.Document, t.Document, ids, ids, s.sim, "%.2f", src), nil
	case "speakers":
		spk := s.lx.SpeakerIDs()
		var groups []reports.SpeakerGroup
		top := s.themes
		if len(top) > 10 {
			top = top[:10]
		}
		for _, th := range top {
			g := reports.SpeakerGroup{Label: s.themeLabel(th), Counts: make([]float64, len(spk))}
			for _, r := range s.bySpk {
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
			names[k] = s.speakerLabel(id)
		}
		return reports.SpeakersChart(h, t, names, groups, src), nil
	}
	return nil, usagef("unknown chart %q: use %s", kind, joinComma(chartKinds))
}

// speakerLabel names a speaker in the report's language.
func (s *study) speakerLabel(id string) string {
	switch id {
	case textproc.SpeakerJoint:
		return s.terms.Joint
	case textproc.SpeakerNone:
		return s.terms.None
	}
	for _, a := range s.lx.Actors {
		if a.ID == id {
			if l := a.Labels[s.lang]; l != "" {
				return l
			}
		}
	}
	return id
}

func (s *study) dateOf(id string) string {
	for _, d := range s.tallies {
		if d.ID == id {
			return d.Date.Format("2006-01-02")
		}
	}
	return id
}

// keyLabel shows a stem by its most frequent written form, with the stem when they differ.
func keyLabel(r metrics.KeyRow) string {
	if len(r.Surface) > 0 && r.Surface[0] != r.Term {
		return r.Surface[0]
	}
	return r.Term
}

func joinComma(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}
