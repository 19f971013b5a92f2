package reports

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The report's words — chart titles, headings, findings, notes, methods — are data: one file
// per language in lang/, every text keyed by a message id, with {name} placeholders for what a
// text shows. A third language is a new file with the same ids.
//
//go:embed lang/*.yaml
var langFS embed.FS

// Messages are the texts of one language.
type Messages struct {
	Lang string
	RTL  bool // the language reads right to left
	text map[string]string
}

type langFile struct {
	Lang     string            `yaml:"lang"`
	Dir      string            `yaml:"dir"`
	Messages map[string]string `yaml:"messages"`
}

// Languages returns the languages a report can be written in.
func Languages() []string {
	names, _ := fs.Glob(langFS, "lang/*.yaml")
	var out []string
	for _, n := range names {
		out = append(out, strings.TrimSuffix(path.Base(n), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// MessagesFor returns the texts of a language.
func MessagesFor(lang string) (*Messages, error) {
	b, err := langFS.ReadFile("lang/" + lang + ".yaml")
	if err != nil || lang == "" || strings.ContainsAny(lang, "/.") {
		return nil, fmt.Errorf("unsupported language %q: use %s", lang, strings.Join(Languages(), " or "))
	}
	var f langFile
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("lang/%s.yaml: %v", lang, err)
	}
	if f.Lang != lang {
		return nil, fmt.Errorf("lang/%s.yaml says it is %q", lang, f.Lang)
	}
	return &Messages{Lang: lang, RTL: f.Dir == "rtl", text: f.Messages}, nil
}

var placeholder = regexp.MustCompile(`\{([a-z_0-9]+)\}`)

// plural is a choice of word by a number, {name|one|other}: one when the value of name is 1,
// other otherwise ("{n} {n|article|articles}"). A language whose messages avoid the plural
// (Arabic's read «عدد المقالات {n}») need not use it.
var plural = regexp.MustCompile(`\{([a-z_0-9]+)\|([^{}|]*)\|([^{}|]*)\}`)

// arabicCount is Arabic's choice of a counted noun's form by the number, as CLDR's plural
// rules for Arabic set them, {name|one|two|few|many|other}: one for 1 (مقال), two for 2 (مقالان),
// few for 3–10 and the like after each hundred (مقالات), many for 11–99 (مقالا), other for 0,
// 100, 101, 102 … (مقال): «29 مقالا», «5 مقالات», «100 مقال».
var arabicCount = regexp.MustCompile(`\{([a-z_0-9]+)\|([^{}|]*)\|([^{}|]*)\|([^{}|]*)\|([^{}|]*)\|([^{}|]*)\}`)

// arabicForm returns the index (0 one … 4 other) of the form of n.
func arabicForm(n int) int {
	switch r := n % 100; {
	case n == 1:
		return 0
	case n == 2:
		return 1
	case r >= 3 && r <= 10:
		return 2
	case r >= 11:
		return 3
	}
	return 4
}

// Text returns message id with each {name} replaced by the value after name in args (pairs of
// a name and a value, printed with fmt.Sprint). An unknown id shows as itself, in brackets.
func (m *Messages) Text(id string, args ...any) string {
	t, ok := m.text[id]
	if !ok {
		return "[" + id + "]"
	}
	if len(args) == 0 {
		return t
	}
	vals := map[string]string{}
	for i := 0; i+1 < len(args); i += 2 {
		vals[fmt.Sprint(args[i])] = fmt.Sprint(args[i+1])
	}
	t = arabicCount.ReplaceAllStringFunc(t, func(p string) string {
		m := arabicCount.FindStringSubmatch(p)
		n, err := strconv.Atoi(vals[m[1]])
		if err != nil {
			return p
		}
		return m[2+arabicForm(max(n, -n))]
	})
	t = plural.ReplaceAllStringFunc(t, func(p string) string {
		m := plural.FindStringSubmatch(p)
		v, ok := vals[m[1]]
		switch {
		case !ok:
			return p
		case v == "1":
			return m[2]
		}
		return m[3]
	})
	return placeholder.ReplaceAllStringFunc(t, func(p string) string {
		if v, ok := vals[p[1:len(p)-1]]; ok {
			return v
		}
		return p
	})
}

// List joins items with the language's list separator (list.separator), a WORD JOINER after
// each space inside an item, so that no line ends inside one (a no-break space would do it too,
// but it is a separator to the bidi algorithm and moved the bracket of "النووية (G² 8.82)" to
// the Arabic word in an English line; the joiner is invisible to it). In a right-to-left
// language an item with no right-to-left letter (an English key term, "war (G² 9.63)") is
// closed by a LEFT-TO-RIGHT MARK and the separator after it opened by a RIGHT-TO-LEFT MARK:
// without them the Arabic comma, a weak character, joined the Latin items into one
// left-to-right run that read in reverse order, and the closing bracket of each took the
// paragraph's direction and was drawn mirrored.
func (m *Messages) List(items []string) string {
	sep := m.Text("list.separator")
	glued := make([]string, len(items))
	for i, it := range items {
		glued[i] = strings.ReplaceAll(it, " ", " \u2060") // no line break inside an item: "concerns (G²" | "6.02)"
	}
	items = glued
	if !m.RTL {
		return strings.Join(items, sep)
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(strings.TrimRight(sep, " "))
			b.WriteRune('\u200f')
			b.WriteString(sep[len(strings.TrimRight(sep, " ")):])
		}
		b.WriteString(it)
		if !BaseRTL(it) {
			b.WriteRune('\u200e')
		}
	}
	return b.String()
}

// Has reports whether the language has message id.
func (m *Messages) Has(id string) bool {
	_, ok := m.text[id]
	return ok
}

// IDs returns the message ids, sorted.
func (m *Messages) IDs() []string {
	out := make([]string, 0, len(m.text))
	for id := range m.text {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Placeholders returns the {name}s of a message, sorted.
func (m *Messages) Placeholders(id string) []string {
	var out []string
	for _, p := range placeholder.FindAllStringSubmatch(m.text[id], -1) {
		out = append(out, p[1])
	}
	for _, re := range []*regexp.Regexp{plural, arabicCount} {
		for _, p := range re.FindAllStringSubmatch(m.text[id], -1) {
			if !slices.Contains(out, p[1]) {
				out = append(out, p[1])
			}
		}
	}
	sort.Strings(out)
	return out
}
