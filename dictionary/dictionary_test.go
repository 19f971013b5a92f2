package dictionary

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/textproc"
)

// importFile reads a test dictionary and compiles the lexicon made of it.
func importFile(t *testing.T, path string, f Format, speakers bool) (*textproc.Lexicon, []Note) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(b, path, f)
	if err != nil {
		t.Fatal(err)
	}
	y, notes := d.Lexicon(ImportOptions{File: path, Speakers: speakers})
	lx, probs := textproc.ParseLexicon(y, path)
	if len(probs) > 0 {
		t.Fatalf("the imported lexicon does not compile: %v\n%s", probs, y)
	}
	return lx, notes
}

// counts returns how many mentions of each theme the lexicon finds in text.
func counts(lx *textproc.Lexicon, text string) map[string]int {
	out := map[string]int{}
	for _, m := range lx.Analyze(text).Matches {
		out[m.Theme]++
	}
	return out
}

func TestImportQuanteda(t *testing.T) {
	lx, notes := importFile(t, "testdata/quanteda.yml", "", true)
	if got := lx.ThemeIDs(); !slices.Equal(got, []string{"energy_policy", "sanctions_pressure", "theme_3"}) {
		t.Errorf("theme ids = %v", got)
	}
	if l := lx.Theme("theme_3").Label("ar"); l != "الطاقة" {
		t.Errorf("the Arabic key should be the label, got %q", l)
	}
	c := counts(lx, "Pipelines carry natural gas despite sanctions and an embargo. ووقعا اتفاقا للطاقة والنفط.")
	want := map[string]int{"energy_policy": 2, "sanctions_pressure": 2, "theme_3": 2}
	for k, v := range want {
		if c[k] != v {
			t.Errorf("%s: %d mentions, want %d (all: %v)", k, c[k], v, c)
		}
	}
	if !slices.ContainsFunc(notes, func(n Note) bool { return strings.Contains(n.Msg, `"*power" left out`) && n.Line == 7 }) {
		t.Errorf("the leading wildcard should be noted at its line: %v", notes)
	}
	if len(lx.Actors) != 2 {
		t.Errorf("with speakers, the built-in actors should come along: %d", len(lx.Actors))
	}
}

func TestImportNewsmap(t *testing.T) {
	lx, notes := importFile(t, "testdata/newsmap.yml", Newsmap, false)
	if got := lx.ThemeIDs(); !slices.Equal(got, []string{"asia_east_cn", "asia_north_ru", "europe_east_ua"}) {
		t.Errorf("theme ids = %v", got)
	}
	if l := lx.Theme("asia_north_ru").Label("en"); l != "RU" {
		t.Errorf("label = %q, want the leaf key", l)
	}
	c := counts(lx, "Beijing and Moscow discussed the Ukrainian crisis; Russian officials went to Kyiv.")
	if c["asia_east_cn"] != 1 || c["asia_north_ru"] != 2 || c["europe_east_ua"] != 2 {
		t.Errorf("counts = %v", c)
	}
	if !slices.ContainsFunc(notes, func(n Note) bool { return strings.Contains(n.Msg, "no speaker rules") }) {
		t.Errorf("without speakers, the note should say so: %v", notes)
	}
}

func TestImportLIWC(t *testing.T) {
	lx, _ := importFile(t, "testdata/liwc.dic", "", false)
	if got := lx.ThemeIDs(); !slices.Equal(got, []string{"energy", "pressure"}) {
		t.Errorf("theme ids = %v (a category with no words is left out)", got)
	}
	c := counts(lx, "An embargo on natural gas, and sanctions.")
	if c["energy"] != 2 || c["pressure"] != 2 {
		t.Errorf("counts = %v (embargo is in both categories)", c)
	}
}

// Exporting the built-in lexicon and importing it back keeps every theme and what it finds,
// less the exclusions, which the notes name.
func TestExportRoundTrip(t *testing.T) {
	def := textproc.DefaultLexicon()
	for _, f := range []Format{Quanteda, LIWC} {
		b, notes, err := Export(def, f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(b, "export."+string(f), "")
		if err != nil {
			t.Fatalf("%s: the export does not read back: %v\n%s", f, err, b)
		}
		if d.Format != f {
			t.Errorf("%s: read back as %s", f, d.Format)
		}
		y, _ := d.Lexicon(ImportOptions{File: "export", Speakers: true})
		lx, probs := textproc.ParseLexicon(y, "export")
		if len(probs) > 0 {
			t.Fatalf("%s: %v", f, probs)
		}
		if !slices.Equal(lx.ThemeIDs(), def.ThemeIDs()) {
			t.Errorf("%s: themes %v, want %v", f, lx.ThemeIDs(), def.ThemeIDs())
		}
		text := "أكد الرئيسان دعم السيادة والتعاون في منظمة شنغهاي للتعاون وفي مجال الطاقة."
		if got, want := counts(lx, text), counts(def, text); !mapsEqual(got, want) {
			t.Errorf("%s: round trip finds %v, the built-in lexicon %v", f, got, want)
		}
		if !slices.ContainsFunc(notes, func(n Note) bool { return strings.Contains(n.Msg, "exclusions not carried") }) {
			t.Errorf("%s: the exclusions should be noted: %v", f, notes)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestVerbForms(t *testing.T) {
	cases := map[string]string{
		"vow":             "vow vows vowed vowing",
		"oppose hegemony": "oppose hegemony|opposes hegemony|opposed hegemony|opposing hegemony",
		"unify":           "unify unifies unified unifying",
	}
	for in, want := range cases {
		sep := " "
		if strings.Contains(in, " ") {
			sep = "|"
		}
		if got := strings.Join(verbForms(in), sep); got != want {
			t.Errorf("verbForms(%q) = %q, want %q", in, got, want)
		}
	}
}

// Bad dictionaries are refused with the file, the line and what to do.
func TestBadDictionaries(t *testing.T) {
	cases := []struct {
		name, src string
		f         Format
		want      string
	}{
		{"not a mapping", "- a\n- b\n", Quanteda, "bad.yml:1: a quanteda dictionary is a mapping"},
		{"broken yaml", "a: [b\n", Quanteda, "bad.yml:1: invalid YAML"},
		{"no words", "a: []\n", Quanteda, "no category with words"},
		{"liwc no header", "word\t1\n", LIWC, "bad.yml:1: a LIWC dictionary starts with a % line"},
		{"liwc no usable word", "%\n1\ta\n%\nword\t2\n", LIWC, "no category with words"},
		{"liwc one %", "%\n1\ta\n", LIWC, "no word section"},
		{"liwc duplicate category", "%\n1\ta\n1\tb\n%\n", LIWC, "bad.yml:3: category number 1 is defined twice"},
		{"unknown format", "a: [b]", "dic", "unknown dictionary format"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.src), "bad.yml", c.f)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one with %q", c.name, err, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/quanteda.yml", "testdata/newsmap.yml", "testdata/liwc.dic"} {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(b, "f", "")
		if err != nil {
			return
		}
		y, _ := d.Lexicon(ImportOptions{File: "f"})
		textproc.ParseLexicon(y, "f") // problems are fine; a panic is not
	})
}

// A LIWC file's lines readout cannot read are left out, each with a note at its line; the rest
// is imported. Ids that are not the keys are said.
func TestLenientEntries(t *testing.T) {
	src := "%\n1\ta\n2\tb\n3\t123\n%\nword\t1\nlike\t(02 134)125/464\nother\t9\t2\nthis line is bad\nnum\t3\n"
	d, err := Parse([]byte(src), "old.dic", "")
	if err != nil {
		t.Fatal(err)
	}
	y, notes := d.Lexicon(ImportOptions{File: "old.dic"})
	lx, probs := textproc.ParseLexicon(y, "old")
	if len(probs) > 0 {
		t.Fatalf("%v\n%s", probs, y)
	}
	if got := strings.Join(lx.ThemeIDs(), " "); got != "a b t_123" {
		t.Errorf("themes %s", got)
	}
	var msgs []string
	for _, n := range notes {
		msgs = append(msgs, n.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"old.dic:7: \"like\" has a context-dependent category", "old.dic:8: \"other\" is in category 9", "old.dic:9: want WORD<TAB>CATEGORY", "old.dic:4: 123 is theme t_123"} {
		if !strings.Contains(all, want) {
			t.Errorf("no note %q in\n%s", want, all)
		}
	}
}

func TestExportQuotesYAML11Booleans(t *testing.T) {
	lx, probs := textproc.ParseLexicon([]byte("themes:\n  - id: answers\n    terms: [\"no\", \"yes\", \"on\", maybe]\n"), "b")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	b, _, err := Export(lx, Quanteda)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `- "no"`) || !strings.Contains(string(b), `- "yes"`) || !strings.Contains(string(b), "- maybe") {
		t.Errorf("export:\n%s", b)
	}
}

func TestNotUTF8(t *testing.T) {
	_, err := Parse([]byte("%\n1\ta\n%\nw\xe9rd\t1\n"), "latin1.dic", "")
	if err == nil || !strings.Contains(err.Error(), "latin1.dic:4: not UTF-8") {
		t.Errorf("error %v, want the line of the first bad byte", err)
	}
}
