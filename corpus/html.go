package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"

	"github.com/readout/readout/textproc"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// htmlDoc is what readout takes from an HTML page.
type htmlDoc struct {
	Text      string // the article's text (or the page's, with HTMLPage), a block element per line
	Title     string // the headline, without the site's name
	Date      string // the publication date as the page states it
	Outlet    string // the site's name (og:site_name, JSON-LD publisher)
	Author    string
	Canonical string // <link rel="canonical">
	Lang      string // <html lang>, its primary subtag
	Credit    string // an agency a short line of the page credits (الموقع - وكالات)
	Dateline  string // a wire dateline the main-content reader set apart
	// LeftOut are the lines a reader of the page sees that readout does not read: outside the
	// main content (rule html-main), in navigation, headers, footers, asides and forms
	// (html-page, with --html page), or hidden (html-hidden); Line 0, as they are not in Text.
	LeftOut []Removal
	// EncodingNote says why the page was not read in the charset it declares ("" when it was).
	EncodingNote string
}

// HTMLReader chooses what readout reads of an HTML page.
type HTMLReader string

const (
	// HTMLMain reads the article: the page's main content as go-readability finds it, with
	// readout's own reader when it finds none.
	HTMLMain HTMLReader = "main"
	// HTMLPage reads all the text of the body but for scripts, navigation, headers, footers,
	// asides and forms: readout's own reader.
	HTMLPage HTMLReader = "page"
)

// ParseHTMLReader parses "main" or "page" ("" is main).
func ParseHTMLReader(s string) (HTMLReader, error) {
	switch r := HTMLReader(strings.ToLower(strings.TrimSpace(s))); r {
	case "", HTMLMain:
		return HTMLMain, nil
	case HTMLPage:
		return r, nil
	}
	return "", fmt.Errorf("--html %q: use main (the article) or page (all the text)", s)
}

// metaCharset finds the charset an HTML page declares in <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">, looking only before <body>.
func metaCharset(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Body {
				return ""
			}
			if a != atom.Meta || !hasAttr {
				continue
			}
			attrs := map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[strings.ToLower(string(k))] = string(v)
				if !more {
					break
				}
			}
			if cs := attrs["charset"]; cs != "" {
				return strings.TrimSpace(cs)
			}
			if strings.EqualFold(attrs["http-equiv"], "content-type") {
				c := strings.ToLower(attrs["content"])
				if i := strings.Index(c, "charset="); i >= 0 {
					return strings.Trim(strings.TrimSpace(c[i+len("charset="):]), `"';`)
				}
			}
		}
	}
}

// decodeHTML decodes an HTML page: a BOM, then a forced encoding, then the page's own <meta>
// declaration, then the same detection as for plain text. The declaration is read as WHATWG's
// "prescan" reads it: a UTF-16 label in a <meta> means UTF-8 (the bytes a parser could read it
// from are not UTF-16), x-user-defined means windows-1252; and a page that declares a legacy
// charset but whose bytes are valid UTF-8 with some non-ASCII is read as UTF-8, with a note
// (a page re-saved as UTF-8 that kept its old declaration).
func decodeHTML(b []byte, forced Encoding) (text string, enc Encoding, note string, err error) {
	if forced != EncodingAuto || bytes.HasPrefix(b, bomUTF8) || bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) {
		text, enc, err = decode(b, forced)
		return text, enc, "", err
	}
	cs := metaCharset(b)
	if cs == "" {
		text, enc, err = decode(b, EncodingAuto)
		return text, enc, "", err
	}
	e, err := htmlindex.Get(cs)
	if err != nil {
		return "", "", "", fmt.Errorf("declares charset %q, which readout does not know: convert it to UTF-8 or pass --encoding", cs)
	}
	name, _ := htmlindex.Name(e)
	switch name {
	case "utf-16le", "utf-16be":
		name = "utf-8"
	case "x-user-defined":
		name = "windows-1252"
		e, _ = htmlindex.Get(name)
	}
	if name == "utf-8" {
		text, enc, err = decode(b, EncodingUTF8)
		return text, enc, "", err
	}
	if utf8.Valid(b) && !isASCII(b) {
		return string(b), EncodingUTF8, fmt.Sprintf("declares charset %s, but its bytes are valid UTF-8: read as UTF-8 (pass --encoding %s to read it as declared)", cs, name), nil
	}
	out, _, err := transform.Bytes(e.NewDecoder(), b)
	if err != nil {
		return "", "", "", fmt.Errorf("cannot be decoded as its declared charset %s: %v", name, err)
	}
	return string(out), Encoding(name), "", nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// skipped elements never contribute text: code, styling, and site navigation.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Head: true,
}

// code never holds text a reader sees.
var code = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true}

// block elements end a line.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Section: true, atom.Article: true, atom.Blockquote: true, atom.Pre: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Figcaption: true, atom.Hr: true,
	atom.Main: true, atom.Dd: true, atom.Dt: true,
}

// isBlock reports whether an element ends a line: an HTML block element, also one the
// main-content reader made (named, with no atom).
func isBlock(n *html.Node) bool {
	a := n.DataAtom
	if a == 0 {
		a = atom.Lookup([]byte(n.Data)) // made by the reader: the name only
	}
	return block[a]
}

// extractHTML reads a page: its metadata, and the text of its main content (reader HTMLMain)
// or of its whole body (HTMLPage), one block element to a line, entities decoded and runs of
// white space inside a line collapsed to one space.
func extractHTML(s string, reader HTMLReader) (htmlDoc, error) {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return htmlDoc{}, err
	}
	m := readMeta(root)
	d := htmlDoc{Author: m.author, Canonical: m.canonical, Lang: m.lang}
	page := pageText(root)
	d.Text = page
	visible := blockText(root, code)
	hiddenText := hiddenLines(root)
	d.Credit = pageCredit(visible) // the credit may stand in the page's header
	rule := "html-page"
	if reader != HTMLPage {
		if main := mainText(root, page, &m); main != "" { // the last reading of the tree: it prunes it
			d.Text, rule = main, "html-main"
		}
	}
	d.LeftOut = leftOut(visible, d.Text, rule)
	for _, l := range hiddenText {
		d.LeftOut = append(d.LeftOut, Removal{Rule: "html-hidden", Text: strings.Clone(l)})
	}
	d.Title, d.Outlet = m.titleAndSite()
	d.Date = m.date(page)
	if d.Author == "" {
		d.Author = m.byline
	}
	if by := Collapse(m.article.Byline()); by != "" && d.Author == "" {
		if _, _, agency, ok := ParseDateline(by + " --"); ok {
			d.Dateline, d.Credit = by, AgencyKey(agency) // a wire dateline the reader took for a byline
		} else {
			d.Author = cleanByline(by)
		}
	}
	return d, nil
}

// pageText is readout's own reader: the text of the body, block by block, without what is
// never article text (scripts, navigation, headers, footers, asides, forms).
func pageText(root *html.Node) string { return blockText(root, skipped) }

// blockText is the text of the blocks under root, a block to a line, but for the elements skip
// names.
func blockText(root *html.Node, skip map[atom.Atom]bool) string {
	var lines []string
	var cur strings.Builder
	flush := func() {
		line := strings.Join(strings.Fields(cur.String()), " ")
		if line != "" {
			lines = append(lines, line)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skip[n.DataAtom] || hidden(n) {
				return
			}
			if isBlock(n) {
				flush()
			}
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && isBlock(n) {
			flush()
		}
	}
	walk(root)
	flush()
	return strings.Join(lines, "\n")
}

// leftOut returns the lines of the page's visible text that the text read does not hold,
// each with rule (a line read as part of a longer one is held).
func leftOut(visible, read, rule string) []Removal {
	held := map[string]bool{}
	for _, l := range strings.Split(read, "\n") {
		held[l] = true
	}
	var out []Removal
	for _, l := range strings.Split(visible, "\n") {
		if l == "" || held[l] {
			continue
		}
		if len(out) < 5000 && strings.Contains(read, l) {
			continue // read inside a longer line
		}
		if n := datelineLen(l); n > 0 && strings.Contains(read, strings.TrimSpace(l[n:])) {
			continue // read, its wire dateline set apart as metadata
		}
		out = append(out, Removal{Rule: rule, Text: strings.Clone(l)}) // not a view of the page
	}
	return out
}

// hiddenLines returns the text of the page's hidden elements (hidden, display:none,
// aria-hidden …), a block to a line, but for code.
func hiddenLines(root *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && code[n.DataAtom] {
			return
		}
		if n.Type == html.ElementNode && hidden(n) {
			for _, l := range strings.Split(blockText(&html.Node{Type: html.DocumentNode, FirstChild: n.FirstChild, LastChild: n.LastChild}, code), "\n") {
				if l != "" {
					out = append(out, l)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// hidden reports whether an element is hidden by its own attributes (hidden, display:none,
// visibility:hidden, aria-hidden, input type=hidden).
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			st := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		case "type":
			if n.DataAtom == atom.Input && strings.EqualFold(a.Val, "hidden") {
				return true
			}
		}
	}
	return false
}

// mainText returns the text of the page's main content as go-readability (Mozilla's
// Readability algorithm) finds it, a block element to a line; "" when it finds none or under a
// tenth of the page's text. Hidden elements, templates, scripts and comment threads are taken
// out of the tree first (the algorithm reads no attribute or class for them): the tree is changed.
func mainText(root *html.Node, page string, m *pageMeta) string {
	prune(root)
	art, err := readability.FromDocument(root, nil)
	if err != nil || art.Node == nil {
		return ""
	}
	m.article = art
	text := pageText(art.Node)
	if len(text) < len(page)/10 {
		return ""
	}
	return text
}

// prune removes from the tree what is never the article: hidden elements, templates, and
// comment threads (an element whose id or class names comments).
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (hidden(c) || c.DataAtom == atom.Template || commentThread(c) ||
			c.DataAtom == atom.Script && !strings.EqualFold(attr(c, "type"), "application/ld+json")) {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
}

// commentThread reports whether an element holds a comment thread or form, by its id or
// class (comments, comment-list, commentlist, comments-area, respond).
func commentThread(n *html.Node) bool {
	for _, v := range append(strings.Fields(attr(n, "class")), attr(n, "id")) {
		v = strings.ToLower(v)
		base, _, _ := strings.Cut(v, "__") // comments__head: a part of the thread
		switch base {
		case "comments", "comment-list", "commentlist", "comments-area", "comment-respond", "respond", "comments-section":
			return true
		}
	}
	return false
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// pageCredit finds a short line of the page that credits an agency after a separator (نبض
// الشرق - وكالات، Staff / Reuters), the byline area of many sites.
func pageCredit(page string) string {
	for _, line := range strings.Split(page, "\n") {
		if len(strings.Fields(line)) > 14 {
			continue
		}
		for _, sep := range []string{" - ", " – ", " / ", " | "} {
			parts := strings.Split(line, sep)
			for _, part := range parts[1:] {
				words := strings.Fields(part)
				for n := min(3, len(words)); n >= 1; n-- {
					if k := agencies[textproc.Normalize(strings.Join(words[:n], " "))]; k != "" {
						return k
					}
				}
			}
		}
	}
	return ""
}
