// Package dictionary converts between readout's theme lexicon and the dictionary formats
// analysts already have: quanteda's YAML dictionaries (Newsmap's are nested ones: the leaves
// become themes) and LIWC's .dic files.
//
// A dictionary is a list of categories, each a list of patterns: a word, a phrase of words
// separated by spaces, or a word with a trailing * (a glob). What one format can say and the
// other cannot (readout's clitic rules, exclusions, verbs and speaker rules; a glob with * or ?
// inside a word; LIWC's context-dependent entries) is never dropped silently: every loss is a
// Note.
package dictionary

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is a dictionary format.
type Format string

// The formats read and written. Newsmap's dictionaries are quanteda YAML with several levels
// of keys; they are read as Quanteda.
const (
	Quanteda Format = "quanteda"
	Newsmap  Format = "newsmap"
	LIWC     Format = "liwc"
)

// Formats lists the format names Parse accepts, for flags and messages.
var Formats = []Format{Quanteda, Newsmap, LIWC}

// Category is one category of a dictionary: its key path (one key for a flat dictionary, the
// keys from the top for a nested one) and its patterns, in file order.
type Category struct {
	Path     []string
	Patterns []string
	Lines    []int // the line of each pattern (0 when unknown)
	Line     int   // the line of the key
}

// Name is the category's keys joined by " > ".
func (c Category) Name() string { return strings.Join(c.Path, " > ") }

// Dict is a dictionary read from a file.
type Dict struct {
	Format     Format
	Categories []Category
	// Notes are the entries left out while reading (a LIWC line readout cannot read), each with
	// its line.
	Notes []Note
}

// Note says what could not be carried from one format to the other, at a line of the input
// when there is one.
type Note struct {
	File string
	Line int
	Msg  string
}

func (n Note) String() string {
	if n.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", n.File, n.Line, n.Msg)
	}
	if n.File != "" {
		return n.File + ": " + n.Msg
	}
	return n.Msg
}

// Error is a dictionary file that cannot be read: the file, the line and what is wrong.
type Error Note

func (e *Error) Error() string { return Note(*e).String() }

// Parse reads a dictionary in format f (Quanteda, Newsmap or LIWC; "" guesses: a file whose
// first non-blank line is % is LIWC, anything else YAML).
func Parse(b []byte, file string, f Format) (*Dict, error) {
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return nil, &Error{File: file, Line: 1 + bytes.Count(b[:i], []byte("\n")), Msg: "not UTF-8 text: save the dictionary as UTF-8 (a LIWC .dic in another encoding can be converted with iconv)"}
	}
	if f == "" {
		f = Quanteda
		for _, line := range strings.Split(string(b), "\n") {
			if s := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff")); s != "" {
				if s == "%" {
					f = LIWC
				}
				break
			}
		}
	}
	switch f {
	case Quanteda, Newsmap:
		return parseYAML(b, file, f)
	case LIWC:
		return parseLIWC(b, file)
	}
	return nil, &Error{File: file, Msg: fmt.Sprintf("unknown dictionary format %q: use %s", f, formatList())}
}

func formatList() string {
	var s []string
	for _, f := range Formats {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

// pattern converts a dictionary pattern (a glob) to a readout term: words separated by single
// spaces, a * allowed only at the end of a word with two letters or more before it. ok is false,
// with the reason, for what readout cannot match.
func pattern(s string) (term string, reason string) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return "", "an empty pattern"
	}
	for _, w := range words {
		if strings.ContainsRune(w, '?') {
			return "", "? (any one character) has no readout equivalent"
		}
		body, _ := strings.CutSuffix(w, "*")
		if strings.ContainsRune(body, '*') {
			return "", "a * before the end of a word has no readout equivalent (only a trailing * does)"
		}
		if strings.HasSuffix(w, "*") && letters(body) < 2 {
			return "", "a wildcard needs at least two letters before *"
		}
		if letters(body) == 0 {
			return "", "no letters or digits"
		}
	}
	return strings.Join(words, " "), ""
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
