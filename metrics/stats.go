package metrics

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Unit is one resampling unit of a bootstrap (a sentence or a document): its theme matches and
// its tokens.
type Unit struct{ Count, Tokens float64 }

// Rate returns 1000·Σcount/Σtokens over units: matches per 1,000 tokens (0 with no tokens).
func Rate(units []Unit) float64 {
	var c, n float64
	for _, u := range units {
		c += u.Count
		n += u.Tokens
	}
	if n == 0 {
		return 0
	}
	return 1000 * c / n
}

// BootstrapSeed derives the random stream of one bootstrap from the run's seed and a label
// (the theme and speaker), so that each row's interval depends only on the seed and its own
// data, not on which other rows were asked for.
func BootstrapSeed(seed uint64, label string) (uint64, uint64) {
	h := fnv.New64a()
	h.Write([]byte(label))
	return seed, h.Sum64()
}

// BootstrapDiff returns a percentile bootstrap interval for Rate(to) − Rate(from): reps times,
// each period's units are resampled with replacement (independently, each to its own size) and
// the difference of rates is recomputed; the interval is the (1−conf)/2 and (1+conf)/2 empirical
// quantiles of the replicates (stat.Quantile, Empirical: the smallest replicate whose rank is at
// least that fraction). The random stream is PCG(s1, s2), so equal inputs give equal intervals.
// With no units in a period it returns NaN, NaN.
func BootstrapDiff(from, to []Unit, reps int, s1, s2 uint64, conf float64) (lo, hi float64) {
	if len(from) == 0 || len(to) == 0 || reps < 1 {
		return math.NaN(), math.NaN()
	}
	rng := rand.New(rand.NewPCG(s1, s2))
	diffs := make([]float64, reps)
	sample := func(units []Unit) float64 {
		var c, n float64
		for range units {
			u := units[rng.IntN(len(units))]
			c += u.Count
			n += u.Tokens
		}
		if n == 0 {
			return 0
		}
		return 1000 * c / n
	}
	for i := range diffs {
		f := sample(from)
		diffs[i] = sample(to) - f
	}
	sort.Float64s(diffs)
	a := (1 - conf) / 2
	return stat.Quantile(a, stat.Empirical, diffs, nil), stat.Quantile(1-a, stat.Empirical, diffs, nil)
}

// OLS is an ordinary least squares line y = Intercept + Slope·x with a confidence interval for
// the slope.
type OLS struct {
	Intercept, Slope float64
	SlopeLow         float64 // Slope − t·SE
	SlopeHigh        float64 // Slope + t·SE
	N                int
}

// FitOLS fits y on x by least squares (gonum stat.LinearRegression). The slope's interval is
//
//	SE = √( Σ(yᵢ − ŷᵢ)² / (n−2) / Σ(xᵢ − x̄)² ),   slope ± t(1−(1−conf)/2; n−2)·SE
//
// with Student's t quantile. It needs n ≥ 3 points and two distinct x; ok is false otherwise.
func FitOLS(x, y []float64, conf float64) (OLS, bool) {
	n := len(x)
	if n < 3 || n != len(y) {
		return OLS{N: n}, false
	}
	mx := stat.Mean(x, nil)
	var sxx float64
	for _, v := range x {
		sxx += (v - mx) * (v - mx)
	}
	if sxx == 0 {
		return OLS{N: n}, false
	}
	a, b := stat.LinearRegression(x, y, nil, false)
	var rss float64
	for i := range x {
		r := y[i] - (a + b*x[i])
		rss += r * r
	}
	se := math.Sqrt(rss / float64(n-2) / sxx)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 2)}.Quantile(1 - (1-conf)/2)
	return OLS{Intercept: a, Slope: b, SlopeLow: b - t*se, SlopeHigh: b + t*se, N: n}, true
}

// KendallTauB returns Kendall's τ-b (the form of R's cor(method = "kendall") and SciPy's
// kendalltau), which corrects for ties:
//
//	τ-b = (nc − nd) / √((n0 − n1)(n0 − n2))
//
// nc and nd are the concordant and discordant pairs, n0 = n(n−1)/2, n1 and n2 the pairs tied in
// x and in y. NaN when either variable is constant or n < 2. (gonum's stat.Kendall is τ-a and
// counts a tie as concordant, which is why readout has its own.)
func KendallTauB(x, y []float64) float64 {
	n := len(x)
	var nc, nd, tx, ty float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			dx, dy := x[j]-x[i], y[j]-y[i]
			switch {
			case dx == 0 && dy == 0:
				tx++
				ty++
			case dx == 0:
				tx++
			case dy == 0:
				ty++
			case (dx > 0) == (dy > 0):
				nc++
			default:
				nd++
			}
		}
	}
	n0 := float64(n*(n-1)) / 2
	den := math.Sqrt((n0 - tx) * (n0 - ty))
	if den == 0 {
		return math.NaN()
	}
	return (nc - nd) / den
}
