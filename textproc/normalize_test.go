package textproc

import (
	"testing"
	"unicode/utf8"
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
		"persian-yeh": true, "keheh": true, "arabic-indic-digits": true, "persian-digits": true, "format-controls": true}
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
