package study

import (
	"unicode"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

// What counts as a word for keyness, the document-feature matrix and similarity: a word token
// (numbers are left out) with a normalized form. Keyness and the matrix count it under its term
// key (textproc.TermKey: a light stem, whose proclitics come off only when the word without them
// is written in the texts compared), similarity under its Snowball stem (textproc.Stem). Keyness
// shows each key by the forms written in the text.

// KeyWords returns a sentence's words for keyness, keyed by normalized form (termKeys maps
// them to their term keys once every form of the texts is known), with their surface forms; with
// stops, the function words of compare.StopWords (prepositions, conjunctions, pronouns,
// auxiliaries, in Arabic and English) are marked Stop, so that no n-gram holding one is counted.
func KeyWords(d *textproc.Doc, s textproc.Sentence, stops bool) []metrics.Word {
	var out []metrics.Word
	broken := false // a number or punctuation since the last word: no n-gram spans them
	for i := s.TokStart; i < s.TokEnd; i++ {
		t := d.Tokens[i]
		if t.Kind != textproc.Word || d.Norm[i] == "" {
			broken = true
			continue
		}
		if i > s.TokStart && (broken || punctuated(d.Text[d.Tokens[i-1].End:t.Start])) && len(out) > 0 {
			out = append(out, metrics.Word{Stop: true}) // a break: counted in no n-gram, no position
		}
		broken = false
		out = append(out, metrics.Word{Key: d.Norm[i], Surface: d.Text[t.Start:t.End], Stop: stops && isStop(d, i)})
	}
	return out
}

// punctuated reports whether the text between two words holds anything but spaces and joiners
// (a comma, a dash, a quotation mark, a bracket …): n-grams do not cross it ("said, adding"),
// as quanteda's tokens_remove(padding = TRUE) keeps them apart.
func punctuated(gap string) bool {
	for _, r := range gap {
		switch {
		case unicode.IsSpace(r), r == '-', r == '\'', r == '’', r == 'ـ', r >= '\u200b' && r <= '\u200f':
			// spaces, joiners, a hyphen or an apostrophe inside a name (Russia-China, Xi's)
		default:
			return true
		}
	}
	return false
}

// termKeys returns the term key of each normalized form, attested by forms (every form of the
// texts compared, function words too), computed once a form.
func termKeys(forms map[string]bool) func(string) string {
	keys := make(map[string]string, len(forms))
	attested := func(w string) bool { return forms[w] }
	return func(w string) string {
		k, ok := keys[w]
		if !ok {
			k = textproc.TermKey(w, attested)
			keys[w] = k
		}
		return k
	}
}

// StemBag counts a document's word stems.
func StemBag(d *textproc.Doc) metrics.Bag {
	b := metrics.Bag{}
	for i, t := range d.Tokens {
		if t.Kind == textproc.Word && d.Norm[i] != "" {
			b[d.Stem(i)]++
		}
	}
	return b
}

// stemVector counts a document's word stems as ids of vocab.
func stemVector(d *textproc.Doc, vocab *metrics.Vocabulary) metrics.Vector {
	ids := make([]uint32, 0, len(d.Tokens))
	for i, t := range d.Tokens {
		if t.Kind == textproc.Word && d.Norm[i] != "" {
			ids = append(ids, vocab.IDOf(d.StemID(i), d.Stem(i)))
		}
	}
	return metrics.NewVector(ids)
}

// isStop reports whether token i is a function word, written alone or with its clitics
// (بعضهما is بعض): by its alignment key, which the Analyzer keeps once a word.
func isStop(d *textproc.Doc, i int) bool {
	return compare.StopWords[d.Norm[i]] || compare.StopWords[d.Key(i)]
}
