package study

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
)

// PeriodPair names two periods to compare: Spec is a year (2020), a year range (2020-2021), a
// date range (2022-02-01..2022-12-31) or a comma list of document ids; both empty mean the
// earliest year against the latest. The names are the options' names for messages ("--from",
// "--reference"); by default "from" and "to".
type PeriodPair struct {
	From, To         string
	FromName, ToName string
}

// Periods are two resolved, non-empty periods that share no document, with their documents in
// date order (as corpus indices).
type Periods struct {
	From, To         metrics.Period
	FromDocs, ToDocs []int
}

// IDs returns the document ids of a set of corpus indices.
func (s *Study) IDs(docs []int) []string {
	out := make([]string, len(docs))
	for k, i := range docs {
		out[k] = s.c.Docs[i].ID
	}
	return out
}

// Periods resolves two periods, checking that dates exist where needed, that named ids exist,
// and that the periods are not empty and share no document.
func (s *Study) Periods(p PeriodPair) (Periods, error) {
	fromName, toName := p.FromName, p.ToName
	if fromName == "" {
		fromName = "from"
	}
	if toName == "" {
		toName = "to"
	}
	var out Periods
	var err error
	if (p.From == "") != (p.To == "") {
		return out, optionErr("give both %s and %s, or neither (the earliest year against the latest)", fromName, toName)
	}
	// the documents as the metrics see them: ids and dates, in date order
	order := s.byDate()
	docs := make([]metrics.DocTally, len(order))
	for k, i := range order {
		docs[k] = metrics.DocTally{ID: s.c.Docs[i].ID, Date: s.c.Docs[i].Date, Credit: s.c.Docs[i].Credit}
	}
	if p.From == "" {
		if err := s.RequireDates("comparing the earliest year with the latest"); err != nil {
			return out, err
		}
		if out.From, out.To, err = metrics.DefaultPeriods(docs); err != nil {
			return out, &OptionError{Err: err}
		}
	} else {
		if out.From, err = metrics.ParsePeriod(p.From); err != nil {
			return out, optionErr("%s: %v", fromName, err)
		}
		if out.To, err = metrics.ParsePeriod(p.To); err != nil {
			return out, optionErr("%s: %v", toName, err)
		}
	}
	known := map[string]bool{}
	for _, d := range s.c.Docs {
		known[d.ID] = true
	}
	for _, q := range []struct {
		name string
		per  metrics.Period
	}{{fromName, out.From}, {toName, out.To}} {
		if q.per.NeedsDates() {
			if err := s.RequireDates("a period of dates (" + q.name + " " + q.per.Label + ")"); err != nil {
				return out, err
			}
		}
		for _, id := range q.per.IDs() {
			if !known[id] {
				return out, optionErr("%s %s: no document has the id %q (see 'readout corpus')", q.name, q.per.Label, id)
			}
		}
	}
	for k, i := range order {
		d := docs[k]
		if out.From.Contains(d.ID, d.Date) {
			out.FromDocs = append(out.FromDocs, i)
		}
		if out.To.Contains(d.ID, d.Date) {
			out.ToDocs = append(out.ToDocs, i)
		}
	}
	span := s.dateSpan()
	if len(out.FromDocs) == 0 {
		return out, optionErr("%s %s selects no document (the corpus runs %s)", fromName, out.From.Label, span)
	}
	if len(out.ToDocs) == 0 {
		return out, optionErr("%s %s selects no document (the corpus runs %s)", toName, out.To.Label, span)
	}
	in := map[int]bool{}
	for _, i := range out.FromDocs {
		in[i] = true
	}
	var both []string
	for _, i := range out.ToDocs {
		if in[i] {
			both = append(both, s.c.Docs[i].ID)
		}
	}
	if len(both) > 0 {
		return out, optionErr("%s and %s share documents (%s): a comparison needs two separate periods", fromName, toName, strings.Join(both, ", "))
	}
	return out, nil
}

func (s *Study) dateSpan() string {
	var dates []string
	for _, d := range s.c.Docs {
		if d.HasDate() {
			dates = append(dates, d.Date.Format(time.DateOnly))
		}
	}
	if len(dates) == 0 {
		return "with no dates"
	}
	sort.Strings(dates)
	return fmt.Sprintf("from %s to %s", dates[0], dates[len(dates)-1])
}

// pick returns the tallies of the corpus indices.
func pick(tallies []metrics.DocTally, docs []int) []metrics.DocTally {
	out := make([]metrics.DocTally, len(docs))
	for k, i := range docs {
		out[k] = tallies[i]
	}
	return out
}

// PeriodLanguages counts the Arabic and English documents of each period.
func (s *Study) PeriodLanguages(p Periods) (fromAR, fromEN, toAR, toEN int) {
	count := func(docs []int) (ar, en int) {
		for _, i := range docs {
			switch s.c.Docs[i].Language {
			case corpus.Arabic:
				ar++
			case corpus.English:
				en++
			}
		}
		return ar, en
	}
	fromAR, fromEN = count(p.FromDocs)
	toAR, toEN = count(p.ToDocs)
	return fromAR, fromEN, toAR, toEN
}

// NeedDates reports whether the periods select documents by date (as the default periods do):
// Options.DatedOnly then leaves the undated documents out rather than failing on them.
func (p PeriodPair) NeedDates() bool {
	if p.From == "" || p.To == "" {
		return true
	}
	for _, q := range []string{p.From, p.To} {
		if per, err := metrics.ParsePeriod(q); err == nil && per.NeedsDates() {
			return true
		}
	}
	return false
}

// OrderWarning says, for shift and keyness, when two periods are given later one first (the
// change is read backwards) or when documents dated between them are in neither; "" otherwise.
func (s *Study) OrderWarning(p Periods) string {
	reversed, between := s.PeriodOrder(p)
	switch {
	case reversed:
		return fmt.Sprintf("%s comes after %s: every change is read from the later period to the earlier one (give the earlier period first to read it forwards)", p.From.Label, p.To.Label)
	case len(between) > 0:
		ids := strings.Join(s.IDs(between[:min(3, len(between))]), ", ")
		if len(between) > 3 {
			ids += " …"
		}
		return fmt.Sprintf("%d document(s) dated between %s and %s are in neither period (%s)", len(between), p.From.Label, p.To.Label, ids)
	}
	return ""
}

// LanguagesDiffer reports whether one period has documents in a language the other has none
// in, from PeriodLanguages' counts.
func LanguagesDiffer(fromAR, fromEN, toAR, toEN int) bool {
	return (fromAR > 0) != (toAR > 0) || (fromEN > 0) != (toEN > 0)
}

// LanguageShift says, when one period has documents in a language the other has none in, what
// comparing them can show: theme rates compare across languages (the lexicon's terms are in
// both), keyness and wording do not (they compare words). "" when the languages match.
func (s *Study) LanguageShift(p Periods) string {
	fa, fe, ta, te := s.PeriodLanguages(p)
	if !LanguagesDiffer(fa, fe, ta, te) {
		return ""
	}
	return fmt.Sprintf("the periods differ in language (%s: %d Arabic, %d English; %s: %d Arabic, %d English): theme rates compare "+
		"across languages, keyness and wording do not (they compare words, and the words differ with the language)",
		p.From.Label, fa, fe, p.To.Label, ta, te)
}

// PeriodOrder says how the corpus's dated documents lie around two periods: reversed when
// every document of from is dated after every one of to (the change is then read backwards),
// and between, the documents dated between the two that are in neither (a year the default
// comparison of the first year with the last leaves out, or that falls between two documents of
// a period given by id).
func (s *Study) PeriodOrder(p Periods) (reversed bool, between []int) {
	dates := func(docs []int) (lo, hi time.Time, ok bool) {
		for _, i := range docs {
			d := s.c.Docs[i]
			if !d.HasDate() {
				continue
			}
			if !ok || d.Date.Before(lo) {
				lo = d.Date
			}
			if !ok || d.Date.After(hi) {
				hi = d.Date
			}
			ok = true
		}
		return lo, hi, ok
	}
	flo, _, ok1 := dates(p.FromDocs)
	_, thi, ok2 := dates(p.ToDocs)
	if !ok1 || !ok2 {
		return false, nil
	}
	if flo.After(thi) {
		return true, nil
	}
	in := map[int]bool{}
	for _, i := range append(slices.Clone(p.FromDocs), p.ToDocs...) {
		in[i] = true
	}
	for i, d := range s.c.Docs {
		// dated within the span the two periods cover (between them, or between two documents
		// of one period given by id) and in neither
		if !in[i] && d.HasDate() && d.Date.After(flo) && d.Date.Before(thi) {
			between = append(between, i)
		}
	}
	return false, between
}
