package dictionary

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/readout/readout/textproc"
)

// ImportOptions say how to make a readout lexicon of a dictionary.
type ImportOptions struct {
	Name string // the lexicon's name; the file's when empty
	File string // the dictionary's file name, for notes
	// Speakers appends the built-in lexicon's speaker rules and formulations, so that the new
	// lexicon still attributes statements to Xi and Putin; without them every statement is
	// unattributed.
	Speakers bool
}

// Lexicon writes d as a readout lexicon (YAML): one theme a category, its id made of the
// category's keys (lower-case ASCII letters, digits and _; theme_N when a key has none), its
// label the last key, and its terms the patterns readout can match. The notes say what was
// left out and why.
func (d *Dict) Lexicon(o ImportOptions) ([]byte, []Note) {
	notes := append([]Note(nil), d.Notes...)
	name := o.Name
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(o.File), filepath.Ext(o.File))
	}
	if name == "" || name == "." {
		name = "imported"
	}
	themes := &yaml.Node{Kind: yaml.SequenceNode}
	used := map[string]bool{}
	inTheme := map[string]string{} // a term's normalized words → the first theme that has it
	shared := 0
	for i, c := range d.Categories {
		want := themeID(c.Path, i+1)
		id := uniqueID(want, used)
		if id != want || want == fmt.Sprintf("theme_%d", i+1) || strings.HasPrefix(want, "t_") {
			why := "a theme id is lower-case ASCII letters, digits and _, beginning with a letter"
			if id != want {
				why = "another category has the id " + want
			}
			notes = append(notes, Note{File: o.File, Line: c.Line, Msg: fmt.Sprintf("%s is theme %s (%s; its label keeps the key)", c.Name(), id, why)})
		}
		leaf := c.Path[len(c.Path)-1]
		lang := "en"
		if hasArabic(leaf) {
			lang = "ar"
		}
		terms := &yaml.Node{Kind: yaml.SequenceNode}
		seen := map[string]bool{}
		for j, p := range c.Patterns {
			line := c.Line
			if j < len(c.Lines) && c.Lines[j] > 0 {
				line = c.Lines[j]
			}
			term, reason := pattern(p)
			if reason != "" {
				notes = append(notes, Note{File: o.File, Line: line, Msg: fmt.Sprintf("%s: %q left out: %s", c.Name(), p, reason)})
				continue
			}
			cp, err := textproc.CompilePhrase(term)
			if err != nil {
				notes = append(notes, Note{File: o.File, Line: line, Msg: fmt.Sprintf("%s: %q left out: %v", c.Name(), p, err)})
				continue
			}
			key := strings.Join(cp.Words, " ")
			if seen[key] {
				continue // the same term once normalized (Energy, energy)
			}
			seen[key] = true
			if first, ok := inTheme[key]; ok && first != id {
				shared++
			} else if !ok {
				inTheme[key] = id
			}
			terms.Content = append(terms.Content, str(term))
		}
		if len(terms.Content) == 0 {
			notes = append(notes, Note{File: o.File, Line: c.Line, Msg: fmt.Sprintf("%s: no pattern readout can match: the category is left out", c.Name())})
			continue
		}
		theme := mapping("id", str(id), "labels", mapping(lang, str(leaf)))
		if len(c.Path) > 1 {
			theme.Content = append(theme.Content, str("description"), str(c.Name()))
		}
		theme.Content = append(theme.Content, str("terms"), terms)
		themes.Content = append(themes.Content, theme)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# readout lexicon made by 'readout lexicon import' from %s (%s dictionary).\n", filepath.Base(o.File), d.Format)
	b.WriteString("# Patterns are matched as readout matches terms: normalized, with Arabic clitics allowed.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	root := mapping("name", str(name), "version", str("1"))
	if shared > 0 {
		root.Content = append(root.Content, str("overlap"), str("allowed"))
		notes = append(notes, Note{File: o.File, Msg: fmt.Sprintf("%d term(s) in more than one category: kept in each (overlap: allowed), so a mention counts in every theme that has it", shared)})
	}
	root.Content = append(root.Content, str("themes"), themes)
	if err := enc.Encode(root); err != nil {
		panic(err) // a tree of strings always encodes
	}
	enc.Close()
	if o.Speakers {
		def := textproc.DefaultLexiconYAML()
		if i := bytes.Index(def, []byte("\nspeakers:")); i >= 0 {
			b.WriteString("\n# The built-in lexicon's speaker rules and formulations (readout lexicon show).\n")
			b.Write(def[i+1:])
		}
	} else {
		notes = append(notes, Note{File: o.File, Msg: "no speaker rules: every statement will be unattributed (import with speakers to keep the built-in ones)"})
	}
	return b.Bytes(), notes
}

// Export writes a lexicon's themes as a dictionary in format f (Quanteda or LIWC); the notes
// say what the format cannot carry.
func Export(lx *textproc.Lexicon, f Format) ([]byte, []Note, error) {
	var notes []Note
	arabic, excl, latin := 0, 0, 0
	var verbs []string
	type cat struct {
		id    string
		words []string
	}
	var cats []cat
	for _, t := range lx.Themes {
		c := cat{id: t.ID}
		for _, p := range t.Terms {
			if hasArabic(p.Text) {
				arabic++
			} else {
				latin++
			}
			forms := []string{p.Text}
			if p.Verb {
				verbs = append(verbs, p.Text)
				forms = verbForms(p.Text)
			}
			for _, w := range forms {
				if !slices.Contains(c.words, w) {
					c.words = append(c.words, w)
				}
			}
		}
		excl += len(t.Exclude)
		cats = append(cats, c)
	}
	var b bytes.Buffer
	switch f {
	case Quanteda, Newsmap:
		fmt.Fprintf(&b, "# quanteda dictionary of readout lexicon %q: one key a theme; read it with\n# quanteda::dictionary(file = \"FILE.yml\")\n", lx.Name)
		root := &yaml.Node{Kind: yaml.MappingNode}
		for _, c := range cats {
			words := &yaml.Node{Kind: yaml.SequenceNode}
			for _, w := range c.words {
				words.Content = append(words.Content, str(w))
			}
			root.Content = append(root.Content, str(c.id), words)
		}
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(root); err != nil {
			return nil, nil, err
		}
		enc.Close()
	case LIWC:
		b.WriteString("%\n")
		for i, c := range cats {
			fmt.Fprintf(&b, "%d\t%s\n", i+1, c.id)
		}
		b.WriteString("%\n")
		var order []string
		nums := map[string][]string{}
		for i, c := range cats {
			for _, w := range c.words {
				if _, ok := nums[w]; !ok {
					order = append(order, w)
				}
				nums[w] = append(nums[w], strconv.Itoa(i+1))
			}
		}
		for _, w := range order {
			fmt.Fprintf(&b, "%s\t%s\n", w, strings.Join(nums[w], "\t"))
		}
	default:
		return nil, nil, fmt.Errorf("unknown dictionary format %q: use quanteda or liwc", f)
	}
	if arabic > 0 {
		notes = append(notes, Note{Msg: fmt.Sprintf("%d Arabic spellings: %s matches whole tokens, so a word with a clitic (والسيادة، بالسيادة، سيادتهما) or in the indefinite accusative (تنسيقا) is found only in text segmented first; readout's clitic rules are not carried over", arabic, f)})
	}
	if latin > 0 {
		notes = append(notes, Note{Msg: fmt.Sprintf("%d English spellings: %s matches them as written, so partnerships does not match partnership nor China's China; add the plural or a trailing * where you need it", latin, f)})
	}
	if len(verbs) > 0 {
		ex := verbForms(verbs[0])
		notes = append(notes, Note{Msg: fmt.Sprintf("%d verbs (%s) written out as the forms of their first word: %s", len(verbs), strings.Join(verbs, ", "), strings.Join(ex, ", "))})
	}
	if excl > 0 {
		notes = append(notes, Note{Msg: fmt.Sprintf("%d exclusions not carried over (%s has no contexts in which a match does not count): expect more matches, e.g. security in \"Security Council\"", excl, f)})
	}
	if len(lx.Actors) > 0 {
		notes = append(notes, Note{Msg: "speaker rules and formulations not carried over: they are readout's own"})
	}
	return b.Bytes(), notes, nil
}

// verbForms writes out an English verb term as the forms of its first word: vow, vows, vowed,
// vowing; oppose, opposes, opposed, opposing.
func verbForms(term string) []string {
	first, rest, _ := strings.Cut(term, " ")
	if rest != "" {
		rest = " " + rest
	}
	stem := strings.TrimSuffix(first, "e")
	ed, s := stem+"ed", first+"s"
	if strings.HasSuffix(first, "y") && len(first) > 2 && !strings.ContainsRune("aeiou", rune(first[len(first)-2])) {
		ed, s = strings.TrimSuffix(first, "y")+"ied", strings.TrimSuffix(first, "y")+"ies"
	}
	var out []string
	for _, w := range []string{first, s, ed, stem + "ing"} {
		out = append(out, w+rest)
	}
	return out
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// themeID makes a theme id of a key path: lower-case ASCII, runs of anything else as _.
func themeID(path []string, n int) string {
	var parts []string
	for _, k := range path {
		if p := strings.Trim(nonID.ReplaceAllString(strings.ToLower(foldAccents(k)), "_"), "_"); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("theme_%d", n)
	}
	id := strings.Join(parts, "_")
	if id[0] >= '0' && id[0] <= '9' {
		id = "t_" + id // an id begins with a letter
	}
	return id
}

// foldAccents writes Latin letters without their accents: Économie → Economie.
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func uniqueID(id string, used map[string]bool) string {
	out := id
	for i := 2; used[out]; i++ {
		out = fmt.Sprintf("%s_%d", id, i)
	}
	used[out] = true
	return out
}

func hasArabic(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) >= 0
}

// str is a string node, quoted when a YAML 1.1 reader (R's yaml, PyYAML: what quanteda users
// read with) would take it for a boolean or null: no, yes, on, off, y, n, true, false, null, ~.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch strings.ToLower(s) {
	case "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~", "":
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i < len(kv); i += 2 {
		n.Content = append(n.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return n
}
