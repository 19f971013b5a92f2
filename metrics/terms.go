package metrics

import (
	"sort"
	"strings"
)

// Word is a token for keyness: the key it is counted under (a stem, or a form that Rekey maps
// to one) and how it was written.
// A stop word (Stop) is counted in no n-gram: an n-gram that holds one is left out, and so are
// its positions from the totals.
type Word struct {
	Key, Surface string
	Stop         bool
}

// TermCounts holds the n-gram counts of a set of documents, with the surface forms behind each
// key and the number of n-gram positions for each n (the corpus size keyness divides by).
type TermCounts struct {
	Counts  map[string]int
	Surface map[string]map[string]int
	Totals  map[int]int // n → positions
	N       map[string]int
}

// NewTermCounts returns empty counts.
func NewTermCounts() *TermCounts {
	return &TermCounts{Counts: map[string]int{}, Surface: map[string]map[string]int{}, Totals: map[int]int{}, N: map[string]int{}}
}

// AddSentence counts the n-grams of one sentence for n from minN to maxN; n-grams do not cross
// sentences. A key is the words' keys joined by a space.
func (tc *TermCounts) AddSentence(words []Word, minN, maxN int) {
	for n := minN; n <= maxN; n++ {
	grams:
		for i := 0; i+n <= len(words); i++ {
			for j := i; j < i+n; j++ {
				if words[j].Stop {
					continue grams
				}
			}
			keys := make([]string, n)
			surf := make([]string, n)
			for j := 0; j < n; j++ {
				keys[j], surf[j] = words[i+j].Key, words[i+j].Surface
			}
			k := strings.Join(keys, " ")
			tc.Counts[k]++
			tc.N[k] = n
			if tc.Surface[k] == nil {
				tc.Surface[k] = map[string]int{}
			}
			tc.Surface[k][strings.Join(surf, " ")]++
			tc.Totals[n]++
		}
	}
}

// Rekey returns the counts with each word of each key mapped by key (the words of a key are
// separated by a space): the counts and surface forms of keys that map to one are summed; the
// totals stay. Counting forms and mapping them afterwards lets the key of a word depend on the
// other words of the texts counted (textproc.TermKey).
func (tc *TermCounts) Rekey(key func(string) string) *TermCounts {
	out := &TermCounts{Counts: make(map[string]int, len(tc.Counts)), Surface: make(map[string]map[string]int, len(tc.Counts)),
		Totals: tc.Totals, N: make(map[string]int, len(tc.Counts))}
	for k, c := range tc.Counts {
		words := strings.Split(k, " ")
		for i, w := range words {
			words[i] = key(w)
		}
		nk := strings.Join(words, " ")
		out.Counts[nk] += c
		out.N[nk] = tc.N[k]
		if out.Surface[nk] == nil {
			out.Surface[nk] = map[string]int{}
		}
		for f, n := range tc.Surface[k] {
			out.Surface[nk][f] += n
		}
	}
	return out
}

// Correction is a multiple-testing correction of keyness p-values.
type Correction string

// Corrections.
const (
	CorrectNone       Correction = "none"
	CorrectBonferroni Correction = "bonferroni"
	CorrectFDR        Correction = "fdr"
)

// KeyRow is one term's keyness, target against reference.
type KeyRow struct {
	Term                    string
	N                       int // words in the term
	A, B                    int // target and reference counts
	Nt, Nr                  int // target and reference sizes (n-gram positions of that n)
	G2, Chi2, LogRatio, LRC float64
	P, PAdjusted            float64 // from G²
	Surface                 []string
}

// Keyness compares every term with at least minCount occurrences in target and reference
// together: LogLikelihood, ChiSquared, LogRatio, and LRC at conf (Bonferroni-corrected over
// the terms tested unless corr is none), p = PValue(G²) and p adjusted by corr. Rows are
// sorted by G², largest first (positive keywords at the top, negative at the bottom), ties by
// term. Surface lists up to five forms behind the term, most frequent first.
func Keyness(target, ref *TermCounts, minCount int, corr Correction, conf float64) []KeyRow {
	keys := map[string]bool{}
	for k := range target.Counts {
		keys[k] = true
	}
	for k := range ref.Counts {
		keys[k] = true
	}
	var rows []KeyRow
	for k := range keys {
		a, b := target.Counts[k], ref.Counts[k]
		if a+b < minCount {
			continue
		}
		n := max(target.N[k], ref.N[k])
		rows = append(rows, KeyRow{Term: k, N: n, A: a, B: b, Nt: target.Totals[n], Nr: ref.Totals[n]})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Term < rows[j].Term })
	tests := 1
	if corr != CorrectNone {
		tests = len(rows)
	}
	ps := make([]float64, len(rows))
	for i := range rows {
		r := &rows[i]
		a, b, nt, nr := float64(r.A), float64(r.B), float64(r.Nt), float64(r.Nr)
		if nt == 0 || nr == 0 {
			continue
		}
		r.G2 = LogLikelihood(a, b, nt, nr)
		r.Chi2 = ChiSquared(a, b, nt, nr)
		r.LogRatio = LogRatio(a, b, nt, nr)
		r.LRC = LRC(a, b, nt, nr, conf, tests)
		r.P = PValue(r.G2)
		ps[i] = r.P
		r.Surface = topForms(target.Surface[r.Term], ref.Surface[r.Term], 5)
	}
	var adj []float64
	switch corr {
	case CorrectBonferroni:
		adj = Bonferroni(ps)
	case CorrectFDR:
		adj = BenjaminiHochberg(ps)
	default:
		adj = ps
	}
	for i := range rows {
		rows[i].PAdjusted = adj[i]
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].G2 != rows[j].G2 {
			return rows[i].G2 > rows[j].G2
		}
		return rows[i].Term < rows[j].Term
	})
	return rows
}

func topForms(a, b map[string]int, n int) []string {
	m := map[string]int{}
	for k, v := range a {
		m[k] += v
	}
	for k, v := range b {
		m[k] += v
	}
	forms := make([]string, 0, len(m))
	for k := range m {
		forms = append(forms, k)
	}
	sort.Slice(forms, func(i, j int) bool {
		if m[forms[i]] != m[forms[j]] {
			return m[forms[i]] > m[forms[j]]
		}
		return forms[i] < forms[j]
	})
	if len(forms) > n {
		forms = forms[:n]
	}
	return forms
}
