package textproc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A NormRule is one rule of matching normalization: the runes it maps and what they become ("" to
// remove them). The rules are data so that each has its own test case and its own line in the
// methods document.
type NormRule struct {
	ID   string
	From []rune // individual runes
	Lo   rune   // or a range Lo..Hi
	Hi   rune
	To   string
	Note string
}

// NormRules are applied, after NFKC, to every rune of a token before it is matched. What is
// displayed is always the original text.
var NormRules = []NormRule{
	{ID: "alef", From: []rune{'أ', 'إ', 'آ', 'ٱ'}, To: "ا", Note: "hamzated, madda and wasla alef become bare alef (as CAMeL Tools; Lucene leaves ٱ)"},
	{ID: "alef-maqsura", From: []rune{'ى'}, To: "ي", Note: "alef maqsura becomes ya, everywhere in the word"},
	{ID: "ta-marbuta", From: []rune{'ة'}, To: "ه", Note: "ta marbuta becomes ha"},
	{ID: "harakat", Lo: 0x064B, Hi: 0x065F, To: "", Note: "tanwin, short vowels, shadda, sukun, and the combining madda and hamza marks (U+0653–U+0655, which NFKC would otherwise recompose into hamzated letters)"},
	{ID: "superscript-alef", From: []rune{0x0670}, To: "", Note: "dagger alef"},
	{ID: "quranic-marks", Lo: 0x0610, Hi: 0x061A, To: "", Note: "honorifics and small high letters"},
	{ID: "quranic-annotation", Lo: 0x06D6, Hi: 0x06ED, To: "", Note: "Quranic annotation marks (letters in this range are kept)"},
	{ID: "tatweel", From: []rune{0x0640}, To: "", Note: "kashida, a stretch with no meaning"},
	{ID: "persian-yeh", From: []rune{'ی', 'ې', 'ۍ'}, To: "ي", Note: "Persian and Pashto yeh, common in web text, become Arabic ya"},
	{ID: "keheh", From: []rune{'ک'}, To: "ك", Note: "Persian keheh becomes Arabic kaf"},
	{ID: "arabic-indic-digits", Lo: '٠', Hi: '٩', Note: "Arabic-Indic digits become 0-9"},
	{ID: "persian-digits", Lo: '۰', Hi: '۹', Note: "Persian digits become 0-9"},
	{ID: "format-controls", From: []rune{0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF}, To: "", Note: "zero-width joiners and direction marks"},
	{ID: "invisible", From: Invisible, To: "", Note: "invisible characters that can sit inside a word: soft hyphen, combining grapheme joiner, zero-width space, word joiner and invisible operators, bidi embeddings, overrides and isolates, variation selectors (the Default_Ignorable_Code_Point characters of Unicode a text has)"},
}

// Invisible are the default-ignorable characters that web text puts inside words (a soft
// hyphen from a CMS, a zero-width space from a copy, a bidi control from an editor) which would
// otherwise split the word in two: inside a word the tokenizer keeps them, and normalization
// removes them (ZWNJ, ZWJ, LRM, RLM, ALM and BOM, the format controls, are kept inside words
// and removed as well).
var Invisible = func() []rune {
	rs := []rune{0x00AD, 0x034F, 0x180E, 0x200B, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064}
	for r := rune(0x202A); r <= 0x202E; r++ {
		rs = append(rs, r)
	}
	for r := rune(0x2066); r <= 0x206F; r++ {
		rs = append(rs, r)
	}
	for r := rune(0xFE00); r <= 0xFE0F; r++ {
		rs = append(rs, r)
	}
	for r := rune(0x180B); r <= 0x180D; r++ {
		rs = append(rs, r)
	}
	return rs
}()

var invisible = func() map[rune]bool {
	m := map[rune]bool{0x200C: true, 0x200D: true, 0x200E: true, 0x200F: true, 0x061C: true, 0xFEFF: true}
	for _, r := range Invisible {
		m[r] = true
	}
	return m
}()

// normTable is NormRules compiled into a rune map; normLow holds the same rules for runes below
// U+0700 (ASCII, Latin-1 and the Arabic block) as an array, the hot path.
var normTable = compileNorm(NormRules)

type normEntry struct {
	set bool   // a rule applies
	to  string // what the rune becomes
	r   rune   // to as a rune, -1 when it is empty (every rule maps a rune to at most one)
}

var normLow = func() (t [0x700]normEntry) {
	for r, to := range normTable {
		if r < 0x700 {
			t[r] = normEntry{true, to, -1}
			for _, c := range to {
				t[r].r = c
			}
		}
	}
	return t
}()

func compileNorm(rules []NormRule) map[rune]string {
	m := map[rune]string{}
	for _, r := range rules {
		for _, c := range r.From {
			m[c] = r.To
		}
		if r.Lo != 0 {
			for c := r.Lo; c <= r.Hi; c++ {
				switch {
				case r.ID == "arabic-indic-digits":
					m[c] = string('0' + c - '٠')
				case r.ID == "persian-digits":
					m[c] = string('0' + c - '۰')
				case r.ID == "quranic-annotation" && !unicode.Is(unicode.Mn, c):
					// keep the letters of the range (none are used in news, but be exact)
				default:
					m[c] = r.To
				}
			}
		}
	}
	return m
}

// Normalize returns the matching form of s: NFKC (which folds presentation forms and the لا
// ligatures), then NormRules, then lower case. Normalize is idempotent.
func Normalize(s string) string {
	if isASCIILower(s) {
		return s
	}
	// Removing a mark can leave a sequence that NFKC composes (rare: a Latin letter and a
	// combining accent separated by an Arabic mark), so repeat to the fixed point.
	for i := 0; i < 4; i++ {
		s = normalizeOnce(s)
		// The rules removed every mark nfkcStable lets through, so a string it accepts is now
		// in NFKC; only the rest needs NFKC's own check.
		if nfkcStable(s) || norm.NFKC.IsNormalString(s) {
			break
		}
	}
	return s
}

// A NormKey is a string prepared for comparing, normalized, with several others: its
// normalized form is made only if a comparison needs it, and then once.
type NormKey struct {
	s      string
	norm   string
	normed bool
}

// NewNormKey prepares s for NormKey.Equal.
func NewNormKey(s string) *NormKey { return &NormKey{s: s} }

// Equal reports whether the two strings are equal once normalized. Over runes NFKC leaves alone
// (stableRune), normalization maps rune by rune, so Equal walks both strings and usually stops
// at the first difference; it normalizes both only when it meets another rune first, or when a
// rune after the difference might compose with the runes before it.
func (k *NormKey) Equal(o *NormKey) bool {
	i, j := 0, 0
	for {
		ra, ni, sa := nextFolded(k.s, i)
		rb, nj, sb := nextFolded(o.s, j)
		switch {
		case sa == foldUnstable || sb == foldUnstable:
			return k.normalized() == o.normalized()
		case sa == foldEnd && sb == foldEnd:
			return true
		case sa != sb || ra != rb:
			if settled(k.s, ni) && settled(o.s, nj) {
				return false
			}
			return k.normalized() == o.normalized()
		}
		i, j = ni, nj
	}
}

func (k *NormKey) normalized() string {
	if !k.normed {
		k.norm, k.normed = Normalize(k.s), true
	}
	return k.norm
}

// What nextFolded found.
const (
	foldRune     = iota // a rune of the normalized form
	foldEnd             // the end of the string
	foldUnstable        // a rune NFKC may change (stableRune is false)
)

// nextFolded returns the next rune of the normalized form of s from byte i on, as long as the
// runes up to it are NFKC-stable, and the offset after it.
func nextFolded(s string, i int) (rune, int, int) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !stableRune(r) {
			return 0, i, foldUnstable
		}
		i += size
		if r < 0x700 {
			if e := &normLow[r]; e.set {
				if e.r < 0 {
					continue
				}
				return e.r, i, foldRune
			}
		}
		return unicode.ToLower(r), i, foldRune
	}
	return 0, i, foldEnd
}

// settled reports whether nothing from byte i on can change, under NFKC, the runes before i:
// the combining marks that follow and the next rune after them are all stable (no stable rune
// composes with the runes before it).
func settled(s string, i int) bool {
	for _, r := range s[i:] {
		if !stableRune(r) {
			return false
		}
		if !unicode.Is(unicode.Mn, r) {
			return true
		}
	}
	return true
}

func normalizeOnce(s string) string {
	if !nfkcStable(s) {
		s = norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x700 {
			if e := normLow[r]; e.set {
				b.WriteString(e.to)
				continue
			}
			if r < 0x80 {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				b.WriteByte(byte(r))
				continue
			}
		} else if to, ok := normTable[r]; ok {
			b.WriteString(to)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// nfkcStable reports, cheaply, that NFKC would not change s in a way the rules do not undo:
// every rune is ASCII, a base Arabic letter, an Arabic digit or punctuation mark, or a mark the
// harakat rule removes — but not the combining madda or hamza (U+0653–U+0655), which NFKC
// composes with the letter before. (NFKC may reorder removed marks; removal makes order moot.)
func nfkcStable(s string) bool {
	for _, r := range s {
		if !stableRune(r) {
			return false
		}
	}
	return true
}

// stableRune reports whether r is one of the runes nfkcStable accepts.
func stableRune(r rune) bool {
	switch {
	case r < 0x80:
	case r >= 0x0621 && r <= 0x0652, r >= 0x0656 && r <= 0x0670:
	case r == 0x060C || r == 0x061B || r == 0x061F: // Arabic comma, semicolon, question mark
	case r == 0x00AB || r == 0x00BB || r == 0x2013 || r == 0x2014 || r == 0x2018 || r == 0x2019 || r == 0x201C || r == 0x201D:
		// guillemets, en and em dash, curly quotes: unchanged by NFKC
	default:
		return false
	}
	return true
}

func isASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
