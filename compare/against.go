package compare

import (
	"math"
	"sort"
)

// ThemeStanding is a new document's rate of one theme against the corpus documents' rates.
type ThemeStanding struct {
	Theme      string
	Count      int
	Rate       float64 // per 1,000 tokens
	Mean, SD   float64 // of the corpus documents' rates (SD with n−1; NaN below 2 documents)
	Z          float64 // (rate − mean)/SD; NaN when SD is 0 or NaN
	Percentile float64 // 100 · share of corpus documents whose rate is at most this rate
}

// Standing places a rate among corpus rates:
//
//	z = (x − mean)/sd,  sd = √(Σ(xᵢ − mean)²/(n − 1)),  percentile = 100·#{xᵢ ≤ x}/n
func Standing(theme string, count int, rate float64, corpus []float64) ThemeStanding {
	s := ThemeStanding{Theme: theme, Count: count, Rate: rate, SD: math.NaN(), Z: math.NaN()}
	n := float64(len(corpus))
	if n == 0 {
		s.Mean, s.Percentile = math.NaN(), math.NaN()
		return s
	}
	for _, x := range corpus {
		s.Mean += x
	}
	s.Mean /= n
	if n >= 2 {
		var ss float64
		for _, x := range corpus {
			ss += (x - s.Mean) * (x - s.Mean)
		}
		s.SD = math.Sqrt(ss / (n - 1))
		if s.SD > 0 {
			s.Z = (rate - s.Mean) / s.SD
		}
	}
	below := 0.0
	for _, x := range corpus {
		if x <= rate {
			below++
		}
	}
	s.Percentile = 100 * below / n
	return s
}

// Repeat is a passage of a new document that restates a corpus formulation: the corpus
// passages it continues, in date order (its history), and its change from the one it restates
// most closely.
type Repeat struct {
	New        Passage
	History    []Variant // corpus variants, each diffed from its parent in History once explained
	Parent     int       // the variant of History the new passage is diffed from
	Similarity float64   // to it
	Ops        []Op
	Added      []string
	Dropped    []string
}

// Corpus returns the corpus passage the new one restates most closely.
func (r *Repeat) Corpus() Passage { return r.History[r.Parent].Passage }

// MaxHistory is the most corpus passages a repeat keeps: its most similar ones.
const MaxHistory = 12

// Repeats returns the passages of new documents' units that restate corpus passages, from the
// pairs Match found between them (new first in each), and the units of newUnits with no passage
// that does. Each new passage keeps its MaxHistory most similar corpus passages, made into a
// history as Recurring makes formulations, the new passage last; a new unit's passages do not
// overlap (the most similar first). Repeats are most similar first.
func Repeats(newUnits []Unit, pairs []PassagePair, w *Weights, minSim float64, diff func(a, b string) []Op) ([]Repeat, []*Unit) {
	byNew := map[Passage][]PassagePair{}
	var news []Passage
	for _, p := range pairs {
		if _, ok := byNew[p.A]; !ok {
			news = append(news, p.A)
		}
		byNew[p.A] = append(byNew[p.A], p)
	}
	best := func(p Passage) float64 {
		b := 0.0
		for _, q := range byNew[p] {
			b = max(b, q.Similarity)
		}
		return b
	}
	sort.SliceStable(news, func(i, j int) bool {
		if bi, bj := best(news[i]), best(news[j]); bi != bj {
			return bi > bj
		}
		return passageLess(news[i], news[j])
	})
	var reps []Repeat
	var taken []Passage
	covered := map[*Unit]bool{}
	for _, np := range news {
		overlap := false
		for _, t := range taken {
			overlap = overlap || t.overlaps(np)
		}
		if overlap {
			continue
		}
		ms := byNew[np]
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].Similarity != ms[j].Similarity {
				return ms[i].Similarity > ms[j].Similarity
			}
			return passageLess(ms[i].B, ms[j].B)
		})
		if len(ms) > MaxHistory {
			ms = ms[:MaxHistory]
		}
		if r, ok := history(np, ms, w, minSim); ok {
			r.Ops = diff(r.Corpus().Text(), np.Text())
			r.Added, r.Dropped = ListChanges(r.Corpus(), np)
			reps = append(reps, r)
			taken = append(taken, np)
			covered[np.Unit] = true
		}
	}
	sort.SliceStable(reps, func(a, b int) bool { return reps[a].Similarity > reps[b].Similarity })
	var fresh []*Unit
	for i := range newUnits {
		if !covered[&newUnits[i]] {
			fresh = append(fresh, &newUnits[i])
		}
	}
	return reps, fresh
}

// history makes the corpus passages a new one matches (one per document, the most similar) into
// the history it continues.
func history(np Passage, ms []PassagePair, w *Weights, minSim float64) (Repeat, bool) {
	var cps []Passage
	seenDoc := map[string]bool{}
	for _, m := range ms {
		if !seenDoc[m.B.Unit.Doc] {
			seenDoc[m.B.Unit.Doc] = true
			cps = append(cps, m.B)
		}
	}
	sort.SliceStable(cps, func(i, j int) bool { return passageLess(cps[i], cps[j]) })
	// nodes: the corpus passages in date order (a document each), then the new passage
	nodes := make([]node, len(cps)+1)
	for i, p := range cps {
		nodes[i] = node{p: p, doc: int32(i), group: -1}
	}
	nodes[len(cps)] = node{p: np, doc: int32(len(cps)), group: -1}
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			if s := Similarity(nodes[i].p, nodes[j].p, w); s >= minSim {
				nodes[i].later = true
				nodes[j].addLink(link{sim: s, to: int32(i), exact: true})
			}
		}
	}
	forms, _ := formulationsOf(nodes, len(nodes))
	for _, f := range forms {
		last := f.Variants[len(f.Variants)-1]
		if last.Passage != np {
			continue
		}
		return Repeat{New: np, History: f.Variants[:len(f.Variants)-1], Parent: last.Parent, Similarity: last.Similarity}, true
	}
	return Repeat{}, false
}

// A Matcher finds the passages of a set of units (a new document's) that other documents'
// units restate, one document at a time: the set's key vectors are made once.
type Matcher struct {
	units []Unit
	vecs  vecs
	w     *Weights
}

// NewMatcher prepares units for matching with weights w.
func NewMatcher(units []Unit, w *Weights) *Matcher {
	ptrs := make([]*Unit, len(units))
	for i := range units {
		ptrs[i] = &units[i]
	}
	return &Matcher{units: units, vecs: vectors(ptrs), w: w}
}

// Match returns the passage pairs (the matcher's first) that state the same thing at minSim or
// above, between its units and those of one document; each of the document's units in a pair
// is a copy, so the document's units need not be kept.
func (m *Matcher) Match(doc []Unit, minSim float64) []PassagePair {
	ptrs := make([]*Unit, len(doc))
	for j := range doc {
		ptrs[j] = &doc[j]
	}
	dv := vectors(ptrs)
	copies := map[int]*Unit{}
	var out []PassagePair
	for i := range m.vecs.len() {
		for j := range dv.len() {
			if !couldMatch(m.vecs.at(i), dv.at(j), m.w) {
				continue
			}
			for _, pp := range Match(&m.units[i], &doc[j], m.w, minSim) {
				c, ok := copies[j]
				if !ok {
					u := doc[j]
					c = &u
					copies[j] = c
				}
				pp.B.Unit = c
				out = append(out, pp)
			}
		}
	}
	return out
}
