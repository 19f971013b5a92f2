package study

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/pool"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

// Options choose how a corpus is read and analysed.
type Options struct {
	Encoding corpus.Encoding   // forced input encoding; "" or corpus.EncodingAuto detects
	Rules    *corpus.Rules     // boilerplate rules; nil: the built-in ones
	SkipBad  bool              // load the good documents and list the bad ones (Corpus.Skipped)
	HTML     corpus.HTMLReader // what is read of an HTML page: the article (default) or the whole page
	// TextColumn makes a .csv or .tsv path a table of documents, their text in this column.
	TextColumn string
	// Stdin is read for the path "-", as text, or as an HTML page with StdinFormat "html".
	Stdin       io.Reader
	StdinFormat string
	Jobs        int // workers reading and analysing documents; ≤ 0: one per CPU
	Lexicon     *textproc.Lexicon
	// FollowSymlinks and MaxFileSize are corpus.Options': read links out of a corpus
	// directory; the largest file read (corpus.DefaultMaxFileSize when 0).
	FollowSymlinks bool
	MaxFileSize    int64
	// Prepare is what the first reading of the corpus computes for each document while its
	// text is in memory, so that each file is read once. What a method needs and was not
	// prepared is computed by another pass over the corpus.
	Prepare Need
	// Progress, when set, is told how far each phase of the work has got.
	Progress Progress
	// Against are the new documents Compare will set against the corpus (OpenDocuments), for
	// NeedCandidates. A corpus document that is one of them, byte for byte, is left out of the
	// corpus (unless it would leave nothing), so that each is compared with the rest; a study
	// opened without Against keeps it, and Compare then compares it with itself too.
	Against []Analysed
	// DatedOnly leaves out the documents without a date, with a note naming them
	// (Corpus.Notes), for what needs every document's date (a trend, periods of dates, a
	// report); when no document has a date, all are kept (and RequireDates says so).
	DatedOnly bool
}

// Progress is told, for a phase of the work ("reading", "analysing", "similarity" …), that done
// of total steps are finished. It is called from several goroutines at once.
type Progress func(phase string, done, total int)

// Need is what is computed and kept for each document of a study.
type Need uint8

// What a study keeps per document.
const (
	NeedTallies Need = 1 << iota // per-sentence speaker, tokens and theme counts (metrics.DocTally)
	NeedVectors                  // stem counts, for similarity
	NeedUnits                    // statement units, for recurring formulations
	NeedFigures                  // size and lexical diversity
	// NeedUnitWeights counts the stems of every statement unit (compare.WeightCounter), for
	// comparing new documents with the corpus, without keeping the units.
	NeedUnitWeights
	// NeedTotals keeps theme counts summed per speaker (metrics.DocTotals): all that theme
	// tables need, in a fraction of the tallies' memory.
	NeedTotals
	// NeedCandidates keeps, packed, the statement units that could restate one of the
	// documents of Options.Against (compare.Sieve), so that Compare reads the corpus once.
	NeedCandidates
)

// OptionError is a bad option value: a period that selects no document, an unknown theme id.
type OptionError struct{ Err error }

func (e *OptionError) Error() string { return e.Err.Error() }

func (e *OptionError) Unwrap() error { return e.Err }

func optionErr(format string, a ...any) error { return &OptionError{Err: fmt.Errorf(format, a...)} }

// Study is a corpus under analysis, with what has been computed of it.
type Study struct {
	opt   Options
	paths []string
	lx    *textproc.Lexicon
	c     *corpus.Corpus

	mu           sync.Mutex
	have         Need
	tallies      []metrics.DocTally // corpus order
	vectors      []metrics.Vector
	units        [][]compare.Unit // text dropped; see withText
	figures      []Figures
	totals       []metrics.DocTotals
	words        [2]*textproc.Words  // word caches without and with stems
	vocab        *metrics.Vocabulary // stems of the vectors
	rank         []uint32            // when the vectors are renumbered in stem order: vocab id → number
	unitDF       *compare.WeightCounter
	diff         func(a, b string) []compare.Op
	against      []Analysed       // the documents of the sieve
	sieve        *compare.Sieve   // their units', for NeedCandidates
	againstUnits [][]compare.Unit // their units, which Compare aligns with the candidates
	againstCopy  [][]uint64       // their units' compare.Verbatim hashes
	kept         []compare.Kept   // corpus order
	// excluded are the corpus's documents that are new documents of Against, byte for byte:
	// left out of the corpus so that each is compared with the rest
	excluded []*corpus.Document
}

// Open reads the corpus named by paths (none: the bundled seed corpus) lazily, keeping
// metadata and, for each document, what opt.Prepare asks for.
func Open(ctx context.Context, paths []string, opt Options) (*Study, error) {
	s := &Study{opt: opt, paths: paths, lx: opt.Lexicon, vocab: metrics.NewVocabulary(), unitDF: compare.NewWeightCounter()}
	if s.lx == nil {
		s.lx = textproc.DefaultLexicon()
	}
	s.setAgainst(opt.Against)
	if err := s.load(ctx, opt.Prepare); err != nil {
		return nil, err
	}
	return s, nil
}

// differ returns the study's word diff (compare.Differ with its lexicon), made once.
func (s *Study) differ() func(a, b string) []compare.Op {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.diff == nil {
		s.diff = compare.Differ(s.lx)
	}
	return s.diff
}

// Corpus returns the documents read (their text is read again when analysed).
func (s *Study) Corpus() *corpus.Corpus { return s.c }

// Lexicon returns the lexicon the study matches themes and speakers with.
func (s *Study) Lexicon() *textproc.Lexicon { return s.lx }

// Jobs returns the number of workers the study runs.
func (s *Study) Jobs() int { return pool.Jobs(s.opt.Jobs) }

func (s *Study) progress(phase string) func(done, total int) {
	if s.opt.Progress == nil {
		return nil
	}
	return func(done, total int) { s.opt.Progress(phase, done, total) }
}

// wordCache returns the study's word cache, with stems or without.
func (s *Study) wordCache(stems bool) *textproc.Words {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := 0
	if stems {
		k = 1
	}
	if s.words[k] == nil {
		s.words[k] = s.lx.NewWords()
	}
	return s.words[k]
}

// analyzers returns one Analyzer per worker, made when first used; each reuses its last
// document's memory (Recycle), so the analysis passed to a visit is valid only during it.
func (s *Study) analyzers(stems bool) func(worker int) *textproc.Analyzer {
	words := s.wordCache(stems)
	ans := make([]*textproc.Analyzer, s.Jobs())
	return func(w int) *textproc.Analyzer {
		if ans[w] == nil {
			an := words.NewAnalyzer()
			an.NoStems, an.Recycle = !stems, true
			ans[w] = an
		}
		return ans[w]
	}
}

// load reads the corpus, computing need for each document read from a file while its text is
// in memory; the documents held in memory (JSONL records) are analysed afterwards.
func (s *Study) load(ctx context.Context, need Need) error {
	opt := corpus.Options{Encoding: s.opt.Encoding, Rules: s.opt.Rules, SkipBad: s.opt.SkipBad, HTML: s.opt.HTML,
		FollowSymlinks: s.opt.FollowSymlinks, MaxFileSize: s.opt.MaxFileSize,
		Stdin: s.opt.Stdin, StdinFormat: s.opt.StdinFormat, TextColumn: s.opt.TextColumn, Lazy: true,
		Jobs: s.opt.Jobs, Progress: s.progress("reading")}
	// Documents are visited in no set order: their products are staged in visiting order
	// (slot), then put in corpus order.
	var mu sync.Mutex
	slots := map[*corpus.Document]int{}
	stage := &Study{}
	// a new document that is one of the corpus's, byte for byte, is compared with the rest
	against := map[[32]byte]bool{}
	for _, nd := range s.against {
		against[nd.Doc.Digest] = true
	}
	if need != 0 {
		an := s.analyzers(needsStems(need))
		if need&^NeedFigures != 0 {
			opt.Progress = s.progress("reading and analysing")
		}
		opt.Visit = func(w int, d *corpus.Document) {
			if against[d.Digest] {
				return // left out below (or analysed in a later pass when it is all the corpus)
			}
			p := s.compute(need, d, func() *textproc.Doc { return an(w).Analyze(d.Clean) })
			mu.Lock()
			defer mu.Unlock()
			slots[d] = len(slots)
			stage.grow(need)
			stage.store(need, len(slots)-1, p)
		}
	}
	c, err := corpus.LoadContext(ctx, s.paths, opt)
	if err != nil {
		return err
	}
	if len(against) > 0 {
		var rest []*corpus.Document
		for _, d := range c.Docs {
			if against[d.Digest] {
				s.excluded = append(s.excluded, d)
			} else {
				rest = append(rest, d)
			}
		}
		if len(rest) > 0 {
			c.Docs = rest
		} else {
			s.excluded = nil // the corpus is the new documents: compared with themselves
		}
	}
	if s.opt.DatedOnly {
		leaveUndated(c)
	}
	s.c = c
	if need == 0 {
		return nil
	}
	s.allocate(need)
	var rest []int
	for i, d := range c.Docs {
		if k, ok := slots[d]; ok {
			s.store(need, i, stage.take(need, k))
		} else {
			rest = append(rest, i)
		}
	}
	stage, slots = nil, nil
	if err := s.passOver(ctx, need, rest); err != nil {
		return err
	}
	s.have |= need
	return nil
}

// prepare computes need for every document that does not have it yet, in one pass.
func (s *Study) prepare(ctx context.Context, need Need) error {
	missing := need &^ s.have
	if missing == 0 {
		return nil
	}
	s.allocate(missing)
	all := make([]int, len(s.c.Docs))
	for i := range all {
		all[i] = i
	}
	if err := s.passOver(ctx, missing, all); err != nil {
		return err
	}
	s.have |= missing
	return nil
}

func (s *Study) passOver(ctx context.Context, need Need, docs []int) error {
	if len(docs) == 0 {
		return nil
	}
	an := s.analyzers(needsStems(need))
	prog := s.progress("analysing")
	var mu sync.Mutex
	n := 0
	return pool.Each(ctx, len(docs), s.opt.Jobs, func(w, k int) error {
		i := docs[k]
		err := s.withDoc(i, func(d *corpus.Document) {
			s.store(need, i, s.compute(need, d, func() *textproc.Doc { return an(w).Analyze(d.Clean) }))
		})
		if prog != nil {
			mu.Lock()
			n++
			prog(n, len(docs))
			mu.Unlock()
		}
		return err
	})
}

// withDoc reads document i's text (again, for a lazily loaded one), calls fn, and drops it.
func (s *Study) withDoc(i int, fn func(d *corpus.Document)) error {
	d := s.c.Docs[i]
	if err := d.Load(); err != nil {
		return fmt.Errorf("%s: %v", d.Path, err)
	}
	fn(d)
	d.Release()
	return nil
}

// Each analyses every document in corpus order on the study's workers and hands fn's result
// for each to sink, with the document's index, in corpus order, from the calling goroutine. fn
// must not keep the analysis: its memory is reused for the next document. Memory holds a few
// documents per worker beyond what sink keeps.
func Each[R any](ctx context.Context, s *Study, stems bool, fn func(d *corpus.Document, an *textproc.Doc) R, sink func(i int, r R) error) error {
	return EachOf(ctx, s, nil, stems, fn, sink)
}

// EachOf is Each over some of the documents: docs lists their indices, in the order wanted
// (nil: all, in corpus order).
func EachOf[R any](ctx context.Context, s *Study, docs []int, stems bool, fn func(d *corpus.Document, an *textproc.Doc) R, sink func(i int, r R) error) error {
	return eachOf(ctx, s, docs, stems, "analysing", fn, sink)
}

// eachOf is EachOf with the name of its progress phase.
func eachOf[R any](ctx context.Context, s *Study, docs []int, stems bool, phase string, fn func(d *corpus.Document, an *textproc.Doc) R, sink func(i int, r R) error) error {
	if docs == nil {
		docs = make([]int, len(s.c.Docs))
		for i := range docs {
			docs[i] = i
		}
	}
	an := s.analyzers(stems)
	prog := s.progress(phase)
	return pool.Ordered(ctx, len(docs), s.opt.Jobs, func(w, k int) (R, error) {
		var r R
		err := s.withDoc(docs[k], func(d *corpus.Document) { r = fn(d, an(w).Analyze(d.Clean)) })
		return r, err
	}, func(k int, r R) error {
		if prog != nil {
			prog(k+1, len(docs))
		}
		return sink(docs[k], r)
	})
}

func needsStems(n Need) bool { return n&(NeedVectors|NeedUnits|NeedUnitWeights|NeedCandidates) != 0 }

// products are what is kept of one document.
type products struct {
	tally  metrics.DocTally
	vector metrics.Vector
	units  []compare.Unit
	fig    Figures
	totals metrics.DocTotals
	kept   compare.Kept
}

// compute makes document d's products; analyse is called only when they need the analysis.
func (s *Study) compute(need Need, d *corpus.Document, analyse func() *textproc.Doc) products {
	var p products
	var an *textproc.Doc
	if need&^NeedFigures != 0 {
		an = analyse()
	}
	if need&(NeedTallies|NeedTotals) != 0 {
		t := metrics.Tally(d.ID, d.Date, an, s.lx)
		t.Credit, t.Source, t.Language = d.Credit, d.Source, string(d.Language)
		if need&NeedTallies != 0 {
			p.tally = t
		}
		if need&NeedTotals != 0 {
			p.totals = metrics.Totals(&t)
		}
	}
	if need&NeedVectors != 0 {
		p.vector = stemVector(an, s.vocab)
	}
	counted := false
	if need&NeedCandidates != 0 {
		var c *compare.WeightCounter
		if need&(NeedUnitWeights|NeedUnits) == NeedUnitWeights {
			c, counted = s.unitDF, true // the weights as the units are scanned
		}
		p.kept = s.sieve.Keep(an, s.lx, c)
		p.kept.Clip()
	}
	if need&NeedUnits != 0 {
		units := compare.Units(d.ID, d.Date, an, s.lx)
		if need&NeedUnitWeights != 0 {
			s.unitDF.Add(units)
		}
		for k := range units {
			units[k].Text = "" // read back for the units shown (withText)
		}
		p.units = units
	} else if need&NeedUnitWeights != 0 && !counted {
		s.unitDF.AddDoc(an, s.lx) // the weights without the units
	}
	if need&NeedFigures != 0 {
		p.fig = figuresOf(d.Clean)
	}
	return p
}

func (s *Study) allocate(need Need) {
	n := len(s.c.Docs)
	if need&NeedTallies != 0 {
		s.tallies = make([]metrics.DocTally, n)
	}
	if need&NeedVectors != 0 {
		s.vectors = make([]metrics.Vector, n)
	}
	if need&NeedUnits != 0 {
		s.units = make([][]compare.Unit, n)
	}
	if need&NeedFigures != 0 {
		s.figures = make([]Figures, n)
	}
	if need&NeedTotals != 0 {
		s.totals = make([]metrics.DocTotals, n)
	}
	if need&NeedCandidates != 0 {
		s.kept = make([]compare.Kept, n)
	}
}

// grow makes room for one more document's products.
func (s *Study) grow(need Need) {
	if need&NeedTallies != 0 {
		s.tallies = append(s.tallies, metrics.DocTally{})
	}
	if need&NeedVectors != 0 {
		s.vectors = append(s.vectors, metrics.Vector{})
	}
	if need&NeedUnits != 0 {
		s.units = append(s.units, nil)
	}
	if need&NeedFigures != 0 {
		s.figures = append(s.figures, Figures{})
	}
	if need&NeedTotals != 0 {
		s.totals = append(s.totals, metrics.DocTotals{})
	}
	if need&NeedCandidates != 0 {
		s.kept = append(s.kept, compare.Kept{})
	}
}

// take returns document i's products.
func (s *Study) take(need Need, i int) products {
	var p products
	if need&NeedTallies != 0 {
		p.tally = s.tallies[i]
	}
	if need&NeedVectors != 0 {
		p.vector = s.vectors[i]
	}
	if need&NeedUnits != 0 {
		p.units = s.units[i]
	}
	if need&NeedFigures != 0 {
		p.fig = s.figures[i]
	}
	if need&NeedTotals != 0 {
		p.totals = s.totals[i]
	}
	if need&NeedCandidates != 0 {
		p.kept = s.kept[i]
	}
	return p
}

// store keeps document i's products; different i may be stored at once.
func (s *Study) store(need Need, i int, p products) {
	if need&NeedTallies != 0 {
		s.tallies[i] = p.tally
	}
	if need&NeedVectors != 0 {
		s.vectors[i] = p.vector
	}
	if need&NeedUnits != 0 {
		s.units[i] = p.units
	}
	if need&NeedFigures != 0 {
		s.figures[i] = p.fig
	}
	if need&NeedTotals != 0 {
		s.totals[i] = p.totals
	}
	if need&NeedCandidates != 0 {
		s.kept[i] = p.kept
	}
}

// Release drops what the study keeps per document of need; a method that needs it again
// computes it again. A program that has what it wants of a product (the report, once its
// formulations are found) releases it to bound memory.
func (s *Study) Release(need Need) {
	if need&NeedTallies != 0 {
		s.tallies = nil
	}
	if need&NeedVectors != 0 {
		s.vectors, s.rank, s.vocab = nil, nil, metrics.NewVocabulary()
	}
	if need&NeedUnits != 0 {
		s.units = nil
	}
	if need&NeedFigures != 0 {
		s.figures = nil
	}
	if need&NeedTotals != 0 {
		s.totals = nil
	}
	if need&NeedCandidates != 0 {
		s.kept = nil
	}
	s.have &^= need
}

// Tallies returns every document's tally, in date order (undated last).
func (s *Study) Tallies(ctx context.Context) ([]metrics.DocTally, error) {
	if err := s.prepare(ctx, NeedTallies); err != nil {
		return nil, err
	}
	out := make([]metrics.DocTally, 0, len(s.tallies))
	for _, i := range s.byDate() {
		out = append(out, s.tallies[i])
	}
	return out, nil
}

// byDate returns the documents' indices in date order (undated last), stable.
func (s *Study) byDate() []int {
	docs := s.c.ByDate()
	at := make(map[*corpus.Document]int, len(s.c.Docs))
	for i, d := range s.c.Docs {
		at[d] = i
	}
	out := make([]int, len(docs))
	for k, d := range docs {
		out[k] = at[d]
	}
	return out
}

// RequireDates fails, naming the undated documents and how to date them, when what needs
// them ("a report", "--by year") needs every document's date.
func (s *Study) RequireDates(what string) error {
	und := s.c.Undated()
	if len(und) == 0 {
		return nil
	}
	var names []string
	for _, d := range und {
		names = append(names, d.ID+" ("+d.Path+")")
	}
	if len(und) == len(s.c.Docs) {
		return fmt.Errorf("%s needs dates, and no document has one: %s\ngive each a date in the manifest's date column (yyyy-mm-dd) or in its file name (2022-02-04-name.txt)",
			what, strings.Join(names, ", "))
	}
	return fmt.Errorf("%s needs a date for every document; %d %s none: %s\ngive each a date in the manifest's date column (yyyy-mm-dd) or in its file name (2022-02-04-name.txt)",
		what, len(und), map[bool]string{true: "has", false: "have"}[len(und) == 1], strings.Join(names, ", "))
}

// leaveUndated takes the documents without a date out of c, with a note naming them, unless
// that would leave none.
func leaveUndated(c *corpus.Corpus) {
	und := c.Undated()
	if len(und) == 0 || len(und) == len(c.Docs) {
		return
	}
	var dated []*corpus.Document
	for _, d := range c.Docs {
		if d.HasDate() {
			dated = append(dated, d)
		}
	}
	c.Docs = dated
	var names []string
	for _, d := range und[:min(5, len(und))] {
		names = append(names, d.ID+" ("+d.Path+")")
	}
	if len(und) > 5 {
		names = append(names, fmt.Sprintf("and %d more", len(und)-5))
	}
	c.Notes = append(c.Notes, fmt.Sprintf("%d document(s) without a date are left out (this needs dates): %s; give each a date in the manifest's date column (yyyy-mm-dd) or in its file name (2022-02-04-name.txt)",
		len(und), strings.Join(names, ", ")))
}

// ThemeIndices resolves theme ids (each may be a comma-separated list) to theme indices; none
// means every theme.
func (s *Study) ThemeIndices(ids []string) ([]int, error) { return ThemeIndices(s.lx, ids) }

// ThemeIndices resolves theme ids of a lexicon; see Study.ThemeIndices.
func ThemeIndices(lx *textproc.Lexicon, ids []string) ([]int, error) {
	if len(ids) == 0 {
		out := make([]int, len(lx.Themes))
		for i := range out {
			out[i] = i
		}
		return out, nil
	}
	var out []int
	for _, raw := range ids {
		for _, id := range strings.Split(raw, ",") {
			id = strings.TrimSpace(id)
			ti := lx.ThemeIndex(id)
			if ti < 0 {
				return nil, optionErr("unknown theme %q: the lexicon has %s", id, strings.Join(lx.ThemeIDs(), ", "))
			}
			out = append(out, ti)
		}
	}
	return out, nil
}

// ThemeIDs returns the ids of theme indices.
func (s *Study) ThemeIDs(idx []int) []string {
	out := make([]string, len(idx))
	for i, t := range idx {
		out[i] = s.lx.Themes[t].ID
	}
	return out
}

// LoadLexicon reads a lexicon file; every problem is listed in the error, with line numbers.
func LoadLexicon(path string) (*textproc.Lexicon, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	lx, probs := textproc.ParseLexicon(b, path)
	if len(probs) > 0 {
		var msg []string
		for i, p := range probs {
			if i == corpus.MaxListed {
				msg = append(msg, fmt.Sprintf("  … and %d more ('readout lexicon check' lists every one)", len(probs)-i))
				break
			}
			msg = append(msg, "  "+p.String())
		}
		return nil, fmt.Errorf("the lexicon has %d problem(s):\n%s\nrun 'readout lexicon check %s' after fixing them", len(probs), strings.Join(msg, "\n"), path)
	}
	return lx, nil
}

// IsOptionError reports whether err is a bad option value.
func IsOptionError(err error) bool {
	var oe *OptionError
	return errors.As(err, &oe)
}
