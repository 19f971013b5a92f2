package textproc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"arabic words and punctuation", "وقال شي: «التعاون مهم».", []string{"وقال", "شي", "التعاون", "مهم"}},
		{"harakat and tatweel stay in the word", "السِّيادة الـ75 بـالتعاون", []string{"السِّيادة", "الـ75", "بـالتعاون"}},
		{"numbers with separators", "نمو 30% و200,000 و2.5 و٢٠٢٢.", []string{"نمو", "30", "و200,000", "و2.5", "و٢٠٢٢"}},
		{"english apostrophe", "China's role, don't.", []string{"China's", "role", "don't"}},
		{"hyphen separates", "كوفيد-19 Covid-19", []string{"كوفيد", "19", "Covid", "19"}},
		{"nbsp separates", "بين\u00a0البلدين", []string{"بين", "البلدين"}},
		{"g20", "G20 and BRICS", []string{"G20", "and", "BRICS"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, tok := range Tokenize(c.in) {
				got = append(got, c.in[tok.Start:tok.End])
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestTokenizeInvalidUTF8(t *testing.T) {
	s := "شي\xff\xfeبوتين\xc3"
	toks := Tokenize(s)
	if len(toks) != 2 {
		t.Fatalf("got %d tokens", len(toks))
	}
	for _, tok := range toks {
		if !utf8.ValidString(s[tok.Start:tok.End]) {
			t.Errorf("token %q is not valid UTF-8", s[tok.Start:tok.End])
		}
	}
}
