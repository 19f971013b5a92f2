package textproc

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The theme sets: passages with every theme mention a careful reader marks written in place
// as [[THEME|words]] (THEME may be a comma list), paragraphs separated by a blank line, each
// passage opened by "== ID …" and # lines comments. testdata/themes/{ar,en}.txt were written for
// readout (no sentence of a real article), one passage a construction of the lexicon's rules;
// READOUT_THEMES_EVAL names more files (comma-separated), such as labelled real articles kept
// outside the repository.

type goldMention struct {
	start, end int
	themes     []string
}

type themePassage struct {
	id   string
	text string
	gold []goldMention
}

var markRe = regexp.MustCompile(`\[\[([a-z0-9_, ]+)\|([^\]]*)\]\]`)

func readThemeSet(t *testing.T, path string) []themePassage {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []themePassage
	var paras []string
	flush := func() {
		if len(out) == 0 {
			return
		}
		p := &out[len(out)-1]
		for _, para := range paras {
			if p.text != "" {
				p.text += "\n\n"
			}
			last := 0
			for _, m := range markRe.FindAllStringSubmatchIndex(para, -1) {
				p.text += para[last:m[0]]
				start := len(p.text)
				p.text += para[m[4]:m[5]]
				var themes []string
				for _, th := range strings.Split(para[m[2]:m[3]], ",") {
					themes = append(themes, strings.TrimSpace(th))
				}
				p.gold = append(p.gold, goldMention{start, len(p.text), themes})
				last = m[1]
			}
			p.text += para[last:]
		}
		paras = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	cur := ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== "):
			if cur != "" {
				paras = append(paras, cur)
				cur = ""
			}
			flush()
			out = append(out, themePassage{id: strings.Fields(line)[1]})
		case strings.TrimSpace(line) == "":
			if cur != "" {
				paras = append(paras, cur)
				cur = ""
			}
		default:
			if len(out) == 0 {
				t.Fatalf("%s: text before the first == passage line", path)
			}
			if cur != "" {
				cur += " "
			}
			cur += strings.TrimSpace(line)
		}
	}
	if cur != "" {
		paras = append(paras, cur)
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// themeScore counts, over passages, the gold mentions found (a match of the theme overlaps
// it) and the matches that are right (they overlap a gold mention of their theme).
type themeScore struct {
	gold, found, matches, right int
	missed, wrong               []string // "theme: words" (for the tuning half only)
}

func (s *themeScore) add(lx *Lexicon, p themePassage, keep bool) {
	d := lx.Analyze(p.text)
	overlaps := func(m Match, g goldMention) bool { return m.Start < g.end && g.start < m.End }
	for gi, g := range p.gold {
		if gi > 0 && isGoldGloss(p.text, p.gold[gi-1], g) {
			continue // a gloss is part of the mention before it, as readout counts it (isGloss)
		}
		for _, th := range g.themes {
			s.gold++
			hit := false
			for _, m := range d.Matches {
				if m.Theme == th && overlaps(m, g) {
					hit = true
					break
				}
			}
			if hit {
				s.found++
			} else if keep {
				s.missed = append(s.missed, fmt.Sprintf("%s: %s", th, p.text[g.start:g.end]))
			}
		}
	}
	for _, m := range d.Matches {
		s.matches++
		ok := false
		for _, g := range p.gold {
			for _, th := range g.themes {
				if th == m.Theme && overlaps(m, g) {
					ok = true
				}
			}
		}
		if ok {
			s.right++
		} else if keep {
			s.wrong = append(s.wrong, fmt.Sprintf("%s: %s  ‹%s›", m.Theme, p.text[m.Start:m.End], p.id))
		}
	}
}

// isGoldGloss reports whether g is written in parentheses right after prev, of the same
// themes: منظمة شنغهاي للتعاون (SCO).
func isGoldGloss(text string, prev, g goldMention) bool {
	if strings.Join(prev.themes, ",") != strings.Join(g.themes, ",") || prev.end > g.start {
		return false
	}
	return strings.TrimSpace(text[prev.end:g.start]) == "(" && strings.HasPrefix(strings.TrimLeft(text[g.end:], " \u00a0"), ")")
}

func (s themeScore) recall() float64    { return ratio(s.found, s.gold) }
func (s themeScore) precision() float64 { return ratio(s.right, s.matches) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestThemeDevelopmentSets asserts every mention of the development sets, and prints the
// figures of the files in READOUT_THEMES_EVAL: for a real set, its even passages (the first,
// third…) are the half one may read the errors of while tuning (-v with READOUT_EVAL_WRONG=1),
// its odd passages the held-out half, reported as figures only.
func TestThemeDevelopmentSets(t *testing.T) {
	lx := DefaultLexicon()
	dev, _ := filepath.Glob(filepath.Join("testdata", "themes", "*.txt"))
	if len(dev) == 0 {
		t.Fatal("no development sets in testdata/themes")
	}
	for _, path := range dev {
		var s themeScore
		for _, p := range readThemeSet(t, path) {
			s.add(lx, p, true)
		}
		for _, m := range s.missed {
			t.Errorf("%s: missed %s", path, m)
		}
		for _, w := range s.wrong {
			t.Errorf("%s: wrong match %s", path, w)
		}
		t.Logf("%s: recall %.2f (%d/%d), precision %.2f (%d/%d)", path, s.recall(), s.found, s.gold, s.precision(), s.right, s.matches)
	}
	extra := os.Getenv("READOUT_THEMES_EVAL")
	if extra == "" {
		return
	}
	for _, path := range strings.Split(extra, ",") {
		var tune, held themeScore
		for i, p := range readThemeSet(t, path) {
			if i%2 == 0 {
				tune.add(lx, p, true)
			} else {
				held.add(lx, p, false)
			}
		}
		all := themeScore{gold: tune.gold + held.gold, found: tune.found + held.found, matches: tune.matches + held.matches, right: tune.right + held.right}
		for _, x := range []struct {
			name string
			s    themeScore
		}{{"tune", tune}, {"held-out", held}, {"all", all}} {
			t.Logf("%s %-8s recall %.2f (%d/%d), precision %.2f (%d/%d)", path, x.name, x.s.recall(), x.s.found, x.s.gold, x.s.precision(), x.s.right, x.s.matches)
		}
		if testing.Verbose() && os.Getenv("READOUT_EVAL_WRONG") != "" {
			sort.Strings(tune.missed)
			sort.Strings(tune.wrong)
			for _, m := range tune.missed {
				t.Logf("  missed %s", m)
			}
			for _, w := range tune.wrong {
				t.Logf("  wrong  %s", w)
			}
		}
	}
}
