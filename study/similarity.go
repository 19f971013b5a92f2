package study

import (
	"context"
	"math"
	"sync"

	"github.com/readout/readout/internal/pool"
	"github.com/readout/readout/metrics"
)

// Similarity measures.
const (
	Cosine = "cosine"
	JSD    = "jsd"
)

// SimilarityOptions choose document similarities.
type SimilarityOptions struct {
	Measure string // Cosine (default) or JSD
	// Top, when above 0, asks for each document's Top nearest neighbours instead of the full
	// matrix: for cosine they are found through an inverted index of stems, with no matrix.
	Top int
}

// SimilarityResult holds the full matrix (Matrix[i][j], corpus order) or, with Top, each
// document's nearest neighbours, most similar first. Nearest also has the full matrix's
// nearest neighbour of each document when Matrix is computed.
type SimilarityResult struct {
	Measure string
	Matrix  [][]float64
	Nearest [][]metrics.Neighbor
}

// Similarity compares the documents over their word stems: tf-idf cosine (idf smoothed as
// scikit-learn's, metrics.TFIDF) or the Jensen–Shannon divergence of relative frequencies,
// base 2 (metrics.JensenShannon), for which the nearest document is the least divergent.
func (s *Study) Similarity(ctx context.Context, o SimilarityOptions) (SimilarityResult, error) {
	res := SimilarityResult{Measure: o.Measure}
	if res.Measure == "" {
		res.Measure = Cosine
	}
	if res.Measure != Cosine && res.Measure != JSD {
		return res, optionErr("--measure %q: use cosine or jsd", o.Measure)
	}
	if o.Top < 0 {
		return res, optionErr("--top %d: give 1 or more (0: the full matrix)", o.Top)
	}
	vecs, nTerms, err := s.rankedVectors(ctx)
	if err != nil {
		return res, err
	}
	prog := s.progress("similarity")
	if res.Measure == Cosine {
		idf := metrics.IDF(vecs, nTerms)
		ws := make([]metrics.Weighted, len(vecs))
		for i := range vecs {
			ws[i] = metrics.Weigh(vecs[i], idf)
		}
		ix := metrics.NewCosineIndex(ws, nTerms)
		if o.Top > 0 {
			res.Nearest, err = ix.Nearest(ctx, o.Top, s.opt.Jobs, prog)
			return res, err
		}
		if res.Matrix, err = ix.Matrix(ctx, s.opt.Jobs, prog); err != nil {
			return res, err
		}
		res.Nearest = nearestOf(res.Matrix, func(v, best float64) bool { return v > best })
		return res, nil
	}
	// JSD: every ordered pair (its sums are not symmetric to the last digit).
	n := len(vecs)
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	var mu sync.Mutex
	done := 0
	err = pool.Each(ctx, n, s.opt.Jobs, func(_, i int) error {
		for j := range n {
			m[i][j] = metrics.JensenShannonVectors(vecs[i], vecs[j])
		}
		if prog != nil {
			mu.Lock()
			done++
			prog(done, n)
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	less := func(v, best float64) bool { return v < best }
	if o.Top > 0 {
		res.Nearest = topOf(m, o.Top, less)
		return res, nil
	}
	res.Matrix = m
	res.Nearest = nearestOf(m, less)
	return res, nil
}

// nearestOf returns each row's best other document (the first of equals; NaN values never
// count), as the one-item neighbour list.
func nearestOf(m [][]float64, better func(v, best float64) bool) [][]metrics.Neighbor {
	return topOf(m, 1, better)
}

// topOf returns each row's k best other documents, the first of equals first.
func topOf(m [][]float64, k int, better func(v, best float64) bool) [][]metrics.Neighbor {
	out := make([][]metrics.Neighbor, len(m))
	for i, row := range m {
		var list []metrics.Neighbor
		for j, v := range row {
			if j == i || math.IsNaN(v) {
				continue
			}
			at := len(list)
			for at > 0 && better(v, list[at-1].Value) {
				at--
			}
			if at >= k {
				continue
			}
			list = append(list, metrics.Neighbor{})
			copy(list[at+1:], list[at:])
			list[at] = metrics.Neighbor{Doc: j, Value: v}
			if len(list) > k {
				list = list[:k]
			}
		}
		out[i] = list
	}
	return out
}

// rankedVectors returns every document's stem vector with ids numbered in stem order (so the
// sums run in the order of the map-based metrics), and the number of stems.
func (s *Study) rankedVectors(ctx context.Context) ([]metrics.Vector, int, error) {
	if err := s.prepare(ctx, NeedVectors); err != nil {
		return nil, 0, err
	}
	if s.rank == nil {
		rank := s.vocab.Ranks()
		// in chunks, a vector being a few hundred terms; not cancelled, as a vector renumbered
		// twice would be wrong, and this takes a second at 80,000 documents
		const chunk = 256
		if err := pool.Each(context.Background(), (len(s.vectors)+chunk-1)/chunk, s.opt.Jobs, func(_, c int) error {
			for i := c * chunk; i < min(len(s.vectors), (c+1)*chunk); i++ {
				s.vectors[i].Renumber(rank)
			}
			return nil
		}); err != nil {
			return nil, 0, err
		}
		s.rank = rank
	}
	return s.vectors, s.vocab.Len(), nil
}
