package main

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/output"
	"github.com/readout/readout/metrics"
)

type compareOptions struct {
	app           *app
	Files         []string
	Against       string
	MinSimilarity float64
	Top           int
	Format        string
	Color         string
}

func newCmdCompare(a *app, runF func(*compareOptions) error) *cobra.Command {
	opts := &compareOptions{app: a}
	cmd := &cobra.Command{
		Use:   "compare FILE ... [--against PATH]",
		Short: "Compare a new article with a corpus: themes, nearest articles, repeated and new statements, speakers",
		Long: `What an analyst runs the day a new readout appears. For each FILE (any supported format; a
date is optional), against the corpus (--against, default the bundled one):
  - themes whose rate departs most from the corpus: rate per 1,000 tokens, the corpus mean, the
    z-score over the corpus documents and the percentile;
  - the nearest corpus documents (tf-idf cosine over word stems);
  - the corpus formulations it repeats, with the word diff from the corpus wording;
  - its statements with no counterpart in the corpus;
  - its speaker balance against the corpus.
Most telling first: themes by |z|, repeats by similarity, new statements with themes first.`,
		Example: `  readout compare new-readout.txt
  readout compare new-readout.html --against testdata/corpus --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("give the FILE(s) to compare")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Against, "against", "", "the corpus to compare with (default: the bundled seed corpus)")
	f.Float64Var(&opts.MinSimilarity, "min-similarity", compare.DefaultMinSimilarity, "lowest similarity at which a statement counts as repeated")
	f.IntVar(&opts.Top, "top", 5, "rows per section in text output")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text, json or csv")
	f.StringVar(&opts.Color, "color", "auto", "colour the text diff: auto (on a terminal), always or never")
	return cmd
}

// comparison is everything compare finds for one new document.
type comparison struct {
	doc       analysed
	themes    []compare.ThemeStanding
	neighbors []neighbor
	repeats   []compare.Repeat
	fresh     []*compare.Unit
	speakers  []speakerShare
}

type neighbor struct {
	id     string
	cosine float64
}

type speakerShare struct {
	speaker       string
	share, corpus float64 // share of tokens
}

func compareRun(opts *compareOptions) error {
	format, color, err := opts.app.statementFlags(opts.Format, opts.Color, opts.MinSimilarity)
	if err != nil {
		return err
	}
	lx, err := opts.app.loadLexicon()
	if err != nil {
		return err
	}
	c, docs, err := opts.app.loadAnalysed(corpusFlag(opts.Against), lx)
	if err != nil {
		return err
	}
	_, newDocs, err := opts.app.loadAnalysed(opts.Files, lx)
	if err != nil {
		return err
	}
	tl := talliesOf(docs, lx)
	units := unitsOf(docs, lx)
	newUnits := unitsOf(newDocs, lx)
	w := compare.NewWeights(append(append([][]compare.Unit{}, units...), newUnits...)...)

	// corpus rates per theme and speaker token shares
	corpusRates := make([][]float64, len(lx.Themes))
	spkTokens := map[string]float64{}
	var allTokens float64
	for _, d := range tl {
		n := d.Tokens()
		counts := make([]int, len(lx.Themes))
		for _, s := range d.Sentences {
			spkTokens[s.Speaker] += float64(s.Tokens)
			allTokens += float64(s.Tokens)
			for _, tc := range s.Themes {
				counts[tc.Theme] += tc.N
			}
		}
		for t := range lx.Themes {
			r := 0.0
			if n > 0 {
				r = 1000 * float64(counts[t]) / float64(n)
			}
			corpusRates[t] = append(corpusRates[t], r)
		}
	}
	bags := make([]metrics.Bag, len(docs))
	for i, d := range docs {
		bags[i] = stemBag(d.A)
	}
	var results []comparison
	for k, nd := range newDocs {
		res := comparison{doc: nd}
		t := metrics.Tally(nd.Doc.ID, nd.Doc.Date, nd.A, lx)
		n := t.Tokens()
		counts := make([]int, len(lx.Themes))
		spk := map[string]float64{}
		for _, s := range t.Sentences {
			spk[s.Speaker] += float64(s.Tokens)
			for _, tc := range s.Themes {
				counts[tc.Theme] += tc.N
			}
		}
		for ti, th := range lx.Themes {
			r := 0.0
			if n > 0 {
				r = 1000 * float64(counts[ti]) / float64(n)
			}
			st := compare.Standing(th.ID, counts[ti], r, corpusRates[ti])
			if counts[ti] > 0 || st.Mean > 0 {
				res.themes = append(res.themes, st)
			}
		}
		sort.SliceStable(res.themes, func(i, j int) bool { return absZ(res.themes[i]) > absZ(res.themes[j]) })
		weights := metrics.TFIDF(append(append([]metrics.Bag{}, bags...), stemBag(nd.A)))
		for i, d := range docs {
			res.neighbors = append(res.neighbors, neighbor{d.Doc.ID, metrics.Cosine(weights[len(weights)-1], weights[i])})
		}
		sort.SliceStable(res.neighbors, func(i, j int) bool { return res.neighbors[i].cosine > res.neighbors[j].cosine })
		res.repeats, res.fresh = compare.Repeats(newUnits[k], units, w, opts.MinSimilarity)
		sort.SliceStable(res.fresh, func(i, j int) bool { return len(res.fresh[i].Themes) > 0 && len(res.fresh[j].Themes) == 0 })
		for _, s := range lx.SpeakerIDs() {
			sh := speakerShare{speaker: s}
			if n > 0 {
				sh.share = spk[s] / float64(n)
			}
			if allTokens > 0 {
				sh.corpus = spkTokens[s] / allTokens
			}
			res.speakers = append(res.speakers, sh)
		}
		results = append(results, res)
	}
	if format == "text" {
		return writeCompareText(opts, results, c.Label, len(c.Docs), color)
	}
	rows := output.Rows{Columns: []string{"doc", "section", "theme", "count", "per_1k", "corpus_mean", "corpus_sd", "z", "percentile",
		"other_doc", "similarity", "speaker", "share", "corpus_share", "text", "other_text", "diff", "classes"}}
	for _, r := range results {
		id := r.doc.Doc.ID
		blank := func() []any { return make([]any, len(rows.Columns)) }
		for _, th := range r.themes {
			v := blank()
			v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8] = id, "theme", th.Theme, th.Count, th.Rate, th.Mean, th.SD, th.Z, th.Percentile
			rows.Add(v...)
		}
		for _, nb := range r.neighbors {
			v := blank()
			v[0], v[1], v[9], v[10] = id, "nearest", nb.id, nb.cosine
			rows.Add(v...)
		}
		for _, rp := range r.repeats {
			v := blank()
			v[0], v[1], v[9], v[10], v[11], v[14], v[15], v[16], v[17] = id, "repeat", rp.Corpus.Doc, rp.Similarity, rp.New.Speaker, rp.New.Text, rp.Corpus.Text, compare.WordDiffText(rp.Ops, false), classSummary(rp.Ops)
			rows.Add(v...)
		}
		for _, u := range r.fresh {
			v := blank()
			v[0], v[1], v[2], v[11], v[14] = id, "new", strings.Join(u.Themes, "; "), u.Speaker, u.Text
			rows.Add(v...)
		}
		for _, s := range r.speakers {
			v := blank()
			v[0], v[1], v[11], v[12], v[13] = id, "speaker", s.speaker, s.share, s.corpus
			rows.Add(v...)
		}
	}
	run := runRecord("compare", c, map[string]any{"files": opts.Files, "min_similarity": opts.MinSimilarity})
	run.LexiconSHA256 = lx.Hash
	run.Metrics = []string{"theme.per_1k", "compare.standing", "similarity.cosine", "compare.similarity", "compare.diff"}
	f := output.JSON
	if format == "csv" {
		f = output.CSV
	}
	return output.Write(opts.app.Out, f, run, rows)
}

func absZ(s compare.ThemeStanding) float64 {
	if math.IsNaN(s.Z) {
		if s.Count > 0 && s.Mean == 0 {
			return math.Inf(1) // present here, absent from the whole corpus: most telling
		}
		return -1
	}
	return math.Abs(s.Z)
}

func writeCompareText(opts *compareOptions, results []comparison, label string, nDocs int, color bool) error {
	ew := &errWriter{w: opts.app.Out}
	top := func(n int) int {
		if opts.Top > 0 && n > opts.Top {
			return opts.Top
		}
		return n
	}
	for k, r := range results {
		if k > 0 {
			ew.printf("\n%s\n\n", strings.Repeat("─", 60))
		}
		d := r.doc.Doc
		date := dateString(d)
		if date == "" {
			date = "undated"
		}
		ew.printf("%s (%s, %d tokens) against %s (%d documents)\n", d.ID, date, len(r.doc.A.Tokens), label, nDocs)
		ew.printf("\nThemes that stand out (per 1,000 tokens; z over the corpus documents):\n")
		for _, th := range r.themes[:top(len(r.themes))] {
			z := "  n/a"
			if !math.IsNaN(th.Z) {
				z = fmt.Sprintf("%+5.1f", th.Z)
			} else if th.Count > 0 && th.Mean == 0 {
				z = "  new"
			}
			ew.printf("  %-24s %6.2f  corpus %6.2f  z %s  percentile %3.0f  (%d matches)\n", th.Theme, th.Rate, th.Mean, z, th.Percentile, th.Count)
		}
		ew.printf("\nNearest corpus documents (tf-idf cosine):\n")
		for _, nb := range r.neighbors[:top(len(r.neighbors))] {
			ew.printf("  %-24s %.2f\n", nb.id, nb.cosine)
		}
		ew.printf("\nFormulations it repeats (%d), most similar first:\n", len(r.repeats))
		for _, rp := range r.repeats[:top(len(r.repeats))] {
			ew.printf("  %.2f  from %s #%d (%s) → #%d (%s)  %s\n    %s\n", rp.Similarity, rp.Corpus.Doc, rp.Corpus.Index+1, rp.Corpus.Speaker,
				rp.New.Index+1, rp.New.Speaker, strings.Join(classSummary(rp.Ops), ", "), compare.WordDiffText(rp.Ops, color))
		}
		ew.printf("\nStatements with no counterpart in the corpus (%d):\n", len(r.fresh))
		for _, u := range r.fresh[:top(len(r.fresh))] {
			ew.printf("  #%d (%s) [%s] %s\n", u.Index+1, u.Speaker, strings.Join(u.Themes, ", "), u.Text)
		}
		ew.printf("\nSpeaker balance (share of tokens, this article vs corpus):\n")
		for _, s := range r.speakers {
			ew.printf("  %-8s %5.1f%%  corpus %5.1f%%\n", s.speaker, 100*s.share, 100*s.corpus)
		}
	}
	return ew.err
}
