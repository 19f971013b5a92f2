package metrics

import (
	"fmt"
	"math"
)

// ShiftOptions set the bootstrap of Shift.
type ShiftOptions struct {
	Reps int     // bootstrap replicates (2000 by default in the CLI)
	Seed uint64  // the run's seed
	Conf float64 // confidence level of the interval (0.95)
}

// ShiftRow is the change of one theme (for one speaker, or all) between two periods.
type ShiftRow struct {
	Theme                int
	Speaker              string // "" for all speakers
	FromCount, ToCount   int
	FromTokens, ToTokens int
	FromDocs, ToDocs     int
	FromRate, ToRate     float64 // per 1,000 tokens
	Diff                 float64 // ToRate − FromRate
	DiffLow, DiffHigh    float64 // bootstrap interval of Diff
	Bootstrap            string  // "documents" or "sentences": the resampled unit
	LogRatio, G2, P      float64
	Warnings             []string
}

// MinDocsForDocBootstrap is the number of documents each period needs for the bootstrap to
// resample documents rather than sentences.
const MinDocsForDocBootstrap = 3

// Shift compares the rate of each theme between two periods:
//
//	from_rate = 1000 · from_count / from_tokens,  to_rate likewise,  diff = to_rate − from_rate
//	log_ratio = LogRatio(to_count, from_count, to_tokens, from_tokens)     (to is the target)
//	g2 = LogLikelihood(to_count, from_count, to_tokens, from_tokens),  p = PValue(g2)
//
// The interval of diff is BootstrapDiff over documents when each period has at least
// MinDocsForDocBootstrap documents, and over sentences otherwise. Counts and tokens are those
// of the speaker's sentences when speaker is not "". Warnings say what an analyst should know
// before citing the row.
func Shift(from, to []DocTally, themes []int, themeIDs []string, speaker string, opt ShiftOptions) []ShiftRow {
	var rows []ShiftRow
	for _, t := range themes {
		r := ShiftRow{Theme: t, Speaker: speaker, FromDocs: len(from), ToDocs: len(to)}
		fs, fd := units(from, t, speaker)
		ts, td := units(to, t, speaker)
		r.FromCount, r.FromTokens = sum(fs)
		r.ToCount, r.ToTokens = sum(ts)
		r.FromRate, r.ToRate = Rate(fs), Rate(ts)
		r.Diff = r.ToRate - r.FromRate
		s1, s2 := BootstrapSeed(opt.Seed, themeIDs[t]+"/"+speaker)
		if len(from) >= MinDocsForDocBootstrap && len(to) >= MinDocsForDocBootstrap {
			r.Bootstrap = "documents"
			r.DiffLow, r.DiffHigh = BootstrapDiff(fd, td, opt.Reps, s1, s2, opt.Conf)
		} else {
			r.Bootstrap = "sentences"
			r.DiffLow, r.DiffHigh = BootstrapDiff(fs, ts, opt.Reps, s1, s2, opt.Conf)
		}
		a, b := float64(r.ToCount), float64(r.FromCount)
		nt, nr := float64(r.ToTokens), float64(r.FromTokens)
		if nt > 0 && nr > 0 {
			r.LogRatio = LogRatio(a, b, nt, nr)
			r.G2 = LogLikelihood(a, b, nt, nr)
			r.P = PValue(r.G2)
		} else {
			r.LogRatio, r.G2, r.P = math.NaN(), math.NaN(), math.NaN()
		}
		r.Warnings = shiftWarnings(r, from, to, t, speaker)
		rows = append(rows, r)
	}
	return rows
}

// units returns a period's sentence units and document units for one theme and speaker.
func units(docs []DocTally, theme int, speaker string) (sents, docUnits []Unit) {
	for _, d := range docs {
		var du Unit
		for si, s := range d.Sentences {
			if speaker != "" && s.Speaker != speaker {
				continue
			}
			u := Unit{Tokens: float64(s.Tokens)}
			for _, tc := range d.SentenceThemes(si) {
				if int(tc.Theme) == theme {
					u.Count = float64(tc.N)
				}
			}
			sents = append(sents, u)
			du.Count += u.Count
			du.Tokens += u.Tokens
		}
		if du.Tokens > 0 {
			docUnits = append(docUnits, du)
		}
	}
	return sents, docUnits
}

func sum(us []Unit) (int, int) {
	var c, n float64
	for _, u := range us {
		c += u.Count
		n += u.Tokens
	}
	return int(c), int(n)
}

func shiftWarnings(r ShiftRow, from, to []DocTally, theme int, speaker string) []string {
	w := []string{}
	if r.FromTokens == 0 || r.ToTokens == 0 {
		return append(w, "a period has no tokens for this selection: nothing to compare")
	}
	for _, p := range []struct {
		name string
		n    int
	}{{"from", len(from)}, {"to", len(to)}} {
		if p.n < MinDocsForDocBootstrap {
			w = append(w, fmt.Sprintf("only %d document(s) in the %s period: the interval resamples sentences and ignores differences between articles", p.n, p.name))
		}
	}
	total := r.FromCount + r.ToCount
	switch {
	case total == 0:
		w = append(w, "no matches in either period")
	case total < 5:
		w = append(w, fmt.Sprintf("fewer than 5 matches in the two periods together (%d)", total))
	}
	if total > 0 {
		_, _, _, e11, e12, _, _ := table(float64(r.ToCount), float64(r.FromCount), float64(r.ToTokens), float64(r.FromTokens))
		if math.Min(e11, e12) < 5 {
			w = append(w, "an expected count is below 5: the G² p-value is approximate")
		}
	}
	if r.Diff != 0 {
		// Leaving one document out: the period's sums less its own (sums of whole numbers, so
		// exact, and the same rates as recomputing without it, in linear time).
		fd, ft := docSums(from, theme, speaker)
		td, tt := docSums(to, theme, speaker)
		rate := func(c, n float64) float64 {
			if n == 0 {
				return 0
			}
			return 1000 * c / n
		}
		check := func(id string, f, t docSum) {
			if f.sents == 0 || t.sents == 0 {
				return
			}
			if d := rate(t.c, t.n) - rate(f.c, f.n); d*r.Diff < 0 || d == 0 {
				w = append(w, fmt.Sprintf("the change vanishes or reverses when %s is left out", id))
			}
		}
		for i, d := range fd {
			check(from[i].ID, ft.less(d), tt)
		}
		for i, d := range td {
			check(to[i].ID, ft, tt.less(d))
		}
	}
	if !math.IsNaN(r.DiffLow) && r.DiffLow <= 0 && r.DiffHigh >= 0 && r.Diff != 0 {
		w = append(w, "the interval includes 0")
	}
	return w
}

// docSum is a document's (or a period's) matches, tokens and sentences of one theme and
// speaker.
type docSum struct {
	c, n  float64
	sents int
}

func (a docSum) less(b docSum) docSum { return docSum{a.c - b.c, a.n - b.n, a.sents - b.sents} }

// docSums returns each document's sums and the period's.
func docSums(docs []DocTally, theme int, speaker string) ([]docSum, docSum) {
	out := make([]docSum, len(docs))
	var all docSum
	for i, d := range docs {
		for si, s := range d.Sentences {
			if speaker != "" && s.Speaker != speaker {
				continue
			}
			out[i].sents++
			out[i].n += float64(s.Tokens)
			for _, tc := range d.SentenceThemes(si) {
				if int(tc.Theme) == theme {
					out[i].c += float64(tc.N)
				}
			}
		}
		all.c, all.n, all.sents = all.c+out[i].c, all.n+out[i].n, all.sents+out[i].sents
	}
	return out, all
}
