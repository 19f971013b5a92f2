package corpus

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// Text copied from news pages, labelled line by line: testdata/copied/own.txt (written for
// readout), and the files of READOUT_COPIED_EVAL (comma-separated: labelled real copies kept
// outside the repository). Each excerpt is loaded as a .txt document; the figures are those of
// docs/METHODS.md (text.input).
type copiedExcerpt struct {
	id    string
	lines [][2]string // label, text
}

func readCopied(t *testing.T, path string) []copiedExcerpt {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []copiedExcerpt
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=="):
			out = append(out, copiedExcerpt{id: strings.Fields(line)[1]})
		case strings.HasPrefix(line, "#") || !strings.Contains(line, "\t") || len(out) == 0:
		default:
			label, text, _ := strings.Cut(line, "\t")
			out[len(out)-1].lines = append(out[len(out)-1].lines, [2]string{label[:1], text})
		}
	}
	return out
}

type copiedScores struct{ kept, keptArticle, article, articleKept, titles, titlesRight int }

func measureCopied(t *testing.T, set []copiedExcerpt) copiedScores {
	t.Helper()
	var sc copiedScores
	dir := t.TempDir()
	for _, e := range set {
		var b strings.Builder
		for _, l := range e.lines {
			b.WriteString(l[1] + "\n")
		}
		p := write(t, dir, e.id+".txt", []byte(b.String()))
		c, err := Load([]string{p}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", e.id, err)
		}
		d := c.Docs[0]
		var arts []string
		for _, l := range e.lines {
			if l[0] == "A" || l[0] == "T" {
				arts = append(arts, Collapse(l[1]))
			}
		}
		var kept []string
		for _, k := range strings.Split(d.Clean, "\n") {
			if k = Collapse(k); k != "" {
				kept = append(kept, k)
			}
		}
		for _, k := range kept {
			sc.kept++
			for _, a := range arts {
				if strings.Contains(a, k) {
					sc.keptArticle++
					break
				}
			}
		}
		all := strings.Join(kept, " ")
		for _, l := range e.lines {
			if l[0] != "A" {
				continue
			}
			sc.article++
			a := Collapse(l[1])
			if strings.Contains(all, a) || strings.Contains(all, strings.TrimSpace(a[datelineLen(a):])) {
				sc.articleKept++
			}
		}
		for _, l := range e.lines {
			if l[0] == "T" {
				sc.titles++
				if Collapse(d.Title) == Collapse(l[1]) {
					sc.titlesRight++
				}
				break
			}
		}
	}
	return sc
}

func (sc copiedScores) rates() (precision, recall, titles float64) {
	return float64(sc.keptArticle) / float64(max(1, sc.kept)), float64(sc.articleKept) / float64(max(1, sc.article)),
		float64(sc.titlesRight) / float64(max(1, sc.titles))
}

// TestCopiedTexts holds the written copied texts to what the rules do today (floors set from
// the measured figures: a rule that starts losing article text or keeping more furniture
// fails) and prints the figures of any file in READOUT_COPIED_EVAL.
func TestCopiedTexts(t *testing.T) {
	sc := measureCopied(t, readCopied(t, "testdata/copied/own.txt"))
	p, r, ti := sc.rates()
	t.Logf("own: kept lines that are article text %.3f (%d/%d), article lines kept %.3f (%d/%d), titles %.3f (%d/%d)",
		p, sc.keptArticle, sc.kept, r, sc.articleKept, sc.article, ti, sc.titlesRight, sc.titles)
	if p < 0.78 || r < 1 || sc.titlesRight < 11 {
		t.Errorf("below the floors (0.78 of kept lines article text, every article line kept, 11 titles right)")
	}
	if extra := os.Getenv("READOUT_COPIED_EVAL"); extra != "" {
		for _, path := range strings.Split(extra, ",") {
			sc := measureCopied(t, readCopied(t, path))
			p, r, ti := sc.rates()
			t.Logf("%s: kept lines that are article text %.3f (%d/%d), article lines kept %.3f (%d/%d), titles %.3f (%d/%d)",
				path, p, sc.keptArticle, sc.kept, r, sc.articleKept, sc.article, ti, sc.titlesRight, sc.titles)
		}
	}
}
