package metrics

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// TrendPoint is one time point of a theme's rate series.
type TrendPoint struct {
	Label  string  `json:"period"` // the year, or the document id
	X      float64 `json:"x"`      // the year, or the document's date as a decimal year
	Count  int     `json:"count"`
	Tokens int     `json:"tokens"`
	Rate   float64 `json:"per_1k"`
}

// Series is a rate series; it prints as "2020=9.058; 2022=4.662" in tables and CSV.
type Series []TrendPoint

func (s Series) String() string {
	out := ""
	for i, p := range s {
		if i > 0 {
			out += "; "
		}
		out += p.Label + "=" + strconv.FormatFloat(p.Rate, 'f', 3, 64)
	}
	return out
}

// TrendRow is a theme's rate over time with its fitted trend.
type TrendRow struct {
	Theme  int
	Points Series
	Fit    OLS     // slope per year, with its interval
	Tau    float64 // Kendall's τ-b of rate against time
	OK     bool    // false below three time points
	Status string
}

// MinTrendPoints is the fewest time points a trend is fitted on.
const MinTrendPoints = 3

// DecimalYear returns year + (day of year − 1)/(days in the year).
func DecimalYear(t time.Time) float64 {
	days := 365.0
	if time.Date(t.Year(), 12, 31, 0, 0, 0, 0, time.UTC).YearDay() == 366 {
		days = 366
	}
	return float64(t.Year()) + float64(t.YearDay()-1)/days
}

// Trend returns each theme's rate series, one point per year (byYear) or per document (dated
// documents, by date), and fits rate = a + slope·x by FitOLS (x in years, so the slope is per
// 1,000 tokens per year), with Kendall's τ-b of rate against x. Below MinTrendPoints points the
// row says "insufficient data".
func Trend(docs []DocTally, themes []int, byYear bool, conf float64) []TrendRow {
	var rows []TrendRow
	for k, points := range TrendPoints(docs, themes, byYear) {
		r := TrendRow{Theme: themes[k], Tau: math.NaN(), Points: points}
		var xs, ys []float64
		for _, p := range points {
			xs, ys = append(xs, p.X), append(ys, p.Rate)
		}
		if len(r.Points) < MinTrendPoints {
			r.Status = fmt.Sprintf("insufficient data: %d time point(s), %d needed", len(r.Points), MinTrendPoints)
			r.Fit = OLS{Slope: math.NaN(), SlopeLow: math.NaN(), SlopeHigh: math.NaN(), N: len(r.Points)}
		} else if fit, ok := FitOLS(xs, ys, conf); ok {
			r.Fit, r.OK, r.Status = fit, true, "ok"
			r.Tau = KendallTauB(xs, ys)
		} else {
			r.Status = "insufficient data: all points at one time"
			r.Fit = OLS{Slope: math.NaN(), SlopeLow: math.NaN(), SlopeHigh: math.NaN(), N: len(r.Points)}
		}
		rows = append(rows, r)
	}
	return rows
}

// TrendPoints returns Trend's rate series without the fits: one series per theme, in the order
// of themes.
func TrendPoints(docs []DocTally, themes []int, byYear bool) []Series {
	type bucket struct {
		label  string
		x      float64
		counts map[int]int
		tokens int
	}
	var buckets []*bucket
	byLabel := map[string]*bucket{}
	for _, d := range docs {
		if d.Date.IsZero() {
			continue
		}
		label, x := d.ID, DecimalYear(d.Date)
		if byYear {
			label, x = strconv.Itoa(d.Date.Year()), float64(d.Date.Year())
		}
		b := byLabel[label]
		if b == nil {
			b = &bucket{label: label, x: x, counts: map[int]int{}}
			byLabel[label] = b
			buckets = append(buckets, b)
		}
		for si, s := range d.Sentences {
			b.tokens += int(s.Tokens)
			for _, tc := range d.SentenceThemes(si) {
				b.counts[int(tc.Theme)] += int(tc.N)
			}
		}
	}
	out := make([]Series, len(themes))
	for k, t := range themes {
		for _, b := range buckets {
			p := TrendPoint{Label: b.label, X: b.x, Count: b.counts[t], Tokens: b.tokens}
			if b.tokens > 0 {
				p.Rate = 1000 * float64(p.Count) / float64(b.tokens)
			}
			out[k] = append(out[k], p)
		}
	}
	return out
}
