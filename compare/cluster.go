package compare

import (
	"math"
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

// Explain fills in each variant's similarity to and word diff from the one before. Recurring
// leaves this to the caller, for the formulations it shows: a formulation can span thousands of
// documents.
func (f *Formulation) Explain(w *Weights) {
	for k := 1; k < len(f.Variants); k++ {
		f.ExplainVariant(w, k)
	}
}

// ExplainVariant fills in variant k's (k ≥ 1) similarity to and word diff from variant k-1. It
// writes variant k only, so the variants of a formulation can be explained concurrently.
func (f *Formulation) ExplainVariant(w *Weights, k int) {
	prev, cur := f.Variants[k-1].Unit, f.Variants[k].Unit
	f.Variants[k].Similarity = Similarity(prev, cur, w)
	f.Variants[k].Ops = WordDiff(prev.Text, cur.Text)
}

// Similarities fills in each variant's similarity to the one before, without the word diffs.
func (f *Formulation) Similarities(w *Weights) {
	for k := 1; k < len(f.Variants); k++ {
		f.Variants[k].Similarity = Similarity(f.Variants[k-1].Unit, f.Variants[k].Unit, w)
	}
}

// Docs returns the number of documents a formulation spans (one variant per document).
func (f *Formulation) Docs() int { return len(f.Variants) }

// Recurring finds the formulations that recur across documents. docs holds each document's
// units, in date order. Candidate pairs come from the units sharing a stem
// (neighbourCandidates: linear in the number of units, whatever the repetition); pairs at
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
	var edges []edge
	vecs := vectors(all, w)
	neighbourCandidates(vecs, docOf, func(i, j int) {
		if s := vecs[i].similarity(&vecs[j]); s >= minSim {
			edges = append(edges, edge{int32(i), int32(j), s})
		}
	})
	sortEdges(edges)
	parent := make([]int, len(all))
	members := make([]map[int]bool, len(all)) // documents in each group, at its root; nil: its own document only
	sum := make([]float64, len(all))
	links := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	docSet := func(r int) map[int]bool {
		if members[r] == nil {
			members[r] = map[int]bool{docOf[r]: true}
		}
		return members[r]
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		a, b := find(int(e.i)), find(int(e.j))
		if a == b {
			continue
		}
		clash := false
		ma, mb := docSet(a), docSet(b)
		for d := range mb {
			if ma[d] {
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
		ma, mb = docSet(a), docSet(b)
		for d := range mb {
			ma[d] = true
		}
		members[b] = nil
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
		for _, i := range idx {
			f.Variants = append(f.Variants, Variant{Unit: all[i]})
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

// vec is a unit's stems as sorted ids with weighted counts, for fast similarity.
type vec struct {
	ids    []int32
	counts []float64
	total  float64 // Σ w·count
	w      []float64
}

func vectors(units []*Unit, w *Weights) []vec {
	ids := map[string]int32{}
	var weights []float64
	out := make([]vec, len(units))
	for u := range units {
		c := counts(units[u].stems)
		keys := sortedStems(c)
		v := vec{}
		for _, k := range keys {
			id, ok := ids[k]
			if !ok {
				id = int32(len(weights))
				ids[k] = id
				weights = append(weights, w.of(k))
			}
			v.ids = append(v.ids, id)
			v.counts = append(v.counts, c[k])
		}
		// sort by id, keeping counts aligned
		sort.Sort(byID{&v})
		out[u] = v
	}
	for u := range out {
		out[u].w = weights
		for k, id := range out[u].ids {
			out[u].total += weights[id] * out[u].counts[k]
		}
	}
	return out
}

type byID struct{ v *vec }

func (b byID) Len() int           { return len(b.v.ids) }
func (b byID) Less(i, j int) bool { return b.v.ids[i] < b.v.ids[j] }
func (b byID) Swap(i, j int) {
	b.v.ids[i], b.v.ids[j] = b.v.ids[j], b.v.ids[i]
	b.v.counts[i], b.v.counts[j] = b.v.counts[j], b.v.counts[i]
}

// similarity is the weighted Dice coefficient of Similarity, with its MinSharedStems rule.
func (a *vec) similarity(b *vec) float64 {
	var common float64
	shared := 0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			common += a.w[a.ids[i]] * math.Min(a.counts[i], b.counts[j])
			shared++
			i++
			j++
		}
	}
	if shared < MinSharedStems || a.total+b.total == 0 {
		return 0
	}
	return 2 * common / (a.total + b.total)
}

// Sorted-neighbourhood candidate generation.
const (
	// SmallPosting is the longest posting list (units sharing a stem) whose units are all
	// compared with one another.
	SmallPosting = 32
	// NeighbourWindow is how many of the next units of a longer posting list each unit is
	// compared with; the list is in date order, so a formulation links to its next restatements.
	NeighbourWindow = 4
	// SignatureStems is how many of its rarest stems a unit is indexed under once a corpus is
	// large (more than LargeCorpus units); similar units share rare stems.
	SignatureStems = 6
	LargeCorpus    = 2000
)

// neighbourCandidates calls pair, for each unit i in turn, with the units j > i of other
// documents to compare it with, in increasing order: all pairs within a posting list of at most
// SmallPosting units, and each unit with the next NeighbourWindow units of a longer list. In a
// large corpus each unit is indexed under its SignatureStems rarest stems only. The work is
// linear in the number of units, and no list of candidates is kept beyond the unit's own.
func neighbourCandidates(vecs []vec, docOf []int, pair func(i, j int)) {
	postings := map[int32][]int{}
	large := len(vecs) > LargeCorpus
	sigs := make([]int32, 0, len(vecs)*SignatureStems) // each unit's posting lists, in turn
	sigEnd := make([]int, len(vecs))
	for u := range vecs {
		ids := vecs[u].ids
		if large && len(ids) > SignatureStems {
			ids = append([]int32(nil), ids...)
			w := vecs[u].w
			sort.SliceStable(ids, func(a, b int) bool { return w[ids[a]] > w[ids[b]] })
			ids = ids[:SignatureStems]
		}
		for _, id := range ids {
			postings[id] = append(postings[id], u)
		}
		sigs = append(sigs, ids...)
		sigEnd[u] = len(sigs)
	}
	var cands []int
	for i := range vecs {
		cands = cands[:0]
		from := 0
		if i > 0 {
			from = sigEnd[i-1]
		}
		for _, id := range sigs[from:sigEnd[i]] {
			list := postings[id] // in unit order
			pos := sort.SearchInts(list, i)
			end := len(list)
			if len(list) > SmallPosting {
				end = min(end, pos+1+NeighbourWindow)
			}
			for _, j := range list[pos+1 : end] {
				if docOf[i] != docOf[j] {
					cands = append(cands, j)
				}
			}
		}
		sort.Ints(cands)
		for k, j := range cands {
			if k == 0 || cands[k-1] != j {
				pair(i, j)
			}
		}
	}
}
