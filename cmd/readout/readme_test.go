package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// readmeBlock returns the first fenced block of the given language after marker in README.md.
func readmeBlock(t *testing.T, marker, lang string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("README has no %q", marker)
	}
	s = s[i:]
	open := "```" + lang + "\n"
	j := strings.Index(s, open)
	if j < 0 {
		t.Fatalf("no %s block after %q", lang, marker)
	}
	s = s[j+len(open):]
	return s[:strings.Index(s, "```")]
}

// The README's example lexicon is valid and does what the README says.
func TestReadmeLexiconExample(t *testing.T) {
	src := readmeBlock(t, "A lexicon for another pair of countries:", "yaml")
	lx, probs := textproc.ParseLexicon([]byte(src), "README.md")
	if len(probs) > 0 {
		t.Fatalf("README example lexicon: %v", probs)
	}
	d := lx.Analyze("وقال السيسي إن الملاحة في قناة السويس وفي بور سعيد منتظمة. وأضاف أن قناة السويس الجديدة جاهزة.")
	var got []string
	for _, m := range d.Matches {
		got = append(got, d.Text[m.Start:m.End])
	}
	if strings.Join(got, "|") != "الملاحة|قناة السويس|بور سعيد" || d.Sentences[1].Speaker != "sisi" {
		t.Errorf("matches %q, speaker %s", got, d.Sentences[1].Speaker)
	}
	// the example's terms are the canal's: it finds nothing in the bundled Xi–Putin articles
	c, err := corpus.Seed(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range c.Docs {
		if a := lx.Analyze(doc.Text); len(a.Matches) > 0 {
			t.Errorf("%s: the README's Suez lexicon matches %q", doc.ID, a.Text[a.Matches[0].Start:a.Matches[0].End])
		}
	}
	// the speakers section's other keys: a relay with its channel, another speaker
	d = lx.Analyze("ونقلت وكالة أنباء الشرق الأوسط عن السيسي قوله إن القناة مفتوحة. وقال المتحدث باسم الرئاسة إن الزيارة مهمة.")
	if s := d.Sentences[0]; s.Speaker != "sisi" || s.Channel != "mena" || d.Sentences[1].Speaker != textproc.SpeakerOther {
		t.Errorf("relay: %s via %q (rule %s); spokesman: %s", s.Speaker, s.Channel, s.Rule, d.Sentences[1].Speaker)
	}
}

// The README's boilerplate example is a valid rules file.
func TestReadmeBoilerplateExample(t *testing.T) {
	src := readmeBlock(t, "`--boilerplate FILE` adds rules", "yaml")
	p := filepath.Join(t.TempDir(), "rules.yaml")
	os.WriteFile(p, []byte(src), 0o644)
	_, stderr, code := runCmd(t, "corpus", "--boilerplate", p)
	if code != 0 {
		t.Errorf("README boilerplate example: %s", stderr)
	}
}
