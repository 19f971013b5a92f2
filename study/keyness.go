package study

import (
	"context"
	"sort"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

// Keyness measures.
const (
	MeasureG2       = "g2"
	MeasureChi2     = "chi2"
	MeasureLogRatio = "logratio"
	MeasureLRC      = "lrc"
)

// KeynessOptions choose a keyness table.
type KeynessOptions struct {
	Periods    PeriodPair // From is the reference, To the target
	MinCount   int        // terms seen fewer times in both periods together are left out
	MinN, MaxN int        // n-gram sizes; 0: 1
	Correct    metrics.Correction
	Conf       float64 // 0: 0.95
	SortBy     string  // a measure; "": g2
	Top        int     // the Top most positive and Top most negative terms; 0: all
	// AllWords keeps function words (compare.StopWords), which are left out by default.
	AllWords bool
}

// KeynessResult is the keyness of every term tested, sorted by the measure chosen.
type KeynessResult struct {
	Periods Periods
	Rows    []metrics.KeyRow
	Tested  int // terms tested (before Top)
}

// Keyness compares the terms of the target period (Periods.To) with those of the reference
// (Periods.From): only the documents of the two periods are analysed, and their term counts
// streamed into two tables, so memory is bounded by their vocabulary, not by the corpus. Terms
// are counted by their normalized forms, then merged under their term keys (textproc.TermKey),
// which the forms of both periods attest.
func (s *Study) Keyness(ctx context.Context, o KeynessOptions) (KeynessResult, error) {
	var res KeynessResult
	if o.MinN == 0 {
		o.MinN, o.MaxN = 1, 1
	}
	if o.Conf == 0 {
		o.Conf = 0.95
	}
	if o.MinCount < 1 {
		return res, optionErr("--min-count must be at least 1")
	}
	var err error
	if res.Periods, err = s.Periods(o.Periods); err != nil {
		return res, err
	}
	target, ref := metrics.NewTermCounts(), metrics.NewTermCounts()
	forms := map[string]bool{} // every normalized form of the two periods, for termKeys
	into := map[int]*metrics.TermCounts{}
	for _, i := range res.Periods.ToDocs {
		into[i] = target
	}
	for _, i := range res.Periods.FromDocs {
		into[i] = ref
	}
	docs := make([]int, 0, len(into))
	for i := range s.c.Docs {
		if into[i] != nil {
			docs = append(docs, i)
		}
	}
	err = EachOf(ctx, s, docs, true, func(d *corpus.Document, an *textproc.Doc) [][]metrics.Word {
		out := make([][]metrics.Word, len(an.Sentences))
		for k, sent := range an.Sentences {
			out[k] = KeyWords(an, sent, !o.AllWords)
		}
		return out
	}, func(i int, sents [][]metrics.Word) error {
		tc := into[i]
		for _, w := range sents {
			tc.AddSentence(w, o.MinN, o.MaxN)
			for _, x := range w {
				forms[x.Key] = true
			}
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	key := termKeys(forms)
	res.Rows = metrics.Keyness(target.Rekey(key), ref.Rekey(key), o.MinCount, o.Correct, o.Conf)
	res.Tested = len(res.Rows)
	m := o.SortBy
	if m == "" {
		m = MeasureG2
	}
	sort.SliceStable(res.Rows, func(i, j int) bool { return MeasureOf(res.Rows[i], m) > MeasureOf(res.Rows[j], m) })
	if o.Top > 0 {
		res.Rows = topAndBottom(res.Rows, o.Top, m)
	}
	return res, nil
}

// MeasureOf returns a row's value of a measure.
func MeasureOf(r metrics.KeyRow, m string) float64 {
	switch m {
	case MeasureChi2:
		return r.Chi2
	case MeasureLogRatio:
		return r.LogRatio
	case MeasureLRC:
		return r.LRC
	}
	return r.G2
}

// topAndBottom keeps the n largest positive and n most negative rows by measure m.
func topAndBottom(rows []metrics.KeyRow, n int, m string) []metrics.KeyRow {
	var pos, neg []metrics.KeyRow
	for _, r := range rows {
		if MeasureOf(r, m) > 0 && len(pos) < n {
			pos = append(pos, r)
		}
	}
	for i := len(rows) - 1; i >= 0 && len(neg) < n; i-- {
		if MeasureOf(rows[i], m) < 0 {
			neg = append([]metrics.KeyRow{rows[i]}, neg...)
		}
	}
	return append(pos, neg...)
}

// KeyLabel shows a stem by its most frequent written form.
func KeyLabel(r metrics.KeyRow) string {
	if len(r.Surface) > 0 && r.Surface[0] != r.Term {
		return r.Surface[0]
	}
	return r.Term
}
