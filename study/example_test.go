package study_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/readout/readout/metrics"
	"github.com/readout/readout/reports"
	"github.com/readout/readout/study"
)

// Read the bundled seed corpus and count sovereignty mentions per year.
func ExampleOpen() {
	ctx := context.Background()
	s, err := study.Open(ctx, nil, study.Options{Prepare: study.NeedTallies})
	if err != nil {
		fmt.Println(err)
		return
	}
	theme, _ := study.ThemeIndices(s.Lexicon(), []string{"sovereignty"})
	rows, err := s.Themes(ctx, study.ThemesOptions{By: metrics.GroupBy{Year: true}, Themes: theme})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rows {
		fmt.Printf("%s: %d mentions, %.2f per 1,000 tokens\n", r.Key.Year, r.Count, r.Per1k)
	}
	// Output:
	// 2020: 5 mentions, 9.06 per 1,000 tokens
	// 2022: 3 mentions, 3.34 per 1,000 tokens
	// 2023: 1 mentions, 1.21 per 1,000 tokens
}

// Each article's nearest neighbour by tf-idf cosine, without the full matrix.
func ExampleStudy_Similarity() {
	ctx := context.Background()
	s, _ := study.Open(ctx, nil, study.Options{Prepare: study.NeedVectors})
	res, err := s.Similarity(ctx, study.SimilarityOptions{Top: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	docs := s.Corpus().Docs
	for i, nb := range res.Nearest {
		fmt.Printf("%s → %s (%.2f)\n", docs[i].ID, docs[nb[0].Doc].ID, nb[0].Value)
	}
	// Output:
	// 2020-07-08-call → 2023-10-18-brf (0.56)
	// 2022-02-04-beijing → 2022-12-30-video (0.58)
	// 2022-12-30-video → 2022-02-04-beijing (0.58)
	// 2023-03-21-moscow → 2022-12-30-video (0.48)
	// 2023-10-18-brf → 2020-07-08-call (0.56)
}

// The key findings of a report in English, 2020 against 2023.
func ExampleSections_Report() {
	ctx := context.Background()
	s, _ := study.Open(ctx, nil, study.Options{Prepare: study.NeedTallies | study.NeedUnits})
	x, err := s.Sections(study.ReportOptions{Lang: "en", Seed: 1, Reps: 2000, Date: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := x.Report(ctx, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Title)
	for _, f := range r.Findings[:4] {
		fmt.Println(f)
	}
	// Output:
	// Trend report: Xi Jinping–Vladimir Putin talks in five Arabic articles
	// The comparison rests on 1 article in 2020 and 2 in 2023; with so few, read each number with the warnings listed in data/shift.csv.
	// 2 articles are dated between 2020 and 2023 and in neither period: the comparison leaves them out (give --from and --to to choose the periods).
	// Of the 84 sentences (headlines and other headings counted among them), 64 (76%) are attributed to the leaders (one of them or both), 3 to other speakers, and 17 (20%) to no one: narration, or a speaker readout could not name (readout sentences --speaker none lists them).
	// Mentions of energy rose from 0.00 to 8.46 per 1,000 tokens between 2020 and 2023 (change +8.46, 95% interval 2.52 to 15.95; 0 mentions in 2020, 7 in 2023).
}

// Draw one chart of the report as SVG.
func ExampleSections_Chart() {
	ctx := context.Background()
	s, _ := study.Open(ctx, nil, study.Options{Prepare: study.NeedTallies})
	x, _ := s.Sections(study.ReportOptions{Lang: "ar", Seed: 1, Reps: 2000})
	sh, err := reports.NewShaper()
	if err != nil {
		fmt.Println(err)
		return
	}
	ch, err := x.Chart(ctx, reports.Handler{S: sh}, "theme-rates")
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := os.CreateTemp("", "rates-*.svg")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	fmt.Println(ch.Name, ch.WriteTo(f, "svg", 0))
	// Output: theme-rates <nil>
}

// Audit a "who said what" figure: the sentences behind Putin's mentions of sovereignty, with
// the rule, reporting word and subject that attributed each.
func ExampleStudy_Sentences() {
	ctx := context.Background()
	s, err := study.Open(ctx, nil, study.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	theme, _ := s.ThemeIndices([]string{"sovereignty"})
	err = s.Sentences(ctx, study.SentencesOptions{Speaker: "putin", Themes: theme}, func(rows []study.SentenceRow) error {
		for _, r := range rows {
			fmt.Printf("%s #%d: %s by %s (cue %q, source %q)\n", r.Doc, r.Index, r.Speaker, r.Rule, r.Cue.Text, r.Source.Text)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2020-07-08-call #12: putin by subject-after (cue "قال", source "بوتين")
	// 2020-07-08-call #13: putin by implicit-subject (cue "وأضاف", source "")
	// 2020-07-08-call #14: putin by subject-after (cue "ولفت", source "بوتين")
	// 2022-02-04-beijing #20: putin by implicit-subject (cue "واستطرد", source "")
}

// What the built-in lexicon misses in the seed corpus: spelling variants and relatives of its
// terms, and words found near a theme's mentions.
func ExampleStudy_Suggest() {
	ctx := context.Background()
	s, err := study.Open(ctx, nil, study.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sug, err := s.Suggest(ctx, study.SuggestOptions{Collocates: 5})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range sug {
		fmt.Printf("%s %s %s (%d)\n", g.Kind, g.Theme, g.Phrase, g.Count)
		fmt.Println(g.YAML)
	}
	// Output:
	// relative security الدفاع (2)
	//       - الدفاع  # security: morphological relative of الدفاعي: check the contexts before adding
	// collocate sovereignty الوطنية (3)
	//       - الوطنية  # sovereignty: collocate: check the contexts before adding
}

// A document-feature matrix by year, written as Matrix Market for scipy or R.
func ExampleStudy_DFM() {
	ctx := context.Background()
	s, _ := study.Open(ctx, nil, study.Options{})
	m, err := s.DFM(ctx, study.DFMOptions{ByYear: true, MinCount: 5})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Rows, len(m.Features), "features seen 5 times or more")
	var b strings.Builder
	m.WriteMatrixMarket(&b)
	lines := strings.Split(b.String(), "\n")
	fmt.Println(strings.Join(lines[:4], "\n"))
	// Output:
	// [2020 2022 2023] 68 features seen 5 times or more
	// %%MatrixMarket matrix coordinate integer general
	// % readout document-feature matrix: rows are documents (or years), columns features (words by term key)
	// 3 68 170
	// 1 1 2
}

// Set a new article against the corpus in one reading: the article is read first, and the
// corpus keeps, as it is read, the statements that could restate one of the article's.
func ExampleStudy_Compare() {
	ctx := context.Background()
	news, err := study.OpenDocuments(ctx, []string{"../testdata/corpus/004_195d63a88f2e261d.txt"}, study.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	earlier, _ := filepath.Glob("../testdata/corpus/00[0-3]_*.txt") // the four earlier seed articles
	need := study.NeedTallies | study.NeedVectors | study.NeedUnitWeights | study.NeedCandidates
	s, err := study.Open(ctx, earlier, study.Options{Prepare: need, Against: news})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := s.Compare(ctx, news, study.CompareOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := res[0]
	fmt.Printf("nearest: %s (%.2f)\n", r.Nearest[0].ID, r.Nearest[0].Cosine)
	fmt.Printf("%d statements restated, %d new\n", len(r.Repeats), len(r.Fresh))
	// Output:
	// nearest: 000_534698608f2af9c6 (0.56)
	// 20 statements restated, 3 new
}
