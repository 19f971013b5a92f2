package compare

import (
	"context"
	"slices"
	"sort"
	"time"

	"github.com/readout/readout/internal/pool"
)

// Variant is one wording of a recurring formulation: its passage, and its change from the
// earlier variant it restates (Parent).
type Variant struct {
	Passage    Passage
	Parent     int     // index of the variant it is diffed from; -1 for the first
	Similarity float64 // to its parent; 0 for the first
	// Change is its word diff and list changes from its parent: nil until explained, and for
	// the first (behind a pointer: a large corpus's formulations have a million variants, few
	// of them explained at once)
	Change *Change
}

// Change is how a variant differs from its parent: the word diff and, where the two passages
// name things, what was added and dropped.
type Change struct {
	Ops     []Op
	Added   []string
	Dropped []string
}

// Ops returns the variant's word diff from its parent; nil until explained, and for the first.
func (v Variant) Ops() []Op {
	if v.Change == nil {
		return nil
	}
	return v.Change.Ops
}

// Added returns the named things only in the variant, when it and its parent are lists.
func (v Variant) Added() []string {
	if v.Change == nil {
		return nil
	}
	return v.Change.Added
}

// Dropped returns the named things only in its parent.
func (v Variant) Dropped() []string {
	if v.Change == nil {
		return nil
	}
	return v.Change.Dropped
}

// Unit returns the variant's unit.
func (v Variant) Unit() *Unit { return v.Passage.Unit }

// Formulation is a statement that recurs across documents: its variants in date order, one per
// document, each at the similarity threshold or above to its parent.
type Formulation struct {
	Variants []Variant
	Mean     float64 // mean similarity of the variants to their parents
}

// Explain fills in each variant's word diff from its parent and its lists' changes. Recurring
// leaves this to the caller, for the formulations it shows: a formulation can span thousands of
// documents.
func (f *Formulation) Explain(diff func(a, b string) []Op) {
	for k := 1; k < len(f.Variants); k++ {
		f.ExplainVariant(diff, k)
	}
}

// ExplainVariant explains variant k (k ≥ 1) only, so variants can be explained concurrently.
func (f *Formulation) ExplainVariant(diff func(a, b string) []Op, k int) {
	v := &f.Variants[k]
	p := f.Variants[v.Parent].Passage
	c := &Change{Ops: diff(p.Text(), v.Passage.Text())}
	c.Added, c.Dropped = ListChanges(p, v.Passage)
	v.Change = c
}

// Similarities are set by Recurring; Explain adds the diffs.

// Docs returns the number of documents a formulation spans (one variant per document).
func (f *Formulation) Docs() int { return len(f.Variants) }

// node is a passage in the link graph of Recurring.
type node struct {
	p     Passage
	links []link // to passages of earlier documents: the MaxLinks most similar
	doc   int32  // in date order
	group int32
	later bool // a passage of a later document restates it
	grown bool // its passage was widened by a merge after it was made
}

type link struct {
	sim   float64
	to    int32
	exact bool // sim is that of the two nodes' passages when it was linked
}

// MaxLinks is how many of its most similar earlier passages a passage keeps: it joins the
// formulation of the first of them that has no passage of its document yet.
const MaxLinks = 6

// addLink keeps the MaxLinks most similar earlier passages of a node (ties: the earlier one),
// most similar first.
func (n *node) addLink(l link) {
	for i := range n.links {
		if n.links[i].to == l.to {
			if l.sim <= n.links[i].sim {
				n.links[i].exact = n.links[i].exact && l.exact
				return
			}
			l.exact = n.links[i].exact && l.exact
			n.links = slices.Delete(n.links, i, i+1)
			break
		}
	}
	at := 0
	for at < len(n.links) && !linkBefore(l, n.links[at]) {
		at++
	}
	if at >= MaxLinks {
		return
	}
	if len(n.links) == MaxLinks {
		n.links = n.links[:MaxLinks-1]
	}
	n.links = slices.Insert(n.links, at, l)
}

// linkBefore orders links most similar first, ties by the earlier passage.
func linkBefore(a, b link) bool {
	if a.sim != b.sim {
		return a.sim > b.sim
	}
	return a.to < b.to
}

// sortLinks orders links most similar first (ties: the earlier passage).
func sortLinks(ls []link) {
	slices.SortStableFunc(ls, func(a, b link) int {
		switch {
		case linkBefore(a, b):
			return -1
		case linkBefore(b, a):
			return 1
		}
		return 0
	})
}

// Recurring finds the formulations that recur across documents. docs holds each document's
// units, in date order. Candidate unit pairs come from an index of their rarest content keys
// (neighbourCandidates: linear in the number of units, whatever the repetition); the passages of
// each pair that state the same thing (Match) are linked at minSim or above, in unit order. A
// unit's passages that overlap by half the shorter one are one passage, their union. Documents
// are then taken in date order, each passage joining the formulation of the earlier passage it
// is most similar to, unless that formulation has a passage of its document already: so every
// variant restates an earlier one (its parent; the similarity is recomputed on the passages
// shown, and a variant that falls below minSim is left out), and a formulation has one variant
// per document. Formulations are ranked by the number of documents they span, then by mean
// similarity, then by the position of their first variant.
func Recurring(docs [][]Unit, w *Weights, minSim float64) []Formulation {
	out, _ := RecurringJobs(context.Background(), docs, w, minSim, 0)
	return out
}

// RecurringJobs is Recurring matching on jobs workers (the number of CPUs when 0), stopping
// with the context's error when it is cancelled.
func RecurringJobs(ctx context.Context, docs [][]Unit, w *Weights, minSim float64, jobs int) ([]Formulation, error) {
	var all []*Unit
	docOf := []int{}
	for d := range docs {
		for i := range docs[d] {
			all = append(all, &docs[d][i])
			docOf = append(docOf, d)
		}
	}
	// a unit's nodes, in the order they were made: the first in head, the last in tail (by
	// unit, 1-based; 0 for none), each one's next in nextNode
	var nodes []node
	head, tail := make([]int32, len(all)), make([]int32, len(all))
	var nextNode []int32
	nodeOf := func(p Passage, u int) int {
		for k := int(head[u]) - 1; k >= 0; k = int(nextNode[k]) - 1 {
			q := nodes[k].p
			ov := min(q.W2, p.W2) - max(q.W1, p.W1) + 1
			if 2*ov >= min(q.W2-q.W1, p.W2-p.W1)+1 {
				if p.W1 < q.W1 || p.W2 > q.W2 {
					nodes[k].p.W1, nodes[k].p.W2 = min(q.W1, p.W1), max(q.W2, p.W2)
					nodes[k].grown = true
				}
				return k
			}
		}
		nodes = append(nodes, node{p: p, doc: int32(docOf[u]), group: -1})
		nextNode = append(nextNode, 0)
		if k := len(nodes); head[u] == 0 {
			head[u], tail[u] = int32(k), int32(k)
		} else {
			nextNode[tail[u]-1], tail[u] = int32(k), int32(k)
		}
		return len(nodes) - 1
	}
	vs := vectors(all)
	ix := newCandidates(&vs, docOf, w)
	scratch := make([]matchScratch, pool.Jobs(jobs))
	type foundPair struct {
		pp PassagePair
		j  int // the unit of pp.B; pp.A's is the row's
	}
	found := make([][]foundPair, len(scratch))
	err := pool.Ordered(ctx, len(all), jobs, func(wk, i int) ([]foundPair, error) {
		sc := &scratch[wk]
		out := found[wk][:0]
		sc.cands = ix.of(i, sc.cands[:0])
		for _, j := range sc.cands {
			if !couldMatch(vs.at(i), vs.at(j), w) {
				continue // no passages of the two can share enough (Similarity)
			}
			for _, pp := range sc.match(all[i], all[j], w, minSim) {
				out = append(out, foundPair{pp, j})
			}
		}
		found[wk] = out
		if len(out) == 0 {
			return nil, nil
		}
		return slices.Clone(out), nil // at its size; the worker's memory is used again
	}, func(i int, pairs []foundPair) error {
		for _, f := range pairs {
			pp := f.pp
			a, b := nodeOf(pp.A, i), nodeOf(pp.B, f.j)
			if nodes[a].doc == nodes[b].doc {
				continue
			}
			if nodes[a].doc > nodes[b].doc {
				a, b = b, a
			}
			exact := nodes[a].p == pp.A && nodes[b].p == pp.B || nodes[a].p == pp.B && nodes[b].p == pp.A
			nodes[a].later = true
			nodes[b].addLink(link{sim: pp.Similarity, to: int32(a), exact: exact})
		}
		return nil
	})
	head, tail, nextNode, vs, ix = nil, nil, nil, vecs{}, nil
	if err != nil {
		return nil, err
	}
	// the links' similarities on the passages as merged, which are the ones shown
	err = pool.Each(ctx, len(nodes), jobs, func(wk, k int) error {
		n := &nodes[k]
		ls := n.links[:0]
		for _, l := range n.links {
			if !l.exact || n.grown || nodes[l.to].grown {
				l.sim = scratch[wk].x.similarity(nodes[l.to].p, n.p, &scratch[wk].y, w)
			}
			if l.sim >= minSim {
				ls = append(ls, l)
			}
		}
		sortLinks(ls)
		n.links = ls
		return nil
	})
	if err != nil {
		return nil, err
	}
	out, first := formulationsOf(nodes, len(docs))
	// each variant's similarity to its parent, on the passages shown
	var kept []Formulation
	var keptFirst []Passage
	for k := range out {
		f := out[k]
		keep := f.Variants[:1] // in place: a variant is read before its place is written
		at := map[int]int{0: 0}
		sum := 0.0
		for i := 1; i < len(f.Variants); i++ {
			v := f.Variants[i]
			pi, ok := at[v.Parent]
			if !ok {
				continue // its parent was left out
			}
			v.Similarity = Similarity(keep[pi].Passage, v.Passage, w)
			if v.Similarity < minSim {
				continue
			}
			v.Parent = pi
			at[i] = len(keep)
			keep = append(keep, v)
			sum += v.Similarity
		}
		if len(keep) < 2 {
			continue
		}
		f.Variants, f.Mean = keep, sum/float64(len(keep)-1)
		kept, keptFirst = append(kept, f), append(keptFirst, first[k])
	}
	out, first = kept, keptFirst
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
		return passageLess(first[order[a]], first[order[b]])
	})
	ranked := make([]Formulation, len(out))
	for i, k := range order {
		ranked[i] = out[k]
	}
	return ranked, nil
}

// formulationsOf groups linked passages into formulations: documents (0 to nDocs-1, in date
// order) taken in turn, each passage joining the formulation of the earlier passage it is most
// similar to unless that one has a passage of its document already (see Recurring). It returns
// the formulations of two variants or more, in the order they began, with their first passages.
func formulationsOf(nodes []node, nDocs int) ([]Formulation, []Passage) {
	// documents in date order; within one, the passages most similar to an earlier one first
	byDoc := make([][]int, nDocs)
	for k := range nodes {
		byDoc[nodes[k].doc] = append(byDoc[nodes[k].doc], k)
	}
	parent := make([]int32, len(nodes)) // the member a member restates, and how closely
	psim := make([]float64, len(nodes))
	var groups [][]int // members, in date order
	earlier := func(k int, l link) bool { return nodes[l.to].doc < nodes[k].doc && nodes[l.to].group >= 0 }
	var ls []link
	for d := range nDocs {
		ks := byDoc[d]
		best := func(k int) float64 {
			b := 0.0
			for _, l := range nodes[k].links {
				if earlier(k, l) && l.sim > b {
					b = l.sim
				}
			}
			return b
		}
		sort.SliceStable(ks, func(x, y int) bool {
			bx, by := best(ks[x]), best(ks[y])
			if bx != by {
				return bx > by
			}
			return passageLess(nodes[ks[x]].p, nodes[ks[y]].p)
		})
		for _, k := range ks {
			ls = append(ls[:0], nodes[k].links...)
			sort.SliceStable(ls, func(x, y int) bool {
				if ls[x].sim != ls[y].sim {
					return ls[x].sim > ls[y].sim
				}
				return passageLess(nodes[ls[x].to].p, nodes[ls[y].to].p)
			})
			joined := false
			for _, l := range ls {
				if !earlier(k, l) {
					continue
				}
				g := nodes[l.to].group
				if m := groups[g]; nodes[m[len(m)-1]].doc == int32(d) {
					continue // it has a passage of this document already
				}
				groups[g] = append(groups[g], k)
				parent[k], psim[k] = l.to, l.sim
				nodes[k].group = g
				joined = true
				break
			}
			if !joined && (len(nodes[k].links) > 0 || nodes[k].later) && nodes[k].group < 0 {
				nodes[k].group = int32(len(groups))
				groups = append(groups, []int{k})
			}
		}
		byDoc[d] = nil
	}
	var out []Formulation
	var first []Passage
	pos := map[int]int{}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		clear(pos)
		for i, k := range g {
			pos[k] = i // members were added in date order
		}
		f := Formulation{Variants: make([]Variant, 0, len(g))}
		sum := 0.0
		for i, k := range g {
			v := Variant{Passage: nodes[k].p, Parent: -1}
			if i > 0 {
				v.Parent, v.Similarity = pos[int(parent[k])], psim[k]
				sum += v.Similarity
			}
			f.Variants = append(f.Variants, v)
		}
		f.Mean = sum / float64(len(g)-1)
		out = append(out, f)
		first = append(first, nodes[g[0]].p)
	}
	return out, first
}

// passageLess orders passages by date, document, unit, first word and last word.
func passageLess(a, b Passage) bool {
	ua, ub := a.Unit, b.Unit
	if !ua.Date.Equal(ub.Date) {
		return dateLess(ua.Date, ub.Date)
	}
	if ua.Doc != ub.Doc {
		return ua.Doc < ub.Doc
	}
	if ua.Index != ub.Index {
		return ua.Index < ub.Index
	}
	if a.W1 != b.W1 {
		return a.W1 < b.W1
	}
	return a.W2 < b.W2
}

func dateLess(a, b time.Time) bool {
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	return a.Before(b)
}

// vec is a unit's keys as sorted ids with their counts, for the candidate index.
type vec struct {
	ids    []uint32
	counts []uint8 // at most 255
}

// vecs is the key vectors of many units in three allocations, not two a unit: align holds one
// for every unit of a corpus.
type vecs struct {
	ids    []uint32
	counts []uint8
	end    []int32 // unit i's keys are ids[end[i-1]:end[i]]
}

func vectors(units []*Unit) vecs {
	n := 0
	for _, u := range units {
		n += len(u.keys()) // at least the distinct keys
	}
	out := vecs{ids: make([]uint32, 0, n), counts: make([]uint8, 0, n), end: make([]int32, len(units))}
	var v vec
	for u, un := range units {
		v.set(un.keys())
		out.ids, out.counts = append(out.ids, v.ids...), append(out.counts, v.counts...)
		out.end[u] = int32(len(out.ids))
	}
	out.ids, out.counts = slices.Clip(out.ids), slices.Clip(out.counts)
	return out
}

// len returns the number of units.
func (vs *vecs) len() int { return len(vs.end) }

// at returns unit i's vector, a part of vs.
func (vs *vecs) at(i int) vec {
	a, b := int32(0), vs.end[i]
	if i > 0 {
		a = vs.end[i-1]
	}
	return vec{ids: vs.ids[a:b:b], counts: vs.counts[a:b:b]}
}

// set makes v the distinct keys, sorted, with their counts; v's slices are reused.
func (v *vec) set(keys []uint32) {
	v.ids = append(v.ids[:0], keys...)
	slices.Sort(v.ids)
	v.counts = v.counts[:0]
	n := 0
	for i, id := range v.ids {
		if i > 0 && v.ids[n-1] == id {
			if c := &v.counts[n-1]; *c < 255 {
				*c++
			}
			continue
		}
		v.ids[n] = id
		v.counts = append(v.counts, 1)
		n++
	}
	v.ids = v.ids[:n]
}

// couldMatch reports whether passages of two units could be similar at all: they share
// MinSharedStems keys, and the weight of what they share reaches MinEvidence (Similarity).
func couldMatch(a, b vec, w *Weights) bool {
	shared := 0
	var common int64
	for x, y := 0, 0; x < len(a.ids) && y < len(b.ids); {
		switch {
		case a.ids[x] < b.ids[y]:
			x++
		case a.ids[x] > b.ids[y]:
			y++
		default:
			shared++
			common += w.fixed(a.ids[x]) * int64(min(a.counts[x], b.counts[y]))
			x++
			y++
		}
	}
	return shared >= MinSharedStems && float64(common) >= MinEvidence*w.scale()*fixedOne
}

// Sorted-neighbourhood candidate generation.
const (
	// SmallPosting is the longest posting list (units sharing a key) whose units are all
	// compared with one another.
	SmallPosting = 32
	// NeighbourWindow is how many of the next units of a longer posting list each unit is
	// compared with; the list is in date order, so a formulation links to its next restatements.
	NeighbourWindow = 4
	// SignatureStems is how many of its rarest keys a unit is indexed under once a corpus is
	// large (more than LargeCorpus units); similar units share rare keys.
	SignatureStems = 8
	LargeCorpus    = 2000
)

// candidateIndex proposes, for each unit i, the units j > i of other documents to compare it
// with, in increasing order: all pairs within a posting list (units sharing a key) of at most
// SmallPosting units, and each unit with the next NeighbourWindow units of a longer list. In a
// large corpus each unit is indexed under its SignatureStems rarest keys only. The work is
// linear in the number of units; of is safe for concurrent use.
type candidateIndex struct {
	postings map[uint32][]int32
	sigs     []uint32 // each unit's posting lists, in turn
	sigEnd   []int32
	docOf    []int32
}

func newCandidates(vs *vecs, docOf []int, w *Weights) *candidateIndex {
	ix := &candidateIndex{postings: map[uint32][]int32{}, sigs: make([]uint32, 0, vs.len()*SignatureStems), sigEnd: make([]int32, vs.len()), docOf: make([]int32, len(docOf))}
	for i, d := range docOf {
		ix.docOf[i] = int32(d)
	}
	large := vs.len() > LargeCorpus
	for u := range vs.len() {
		ids := vs.at(u).ids
		if large && len(ids) > SignatureStems {
			order := make([]int, len(ids))
			for i := range order {
				order[i] = i
			}
			sort.SliceStable(order, func(a, b int) bool { // rarest first; ties by key, not by id (the order the workers met them)
				ka, kb := ids[order[a]], ids[order[b]]
				if wa, wb := w.of(ka), w.of(kb); wa != wb {
					return wa > wb
				}
				return keyOf(ka) < keyOf(kb)
			})
			sel := make([]uint32, SignatureStems)
			for i := range sel {
				sel[i] = ids[order[i]]
			}
			ids = sel
		}
		for _, id := range ids {
			ix.postings[id] = append(ix.postings[id], int32(u))
		}
		ix.sigs = append(ix.sigs, ids...)
		ix.sigEnd[u] = int32(len(ix.sigs))
	}
	return ix
}

// of returns unit i's candidates, appended to cands.
func (ix *candidateIndex) of(i int, cands []int) []int {
	from := int32(0)
	if i > 0 {
		from = ix.sigEnd[i-1]
	}
	for _, id := range ix.sigs[from:ix.sigEnd[i]] {
		list := ix.postings[id] // in unit order
		pos, _ := slices.BinarySearch(list, int32(i))
		end := len(list)
		if len(list) > SmallPosting {
			end = min(end, pos+1+NeighbourWindow)
		}
		for _, j := range list[pos+1 : end] {
			if ix.docOf[i] != ix.docOf[j] {
				cands = append(cands, int(j))
			}
		}
	}
	sort.Ints(cands)
	return slices.Compact(cands)
}

// candidatePairs returns the unit pairs of two documents that share at least MinSharedStems
// keys, in order.
func candidatePairs(a, b []Unit, w *Weights) [][2]int {
	var out [][2]int
	pa := make([]*Unit, len(a))
	for i := range a {
		pa[i] = &a[i]
	}
	pb := make([]*Unit, len(b))
	for j := range b {
		pb[j] = &b[j]
	}
	va, vb := vectors(pa), vectors(pb)
	for i := range va.len() {
		for j := range vb.len() {
			if couldMatch(va.at(i), vb.at(j), w) {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}
