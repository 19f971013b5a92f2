package metrics

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

const tol = 1e-9

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(want) != math.IsNaN(got) || (!math.IsNaN(want) && math.Abs(got-want) > tol*math.Max(1, math.Abs(want))) {
		t.Errorf("%s = %.17g, want %.17g", what, got, want)
	}
}

// Reference values from testdata/reference.py (Python 3 standard library; independent of gonum:
// χ² tail via erfc, Clopper–Pearson bounds via exact binomial sums and bisection). Its output is
// testdata/reference.txt.
func TestKeynessReference(t *testing.T) {
	cases := []struct {
		a, b, nt, nr                float64
		g2, chi2, lr, lrc, lrc20, p float64
	}{
		{5, 1, 839, 552, 1.5031521222529558, 0.5428148231407999, 1.7179255512257081, 0, 0, 0.22018699272296952},
		{1, 5, 552, 839, -1.5031521222529558, -0.5428148231407999, -1.717925551225708, 0, 0, 0.22018699272296952},
		{10, 0, 1000, 1000, 13.913195078972075, 10.050251256281408, 4.321928094887363, 1.1644783213240624, 0.07213023975560445, 0.000191449712729744},
		{0, 7, 500, 2000, -3.128920032871065, -0.7252449716348633, -1.8073549220576042, 0, 0, 0.07691467727719188},
		{3, 3, 400, 400, 0, 0, 0, 0, 0, 1},
		{120, 40, 50000, 60000, 57.85544757415293, 56.41539208545763, 1.84799690655495, 1.320784409919397, 1.0594563682535971, 2.8210464833984133e-14},
		{2, 30, 1000, 900, -32.91091747335957, -28.08551927194861, -4.058893689053568, -2.080312029662122, -1.3869691265698127, 9.647993055352603e-09},
	}
	for _, c := range cases {
		near(t, "G2", LogLikelihood(c.a, c.b, c.nt, c.nr), c.g2, tol)
		near(t, "chi2", ChiSquared(c.a, c.b, c.nt, c.nr), c.chi2, tol)
		near(t, "LogRatio", LogRatio(c.a, c.b, c.nt, c.nr), c.lr, tol)
		near(t, "LRC", LRC(c.a, c.b, c.nt, c.nr, 0.95, 1), c.lrc, 1e-7)
		near(t, "LRC/20 tests", LRC(c.a, c.b, c.nt, c.nr, 0.95, 20), c.lrc20, 1e-7)
		if c.p < 1e-10 {
			near(t, "p", PValue(c.g2), c.p, 1e-6) // relative: tiny tails
		} else {
			near(t, "p", PValue(c.g2), c.p, tol)
		}
	}
}

func TestCorrectionsReference(t *testing.T) {
	ps := []float64{0.01, 0.04, 0.03, 0.005, 0.5}
	want := []float64{0.025, 0.05, 0.05, 0.025, 0.5} // reference.py, as R's p.adjust(, "BH")
	for i, q := range BenjaminiHochberg(ps) {
		near(t, "BH", q, want[i], 1e-12)
	}
	for i, q := range Bonferroni(ps) { // by hand: min(1, 5p)
		near(t, "Bonferroni", q, math.Min(1, 5*ps[i]), 1e-12)
	}
}

func TestTrendReference(t *testing.T) {
	x := []float64{2020, 2022, 2022.5, 2023, 2023.75}
	y := []float64{9.0, 4.5, 2.0, 0.0, 2.25}
	near(t, "tau-b", KendallTauB(x, y), -0.6, 1e-12)
	near(t, "tau-b with ties", KendallTauB([]float64{1, 2, 3, 4}, []float64{1, 1, 2, 2}), 0.8164965809277261, 1e-12)
	if !math.IsNaN(KendallTauB([]float64{1, 2, 3}, []float64{4, 4, 4})) {
		t.Error("tau-b of a constant should be NaN")
	}
	fit, ok := FitOLS(x, y, 0.95)
	if !ok {
		t.Fatal("fit failed")
	}
	// reference.py with Student's t from R's qt(0.975, 3) = 3.182446305284263
	near(t, "intercept", fit.Intercept, 4427.221875, 1e-9)
	near(t, "slope", fit.Slope, -2.1875, 1e-9)
	near(t, "slope low", fit.SlopeLow, -4.1383713833851905, 1e-9)
	near(t, "slope high", fit.SlopeHigh, -0.23662861661480927, 1e-9)
	fit3, _ := FitOLS([]float64{2020, 2022, 2023}, []float64{9.058, 4.06, 1.19}, 0.95) // qt(0.975, 1)
	near(t, "3-point low", fit3.SlopeLow, -3.7714129852492118, 1e-9)
	near(t, "3-point high", fit3.SlopeHigh, -1.4385870147507889, 1e-9)
	if _, ok := FitOLS([]float64{1, 2}, []float64{1, 2}, 0.95); ok {
		t.Error("two points must not fit")
	}
}

func TestSimilarityReference(t *testing.T) {
	near(t, "JSD", JensenShannon(Bag{"a": 3, "b": 1}, Bag{"b": 2, "c": 2}), 0.6556390622295665, 1e-12)
	w := TFIDF([]Bag{{"x": 2, "y": 1}, {"x": 1, "z": 3}, {"y": 2, "z": 1}})
	near(t, "cos01", Cosine(w[0], w[1]), 0.282842712474619, 1e-12)
	near(t, "cos02", Cosine(w[0], w[2]), 0.4, 1e-12)
	near(t, "cos12", Cosine(w[1], w[2]), 0.42426406871192845, 1e-12)
	words := []string{"a", "b", "a", "c", "b", "d", "a", "e", "f", "a"}
	near(t, "MATTR", MATTR(words, 4), 0.8928571428571429, 1e-12)
	near(t, "TTR", TTR(words), 0.6, 1e-12)
	near(t, "MATTR short text is TTR", MATTR(words, 100), 0.6, 1e-12)
}

// Properties that hold for any counts.
func TestKeynessProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		nt, nr := float64(1+r.IntN(5000)), float64(1+r.IntN(5000))
		a, b := float64(r.IntN(int(nt)+1)), float64(r.IntN(int(nr)+1))
		g := LogLikelihood(a, b, nt, nr)
		if math.IsNaN(g) {
			t.Fatalf("G2 NaN for %v %v %v %v", a, b, nt, nr)
		}
		// the sign says the direction; swapping the corpora flips it
		if g2 := LogLikelihood(b, a, nr, nt); math.Abs(g+g2) > 1e-9*math.Max(1, math.Abs(g)) {
			t.Errorf("G2 not antisymmetric: %v vs %v", g, g2)
		}
		if lr, lr2 := LogRatio(a, b, nt, nr), LogRatio(b, a, nr, nt); math.Abs(lr+lr2) > 1e-12 {
			t.Errorf("log ratio does not change sign when the periods swap: %v %v", lr, lr2)
		}
		if c := LRC(a, b, nt, nr, 0.95, 1); math.Abs(c) > math.Abs(LogRatio(a, b, nt, nr))+1e-9 {
			t.Errorf("LRC %v larger than the log ratio %v (%v %v %v %v)", c, LogRatio(a, b, nt, nr), a, b, nt, nr)
		}
		if p := PValue(g); p < 0 || p > 1 {
			t.Errorf("p = %v", p)
		}
	}
}

func TestSimilarityProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 500; i++ {
		x, y := Bag{}, Bag{}
		for j := 0; j < 20; j++ {
			x[string(rune('a'+r.IntN(26)))] += float64(r.IntN(5))
			y[string(rune('a'+r.IntN(26)))] += float64(1 + r.IntN(5))
		}
		if js := JensenShannon(x, y); !math.IsNaN(js) && (js < 0 || js > 1) {
			t.Fatalf("JSD %v out of [0, 1]", js)
		}
		if s := Cosine(y, y); math.Abs(s-1) > 1e-12 {
			t.Fatalf("self cosine %v", s)
		}
		if js := JensenShannon(y, y); math.Abs(js) > 1e-12 {
			t.Fatalf("self JSD %v", js)
		}
	}
	if js := JensenShannon(Bag{"a": 1}, Bag{"b": 1}); js != 1 {
		t.Errorf("disjoint JSD = %v, want 1", js)
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	from := []Unit{{1, 20}, {0, 30}, {2, 25}, {0, 10}}
	to := []Unit{{0, 20}, {0, 30}, {1, 25}}
	lo1, hi1 := BootstrapDiff(from, to, 2000, 7, 9, 0.95)
	lo2, hi2 := BootstrapDiff(from, to, 2000, 7, 9, 0.95)
	if lo1 != lo2 || hi1 != hi2 {
		t.Error("same seed, different intervals")
	}
	if lo3, _ := BootstrapDiff(from, to, 2000, 8, 9, 0.95); lo3 == lo1 && hi1 == hi2 {
		// a different seed usually moves the interval; not a failure if it does not
		t.Log("different seed gave the same lower bound")
	}
	diff := Rate(to) - Rate(from)
	if !(lo1 <= diff && diff <= hi1) {
		t.Errorf("interval [%v, %v] excludes the observed diff %v", lo1, hi1, diff)
	}
}

func TestPeriods(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	cases := []struct {
		spec, id, date string
		in             bool
	}{
		{"2020", "x", "2020-07-08", true},
		{"2020", "x", "2021-01-01", false},
		{"2020-2022", "x", "2022-12-31", true},
		{"2022-02-01..2022-12-31", "x", "2022-02-04", true},
		{"2022-02-05..2022-12-31", "x", "2022-02-04", false},
		{"2022-12-30-video,2023-03-21-moscow", "2023-03-21-moscow", "", true},
		{"2022-12-30-video", "2023-03-21-moscow", "2022-12-30", false},
	}
	for _, c := range cases {
		p, err := ParsePeriod(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		var date time.Time
		if c.date != "" {
			date = d(c.date)
		}
		if got := p.Contains(c.id, date); got != c.in {
			t.Errorf("%s contains %s %s = %v", c.spec, c.id, c.date, got)
		}
	}
	for _, bad := range []string{"2022-2020", "2022-01-01..x", ""} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) should fail", bad)
		}
	}
}

// Rekey merges the counts and forms of keys that map to one key, word by word in an n-gram,
// and keeps the totals.
func TestRekey(t *testing.T) {
	tc := NewTermCounts()
	tc.AddSentence([]Word{{Key: "and-x", Surface: "And-X"}, {Key: "x", Surface: "x"}, {Key: "y", Surface: "y"}}, 1, 2)
	got := tc.Rekey(func(w string) string { return strings.TrimPrefix(w, "and-") })
	if got.Counts["x"] != 2 || got.Counts["y"] != 1 || got.Counts["x x"] != 1 || got.Counts["x y"] != 1 || len(got.Counts) != 4 {
		t.Errorf("counts %v", got.Counts)
	}
	if got.Surface["x"]["And-X"] != 1 || got.Surface["x"]["x"] != 1 || got.N["x y"] != 2 {
		t.Errorf("forms %v, sizes %v", got.Surface, got.N)
	}
	if got.Totals[1] != 3 || got.Totals[2] != 2 {
		t.Errorf("totals %v", got.Totals)
	}
}
