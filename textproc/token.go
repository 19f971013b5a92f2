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
func Tokenize(s string) []Token {
	var toks []Token
	start := -1
	hasLetter := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
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
			if unicode.IsLetter(r) {
				hasLetter = true
			}
			i += size
			continue
		}
		if start >= 0 && isInner(r) && i+size < len(s) {
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			next, _ := utf8.DecodeRuneInString(s[i+size:])
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

func mk(start, end int, letter bool) Token {
	k := Number
	if letter {
		k = Word
	}
	return Token{Start: start, End: end, Kind: k}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isInner(r rune) bool {
	switch r {
	case '\'', '’', '\u200c', '\u200d', '.', ',', '٫', '٬':
		return true
	}
	return false
}

func joins(r, prev, next rune) bool {
	switch r {
	case '\'', '’', '\u200c', '\u200d':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	}
	return unicode.IsDigit(prev) && unicode.IsDigit(next)
}

// CountTokens returns the number of tokens in s.
func CountTokens(s string) int { return len(Tokenize(s)) }
