package metrics

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// The keyness functions take a term's count a in the target corpus of nt tokens and b in the
// reference corpus of nr tokens, and build the 2×2 table
//
//	        target   reference
//	term    a        b
//	other   c=nt−a   d=nr−b         N = nt + nr
//
// with expected counts E11 = (a+b)(a+c)/N, E12 = (a+b)(b+d)/N, E21 = (c+d)(a+c)/N,
// E22 = (c+d)(b+d)/N. Signed statistics are positive when the term is relatively more frequent
// in the target (a > E11). They panic if a > nt or b > nr (a programming error).

func table(a, b, nt, nr float64) (c, d, n, e11, e12, e21, e22 float64) {
	if a > nt || b > nr || a < 0 || b < 0 {
		panic("metrics: keyness count larger than its corpus")
	}
	c, d, n = nt-a, nr-b, nt+nr
	e11 = (a + b) * (a + c) / n
	e12 = (a + b) * (b + d) / n
	e21 = (c + d) * (a + c) / n
	e22 = (c + d) * (b + d) / n
	return
}

func sign(a, e11 float64) float64 {
	if a < e11 {
		return -1
	}
	return 1
}

// LogLikelihood returns the signed 4-cell log-likelihood G² (Dunning 1993; the form of AntConc
// 4 and Evert's reference code):
//
//	G² = 2 Σ O·ln(O/E)   over the four cells; a cell with O = 0 contributes 0
//
// natural logarithm. G² ≥ 0 before signing. Returns 0 when a + b = 0.
func LogLikelihood(a, b, nt, nr float64) float64 {
	if a+b == 0 || nt == 0 || nr == 0 {
		return 0
	}
	c, d, _, e11, e12, e21, e22 := table(a, b, nt, nr)
	g := 0.0
	for _, oe := range [][2]float64{{a, e11}, {b, e12}, {c, e21}, {d, e22}} {
		if oe[0] > 0 {
			g += oe[0] * math.Log(oe[0]/oe[1])
		}
	}
	g = math.Max(0, 2*g) // rounding can leave -1e-16
	return sign(a, e11) * g
}

// ChiSquared returns the signed Pearson χ² of the 2×2 table with quanteda's continuity rule:
//
//	χ² = N (|ad − bc| − N·δ)² / ((a+b)(c+d)(a+c)(b+d))
//
// where δ = 0.5 (Yates) when some expected cell is below 5 and |ad − bc| ≥ N/2, and δ = 0
// otherwise. Returns 0 when a + b = 0.
func ChiSquared(a, b, nt, nr float64) float64 {
	if a+b == 0 || nt == 0 || nr == 0 {
		return 0
	}
	c, d, n, e11, e12, e21, e22 := table(a, b, nt, nr)
	delta := 0.0
	if math.Min(math.Min(e11, e12), math.Min(e21, e22)) < 5 && math.Abs(a*d-b*c) >= n/2 {
		delta = 0.5
	}
	den := (a + b) * (c + d) * (a + c) * (b + d)
	if den == 0 {
		return 0
	}
	x := n * math.Pow(math.Abs(a*d-b*c)-n*delta, 2) / den
	return sign(a, e11) * x
}

// LogRatio returns Hardie's (2014) Log Ratio, the binary log of the ratio of relative
// frequencies:
//
//	log₂((a/nt) / (b/nr))
//
// with a zero count replaced by 0.5 (as CQPweb and Evert). 0 means the same rate, +1 twice as
// frequent in the target. Returns 0 when a = b = 0.
func LogRatio(a, b, nt, nr float64) float64 {
	if a == 0 && b == 0 {
		return 0
	}
	if a == 0 {
		a = 0.5
	}
	if b == 0 {
		b = 0.5
	}
	return math.Log2((a / nt) / (b / nr))
}

// LRC returns Evert's conservative Log Ratio: the end of a Clopper–Pearson confidence interval
// for the target's share k = a of n = a + b, turned into a log ratio of rates and clipped at 0:
//
//	α = (1 − conf)/2, divided by tests (Bonferroni; pass tests = 1 for no correction)
//	L = Beta(k, n−k+1) quantile α;  U = Beta(k+1, n−k) quantile 1−α   (L = 0 if k = 0; U = 1 if k = n)
//	LRC = max(0, log₂((nr/nt)·L/(1−L)))   if a/nt > b/nr
//	LRC = min(0, log₂((nr/nt)·U/(1−U)))   otherwise
//
// 0 means the difference is not significant at that level. Returns 0 when a + b = 0.
func LRC(a, b, nt, nr, conf float64, tests int) float64 {
	n := a + b
	if n == 0 {
		return 0
	}
	alpha := (1 - conf) / 2 / float64(max(tests, 1))
	if a/nt > b/nr {
		l := 0.0
		if a > 0 {
			l = distuv.Beta{Alpha: a, Beta: n - a + 1}.Quantile(alpha)
		}
		if l <= 0 {
			return 0
		}
		return math.Max(0, math.Log2(nr/nt*l/(1-l)))
	}
	u := 1.0
	if a < n {
		u = distuv.Beta{Alpha: a + 1, Beta: n - a}.Quantile(1 - alpha)
	}
	if u >= 1 {
		return 0
	}
	return math.Min(0, math.Log2(nr/nt*u/(1-u)))
}

// PValue returns the probability of a χ²(1) statistic at least |x|: 1 − CDF_χ²(1)(|x|).
func PValue(x float64) float64 {
	return distuv.ChiSquared{K: 1}.Survival(math.Abs(x))
}

// Bonferroni returns p·m, capped at 1, for each of the m p-values.
func Bonferroni(p []float64) []float64 {
	out := make([]float64, len(p))
	for i, v := range p {
		out[i] = math.Min(1, v*float64(len(p)))
	}
	return out
}

// BenjaminiHochberg returns the false-discovery-rate adjusted p-values (Benjamini & Hochberg
// 1995, as R's p.adjust(method = "BH")): with the p-values in increasing order p(1) ≤ … ≤ p(m),
// q(i) = min over j ≥ i of min(1, p(j)·m/j).
func BenjaminiHochberg(p []float64) []float64 {
	m := len(p)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return p[idx[i]] < p[idx[j]] })
	out := make([]float64, m)
	run := 1.0
	for r := m - 1; r >= 0; r-- {
		q := math.Min(1, p[idx[r]]*float64(m)/float64(r+1))
		run = math.Min(run, q)
		out[idx[r]] = run
	}
	return out
}
