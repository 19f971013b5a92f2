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

// errBinary and errUndecodable are reported with the file name by the loader.
var (
	errBinary      = fmt.Errorf("looks like a binary file (it contains NUL bytes)")
	errUndecodable = fmt.Errorf("is neither valid UTF-8 nor plausible Windows-1256 Arabic")
)

// decode turns raw bytes into text. With EncodingAuto it honours a BOM, then takes valid
// UTF-8, then Windows-1256 when that decodes to mostly Arabic letters. It returns the encoding
// used.
func decode(b []byte, forced Encoding) (string, Encoding, error) {
	if forced != EncodingAuto {
		return decodeWith(b, forced)
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
	if bytes.IndexByte(b, 0) >= 0 {
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
