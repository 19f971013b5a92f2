package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The saved pages of testdata/pages were written for readout: invented sites, markup and
// furniture in nine layouts (semantic HTML5, WordPress div soup, AMP, an agency wire page, a
// portal with a comment thread, an English agency story, JSON-LD and og: metadata, hidden
// elements, a Windows-1256 table layout), with the seed articles as their body text. Each
// NAME.expected.json says what a careful reader takes from the page.
type pageExpect struct {
	Title, Date, Outlet, Author, Canonical, Lang, Credit string
	Body                                                 []string
}

func readPageExpect(t *testing.T, path string) pageExpect {
	t.Helper()
	b, err := os.ReadFile(strings.TrimSuffix(path, ".html") + ".expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var e pageExpect
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// bodyScores returns the share of kept lines that are article text (a body paragraph, or part
// of one, or the headline) and the share of body paragraphs kept whole.
func bodyScores(kept, title string, body []string) (precision, recall float64) {
	var lines []string
	for _, l := range strings.Split(kept, "\n") {
		if l = Collapse(l); l != "" {
			lines = append(lines, l)
		}
	}
	var paras []string
	for _, p := range body {
		p = Collapse(p)
		paras = append(paras, strings.TrimSpace(p[datelineLen(p):])) // the dateline leaves the text for the metadata
	}
	article := 0
	for _, l := range lines {
		if l == Collapse(title) {
			article++
			continue
		}
		for _, p := range paras {
			if strings.Contains(p, l) {
				article++
				break
			}
		}
	}
	all := strings.Join(lines, " ")
	found := 0
	for _, p := range paras {
		if strings.Contains(all, p) {
			found++
		}
	}
	return float64(article) / float64(max(1, len(lines))), float64(found) / float64(max(1, len(paras)))
}

func TestSavedPages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	if len(files) < 9 {
		t.Fatalf("%d pages", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want := readPageExpect(t, f)
			c, err := Load([]string{f}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := c.Docs[0]
			got := pageExpect{Title: d.Title, Date: d.Date.Format("2006-01-02"), Outlet: d.Source, Author: d.Author,
				Canonical: d.URL, Lang: string(d.Language), Credit: d.Credit}
			for _, c := range []struct{ what, got, want string }{
				{"title", got.Title, Collapse(want.Title)}, {"date", got.Date, want.Date}, {"outlet", got.Outlet, want.Outlet},
				{"author", got.Author, want.Author}, {"canonical", got.Canonical, want.Canonical}, {"language", got.Lang, want.Lang},
				{"credit", got.Credit, want.Credit},
			} {
				if c.got != c.want {
					t.Errorf("%s %q, want %q", c.what, c.got, c.want)
				}
			}
			// nothing is dropped in silence: every line a reader of the page sees is read or
			// listed as left out, and no article paragraph is listed
			b, _ := os.ReadFile(f)
			src, _, _, err := decodeHTML(b, EncodingAuto)
			if err != nil {
				t.Fatal(err)
			}
			root, err := html.Parse(strings.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			left := map[string]bool{}
			for _, r := range d.LeftOut {
				left[r.Text] = true
				for _, para := range want.Body {
					if strings.Contains(Collapse(para), r.Text) && len(r.Text) > 40 {
						t.Errorf("an article line is listed as left out (%s): %q", r.Rule, r.Text)
					}
				}
			}
			for _, l := range strings.Split(blockText(root, code), "\n") {
				if n := datelineLen(l); n > 0 && d.Dateline != "" {
					l = strings.TrimSpace(l[n:]) // read, its dateline set apart as metadata
				}
				if l != "" && !left[l] && !strings.Contains(d.Text, l) {
					t.Errorf("the page's line %q is neither read nor listed as left out", l)
				}
			}
			if len(d.LeftOut) == 0 {
				t.Errorf("no line of the page's furniture is listed as left out")
			}
			if filepath.Base(f) == "hidden-elements.html" && !slices.ContainsFunc(d.LeftOut, func(r Removal) bool { return r.Rule == "html-hidden" }) {
				t.Errorf("the page's hidden elements are not listed: %v", d.LeftOut)
			}
			p, r := bodyScores(d.Clean, want.Title, want.Body)
			t.Logf("kept lines that are article text %.2f, article paragraphs kept %.2f", p, r)
			if p < 0.97 || r < 0.98 {
				t.Errorf("article text %.2f of the kept lines (want ≥ 0.97), %.2f of the paragraphs kept (want ≥ 0.98)\n%s", p, r, d.Clean)
			}
		})
	}
}

// The page reader keeps what the main-content reader leaves out: it is the fallback, and
// --html page.
func TestSavedPageWholeText(t *testing.T) {
	f := filepath.Join("testdata", "pages", "div-soup-wordpress.html")
	main, err := Load([]string{f}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := Load([]string{f}, Options{HTML: HTMLPage})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Docs[0].Text) <= len(main.Docs[0].Text) || page.Docs[0].Title != main.Docs[0].Title {
		t.Errorf("page reader %d bytes, main %d; titles %q, %q", len(page.Docs[0].Text), len(main.Docs[0].Text), page.Docs[0].Title, main.Docs[0].Title)
	}
}
