package main

import (
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// seedFiles returns the seed corpus files (name → bytes) and the manifest.
func seedFiles(t *testing.T) (map[string][]byte, string) {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "corpus")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	m := string(files["manifest.csv"])
	delete(files, "manifest.csv")
	return files, m
}

// seedJSONL writes the seed articles as one JSONL file, in manifest order, each record with
// the manifest's id, date and title, and returns its path.
func seedJSONL(t *testing.T) string {
	t.Helper()
	files, manifest := seedFiles(t)
	rows, err := csv.NewReader(strings.NewReader(manifest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows[1:] { // file, id, date, title, ...
		rec, err := json.Marshal(map[string]string{"id": r[1], "date": r[2], "title": r[3], "text": string(files[r[0]])})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(rec)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "seeds.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeCorpus(t *testing.T, files map[string][]byte, manifest string) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// decorate adds a fatha after every third Arabic letter and a tatweel after every seventh
// letter that joins to the next, as a vocalized or stretched copy of an article would have.
func decorate(s string) string {
	var b strings.Builder
	n := 0
	rs := []rune(s)
	for i, r := range rs {
		b.WriteRune(r)
		if !unicode.Is(unicode.Arabic, r) || !unicode.IsLetter(r) {
			continue
		}
		n++
		if n%3 == 0 {
			b.WriteRune('\u064E')
		}
		if n%7 == 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && !strings.ContainsRune("اأإآدذرزوؤةى", r) {
			b.WriteRune('\u0640')
		}
	}
	return b.String()
}

func TestThemeCountsInvariant(t *testing.T) {
	files, manifest := seedFiles(t)
	base, stderr, code := runCmd(t, "themes", writeCorpus(t, files, manifest), "--by", "doc,speaker", "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	variants := map[string]func(name string, b []byte) (string, []byte){
		"diacritics and tatweel": func(name string, b []byte) (string, []byte) {
			return name, []byte(decorate(string(b)))
		},
		"windows-1256": func(name string, b []byte) (string, []byte) {
			// U+2033 (double prime, used once as a closing quote) has no Windows-1256 byte: the
			// closing quote ” stands in for it, which the sentence splitter treats the same way.
			s := strings.ReplaceAll(string(b), "″", "”")
			out, _, err := transform.Bytes(charmap.Windows1256.NewEncoder(), []byte(s))
			if err != nil {
				t.Fatal(err)
			}
			return name, out
		},
		"html": func(name string, b []byte) (string, []byte) {
			var h strings.Builder
			h.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title><script>var x='السيادة';</script></head><body><nav>الرئيسية | الأمم المتحدة</nav><article>\n")
			for _, line := range strings.Split(string(b), "\n") {
				h.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
			}
			h.WriteString("</article><footer>بريكس</footer></body></html>")
			return strings.TrimSuffix(name, ".txt") + ".html", []byte(h.String())
		},
	}
	// Files are analysed as they are read (loadEach); JSONL records are held in memory and
	// analysed after loading. Both give the same table.
	if got, stderr, _ := runCmd(t, "themes", seedJSONL(t), "--by", "doc,speaker", "--format", "csv"); got != base {
		t.Errorf("theme table of the seeds as JSONL differs from the same files on disk:\n%s\n%s", got, stderr)
	}
	for vname, f := range variants {
		t.Run(vname, func(t *testing.T) {
			out := map[string][]byte{}
			m := manifest
			for name, b := range files {
				n2, b2 := f(name, b)
				out[n2] = b2
				m = strings.ReplaceAll(m, name, n2)
			}
			got, stderr, code := runCmd(t, "themes", writeCorpus(t, out, m), "--by", "doc,speaker", "--format", "csv")
			if code != 0 {
				t.Fatal(stderr)
			}
			if got != base {
				t.Errorf("theme table differs from the plain UTF-8 corpus:\n%s\nwant\n%s", got, base)
			}
		})
	}
}
