package study

import (
	"context"
	"sort"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/pool"
)

// AlignOptions choose the recurring formulations shown.
type AlignOptions struct {
	MinSimilarity float64 // 0: compare.DefaultMinSimilarity
	MinDocs       int     // formulations found in at least this many documents; 0: 2
	Top           int     // the Top highest ranked; 0: all
}

// Formulations are the recurring formulations of a corpus, ranked, their variants' text read
// back from the documents; Explain fills in each variant's diff from the one before.
type Formulations struct {
	List    []compare.Formulation
	Weights *compare.Weights // of the corpus's units, for similarities
	Docs    int              // documents in the corpus
	s       *Study
}

// CheckMinSimilarity refuses a similarity threshold outside (0, 1].
func CheckMinSimilarity(v float64) error {
	if v <= 0 || v > 1 {
		return optionErr("--min-similarity %v: give a number in (0, 1]", v)
	}
	return nil
}

// Formulations finds the statements that recur across the corpus (compare.Recurring over the
// documents in date order, so a history reads forward in time). It releases the study's units
// (NeedUnits) once they are linked.
func (s *Study) Formulations(ctx context.Context, o AlignOptions) (*Formulations, error) {
	if o.MinSimilarity == 0 {
		o.MinSimilarity = compare.DefaultMinSimilarity
	}
	if o.MinDocs == 0 {
		o.MinDocs = 2
	}
	if err := CheckMinSimilarity(o.MinSimilarity); err != nil {
		return nil, err
	}
	if o.MinDocs < 2 {
		return nil, optionErr("--min-docs must be at least 2")
	}
	if err := s.prepare(ctx, NeedUnits); err != nil {
		return nil, err
	}
	order := make([]int, len(s.units))
	for i := range order {
		order[i] = i
	}
	docs := s.c.Docs
	sort.SliceStable(order, func(i, j int) bool { return docs[order[i]].Date.Before(docs[order[j]].Date) })
	sorted := make([][]compare.Unit, len(order))
	for k, i := range order {
		sorted[k] = s.units[i]
	}
	w := compare.NewWeights(sorted...)
	f := &Formulations{Weights: w, Docs: len(docs), s: s}
	prog := s.progress("linking formulations")
	if prog != nil {
		prog(0, 1)
	}
	all, err := compare.RecurringJobs(ctx, sorted, w, o.MinSimilarity, s.opt.Jobs)
	if err != nil {
		return nil, err
	}
	for _, fm := range all {
		if fm.Docs() >= o.MinDocs {
			f.List = append(f.List, fm)
		}
	}
	if prog != nil {
		prog(1, 1)
	}
	if o.Top > 0 && len(f.List) > o.Top {
		f.List = f.List[:o.Top]
	}
	// The formulations' units are copies holding only their passages' words, and the study's
	// units are released: the formulations do not keep every document's units in memory.
	units := compare.KeepPassages(f.List)
	sorted = nil
	s.Release(NeedUnits)
	if err := s.withText(ctx, units); err != nil {
		return nil, err
	}
	return f, nil
}

// withText sets the text of the formulations' units, which hold only the words of their
// passages (compare.KeepPassages), reading their documents again, in corpus order.
func (s *Study) withText(ctx context.Context, units []*compare.Unit) error {
	need := map[string][]*compare.Unit{} // by document id
	for _, u := range units {
		need[u.Doc] = append(need[u.Doc], u)
	}
	for i, d := range s.c.Docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		us := need[d.ID]
		if len(us) == 0 {
			continue
		}
		if err := s.withDoc(i, func(d *corpus.Document) {
			for _, u := range us {
				u.SetPassageText(d.Clean, 0, u.HeldWords()-1) // a copy: the document's text does not stay in memory
			}
		}); err != nil {
			return err
		}
	}
	return nil
}

// Explain fills in each formulation's variants' similarities and word diffs on the study's
// workers, a few thousand variants at a time, and hands each formulation to fn in order; unless
// keep is set, each formulation's variants are released after fn (f.List's formulations are then
// empty), so memory holds the diffs of one batch and what is left to explain.
func (f *Formulations) Explain(ctx context.Context, keep bool, fn func(k int, fm *compare.Formulation) error) error {
	const batch = 4096 // variants
	type job struct{ f, v int }
	var jobs []job
	forms := f.List
	total, done := 0, 0
	for _, fm := range forms {
		total += len(fm.Variants) - 1
	}
	prog := f.s.progress("word diffs")
	for start := 0; start < len(forms); {
		jobs = jobs[:0]
		end := start
		for ; end < len(forms) && (end == start || len(jobs)+len(forms[end].Variants) <= batch); end++ {
			for v := 1; v < len(forms[end].Variants); v++ {
				jobs = append(jobs, job{end, v})
			}
		}
		if err := pool.Each(ctx, len(jobs), f.s.opt.Jobs, func(_, i int) error {
			forms[jobs[i].f].ExplainVariant(f.s.differ(), jobs[i].v)
			return nil
		}); err != nil {
			return err
		}
		done += len(jobs)
		if prog != nil {
			prog(done, total)
		}
		for k := start; k < end; k++ {
			if err := fn(k, &forms[k]); err != nil {
				return err
			}
			if !keep {
				forms[k].Variants = nil // its memory free as the next are explained
			}
		}
		start = end
	}
	return nil
}

// FormulationThemes returns the theme ids of a formulation's variants' passages, in order of
// first appearance.
func FormulationThemes(f compare.Formulation) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range f.Variants {
		for _, t := range v.Passage.Themes() {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}
