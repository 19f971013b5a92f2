package textproc

import (
	"strings"
	"testing"
)

func TestDefaultLexiconThemes(t *testing.T) {
	lx := DefaultLexicon()
	required := []string{"sovereignty", "multilateralism", "multipolarity", "energy", "un", "sco", "g20", "brics",
		"security", "strategic_partnership", "trade_economy", "technology", "belt_and_road", "ukraine",
		"hegemony", "health", "nuclear_nonproliferation", "eurasian_union"}
	for _, id := range required {
		th := lx.Theme(id)
		if th == nil {
			t.Errorf("built-in lexicon lacks theme %s", id)
			continue
		}
		if th.Labels["ar"] == "" || th.Labels["en"] == "" {
			t.Errorf("%s: needs ar and en labels", id)
		}
		english := false
		for _, p := range th.Terms {
			if p.Words[0][0] < 0x80 {
				english = true
			}
		}
		if !english {
			t.Errorf("%s has no English term", id)
		}
	}
	if got := strings.Join(lx.SpeakerIDs(), ","); got != "xi,putin,joint,other,none" {
		t.Errorf("speakers %s", got)
	}
}

func TestLexiconCheck(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string // "line: substring"
	}{
		{"unknown key", "themes:\n  - id: a\n    terms: [x]\n    termz: [y]\n", []string{`4: unknown key "termz"`}},
		{"unknown top-level key", "themse: []\n", []string{`1: unknown key "themse"`, "no themes"}},
		{"empty theme", "themes:\n  - id: a\n    terms: []\n  - id: b\n", []string{`2: theme "a" is empty`, `4: theme "b" is empty`}},
		{"duplicate theme", "themes:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]\n", []string{`4: theme "a" is defined twice (first on line 2)`}},
		{"normalizes to nothing", "themes:\n  - id: a\n    terms: [x, \"ـــ\", \"؟!\"]\n", []string{`3: terms "ـــ" normalizes to nothing`, `3: terms "؟!" normalizes to nothing`}},
		{"star inside a word", "themes:\n  - id: a\n    terms: [x, \"a*b\", \"*sov\", \"sover**\", \"sover*\"]\n", []string{`3: terms "a*b": * stands only once, at the end of a word`, `3: terms "*sov": *`, `3: terms "sover**": *`}},
		{"term in two themes", "themes:\n  - id: a\n    terms: [السيادة]\n  - id: b\n    terms:\n      - السِّيادة\n", []string{`6: term "السِّيادة" is in two themes: "a" and "b" (line 3)`}},
		{"term twice in a theme", "themes:\n  - id: a\n    terms: [x, X]\n", []string{`3: term "X" is listed twice in theme "a"`}},
		{"bad id", "themes:\n  - id: Sovereignty\n    terms: [x]\n", []string{`2: theme id "Sovereignty" must be lower-case ASCII`}},
		{"invalid yaml", "themes:\n  - id: a\n   terms: [x\n", []string{"invalid YAML"}},
		{"control character in a label", "themes:\n  - id: a\n    labels: {en: \"Sover\\reignty\", ar: \"السيادة\\u2029\"}\n    terms: [x]\n", []string{`3: theme label en has a control character (U+000D)`, `3: theme label ar has a control character (U+2029)`}},
		{"bad actor", "themes:\n  - id: a\n    terms: [x]\nspeakers:\n  actors:\n    - id: none\n      aliases: [x]\n", []string{`6: actor id "none" is reserved`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lx, probs := ParseLexicon([]byte(c.yaml), "f.yaml")
			if lx != nil {
				t.Fatal("a lexicon with problems must not load")
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("problems\n%s\nlack %q", all, w)
				}
			}
		})
	}
}

// An analyst's own lexicon, for another pair of countries, as the README describes.
func TestCustomLexicon(t *testing.T) {
	src := `name: egypt-france
themes:
  - id: suez
    labels: {ar: قناة السويس, en: Suez Canal}
    terms:
      - [قناة السويس, القناة]
      - suez canal
speakers:
  actors:
    - id: sisi
      aliases: [السيسي, الرئيس المصري]
    - id: macron
      aliases: [ماكرون, الرئيس الفرنسي]
  joint: [الرئيسان]
  reporting_verbs: [قال, أكد]
  complementizers: [أن, إن]
`
	lx, probs := ParseLexicon([]byte(src), "ef.yaml")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	d := lx.Analyze("وأكد السيسي أهمية قناة السويس. وقال ماكرون إن القناة حيوية.")
	if len(d.Matches) != 2 || d.Sentences[0].Speaker != "sisi" || d.Sentences[1].Speaker != "macron" {
		t.Errorf("matches %d, speakers %s %s", len(d.Matches), d.Sentences[0].Speaker, d.Sentences[1].Speaker)
	}
}

// ParseLexicon never panics: any bytes give a lexicon or problems.
func FuzzParseLexicon(f *testing.F) {
	f.Add([]byte("themes:\n  - id: a\n    terms: [x, [y, z]]\n"))
	f.Add([]byte("themes: [{id: a, terms: []}]\nspeakers: {actors: [{id: b, aliases: [c]}]}"))
	f.Add([]byte("\t- : ["))
	f.Fuzz(func(t *testing.T, b []byte) {
		lx, probs := ParseLexicon(b, "f.yaml")
		if (lx == nil) == (len(probs) == 0) {
			t.Fatalf("lexicon %v with %d problems", lx != nil, len(probs))
		}
	})
}
