package compare

import (
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/readout/readout/textproc"
)

// Collation is a formulation's variants side by side, as CollateX shows witnesses: one column
// per variant (in date order), one row per aligned word; a cell is the word a variant has there,
// "" when it has none.
type Collation struct {
	Docs []string
	Rows [][]string
}

// Collate lines up a formulation's variants word by word: each variant's words are aligned with
// its parent's by alignment key (as the word diff aligns them); a word aligned with one of its
// parent's takes its row, a replaced word the row of the word it replaces, and an added word a
// new row after the row of the word before it.
func (f *Formulation) Collate(lx *textproc.Lexicon) Collation {
	var c Collation
	n := len(f.Variants)
	words := make([][]piece, n)
	for k, v := range f.Variants {
		c.Docs = append(c.Docs, v.Unit().Doc)
		for _, p := range pieces(lx.Analyze(v.Passage.Text()), lx) {
			if p.word {
				words[k] = append(words[k], p)
			}
		}
	}
	// rows in display order: each a list of cells; rowOf[k][i] is word i of variant k's row
	type row struct{ cells []string }
	var order []*row
	rowOf := make([][]*row, n)
	insertAfter := func(after *row) *row {
		r := &row{cells: make([]string, n)}
		at := 0
		if after != nil {
			for i, o := range order {
				if o == after {
					at = i + 1
				}
			}
		}
		order = append(order, nil)
		copy(order[at+1:], order[at:])
		order[at] = r
		return r
	}
	for k, v := range f.Variants {
		rowOf[k] = make([]*row, len(words[k]))
		if k == 0 || v.Parent < 0 {
			var last *row
			if len(order) > 0 {
				last = order[len(order)-1]
			}
			for i, w := range words[k] {
				r := insertAfter(last)
				r.cells[k] = w.text
				rowOf[k][i] = r
				last = r
			}
			continue
		}
		p := v.Parent
		pairs := alignWordKeys(words[p], words[k], lx)
		var prev *row // the row of variant k's previous word
		for i, w := range words[k] {
			r := (*row)(nil)
			if j := pairs[i]; j >= 0 && rowOf[p][j] != nil && rowOf[p][j].cells[k] == "" {
				r = rowOf[p][j]
			} else {
				r = insertAfter(prev)
			}
			r.cells[k] = w.text
			rowOf[k][i] = r
			prev = r
		}
	}
	for _, r := range order {
		c.Rows = append(c.Rows, r.cells)
	}
	return c
}

// alignWordKeys aligns the words of b with those of a as the word diff aligns them: the content
// words first (their longest common sequence by key), then the words between two of them: for
// each word of b, the word of a it is aligned with (a replaced word, position by position, the
// word it replaces), or -1. (Aligning all the words at once let a shared "the" anchor the rows,
// and "develop" then stood in the row of "said", the diff above it pairing it with
// "development".)
func alignWordKeys(a, b []piece, lx *textproc.Lexicon) []int {
	out := make([]int, len(b))
	for i := range out {
		out[i] = -1
	}
	between := func(a0, a1, b0, b1 int) {
		for j, i := range alignRun(a[a0:a1], b[b0:b1]) {
			if i >= 0 {
				out[b0+j] = a0 + i
			}
		}
	}
	ca, cb := contentOf(a, lx), contentOf(b, lx)
	ia, ib := 0, 0
	for _, pr := range lcs(pick(a, ca), pick(b, cb)) {
		if pr[0] < 0 || pr[1] < 0 {
			continue
		}
		x, y := ca[pr[0]], cb[pr[1]]
		between(ia, x, ib, y)
		out[y] = x
		ia, ib = x+1, y+1
	}
	between(ia, len(a), ib, len(b))
	return out
}

// alignRun aligns the words of b with those of a by their symbols (Myers): for each word of b,
// the word of a it is aligned with (a replaced word, position by position, the word it
// replaces), or -1.
func alignRun(a, b []piece) []int {
	ra, rb := symbolRunes(a, b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	out := make([]int, len(b))
	i, j := 0, 0
	var deleted []int // a's words deleted just before, for a replacement
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			for range n {
				deleted = append(deleted, i)
				i++
			}
		case diffmatchpatch.DiffInsert:
			for range n {
				out[j] = -1
				if len(deleted) > 0 {
					out[j], deleted = deleted[0], deleted[1:]
				}
				j++
			}
		default:
			deleted = nil
			for range n {
				out[j] = i
				i++
				j++
			}
		}
	}
	return out
}
