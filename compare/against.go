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

// Repeat is a unit of the new document that restates a corpus formulation.
type Repeat struct {
	New, Corpus *Unit
	Similarity  float64
	Ops         []Op // from the corpus variant to the new one
}

// Repeats aligns the new document's units with each corpus document and keeps, for every new
// unit, its most similar corpus unit at minSim or above (ties: the earlier corpus document).
// It returns the repeats, most similar first, and the new units with no counterpart, in order.
func Repeats(newUnits []Unit, corpus [][]Unit, w *Weights, minSim float64) ([]Repeat, []*Unit) {
	best := make([]*Repeat, len(newUnits))
	for _, cu := range corpus {
		al := Align(newUnits, cu, w, minSim)
		for _, p := range al.Pairs {
			i := p.A.Index
			if best[i] == nil || p.Similarity > best[i].Similarity {
				best[i] = &Repeat{New: p.A, Corpus: p.B, Similarity: p.Similarity}
			}
		}
	}
	var reps []Repeat
	var fresh []*Unit
	for i := range newUnits {
		if best[i] == nil {
			fresh = append(fresh, &newUnits[i])
			continue
		}
		r := *best[i]
		r.Ops = WordDiff(r.Corpus.Text, r.New.Text)
		reps = append(reps, r)
	}
	sort.SliceStable(reps, func(a, b int) bool { return reps[a].Similarity > reps[b].Similarity })
	return reps, fresh
}
