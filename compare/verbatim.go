package compare

import (
	"hash/maphash"

	"github.com/readout/readout/textproc"
)

// MinVerbatimWords is the fewest words a statement needs for a word-for-word copy of it in the
// corpus to count as a counterpart: shorter ones (a dateline, "Moscow, March 20") recur by
// chance.
const MinVerbatimWords = 6

// verbatimSeed makes the hashes of one process comparable (no hash is stored or shown).
var verbatimSeed = maphash.MakeSeed()

// Verbatim returns, for each statement unit of d in order (the units Units makes), the hash of
// its normalized words, punctuation aside; 0 for a unit of fewer than MinVerbatimWords words. A
// statement with the hash of a corpus statement is a word-for-word copy of it: even one that
// has no content word (names, titles and a frame: "Xi met Putin in the Kremlin on Monday") and
// so no passage to align.
func Verbatim(d *textproc.Doc) []uint64 {
	var out []uint64
	for _, st := range d.Sentences {
		if h, ok := verbatimHash(d, st); ok {
			out = append(out, h)
		}
	}
	return out
}

// verbatimHash returns a sentence's hash and whether it is a unit (as unitScan.unit says).
func verbatimHash(d *textproc.Doc, st textproc.Sentence) (uint64, bool) {
	if st.End-st.Start > MaxUnitBytes {
		return 0, false
	}
	var h maphash.Hash
	h.SetSeed(verbatimSeed)
	n := 0
	for i := st.TokStart; i < st.TokEnd; i++ {
		if d.Tokens[i].Kind == textproc.Word && d.Norm[i] != "" {
			h.WriteString(d.Norm[i])
			h.WriteByte(' ')
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	if n < MinVerbatimWords {
		return 0, true
	}
	return h.Sum64(), true
}

// Copy is a corpus statement that a new one repeats word for word: its index among its
// document's units, and the hash (Verbatim) they share.
type Copy struct {
	Index int
	Hash  uint64
}
