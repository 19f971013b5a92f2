package textproc

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// One case per rule of NormRules, written with the real characters.
func TestNormalizeRules(t *testing.T) {
	cases := []struct{ rule, in, want string }{
		{"alef", "أإآٱ", "اااا"},
		{"alef", "الأمم", "الامم"},
		{"alef-maqsura", "مستوى", "مستوي"},
		{"ta-marbuta", "السيادة", "السياده"},
		{"harakat", "السِّيَادَةُ", "السياده"},
		{"harakat", "تعاوناً", "تعاونا"},
		{"superscript-alef", "هٰذا", "هذا"},
		{"quranic-marks", "محمد\u0610", "محمد"},
		{"quranic-annotation", "قال\u06D6", "قال"},
		{"tatweel", "الصـــين", "الصين"},
		{"persian-yeh", "چینی", "چيني"},
		{"keheh", "کتاب", "كتاب"},
		{"arabic-indic-digits", "٢٠٢٣", "2023"},
		{"persian-digits", "۲۰۲۳", "2023"},
		{"format-controls", "بو\u200cتين\u200f", "بوتين"},
		{"invisible", "الس\u200bيا\u00adدة", "السياده"},
		{"nfkc presentation forms", "ﺍﻟﺼﻴﻦ", "الصين"},
		{"nfkc lam-alef ligature", "ﻻ", "لا"},
		{"nfkc lam-alef hamza ligature", "ﻷ", "لا"},
		{"english case", "BRICS", "brics"},
		{"recomposed madda", "ا\u0653", "ا"},
		{"hamza on waw kept", "مسؤول", "مسؤول"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", c.rule, c.in, got, c.want)
		}
	}
}

// Every rule has a case above.
func TestNormalizeRulesCovered(t *testing.T) {
	covered := map[string]bool{"alef": true, "alef-maqsura": true, "ta-marbuta": true, "harakat": true,
		"superscript-alef": true, "quranic-marks": true, "quranic-annotation": true, "tatweel": true,
		"persian-yeh": true, "keheh": true, "arabic-indic-digits": true, "persian-digits": true, "format-controls": true, "invisible": true}
	for _, r := range NormRules {
		if !covered[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
	}
}

func FuzzNormalizeIdempotent(f *testing.F) {
	for _, s := range []string{"السِّيَادَةُ", "ﻷ", "ا\u0653\u0652", "E\u064e\u0301", "BRICS", "\xff\xfe", "ٱلْأُمَم"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Errorf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
		if utf8.ValidString(s) && !utf8.ValidString(once) {
			t.Errorf("valid input %q gave invalid output %q", s, once)
		}
	})
}

// The fast path that skips NFKC gives what NFKC would.
func FuzzNormalizeFastPath(f *testing.F) {
	for _, s := range []string{"السِّيَادَةُ", "و\u0654", "ا\u0653", "Abc ٢٠٢٣", "ﻷ", "\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || !nfkcStable(s) {
			return
		}
		var b strings.Builder
		for _, r := range norm.NFKC.String(s) {
			if to, ok := normTable[r]; ok {
				b.WriteString(to)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		if got := Normalize(s); got != Normalize(b.String()) {
			t.Errorf("fast path %q = %q, via NFKC %q", s, got, b.String())
		}
	})
}

// NormKey.Equal agrees with comparing the normalized strings, on pairs that differ and on
// pairs that normalize alike (a string and its normalized form, or with a mark or tatweel added).
func FuzzNormalizedEqual(f *testing.F) {
	for _, p := range [][2]string{{"السِّيَادَةُ", "السيادة"}, {"أمن", "امن"}, {"BRICS", "brics"}, {"ﻷ", "لا"}, {"قمة", "قمت"}, {"\xff", "\xfe"}, {"", "ـ"},
		// a difference that a later mark composes away: و + hamza above is ؤ (also after a
		// fatha), ا + madda is آ; e + shadda + acute is é
		{"و\u0654ن", "ؤن"}, {"ي\u064e\u0654", "ئ\u064e"}, {"ا\u064e\u0653ب", "آب"}, {"e\u0651\u0301x", "éx"}, {"ﻷ", "لأ"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, p := range [][2]string{{a, b}, {a, Normalize(a)}, {a, a + "\u064e"}, {"ـ" + a, a}} {
			want := Normalize(p[0]) == Normalize(p[1])
			if got := NewNormKey(p[0]).Equal(NewNormKey(p[1])); got != want {
				t.Errorf("NormKey(%q).Equal(NormKey(%q)) = %v, want %v", p[0], p[1], got, want)
			}
		}
	})
}

// An invisible character inside a word neither splits it nor hides it from the lexicon: each
// one, in an Arabic and an English word, and next to a mark; and one between two words still
// separates them (it is not inside a word).
func TestInvisibleInsideWords(t *testing.T) {
	lx := DefaultLexicon()
	count := func(text, theme string) int { return mentions(lx, text, theme) }
	for _, c := range []struct {
		name string
		r    rune
	}{{"zero-width space", 0x200B}, {"soft hyphen", 0x00AD}, {"word joiner", 0x2060}, {"BOM", 0xFEFF},
		{"combining grapheme joiner", 0x034F}, {"left-to-right mark", 0x200E}, {"right-to-left override", 0x202E},
		{"first strong isolate", 0x2068}, {"variation selector", 0xFE0F}} {
		inv := string(c.r)
		for _, tc := range []struct{ text, theme string }{
			{"Both sides defend their sover" + inv + "eignty.", "sovereignty"},
			{"أكد الجانبان احترام الس" + inv + "يادة الوطنية.", "sovereignty"},
			{"أكد الجانبان احترام السِّ" + inv + "يادة الوطنية.", "sovereignty"}, // after a shadda and kasra
			{"Both sides defend their sover" + inv + inv + "eignty.", "sovereignty"},
		} {
			if got := count(tc.text, tc.theme); got != 1 {
				t.Errorf("%s (U+%04X): %q has %d %s mention(s), want 1", c.name, c.r, tc.text, got, tc.theme)
			}
		}
		if got := Tokenize("energy" + inv + " " + inv + "trade"); len(got) != 2 {
			t.Errorf("%s between words: %d tokens", c.name, len(got))
		}
	}
	if got := Normalize("sover\u00adeign\u200bty"); got != "sovereignty" {
		t.Errorf("Normalize removes them: %q", got)
	}
}
