package textproc

import (
	"strings"
	"unicode/utf8"
)

// Alignment keys: the coarse word identity statement alignment and word diffs work on, so that
// a formulation restated with other clitics or inflections (سيادتهما → السيادة, الاتصالات →
// الاتصال, استراتيجيتين → الاستراتيجية) aligns word for word and the change shows as
// morphological. Light stemming as Lucene's Arabic analyzer does it, with the rules below as
// data (one test case each, alignkey_test.go): one proclitic chain, one pronoun suffix (a ت
// before it is the ta marbuta), then one inflectional suffix, each only when enough letters
// remain. English words take their Snowball (Porter2) stem. The key is for grouping only: it is
// never shown.

// keyProclitic is one chain of proclitics, and how many letters must remain after it.
type keyProclitic struct {
	text     string
	remain   int
	articled bool
}

// keyProclitics are the chains stripped, longest first: a chain with the article (ال، وال،
// بال، لل …) when three letters remain; و alone when three remain, as in Lucene (وأمن → أمن,
// at the cost of a rare false split such as وزير); a preposition without the article (ب، ك، ل،
// وب …) when four remain, since many more words begin with those letters (بعض، كان، لدى); ف
// alone never (فوائد، فرصة).
var keyProclitics = func() []keyProclitic {
	var out []keyProclitic
	for _, p := range proclitics {
		switch {
		case p.articled:
			out = append(out, keyProclitic{p.text, 3, true})
		case p.text == "و":
			out = append(out, keyProclitic{p.text, 3, false})
		case strings.HasPrefix(p.text, "ف") && !p.articled:
		default:
			out = append(out, keyProclitic{p.text, 4, false})
		}
	}
	return out
}()

// keySuffixes are the inflectional endings stripped after any pronoun suffix, longest first:
// dual and plural (تين تان يين يون ات; ان ين ون with four letters left, for تعاون، قانون، دين),
// the ta marbuta (ه, normalized ة) and the alef of the indefinite accusative (سهلاً → سهلا),
// three letters remaining; then the nisba ي, four remaining.
var (
	keySuffixes = []struct {
		text   string
		remain int
	}{
		{"تين", 3}, {"تان", 3}, {"يين", 3}, {"يون", 3},
		{"ات", 3}, {"ان", 4}, {"ين", 4}, {"ون", 4}, {"ه", 3}, {"ا", 3},
	}
	keyNisba = "ي"
)

// keyPronouns are the pronoun suffixes stripped from a word without the article.
var keyPronouns = []string{"هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها"}

// AlignKey returns the alignment key of a normalized word.
func AlignKey(norm string) string {
	if norm == "" {
		return ""
	}
	arabicWord, latin := false, false
	for _, r := range norm {
		switch {
		case isArabicRune(r):
			arabicWord = true
		case r >= 'a' && r <= 'z':
			latin = true
		}
	}
	switch {
	case arabicWord:
		return arabicKey(norm)
	case latin:
		return Stem(norm)
	}
	return norm
}

func letters(s string) int { return utf8.RuneCountInString(s) }

// arabicKey strips, in turn: a proclitic chain with the article; else a pronoun suffix (a ت
// before it is the ta marbuta: سيادتهما → سياد) and then a chain without it (بعضهما → بعض, not
// عض); an inflectional suffix; the nisba.
func arabicKey(w string) string {
	articled := false
	for _, p := range keyProclitics {
		if p.articled && strings.HasPrefix(w, p.text) && letters(w)-letters(p.text) >= p.remain {
			w, articled = w[len(p.text):], true
			break
		}
	}
	if !articled {
		for _, s := range keyPronouns {
			if strings.HasSuffix(w, s) && letters(w)-letters(s) >= 3 {
				w = strings.TrimSuffix(w, s)
				if strings.HasSuffix(w, "ت") && letters(w) > 3 {
					w = strings.TrimSuffix(w, "ت")
				}
				break
			}
		}
		for _, p := range keyProclitics {
			if !p.articled && strings.HasPrefix(w, p.text) && letters(w)-letters(p.text) >= p.remain {
				w = w[len(p.text):]
				break
			}
		}
	}
	for _, s := range keySuffixes {
		if strings.HasSuffix(w, s.text) && letters(w)-letters(s.text) >= s.remain {
			w = strings.TrimSuffix(w, s.text)
			break
		}
	}
	if strings.HasSuffix(w, keyNisba) && letters(w) > 4 {
		w = strings.TrimSuffix(w, keyNisba)
	}
	return w
}
