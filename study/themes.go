package study

import (
	"context"

	"github.com/readout/readout/metrics"
)

// ThemesOptions choose a theme table.
type ThemesOptions struct {
	By     metrics.GroupBy
	Themes []int // theme indices; nil: all
}

// Themes counts theme mentions per group (metrics.ThemeTable); grouping by year or month needs
// every document's date.
func (s *Study) Themes(ctx context.Context, o ThemesOptions) ([]metrics.ThemeRow, error) {
	if o.By.Year || o.By.Month {
		if err := s.RequireDates("--by year or month"); err != nil {
			return nil, err
		}
	}
	// from the totals, kept or made now, unless the tallies are kept anyway
	if s.have&NeedTallies != 0 && s.have&NeedTotals == 0 {
		docs, err := s.Tallies(ctx)
		if err != nil {
			return nil, err
		}
		return metrics.ThemeTable(docs, len(s.lx.Themes), s.themes(o.Themes), o.By, s.lx.SpeakerIDs()), nil
	}
	if err := s.prepare(ctx, NeedTotals); err != nil {
		return nil, err
	}
	order := s.byDate()
	docs := make([]metrics.DocTotals, len(order))
	for k, i := range order {
		docs[k] = s.totals[i]
	}
	return metrics.ThemeTableOf(docs, len(s.lx.Themes), s.themes(o.Themes), o.By, s.lx.SpeakerIDs()), nil
}

func (s *Study) themes(idx []int) []int {
	if idx != nil {
		return idx
	}
	all, _ := ThemeIndices(s.lx, nil)
	return all
}

// ShiftOptions choose a comparison of theme rates between two periods.
type ShiftOptions struct {
	Periods   PeriodPair
	Themes    []int // nil: all
	BySpeaker bool  // a row per speaker and theme
	Reps      int   // bootstrap replicates
	Seed      uint64
	Conf      float64 // 0: 0.95
}

// ShiftResult is each theme's change between two periods.
type ShiftResult struct {
	Periods Periods
	Rows    []metrics.ShiftRow
}

// MinReps and MaxReps bound the bootstrap replicates of a shift.
const (
	MinReps = 100
	MaxReps = 100000
)

// Shift compares each theme's rate between two periods (metrics.Shift).
func (s *Study) Shift(ctx context.Context, o ShiftOptions) (ShiftResult, error) {
	var res ShiftResult
	if o.Reps < MinReps || o.Reps > MaxReps {
		return res, optionErr("--reps %d: use %d to %d replicates", o.Reps, MinReps, MaxReps)
	}
	if o.Conf == 0 {
		o.Conf = 0.95
	}
	docs, err := s.tallies0(ctx)
	if err != nil {
		return res, err
	}
	if res.Periods, err = s.Periods(o.Periods); err != nil {
		return res, err
	}
	fd, td := pick(docs, res.Periods.FromDocs), pick(docs, res.Periods.ToDocs)
	themes := s.themes(o.Themes)
	sopt := metrics.ShiftOptions{Reps: o.Reps, Seed: o.Seed, Conf: o.Conf}
	speakers := []string{""}
	if o.BySpeaker {
		speakers = s.lx.SpeakerIDs()
	}
	prog := s.progress("bootstrap")
	for k, sp := range speakers {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		res.Rows = append(res.Rows, metrics.Shift(fd, td, themes, s.lx.ThemeIDs(), sp, sopt)...)
		if prog != nil {
			prog(k+1, len(speakers))
		}
	}
	return res, nil
}

// tallies0 returns the tallies in corpus order.
func (s *Study) tallies0(ctx context.Context) ([]metrics.DocTally, error) {
	if err := s.prepare(ctx, NeedTallies); err != nil {
		return nil, err
	}
	return s.tallies, nil
}

// TrendOptions choose rate series over time.
type TrendOptions struct {
	Themes []int // nil: all
	ByYear bool  // one point per year; else per dated document
	Conf   float64
}

// Trend fits each theme's rate over time (metrics.Trend); it needs every document's date.
func (s *Study) Trend(ctx context.Context, o TrendOptions) ([]metrics.TrendRow, error) {
	if err := s.RequireDates("a trend"); err != nil {
		return nil, err
	}
	if o.Conf == 0 {
		o.Conf = 0.95
	}
	docs, err := s.Tallies(ctx)
	if err != nil {
		return nil, err
	}
	return metrics.Trend(docs, s.themes(o.Themes), o.ByYear, o.Conf), nil
}
