package metrics

import (
	"context"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/readout/readout/internal/pool"
)

// Vocabulary interns terms as small integer ids, so that a corpus's term counts are held as
// sorted id slices rather than maps. It is safe for concurrent use.
type Vocabulary struct {
	mu    sync.RWMutex
	ids   map[string]uint32
	terms []string
	byExt []uint32 // IDOf: by a caller's id of a term, its id here + 1 (0 when not known yet)
}

// NewVocabulary returns an empty vocabulary.
func NewVocabulary() *Vocabulary { return &Vocabulary{ids: map[string]uint32{}} }

// ID returns the id of a term, adding it when it is new.
func (v *Vocabulary) ID(term string) uint32 {
	v.mu.RLock()
	id, ok := v.ids[term]
	v.mu.RUnlock()
	if ok {
		return id
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if id, ok := v.ids[term]; ok {
		return id
	}
	id = uint32(len(v.terms))
	v.ids[term] = id
	v.terms = append(v.terms, term)
	return id
}

// IDOf is ID for a term the caller has its own small id for (ext, from 1, the same for the same
// term: an interning table's): the id is found by ext in a slice, not by the term in a map.
func (v *Vocabulary) IDOf(ext uint32, term string) uint32 {
	v.mu.RLock()
	if int(ext) < len(v.byExt) && v.byExt[ext] != 0 {
		id := v.byExt[ext] - 1
		v.mu.RUnlock()
		return id
	}
	v.mu.RUnlock()
	id := v.ID(term)
	v.mu.Lock()
	defer v.mu.Unlock()
	if int(ext) >= len(v.byExt) {
		v.byExt = append(v.byExt, make([]uint32, int(ext)+1-len(v.byExt))...)
	}
	v.byExt[ext] = id + 1
	return id
}

// Lookup returns the id of a term it has.
func (v *Vocabulary) Lookup(term string) (uint32, bool) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	id, ok := v.ids[term]
	return id, ok
}

// Len returns the number of terms.
func (v *Vocabulary) Len() int {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return len(v.terms)
}

// Term returns the term of an id.
func (v *Vocabulary) Term(id uint32) string {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.terms[id]
}

// Ranks returns, for each id, the rank of its term in byte order: renumbering vectors by rank
// (Vector.Renumber) orders their terms as Bag's functions sum them, so that sparse and map
// results agree to the last digit.
func (v *Vocabulary) Ranks() []uint32 {
	v.mu.RLock()
	defer v.mu.RUnlock()
	order := make([]uint32, len(v.terms))
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(a, b int) bool { return v.terms[order[a]] < v.terms[order[b]] })
	rank := make([]uint32, len(order))
	for r, id := range order {
		rank[id] = uint32(r)
	}
	return rank
}

// Vector is a document's term counts: term ids in increasing order, with their counts.
type Vector struct {
	Terms  []uint32
	Counts []float32 // whole counts: exact in float32 up to 2^24
}

// NewVector counts term ids (in any order, repeated).
func NewVector(ids []uint32) Vector {
	if len(ids) < 64 {
		return sortedVector(ids)
	}
	maxID := slices.Max(ids)
	if maxID >= 1<<22 {
		return sortedVector(ids)
	}
	// counted in a table by id, only the distinct ids sorted: a document has a few hundred
	// words and half as many distinct ones
	c := counters.Get().(*counter)
	defer counters.Put(c)
	if int(maxID) >= len(c.n) {
		c.n = append(c.n, make([]uint32, int(maxID)+1-len(c.n))...)
	}
	c.seen = c.seen[:0]
	for _, id := range ids {
		if c.n[id] == 0 {
			c.seen = append(c.seen, id)
		}
		c.n[id]++
	}
	slices.Sort(c.seen)
	v := Vector{Terms: make([]uint32, len(c.seen)), Counts: make([]float32, len(c.seen))}
	for k, id := range c.seen {
		v.Terms[k], v.Counts[k] = id, float32(c.n[id])
		c.n[id] = 0
	}
	return v
}

// counter is NewVector's table of counts by id, all 0 between uses, and its distinct ids.
type counter struct{ n, seen []uint32 }

var counters = sync.Pool{New: func() any { return new(counter) }}

// sortedVector is NewVector by sorting the ids.
func sortedVector(ids []uint32) Vector {
	s := slices.Clone(ids)
	slices.Sort(s)
	n := 0
	for i := range s {
		if i == 0 || s[i] != s[i-1] {
			n++
		}
	}
	// made at their size: a corpus holds one per document
	v := Vector{Terms: make([]uint32, 0, n), Counts: make([]float32, 0, n)}
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		v.Terms = append(v.Terms, s[i])
		v.Counts = append(v.Counts, float32(j-i))
		i = j
	}
	return v
}

// Renumber maps the vector's ids through rank (Vocabulary.Ranks) and sorts them again.
func (v *Vector) Renumber(rank []uint32) {
	// each term with its count in one word, so that the sort moves them together
	packed := make([]uint64, len(v.Terms))
	for k, t := range v.Terms {
		packed[k] = uint64(rank[t])<<32 | uint64(math.Float32bits(v.Counts[k]))
	}
	slices.Sort(packed)
	for k, p := range packed {
		v.Terms[k], v.Counts[k] = uint32(p>>32), math.Float32frombits(uint32(p))
	}
}

// IDF returns the smoothed inverse document frequency of TFIDF for every term id below
// nTerms: idf(t) = ln((1 + D) / (1 + df(t))) + 1.
func IDF(docs []Vector, nTerms int) []float64 {
	df := make([]float64, nTerms)
	for _, d := range docs {
		for _, t := range d.Terms {
			df[t]++
		}
	}
	n := float64(len(docs))
	idf := make([]float64, nTerms)
	for t := range idf {
		idf[t] = math.Log((1+n)/(1+df[t])) + 1
	}
	return idf
}

// Weighted is a Vector weighted by idf, with its Euclidean norm: the sparse form of a TFIDF
// Bag.
type Weighted struct {
	Terms   []uint32
	Weights []float64
	Norm    float64 // √Σ w², summed in term order
}

// Weigh returns v's tf-idf weights w(t) = count(t) · idf(t).
func Weigh(v Vector, idf []float64) Weighted {
	w := Weighted{Terms: v.Terms, Weights: make([]float64, len(v.Terms))}
	var ss float64
	for k, t := range v.Terms {
		x := float64(v.Counts[k]) * idf[t]
		w.Weights[k] = x
		ss += x * x
	}
	w.Norm = math.Sqrt(ss)
	return w
}

// WeightedOf makes a weighted vector of term weights (its norm summed in term order).
func WeightedOf(weights map[uint32]float64) Weighted {
	var w Weighted
	for t := range weights {
		w.Terms = append(w.Terms, t)
	}
	slices.Sort(w.Terms)
	var ss float64
	for _, t := range w.Terms {
		x := weights[t]
		w.Weights = append(w.Weights, x)
		ss += x * x
	}
	w.Norm = math.Sqrt(ss)
	return w
}

// CosineWeighted is Cosine of two weighted vectors: Σxy / (|x| |y|), 0 when either is zero.
// With ids numbered in term order (Vector.Renumber) it equals Cosine of the same Bags.
func CosineWeighted(x, y Weighted) float64 {
	if x.Norm == 0 || y.Norm == 0 {
		return 0
	}
	var xy float64
	for i, j := 0, 0; i < len(x.Terms) && j < len(y.Terms); {
		switch {
		case x.Terms[i] < y.Terms[j]:
			i++
		case x.Terms[i] > y.Terms[j]:
			j++
		default:
			xy += x.Weights[i] * y.Weights[j]
			i++
			j++
		}
	}
	return xy / (x.Norm * y.Norm)
}

// JensenShannonVectors is JensenShannon of two count vectors (base 2, in [0, 1]; NaN when
// either is empty). With ids numbered in term order it equals JensenShannon of the same Bags.
func JensenShannonVectors(x, y Vector) float64 {
	var sx, sy float64
	for _, c := range x.Counts {
		sx += float64(c)
	}
	for _, c := range y.Counts {
		sy += float64(c)
	}
	if sx == 0 || sy == 0 {
		return math.NaN()
	}
	var js float64
	add := func(p, q float64) {
		m := (p + q) / 2
		if p > 0 {
			js += p * math.Log2(p/m) / 2
		}
		if q > 0 {
			js += q * math.Log2(q/m) / 2
		}
	}
	i, j := 0, 0
	for i < len(x.Terms) || j < len(y.Terms) {
		switch {
		case j == len(y.Terms) || (i < len(x.Terms) && x.Terms[i] < y.Terms[j]):
			add(float64(x.Counts[i])/sx, 0)
			i++
		case i == len(x.Terms) || x.Terms[i] > y.Terms[j]:
			add(0, float64(y.Counts[j])/sy)
			j++
		default:
			add(float64(x.Counts[i])/sx, float64(y.Counts[j])/sy)
			i++
			j++
		}
	}
	return math.Min(1, math.Max(0, js))
}

// Neighbor is a document and its similarity to another.
type Neighbor struct {
	Doc   int
	Value float64
}

// CosineIndex computes the cosine similarities of weighted document vectors through an
// inverted index of their terms: a document is compared only with the documents that share a
// term with it, and each pair's dot product is accumulated term by term in term order, so every
// value equals CosineWeighted's. The work is Σ_t df(t)², not D² times the vector length.
type CosineIndex struct {
	docs      []Weighted
	docsOf    [][]int32   // by term: the documents that have it, in increasing order
	weightsOf [][]float64 // by term: their weights of it
}

// NewCosineIndex indexes the documents' terms.
func NewCosineIndex(docs []Weighted, nTerms int) *CosineIndex {
	ix := &CosineIndex{docs: docs, docsOf: make([][]int32, nTerms), weightsOf: make([][]float64, nTerms)}
	df := make([]int, nTerms)
	for _, d := range docs {
		for _, t := range d.Terms {
			df[t]++
		}
	}
	for t, n := range df {
		if n > 0 {
			ix.docsOf[t], ix.weightsOf[t] = make([]int32, 0, n), make([]float64, 0, n)
		}
	}
	for i, d := range docs {
		for k, t := range d.Terms {
			ix.docsOf[t] = append(ix.docsOf[t], int32(i))
			ix.weightsOf[t] = append(ix.weightsOf[t], d.Weights[k])
		}
	}
	return ix
}

// row accumulates document i's dot products with the documents from first on into acc (which
// the caller reads and zeroes from first on).
func (ix *CosineIndex) row(i, first int, acc []float64) {
	d := ix.docs[i]
	for k, t := range d.Terms {
		w := d.Weights[k]
		docs, ws := ix.docsOf[t], ix.weightsOf[t]
		from := sort.Search(len(docs), func(x int) bool { return docs[x] >= int32(first) })
		ws = ws[from:len(docs)]
		for x, j := range docs[from:] {
			acc[j] += w * ws[x]
		}
	}
}

// Matrix returns the full similarity matrix (D × D, symmetric), computing each pair once.
func (ix *CosineIndex) Matrix(ctx context.Context, jobs int, progress func(done, total int)) ([][]float64, error) {
	n := len(ix.docs)
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	accs := make([][]float64, pool.Jobs(jobs))
	var mu sync.Mutex
	done := 0
	err := pool.Each(ctx, n, jobs, func(w, i int) error {
		if accs[w] == nil {
			accs[w] = make([]float64, n)
		}
		acc := accs[w]
		ix.row(i, i, acc) // the diagonal too: Σ w·w, as Cosine(x, x) sums it
		for j := i; j < n; j++ {
			m[i][j] = cosineOf(acc[j], ix.docs[i].Norm, ix.docs[j].Norm)
			acc[j] = 0
		}
		if progress != nil {
			mu.Lock()
			done++
			progress(done, n)
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range m {
		for j := 0; j < i; j++ {
			m[i][j] = m[j][i]
		}
	}
	return m, nil
}

func cosineOf(dot, a, b float64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return dot / (a * b)
}

// Nearest returns, for every document, its k most similar other documents, most similar
// first (ties: the earlier document), without the full matrix: each pair is computed once, and
// each worker keeps the k best of every document it has seen, merged at the end. Documents that
// share no term with any other have fewer than k neighbours with a non-zero value: the earliest
// documents not found fill the list at 0, as a full matrix would rank them.
func (ix *CosineIndex) Nearest(ctx context.Context, k, jobs int, progress func(done, total int)) ([][]Neighbor, error) {
	n := len(ix.docs)
	workers := pool.Jobs(jobs)
	best := make([][]topK, workers)
	accs := make([][]float64, workers)
	var mu sync.Mutex
	done := 0
	err := pool.Each(ctx, n, jobs, func(w, i int) error {
		if accs[w] == nil {
			accs[w] = make([]float64, n)
			best[w] = make([]topK, n)
		}
		acc, top := accs[w], best[w]
		ix.row(i, i+1, acc)
		ni := ix.docs[i].Norm
		for j := i + 1; j < n; j++ {
			if acc[j] == 0 {
				continue // no term in common: filled in at 0 below if need be
			}
			v := cosineOf(acc[j], ni, ix.docs[j].Norm)
			acc[j] = 0
			top[i].offer(k, Neighbor{j, v})
			top[j].offer(k, Neighbor{i, v})
		}
		if progress != nil {
			mu.Lock()
			done++
			progress(done, n)
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([][]Neighbor, n)
	for i := range out {
		var all []Neighbor
		for w := range best {
			if best[w] != nil {
				all = append(all, best[w][i].items...)
			}
		}
		sortNeighbors(all)
		if len(all) > k {
			all = all[:k]
		}
		// fill with the earliest documents not found, at 0
		if len(all) < k && len(all) < n-1 {
			found := map[int]bool{i: true}
			for _, nb := range all {
				found[nb.Doc] = true
			}
			for j := 0; j < n && len(all) < k; j++ {
				if !found[j] {
					all = append(all, Neighbor{j, 0})
				}
			}
			sortNeighbors(all)
		}
		out[i] = all
	}
	return out, nil
}

// topK keeps the k best neighbours offered (a small sorted list: k is a handful).
type topK struct{ items []Neighbor }

func (t *topK) offer(k int, nb Neighbor) {
	if len(t.items) == k {
		if last := t.items[k-1]; nb.Value < last.Value || (nb.Value == last.Value && nb.Doc > last.Doc) {
			return
		}
	}
	t.insert(k, nb)
}

func (t *topK) insert(k int, nb Neighbor) {
	at := sort.Search(len(t.items), func(x int) bool { return better(nb, t.items[x]) })
	if len(t.items) < k {
		t.items = append(t.items, Neighbor{})
	}
	copy(t.items[at+1:], t.items[at:])
	t.items[at] = nb
}

// better orders neighbours by value, largest first, ties by the earlier document.
func better(a, b Neighbor) bool {
	if a.Value != b.Value {
		return a.Value > b.Value
	}
	return a.Doc < b.Doc
}

func sortNeighbors(s []Neighbor) { sort.Slice(s, func(a, b int) bool { return better(s[a], s[b]) }) }
