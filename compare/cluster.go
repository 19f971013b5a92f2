package compare

import (
	"sort"
	"time"
)

// Variant is one wording of a recurring formulation: its passage, and its change from the
// earlier variant it restates (Parent).
type Variant struct {
	Passage    Passage
	Parent     int     // index of the variant it is diffed from; -1 for the first
	Similarity float64 // to its parent; 0 for the first
	Ops        []Op    // word diff from its parent; nil until explained, and for the first
	Added      []string
	Dropped    []string
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
	v.Ops = diff(p.Text(), v.Passage.Text())
	v.Added, v.Dropped = ListChanges(p, v.Passage)
}

// Similarities are set by Recurring; Explain adds the diffs.

// Docs returns the number of documents a formulation spans (one variant per document).
func (f *Formulation) Docs() int { return len(f.Variants) }

// node is a passage in the link graph of Recurring.
type node struct {
	p     Passage
	doc   int // in date order
	links []link
	group int
}

type link struct {
	to  int
	sim float64
}

// Recurring finds the formulations that recur across documents. docs holds each document's
// units, in date order. Candidate unit pairs come from an index of their rarest content keys
// (neighbourCandidates: linear in the number of units, whatever the repetition); the passages of
// each pair that state the same thing (Match) are linked at minSim or above. Documents are then
// taken in date order, each passage joining the formulation of the earlier passage it is most
// similar to, unless that formulation has a passage of its document already: so every variant
// restates an earlier one at minSim or above (its parent), and a formulation has one variant per
// document. Formulations are ranked by the number of documents they span, then by mean
// similarity, then by the position of their first variant.
func Recurring(docs [][]Unit, w *Weights, minSim float64) []Formulation {
	var all []*Unit
	docOf := []int{}
	for d := range docs {
		for i := range docs[d] {
			all = append(all, &docs[d][i])
			docOf = append(docOf, d)
		}
	}
	// every pair of passages that state the same thing
	type raw struct {
		a, b Passage
		da   int
		db   int
	}
	var pairs []raw
	vecs := vectors(all, w)
	neighbourCandidates(vecs, docOf, func(i, j int) {
		for _, pp := range Match(all[i], all[j], w, minSim) {
			pairs = append(pairs, raw{pp.A, pp.B, docOf[i], docOf[j]})
		}
	})
	// A unit's passages that overlap by half the shorter one are one passage, their union: a
	// formulation found from several documents at slightly different extents is one node.
	spans := map[*Unit][]Passage{}
	for _, p := range pairs {
		spans[p.a.Unit] = append(spans[p.a.Unit], p.a)
		spans[p.b.Unit] = append(spans[p.b.Unit], p.b)
	}
	merged := map[Passage]Passage{}
	for _, ps := range spans {
		for p, m := range mergePassages(ps) {
			merged[p] = m
		}
	}
	var nodes []node
	at := map[Passage]int{}
	nodeOf := func(p Passage, doc int) int {
		p = merged[p]
		if k, ok := at[p]; ok {
			return k
		}
		at[p] = len(nodes)
		nodes = append(nodes, node{p: p, doc: doc, group: -1})
		return len(nodes) - 1
	}
	linked := map[[2]int]bool{}
	for _, p := range pairs {
		a, b := nodeOf(p.a, p.da), nodeOf(p.b, p.db)
		if linked[[2]int{a, b}] || a == b {
			continue
		}
		linked[[2]int{a, b}], linked[[2]int{b, a}] = true, true
		if s := Similarity(nodes[a].p, nodes[b].p, w); s >= minSim {
			nodes[a].links = append(nodes[a].links, link{b, s})
			nodes[b].links = append(nodes[b].links, link{a, s})
		}
	}
	out, first := formulationsOf(nodes, len(docs))
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
	return ranked
}

// formulationsOf groups linked passages into formulations: documents (0 to nDocs-1, in date
// order) taken in turn, each passage joining the formulation of the earlier passage it is most
// similar to unless that one has a passage of its document already (see Recurring). It returns
// the formulations of two variants or more, in the order they began, with their first passages.
func formulationsOf(nodes []node, nDocs int) ([]Formulation, []Passage) {
	// documents in date order; within one, the passages most similar to an earlier one first
	byDoc := map[int][]int{}
	for k := range nodes {
		byDoc[nodes[k].doc] = append(byDoc[nodes[k].doc], k)
	}
	type group struct {
		members []int
		parent  map[int]int // member → the member it restates
		sim     map[int]float64
		docs    map[int]bool
	}
	var groups []*group
	earlier := func(k int, l link) bool { return nodes[l.to].doc < nodes[k].doc && nodes[l.to].group >= 0 }
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
			ls := append([]link(nil), nodes[k].links...)
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
				g := groups[nodes[l.to].group]
				if g.docs[d] {
					continue
				}
				g.members = append(g.members, k)
				g.parent[k], g.sim[k], g.docs[d] = l.to, l.sim, true
				nodes[k].group = nodes[l.to].group
				joined = true
				break
			}
			if !joined && len(nodes[k].links) > 0 && nodes[k].group < 0 {
				nodes[k].group = len(groups)
				groups = append(groups, &group{members: []int{k}, parent: map[int]int{}, sim: map[int]float64{}, docs: map[int]bool{d: true}})
			}
		}
	}
	var out []Formulation
	var first []Passage
	for _, g := range groups {
		if len(g.members) < 2 {
			continue
		}
		pos := map[int]int{}
		for i, k := range g.members {
			pos[k] = i // members were added in date order
		}
		f := Formulation{}
		sum := 0.0
		for i, k := range g.members {
			v := Variant{Passage: nodes[k].p, Parent: -1}
			if i > 0 {
				v.Parent, v.Similarity = pos[g.parent[k]], g.sim[k]
				sum += v.Similarity
			}
			f.Variants = append(f.Variants, v)
		}
		f.Mean = sum / float64(len(g.members)-1)
		out = append(out, f)
		first = append(first, nodes[g.members[0]].p)
	}
	return out, first
}

// mergePassages maps each passage of one unit to the union of the passages it overlaps by at
// least half the shorter one's words, transitively.
func mergePassages(ps []Passage) map[Passage]Passage {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].W1 != ps[j].W1 {
			return ps[i].W1 < ps[j].W1
		}
		return ps[i].W2 < ps[j].W2
	})
	out := map[Passage]Passage{}
	var group []Passage
	cur := Passage{W1: -1}
	flush := func() {
		for _, p := range group {
			out[p] = cur
		}
		group = group[:0]
	}
	for _, p := range ps {
		if len(group) > 0 {
			ov := min(cur.W2, p.W2) - max(cur.W1, p.W1) + 1
			short := min(cur.W2-cur.W1, p.W2-p.W1) + 1
			if 2*ov >= short {
				group = append(group, p)
				cur.W2 = max(cur.W2, p.W2)
				continue
			}
			flush()
		}
		cur = p
		group = append(group, p)
	}
	flush()
	return out
}

// passageLess orders passages by date, document, unit and clause.
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
	return a.W1 < b.W1
}

func dateLess(a, b time.Time) bool {
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	return a.Before(b)
}

// vec is a unit's keys as sorted ids with their weights, for the candidate index.
type vec struct {
	ids []uint32
	w   []float64
}

func vectors(units []*Unit, w *Weights) []vec {
	out := make([]vec, len(units))
	for u, un := range units {
		ids := append([]uint32(nil), un.keys...)
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		v := vec{}
		for i, id := range ids {
			if i > 0 && ids[i-1] == id {
				continue
			}
			v.ids = append(v.ids, id)
			v.w = append(v.w, w.of(id))
		}
		out[u] = v
	}
	return out
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

// neighbourCandidates calls pair, for each unit i in turn, with the units j > i of other
// documents to compare it with, in increasing order: all pairs within a posting list of at most
// SmallPosting units, and each unit with the next NeighbourWindow units of a longer list. In a
// large corpus each unit is indexed under its SignatureStems rarest keys only. The work is
// linear in the number of units, and no list of candidates is kept beyond the unit's own.
func neighbourCandidates(vecs []vec, docOf []int, pair func(i, j int)) {
	postings := map[uint32][]int{}
	large := len(vecs) > LargeCorpus
	sigs := make([]uint32, 0, len(vecs)*SignatureStems) // each unit's posting lists, in turn
	sigEnd := make([]int, len(vecs))
	for u := range vecs {
		ids := vecs[u].ids
		if large && len(ids) > SignatureStems {
			order := make([]int, len(ids))
			for i := range order {
				order[i] = i
			}
			w := vecs[u].w
			sort.SliceStable(order, func(a, b int) bool { return w[order[a]] > w[order[b]] })
			sel := make([]uint32, SignatureStems)
			for i := range sel {
				sel[i] = ids[order[i]]
			}
			ids = sel
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
	va, vb := vectors(pa, w), vectors(pb, w)
	for i := range va {
		for j := range vb {
			if sharedKeys(va[i].ids, vb[j].ids) >= MinSharedStems {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}
