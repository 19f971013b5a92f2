package study

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/reports"
	"github.com/readout/readout/textproc"
)

func open(t *testing.T, paths []string, need Need) *Study {
	t.Helper()
	s, err := Open(context.Background(), paths, Options{Prepare: need})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// seedsJSONL writes the seed corpus as JSONL: documents held in memory, not read from files.
func seedsJSONL(t *testing.T) string {
	t.Helper()
	c, err := corpus.Seed(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range c.Docs {
		rec, _ := json.Marshal(map[string]string{"id": d.ID, "date": d.Date.Format("2006-01-02"), "text": d.Text, "source": d.Source, "language": string(d.Language)})
		b.Write(rec)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "seeds.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// What the first reading prepares, what a later pass computes, and the in-memory path give
// the same tallies, vectors and units.
func TestProductsDoNotDependOnThePass(t *testing.T) {
	ctx := context.Background()
	all := NeedTallies | NeedVectors | NeedUnits | NeedFigures
	a := open(t, nil, all)
	b := open(t, nil, 0)
	if err := b.prepare(ctx, all); err != nil {
		t.Fatal(err)
	}
	c := open(t, []string{seedsJSONL(t)}, all)
	for name, s := range map[string]*Study{"later pass": b, "jsonl": c} {
		if fmt.Sprint(s.tallies) != fmt.Sprint(a.tallies) {
			t.Errorf("%s: tallies differ", name)
		}
		if fmt.Sprint(s.figures) != fmt.Sprint(a.figures) {
			t.Errorf("%s: figures differ", name)
		}
		for i := range a.units {
			if len(s.units[i]) != len(a.units[i]) {
				t.Errorf("%s: document %d has %d units, want %d", name, i, len(s.units[i]), len(a.units[i]))
			}
		}
		ra, _ := a.Similarity(ctx, SimilarityOptions{})
		rs, _ := s.Similarity(ctx, SimilarityOptions{})
		if fmt.Sprint(ra.Matrix) != fmt.Sprint(rs.Matrix) {
			t.Errorf("%s: similarity differs", name)
		}
	}
}

// The sparse similarity equals the map-based metrics on the seeds, and --top finds the
// matrix's nearest neighbours.
func TestSimilarityMatchesBags(t *testing.T) {
	ctx := context.Background()
	s := open(t, nil, NeedVectors)
	res, err := s.Similarity(ctx, SimilarityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := s.Analyse(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	bags := make([]metrics.Bag, len(docs))
	for i, d := range docs {
		bags[i] = StemBag(d.A)
	}
	w := metrics.TFIDF(bags)
	for i := range bags {
		for j := range bags {
			if want := metrics.Cosine(w[i], w[j]); res.Matrix[i][j] != want {
				t.Errorf("cosine(%d, %d) = %v, want %v", i, j, res.Matrix[i][j], want)
			}
		}
	}
	top, err := s.Similarity(ctx, SimilarityOptions{Top: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := range bags {
		if top.Nearest[i][0] != res.Nearest[i][0] {
			t.Errorf("doc %d: --top nearest %v, matrix nearest %v", i, top.Nearest[i][0], res.Nearest[i][0])
		}
		if len(top.Nearest[i]) != 2 || top.Nearest[i][1].Value > top.Nearest[i][0].Value {
			t.Errorf("doc %d: neighbours %v", i, top.Nearest[i])
		}
	}
	jsd, err := s.Similarity(ctx, SimilarityOptions{Measure: JSD})
	if err != nil {
		t.Fatal(err)
	}
	for i := range bags {
		for j := range bags {
			if want := metrics.JensenShannon(bags[i], bags[j]); jsd.Matrix[i][j] != want {
				t.Errorf("jsd(%d, %d) = %v, want %v", i, j, jsd.Matrix[i][j], want)
			}
		}
	}
}

func TestPeriodErrors(t *testing.T) {
	s := open(t, nil, 0)
	for _, c := range []struct {
		p    PeriodPair
		want string
	}{
		{PeriodPair{From: "2020"}, "give both from and to, or neither"},
		{PeriodPair{From: "2019", To: "2023", FromName: "--from"}, "--from 2019 selects no document (the corpus runs from 2020-07-08 to 2023-10-18)"},
		{PeriodPair{From: "2020-2022", To: "2022-2023"}, "from and to share documents (2022-02-04-beijing, 2022-12-30-video)"},
		{PeriodPair{From: "2020-07-08-call", To: "nope", ToName: "--target"}, `--target nope: no document has the id "nope"`},
		{PeriodPair{From: "2023..2020", To: "2023"}, "from: "},
	} {
		_, err := s.Periods(c.p)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.p, err, c.want)
		}
		if !IsOptionError(err) {
			t.Errorf("%+v: %v is not an option error", c.p, err)
		}
	}
	p, err := s.Periods(PeriodPair{})
	if err != nil || p.From.Label != "2020" || p.To.Label != "2023" || len(p.FromDocs) != 1 || len(p.ToDocs) != 2 {
		t.Errorf("default periods: %+v, %v", p, err)
	}
	if ids := s.IDs(p.ToDocs); ids[0] != "2023-03-21-moscow" || ids[1] != "2023-10-18-brf" {
		t.Errorf("to documents in date order: %v", ids)
	}
}

// A chart computes only what it draws.
func TestChartComputesOnlyWhatItDraws(t *testing.T) {
	ctx := context.Background()
	s := open(t, nil, NeedTallies)
	x, err := s.Sections(ReportOptions{Lang: "en", Seed: 1, Reps: 200})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := reports.NewShaper()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.Chart(ctx, reports.Handler{S: sh}, "rates"); err != nil {
		t.Fatal(err)
	}
	if x.shift != nil || x.keyness != nil || x.sim != nil || x.forms != nil || s.have&(NeedVectors|NeedUnits) != 0 {
		t.Error("the rates chart computed more than the tallies")
	}
	if _, err := x.Chart(ctx, reports.Handler{S: sh}, "shift"); err != nil {
		t.Fatal(err)
	}
	if x.shift == nil || x.keyness != nil || x.sim != nil || x.forms != nil {
		t.Error("the shift chart computed more than the shift")
	}
	if _, err := x.Chart(ctx, reports.Handler{S: sh}, "pie"); !IsOptionError(err) {
		t.Errorf("unknown chart: %v", err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Open(ctx, nil, Options{Prepare: NeedTallies}); !errors.Is(err, context.Canceled) {
		t.Errorf("Open: got %v, want context.Canceled", err)
	}
	s := open(t, nil, 0)
	if _, err := s.Tallies(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Tallies: got %v, want context.Canceled", err)
	}
	if _, err := s.Keyness(ctx, KeynessOptions{MinCount: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("Keyness: got %v, want context.Canceled", err)
	}
}

func TestOptionChecks(t *testing.T) {
	ctx := context.Background()
	s := open(t, nil, 0)
	if _, err := s.Similarity(ctx, SimilarityOptions{Measure: "euclid"}); !IsOptionError(err) {
		t.Errorf("measure: %v", err)
	}
	if _, err := s.Shift(ctx, ShiftOptions{Reps: 2000000000}); !IsOptionError(err) {
		t.Errorf("reps: %v", err)
	}
	if _, err := s.Sections(ReportOptions{Lang: "fr"}); !IsOptionError(err) {
		t.Errorf("lang: %v", err)
	}
	if _, err := s.Formulations(ctx, AlignOptions{MinSimilarity: 1.5}); !IsOptionError(err) {
		t.Errorf("min similarity: %v", err)
	}
	if _, err := ThemeIndices(s.Lexicon(), []string{"sovereignty,nope"}); !IsOptionError(err) {
		t.Errorf("theme: %v", err)
	}
}

// A comparison does not depend on the order of anything but its input: with many corpus
// passages as similar as one another, which ones make a repeat's history is decided by corpus
// order, the same every run.
func TestCompareIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	// a long statement, and its first words alone: the new article's passages that restate
	// them begin at one word and are as similar (1.00) to their corpus passages
	long := "ناقش الجانبان مشروعات الغاز المسال والقطارات السريعة والموانئ الجافة والأقمار الصناعية والمفاعلات النووية الصغيرة والممرات القطبية."
	short := "ناقش الجانبان مشروعات الغاز المسال والقطارات السريعة."
	lines := []string{long, "وأكد الطرفان أنهما يدعمان بعضهما بعضا بقوة في حماية السيادة والأمن."}
	var rec strings.Builder
	for i := range 40 {
		text := strings.Join(lines, " ")
		if i%2 == 1 {
			text = short + " " + lines[1]
		}
		b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("d%02d", i), "date": fmt.Sprintf("2021-%02d-%02d", 1+i%12, 1+i%28), "text": text})
		rec.Write(b)
		rec.WriteByte('\n')
	}
	corpusPath := filepath.Join(dir, "c.jsonl")
	newPath := filepath.Join(dir, "new.txt")
	if err := os.WriteFile(corpusPath, []byte(rec.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(newPath, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var first string
	for run := range 6 {
		ctx := context.Background()
		s, err := Open(ctx, []string{corpusPath}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		news, err := s.OpenFiles(ctx, []string{newPath})
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Compare(ctx, news, CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range res[0].Repeats {
			fmt.Fprintf(&b, "%s|", r.New.Text())
			for _, v := range r.History {
				fmt.Fprintf(&b, "%s:%d ", v.Unit().Doc, v.Passage.W1)
			}
			b.WriteByte('\n')
		}
		if run == 0 {
			first = b.String()
			if len(res[0].Repeats) < 2 {
				t.Fatalf("%d repeats: the test needs several", len(res[0].Repeats))
			}
			continue
		}
		if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", run, b.String(), first)
		}
	}
}

// Compare gives the same comparison whether the corpus was read once, with the new documents
// given as Options.Against (no pass over the corpus after its reading), or read and then
// passed over again for the candidates.
func TestCompareInOneReading(t *testing.T) {
	ctx := context.Background()
	c, err := corpus.Seed(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	newPath := filepath.Join(t.TempDir(), "new.txt")
	// a seed article with a line more: not one of the corpus's byte for byte (that one is left
	// out of the corpus in one reading, TestCompareLeavesItselfOut)
	if err := os.WriteFile(newPath, []byte(c.Docs[2].Text+"\nوقال بوتين إن الزيارة مهمة.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	describe := func(res []Comparison) string {
		var b strings.Builder
		for _, r := range res {
			for _, rp := range r.Repeats {
				fmt.Fprintf(&b, "%s|%.6f|", rp.New.Text(), rp.Similarity)
				for _, v := range rp.History {
					fmt.Fprintf(&b, "%s:%d:%s ", v.Unit().Doc, v.Passage.W1, v.Passage.Text())
				}
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "fresh %d, nearest %v\n", len(r.Fresh), r.Nearest[0])
		}
		return b.String()
	}
	later := open(t, nil, NeedTallies|NeedVectors|NeedUnitWeights)
	news, err := later.OpenFiles(ctx, []string{newPath})
	if err != nil {
		t.Fatal(err)
	}
	res, err := later.Compare(ctx, news, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := describe(res)

	news, err = OpenDocuments(ctx, []string{newPath}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var phases []string
	o := Options{Prepare: NeedTallies | NeedVectors | NeedUnitWeights | NeedCandidates, Against: news,
		Progress: func(phase string, done, total int) {
			if done == 1 {
				phases = append(phases, phase)
			}
		}}
	once, err := Open(ctx, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	res, err = once.Compare(ctx, news, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(res); got != want {
		t.Errorf("in one reading:\n%s\nwith a later pass:\n%s", got, want)
	}
	if len(res[0].Repeats) == 0 {
		t.Error("no repeats: the test compares nothing")
	}
	if slices.Contains(phases, "analysing") {
		t.Errorf("the corpus was passed over again: phases %v", phases)
	}
}

// In one reading, a new article that is one of the corpus's is compared with the rest: it is
// not its own nearest document, and the note says so.
func TestCompareLeavesItselfOut(t *testing.T) {
	ctx := context.Background()
	path := "../testdata/corpus/004_195d63a88f2e261d.txt"
	news, err := OpenDocuments(ctx, []string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, nil, Options{Prepare: NeedTallies | NeedVectors | NeedUnitWeights | NeedCandidates, Against: news})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Compare(ctx, news, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Corpus().Docs) != 4 || len(res[0].Nearest) != 4 {
		t.Fatalf("%d corpus documents, %d nearest: want the other 4", len(s.Corpus().Docs), len(res[0].Nearest))
	}
	for _, n := range res[0].Nearest {
		if n.ID == "2020-07-08-call" {
			t.Error("the article is its own nearest document")
		}
	}
	if notes := s.AlreadyIn(news); len(notes) != 1 || !strings.Contains(notes[0], "compared with the other 4 documents") {
		t.Errorf("notes %q", notes)
	}
}

// Findings come ranked by evidence: the corpus caveats first, then changes whose interval
// excludes zero, and a change whose interval includes zero is never said to rise or fall.
func TestFindingsRankedByEvidence(t *testing.T) {
	ctx := context.Background()
	s := open(t, nil, NeedTallies|NeedUnits)
	x, err := s.Sections(ReportOptions{Lang: "en", Seed: 1, Reps: 500})
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Report(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	shift, _, err := x.Shift(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.Findings[0], "The comparison rests on 1 article in 2020") {
		t.Errorf("the first finding should be the caveat: %q", r.Findings[0])
	}
	sawUnsure := false
	for _, f := range r.Findings {
		if strings.HasPrefix(f, "Inconclusive") {
			sawUnsure = true
		} else if sawUnsure && (strings.Contains(f, " rose from ") || strings.Contains(f, " fell from ")) {
			t.Errorf("a conclusive change after an inconclusive one: %q", f)
		}
	}
	for _, row := range shift {
		if row.DiffLow <= 0 && row.DiffHigh >= 0 {
			label := x.themeLabel(row.Theme)
			for _, f := range r.Findings {
				if strings.Contains(f, "Mentions of "+label+" rose") || strings.Contains(f, "Mentions of "+label+" fell") {
					t.Errorf("%s's interval includes zero, yet: %q", label, f)
				}
			}
		}
	}
	if !sawUnsure {
		t.Error("the seeds have changes whose interval includes zero: none is reported as inconclusive")
	}
}

// Every chart kind has a caption in every language.
func TestChartCaptions(t *testing.T) {
	for _, lang := range reports.Languages() {
		m, err := reports.MessagesFor(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range ChartKinds {
			if !m.Has("caption." + k.Name) {
				t.Errorf("%s: no caption.%s", lang, k.Name)
			}
		}
	}
}

// --title and --subtitle replace the default title and open the subtitle; the seeds' title is
// not the placeholder label.
func TestReportTitle(t *testing.T) {
	ctx := context.Background()
	s := open(t, nil, NeedTallies|NeedUnits)
	for _, c := range []struct{ title, sub, want, wantSub string }{
		{"", "", "Trend report: Xi Jinping–Vladimir Putin talks in five Arabic articles", "Corpus: 5 articles"},
		{"China–Russia summitry, 2020–2023", "Prepared for the policy unit", "China–Russia summitry, 2020–2023", "Prepared for the policy unit"},
	} {
		x, err := s.Sections(ReportOptions{Lang: "en", Seed: 1, Reps: 200, Title: c.title, Subtitle: c.sub})
		if err != nil {
			t.Fatal(err)
		}
		r, err := x.Report(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != c.want || !strings.HasPrefix(r.Subtitle[0], c.wantSub) {
			t.Errorf("title %q, subtitle %q; want %q, %q…", r.Title, r.Subtitle[0], c.want, c.wantSub)
		}
		// the command cited is the one that makes the report again
		if !strings.Contains(r.Cite, " --reps 200") || c.title != "" && !strings.Contains(r.Cite, " --title '"+c.title+"' --subtitle '"+c.sub+"'") {
			t.Errorf("cite %q", r.Cite)
		}
	}
}

// A report's default language is the corpus's: English when every document is English.
func TestDefaultLang(t *testing.T) {
	if got := open(t, nil, 0).DefaultLang(); got != "ar" {
		t.Errorf("the seeds: %q", got)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{"2020-01-01-a.txt": "Xi met Putin in Moscow.", "2021-01-01-b.txt": "Putin met Xi in Beijing."} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := open(t, []string{dir}, 0).DefaultLang(); got != "en" {
		t.Errorf("an English corpus: %q", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "2022-01-01-c.txt"), []byte("التقى شي بوتين في موسكو."), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := open(t, []string{dir}, 0).DefaultLang(); got != "ar" {
		t.Errorf("a mixed corpus: %q", got)
	}
}

// Every character the report prints, in both languages, has a glyph in the embedded fonts (a
// missing one shows as a box in the PDF and the charts).
func TestReportGlyphCoverage(t *testing.T) {
	ctx := context.Background()
	sh, err := reports.NewShaper()
	if err != nil {
		t.Fatal(err)
	}
	s := open(t, nil, NeedTallies|NeedUnits|NeedVectors)
	for _, lang := range reports.Languages() {
		x, err := s.Sections(ReportOptions{Lang: lang, Seed: 1, Reps: 200})
		if err != nil {
			t.Fatal(err)
		}
		var charts []*reports.Chart
		for _, k := range ChartKinds {
			ch, err := x.Chart(ctx, reports.Handler{S: sh}, k.Name)
			if err != nil {
				t.Fatal(err)
			}
			charts = append(charts, ch)
		}
		r, err := x.Report(ctx, charts)
		if err != nil {
			t.Fatal(err)
		}
		texts := append([]string{r.Title, r.RunDate, r.Cite}, r.Subtitle...)
		texts = append(texts, r.Findings...)
		texts = append(texts, r.Methods...)
		for _, ch := range r.Charts {
			texts = append(texts, ch.Title, ch.Caption, ch.Source)
		}
		for _, tb := range append(append(append([]reports.Table(nil), r.Tables...), r.Keyness...), r.RunRecord) {
			texts = append(texts, tb.Title, tb.Note)
			texts = append(texts, tb.Columns...)
			for _, row := range tb.Rows {
				texts = append(texts, row...)
			}
		}
		for _, f := range r.Formulations {
			texts = append(texts, f.Title, f.Note)
			for _, v := range f.Variants {
				texts = append(texts, v.Label, v.List)
				for _, o := range v.Ops {
					texts = append(texts, o.Text)
				}
			}
		}
		for _, txt := range texts {
			if m := sh.Missing(txt); len(m) > 0 {
				t.Errorf("%s: no glyph for %q in %q", lang, string(m), txt)
			}
		}
	}
}

// The DFM by year is the DFM by document summed; with every word kept, a document's row
// holds each of its word tokens once; --min-count leaves out rare features everywhere.
func TestDFM(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byDoc, err := s.DFM(ctx, DFMOptions{AllWords: true})
	if err != nil {
		t.Fatal(err)
	}
	byYear, _ := s.DFM(ctx, DFMOptions{AllWords: true, ByYear: true})
	sum := map[[2]string]int{}
	docs := s.Corpus().Docs
	for _, c := range byDoc.Cells {
		sum[[2]string{docs[c.Row].Date.Format("2006"), byDoc.Features[c.Feature]}] += c.Count
	}
	for _, c := range byYear.Cells {
		k := [2]string{byYear.Rows[c.Row], byYear.Features[c.Feature]}
		if sum[k] != c.Count {
			t.Errorf("%v: by year %d, by document summed %d", k, c.Count, sum[k])
		}
		delete(sum, k)
	}
	if len(sum) != 0 {
		t.Errorf("by document only: %v", sum)
	}
	for i, d := range docs {
		n := 0
		for _, c := range byDoc.Cells {
			if c.Row == i {
				n += c.Count
			}
		}
		var want int
		if err := s.withDoc(i, func(d *corpus.Document) {
			for _, v := range StemBag(s.analyzers(true)(0).Analyze(d.Clean)) {
				want += int(v)
			}
		}); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d counts in its row, %d words", d.ID, n, want)
		}
	}
	rare, _ := s.DFM(ctx, DFMOptions{AllWords: true, MinCount: 3})
	if len(rare.Features) >= len(byDoc.Features) || len(rare.Forms) != len(rare.Features) {
		t.Errorf("min-count 3 keeps %d of %d features", len(rare.Features), len(byDoc.Features))
	}
	stops, _ := s.DFM(ctx, DFMOptions{})
	if len(stops.Features) >= len(byDoc.Features) {
		t.Errorf("function words not left out: %d features, %d with them", len(stops.Features), len(byDoc.Features))
	}
}

// A lexicon with many problems is summarised past corpus.MaxListed, with the count of the rest.
func TestLexiconProblemsSummarised(t *testing.T) {
	var b strings.Builder
	b.WriteString("themes:\n")
	for i := range 30 {
		fmt.Fprintf(&b, "  - id: t%d\n    terms: []\n", i)
	}
	p := filepath.Join(t.TempDir(), "lex.yaml")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadLexicon(p)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if n := strings.Count(msg, "is empty"); n != corpus.MaxListed || !strings.Contains(msg, "… and 10 more") || !strings.Contains(msg, "30 problem(s)") {
		t.Errorf("%d listed:\n%s", n, msg)
	}
}

// Periods in different languages are said to be so: in shift's and keyness's warning and in the
// report's findings; periods in one language are not.
func TestLanguageShift(t *testing.T) {
	dir := t.TempDir()
	docs := []string{
		`{"id":"a","date":"2020-05-01","text":"قال الرئيس شي إن التعاون في مجال الطاقة مهم للبلدين."}`,
		`{"id":"b","date":"2023-05-01","text":"Putin said energy cooperation with China would keep growing."}`,
		`{"id":"c","date":"2023-06-01","text":"قال الرئيس بوتين إن الشراكة في مجال الطاقة تتعزز."}`,
	}
	p := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(docs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := open(t, []string{p}, 0)
	per, err := s.Periods(PeriodPair{})
	if err != nil {
		t.Fatal(err)
	}
	if w := s.LanguageShift(per); !strings.Contains(w, "2020: 1 Arabic, 0 English; 2023: 1 Arabic, 1 English") {
		t.Errorf("warning %q", w)
	}
	if w := open(t, nil, 0).LanguageShift(mustPeriods(t, open(t, nil, 0))); w != "" {
		t.Errorf("the seeds are all Arabic, warned %q", w)
	}
	s = open(t, []string{p}, NeedTallies|NeedUnits)
	for _, lang := range []string{"en", "ar"} {
		r := reportOf(t, s, lang)
		want := map[string]string{"en": "The periods differ in language", "ar": "تختلف الفترتان في اللغة"}[lang]
		if len(r.Findings) < 2 || !strings.HasPrefix(r.Findings[1], want) {
			t.Errorf("%s: findings %q, want the second to say %q", lang, r.Findings, want)
		}
	}
}

func mustPeriods(t *testing.T, s *Study) Periods {
	t.Helper()
	p, err := s.Periods(PeriodPair{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Periods given later one first are said to be read backwards; documents dated between the
// periods and in neither are named, in shift's note and in the report's findings.
func TestPeriodOrder(t *testing.T) {
	s := open(t, nil, NeedTallies|NeedUnits)
	back, err := s.Periods(PeriodPair{From: "2023", To: "2020"})
	if err != nil {
		t.Fatal(err)
	}
	if w := s.OrderWarning(back); !strings.HasPrefix(w, "2023 comes after 2020") {
		t.Errorf("reversed: %q", w)
	}
	def := mustPeriods(t, s) // 2020 against 2023: the two 2022 articles are in neither
	if w := s.OrderWarning(def); !strings.HasPrefix(w, "2 document(s) dated between 2020 and 2023 are in neither period (2022-02-04-beijing, 2022-12-30-video)") {
		t.Errorf("between: %q", w)
	}
	ids, err := s.Periods(PeriodPair{From: "2020-07-08-call", To: "2022-12-30-video,2023-10-18-brf"})
	if err != nil {
		t.Fatal(err)
	}
	if w := s.OrderWarning(ids); !strings.Contains(w, "(2022-02-04-beijing, 2023-03-21-moscow)") {
		t.Errorf("a document between two of a period's: %q", w) // 2023-03-21-moscow lies between the two of to
	}
	all, err := s.Periods(PeriodPair{From: "2020-2022", To: "2023"})
	if err != nil {
		t.Fatal(err)
	}
	if w := s.OrderWarning(all); w != "" {
		t.Errorf("adjacent periods: %q", w)
	}
	r := reportOf(t, s, "en")
	if !slices.ContainsFunc(r.Findings, func(f string) bool { return strings.HasPrefix(f, "2 articles are dated between 2020 and 2023") }) {
		t.Errorf("findings %q", r.Findings)
	}
}

// The report's "how to cite" command names the corpus it read, quoted for a shell, so that it
// reproduces the report; the bundled corpus needs none.
func TestCiteNamesTheCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my corpus")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "2020-01-02-a.txt"), []byte("قال الرئيس شي إن التعاون في مجال الطاقة مهم."), 0o644)
	os.WriteFile(filepath.Join(dir, "2021-03-04-b.txt"), []byte("قال الرئيس بوتين إن الشراكة في مجال الطاقة تتعزز."), 0o644)
	for _, c := range []struct {
		paths []string
		want  string
	}{{nil, "command: readout report --from"}, {[]string{dir}, "command: readout report '" + dir + "' --from"}} {
		r := reportOf(t, open(t, c.paths, NeedTallies|NeedUnits), "en")
		if !strings.Contains(r.Cite, c.want) {
			t.Errorf("cite %q, want %q", r.Cite, c.want)
		}
	}
}

// reportOf makes the report of a study in lang (seed 1, 200 replicates), without charts.
func reportOf(t *testing.T, s *Study, lang string) *reports.Report {
	t.Helper()
	x, err := s.Sections(ReportOptions{Lang: lang, Seed: 1, Reps: 200})
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Report(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A statement the corpus has word for word is a counterpart, though it has no content word to
// align (names, titles and a frame), in one reading and in two; a short one (a dateline) is not.
func TestCompareFindsCopies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	files := map[string]string{
		"2023-03-20-a.txt": "Chinese President Xi Jinping met his Russian counterpart Vladimir Putin in the Kremlin on Monday.\n\nMoscow, March 20.\n\nPutin said the two countries would ship more grain next year.\n",
		"2023-03-21-b.txt": "Xi said China and Russia would keep working closely at the United Nations.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	newPath := filepath.Join(t.TempDir(), "new.txt")
	if err := os.WriteFile(newPath, []byte("Chinese President Xi Jinping met his Russian counterpart, Vladimir Putin, in the Kremlin on Monday!\n\nMoscow, March 20.\n\nXi said China was ready to build a bridge across the Amur.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	news, err := OpenDocuments(ctx, []string{newPath}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, once := range []bool{true, false} {
		o := Options{Prepare: NeedTallies | NeedVectors | NeedUnitWeights}
		if once {
			o.Prepare |= NeedCandidates
			o.Against = news
		}
		s, err := Open(ctx, []string{dir}, o)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Compare(ctx, news, CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		r := res[0]
		if len(r.Copied) != 1 || r.Copied[0].Doc != "2023-03-20-a" || r.Copied[0].Index != 0 || r.Copied[0].Unit.Index != 0 {
			t.Fatalf("one reading %v: copied %+v", once, r.Copied)
		}
		var fresh []string
		for _, u := range r.Fresh {
			fresh = append(fresh, u.Text)
		}
		if len(fresh) != 2 || !strings.HasPrefix(fresh[0], "Moscow") && !strings.HasPrefix(fresh[1], "Moscow") {
			t.Errorf("one reading %v: new statements %q (the dateline is too short to count as a copy)", once, fresh)
		}
	}
	// Verbatim keeps the units' order: one hash a unit
	d := news[0]
	if got, want := len(compare.Verbatim(d.A)), len(d.Units(textproc.DefaultLexicon())); got != want {
		t.Errorf("%d hashes for %d units", got, want)
	}
}

// English keyness: function words are no terms, n-grams do not cross punctuation, and the
// report shows no term below G² 3.84 (its finding says when none reaches it).
func TestKeynessEnglishWords(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	texts := map[string]string{
		"2020-05-01-a.txt": "Xi said, adding that other partners would join during the talks. Xi said trade was good.",
		"2020-06-01-b.txt": "Putin said, adding that both sides stood against pressure. Putin said trade was good.",
		"2023-05-01-c.txt": "Xi said, adding that other partners would join during the talks. Xi said trade was good.",
		"2023-06-01-d.txt": "Putin said, adding that both sides stood against pressure. Putin said trade was good.",
	}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := open(t, []string{dir}, 0)
	res, err := s.Keyness(ctx, KeynessOptions{MinCount: 1, MinN: 1, MaxN: 2, Periods: PeriodPair{From: "2020", To: "2023"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Rows {
		for _, w := range []string{"other", "dure", "both", "against"} {
			if slices.Contains(strings.Fields(r.Term), w) {
				t.Errorf("a function word is (part of) a term: %q", r.Term)
			}
		}
		if r.Term == "said ad" || strings.HasPrefix(r.Term, "said add") {
			t.Errorf("a bigram across a comma: %q", r.Term)
		}
	}
	if len(res.Rows) == 0 || !slices.ContainsFunc(res.Rows, func(r metrics.KeyRow) bool { return r.Term == "said trade" }) {
		t.Errorf("no bigram within a clause: %v", res.Rows)
	}
	// the two periods say the same: no term reaches 3.84, and the report says so
	x, err := open(t, []string{dir}, ReportNeeds).Sections(ReportOptions{Lang: "en", Seed: 1, Reps: 200})
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Report(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Keyness[0].Rows)+len(r.Keyness[1].Rows) != 0 {
		t.Errorf("key terms shown below G² 3.84: %v", r.Keyness)
	}
	if !slices.ContainsFunc(r.Findings, func(f string) bool { return strings.HasPrefix(f, "No word's frequency differs") }) {
		t.Errorf("findings %q", r.Findings)
	}
}
