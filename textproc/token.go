package textproc

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind says whether a token is a word or a number.
type TokenKind uint8

const (
	Word   TokenKind = iota // contains at least one letter
	Number                  // digits only (with inner separators: 2.5, 200,000)
)

// Token is a word or number in a text: Text[Start:End].
type Token struct {
	Start, End int // byte offsets into the text that was tokenized
	Kind       TokenKind
}

// Tokenize splits s into words and numbers. A token is a maximal run of letters, combining marks
// (harakat), tatweel and digits; an apostrophe or zero-width joiner between two letters, and a
// '.', ',' or Arabic decimal/thousands separator between two digits, stay inside it. Everything
// else (spaces, punctuation, quotes, symbols) separates tokens. Invalid UTF-8 bytes separate
// tokens too, so offsets are always valid.
func Tokenize(s string) []Token { return appendTokens(make([]Token, 0, len(s)/10+1), s, nil) } // about one token per 10 bytes of Arabic

// appendTokens appends the tokens of s to toks and, when marks is not nil, the offsets of its
// terminals and quotation marks to *marks (for the sentence splitter: see markCursor).
func appendTokens(toks []Token, s string, marks *[]int) []Token {
	start := -1
	hasLetter := false
	for i := 0; i < len(s); {
		// Fast paths for ASCII letters and digits and the Arabic block's letters, marks and
		// digits, which are always inside a token.
		if b := s[i]; b < 0x80 {
			if c := asciiWord[b]; c != 0 {
				if start < 0 {
					start, hasLetter = i, false
				}
				hasLetter = hasLetter || c == 'a'
				for i++; i < len(s) && s[i] < 0x80 && asciiWord[s[i]] != 0; i++ {
					hasLetter = hasLetter || asciiWord[s[i]] == 'a'
				}
				continue
			}
		} else if n := arabicRun(s, i); n > 0 {
			if start < 0 {
				start, hasLetter = i, false
			}
			hasLetter = hasLetter || n&1 == 1
			i += n &^ 1
			continue
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError && size <= 1 {
			if start >= 0 {
				toks = append(toks, mk(start, i, hasLetter))
				start = -1
			}
			i += max(size, 1)
			continue
		}
		if isWordRune(r) {
			if start < 0 {
				start, hasLetter = i, false
			}
			if !hasLetter && (r >= 0x0621 && r <= 0x064A || unicode.IsLetter(r)) {
				hasLetter = true
			}
			i += size
			continue
		}
		if marks != nil && (r < 0x800 && splitRune2[r] || r >= 0x800 && isMark(r)) {
			*marks = append(*marks, i)
		}
		if start >= 0 && isInner(r) && i+size < len(s) {
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if invisible[r] { // look past a run of invisible characters (and the marks before it)
				prev, next = lastVisible(s[start:i]), firstVisible(s[i+size:])
			}
			if joins(r, prev, next) {
				i += size
				continue
			}
		}
		if start >= 0 {
			toks = append(toks, mk(start, i, hasLetter))
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, mk(start, len(s), hasLetter))
	}
	return toks
}

// arabicRun measures the run of Arabic letters, marks and digits (U+0621–U+0669, two bytes
// each) at s[i:]: it returns the run's length in bytes, plus 1 when the run has a letter
// (U+0621–U+064A), or 0 when s[i] does not begin one.
func arabicRun(s string, i int) int {
	j, letter := i, 0
	for j+1 < len(s) {
		b, c := s[j], s[j+1]
		if b != 0xD8 && b != 0xD9 || c&0xC0 != 0x80 {
			break
		}
		r := rune(b&0x1F)<<6 | rune(c&0x3F)
		if r < 0x0621 || r > 0x0669 {
			break
		}
		if r <= 0x064A {
			letter = 1
		}
		j += 2
	}
	return j - i + letter
}

// asciiWord classes the ASCII bytes that are word runes: 'a' for letters, '0' for digits.
var asciiWord = func() (t [128]byte) {
	for b := 'a'; b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = 'a', 'a'
	}
	for b := '0'; b <= '9'; b++ {
		t[b] = '0'
	}
	return t
}()

func mk(start, end int, letter bool) Token {
	k := Number
	if letter {
		k = Word
	}
	return Token{Start: start, End: end, Kind: k}
}

func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0x0621 && r <= 0x065F, r >= 0x0660 && r <= 0x0669, r == 0x0670: // Arabic letters, marks, digits
		return true
	case r == 0x060C || r == 0x061B || r == 0x061F || r == 0x066A || r == 0x066B || r == 0x066C || r == 0x06D4:
		return false // Arabic punctuation
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isInner(r rune) bool {
	switch r {
	case '\'', '’', '\u200c', '\u200d', '.', ',', '٫', '٬':
		return true
	}
	return r >= 0xAD && invisible[r]
}

func lastVisible(s string) rune {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !invisible[r] && !unicode.Is(unicode.Mn, r) {
			return r
		}
		s = s[:len(s)-n]
	}
	return 0
}

func firstVisible(s string) rune {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !invisible[r] {
			return r
		}
		s = s[n:]
	}
	return 0
}

func joins(r, prev, next rune) bool {
	switch r {
	case '\'', '’', '\u200c', '\u200d':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '.', ',', '٫', '٬':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	// an invisible character: between two letters, or two digits (الس\u200bيادة, 20\u00ad23)
	return unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(prev) && unicode.IsDigit(next)
}

// CountTokens returns the number of tokens in s.
func CountTokens(s string) int { return len(Tokenize(s)) }

// decodeRune is utf8.DecodeRuneInString with a fast path for ASCII and the two-byte sequences of
// Arabic letters (lead bytes 0xD8–0xDB), most of readout's text.
func decodeRune(s string, i int) (rune, int) {
	b := s[i]
	if b < 0x80 {
		return rune(b), 1
	}
	if b >= 0xD8 && b <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}
