package textproc

import (
	"slices"
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

// Tokenize and Split never panic, and give valid, ordered offsets on any bytes.
func FuzzTokenizeSplit(f *testing.F) {
	for _, s := range []string{"قال شي: «التعاون مهم.» ثم غادر.", "a.b. c", "\xff\xfe\x00", "2.5. \"x.\"\n\n؟؛", "Mr. X\r\nU.S."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || !utf8.ValidString(s[tok.Start:tok.End]) {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			prev = tok.End
		}
		prevEnd := 0
		for _, se := range Split(s, toks) {
			if se.Start < prevEnd || se.End < se.Start || se.End > len(s) || se.TokStart > se.TokEnd || se.TokEnd > len(toks) {
				t.Fatalf("bad sentence %+v in %q", se, s)
			}
			prevEnd = se.End
		}
		// The analysis splits from the marks the tokenizer records: the same sentences.
		var marks []int
		if again := appendTokens(nil, s, &marks); !slices.Equal(again, toks) {
			t.Fatalf("tokens differ when recording marks in %q", s)
		}
		if a, b := Split(s, toks), appendSentences(nil, s, toks, &markCursor{pos: marks}); !slices.Equal(a, b) {
			t.Fatalf("sentences from marks differ in %q:\n%+v\n%+v", s, a, b)
		}
		DefaultLexicon().Analyze(s) // the whole analysis must not panic either
	})
}
