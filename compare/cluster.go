package compare

import (
	"sort"
)

// Variant is one unit of a recurring formulation, with its change from the variant before.
type Variant struct {
	Unit       *Unit
	Similarity float64 // to the previous variant; 0 for the first
	Ops        []Op    // word diff from the previous variant; nil for the first
}

// Formulation is a statement that recurs across documents: its variants in date order.
type Formulation struct {
	Variants []Variant
	Mean     float64 // mean similarity of the links that joined it
}

// Docs returns the number of documents a formulation spans (one variant per document).
func (f *Formulation) Docs() int { return len(f.Variants) }

// Recurring finds the formulations that recur across documents. docs holds each document's
// units, in corpus order. Candidate pairs come from a stem index across all units (below
// quadratic: a stem in more than MaxCandidateDF of the units proposes no pairs); pairs at
// minSim or above are linked from the most similar down, and two groups merge only if they
// share no document, so a formulation has one variant per document. Formulations are ranked by
// the number of documents they span, then by mean similarity, then by the position of their
// first variant.
func Recurring(docs [][]Unit, w *Weights, minSim float64) []Formulation {
	var all []*Unit
	docOf := []int{}
	for d := range docs {
		for i := range docs[d] {
			all = append(all, &docs[d][i])
			docOf = append(docOf, d)
		}
	}
	flat := make([]Unit, len(all))
	for i, u := range all {
		flat[i] = *u
	}
	type edge struct {
		i, j int
		s    float64
	}
	var edges []edge
	for i, cands := range candidates(flat, flat, w) {
		for _, j := range cands {
			if j <= i || docOf[i] == docOf[j] {
				continue
			}
			if s := Similarity(all[i], all[j], w); s >= minSim {
				edges = append(edges, edge{i, j, s})
			}
		}
	}
	sort.Slice(edges, func(a, b int) bool {
		if edges[a].s != edges[b].s {
			return edges[a].s > edges[b].s
		}
		if edges[a].i != edges[b].i {
			return edges[a].i < edges[b].i
		}
		return edges[a].j < edges[b].j
	})
	parent := make([]int, len(all))
	members := make([]map[int]bool, len(all)) // documents in each group, at its root
	sum := make([]float64, len(all))
	links := make([]int, len(all))
	for i := range parent {
		parent[i] = i
		members[i] = map[int]bool{docOf[i]: true}
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		a, b := find(e.i), find(e.j)
		if a == b {
			continue
		}
		clash := false
		for d := range members[b] {
			if members[a][d] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a
		for d := range members[b] {
			members[a][d] = true
		}
		sum[a] += sum[b] + e.s
		links[a] += links[b] + 1
	}
	groups := map[int][]int{}
	for i := range all {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	var out []Formulation
	var first []int
	for r, idx := range groups {
		if len(idx) < 2 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool {
			ua, ub := all[idx[a]], all[idx[b]]
			if !ua.Date.Equal(ub.Date) {
				if ua.Date.IsZero() != ub.Date.IsZero() {
					return !ua.Date.IsZero()
				}
				return ua.Date.Before(ub.Date)
			}
			return idx[a] < idx[b]
		})
		f := Formulation{Mean: sum[r] / float64(links[r])}
		for k, i := range idx {
			v := Variant{Unit: all[i]}
			if k > 0 {
				prev := all[idx[k-1]]
				v.Similarity = Similarity(prev, all[i], w)
				v.Ops = WordDiff(prev.Text, all[i].Text)
			}
			f.Variants = append(f.Variants, v)
		}
		out = append(out, f)
		first = append(first, minInt(idx))
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		fa, fb := out[order[a]], out[order[b]]
		if fa.Docs() != fb.Docs() {
			return fa.Docs() > fb.Docs()
		}
		if fa.Mean != fb.Mean {
			return fa.Mean > fb.Mean
		}
		return first[order[a]] < first[order[b]]
	})
	sorted := make([]Formulation, len(out))
	for i, o := range order {
		sorted[i] = out[o]
	}
	return sorted
}

func minInt(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}
