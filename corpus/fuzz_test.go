package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The manifest parser never panics and reports problems with line numbers.
func FuzzParseManifest(f *testing.F) {
	f.Add("file,id,date\na.txt,a,2022-01-01\n")
	f.Add("file\n\"a.txt\n")
	f.Add("\ufefffile,id\n,,\nx,y,z\n")
	f.Fuzz(func(t *testing.T, s string) {
		entries, probs := parseManifest(s, "m.csv")
		for _, p := range probs {
			if p.Path != "m.csv" {
				t.Fatalf("problem names %q", p.Path)
			}
		}
		for _, e := range entries {
			if e.File == "" {
				t.Fatal("entry without a file")
			}
		}
	})
}

// The JSONL reader never panics; every bad line is a problem, every good one a document.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{\"text\":\"نص\"}\n{bad}\n"))
	f.Add([]byte("{\"text\":\"a\",\"date\":\"x\"}\n[1,2]\n\"s\"\n"))
	f.Add([]byte("\xff\xfe{\"text\":1}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, _ := CompileRules(DefaultRules())
		l := &loader{opt: Options{Rules: rs}, seenFile: map[string]string{}}
		l.jsonl(b, "d.jsonl", "d.jsonl")
		for _, d := range l.docs {
			if strings.TrimSpace(d.Text) == "" || d.ID == "" {
				t.Fatalf("document %+v", d)
			}
		}
	})
}

// HTML decoding and extraction never panic and give valid UTF-8.
func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><head><meta charset=\"windows-1256\"></head><body><p>\xe3\xd1\xcd\xc8\xc7</p><script>x</script></body></html>"))
	f.Add([]byte("<p>a<br>b</p><nav>x</nav>&amp;&#x627;"))
	f.Add([]byte("<meta http-equiv=content-type content='text/html; charset=nosuch'>"))
	f.Add([]byte("<meta charset=utf-16><p>ascii page</p>"))
	f.Add([]byte("<meta charset=x-user-defined><p>\x80\xff</p><textarea>t</textarea><div hidden>h</div>"))
	f.Add([]byte(strings.Repeat("<div>", 600) + "deep"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, _, _, err := readText(b, "x.html", EncodingAuto, HTMLMain)
		if err == nil && !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 from %q", b)
		}
	})
}

// Plain-text decoding never panics and gives valid UTF-8 or an error.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("\xef\xbb\xbfنص"))
	f.Add([]byte("\xff\xfe\x41\x00"))
	f.Add([]byte("\xe3\xd1\xcd\xc8\xc7 \xc7\xe1\xda\xc7\xe1\xe3"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := decode(b, EncodingAuto)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 from %q", b)
		}
	})
}
