package study

import (
	"fmt"
	"time"

	"github.com/readout/readout/metrics"
)

// MaxColumns is the most documents a chart or a table of the report shows one by one; past it
// they are shown by period (month, quarter, year, or several years), the finest period that
// gives at most MaxColumns of them. Every document's numbers stay in data/.
const MaxColumns = 16

// A Group is documents shown together: one document, or the documents of a period.
type Group struct {
	Label string
	X     float64 // its place in time, a decimal year (the period's middle)
	Docs  []int   // indices into the date-ordered tallies
	Doc   bool    // one document, labelled by its id
}

// periodUnit is a way of cutting time into periods.
type periodUnit struct {
	name  string
	key   func(t time.Time) string
	start func(t time.Time) time.Time
	next  func(t time.Time) time.Time
}

var periodUnits = []periodUnit{
	{"month", func(t time.Time) string { return t.Format("2006-01") },
		func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) },
		func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
	{"quarter", func(t time.Time) string { return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3) },
		func(t time.Time) time.Time {
			return time.Date(t.Year(), time.Month(3*((int(t.Month())-1)/3)+1), 1, 0, 0, 0, 0, time.UTC)
		},
		func(t time.Time) time.Time { return t.AddDate(0, 3, 0) }},
	{"year", func(t time.Time) string { return fmt.Sprint(t.Year()) },
		func(t time.Time) time.Time { return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC) },
		func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
}

func yearsUnit(n int) periodUnit {
	first := func(t time.Time) int { return t.Year() - t.Year()%n }
	return periodUnit{fmt.Sprintf("%d years", n), func(t time.Time) string { return fmt.Sprintf("%d–%d", first(t), first(t)+n-1) },
		func(t time.Time) time.Time { return time.Date(first(t), 1, 1, 0, 0, 0, 0, time.UTC) },
		func(t time.Time) time.Time { return t.AddDate(n, 0, 0) }}
}

// groupDocs groups dated tallies (in date order) for display: each document when there are at
// most max, else by the finest period that gives at most max groups.
func groupDocs(docs []metrics.DocTally, max int) []Group {
	if len(docs) <= max {
		out := make([]Group, len(docs))
		for i, d := range docs {
			out[i] = Group{Label: d.ID, X: metrics.DecimalYear(d.Date), Docs: []int{i}, Doc: true}
		}
		return out
	}
	units := append(append([]periodUnit(nil), periodUnits...), yearsUnit(2), yearsUnit(5), yearsUnit(10), yearsUnit(50), yearsUnit(1000))
	for _, u := range units {
		var out []Group
		for i, d := range docs {
			k := u.key(d.Date)
			if len(out) == 0 || out[len(out)-1].Label != k {
				start := u.start(d.Date)
				mid := (metrics.DecimalYear(start) + metrics.DecimalYear(u.next(start))) / 2
				out = append(out, Group{Label: k, X: mid})
			}
			out[len(out)-1].Docs = append(out[len(out)-1].Docs, i)
		}
		if len(out) <= max {
			return out
		}
	}
	return nil // not reached: a thousand-year period holds every date
}

// groupRates returns each group's mentions of theme per 1,000 tokens.
func groupRates(docs []metrics.DocTally, groups []Group, theme int) []float64 {
	out := make([]float64, len(groups))
	for g, gr := range groups {
		count, tokens := 0, 0
		for _, i := range gr.Docs {
			for si, s := range docs[i].Sentences {
				tokens += int(s.Tokens)
				for _, tc := range docs[i].SentenceThemes(si) {
					if int(tc.Theme) == theme {
						count += int(tc.N)
					}
				}
			}
		}
		if tokens > 0 {
			out[g] = 1000 * float64(count) / float64(tokens)
		}
	}
	return out
}
