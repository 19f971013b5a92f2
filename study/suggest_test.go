package study

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// lexiconWithout returns the built-in lexicon less some spellings (items of a flow list, or a
// whole term line written as in the YAML: "[a, b]"), compiled: the ablation by which suggestions
// are tested.
func lexiconWithout(t *testing.T, spellings ...string) (*textproc.Lexicon, []byte) {
	t.Helper()
	y := textproc.DefaultLexiconYAML()
	for _, sp := range spellings {
		var ok bool
		if y, ok = without(y, sp); !ok {
			t.Fatalf("%q is not an item of a list in the built-in lexicon", sp)
		}
	}
	lx, probs := textproc.ParseLexicon(y, "ablated")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return lx, y
}

// without takes one spelling out of a lexicon's YAML: an item inside a list, its last, the first
// on a continued line, its first, or a whole term line.
func without(y []byte, sp string) ([]byte, bool) {
	for _, pat := range [][2]string{{", " + sp + ",", ","}, {", " + sp + "]", "]"}, {" " + sp + ", ", " "}, {"[" + sp + ", ", "["}, {"      - " + sp + "\n", ""}} {
		if z := bytes.Replace(y, []byte(pat[0]), []byte(pat[1]), 1); len(z) != len(y) {
			return z, true
		}
	}
	return y, false
}

func suggest(t *testing.T, lx *textproc.Lexicon, paths []string, o SuggestOptions) []Suggestion {
	t.Helper()
	s, err := Open(context.Background(), paths, Options{Lexicon: lx})
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Suggest(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func find(sug []Suggestion, kind, theme, phrase string) *Suggestion {
	for i, s := range sug {
		if s.Kind == kind && s.Theme == theme && s.Phrase == phrase {
			return &sug[i]
		}
	}
	return nil
}

// The seeds spell the SCO both شنغهاي and شانغهاي: without the second spelling in the lexicon,
// suggest finds it as a variant of the first, with its count, its contexts and a line to paste.
func TestSuggestVariantOnSeeds(t *testing.T) {
	lx, _ := lexiconWithout(t, "منظمة شانغهاي للتعاون", "منظمة شانغهاي")
	sug := suggest(t, lx, nil, SuggestOptions{})
	v := find(sug, SuggestVariant, "sco", "منظمة شانغهاي للتعاون")
	if v == nil {
		t.Fatalf("no variant منظمة شانغهاي للتعاون among %d suggestions: %+v", len(sug), sug)
	}
	// 2022-02-04-beijing s18 منظمة شانغهاي للتعاون, 2023-10-18-brf s11 ومنظمة شانغهاي للتعاون
	if v.Count != 2 || v.Docs != 2 || v.Term != "منظمة شنغهاي للتعاون" {
		t.Errorf("variant = %+v, want 2 occurrences in 2 documents, of منظمة شنغهاي للتعاون (the seeds' other spelling)", *v)
	}
	if len(v.Examples) != 2 || !strings.Contains(v.Examples[0].Match, "شانغهاي") {
		t.Errorf("examples = %+v", v.Examples)
	}
	if !strings.HasPrefix(v.YAML, "      - منظمة شانغهاي للتعاون  # sco: spelling variant of منظمة شنغهاي للتعاون") {
		t.Errorf("YAML line = %q", v.YAML)
	}
	// the full lexicon has the spelling: nothing to suggest for it
	if find(suggest(t, textproc.DefaultLexicon(), nil, SuggestOptions{}), SuggestVariant, "sco", "منظمة شانغهاي للتعاون") != nil {
		t.Error("a spelling the lexicon has is suggested")
	}
}

// writeCorpus writes texts as a corpus directory (one file each).
func writeCorpus(t *testing.T, texts ...string) string {
	t.Helper()
	dir := t.TempDir()
	for i, s := range texts {
		name := filepath.Join(dir, "doc"+string(rune('a'+i))+".txt")
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A corpus written for the test (our words): a ج spelling of Shanghai, an American spelling the
// ablated lexicon lacks, an adjective of a term, and no variant of a short word.
func TestSuggestKinds(t *testing.T) {
	dir := writeCorpus(t,
		"عقد الرئيسان قمة منظمة شنجهاي للتعاون في أستانا. وأكدا احترام المصالح السيادية للدول.\n\nThe Shanghai Cooperation Organization met in Astana.",
		"وشارك بوتين في قمة منظمة شنجهاي للتعاون. وقال إن التجاري مهم.\n\nLeaders of the Shanghai Cooperation Organization spoke.",
	)
	lx, _ := lexiconWithout(t, "منظمة شنجهاي للتعاون", "منظمة شنجهاي", "shanghai cooperation organization", "[السيادي, السيادية, سيادي, سيادية]")
	sug := suggest(t, lx, []string{dir}, SuggestOptions{})
	if v := find(sug, SuggestVariant, "sco", "منظمة شنجهاي للتعاون"); v == nil || v.Count != 2 || v.Docs != 2 {
		t.Errorf("ج spelling: %+v", v)
	}
	if v := find(sug, SuggestVariant, "sco", "Shanghai Cooperation Organization"); v == nil || v.Count != 2 {
		t.Errorf("American spelling: %+v", v)
	}
	if v := find(sug, SuggestRelative, "sovereignty", "السيادية"); v == nil || v.Count != 1 || v.Term != "السيادة" {
		t.Errorf("the adjective of السيادة: %+v", v)
	}
	if v := find(sug, SuggestVariant, "sco", "منظمة شنجهاي للتعاون"); v != nil && !strings.Contains(v.Examples[1].Left, "قمة") {
		t.Errorf("the second example should be the second document's: %+v", v.Examples)
	}
	for _, s := range sug {
		if s.Kind != SuggestCollocate && s.Theme == "trade_economy" {
			t.Errorf("a word the lexicon matches, or a short word one alef away, is suggested: %+v", s)
		}
	}
	// in Latin script a letter more or less is a variant (a typo), one letter for another is
	// another word (expert is not export, backing not banking)
	dir3 := writeCorpus(t, "The expert spoke of multipolarty and of backing for the plan.", "Another expert praised multipolarty; backing grew.")
	sug3 := suggest(t, textproc.DefaultLexicon(), []string{dir3}, SuggestOptions{})
	if v := find(sug3, SuggestVariant, "multipolarity", "multipolarty"); v == nil {
		t.Errorf("a letter less is no variant: %+v", sug3)
	}
	for _, s := range sug3 {
		if s.Kind == SuggestVariant && (strings.EqualFold(s.Phrase, "expert") || strings.EqualFold(s.Phrase, "backing")) {
			t.Errorf("a one-letter substitution is suggested as a variant: %+v", s)
		}
	}
	// a word the English stemmer folds into a term's stem is no relative unless its ending is
	// one of the term's word (important is not import; technological is technology)
	dir2 := writeCorpus(t, "It is important to expand trade. Technological ties grow.", "An important step for trade. Technological links too.")
	sug2 := suggest(t, textproc.DefaultLexicon(), []string{dir2}, SuggestOptions{})
	for _, s := range sug2 {
		if s.Kind == SuggestRelative && strings.EqualFold(s.Phrase, "important") {
			t.Errorf("important is suggested as a relative of %q", s.Term)
		}
	}
	// only the theme asked for
	sco := slices.Index(lx.ThemeIDs(), "sco")
	for _, s := range suggest(t, lx, []string{dir}, SuggestOptions{Themes: []int{sco}}) {
		if s.Theme != "sco" {
			t.Errorf("--theme sco gave %+v", s)
		}
	}
}

// Suggestions change no count; pasting a suggestion's YAML line under its theme's terms makes
// the lexicon count it: as the full lexicon does, whose term it was (the English gloss after the
// Arabic name in 2022-02-04-beijing counts while the Arabic is not found, and is a gloss once it
// is).
func TestSuggestionsPaste(t *testing.T) {
	lx, y := lexiconWithout(t, "منظمة شانغهاي للتعاون", "منظمة شانغهاي")
	count := func(lx *textproc.Lexicon) int {
		s, err := Open(context.Background(), nil, Options{Lexicon: lx, Prepare: NeedTallies})
		if err != nil {
			t.Fatal(err)
		}
		tal, err := s.Tallies(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		n, sco := 0, int32(lx.ThemeIndex("sco"))
		for _, d := range tal {
			for i := range d.Sentences {
				for _, c := range d.SentenceThemes(i) {
					if c.Theme == sco {
						n += int(c.N)
					}
				}
			}
		}
		return n
	}
	before := count(lx)
	v := find(suggest(t, lx, nil, SuggestOptions{}), SuggestVariant, "sco", "منظمة شانغهاي للتعاون")
	if v == nil {
		t.Fatal("no variant")
	}
	if after := count(lx); after != before {
		t.Fatalf("suggest changed the count: %d → %d", before, after)
	}
	anchor := []byte("    terms:\n      - [منظمة شنغهاي للتعاون")
	pasted := bytes.Replace(y, anchor, []byte("    terms:\n"+v.YAML+"\n      - [منظمة شنغهاي للتعاون"), 1)
	lx2, probs := textproc.ParseLexicon(pasted, "pasted")
	if len(probs) > 0 {
		t.Fatalf("the pasted line does not compile: %v", probs)
	}
	if got, want := count(lx2), count(textproc.DefaultLexicon()); got != want || got <= before {
		t.Errorf("after pasting, sco = %d (before %d), want %d as with the full lexicon", got, before, want)
	}
}

func TestSkeleton(t *testing.T) {
	same := [][2]string{
		{"شنغهاي", "شانغهاي"}, {"شنغهاي", "شنجهاي"}, {"ومنظمه", "منظمه"}, {"organization", "organisation"}, {"مستوي", "مستوى"},
	}
	for _, c := range same {
		if Skeleton(textproc.Normalize(c[0])) != Skeleton(textproc.Normalize(c[1])) {
			t.Errorf("%s and %s should share a skeleton: %q, %q", c[0], c[1], Skeleton(textproc.Normalize(c[0])), Skeleton(textproc.Normalize(c[1])))
		}
	}
	differ := [][2]string{{"الأحادي", "الحادي"}, {"التجاري", "تجري"}, {"الأعمال", "العملات"}}
	for _, c := range differ {
		if Skeleton(textproc.Normalize(c[0])) == Skeleton(textproc.Normalize(c[1])) {
			t.Errorf("%s and %s should not share a skeleton (%q)", c[0], c[1], Skeleton(textproc.Normalize(c[0])))
		}
	}
	if d := EditDistance("organization", "organisation"); d != 1 {
		t.Errorf("edit distance = %d", d)
	}
}

// TestSuggestRecall measures, on the corpora of READOUT_SUGGEST_EVAL (comma-separated
// directories, such as real articles kept outside the repository), how many of the built-in
// lexicon's own spelling variants and relatives suggest finds when the lexicon lacks them: each
// spelling that occurs in the corpus and shares its skeleton (a variant) or its stems (a
// relative) with another spelling of its term is taken out in turn, and suggest must propose
// it. Without the variable it runs on the seeds.
func TestSuggestRecall(t *testing.T) {
	dirs := []string(nil)
	if v := os.Getenv("READOUT_SUGGEST_EVAL"); v != "" {
		dirs = strings.Split(v, ",")
	}
	def := textproc.DefaultLexicon()
	s, err := Open(context.Background(), dirs, Options{Lexicon: def})
	if err != nil {
		t.Fatal(err)
	}
	// the spellings that occur, by the text of the spelling
	occurs := map[string]bool{}
	err = Each(context.Background(), s, false, func(_ *corpus.Document, an *textproc.Doc) []string {
		var out []string
		for _, th := range def.Themes {
			for _, p := range th.Terms {
				if len(an.Find(p)) > 0 {
					out = append(out, p.Text)
				}
			}
		}
		return out
	}, func(_ int, r []string) error {
		for _, x := range r {
			occurs[x] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	keys := func(p *textproc.Pattern, f func(string) string) string {
		var k []string
		for _, w := range p.Words {
			k = append(k, f(w))
		}
		return strings.Join(k, " ")
	}
	found, total := map[string]int{}, map[string]int{}
	full := map[string]int{} // a theme's mentions with the whole lexicon, counted once
	for _, th := range def.Themes {
		for _, p := range th.Terms {
			if !occurs[p.Text] || strings.Contains(p.Text, "*") {
				continue
			}
			kind := ""
			for _, q := range th.Terms {
				if q == p || q.Term != p.Term || len(q.Words) != len(p.Words) {
					continue
				}
				if keys(q, Skeleton) == keys(p, Skeleton) {
					kind = SuggestVariant
					break
				}
				if keys(q, textproc.Stem) == keys(p, textproc.Stem) {
					kind = SuggestRelative
				}
			}
			if kind == "" {
				continue
			}
			lx, ok := tryWithout(p.Text)
			if _, counted := full[th.ID]; !counted && ok {
				full[th.ID] = mentions(t, def, dirs, th.ID)
			}
			if !ok || mentions(t, lx, dirs, th.ID) == full[th.ID] {
				continue // another spelling still matches it (with or without the article)
			}
			total[kind]++
			hit := false
			for _, g := range suggest(t, lx, dirs, SuggestOptions{Themes: []int{def.ThemeIndex(th.ID)}}) {
				if g.Kind != SuggestCollocate && groupKey(strings.Fields(textproc.Normalize(g.Phrase))) == groupKey(p.Words) {
					hit = true
				}
			}
			if hit {
				found[kind]++
				t.Logf("found: %s %s (%s)", kind, p.Text, th.ID)
			} else {
				t.Logf("not found: %s %s (%s)", kind, p.Text, th.ID)
			}
		}
	}
	for _, k := range []string{SuggestVariant, SuggestRelative} {
		t.Logf("%s: %d of %d spellings taken out found again", k, found[k], total[k])
	}
	if dirs == nil && found[SuggestVariant] == 0 {
		t.Error("on the seeds, the شانغهاي spellings should be found again")
	}
}

// mentions counts a theme's mentions in the corpus.
func mentions(t *testing.T, lx *textproc.Lexicon, paths []string, theme string) int {
	t.Helper()
	s, err := Open(context.Background(), paths, Options{Lexicon: lx})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = Each(context.Background(), s, false, func(_ *corpus.Document, an *textproc.Doc) int {
		c := 0
		for _, m := range an.Matches {
			if m.Theme == theme {
				c++
			}
		}
		return c
	}, func(_ int, c int) error { n += c; return nil })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// tryWithout is lexiconWithout for a spelling that may not be removable.
func tryWithout(sp string) (*textproc.Lexicon, bool) {
	y, ok := without(textproc.DefaultLexiconYAML(), sp)
	if !ok {
		return nil, false
	}
	lx, probs := textproc.ParseLexicon(y, "ablated")
	return lx, len(probs) == 0
}

// A word near mentions of two themes in turn counts once for each (it counted twice, and G²
// refused a count larger than its corpus).
func TestSuggestCollocateCounts(t *testing.T) {
	dir := writeCorpus(t,
		"ناقشا في الممر الطاقة والأمن والطاقة.",
		"ناقشا في الممر الطاقة والأمن والطاقة.",
		"زار الوفد المدينة.", "زار الوفد المدينة.", "زار الوفد المدينة.")
	n := 0
	for _, g := range suggest(t, textproc.DefaultLexicon(), []string{dir}, SuggestOptions{MinCount: 1, Collocates: 5}) {
		if g.Kind == SuggestCollocate && g.Phrase == "الممر" {
			n++
			if g.Count != 2 {
				t.Errorf("%s: %s counted %d times in two sentences", g.Theme, g.Phrase, g.Count)
			}
		}
	}
	if n != 2 {
		t.Errorf("الممر should be a collocate of energy and of security, found %d", n)
	}
}
