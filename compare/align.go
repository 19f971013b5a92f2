package compare

import (
	"math"
	"sort"
	"sync"
)

// Weights are the inverse document frequencies of stems over a set of units:
//
//	w(stem) = ln(1 + U / df(stem))
//
// U the number of units and df(stem) the number containing the stem; a stem absent from the
// set gets the weight of a stem seen once.
type Weights struct {
	w     map[string]float64
	units float64
}

// NewWeights counts stem document frequencies over units.
func NewWeights(sets ...[]Unit) *Weights {
	c := NewWeightCounter()
	for _, units := range sets {
		c.Add(units)
	}
	return c.Weights()
}

func (w *Weights) of(stem string) float64 {
	if v, ok := w.w[stem]; ok {
		return v
	}
	return math.Log(1 + math.Max(w.units, 1))
}

// Similarity is the weighted Dice coefficient of two units' stem multisets:
//
//	sim(A, B) = 2 Σ_s w(s)·min(a_s, b_s) / (Σ_s w(s)·a_s + Σ_s w(s)·b_s)
//
// with a_s and b_s the counts of stem s; 1 for the same stems, 0 when fewer than
// MinSharedStems distinct stems are shared. Frequent
// stems (في، الصين، روسيا) weigh little, rare ones (شنغهاي، العشرين) much. Word order does not
// count; the word diff shows it.
func Similarity(a, b *Unit, w *Weights) float64 {
	v := vectors([]*Unit{a, b}, w)
	return v[0].similarity(&v[1])
}

// edge is a candidate link between units i and j with similarity s (compact: a large corpus
// has millions).
type edge struct {
	i, j int32
	s    float64
}

// sortEdges orders edges from the most similar down; ties by i, then j, so that greedy
// matching is deterministic.
func sortEdges(edges []edge) {
	sort.Slice(edges, func(x, y int) bool {
		if edges[x].s != edges[y].s {
			return edges[x].s > edges[y].s
		}
		if edges[x].i != edges[y].i {
			return edges[x].i < edges[y].i
		}
		return edges[x].j < edges[y].j
	})
}

// MinSharedStems is the fewest distinct stems two units must share to be similar at all: one
// rare word in common (a city, a date) is a coincidence, not a formulation.
const MinSharedStems = 2

// sortedStems fixes the order of summation, so the last digits of a similarity never depend on
// map iteration.
func sortedStems(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for s := range m {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func counts(stems []string) map[string]float64 {
	m := map[string]float64{}
	for _, s := range stems {
		m[s]++
	}
	return m
}

// Pair is an aligned pair of units with the word diff from A to B.
type Pair struct {
	A, B       *Unit
	Similarity float64
	Ops        []Op
}

// Alignment is the one-to-one alignment of two documents' units.
type Alignment struct {
	Pairs   []Pair  // in A's order
	Dropped []*Unit // only in A (the earlier document)
	Added   []*Unit // only in B
}

// DefaultMinSimilarity is the alignment threshold chosen on the seed corpus (docs/METHODS.md,
// compare.align): it pairs the restated formulations of 2022-12-30 and 2023-10-18 and leaves
// sentences that merely share a country's name unpaired.
const DefaultMinSimilarity = 0.25

// MaxCandidateDF is the share of units above which a stem is too common to propose candidate
// pairs (it still counts in the similarity).
const MaxCandidateDF = 0.1

// candidates returns, for each unit of a, the units of b sharing at least one stem that is not
// too common, from an inverted index of b's stems, so that alignment does not compare all pairs.
func candidates(a, b []Unit, w *Weights) [][]int {
	limit := math.Max(2, MaxCandidateDF*w.units)
	index := map[string][]int{}
	for j := range b {
		seen := map[string]bool{}
		for _, s := range b[j].stems {
			if !seen[s] {
				seen[s] = true
				index[s] = append(index[s], j)
			}
		}
	}
	out := make([][]int, len(a))
	for i := range a {
		hit := map[int]bool{}
		for _, s := range a[i].stems {
			post := index[s]
			if float64(len(post)) > limit && w.units > 20 {
				continue
			}
			for _, j := range post {
				hit[j] = true
			}
		}
		for j := range hit {
			out[i] = append(out[i], j)
		}
		sort.Ints(out[i])
	}
	return out
}

// Align pairs the units of a (the earlier document) with those of b one to one: candidates
// from the stem index, scored by Similarity, kept at minSim or above, then matched greedily
// from the highest similarity down (ties: earlier in a, then earlier in b). Each pair gets its
// word diff; the rest are dropped (only in a) or added (only in b).
func Align(a, b []Unit, w *Weights, minSim float64) Alignment {
	var al Alignment
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	for _, p := range alignPairs(a, b, w, minSim) {
		usedA[p.i], usedB[p.j] = true, true
		al.Pairs = append(al.Pairs, Pair{A: &a[p.i], B: &b[p.j], Similarity: p.s, Ops: WordDiff(a[p.i].Text, b[p.j].Text)})
	}
	for i := range a {
		if !usedA[i] {
			al.Dropped = append(al.Dropped, &a[i])
		}
	}
	for j := range b {
		if !usedB[j] {
			al.Added = append(al.Added, &b[j])
		}
	}
	return al
}

// IndexPair is a pair of Align without its diff: unit I of a with unit J of b.
type IndexPair struct {
	I, J       int
	Similarity float64
}

// AlignPairs is Align's one-to-one matching without the word diffs, in a's order.
func AlignPairs(a, b []Unit, w *Weights, minSim float64) []IndexPair {
	var out []IndexPair
	for _, p := range alignPairs(a, b, w, minSim) {
		out = append(out, IndexPair{int(p.i), int(p.j), p.s})
	}
	return out
}

func alignPairs(a, b []Unit, w *Weights, minSim float64) []edge {
	ptrs := make([]*Unit, 0, len(a)+len(b))
	for i := range a {
		ptrs = append(ptrs, &a[i])
	}
	for i := range b {
		ptrs = append(ptrs, &b[i])
	}
	vecs := vectors(ptrs, w)
	var edges []edge
	for i, cands := range candidates(a, b, w) {
		for _, j := range cands {
			if s := vecs[i].similarity(&vecs[len(a)+j]); s >= minSim {
				edges = append(edges, edge{int32(i), int32(j), s})
			}
		}
	}
	sortEdges(edges)
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	var pairs []edge
	for _, e := range edges {
		if usedA[e.i] || usedB[e.j] {
			continue
		}
		usedA[e.i], usedB[e.j] = true, true
		pairs = append(pairs, e)
	}
	sort.Slice(pairs, func(x, y int) bool { return pairs[x].i < pairs[y].i })
	return pairs
}

// WeightCounter counts stem document frequencies over units added a document at a time, so
// that Weights can be had without holding every unit. It is safe for concurrent use; the
// counts do not depend on the order of Add.
type WeightCounter struct {
	mu sync.Mutex
	df map[string]float64
	n  float64
}

// NewWeightCounter returns an empty counter.
func NewWeightCounter() *WeightCounter { return &WeightCounter{df: map[string]float64{}} }

// Add counts the units' stems.
func (c *WeightCounter) Add(units []Unit) {
	local := map[string]float64{}
	for _, u := range units {
		seen := map[string]bool{}
		for _, s := range u.stems {
			if !seen[s] {
				seen[s] = true
				local[s]++
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += float64(len(units))
	for s, d := range local {
		c.df[s] += d
	}
}

// Weights returns the weights of the units counted, as NewWeights would give for them.
func (c *WeightCounter) Weights() *Weights {
	c.mu.Lock()
	defer c.mu.Unlock()
	w := &Weights{w: make(map[string]float64, len(c.df)), units: c.n}
	for s, d := range c.df {
		w.w[s] = math.Log(1 + c.n/d)
	}
	return w
}

// Merge adds another counter's counts.
func (c *WeightCounter) Merge(o *WeightCounter) {
	o.mu.Lock()
	df, n := make(map[string]float64, len(o.df)), o.n
	for s, d := range o.df {
		df[s] = d
	}
	o.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += n
	for s, d := range df {
		c.df[s] += d
	}
}
