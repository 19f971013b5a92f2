package corpus

import (
	"sort"
	"strings"
	"time"
)

// DateSource says where a document's date came from.
type DateSource string

// The places a date can come from, in order of precedence.
const (
	DateFromManifest DateSource = "manifest" // the manifest's date column
	DateFromJSONL    DateSource = "jsonl"    // the date field of a JSONL record
	DateFromFeed     DateSource = "feed"     // an RSS or Atom item's date
	DateFromHTMLMeta DateSource = "html-meta"
	DateFromText     DateSource = "text"     // a date written in the text itself
	DateFromFilename DateSource = "filename" // a date in the file name
	DateNone         DateSource = "none"
)

// Language is a document language readout analyses.
type Language string

// Supported languages.
const (
	Arabic  Language = "ar"
	English Language = "en"
)

// ParseLanguage parses "ar" or "en" (any case, surrounding space ignored).
func ParseLanguage(s string) (Language, bool) {
	switch Language(strings.ToLower(strings.TrimSpace(s))) {
	case Arabic:
		return Arabic, true
	case English:
		return English, true
	}
	return "", false
}

// Span maps a run of the cleaned text to the original text: Clean[CleanStart:CleanStart+Len]
// equals Text[OrigStart:OrigStart+Len].
type Span struct {
	CleanStart, OrigStart, Len int
}

// Removal records one piece of boilerplate dropped from a document.
type Removal struct {
	Rule string // the rule's id
	Line int    // 1-based line number in the original text
	Text string // the line as it stood
}

// Document is one article: its metadata, its original text and its cleaned text.
type Document struct {
	ID         string
	Title      string
	Date       time.Time // zero when unknown; always UTC midnight otherwise
	DateSource DateSource
	Source     string // the outlet: the manifest's source, or an HTML page's site name
	URL        string // the manifest's url, or an HTML page's canonical address
	Author     string // an HTML page's byline
	// Credit is the agency the text credits the report to (xinhua, tass, ria, afp, reuters,
	// ap, sputnik, agencies …), from a wire dateline or a credit line; "" when none.
	Credit   string
	Dateline string // the wire dateline cut from the story's first line, as written
	// EventDate is the date of the event the story reports when it can be resolved against
	// the publication date (Date): EventDateSource says from what ("dateline", "weekday").
	EventDate       time.Time
	EventDateSource string
	Language        Language
	// OtherLanguage names the language a document whose language was detected seems to be in
	// when it is neither Arabic nor English (French, Persian, Urdu …): its analysis is not to
	// be trusted. "" otherwise.
	OtherLanguage string
	// EncodingNote says why a page was not decoded as its <meta> declares ("" when it was).
	EncodingNote string
	emptied      string // a note when the boilerplate rules removed all the text
	idDefault    bool   // the id is the file's path, not a manifest's or a record's
	LangSource   string // "manifest", "jsonl" or "detected"
	File         string // path as listed (relative to the corpus directory when there is one)
	Path         string // path for messages to the user
	Encoding     string // the encoding the bytes were decoded from
	Meta         map[string]string

	// Text is the original text, decoded (for HTML: the text of the body).
	Text string
	// Clean is Text with boilerplate removed; Spans map it back to Text.
	Clean string
	Spans []Span
	// Removed lists what the boilerplate rules dropped.
	Removed []Removal
	// LeftOut lists, for an HTML page, the lines of the page that its reader did not take into
	// Text (outside the main content, navigation, hidden): Line 0, as they are not in Text.
	LeftOut []Removal

	// Digest is the SHA-256 of the document's bytes as read from disk (or of its JSONL text).
	Digest [32]byte

	reload func() error // set for lazily loaded documents
}

// Load reads a lazily loaded document's text again (Text, Clean, Spans, Removed); it does
// nothing for a document whose text is in memory.
func (d *Document) Load() error {
	if d.reload == nil || d.Clean != "" {
		return nil
	}
	return d.reload()
}

// Release drops a lazily loaded document's text; Load brings it back. It does nothing for a
// document held in memory.
func (d *Document) Release() {
	if d.reload != nil {
		d.Text, d.Clean = "", "" // the spans stay: Load rebuilds Clean from them
	}
}

// OrigStartOffset maps a byte offset in Clean where something begins to the corresponding
// offset in Text: an offset at the end of a span, where boilerplate was removed, maps to the
// start of the next span (the text that follows the removal), not to the removed text.
func (d *Document) OrigStartOffset(clean int) int {
	i := sort.Search(len(d.Spans), func(i int) bool {
		return d.Spans[i].CleanStart+d.Spans[i].Len > clean
	})
	if i == len(d.Spans) || clean < d.Spans[i].CleanStart {
		return d.OrigOffset(clean)
	}
	s := d.Spans[i]
	return s.OrigStart + clean - s.CleanStart
}

// HasDate reports whether the document's date is known.
func (d *Document) HasDate() bool { return !d.Date.IsZero() }

// OrigOffset maps a byte offset in Clean to the corresponding offset in Text. An offset at the
// end of a span maps to the end of that span in Text.
func (d *Document) OrigOffset(clean int) int {
	if len(d.Spans) == 0 {
		return clean
	}
	i := sort.Search(len(d.Spans), func(i int) bool {
		return d.Spans[i].CleanStart+d.Spans[i].Len >= clean
	})
	if i == len(d.Spans) {
		s := d.Spans[len(d.Spans)-1]
		return s.OrigStart + s.Len + (clean - s.CleanStart - s.Len)
	}
	s := d.Spans[i]
	if clean < s.CleanStart {
		return s.OrigStart
	}
	return s.OrigStart + clean - s.CleanStart
}
