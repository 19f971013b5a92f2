package compare

import (
	"strings"
	"testing"
)

func TestWordDiffClasses(t *testing.T) {
	cases := []struct {
		name, a, b string
		want       string // the changed ops: op:class:text, joined by |
	}{
		{"orthographic hamza", "تعزيز الشراكة الإستراتيجية", "تعزيز الشراكة الاستراتيجية", "delete:orthographic:الإستراتيجية|insert:orthographic:الاستراتيجية"},
		{"orthographic diacritics", "السيادة الوطنية", "السِّيادة الوطنية", "delete:orthographic:السيادة|insert:orthographic:السِّيادة"},
		{"orthographic spacing", "بين  البلدين", "بين البلدين", "delete:orthographic:  |insert:orthographic: "},
		{"morphological clitic", "حماية السيادة", "حماية سيادتهما", "delete:morphological:السيادة|insert:morphological:سيادتهما"},
		{"morphological conjunction", "في إطار الأمم المتحدة", "في إطار والأمم المتحدة", "delete:morphological:الأمم|insert:morphological:والأمم"},
		{"substitution", "منظمة شنغهاي للتعاون ومجموعة العشرين", "منظمة شنغهاي للتعاون ومجموعة بريكس", "delete:substitution:العشرين|insert:substitution:بريكس"},
		{"insertion", "الأمم المتحدة ومجموعة العشرين", "الأمم المتحدة ومنظمة شنغهاي ومجموعة العشرين", "insert:insertion:ومنظمة شنغهاي "},
		{"deletion", "الأمن الغذائي وأمن الطاقة", "الأمن الغذائي", "delete:deletion: وأمن الطاقة"},
		// the shared word aligned (its clitic changed), the other one moved
		{"reordered", "روسيا والصين ستعملان معا", "الصين وروسيا ستعملان معا", "delete:reordered:روسيا |delete:morphological:والصين|insert:morphological:الصين|insert:reordered:وروسيا "},
		// a shared content word is never given up for a function word: طريق stays aligned
		{"content words anchor the diff", "تدعم طريق التنمية الروسية", "تدعم الشعب الروسي في السير على طريق النهضة",
			"insert:insertion:الشعب الروسي في السير على |delete:substitution:التنمية الروسية|insert:substitution:النهضة"},
		{"declared paraphrase", "يدعم البلدان بعضهما بقوة", "يدعم البلدان بعضهما بحزم", "delete:substitution:بقوة|insert:substitution:بحزم"},
		{"spelling variant of a term", "منظمة شنغهاي للتعاون", "منظمة شانغهاي للتعاون", "delete:orthographic:شنغهاي|insert:orthographic:شانغهاي"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ops := WordDiff(c.a, c.b)
			var got []string
			for _, o := range ops {
				if o.Op != Equal {
					got = append(got, string(o.Op)+":"+o.Class+":"+o.Text)
				}
			}
			if strings.Join(got, "|") != c.want {
				t.Errorf("\n got %s\nwant %s", strings.Join(got, "|"), c.want)
			}
			if ra, rb := Reconstruct(ops); ra != c.a || rb != c.b {
				t.Errorf("ops do not reconstruct the inputs")
			}
		})
	}
}

func TestWordDiffText(t *testing.T) {
	ops := WordDiff("في إطار الأمم المتحدة ومجموعة العشرين", "في إطار الأمم المتحدة ومجموعة بريكس")
	if got := WordDiffText(ops, false); got != "في إطار الأمم المتحدة ومجموعة [-العشرين-]{+بريكس+}" {
		t.Errorf("got %q", got)
	}
}

// Many distinct words: symbols go past the private use area without corrupting the diff.
func TestWordDiffManyWords(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 8000; i++ {
		a.WriteString("w" + itoa(i) + " ")
		if i%100 != 0 {
			b.WriteString("w" + itoa(i) + " ")
		}
	}
	ops := WordDiff(a.String(), b.String())
	if ra, rb := Reconstruct(ops); ra != a.String() || rb != b.String() {
		t.Fatal("large diff does not reconstruct")
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func FuzzWordDiffReconstructs(f *testing.F) {
	f.Add("قال شي إن السيادة مهمة.", "وقال شي إن سيادتهما مهمة جدا.")
	f.Add("a b c", "c b a")
	f.Add("\xff\xfe", "x\x00y")
	f.Fuzz(func(t *testing.T, a, b string) {
		ops := WordDiff(a, b)
		if ra, rb := Reconstruct(ops); ra != a || rb != b {
			t.Errorf("ops of %q → %q reconstruct %q → %q", a, b, ra, rb)
		}
	})
}

// The collation lines words up as the word diff does: content words first, so a word written
// otherwise (develop → development) shares a row, not the one a function word anchored.
func TestCollationFollowsTheDiff(t *testing.T) {
	lx := defaultLexicon()
	ws := func(text string) []piece {
		var out []piece
		for _, p := range pieces(lx.Analyze(text), lx) {
			if p.word {
				out = append(out, p)
			}
		}
		return out
	}
	a := ws("to develop the China Russia relations")
	b := ws("He said that the continuous development")
	pairs := alignWordKeys(a, b, lx)
	at := func(ps []piece, w string) int {
		for i, p := range ps {
			if p.text == w {
				return i
			}
		}
		t.Fatalf("no %q", w)
		return -1
	}
	if got := pairs[at(b, "development")]; got != at(a, "develop") {
		t.Errorf("development is aligned with word %d, want develop (%d); pairs %v", got, at(a, "develop"), pairs)
	}
	if got := pairs[at(b, "said")]; got == at(a, "develop") {
		t.Errorf("said is aligned with develop")
	}
}
