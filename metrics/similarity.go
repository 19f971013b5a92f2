package metrics

import (
	"math"
	"sort"
)

// Bag is a document's term counts.
type Bag map[string]float64

// TFIDF weights each document's counts by the smoothed inverse document frequency of
// scikit-learn's default (smooth_idf=True):
//
//	w(t, d) = tf(t, d) · idf(t),   idf(t) = ln((1 + D) / (1 + df(t))) + 1
//
// with tf the raw count, D the number of documents and df(t) the number containing t, natural
// log. The smoothed form keeps terms found in every document (idf = 1), which the unsmoothed
// ln(D/df) would zero out, a large loss on a corpus of a few articles.
func TFIDF(docs []Bag) []Bag {
	df := map[string]float64{}
	for _, d := range docs {
		for t := range d {
			df[t]++
		}
	}
	n := float64(len(docs))
	out := make([]Bag, len(docs))
	for i, d := range docs {
		w := Bag{}
		for t, c := range d {
			w[t] = c * (math.Log((1+n)/(1+df[t])) + 1)
		}
		out[i] = w
	}
	return out
}

// Cosine returns Σxy / (√Σx² √Σy²) over the union of terms; 0 when either vector is zero.
func Cosine(x, y Bag) float64 {
	var xy, xx, yy float64
	for _, t := range sortedKeys(x) {
		v := x[t]
		xx += v * v
		xy += v * y[t]
	}
	for _, t := range sortedKeys(y) {
		yy += y[t] * y[t]
	}
	if xx == 0 || yy == 0 {
		return 0
	}
	return xy / (math.Sqrt(xx) * math.Sqrt(yy))
}

// JensenShannon returns the Jensen–Shannon divergence of two documents' relative term
// frequencies, in base 2, so that it lies in [0, 1]:
//
//	JSD(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M),  M = ½(P + Q),  KL(P ‖ M) = Σ p·log₂(p/m), 0·log 0 = 0
//
// (gonum's stat.JensenShannon uses natural logs and lies in [0, ln 2].) It is 0 for identical
// distributions and 1 for disjoint ones; NaN when either document has no terms.
func JensenShannon(x, y Bag) float64 {
	var sx, sy float64
	for _, v := range x {
		sx += v
	}
	for _, v := range y {
		sy += v
	}
	if sx == 0 || sy == 0 {
		return math.NaN()
	}
	terms := map[string]bool{}
	for t := range x {
		terms[t] = true
	}
	for t := range y {
		terms[t] = true
	}
	keys := make([]string, 0, len(terms))
	for t := range terms {
		keys = append(keys, t)
	}
	sort.Strings(keys) // a fixed summation order keeps the last digits deterministic
	var js float64
	for _, t := range keys {
		p, q := x[t]/sx, y[t]/sy
		m := (p + q) / 2
		if p > 0 {
			js += p * math.Log2(p/m) / 2
		}
		if q > 0 {
			js += q * math.Log2(q/m) / 2
		}
	}
	return math.Min(1, math.Max(0, js))
}

func sortedKeys(b Bag) []string {
	keys := make([]string, 0, len(b))
	for k := range b {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TTR returns the type-token ratio V/N of a sequence of word types (0 for none).
func TTR(words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	seen := map[string]bool{}
	for _, w := range words {
		seen[w] = true
	}
	return float64(len(seen)) / float64(len(words))
}

// MATTR returns the moving-average type-token ratio (Covington & McFall 2010, as quanteda's
// textstat_lexdiv): the mean TTR of every window of `window` consecutive words. A text shorter
// than the window gets its TTR.
func MATTR(words []string, window int) float64 {
	n := len(words)
	if n == 0 {
		return 0
	}
	if n <= window {
		return TTR(words)
	}
	counts := map[string]int{}
	types := 0
	for _, w := range words[:window] {
		if counts[w] == 0 {
			types++
		}
		counts[w]++
	}
	sum := float64(types)
	for i := window; i < n; i++ {
		out := words[i-window]
		counts[out]--
		if counts[out] == 0 {
			types--
		}
		if counts[words[i]] == 0 {
			types++
		}
		counts[words[i]]++
		sum += float64(types)
	}
	return sum / float64(n-window+1) / float64(window)
}
