package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
)

// resolvePeriods parses two period flags (empty: the earliest year against the latest) and
// returns the documents of each, checking that dates exist where needed, that named ids exist,
// and that the periods are not empty and do not share documents.
func resolvePeriods(c *corpus.Corpus, docs []metrics.DocTally, fromFlag, toFlag, fromName, toName string) (metrics.Period, metrics.Period, []metrics.DocTally, []metrics.DocTally, error) {
	var from, to metrics.Period
	var err error
	if (fromFlag == "") != (toFlag == "") {
		return from, to, nil, nil, usagef("give both %s and %s, or neither (the earliest year against the latest)", fromName, toName)
	}
	if fromFlag == "" {
		if err := requireDates(c, "comparing the earliest year with the latest"); err != nil {
			return from, to, nil, nil, err
		}
		if from, to, err = metrics.DefaultPeriods(docs); err != nil {
			return from, to, nil, nil, usageError{err}
		}
	} else {
		if from, err = metrics.ParsePeriod(fromFlag); err != nil {
			return from, to, nil, nil, usagef("%s: %v", fromName, err)
		}
		if to, err = metrics.ParsePeriod(toFlag); err != nil {
			return from, to, nil, nil, usagef("%s: %v", toName, err)
		}
	}
	known := map[string]bool{}
	for _, d := range c.Docs {
		known[d.ID] = true
	}
	for _, p := range []struct {
		flag string
		per  metrics.Period
	}{{fromName, from}, {toName, to}} {
		if p.per.NeedsDates() {
			if err := requireDates(c, "a period of dates ("+p.flag+" "+p.per.Label+")"); err != nil {
				return from, to, nil, nil, err
			}
		}
		for _, id := range p.per.IDs() {
			if !known[id] {
				return from, to, nil, nil, usagef("%s %s: no document has the id %q (see 'readout corpus')", p.flag, p.per.Label, id)
			}
		}
	}
	fd, td := from.Select(docs), to.Select(docs)
	span := dateSpan(c)
	if len(fd) == 0 {
		return from, to, nil, nil, usagef("%s %s selects no document (the corpus runs %s)", fromName, from.Label, span)
	}
	if len(td) == 0 {
		return from, to, nil, nil, usagef("%s %s selects no document (the corpus runs %s)", toName, to.Label, span)
	}
	in := map[string]bool{}
	for _, d := range fd {
		in[d.ID] = true
	}
	var both []string
	for _, d := range td {
		if in[d.ID] {
			both = append(both, d.ID)
		}
	}
	if len(both) > 0 {
		return from, to, nil, nil, usagef("%s and %s share documents (%s): a comparison needs two separate periods", fromName, toName, strings.Join(both, ", "))
	}
	return from, to, fd, td, nil
}

func dateSpan(c *corpus.Corpus) string {
	var dates []string
	for _, d := range c.Docs {
		if d.HasDate() {
			dates = append(dates, d.Date.Format("2006-01-02"))
		}
	}
	if len(dates) == 0 {
		return "with no dates"
	}
	sort.Strings(dates)
	return fmt.Sprintf("from %s to %s", dates[0], dates[len(dates)-1])
}

func docIDs(docs []metrics.DocTally) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out
}
