package textproc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a unit of text: a sentence, or a line that stands alone (a headline or a section
// heading).
type Sentence struct {
	Index      int  // 0-based, in the document
	Para       int  // 0-based paragraph (non-blank line) number
	Start, End int  // byte offsets of the trimmed sentence in the text
	TokStart   int  // index of its first token in the document's tokens
	TokEnd     int  // one past its last token
	Heading    bool // a line with no final punctuation: a headline or section heading
	InQuote    bool // it begins inside a quotation opened by an earlier sentence of the paragraph
	// Unclosed: that quotation is not closed in the paragraph, and the next paragraph does not
	// open with a quotation mark (as a quotation of several paragraphs does): its closing mark
	// may have been lost, and the speaker rules end it at the first sentence that says who
	// speaks
	Unclosed  bool
	Speaker   string
	Rule      string // the attribution rule that decided Speaker (METHODS.md, text.speakers)
	Cue       Span   // the reporting word or phrase; empty when there is none
	Source    Span   // the words naming the speaker; empty when there are none
	Channel   string // the medium the statement is reported through (a lexicon channel id), or ""
	ChannelAt Span   // the words naming the channel
}

// Span is a stretch of the analysed text by byte offsets; the zero Span is none.
type Span struct{ Start, End int }

// Empty reports whether the span holds nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Sentence-ending punctuation: . ! ? and the Arabic question mark and semicolon, and the
// ellipsis.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '؛', '…':
		return true
	}
	return false
}

// splitByte marks the bytes that may begin a terminal or a quotation mark in UTF-8: the ASCII
// ones themselves and the lead bytes of the others (؟ ؛ « » “ ” … 「 」). ASCII and lead bytes
// never occur inside another character's encoding, so a scan that steps over unmarked bytes
// one at a time still stops at every terminal and quotation mark.
var splitByte = func() (t [256]bool) {
	for r := range rune(0x10000) { // the marks are all in the Basic Multilingual Plane
		if isMark(r) {
			t[utf8.AppendRune(nil, rune(r))[0]] = true
		}
	}
	return t
}()

// splitRune2 marks the terminals and quotation marks among the runes of two UTF-8 bytes
// (U+0080–U+07FF).
var splitRune2 = func() (t [0x800]bool) {
	for r := range rune(0x800) {
		t[r] = isMark(r)
	}
	return t
}()

// Quotation marks: straight, curly, guillemets, low-9 and the CJK corner brackets. Opening and
// closing marks are told apart where the mark says which; a straight quote toggles.
func quoteKind(r rune) int {
	switch r {
	case '«', '“', '„', '‘', '‹', '「', '『':
		return +1 // opens
	case '»', '”', '’', '›', '」', '』', '″':
		return -1 // closes
	case '"':
		return 2 // toggles
	}
	return 0
}

// Abbreviations that end with a full stop without ending a sentence (normalized, without the
// full stop), none longer than MaxAbbreviationLetters. Single letters (initials, U.S.) are
// always abbreviations.
var Abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "no": true,
	"vs": true, "etc": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "jr": true, "sr": true, "co": true,
	"inc": true, "ltd": true, "corp": true, "approx": true, "fig": true,
	// Arabic: د. (doctor), م. (engineer, or the Common Era), ص. (page), ج. (volume)
	"د": true, "م": true, "ص": true, "ج": true, "ه": true,
}

// Split divides text into sentences. It splits at sentence-ending punctuation (not between
// digits, not after an abbreviation or an initial) and at every line break; closing quotation
// marks and brackets after the punctuation stay with their sentence. A line without final
// punctuation of at most HeadingTokens tokens is a heading. Tokens are the document's tokens
// (from Tokenize(text)); each sentence records its range of them.
func Split(text string, tokens []Token) []Sentence {
	return appendSentences(nil, text, tokens, &markCursor{scan: true})
}

// markCursor finds the terminals and quotation marks of a text in order: by scanning its
// bytes, or from the positions the tokenizer recorded (appendTokens), which are the same.
type markCursor struct {
	scan bool
	pos  []int // when not scanning: byte offsets of the marks, in order
	k    int
}

// next returns the offset of the first mark at or after i and before end, or end.
func (m *markCursor) next(text string, i, end int) int {
	if !m.scan {
		for m.k < len(m.pos) && m.pos[m.k] < i {
			m.k++
		}
		if m.k < len(m.pos) && m.pos[m.k] < end {
			return m.pos[m.k]
		}
		return end
	}
	for i < end {
		if b := text[i]; b >= 0xC2 && b < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			if !splitRune2[rune(b&0x1F)<<6|rune(text[i+1]&0x3F)] {
				i += 2 // a two-byte rune (Arabic letters) that is neither
				continue
			}
		} else if !splitByte[b] {
			i++ // not the first byte of a terminal or a quotation mark
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i:]); isMark(r) {
			return i
		}
		i++ // an invalid byte, or a rune sharing a lead byte with a mark
	}
	return end
}

// isMark reports whether r is a terminal or a quotation mark.
func isMark(r rune) bool { return isTerminal(r) || quoteKind(r) != 0 }

// appendSentences appends the sentences of text to out, finding the marks with m.
func appendSentences(out []Sentence, text string, tokens []Token, m *markCursor) []Sentence {
	base := len(out)
	para := 0
	ti := 0 // token cursor
	for lineStart := 0; lineStart <= len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		if !blank(line) {
			first := len(out)
			depth := 0
			openedIn := -1 // the sentence (index into out) in which the open quotation opened
			add := func(s, e int, inQuote bool) {
				s, e = trimSpan(text, s, e)
				if s >= e {
					return
				}
				sent := Sentence{Index: len(out) - base, Para: para, Start: s, End: e, InQuote: inQuote}
				for ti < len(tokens) && tokens[ti].Start < s {
					ti++
				}
				sent.TokStart = ti
				for ti < len(tokens) && tokens[ti].End <= e {
					ti++
				}
				sent.TokEnd = ti
				out = append(out, sent)
			}
			start := lineStart
			startQuoted := false
			for i := lineStart; i < lineEnd; {
				if i = m.next(text, i, lineEnd); i >= lineEnd {
					break
				}
				r, size := utf8.DecodeRuneInString(text[i:])
				if depth == 0 {
					openedIn = len(out)
				}
				switch k := quoteKind(r); {
				case k == 1:
					depth++
				case k == -1:
					if depth > 0 {
						depth--
					}
				case k == 2:
					if depth > 0 && !openingStraight(text, i) {
						depth--
					} else if depth > 0 || !closingStraight(text, i) {
						depth++
					} // else a closing mark with no opening one: a quotation from the paragraph before ends
				}
				if !isTerminal(r) || !endsSentence(text, i, r, size, lineEnd) {
					i += size
					continue
				}
				j := i + size
				for j < lineEnd {
					r2, s2 := utf8.DecodeRuneInString(text[j:])
					if isTerminal(r2) {
						j += s2
						continue
					}
					k := quoteKind(r2)
					if k == -1 || (k == 2 && depth > 0) || r2 == ')' || r2 == ']' {
						if k != 0 && depth > 0 {
							depth--
						}
						j += s2
						continue
					}
					break
				}
				add(start, j, startQuoted)
				start, startQuoted = j, depth > 0
				i = j
			}
			add(start, lineEnd, startQuoted)
			if depth > 0 && openedIn >= first && !nextOpensQuote(text, lineEnd) {
				// a quotation the paragraph leaves open goes on into a paragraph that opens with a
				// quotation mark (a quotation of several paragraphs); else its closing mark may
				// have been lost (Sentence.Unclosed)
				for k := openedIn + 1; k < len(out); k++ {
					out[k].Unclosed = true
				}
			}
			if len(out) == first+1 {
				s := &out[first]
				last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text[s.Start:s.End], func(r rune) bool {
					return quoteKind(r) != 0 || r == ')' || unicode.IsSpace(r)
				}))
				s.Heading = !isTerminal(last) && last != ',' && last != '،' && s.TokEnd-s.TokStart <= HeadingTokens // (a salutation ends with a comma)
			}
			para++
		}
		lineStart = lineEnd + 1
	}
	return out
}

// nextOpensQuote reports whether the next line with text after end begins with an opening
// quotation mark.
func nextOpensQuote(text string, end int) bool {
	for end < len(text) {
		start := end + 1
		e := strings.IndexByte(text[min(start, len(text)):], '\n')
		if e < 0 {
			e = len(text)
		} else {
			e += start
		}
		line := strings.TrimLeftFunc(text[min(start, len(text)):e], unicode.IsSpace)
		if line != "" {
			r, _ := utf8.DecodeRuneInString(line)
			k := quoteKind(r)
			return k == 1 || k == 2 && openingStraight(text, e-len(line))
		}
		end = e
	}
	return false
}

// MaxAbbreviationLetters is the length of the longest word in Abbreviations: the splitter
// does not look longer words up.
const MaxAbbreviationLetters = 8

// HeadingTokens is the longest a line without final punctuation can be and still be a heading.
const HeadingTokens = 25

// openingStraight reports whether a straight quote at i opens a quotation: it is preceded by a
// space, the start of the line or an opening bracket, and followed by a non-space.
func openingStraight(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	before := i == 0 || unicode.IsSpace(prev) || prev == '(' || prev == ':' || prev == '،'
	return before && !unicode.IsSpace(next)
}

// closingStraight reports whether the straight quotation mark at i can only close a
// quotation: right after a word or a terminal, and before a space, a terminal or the end.
func closingStraight(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if i == 0 || unicode.IsSpace(prev) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	return i+1 >= len(text) || unicode.IsSpace(next) || isTerminal(next) || next == '،' || next == ','
}

// endsSentence decides whether the terminal punctuation r at i ends a sentence.
func endsSentence(text string, i int, r rune, size, lineEnd int) bool {
	if r != '.' {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if unicode.IsDigit(prev) && unicode.IsDigit(next) {
		return false // 2.5
	}
	// the word before the full stop
	w, letters := i, 0
	for w > 0 {
		r2, s2 := utf8.DecodeLastRuneInString(text[:w])
		if !unicode.IsLetter(r2) {
			break
		}
		if r2 != 0x0640 { // tatweel, which normalization removes
			letters++
		}
		w -= s2
	}
	var word string
	if letters <= MaxAbbreviationLetters { // a longer word is neither an initial nor an abbreviation
		word = Normalize(text[w:i])
	}
	if word != "" && (utf8.RuneCountInString(word) == 1 || Abbreviations[word]) {
		// an initial or abbreviation, unless the line ends here
		rest := strings.TrimSpace(text[i+size : lineEnd])
		return rest == ""
	}
	if i+size < lineEnd && !unicode.IsSpace(next) && quoteKind(next) == 0 && next != ')' && next != ']' && !isTerminal(next) {
		return false // a.b: a URL, a file name, a number in another script
	}
	return true
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) && r != '\u00a0' {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) && r != '\u00a0' {
			break
		}
		e -= size
	}
	return s, e
}

// blank reports whether a line holds only white space (no-break spaces included).
func blank(line string) bool {
	for _, r := range line {
		if !unicode.IsSpace(r) && r != '\u00a0' {
			return false
		}
	}
	return true
}
