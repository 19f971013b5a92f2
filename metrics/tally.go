package metrics

import (
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/readout/readout/textproc"
)

// SentenceTally is what the theme metrics need of one sentence: its speaker, its tokens and
// (DocTally.SentenceThemes) its theme counts. It is small, as a corpus has millions.
type SentenceTally struct {
	Speaker   string
	Tokens    int32
	themesEnd uint32 // end of its counts in DocTally.themes; they start where the previous sentence's end
}

// ThemeCount is a theme index and its number of matches.
type ThemeCount struct{ Theme, N int32 }

// DocTally is what the theme metrics need of one analysed document. Tallies of different
// documents are independent, so a corpus can be tallied in parallel and merged in order.
type DocTally struct {
	ID        string
	Date      time.Time // zero when unknown
	Credit    string    // the agency the document is credited to (corpus.Document.Credit), "" when none
	Source    string    // the outlet (corpus.Document.Source), "" when unknown
	Language  string    // its language (ar, en …), "" when unknown
	Sentences []SentenceTally
	themes    []ThemeCount // every sentence's non-zero counts, sentence by sentence
}

// SentenceThemes returns sentence i's non-zero theme counts.
func (d *DocTally) SentenceThemes(i int) []ThemeCount {
	start := uint32(0)
	if i > 0 {
		start = d.Sentences[i-1].themesEnd
	}
	return d.themes[start:d.Sentences[i].themesEnd]
}

// Tokens returns the document's token count.
func (d *DocTally) Tokens() int {
	n := 0
	for _, s := range d.Sentences {
		n += int(s.Tokens)
	}
	return n
}

// Tally summarises an analysed document against a lexicon.
func Tally(id string, date time.Time, a *textproc.Doc, lx *textproc.Lexicon) DocTally {
	d := DocTally{ID: id, Date: date, Sentences: make([]SentenceTally, len(a.Sentences))}
	for i, s := range a.Sentences {
		d.Sentences[i] = SentenceTally{Speaker: s.Speaker, Tokens: int32(s.TokEnd - s.TokStart)}
	}
	// Matches come in text order, so each sentence's counts are a run of one array.
	ms := a.Matches
	bySentence := func(x, y textproc.Match) int { return x.Sentence - y.Sentence }
	if !slices.IsSortedFunc(ms, bySentence) {
		ms = slices.Clone(ms)
		slices.SortStableFunc(ms, bySentence)
	}
	counts := make([]ThemeCount, 0, len(ms))
	k, start := 0, 0 // the sentence whose counts are being made, and where they start
	for _, m := range ms {
		for k < m.Sentence { // close the sentences before the match's
			d.Sentences[k].themesEnd = uint32(len(counts))
			k++
			start = len(counts)
		}
		ti := int32(lx.ThemeIndex(m.Theme))
		found := false
		for c := start; c < len(counts); c++ {
			if counts[c].Theme == ti {
				counts[c].N++
				found = true
			}
		}
		if !found {
			counts = append(counts, ThemeCount{ti, 1})
		}
	}
	for ; k < len(d.Sentences); k++ {
		d.Sentences[k].themesEnd = uint32(len(counts))
	}
	d.themes = counts[:len(counts):len(counts)]
	return d
}

// GroupBy says which fields group theme counts.
type GroupBy struct{ Doc, Year, Month, Credit, Source, Language, Speaker bool }

// GroupKey identifies one group; fields not grouped by are empty.
type GroupKey struct{ Doc, Year, Month, Credit, Source, Language, Speaker string }

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
	totals := make([]DocTotals, len(docs))
	for i := range docs {
		totals[i] = Totals(&docs[i])
	}
	return ThemeTableOf(totals, nThemes, themes, by, speakers)
}

// DocTotals are a document's theme counts summed per speaker: what ThemeTable needs of it, in
// a fraction of a DocTally's memory.
type DocTotals struct {
	ID       string
	Date     time.Time
	Credit   string
	Source   string
	Language string
	Speakers []SpeakerTotals // in order of first sentence
}

// SpeakerTotals are one speaker's sentences and tokens in a document, and their theme counts.
type SpeakerTotals struct {
	Speaker           string
	Sentences, Tokens int
	Themes            []ThemeTotal // non-zero, by theme index
}

// ThemeTotal is a theme's matches and the sentences that have them.
type ThemeTotal struct{ Theme, Count, Sentences int32 }

// Totals sums a document's tally per speaker.
func Totals(d *DocTally) DocTotals {
	t := DocTotals{ID: d.ID, Date: d.Date, Credit: d.Credit, Source: d.Source, Language: d.Language}
	for si, s := range d.Sentences {
		k := -1
		for i := range t.Speakers {
			if t.Speakers[i].Speaker == s.Speaker {
				k = i
			}
		}
		if k < 0 {
			t.Speakers = append(t.Speakers, SpeakerTotals{Speaker: s.Speaker})
			k = len(t.Speakers) - 1
		}
		st := &t.Speakers[k]
		st.Sentences++
		st.Tokens += int(s.Tokens)
		for _, tc := range d.SentenceThemes(si) {
			found := false
			for i := range st.Themes {
				if st.Themes[i].Theme == tc.Theme {
					st.Themes[i].Count += tc.N
					st.Themes[i].Sentences++
					found = true
				}
			}
			if !found {
				st.Themes = append(st.Themes, ThemeTotal{tc.Theme, tc.N, 1})
			}
		}
	}
	return t
}

// orNone is a group's name for an empty field.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// ThemeTableOf is ThemeTable from documents' totals.
func ThemeTableOf(docs []DocTotals, nThemes int, themes []int, by GroupBy, speakers []string) []ThemeRow {
	type agg struct {
		tokens, sentences int
		count, sents      []int
		total             int
	}
	groups := map[GroupKey]*agg{}
	docOrder := map[string]int{}
	for i, d := range docs {
		docOrder[d.ID] = i
		for _, s := range d.Speakers {
			k := GroupKey{}
			if by.Doc {
				k.Doc = d.ID
			}
			if by.Year {
				k.Year = strconv.Itoa(d.Date.Year())
			}
			if by.Month {
				k.Month = d.Date.Format("2006-01")
			}
			if by.Credit {
				k.Credit = orNone(d.Credit)
			}
			if by.Source {
				k.Source = orNone(d.Source)
			}
			if by.Language {
				k.Language = orNone(d.Language)
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
			g.sentences += s.Sentences
			for _, tc := range s.Themes {
				g.count[tc.Theme] += int(tc.Count)
				g.sents[tc.Theme] += int(tc.Sentences)
				g.total += int(tc.Count)
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
		if a.Month != b.Month {
			return a.Month < b.Month
		}
		if a.Credit != b.Credit {
			return a.Credit < b.Credit
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Language != b.Language {
			return a.Language < b.Language
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
