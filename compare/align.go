package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/readout/readout/textproc"
)

// Weights are the inverse document frequencies of alignment keys over the units of a corpus:
//
//	w(k) = ln(1 + U / df(k))
//
// U the number of units and df(k) the number containing key k; a key absent from the set gets
// the weight of a key seen once. diff, align and compare weigh words over the same units: the
// corpus's, and those of the documents compared that are not in it.
type Weights struct {
	w     []float64 // by key id
	units float64
	wf    []int64 // w in fixed point (fixed), when made by WeightCounter
}

func (w *Weights) of(id uint32) float64 {
	f := 1.0
	if id&genericBit != 0 {
		id, f = id&^genericBit, GenericWeight
	}
	if int(id) < len(w.w) && w.w[id] > 0 {
		return f * w.w[id]
	}
	return f * math.Log(1+math.Max(w.units, 1))
}

// fixedOne is 1 in the fixed point of Weights.fixed.
const fixedOne = 1 << 32

// fixed is the weight of a key in fixed point (units of 2⁻³²): sums of them are exact.
func (w *Weights) fixed(id uint32) int64 {
	if k := id &^ genericBit; id&genericBit == 0 && int(k) < len(w.wf) && w.wf[k] > 0 {
		return w.wf[k]
	}
	return int64(math.Round(w.of(id) * fixedOne))
}

// scale is the weight of a key seen once: similarities are sums of weights over it.
func (w *Weights) scale() float64 { return math.Log(1 + math.Max(w.units, 1)) }

// WeightCounter counts key document frequencies over units added a document at a time, so that
// Weights can be had without holding every unit. It is safe for concurrent use; the counts do
// not depend on the order of Add.
type WeightCounter struct {
	mu sync.Mutex
	df []float64 // by key id
	n  float64
}

// NewWeightCounter returns an empty counter.
func NewWeightCounter() *WeightCounter { return &WeightCounter{} }

// Add counts the units' keys.
func (c *WeightCounter) Add(units []Unit) {
	seen := map[uint32]bool{}
	var local []uint32
	for _, u := range units {
		clear(seen)
		for _, k := range u.keys() {
			if !seen[k] {
				seen[k] = true
				local = append(local, k)
			}
		}
	}
	c.add(len(units), local)
}

// add counts n units with keys local (each unit's distinct keys, in turn).
func (c *WeightCounter) add(n int, local []uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += float64(n)
	for _, k := range local {
		k &^= genericBit
		for int(k) >= len(c.df) {
			c.df = append(c.df, make([]float64, max(int(k)+1-len(c.df), 1024))...)
		}
		c.df[k]++
	}
}

// AddDoc counts the keys of the units of an analysed document, as Add(Units(…, d, lx)) would,
// without making the units.
func (c *WeightCounter) AddDoc(d *textproc.Doc, lx *textproc.Lexicon) {
	sc := newUnitScan(d, lx)
	var local, unit []uint32
	n := 0
	for _, s := range d.Sentences {
		if !sc.unit(s) {
			continue
		}
		n++
		unit = unit[:0]
		for i := s.TokStart; i < s.TokEnd; i++ {
			if id := sc.ids[i]; id != 0 && !slices.Contains(unit, id) {
				unit = append(unit, id)
			}
		}
		local = append(local, unit...)
	}
	c.add(n, local)
}

// Merge adds another counter's counts.
func (c *WeightCounter) Merge(o *WeightCounter) {
	o.mu.Lock()
	df, n := append([]float64(nil), o.df...), o.n
	o.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += n
	if len(df) > len(c.df) {
		c.df = append(c.df, make([]float64, len(df)-len(c.df))...)
	}
	for k, d := range df {
		c.df[k] += d
	}
}

// Weights returns the weights of the units counted, as NewWeights would give for them.
func (c *WeightCounter) Weights() *Weights {
	c.mu.Lock()
	defer c.mu.Unlock()
	w := &Weights{w: make([]float64, len(c.df)), wf: make([]int64, len(c.df)), units: c.n}
	for k, d := range c.df {
		if d > 0 {
			w.w[k] = math.Log(1 + c.n/d)
			w.wf[k] = int64(math.Round(w.w[k] * fixedOne))
		}
	}
	return w
}

// NewWeights counts key document frequencies over units.
func NewWeights(sets ...[]Unit) *Weights {
	c := NewWeightCounter()
	for _, units := range sets {
		c.Add(units)
	}
	return c.Weights()
}

// A Passage is words W1 to W2 of a unit: what a formulation is, inside a longer sentence.
type Passage struct {
	Unit   *Unit
	W1, W2 int
}

// Span returns the passage's byte offsets in the analysed text of its document.
func (p Passage) Span() (start, end int) {
	u := p.Unit
	return u.Start + int(u.words()[p.W1].from()), u.Start + int(u.words()[p.W2].to())
}

// Text returns the passage's text, from its unit's text.
func (p Passage) Text() string {
	u := p.Unit
	a, b := int(u.words()[p.W1].from())-int(u.textAt), min(int(u.words()[p.W2].to())-int(u.textAt), len(u.Text))
	if a < 0 || a > b {
		return ""
	}
	return u.Text[a:b]
}

// Whole reports whether the passage is its whole unit.
func (p Passage) Whole() bool {
	return p.W1 == 0 && p.Unit.before == 0 && p.W2 == len(p.Unit.words())-1 && p.Unit.after == 0
}

// overlaps reports whether two passages of one unit share words.
func (p Passage) overlaps(q Passage) bool { return p.Unit == q.Unit && p.W1 <= q.W2 && q.W1 <= p.W2 }

// MaxWiden is how many words a passage takes in to reach the edge of its clause.
const MaxWiden = 4

// widen extends a passage to the words of the terms it begins (مجموعة → مجموعة العشرين), over
// the terms next to a list it holds, to the edges of its clauses when at most MaxWiden words lie
// between (the tail of a list, the verb before it), and else over the function words at its
// edges (the في of في إطار …).
func (p Passage) widen() Passage {
	u := p.Unit
	w := u.words()
	for _, t := range u.terms() {
		if int(t.w1) >= p.W1 && int(t.w1) <= p.W2 {
			p.W2 = max(p.W2, int(t.w2))
		}
	}
	// a list goes on over the terms next to it, commas or not: مجلس الأمن، ومنظمة شنغهاي …
	if p.namesATerm() {
		for grown := true; grown; {
			grown = false
			for _, t := range u.terms() {
				if int(t.w2) == p.W1-1 {
					p.W1, grown = int(t.w1), true
				}
				if int(t.w1) == p.W2+1 {
					p.W2, grown = int(t.w2), true
				}
			}
		}
	}
	left := p.W1
	for left > 0 && !w[left].cut() {
		left--
	}
	if p.W1-left <= MaxWiden {
		p.W1 = left
	} else {
		for p.W1 > 0 && !w[p.W1].cut() && w[p.W1-1].stop() {
			p.W1--
		}
	}
	right := p.W2
	for right+1 < len(w) && !w[right+1].cut() {
		right++
	}
	if right-p.W2 <= MaxWiden {
		p.W2 = right
	} else {
		for p.W2+1 < len(w) && !w[p.W2+1].cut() && w[p.W2+1].stop() {
			p.W2++
		}
	}
	return p
}

// thingOf returns what content word i is a word of: the index of its term when it is a word of
// a term of several words, else -1-i (its own).
func (u *Unit) thingOf(i int) int32 {
	a := u.at()[i]
	for t, tr := range u.terms() {
		if a >= tr.w1 && a <= tr.w2 && tr.w2 > tr.w1 {
			return int32(t)
		}
	}
	return int32(-1 - i)
}

// A bag is the content keys of a passage with their counts, sorted by key, and their groups:
// which keys are words of one term (a group per term occurrence, the other keys each their own),
// so that two passages that share the words of one name (خط أنابيب، الغاز الطبيعي) share one
// thing, not two. Its slices are reused from one passage to the next.
type bag struct {
	ids    []uint32
	counts []float64
	groups []int32
	ks     []keyGroup
	things []int32 // scratch of similarity
}

type keyGroup struct {
	k uint32
	g int32
}

// fill makes b the bag of the passage.
func (p Passage) fill(b *bag) {
	u := p.Unit
	b.ks = b.ks[:0]
	at := u.at()
	for i, k := range u.keys() {
		if a := int(at[i]); a >= p.W1 && a <= p.W2 {
			b.ks = append(b.ks, keyGroup{k, u.thingOf(i)})
		}
	}
	ks := b.ks
	slices.SortFunc(ks, func(x, y keyGroup) int {
		if x.k != y.k {
			return cmp.Compare(x.k, y.k)
		}
		return cmp.Compare(x.g, y.g)
	})
	b.ids, b.counts, b.groups = b.ids[:0], b.counts[:0], b.groups[:0]
	for i := 0; i < len(ks); {
		j := i
		for j < len(ks) && ks[j].k == ks[i].k {
			j++
		}
		b.ids, b.counts, b.groups = append(b.ids, ks[i].k), append(b.counts, float64(j-i)), append(b.groups, ks[i].g)
		i = j
	}
}

// MinSharedStems is the fewest distinct things two passages must share to be similar at all
// (content words, the words of one term counting once): one rare word in common (a city, a
// date) or one name (خط أنابيب) is a coincidence, not a formulation.
const MinSharedStems = 2

// Similarity is the weighted Dice coefficient of two passages' content keys:
//
//	sim(A, B) = 2 Σ_k w(k)·min(a_k, b_k) / (Σ_k w(k)·a_k + Σ_k w(k)·b_k)
//
// with a_k and b_k the counts of key k; 1 for the same words, 0 when fewer than MinSharedStems
// distinct keys are shared or the shared weight is below MinEvidence times the weight of a key
// seen once. Frequent words (التعاون، العلاقات) weigh little, rare ones (شنغهاي، العشرين) much;
// names, titles, reporting verbs and function words are not content words and weigh nothing.
// Word order does not count; the word diff shows it.
func Similarity(a, b Passage, w *Weights) float64 {
	var x, y bag
	return x.similarity(a, b, &y, w)
}

// similarity is Similarity with x and y as the passages' bags.
func (x *bag) similarity(a, b Passage, y *bag, w *Weights) float64 {
	a.fill(x)
	b.fill(y)
	return similarity(x, y, w)
}

// MinEvidence is the least shared weight, in units of the weight of a key seen once, that two
// passages need to be similar: two frequent words in common (تعزيز التعاون) are not a
// formulation, however short the passages.
const MinEvidence = 1.0

func similarity(a, b *bag, w *Weights) float64 {
	// The sums are in fixed point, so that they do not depend on the order of the keys, which
	// is the order in which the corpus's workers met them.
	var common, ta, tb int64
	ka, ca, ga, kb, cb := a.ids, a.counts, a.groups, b.ids, b.counts
	things := a.things[:0] // what the shared keys are words of
	for i, k := range ka {
		ta += w.fixed(k) * int64(ca[i])
	}
	for j, k := range kb {
		tb += w.fixed(k) * int64(cb[j])
	}
	for i, j := 0, 0; i < len(ka) && j < len(kb); {
		switch {
		case ka[i] < kb[j]:
			i++
		case ka[i] > kb[j]:
			j++
		default:
			common += w.fixed(ka[i]) * int64(min(ca[i], cb[j]))
			if !slices.Contains(things, ga[i]) {
				things = append(things, ga[i])
			}
			i++
			j++
		}
	}
	a.things = things
	if len(things) < MinSharedStems || ta+tb == 0 || float64(common) < MinEvidence*w.scale()*fixedOne {
		return 0
	}
	return 2 * float64(common) / float64(ta+tb)
}

// Local alignment of two units' content words (Smith–Waterman): a match of key k scores
// w(k)/w₁ (w₁ the weight of a key seen once), a mismatch −Mismatch, a gap −Gap. The best
// alignment gives the passage of each unit that states the same thing; it is masked and the
// next best sought, so a sentence holding several formulations matches each of them.
const (
	Mismatch   = 0.2
	Gap        = 0.15
	MaxRegions = 3
)

type region struct{ i1, i2, j1, j2 int } // content word indices, inclusive

// matchScratch is the working memory of Match, reused from one pair to the next by a worker.
type matchScratch struct {
	h              []float64
	usedA, usedB   []bool
	x, y           bag
	matches        [][2]int
	pieces, merged [][2]int
	seen           []int32
	first, last    []int32
	regs           []region
	pairs          []PassagePair
	cands          []int // candidateIndex.of's
}

// regions returns up to MaxRegions non-overlapping local alignments of a and b with at least
// MinSharedStems matches.
func (sc *matchScratch) regions(a, b *Unit, w *Weights) []region {
	ak, bk := a.keys(), b.keys()
	n, m := len(ak), len(bk)
	if n == 0 || m == 0 {
		return nil
	}
	grow := func(s []bool, k int) []bool {
		if cap(s) < k {
			return make([]bool, k)
		}
		s = s[:k]
		clear(s)
		return s
	}
	sc.usedA, sc.usedB = grow(sc.usedA, n), grow(sc.usedB, m)
	usedA, usedB := sc.usedA, sc.usedB
	if k := (n + 1) * (m + 1); cap(sc.h) < k {
		sc.h = make([]float64, k)
	} else {
		sc.h = sc.h[:k]
		clear(sc.h)
	}
	h := sc.h
	sc.keyRanges(a, b)
	scale := w.scale()
	out := sc.regs[:0]
	defer func() { sc.regs = out[:0] }()
	// left reports whether MinSharedStems things of a still match words of b that no region
	// has taken: else no further region can be found
	seen := sc.seen[:0]
	left := func() bool {
		seen = seen[:0]
		for i := range n {
			if usedA[i] {
				continue
			}
			g := a.thingOf(i)
			if slices.Contains(seen, g) {
				continue
			}
			for j := range m {
				if !usedB[j] && ak[i] == bk[j] {
					if seen = append(seen, g); len(seen) >= MinSharedStems {
						return true
					}
					break
				}
			}
		}
		return false
	}
	for tries := 0; len(out) < MaxRegions && tries < 2*MaxRegions; tries++ {
		if tries > 0 && !left() {
			break
		}
		best, bi, bj := sc.fill(a, b, w, scale)
		if best == 0 {
			break
		}
		// trace back to where the alignment starts, keeping its matches
		i, j := bi, bj
		matches := sc.matches[:0] // content word indices, last first
		i1, j1 := bi, bj
		for i > 0 && j > 0 && h[i*(m+1)+j] > 0 {
			v := h[i*(m+1)+j]
			s := -Mismatch
			match := !usedA[i-1] && !usedB[j-1] && ak[i-1] == bk[j-1]
			if match {
				s = w.of(ak[i-1]) / scale
			}
			i1, j1 = i, j
			switch {
			case approx(v, h[(i-1)*(m+1)+j-1]+s):
				if match {
					matches = append(matches, [2]int{i - 1, j - 1})
				}
				i, j = i-1, j-1
			case approx(v, h[(i-1)*(m+1)+j]-Gap):
				i--
			default:
				j--
			}
		}
		for x := i1 - 1; x <= bi-1; x++ {
			usedA[x] = true
		}
		for y := j1 - 1; y <= bj-1; y++ {
			usedB[y] = true
		}
		clear(h)
		slices.Reverse(matches)
		sc.matches = matches
		out = sc.splitAtClauses(a, b, matches, out)
	}
	if len(out) > MaxRegions {
		out = out[:MaxRegions]
	}
	return out
}

// keyRanges sets sc.first and sc.last to the first and last content words of b with the key of
// each content word of a (1-based; 0 when none), for fill.
func (sc *matchScratch) keyRanges(a, b *Unit) {
	ak, bk := a.keys(), b.keys()
	n := len(ak)
	sc.first, sc.last = slices.Grow(sc.first[:0], n)[:n], slices.Grow(sc.last[:0], n)[:n]
	for i, k := range ak {
		sc.first[i], sc.last[i] = 0, 0
		for j, l := range bk {
			if k == l {
				if sc.first[i] == 0 {
					sc.first[i] = int32(j + 1)
				}
				sc.last[i] = int32(j + 1)
			}
		}
	}
}

// fill fills sc.h with the local alignment scores of a's and b's content words that no region
// has taken (sc.usedA, sc.usedB), and returns the best score and its cell. sc.h is all 0 and
// sc.keyRanges(a, b) set when it is called.
func (sc *matchScratch) fill(a, b *Unit, w *Weights, scale float64) (best float64, bi, bj int) {
	ak, bk := a.keys(), b.keys()
	n, m := len(ak), len(bk)
	h, usedA, usedB := sc.h, sc.usedA, sc.usedB
	// Only the cells that can be above 0 are computed: those of a row's matches, those
	// under or right below the previous row's cells above 0, and those after a cell above
	// 0 in the row. The others stay 0, as they would be computed, and the best cell is the
	// same, found in the same order.
	plo, phi := 0, -1 // the previous row's cells above 0 are within plo–phi (1-based; none when plo is 0)
	for i := 1; i <= n; i++ {
		lo, hi := 0, -1
		if !usedA[i-1] {
			lo, hi = int(sc.first[i-1]), int(sc.last[i-1])
		}
		switch {
		case plo == 0 && lo == 0:
			plo, phi = 0, -1
			continue
		case plo == 0:
		case lo == 0:
			lo, hi = plo, phi+1
		default:
			lo, hi = min(lo, plo), max(hi, phi+1)
		}
		ai, free, row, up := ak[i-1], !usedA[i-1], h[i*(m+1):(i+1)*(m+1)], h[(i-1)*(m+1):i*(m+1)]
		plo, phi = 0, -1
		for j := lo; j <= m; j++ {
			if j > hi && row[j-1] == 0 {
				break
			}
			s := -Mismatch
			if free && !usedB[j-1] && ai == bk[j-1] {
				s = w.of(ai) / scale
			}
			v := max(0, up[j-1]+s, up[j]-Gap, row[j-1]-Gap)
			row[j] = v
			if v > 0 {
				if plo == 0 {
					plo = j
				}
				phi = j
			}
			if v > best {
				best, bi, bj = v, i, j
			}
		}
	}
	return best, bi, bj
}

// MaxListGap is how many content words may lie between two items of one list, on either side,
// for an item matched alone across a comma to stay in the list's passage (splitAtClauses).
const MaxListGap = 1

// splitAtClauses cuts an alignment where a clause begins between two of its matches, on either
// side, so that two formulations said one after the other (…وأمنه وحقوقه في التنمية، وحماية
// مصالحهما المشتركة) are two regions. A piece of fewer than MinSharedStems things stays with the
// piece before it (or after it, for the first) when it goes on a list, so that a list whose items
// are set apart by commas stays whole; else it is left out, so that a word the next clause shares
// (…الشراكة بين البلدين، وبحث التجارة والطاقة) does not stretch a passage over that clause.
func (sc *matchScratch) splitAtClauses(a, b *Unit, matches [][2]int, out []region) []region {
	cutBetween := func(u *Unit, x, y int) bool { // a clause begins after content word x, by content word y
		at, ws := u.at(), u.words()
		for k := int(at[x]) + 1; k <= int(at[y]); k++ {
			if ws[k].cut() {
				return true
			}
		}
		return false
	}
	// pieces, and pieces merged, are ranges of matches: a merge joins neighbours
	pieces := sc.pieces[:0]
	for k, mt := range matches {
		if k == 0 || cutBetween(a, matches[k-1][0], mt[0]) || cutBetween(b, matches[k-1][1], mt[1]) {
			pieces = append(pieces, [2]int{k, k + 1})
		}
		pieces[len(pieces)-1][1] = k + 1
	}
	// things counts the distinct things a piece matches: content words, the words of one term
	// counting once
	seen := sc.seen[:0]
	things := func(r [2]int) int {
		seen = seen[:0]
		for _, mt := range matches[r[0]:r[1]] {
			if g := a.thingOf(mt[0]); !slices.Contains(seen, g) {
				seen = append(seen, g)
			}
		}
		return len(seen)
	}
	// a piece of one thing joins its neighbour across the cut between them when it goes on a
	// list: the two units are both cut there (two lists, item for item), or it follows its
	// neighbour within MaxListGap content words in each unit (wheat, timber and fertiliser |
	// wheat and timber). Else it is a word that a next clause happens to share, and is left out.
	joins := func(cut int) bool {
		p, q := matches[cut-1], matches[cut]
		return cutBetween(a, p[0], q[0]) && cutBetween(b, p[1], q[1]) || q[0]-p[0]-1 <= MaxListGap && q[1]-p[1]-1 <= MaxListGap
	}
	merged := sc.merged[:0]
	for _, r := range pieces {
		if len(merged) == 0 {
			merged = append(merged, r)
			continue
		}
		last := &merged[len(merged)-1]
		switch lr, lp := things(r) < MinSharedStems, things(*last) < MinSharedStems; {
		case (lr || lp) && joins(r[0]):
			last[1] = r[1]
		case lp:
			*last = r // a first piece of one thing that does not join is left out
		case lr:
			// left out
		default:
			merged = append(merged, r)
		}
	}
	for _, r := range merged {
		if things(r) >= MinSharedStems {
			first, last := matches[r[0]], matches[r[1]-1]
			out = append(out, region{first[0], last[0], first[1], last[1]})
		}
	}
	sc.pieces, sc.merged, sc.seen = pieces, merged, seen
	return out
}

func approx(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// PassagePair is two passages that state the same thing, with their similarity.
type PassagePair struct {
	A, B       Passage
	Similarity float64
}

// Match returns the passages of a and b that state the same thing at minSim or above: each local
// alignment of their content words, from its first word to its last, widened over the function
// words at its edges, scored by Similarity.
func Match(a, b *Unit, w *Weights, minSim float64) []PassagePair {
	var sc matchScratch
	return slices.Clone(sc.match(a, b, w, minSim))
}

// match is Match in the scratch's memory: what it returns is valid until its next call.
func (sc *matchScratch) match(a, b *Unit, w *Weights, minSim float64) []PassagePair {
	out := sc.pairs[:0]
	defer func() { sc.pairs = out[:0] }()
	for _, r := range sc.regions(a, b, w) {
		pa := Passage{a, int(a.at()[r.i1]), int(a.at()[r.i2])}.widen()
		pb := Passage{b, int(b.at()[r.j1]), int(b.at()[r.j2])}.widen()
		dup := false
		for _, q := range out {
			dup = dup || (q.A == pa && q.B == pb)
		}
		if dup {
			continue
		}
		if s := sc.x.similarity(pa, pb, &sc.y, w); s >= minSim {
			out = append(out, PassagePair{pa, pb, s})
		}
	}
	return out
}

// DefaultMinSimilarity is the threshold at which two passages state the same thing, chosen on
// the seed corpus against the formulations read by hand (docs/METHODS.md, compare.align).
const DefaultMinSimilarity = 0.30

// Pair is an aligned pair of passages with the word diff from A to B.
type Pair struct {
	A, B       Passage
	Similarity float64
	Ops        []Op
	Added      []string // named things only in B, when the passages are lists
	Dropped    []string // named things only in A
}

// Alignment is the alignment of two documents' statements.
type Alignment struct {
	Pairs   []Pair  // in A's order
	Dropped []*Unit // units of A with no passage paired
	Added   []*Unit // units of B with no passage paired
}

// Align pairs the passages of a (the earlier document) with those of b: candidate units from the
// key index, the passages of each unit pair that state the same thing (Match), then each passage
// in at most one pair, from the most similar down (ties: earlier in a, then earlier in b). Each
// pair gets its word diff and, for lists, what was added and dropped; units with no passage in a
// pair are dropped (only in a) or added (only in b).
func Align(a, b []Unit, w *Weights, minSim float64, diff func(a, b string) []Op) Alignment {
	var pairs []PassagePair
	for _, c := range candidatePairs(a, b, w) {
		pairs = append(pairs, Match(&a[c[0]], &b[c[1]], w, minSim)...)
	}
	sort.SliceStable(pairs, func(x, y int) bool {
		p, q := pairs[x], pairs[y]
		if p.Similarity != q.Similarity {
			return p.Similarity > q.Similarity
		}
		if p.A.Unit.Index != q.A.Unit.Index {
			return p.A.Unit.Index < q.A.Unit.Index
		}
		return p.B.Unit.Index < q.B.Unit.Index
	})
	var al Alignment
	usedA, usedB := map[Passage]bool{}, map[Passage]bool{}
	pairedA, pairedB := map[*Unit]bool{}, map[*Unit]bool{}
	overlaps := func(used map[Passage]bool, p Passage) bool {
		for q := range used {
			if q.overlaps(p) {
				return true
			}
		}
		return false
	}
	for _, p := range pairs {
		if overlaps(usedA, p.A) || overlaps(usedB, p.B) {
			continue
		}
		usedA[p.A], usedB[p.B] = true, true
		pairedA[p.A.Unit], pairedB[p.B.Unit] = true, true
		pr := Pair{A: p.A, B: p.B, Similarity: p.Similarity}
		pr.Explain(diff)
		al.Pairs = append(al.Pairs, pr)
	}
	sort.SliceStable(al.Pairs, func(x, y int) bool {
		p, q := al.Pairs[x].A, al.Pairs[y].A
		if p.Unit.Index != q.Unit.Index {
			return p.Unit.Index < q.Unit.Index
		}
		return p.W1 < q.W1
	})
	for i := range a {
		if !pairedA[&a[i]] {
			al.Dropped = append(al.Dropped, &a[i])
		}
	}
	for j := range b {
		if !pairedB[&b[j]] {
			al.Added = append(al.Added, &b[j])
		}
	}
	return al
}

// Explain sets the pair's word diff (diff: WordDiff with the lexicon) and its lists' changes.
func (p *Pair) Explain(diff func(a, b string) []Op) {
	p.Ops = diff(p.A.Text(), p.B.Text())
	p.Added, p.Dropped = ListChanges(p.A, p.B)
}

// ListChanges returns, when two passages enumerate named things (lexicon terms, those of themes
// that name things when there are any: each passage names one at least and the two ListItems
// together), the terms only in b (added) and only in a (dropped), as b and a write them; nil
// otherwise.
func ListChanges(a, b Passage) (added, dropped []string) {
	ta, tb := a.termsIn(), b.termsIn()
	// where the passages name things (the UN, the SCO …), the list is of those
	if named := func(ts []termRef) []termRef {
		var out []termRef
		for _, t := range ts {
			if t.named {
				out = append(out, t)
			}
		}
		return out
	}; len(named(ta))+len(named(tb)) > 0 {
		ta, tb = named(ta), named(tb)
	}
	if len(ta) == 0 || len(tb) == 0 || len(ta)+len(tb) < ListItems {
		return nil, nil
	}
	in := func(ts []termRef, term string) bool {
		for _, t := range ts {
			if t.term == term {
				return true
			}
		}
		return false
	}
	for _, t := range tb {
		if !in(ta, t.term) {
			added = append(added, b.Unit.termText(t))
		}
	}
	for _, t := range ta {
		if !in(tb, t.term) {
			dropped = append(dropped, a.Unit.termText(t))
		}
	}
	return added, dropped
}

// ListItems is how many named things two passages name together to be read as lists.
const ListItems = 3

// namesATerm reports whether a term lies within the passage.
func (p Passage) namesATerm() bool {
	for _, t := range p.Unit.terms() {
		if int(t.w1) >= p.W1 && int(t.w2) <= p.W2 {
			return true
		}
	}
	return false
}

// termsIn returns the distinct terms the passage names, in order.
func (p Passage) termsIn() []termRef {
	var out []termRef
	for _, t := range p.Unit.terms() {
		if int(t.w1) < p.W1 || int(t.w2) > p.W2 {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o.term == t.term
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// termText is a term as the unit writes it, without the conjunction or preposition glued to
// its first word that the term's name lacks (والأمم المتحدة، للأمم المتحدة → الأمم المتحدة).
func (u *Unit) termText(t termRef) string {
	a, b := int(u.words()[t.w1].from())-int(u.textAt), min(int(u.words()[t.w2].to())-int(u.textAt), len(u.Text))
	if a < 0 || a > b {
		return ""
	}
	return stripProclitic(u.Text[a:b], t.term)
}

func stripProclitic(s, name string) string {
	for _, p := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(s, p); ok && !strings.HasPrefix(name, p) && utf8.RuneCountInString(rest) > 2 {
			s = rest
			break
		}
	}
	if strings.HasPrefix(name, "ال") {
		for _, p := range []string{"لل", "بال", "كال"} {
			if rest, ok := strings.CutPrefix(s, p); ok && utf8.RuneCountInString(rest) > 1 {
				return "ال" + rest
			}
		}
	}
	return s
}

// Themes returns the theme ids of the terms the passage names, in order.
func (p Passage) Themes() []string {
	var out []string
	for _, t := range p.Unit.terms() {
		if int(t.w1) >= p.W1 && int(t.w2) <= p.W2 && !slices.Contains(out, t.theme) {
			out = append(out, t.theme)
		}
	}
	return out
}
