package textproc

import "testing"

// TermKey: one pair a rule must join and one it must keep apart. The attested words are the
// other words of the cases, as if they were the texts compared.
func TestTermKey(t *testing.T) {
	texts := []string{"بوتين", "روسيا", "بكين", "قال", "التعاون", "العلاقات", "الدولي", "الدول"}
	attested := map[string]bool{}
	for _, w := range texts {
		attested[Normalize(w)] = true
	}
	key := func(w string) string { return TermKey(Normalize(w), func(s string) bool { return attested[s] }) }
	same := []struct{ rule, a, b string }{
		{"a bare proclitic before an attested word", "وبوتين", "بوتين"},
		{"two bare proclitics before an attested word", "وببكين", "بكين"},
		{"a conjunction before a verb", "وقال", "قال"},
		{"a chain with the article, attested or not", "والمبادرة", "مبادرة"},
		{"a pronoun suffix", "علاقاتها", "العلاقات"},
		{"the ta marbuta after the nisba", "الدولية", "الدولي"},
		{"a nisba's masculine plural", "الدوليين", "الدولي"},
		{"a nisba's feminine dual", "الدوليتين", "الدولي"},
		{"the singular and plural of a noun", "الدولة", "الدول"},
		{"the indefinite accusative", "كبيرا", "الكبير"},
		{"English inflection", "partners", "partner"},
	}
	for _, c := range same {
		if a, b := key(c.a), key(c.b); a != b {
			t.Errorf("%s: %s → %q, %s → %q, want one key", c.rule, c.a, a, c.b, b)
		}
	}
	apart := []struct{ rule, a, b string }{
		{"a name's first letter is no proclitic", "بوتين", "وتين"},
		{"nor when the rest is not written", "بريكس", "ريكس"},
		{"a word in و whose rest is not written", "وزير", "زير"},
		{"the nisba stays", "الدولي", "الدول"},
		{"a country in يا is not its adjective", "روسيا", "الروسي"},
		{"a three-letter rest is the shortest", "بعض", "عض"},
	}
	for _, c := range apart {
		if a, b := key(c.a), key(c.b); a == b {
			t.Errorf("%s: %s and %s share the key %q", c.rule, c.a, c.b, a)
		}
	}
	if got := TermKey(Normalize("وبوتين"), nil); got == key("بوتين") {
		t.Errorf("with nothing attested no bare proclitic comes off: got %q", got)
	}
}
