package study

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// DFMOptions choose a document-feature matrix.
type DFMOptions struct {
	// ByYear makes a row of each year (the documents of that year summed) instead of each
	// document; every document then needs a date.
	ByYear bool
	// AllWords keeps the function words, which are left out by default (as in keyness).
	AllWords bool
	// MinCount leaves out the features seen fewer times in the whole corpus (0 or 1: none).
	MinCount int
}

// DFM is a document-feature matrix: how often each feature (a word's term key, what keyness
// counts: textproc.TermKey) occurs in each row (a document or a year). Rows are in corpus order (by
// year: in year order), features in stem order; Cells hold the counts that are not zero, row
// by row.
type DFM struct {
	Rows     []string // document ids, or years
	Features []string // stems
	Forms    []string // for each feature, the form written most often (mostWritten, as suggest's)
	Cells    []DFMCell
}

// DFMCell is one non-zero count of a DFM.
type DFMCell struct {
	Row, Feature int // indices into Rows and Features
	Count        int
}

// DFM counts the corpus's words into a document-feature matrix.
func (s *Study) DFM(ctx context.Context, o DFMOptions) (*DFM, error) {
	if o.ByYear {
		if err := s.RequireDates("--by year"); err != nil {
			return nil, err
		}
	}
	m := &DFM{}
	rowOf := make([]int, len(s.c.Docs))
	years := map[int]int{}
	if o.ByYear {
		var ys []int
		for _, d := range s.c.Docs {
			if _, ok := years[d.Date.Year()]; !ok {
				years[d.Date.Year()] = 0
				ys = append(ys, d.Date.Year())
			}
		}
		slices.Sort(ys)
		for i, y := range ys {
			years[y] = i
			m.Rows = append(m.Rows, strconv.Itoa(y))
		}
	}
	for i, d := range s.c.Docs {
		if o.ByYear {
			rowOf[i] = years[d.Date.Year()]
		} else {
			rowOf[i] = i
			m.Rows = append(m.Rows, d.ID)
		}
	}
	counts := make([]map[string]int, len(m.Rows))
	forms := map[string]map[string]int{} // feature → its forms' counts
	allForms := map[string]struct{}{}    // every normalized form, function words too
	err := EachOf(ctx, s, nil, true, func(d *corpus.Document, an *textproc.Doc) [][2]string {
		var out [][2]string
		for _, sent := range an.Sentences {
			for _, w := range KeyWords(an, sent, !o.AllWords) {
				if !w.Stop {
					out = append(out, [2]string{w.Key, w.Surface})
				} else {
					out = append(out, [2]string{w.Key, ""}) // attests a form, counts nothing
				}
			}
		}
		return out
	}, func(i int, words [][2]string) error {
		r := rowOf[i]
		if counts[r] == nil {
			counts[r] = map[string]int{}
		}
		for _, w := range words {
			allForms[w[0]] = struct{}{}
			if w[1] == "" {
				continue
			}
			counts[r][w[0]]++
			if forms[w[0]] == nil {
				forms[w[0]] = map[string]int{}
			}
			forms[w[0]][w[1]]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// counted by normalized form; now merged under the term keys those forms attest
	attested := make(map[string]bool, len(allForms))
	for f := range allForms {
		attested[f] = true
	}
	key := termKeys(attested)
	merged := map[string]map[string]int{}
	for f, fs := range forms {
		k := key(f)
		if merged[k] == nil {
			merged[k] = map[string]int{}
		}
		for w, n := range fs {
			merged[k][w] += n
		}
	}
	forms = merged
	for r, c := range counts {
		m := map[string]int{}
		for f, n := range c {
			m[key(f)] += n
		}
		counts[r] = m
	}
	for f, fs := range forms {
		n := 0
		for _, c := range fs {
			n += c
		}
		if n >= o.MinCount {
			m.Features = append(m.Features, f)
		}
	}
	sort.Strings(m.Features)
	col := make(map[string]int, len(m.Features))
	for j, f := range m.Features {
		col[f] = j
		m.Forms = append(m.Forms, mostWritten(forms[f]))
	}
	for r, c := range counts {
		var row []DFMCell
		for f, n := range c {
			if j, ok := col[f]; ok {
				row = append(row, DFMCell{Row: r, Feature: j, Count: n})
			}
		}
		sort.Slice(row, func(a, b int) bool { return row[a].Feature < row[b].Feature })
		m.Cells = append(m.Cells, row...)
	}
	return m, nil
}

// WriteMatrixMarket writes the counts as a Matrix Market coordinate file (integer, general):
// what scipy.io.mmread, R's Matrix::readMM and quanteda (as.dfm of that matrix) read. Rows and
// columns are 1-based, as the format says; their names are WriteNames's.
func (m *DFM) WriteMatrixMarket(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "%%MatrixMarket matrix coordinate integer general")
	fmt.Fprintln(bw, "% readout document-feature matrix: rows are documents (or years), columns features (words by term key)")
	fmt.Fprintf(bw, "%d %d %d\n", len(m.Rows), len(m.Features), len(m.Cells))
	for _, c := range m.Cells {
		fmt.Fprintf(bw, "%d %d %d\n", c.Row+1, c.Feature+1, c.Count)
	}
	return bw.Flush()
}

// WriteNames writes names one a line, for the rows or columns of the Matrix Market file; a
// control character in a name (a line break in an id from a manifest) becomes a space, so that
// line n is always name n.
func WriteNames(w io.Writer, names []string) error {
	bw := bufio.NewWriter(w)
	for _, n := range names {
		bw.WriteString(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' {
				return ' '
			}
			return r
		}, n))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
