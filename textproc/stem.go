package textproc

import (
	"strings"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/arabic"
	"github.com/blevesearch/snowballstem/english"
)

// MaxStemBytes is the longest token stemmed: 100 bytes, 50 Arabic letters.
const MaxStemBytes = 100

// Stem returns the Snowball stem of a normalized token: the Arabic stemmer for a token with
// Arabic letters, the English (Porter2) one otherwise; numbers are their own stem. Stems group
// inflected forms for keyness and statement alignment, where a coarser key helps; theme matching
// uses clitic analysis instead (see docs/METHODS.md, text.clitics), because the stemmer also
// strips derivational endings (التعددية and التعدد share a stem).
//
// A token longer than MaxStemBytes is its own stem: no word is that long, and the Snowball
// stemmer's cost grows with the square of a token's length (a 100 KB token in a corpus took
// half a minute).
func Stem(norm string) string {
	if norm == "" || len(norm) > MaxStemBytes {
		return norm
	}
	arabicWord := false
	letter := false
	for _, r := range norm {
		if isArabicRune(r) {
			arabicWord = true
		}
		if r >= 'a' && r <= 'z' || isArabicRune(r) {
			letter = true
		}
	}
	if !letter {
		return norm
	}
	if arabicWord {
		norm = stripProclitics(norm)
	}
	env := snowball.NewEnv(norm)
	if arabicWord {
		arabic.Stem(env)
	} else {
		english.Stem(env)
	}
	if s := env.Current(); s != "" {
		return s
	}
	return norm
}

// stripProclitics removes a proclitic chain that contains the article (ال، وال، بال، لل، ولل …)
// when at least three letters remain. The Snowball stemmer handles these inconsistently (it keeps
// them before a short word: والصين → والص); chains of single letters (و، ب) are left to it,
// because they also begin many words (وزير، بعض).
func stripProclitics(w string) string {
	for _, p := range proclitics { // longest first
		if p.articled && strings.HasPrefix(w, p.text) && utf8.RuneCountInString(w[len(p.text):]) >= 3 {
			return w[len(p.text):]
		}
	}
	return w
}
