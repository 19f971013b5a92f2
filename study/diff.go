package study

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// Analysed is one document with its analysis, held in memory.
type Analysed struct {
	Doc *corpus.Document
	A   *textproc.Doc
}

// Units returns the document's statement units.
func (a Analysed) Units(lx *textproc.Lexicon) []compare.Unit {
	return compare.Units(a.Doc.ID, a.Doc.Date, a.A, lx)
}

// OpenFiles reads other files (new articles) with the study's options and lexicon, and
// analyses them.
func (s *Study) OpenFiles(ctx context.Context, paths []string) ([]Analysed, error) {
	o := s.opt
	o.Lexicon = s.lx
	return OpenDocuments(ctx, paths, o)
}

// OpenDocuments reads files (new articles) with opt's reading options and lexicon and analyses
// them, before any corpus is read: given as Options.Against to the corpus's Open with
// NeedCandidates, they are compared with it in one reading (Compare).
func OpenDocuments(ctx context.Context, paths []string, opt Options) ([]Analysed, error) {
	// every article asked for is needed: a bad one is an error, never skipped
	opt.Prepare, opt.Progress, opt.Against, opt.SkipBad = 0, nil, nil, false
	t, err := Open(ctx, paths, opt)
	var le *corpus.LoadError
	if errors.As(err, &le) {
		le.What, le.Strict = "the file(s) to compare", true
	}
	if err != nil {
		return nil, err
	}
	return t.Analyse(ctx, nil)
}

// Analyse analyses documents of the corpus (indices; nil: all) and keeps their analyses.
func (s *Study) Analyse(ctx context.Context, docs []int) ([]Analysed, error) {
	words := s.wordCache(true)
	if docs == nil {
		docs = make([]int, len(s.c.Docs))
		for i := range docs {
			docs[i] = i
		}
	}
	out := make([]Analysed, 0, len(docs))
	for _, i := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := s.c.Docs[i]
		if err := d.Load(); err != nil {
			return nil, fmt.Errorf("%s: %v", d.Path, err)
		}
		out = append(out, Analysed{Doc: d, A: words.NewAnalyzer().Analyze(d.Clean)})
	}
	return out, nil
}

// Document returns a document of the corpus by id, or else a file read with the study's
// options, analysed.
func (s *Study) Document(ctx context.Context, ref string) (Analysed, error) {
	for i, d := range s.c.Docs {
		if d.ID == ref {
			a, err := s.Analyse(ctx, []int{i})
			if err != nil {
				return Analysed{}, err
			}
			return a[0], nil
		}
	}
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		a, err := s.OpenFiles(ctx, []string{ref})
		if err != nil {
			return Analysed{}, err
		}
		return a[0], nil
	}
	var ids []string
	for _, d := range s.c.Docs {
		ids = append(ids, d.ID)
	}
	return Analysed{}, optionErr("%q is neither a document id of %s (%s) nor a file", ref, s.c.Label, strings.Join(ids, ", "))
}

func (s *Study) inCorpus(d *corpus.Document) bool {
	for _, c := range s.c.Docs {
		if c == d {
			return true
		}
	}
	return false
}

// DiffResult is the one-to-one alignment of two documents' statements.
type DiffResult struct {
	A, B      *corpus.Document
	Alignment compare.Alignment
}

// Diff aligns the statement units of two documents (ids of the corpus, or files) one to one,
// with the word diff of each pair (compare.Align), the stems weighted over the corpus.
func (s *Study) Diff(ctx context.Context, a, b string, minSim float64) (DiffResult, error) {
	if err := CheckMinSimilarity(minSim); err != nil {
		return DiffResult{}, err
	}
	if err := s.prepare(ctx, NeedUnits); err != nil {
		return DiffResult{}, err
	}
	da, err := s.Document(ctx, a)
	if err != nil {
		return DiffResult{}, err
	}
	db, err := s.Document(ctx, b)
	if err != nil {
		return DiffResult{}, err
	}
	ua, ub := da.Units(s.lx), db.Units(s.lx)
	// the weights of the corpus's units, and of a file's that is not in the corpus
	sets := append([][]compare.Unit{}, s.units...)
	for _, x := range []Analysed{da, db} {
		if !s.inCorpus(x.Doc) {
			sets = append(sets, x.Units(s.lx))
		}
	}
	w := compare.NewWeights(sets...)
	return DiffResult{A: da.Doc, B: db.Doc, Alignment: compare.Align(ua, ub, w, minSim, s.differ())}, nil
}
