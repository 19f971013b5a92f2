package corpus

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// htmlDoc is what readout takes from an HTML page.
type htmlDoc struct {
	Text  string // the text of the body, a block element per line
	Title string // <title>, else the first <h1>
	Date  string // article:published_time, <meta name="date">, or the first <time datetime>
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
// declaration, then the same detection as for plain text.
func decodeHTML(b []byte, forced Encoding) (string, Encoding, error) {
	if forced != EncodingAuto || bytes.HasPrefix(b, bomUTF8) || bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) {
		return decode(b, forced)
	}
	if cs := metaCharset(b); cs != "" {
		enc, err := htmlindex.Get(cs)
		if err != nil {
			return "", "", fmt.Errorf("declares charset %q, which readout does not know: convert it to UTF-8 or pass --encoding", cs)
		}
		name, _ := htmlindex.Name(enc)
		if name == "utf-8" {
			return decode(b, EncodingUTF8)
		}
		out, _, err := transform.Bytes(enc.NewDecoder(), b)
		if err != nil {
			return "", "", fmt.Errorf("cannot be decoded as its declared charset %s: %v", name, err)
		}
		return string(out), Encoding(name), nil
	}
	return decode(b, EncodingAuto)
}

// skipped elements never contribute text: code, styling, and site navigation.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Select: true,
	atom.Head: true,
}

// block elements end a line.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Section: true, atom.Article: true, atom.Blockquote: true, atom.Pre: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Figcaption: true, atom.Hr: true,
	atom.Main: true, atom.Dd: true, atom.Dt: true,
}

// extractHTML returns the text of a page's body, one block element to a line, with entities
// decoded and runs of white space inside a line collapsed to one space.
func extractHTML(s string) (htmlDoc, error) {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return htmlDoc{}, err
	}
	var d htmlDoc
	var lines []string
	var cur strings.Builder
	flush := func() {
		line := strings.Join(strings.Fields(cur.String()), " ")
		if line != "" {
			lines = append(lines, line)
		}
		cur.Reset()
	}
	var h1 string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if d.Title == "" {
					d.Title = strings.Join(strings.Fields(nodeText(n)), " ")
				}
				return
			case atom.Meta:
				if d.Date == "" {
					key := strings.ToLower(attr(n, "property") + attr(n, "name"))
					switch key {
					case "article:published_time", "date", "dc.date", "pubdate", "publishdate":
						d.Date = attr(n, "content")
					}
				}
				return
			case atom.Time:
				if d.Date == "" {
					d.Date = attr(n, "datetime")
				}
			case atom.H1:
				if h1 == "" {
					h1 = strings.Join(strings.Fields(nodeText(n)), " ")
				}
			}
			if skipped[n.DataAtom] && n.DataAtom != atom.Head {
				return
			}
			if n.DataAtom == atom.Head {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && (c.DataAtom == atom.Title || c.DataAtom == atom.Meta) {
						walk(c)
					}
				}
				return
			}
			if block[n.DataAtom] {
				flush()
			}
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && block[n.DataAtom] {
			flush()
		}
	}
	walk(root)
	flush()
	if d.Title == "" {
		d.Title = h1
	}
	d.Text = strings.Join(lines, "\n")
	return d, nil
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
