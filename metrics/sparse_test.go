package metrics

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// randomDocs returns bags of random terms and the same counts as vectors numbered in term
// order.
func randomDocs(r *rand.Rand, n, vocab int) ([]Bag, []Vector, int) {
	v := NewVocabulary()
	bags := make([]Bag, n)
	vecs := make([]Vector, n)
	for i := range bags {
		bags[i] = Bag{}
		var ids []uint32
		for range r.IntN(40) {
			t := fmt.Sprintf("t%d", r.IntN(vocab)) // ids are given in first-seen order, not term order
			bags[i][t]++
			ids = append(ids, v.ID(t))
		}
		vecs[i] = NewVector(ids)
	}
	rank := v.Ranks()
	for i := range vecs {
		vecs[i].Renumber(rank)
	}
	return bags, vecs, v.Len()
}

// The sparse forms give the map forms' values to the last digit.
func TestSparseEqualsBags(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 20 {
		bags, vecs, nTerms := randomDocs(r, 2+r.IntN(30), 5+r.IntN(60))
		tw := TFIDF(bags)
		idf := IDF(vecs, nTerms)
		ws := make([]Weighted, len(vecs))
		for i := range vecs {
			ws[i] = Weigh(vecs[i], idf)
		}
		ix := NewCosineIndex(ws, nTerms)
		m, err := ix.Matrix(context.Background(), 3, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range bags {
			for j := range bags {
				want := Cosine(tw[i], tw[j])
				if got := CosineWeighted(ws[i], ws[j]); got != want {
					t.Fatalf("round %d: CosineWeighted(%d, %d) = %v, Cosine %v", round, i, j, got, want)
				}
				if m[i][j] != want {
					t.Fatalf("round %d: Matrix[%d][%d] = %v, Cosine %v", round, i, j, m[i][j], want)
				}
				wj, gj := JensenShannon(bags[i], bags[j]), JensenShannonVectors(vecs[i], vecs[j])
				if gj != wj && !(math.IsNaN(gj) && math.IsNaN(wj)) {
					t.Fatalf("round %d: JSD(%d, %d) = %v, want %v", round, i, j, gj, wj)
				}
			}
		}
		for _, k := range []int{1, 3, 50} {
			near, err := ix.Nearest(context.Background(), k, 2, nil)
			if err != nil {
				t.Fatal(err)
			}
			for i := range bags {
				var want []Neighbor
				for j := range bags {
					if j != i {
						want = append(want, Neighbor{j, m[i][j]})
					}
				}
				sort.SliceStable(want, func(a, b int) bool { return want[a].Value > want[b].Value })
				if len(want) > k {
					want = want[:k]
				}
				if fmt.Sprint(near[i]) != fmt.Sprint(want) {
					t.Fatalf("round %d, k %d, doc %d: Nearest %v, want %v", round, k, i, near[i], want)
				}
			}
		}
	}
}

// IDOf gives the id ID gives, first time or not, whichever of the two a term was first seen by.
func TestVocabularyIDOf(t *testing.T) {
	v := NewVocabulary()
	terms := []string{"سيادة", "energy", "تعاون", "sovereignty"}
	a := v.ID("energy")
	for round := range 3 {
		for i, term := range terms {
			if got, want := v.IDOf(uint32(10*i+1), term), v.ID(term); got != want {
				t.Fatalf("round %d: IDOf(%q) = %d, ID = %d", round, term, got, want)
			}
		}
	}
	if v.Len() != len(terms) || v.IDOf(11, "energy") != a {
		t.Errorf("%d terms, energy %d (was %d)", v.Len(), v.IDOf(11, "energy"), a)
	}
}

// NewVector counts long documents in a table and sorts short ones: both give the same vector,
// with ids small and large, many repeated or none.
func TestNewVectorCountsAsItSorts(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		ids := make([]uint32, r.IntN(2000))
		span := 1 + r.IntN(1<<(1+round%23))
		for i := range ids {
			ids[i] = uint32(r.IntN(span))
		}
		got, want := NewVector(ids), sortedVector(ids)
		if !slices.Equal(got.Terms, want.Terms) || !slices.Equal(got.Counts, want.Counts) {
			t.Fatalf("round %d (%d ids below %d): counted %v, sorted %v", round, len(ids), span, got, want)
		}
	}
}
