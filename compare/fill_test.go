package compare

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// fillDense is the local alignment's recurrence computed over every cell, as fill computed it
// before it skipped the cells that stay 0.
func fillDense(sc *matchScratch, a, b *Unit, w *Weights, scale float64) (best float64, bi, bj int) {
	n, m, h := len(a.keys()), len(b.keys()), sc.h
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			s := -Mismatch
			if !sc.usedA[i-1] && !sc.usedB[j-1] && a.keys()[i-1] == b.keys()[j-1] {
				s = w.of(a.keys()[i-1]) / scale
			}
			v := max(0, h[(i-1)*(m+1)+j-1]+s, h[(i-1)*(m+1)+j]-Gap, h[i*(m+1)+j-1]-Gap)
			h[i*(m+1)+j] = v
			if v > best {
				best, bi, bj = v, i, j
			}
		}
	}
	return best, bi, bj
}

// checkFill fills the matrix of a and b both ways and reports where they differ.
func checkFill(t *testing.T, what string, a, b *Unit, w *Weights, usedA, usedB []bool) bool {
	t.Helper()
	n, m := len(a.keys()), len(b.keys())
	run := func(f func(*matchScratch, *Unit, *Unit, *Weights, float64) (float64, int, int)) ([]float64, [3]float64) {
		sc := &matchScratch{h: make([]float64, (n+1)*(m+1)), usedA: usedA, usedB: usedB}
		sc.keyRanges(a, b)
		best, i, j := f(sc, a, b, w, w.scale())
		return sc.h, [3]float64{best, float64(i), float64(j)}
	}
	hs, bs := run((*matchScratch).fill)
	hd, bd := run(fillDense)
	if !slices.Equal(hs, hd) || bs != bd {
		t.Errorf("%s: fill gives best %v, the full recurrence %v; matrices equal: %v", what, bs, bd, slices.Equal(hs, hd))
		return false
	}
	return true
}

// fill, which computes only the cells that can be above 0, gives the same matrix and the same
// best cell as the recurrence over every cell: on every pair of statements of the seed corpus,
// and on made-up key sequences with few distinct keys (many matches, long runs) and with
// words already taken by a region.
func TestFillSkipsOnlyZeroCells(t *testing.T) {
	c, err := corpus.Seed(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lx := textproc.DefaultLexicon()
	var all [][]Unit
	for _, d := range c.Docs {
		all = append(all, Units(d.ID, d.Date, lx.Analyze(d.Clean), lx))
	}
	w := NewWeights(all...)
	var us []*Unit
	for k := range all {
		for i := range all[k] {
			us = append(us, &all[k][i])
		}
	}
	pairs, nonzero := 0, 0
	for x, a := range us {
		for _, b := range us[x+1:] {
			if !checkFill(t, a.Text+" ~ "+b.Text, a, b, w, make([]bool, len(a.keys())), make([]bool, len(b.keys()))) {
				return
			}
			pairs++
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		keys := func() []uint32 {
			k := make([]uint32, r.IntN(30))
			for i := range k {
				k[i] = uint32(1 + r.IntN(1+trial%8))
			}
			return k
		}
		used := func(n int) []bool {
			u := make([]bool, n)
			if trial%2 == 1 && n > 0 { // a taken run, as regions leaves them
				i := r.IntN(n)
				for j := i; j < min(n, i+1+r.IntN(6)); j++ {
					u[j] = true
				}
			}
			return u
		}
		a, b := &Unit{}, &Unit{}
		ka, kb := keys(), keys()
		a.mem, b.mem = &unitMem{keys: ka, at: make([]int32, len(ka))}, &unitMem{keys: kb, at: make([]int32, len(kb))}
		a.holdAll()
		b.holdAll()
		ua, ub := used(len(a.keys())), used(len(b.keys()))
		if !checkFill(t, "random", a, b, w, ua, ub) {
			t.Logf("a %v %v b %v %v", a.keys(), ua, b.keys(), ub)
			return
		}
		sc := &matchScratch{h: make([]float64, (len(a.keys())+1)*(len(b.keys())+1)), usedA: make([]bool, len(a.keys())), usedB: make([]bool, len(b.keys()))}
		sc.keyRanges(a, b)
		if best, _, _ := sc.fill(a, b, w, w.scale()); best > 0 {
			nonzero++
		}
	}
	if pairs < 1000 || nonzero < 1000 {
		t.Errorf("%d seed pairs, %d random pairs with an alignment: the test needs more", pairs, nonzero)
	}
}
