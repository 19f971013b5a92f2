package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"path"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// An RSS 2.0 or Atom feed, as much of it as readout reads: each item's title, date, address
// and text (its full content when the feed carries it, else its description).
type feedXML struct {
	XMLName xml.Name
	Items   []feedItem `xml:"channel>item"` // RSS
	Entries []feedItem `xml:"entry"`        // Atom
	Title   string     `xml:"channel>title"`
}

type feedItem struct {
	Title       string   `xml:"title"`
	Link        feedLink `xml:"link"`
	GUID        string   `xml:"guid"`
	ID          string   `xml:"id"`
	PubDate     string   `xml:"pubDate"`
	Published   string   `xml:"published"`
	Updated     string   `xml:"updated"`
	DCDate      string   `xml:"http://purl.org/dc/elements/1.1/ date"`
	Description string   `xml:"description"`
	Summary     string   `xml:"summary"`
	Content     string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	AtomContent string   `xml:"content"`
}

// feedLink is an RSS <link>text</link> or an Atom <link href="…"/>.
type feedLink struct {
	Href string `xml:"href,attr"`
	Text string `xml:",chardata"`
}

// feed reads an RSS or Atom file: one document a item, its text the item's content or
// description read as HTML, its title, date and address the item's.
func (l *loader) feed(b []byte, display, rel string) {
	var f feedXML
	dec := xml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&f); err != nil {
		l.problem(Problem{Path: display, Err: "is not an RSS or Atom feed: " + err.Error(), Hint: "check that it is a whole feed, in UTF-8"})
		return
	}
	items := append(f.Items, f.Entries...)
	if len(items) == 0 {
		l.problem(Problem{Path: display, Err: "feed has no items", Hint: "remove it or fill it"})
		return
	}
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	for n, it := range items {
		body := firstNonEmpty(it.Content, it.AtomContent, it.Description, it.Summary)
		text := strings.TrimSpace(pageText(parseFragment(body)))
		where := fmt.Sprintf("%s item %d", display, n+1)
		if text == "" {
			l.problem(Problem{Path: where, Err: "item has no text", Hint: "the feed carries titles only: save the pages themselves"})
			continue
		}
		e := &entry{From: display, Title: Collapse(it.Title), URL: strings.TrimSpace(firstNonEmpty(it.Link.Href, it.Link.Text))}
		if d := firstNonEmpty(it.PubDate, it.Published, it.DCDate, it.Updated); d != "" {
			if t, ok := feedDate(d); ok {
				e.Date = t.Format("2006-01-02")
			}
		}
		d := &Document{File: rel, Path: where, Encoding: string(EncodingUTF8), Text: text, Digest: sha256.Sum256([]byte(text))}
		if p := l.finish(d, e, fmt.Sprintf("%s-%d", stem, n+1), htmlDoc{}, DateFromFeed, "feed"); p != nil {
			l.problem(*p)
			continue
		}
		l.docs = append(l.docs, d)
	}
}

// feedDate reads an item's date: RFC 1123 (RSS), RFC 3339 (Atom), or a date readout reads
// elsewhere.
func feedDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	if t, err := ParseDate(firstField(s)); err == nil {
		return t, true
	}
	return time.Time{}, false
}

func parseFragment(s string) *html.Node {
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return &html.Node{Type: html.DocumentNode}
	}
	return n
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
