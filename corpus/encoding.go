package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names a text encoding readout can read. The zero value means "detect".
type Encoding string

// Encodings accepted by --encoding.
const (
	EncodingAuto    Encoding = ""
	EncodingUTF8    Encoding = "utf-8"
	EncodingUTF16LE Encoding = "utf-16le"
	EncodingUTF16BE Encoding = "utf-16be"
	EncodingCP1256  Encoding = "windows-1256"
	EncodingLatin1  Encoding = "iso-8859-1"
)

var encodingNames = map[string]Encoding{
	"auto": EncodingAuto, "": EncodingAuto,
	"utf-8": EncodingUTF8, "utf8": EncodingUTF8,
	"utf-16le": EncodingUTF16LE, "utf16le": EncodingUTF16LE,
	"utf-16be": EncodingUTF16BE, "utf16be": EncodingUTF16BE,
	"windows-1256": EncodingCP1256, "cp1256": EncodingCP1256, "1256": EncodingCP1256,
	"iso-8859-1": EncodingLatin1, "latin1": EncodingLatin1,
}

// ParseEncoding parses an --encoding value.
func ParseEncoding(s string) (Encoding, error) {
	e, ok := encodingNames[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return "", fmt.Errorf("unknown encoding %q: use auto, utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-1", s)
	}
	return e, nil
}

func (e Encoding) codec() encoding.Encoding {
	switch e {
	case EncodingUTF16LE:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	case EncodingUTF16BE:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	case EncodingCP1256:
		return charmap.Windows1256
	case EncodingLatin1:
		return charmap.ISO8859_1
	}
	return nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// hinted is an error that carries its own advice, in place of the loader's usual hint ("" for
// none: the message says what to do).
type hinted struct{ msg, hint string }

func (h hinted) Error() string { return h.msg }

// errBinary and errUndecodable are reported with the file name by the loader.
var (
	errBinary      = fmt.Errorf("looks like a binary file (it contains NUL bytes)")
	errUndecodable = fmt.Errorf("is neither valid UTF-8 nor plausible Windows-1256 Arabic")
)

// decode turns raw bytes into text. With EncodingAuto it honours a BOM, then takes valid
// UTF-8, then Windows-1256 when that decodes to mostly Arabic letters. It returns the encoding
// used.
func decode(b []byte, forced Encoding) (string, Encoding, error) {
	if forced == EncodingUTF16LE || forced == EncodingUTF16BE {
		if err := notUTF16(b, forced); err != nil {
			return "", "", err
		}
	}
	if forced != EncodingAuto {
		return decodeWith(b, forced)
	}
	if err := utf32BOM(b); err != nil { // before the UTF-16 BOMs: FF FE 00 00 is UTF-32's
		return "", "", err
	}
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
		if !utf8.Valid(b) {
			return "", "", fmt.Errorf("starts with a UTF-8 byte-order mark but is not valid UTF-8")
		}
		return string(b), EncodingUTF8, nil
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeWith(b, EncodingUTF16LE)
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeWith(b, EncodingUTF16BE)
	}
	if bytes.IndexByte(b, 0) >= 0 { // UTF-32 and UTF-16 hold NULs; text in UTF-8 never does
		if err := bomlessUTF32(b); err != nil {
			return "", "", err
		}
		if e := bomlessUTF16(b); e != "" {
			return "", "", hinted{fmt.Sprintf("looks like %s text without a byte-order mark", strings.ToUpper(string(e))),
				fmt.Sprintf("pass --encoding %s, or convert it to UTF-8", e)}
		}
		return "", "", errBinary
	}
	if utf8.Valid(b) {
		return string(b), EncodingUTF8, nil
	}
	s, _, err := decodeWith(b, EncodingCP1256)
	if err == nil && plausibleArabic(s) {
		return s, EncodingCP1256, nil
	}
	return "", "", errUndecodable
}

// notUTF16 refuses, for --encoding utf-16le or utf-16be, a file that is UTF-8: one that starts
// with the UTF-8 byte-order mark, or is valid UTF-8 with no control character but tab, line
// and page breaks. UTF-16 text has a NUL byte in every space, digit, Latin letter and line
// break, and in Arabic a 0x06 byte in every letter; decoded as UTF-16, UTF-8 is noise in
// which no theme, speaker or formulation is found, and nothing would say why.
func notUTF16(b []byte, forced Encoding) error {
	if bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) || len(b) == 0 {
		return nil
	}
	utf8Text := bytes.HasPrefix(b, bomUTF8) || utf8.Valid(b) && !bytes.ContainsFunc(b, func(r rune) bool {
		return r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f'
	})
	if !utf8Text {
		return nil
	}
	return hinted{fmt.Sprintf("is UTF-8 text, not %s as --encoding says (it is valid UTF-8 with no NUL or other control byte, which %s text has)", forced, forced),
		"--encoding applies to every file of the run: read the UTF-16 files in a run of their own, or convert them to UTF-8 (iconv -f UTF-16 -t UTF-8 FILE)"}
}

func decodeWith(b []byte, e Encoding) (string, Encoding, error) {
	if e == EncodingUTF8 {
		b = bytes.TrimPrefix(b, bomUTF8)
		if !utf8.Valid(b) {
			return "", "", fmt.Errorf("is not valid UTF-8 (forced by --encoding utf-8)")
		}
		return string(b), e, nil
	}
	out, _, err := transform.Bytes(e.codec().NewDecoder(), b)
	if err != nil {
		return "", "", fmt.Errorf("cannot be decoded as %s: %v", e, err)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return "", "", errBinary
	}
	return string(out), e, nil
}

// utf32Convert is what to do with UTF-32 text, which readout does not read.
const utf32Convert = "convert it to UTF-8: iconv -f UTF-32 -t UTF-8 FILE"

// utf32BOM names UTF-32 text by its byte-order mark.
func utf32BOM(b []byte) error {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		return hinted{"is UTF-32LE text (it starts with that byte-order mark), which readout does not read", utf32Convert}
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return hinted{"is UTF-32BE text (it starts with that byte-order mark), which readout does not read", utf32Convert}
	}
	return nil
}

// bomlessUTF32 names UTF-32 text without a byte-order mark by the two zero bytes of nine code
// points in ten (text in the Basic Multilingual Plane).
func bomlessUTF32(b []byte) error {
	if len(b) < 8 || len(b)%4 != 0 {
		return nil
	}
	var le, be int // code points whose two high bytes are zero, in either order
	for i := 0; i+4 <= len(b); i += 4 {
		if b[i+2] == 0 && b[i+3] == 0 && (b[i] != 0 || b[i+1] != 0) {
			le++
		}
		if b[i] == 0 && b[i+1] == 0 && (b[i+2] != 0 || b[i+3] != 0) {
			be++
		}
	}
	n := len(b) / 4
	switch {
	case le*10 >= n*9:
		return hinted{"looks like UTF-32LE text without a byte-order mark, which readout does not read", utf32Convert}
	case be*10 >= n*9:
		return hinted{"looks like UTF-32BE text without a byte-order mark, which readout does not read", utf32Convert}
	}
	return nil
}

// bomlessUTF16 names the UTF-16 byte order that decodes b, which has no byte-order mark, to
// text; "" when it reads as neither. The high byte of each code unit is the one with fewer
// distinct values (a text in one script keeps it nearly constant: 0x00 for Latin, 0x06 for
// Arabic), and the text it decodes to must have no NUL, no unpaired surrogate, and nine code
// points in ten letters, marks, digits, spaces or punctuation.
func bomlessUTF16(b []byte) Encoding {
	if len(b) < 4 || len(b)%2 != 0 {
		return ""
	}
	var even, odd [256]bool
	var nEven, nOdd int
	for i := 0; i+1 < len(b); i += 2 {
		if !even[b[i]] {
			even[b[i]], nEven = true, nEven+1
		}
		if !odd[b[i+1]] {
			odd[b[i+1]], nOdd = true, nOdd+1
		}
	}
	e := EncodingUTF16LE // high bytes at odd offsets
	if nEven < nOdd {
		e = EncodingUTF16BE
	}
	out, _, err := transform.Bytes(e.codec().NewDecoder(), b)
	if err != nil || bytes.IndexByte(out, 0) >= 0 {
		return ""
	}
	var good, all int
	for _, r := range string(out) {
		all++
		if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r)) {
			good++
		}
	}
	if all > 0 && good*10 >= all*9 {
		return e
	}
	return ""
}

// plausibleArabic reports whether text decoded from a legacy code page reads as Arabic: it has
// Arabic letters, they stand in words of Arabic letters, and they are not glued to Latin letters
// (which is what a Latin-1 or UTF-8 file read as Windows-1256 looks like: "cafه").
func plausibleArabic(s string) bool {
	var arabic, glued int
	prev := rune(0)
	for _, r := range s {
		a := isArabicLetter(r)
		if a {
			arabic++
		}
		if (a && isASCIILetter(prev)) || (isArabicLetter(prev) && isASCIILetter(r)) {
			glued++
		}
		prev = r
	}
	return arabic >= 2 && glued*10 < arabic
}

func isASCIILetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

func isArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}
