package textproc

import "testing"

// Forms that differ only by clitics or inflection share a stem; different words do not.
func TestStem(t *testing.T) {
	same := [][]string{
		{"السياده", "والسياده", "بالسياده"},
		{"الصين", "والصين", "للصين"},
		{"sanctions", "sanction"},
		{"cooperation", "cooperate"},
	}
	for _, group := range same {
		s0 := Stem(Normalize(group[0]))
		for _, w := range group[1:] {
			if s := Stem(Normalize(w)); s != s0 {
				t.Errorf("Stem(%s) = %s, Stem(%s) = %s: want the same", group[0], s0, w, s)
			}
		}
	}
	if Stem("الصين") == Stem("روسيا") {
		t.Error("different words share a stem")
	}
	if Stem("2022") != "2022" || Stem("") != "" {
		t.Error("numbers and empty strings are their own stems")
	}
}

// Letters that begin a word are not taken for proclitics.
func TestStemKeepsRootLetters(t *testing.T) {
	for _, w := range []string{"بعضهما", "وزير", "بريكس"} {
		if s := Stem(Normalize(w)); len([]rune(s)) < 3 {
			t.Errorf("Stem(%s) = %s: a root letter was stripped", w, s)
		}
	}
	if Stem("بعضهما") == Stem("عضهما") {
		t.Error("بعضهما is not ب + عضهما")
	}
}
