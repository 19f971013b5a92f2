package metrics

import (
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/readout/readout/textproc"
)

// SentenceTally is what the theme metrics need of one sentence.
type SentenceTally struct {
	Speaker string
	Tokens  int
	Themes  []ThemeCount // non-zero counts only, by theme index
}

// ThemeCount is a theme index and its number of matches.
type ThemeCount struct{ Theme, N int }

// DocTally is what the theme metrics need of one analysed document. Tallies of different
// documents are independent, so a corpus can be tallied in parallel and merged in order.
type DocTally struct {
	ID        string
	Date      time.Time // zero when unknown
	Sentences []SentenceTally
}

// Tokens returns the document's token count.
func (d *DocTally) Tokens() int {
	n := 0
	for _, s := range d.Sentences {
		n += s.Tokens
	}
	return n
}

// Tally summarises an analysed document against a lexicon.
func Tally(id string, date time.Time, a *textproc.Doc, lx *textproc.Lexicon) DocTally {
	d := DocTally{ID: id, Date: date, Sentences: make([]SentenceTally, len(a.Sentences))}
	for i, s := range a.Sentences {
		d.Sentences[i] = SentenceTally{Speaker: s.Speaker, Tokens: s.TokEnd - s.TokStart}
	}
	// Matches come in text order, so each sentence's counts are a run of one backing array.
	ms := a.Matches
	bySentence := func(x, y textproc.Match) int { return x.Sentence - y.Sentence }
	if !slices.IsSortedFunc(ms, bySentence) {
		ms = slices.Clone(ms)
		slices.SortStableFunc(ms, bySentence)
	}
	counts := make([]ThemeCount, 0, len(ms))
	start, cur := 0, -1
	for _, m := range ms {
		if m.Sentence != cur {
			if cur >= 0 {
				d.Sentences[cur].Themes = counts[start:len(counts):len(counts)]
			}
			start, cur = len(counts), m.Sentence
		}
		ti := lx.ThemeIndex(m.Theme)
		found := false
		for k := start; k < len(counts); k++ {
			if counts[k].Theme == ti {
				counts[k].N++
				found = true
			}
		}
		if !found {
			counts = append(counts, ThemeCount{ti, 1})
		}
	}
	if cur >= 0 {
		d.Sentences[cur].Themes = counts[start:len(counts):len(counts)]
	}
	return d
}

// GroupBy says which fields group theme counts.
type GroupBy struct{ Doc, Year, Speaker bool }

// GroupKey identifies one group; fields not grouped by are empty.
type GroupKey struct{ Doc, Year, Speaker string }

// ThemeRow is one group × theme.
type ThemeRow struct {
	Key            GroupKey
	Theme          int // theme index
	Count          int // matches of the theme in the group
	Sentences      int // sentences of the group with at least one match of the theme
	Tokens         int // tokens of the group
	TotalSentences int // sentences of the group
	Per1k          float64
	Share          float64
}

// ThemeTable counts theme matches per group.
//
//	per_1k = 1000 · count / tokens                  (0 when the group has no tokens)
//	share  = count / Σ_themes count                  (0 when the group has no matches)
//
// share is over all the lexicon's themes, whichever are shown. Groups are ordered by
// document (in the order of docs), then year (ascending), then speaker (in the order of
// speakers); themes by index, as listed in themes.
func ThemeTable(docs []DocTally, nThemes int, themes []int, by GroupBy, speakers []string) []ThemeRow {
	type agg struct {
		tokens, sentences int
		count, sents      []int
		total             int
	}
	groups := map[GroupKey]*agg{}
	docOrder := map[string]int{}
	for i, d := range docs {
		docOrder[d.ID] = i
		for _, s := range d.Sentences {
			k := GroupKey{}
			if by.Doc {
				k.Doc = d.ID
			}
			if by.Year {
				k.Year = strconv.Itoa(d.Date.Year())
			}
			if by.Speaker {
				k.Speaker = s.Speaker
			}
			g := groups[k]
			if g == nil {
				g = &agg{count: make([]int, nThemes), sents: make([]int, nThemes)}
				groups[k] = g
			}
			g.tokens += s.Tokens
			g.sentences++
			for _, tc := range s.Themes {
				g.count[tc.Theme] += tc.N
				g.sents[tc.Theme]++
				g.total += tc.N
			}
		}
	}
	spkOrder := map[string]int{}
	for i, s := range speakers {
		spkOrder[s] = i
	}
	keys := make([]GroupKey, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Doc != b.Doc {
			return docOrder[a.Doc] < docOrder[b.Doc]
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if spkOrder[a.Speaker] != spkOrder[b.Speaker] {
			return spkOrder[a.Speaker] < spkOrder[b.Speaker]
		}
		return a.Speaker < b.Speaker
	})
	var rows []ThemeRow
	for _, k := range keys {
		g := groups[k]
		for _, t := range themes {
			r := ThemeRow{Key: k, Theme: t, Count: g.count[t], Sentences: g.sents[t], Tokens: g.tokens, TotalSentences: g.sentences}
			if g.tokens > 0 {
				r.Per1k = 1000 * float64(r.Count) / float64(g.tokens)
			}
			if g.total > 0 {
				r.Share = float64(r.Count) / float64(g.total)
			}
			rows = append(rows, r)
		}
	}
	return rows
}
