package corpus

import (
	"encoding/json"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself: in its head (<title>, <meta>, <link>, JSON-LD),
// its first <h1>, and, once the main content is read, go-readability's article metadata.
type pageMeta struct {
	titleTag, ogTitle, h1, headline string
	outlet, author, canonical, lang string
	dates                           []string // structured publication dates, best first
	byline                          string   // the text of the page's byline element
	firstTime                       string   // the first <time datetime> of the page
	article                         readability.Article
}

// The <meta> names and properties that give a publication date, best first.
var dateMetaKeys = []string{"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
	"dc.date.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date"}

func readMeta(root *html.Node) pageMeta {
	var m pageMeta
	metaDates := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if l := attr(n, "lang"); l != "" {
					m.lang, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(l)), "-")
				}
			case atom.Title:
				if m.titleTag == "" {
					m.titleTag = Collapse(nodeText(n))
				}
				return
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					m.ogTitle = Collapse(val)
				case "og:site_name", "application-name":
					if m.outlet == "" {
						m.outlet = Collapse(val)
					}
				case "author", "article:author":
					if m.author == "" && !strings.Contains(val, "://") {
						m.author = Collapse(val)
					}
				}
				if val != "" && metaDates[key] == "" {
					metaDates[key] = val
				}
				return
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(attr(n, "type"), "application/ld+json") {
					m.jsonLD(nodeText(n))
				}
				return
			case atom.Time:
				if p := strings.ToLower(attr(n, "itemprop")); p == "datepublished" || hasAttr(n, "pubdate") {
					if v := attr(n, "datetime"); v != "" {
						metaDates["time"] = v
					}
				}
				if v := attr(n, "datetime"); v != "" && m.firstTime == "" {
					m.firstTime = v
				}
			case atom.A, atom.Span, atom.Div, atom.P:
				// a byline: rel=author, or a class naming the author's name
				if m.byline == "" && !hidden(n) && (strings.EqualFold(attr(n, "rel"), "author") || bylineClass(attr(n, "class"))) {
					m.byline = cleanByline(nodeText(n))
				}
			case atom.H1:
				if m.h1 == "" && !hidden(n) {
					m.h1 = Collapse(nodeText(n))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, k := range append(dateMetaKeys, "time") {
		if v := metaDates[k]; v != "" {
			m.dates = append(m.dates, v)
		}
	}
	return m
}

// jsonLD reads a JSON-LD block: an article's headline, publication date, author and
// publisher, also inside @graph or a list.
func (m *pageMeta) jsonLD(src string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			if !isArticleType(x["@type"]) {
				return
			}
			if h, ok := x["headline"].(string); ok && m.headline == "" {
				m.headline = Collapse(h)
			}
			if d, ok := x["datePublished"].(string); ok && d != "" {
				m.dates = append([]string{d}, m.dates...)
			}
			if m.author == "" {
				m.author = ldName(x["author"])
			}
			if m.outlet == "" {
				m.outlet = ldName(x["publisher"])
			}
		}
	}
	visit(v)
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "Report" || x == "BlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldName is the name of a JSON-LD person or organization (or of the first of a list).
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return Collapse(x)
	case map[string]any:
		if n, ok := x["name"].(string); ok {
			return Collapse(n)
		}
	case []any:
		if len(x) > 0 {
			return ldName(x[0])
		}
	}
	return ""
}

// titleAndSite returns the headline without the site's name — JSON-LD's headline, og:title,
// the first <h1>, <title>, or go-readability's, the first there is — and the site's name as the
// page writes it: og:site_name or the JSON-LD publisher, else what <title> adds to the headline
// (headline | site, site :: headline).
func (m *pageMeta) titleAndSite() (title, site string) {
	site = m.outlet
	if site == "" && !looksLikeHost(m.article.SiteName()) {
		site = m.article.SiteName()
	}
	known := m.headline // a headline with no site in it
	if known == "" {
		known = m.h1
	}
	if site == "" {
		site = siteOf(m.titleTag, known)
	}
	if site == "" {
		site = siteOf(m.ogTitle, known)
	}
	for _, t := range []string{m.headline, m.ogTitle, m.h1, m.titleTag, m.article.Title()} {
		if t = stripSite(t, site); t != "" && !strings.EqualFold(t, site) {
			return t, site
		}
	}
	return "", site
}

func looksLikeHost(s string) bool { return strings.Contains(s, ".") && !strings.Contains(s, " ") }

// siteSeparators stand between a headline and a site's name in <title> and og:title.
var siteSeparators = []string{" | ", " :: ", " - ", " – ", " — ", " « ", " » ", " · ", "_", "|"}

// siteOf finds the site's name in a title: what stands on the other side of a separator from
// the known headline, or, with no headline known, a side of at most four words across " | ",
// " :: " or "_" from a side of more than four.
func siteOf(t, known string) string {
	t = Collapse(t)
	for _, sep := range siteSeparators {
		a, b, ok := strings.Cut(t, sep)
		if !ok {
			continue
		}
		if k := strings.LastIndex(t, sep); known == "" && k > len(a) {
			a, b = t[:k], t[k+len(sep):] // the last separator: headline | section | site
		}
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		switch {
		case known != "" && a == known:
			return b
		case known != "" && b == known:
			return a
		case known == "" && (sep == " | " || sep == " :: " || sep == "_"):
			if wa, wb := len(strings.Fields(a)), len(strings.Fields(b)); wb <= 4 && wa > 4 {
				return b
			} else if wa <= 4 && wb > 4 {
				return a
			}
		}
	}
	return ""
}

// stripSite removes a site's name from a title, after or before a separator.
func stripSite(t, site string) string {
	t = Collapse(t)
	if site = Collapse(site); site == "" || site == t {
		return t
	}
	for _, sep := range siteSeparators {
		if rest, ok := strings.CutSuffix(t, sep+site); ok {
			return strings.TrimSpace(rest)
		}
		if rest, ok := strings.CutPrefix(t, site+sep); ok {
			return strings.TrimSpace(rest)
		}
	}
	return t
}

// date returns the publication date the page states: a structured one (JSON-LD, <meta>, a
// <time> marked as the publication's), else a line of the page's text that says it is the
// publication date (نشر بتاريخ: …, Published on …), else go-readability's.
func (m *pageMeta) date(pageText string) string {
	for _, d := range m.dates {
		if _, err := ParseDate(firstField(d)); err == nil {
			return d
		}
	}
	for _, line := range strings.Split(pageText, "\n") {
		if !publishedLine(line) {
			continue
		}
		if t, ok := findDate(line); ok {
			return t.Format("2006-01-02")
		}
	}
	if _, err := ParseDate(firstField(m.firstTime)); err == nil {
		return m.firstTime // the first <time> of the page: the article's, on most
	}
	if t, err := m.article.PublishedTime(); err == nil && !t.IsZero() {
		return t.UTC().Format(time.DateOnly)
	}
	return ""
}

// publishedLine reports whether a line of a page says when it was published.
func publishedLine(line string) bool {
	if len(line) > 200 {
		return false
	}
	l := strings.ToLower(line)
	for _, p := range []string{"نشر بتاريخ", "تاريخ النشر", "نشر في", "نُشر في", "published", "posted on", "first published"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// bylineClass reports whether a class attribute names a byline's author (author-name,
// td-post-author-name, byline__name …), not a box about the author.
func bylineClass(class string) bool {
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if strings.Contains(c, "author-name") || strings.Contains(c, "byline__name") || c == "byline-name" || c == "author__name" {
			return true
		}
	}
	return false
}

// cleanByline is a byline's name without "By", بقلم or كتب before it.
func cleanByline(s string) string {
	s = Collapse(s)
	for _, p := range []string{"By ", "by ", "بقلم:", "بقلم", "كتب:", "كتبت:", "كتب", "كتبت"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	s = strings.Trim(s, " -–—|·,:؛")
	if len(strings.Fields(s)) > 6 {
		return "" // a sentence, not a name
	}
	return s
}
