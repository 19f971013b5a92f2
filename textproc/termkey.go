package textproc

import "strings"

// TermKey returns the key a normalized word is counted under as a term of keyness and of the
// document-feature matrix. An English word takes its Snowball (Porter2) stem, as in Stem. An
// Arabic word is light-stemmed as AlignKey does it (Larkey, Ballesteros and Connell 2007,
// "light10": clitics and inflectional suffixes, not roots), with two differences that matter when
// a term is shown to an analyst:
//
//   - a proclitic chain without the article (و، ب، ل، ك، ف، وب …) is taken off only when the
//     word without it, at least three letters, is written in the texts compared (attested):
//     وبوتين is بوتين, but بوتين is not وتين, بريكس not ريكس, وزير not زير;
//   - the nisba ي stays: الدولي and الدولية (international) are one term, الدول and الدولة
//     (states) another; and so does the alef after it, since a word in يا is as often a country
//     (روسيا، أوكرانيا) as the accusative of a nisba (استراتيجيا): Russia is not Russian. The
//     plural of a nisba (الدوليين، الروسيون) keeps its ي too. The Snowball Arabic stemmer, which
//     keyness used before, made each pair one term and cut names (بوتين → وتين, بكين → كين).
//
// attested may be nil: then no bare proclitic is taken off.
func TermKey(norm string, attested func(string) bool) string {
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
		return arabicTermKey(norm, attested)
	case latin:
		return Stem(norm)
	}
	return norm
}

func arabicTermKey(w string, attested func(string) bool) string {
	articled := false
	for _, p := range keyProclitics {
		if p.articled && strings.HasPrefix(w, p.text) && letters(w)-letters(p.text) >= p.remain {
			w, articled = w[len(p.text):], true
			break
		}
	}
	if !articled && attested != nil {
		for _, p := range proclitics { // longest first, ف too: the attestation decides
			if p.articled || !strings.HasPrefix(w, p.text) {
				continue
			}
			if rest := w[len(p.text):]; letters(rest) >= 3 && attested(rest) {
				return arabicTermKey(rest, nil) // the key of the word attested
			}
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
	}
	for _, s := range keySuffixes {
		if s.text == "ا" && strings.HasSuffix(w, "يا") {
			break
		}
		if s.text == "يين" || s.text == "يون" { // a nisba's plural: الدوليين is الدولي's
			if strings.HasSuffix(w, s.text) && letters(w) >= 6 {
				return w[:len(w)-len("ين")]
			}
			continue
		}
		if strings.HasSuffix(w, s.text) && letters(w)-letters(s.text) >= s.remain {
			return strings.TrimSuffix(w, s.text)
		}
	}
	return w
}
