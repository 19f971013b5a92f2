package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

// analysed is one document with its analysis.
type analysed struct {
	Doc *corpus.Document
	A   *textproc.Doc
}

// loadLexicon reads --lexicon, or the built-in lexicon.
func (a *app) loadLexicon() (*textproc.Lexicon, error) {
	if a.global.Lexicon == "" {
		return textproc.DefaultLexicon(), nil
	}
	b, err := os.ReadFile(a.global.Lexicon)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	lx, probs := textproc.ParseLexicon(b, a.global.Lexicon)
	if len(probs) > 0 {
		var msg []string
		for _, p := range probs {
			msg = append(msg, "  "+p.String())
		}
		return nil, fmt.Errorf("the lexicon has %d problem(s):\n%s\nrun 'readout lexicon check %s' after fixing them", len(probs), strings.Join(msg, "\n"), a.global.Lexicon)
	}
	return lx, nil
}

// loadAnalysed reads the corpus named by paths (the bundled one when there are none) and
// analyses every document with lx.
func (a *app) loadAnalysed(paths []string, lx *textproc.Lexicon) (*corpus.Corpus, []analysed, error) {
	c, err := a.loadCorpus(paths)
	if err != nil {
		return nil, nil, err
	}
	docs, err := a.analyse(c, lx)
	return c, docs, err
}

// analyse analyses every document of the corpus, in corpus order, keeping every analysis (for
// commands that need the text of all documents at once).
func (a *app) analyse(c *corpus.Corpus, lx *textproc.Lexicon) ([]analysed, error) {
	out := make([]analysed, len(c.Docs))
	err := eachDoc(a, c, lx, func(d *corpus.Document, an *textproc.Doc) *textproc.Doc { return an },
		func(i int, an *textproc.Doc) { out[i] = analysed{Doc: c.Docs[i], A: an} })
	return out, err
}

// loadTallies reads the corpus named by paths and summarises every document for the metrics,
// streaming: each file is read once and only its per-sentence counts are kept. The tallies are
// in date order (undated last).
func (a *app) loadTallies(paths []string, lx *textproc.Lexicon) (*corpus.Corpus, []metrics.DocTally, error) {
	c, out, err := loadEach(a, paths, lx, false, func(d *corpus.Document, an *textproc.Doc) metrics.DocTally {
		return metrics.Tally(d.ID, d.Date, an, lx)
	})
	if err != nil {
		return nil, nil, err
	}
	sortByDate(out)
	return c, out, nil
}

// talliesOf summarises documents already analysed, in date order.
func talliesOf(docs []analysed, lx *textproc.Lexicon) []metrics.DocTally {
	out := make([]metrics.DocTally, len(docs))
	for i, d := range docs {
		out[i] = metrics.Tally(d.Doc.ID, d.Doc.Date, d.A, lx)
	}
	sortByDate(out)
	return out
}

func sortByDate(out []metrics.DocTally) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Date.IsZero() != b.Date.IsZero() {
			return !a.Date.IsZero()
		}
		return a.Date.Before(b.Date)
	})
}

// requireDates fails, naming the undated documents and how to date them, when a command
// needs every document's date.
func requireDates(c *corpus.Corpus, why string) error {
	und := c.Undated()
	if len(und) == 0 {
		return nil
	}
	var names []string
	for _, d := range und {
		names = append(names, d.ID+" ("+d.Path+")")
	}
	return fmt.Errorf("%s needs a date for every document; %d have none: %s\ngive each a date in the manifest's date column (yyyy-mm-dd) or in its file name (2022-02-04-name.txt)",
		why, len(und), strings.Join(names, ", "))
}

// themeFlag resolves --theme values to theme indices, all themes when none are given.
func themeFlag(lx *textproc.Lexicon, ids []string) ([]int, error) {
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
			found := -1
			for i, t := range lx.Themes {
				if t.ID == id {
					found = i
				}
			}
			if found < 0 {
				return nil, usagef("unknown theme %q: the lexicon has %s", id, strings.Join(lx.ThemeIDs(), ", "))
			}
			out = append(out, found)
		}
	}
	return out, nil
}

// themeTallies is the common start of themes, shift and trend: the lexicon, the themes asked
// for, the corpus (read lazily) and its tallies in date order. why names the command when it
// needs every document's date ("" when it does not).
func (a *app) themeTallies(paths, themeIDs []string, why string) (*textproc.Lexicon, []int, *corpus.Corpus, []metrics.DocTally, error) {
	lx, err := a.loadLexicon()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	themes, err := themeFlag(lx, themeIDs)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	c, docs, err := a.loadTallies(paths, lx)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if why != "" {
		if err := requireDates(c, why); err != nil {
			return nil, nil, nil, nil, err
		}
	}
	return lx, themes, c, docs, nil
}
