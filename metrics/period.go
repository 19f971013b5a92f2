package metrics

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Period selects documents: a year (2020), a year range (2020-2021), a date range
// (2022-02-01..2022-12-31), all inclusive, or a comma list of document ids.
type Period struct {
	Label    string
	from, to time.Time       // inclusive date bounds (for years and ranges)
	ids      map[string]bool // for an id list
}

var (
	reYear      = regexp.MustCompile(`^(\d{4})$`)
	reYearRange = regexp.MustCompile(`^(\d{4})-(\d{4})$`)
)

// ParsePeriod parses a --from, --to, --target or --reference value.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	p := Period{Label: s}
	switch {
	case s == "":
		return p, fmt.Errorf("empty period: give a year (2020), a year range (2020-2021), a date range (2022-02-01..2022-12-31) or document ids")
	case reYear.MatchString(s):
		y, _ := strconv.Atoi(s)
		p.from, p.to = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	case reYearRange.MatchString(s):
		m := reYearRange.FindStringSubmatch(s)
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if b < a {
			return p, fmt.Errorf("period %q ends before it starts", s)
		}
		p.from, p.to = time.Date(a, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(b, 12, 31, 0, 0, 0, 0, time.UTC)
	case strings.Contains(s, ".."):
		parts := strings.SplitN(s, "..", 2)
		a, err1 := time.Parse("2006-01-02", strings.TrimSpace(parts[0]))
		b, err2 := time.Parse("2006-01-02", strings.TrimSpace(parts[1]))
		if err1 != nil || err2 != nil {
			return p, fmt.Errorf("period %q: a date range is yyyy-mm-dd..yyyy-mm-dd", s)
		}
		if b.Before(a) {
			return p, fmt.Errorf("period %q ends before it starts", s)
		}
		p.from, p.to = a, b
	default:
		p.ids = map[string]bool{}
		for _, id := range strings.Split(s, ",") {
			if id = strings.TrimSpace(id); id != "" {
				p.ids[id] = true
			}
		}
	}
	return p, nil
}

// IDs returns the document ids of an id-list period (nil for date periods).
func (p Period) IDs() []string {
	var out []string
	for id := range p.ids {
		out = append(out, id)
	}
	return out
}

// NeedsDates reports whether the period selects by date.
func (p Period) NeedsDates() bool { return p.ids == nil }

// Contains reports whether a document belongs to the period.
func (p Period) Contains(id string, date time.Time) bool {
	if p.ids != nil {
		return p.ids[id]
	}
	return !date.IsZero() && !date.Before(p.from) && !date.After(p.to)
}

// Select returns the documents of the period, in order.
func (p Period) Select(docs []DocTally) []DocTally {
	var out []DocTally
	for _, d := range docs {
		if p.Contains(d.ID, d.Date) {
			out = append(out, d)
		}
	}
	return out
}

// DefaultPeriods returns the earliest year against the latest year of the dated documents.
func DefaultPeriods(docs []DocTally) (Period, Period, error) {
	first, last := 0, 0
	for _, d := range docs {
		if d.Date.IsZero() {
			continue
		}
		y := d.Date.Year()
		if first == 0 || y < first {
			first = y
		}
		if y > last {
			last = y
		}
	}
	if first == 0 || first == last {
		return Period{}, Period{}, fmt.Errorf("the corpus spans one year at most: give --from and --to (years, date ranges or document ids)")
	}
	a, _ := ParsePeriod(strconv.Itoa(first))
	b, _ := ParsePeriod(strconv.Itoa(last))
	return a, b, nil
}
