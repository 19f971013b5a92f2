package dictionary

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// parseYAML reads a quanteda dictionary: a mapping of keys to lists of patterns, or to mappings
// of the same kind (Newsmap: region > subregion > country). Each key with patterns is a
// category.
func parseYAML(b []byte, file string, f Format) (*Dict, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, &Error{File: file, Line: line, Msg: "invalid YAML: " + msg}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		line := 0
		if len(doc.Content) > 0 {
			line = doc.Content[0].Line
		}
		return nil, &Error{File: file, Line: line, Msg: "a quanteda dictionary is a mapping of keys to lists of words (economy: [deficit, tax*])"}
	}
	d := &Dict{Format: f}
	if err := d.mapping(doc.Content[0], nil, file); err != nil {
		return nil, err
	}
	if len(d.Categories) == 0 {
		return nil, &Error{File: file, Msg: "the dictionary has no category with words"}
	}
	return d, nil
}

func (d *Dict) mapping(n *yaml.Node, path []string, file string) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || strings.TrimSpace(k.Value) == "" {
			return &Error{File: file, Line: k.Line, Msg: "a key must be a non-empty string"}
		}
		if err := d.value(v, append(path[:len(path):len(path)], strings.TrimSpace(k.Value)), k.Line, file); err != nil {
			return err
		}
	}
	return nil
}

// value reads what a key holds: patterns, or keys below it.
func (d *Dict) value(v *yaml.Node, path []string, line int, file string) error {
	c := Category{Path: path, Line: line}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag != "!!null" {
			c.Patterns, c.Lines = append(c.Patterns, v.Value), append(c.Lines, v.Line)
		}
	case yaml.SequenceNode:
		for _, item := range v.Content {
			switch item.Kind {
			case yaml.ScalarNode:
				c.Patterns, c.Lines = append(c.Patterns, item.Value), append(c.Lines, item.Line)
			case yaml.MappingNode:
				if err := d.mapping(item, path, file); err != nil {
					return err
				}
			default:
				return &Error{File: file, Line: item.Line, Msg: fmt.Sprintf("%s: each item must be a word, a phrase or a key with words", strings.Join(path, " > "))}
			}
		}
	case yaml.MappingNode:
		return d.mapping(v, path, file)
	default:
		return &Error{File: file, Line: v.Line, Msg: fmt.Sprintf("%s: give a list of words", strings.Join(path, " > "))}
	}
	if len(c.Patterns) > 0 {
		d.Categories = append(d.Categories, c)
	} else {
		d.Notes = append(d.Notes, Note{File: file, Line: line, Msg: fmt.Sprintf("%s has no words: left out", strings.Join(path, " > "))})
	}
	return nil
}

// parseLIWC reads a LIWC .dic file: between two lines of %, one category a line (number, then
// name); after them, one entry a line (a word or phrase, then the numbers of its categories),
// separated by tabs or spaces.
func parseLIWC(b []byte, file string) (*Dict, error) {
	lines := strings.Split(strings.TrimPrefix(string(b), "\ufeff"), "\n")
	d := &Dict{Format: LIWC}
	byNum := map[string]int{} // category number → index in d.Categories
	section := 0              // 0 before the first %, 1 in the categories, 2 in the entries
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r")
		s := strings.TrimSpace(line)
		if s == "" {
			continue
		}
		n := i + 1
		if s == "%" {
			if section == 2 {
				return nil, &Error{File: file, Line: n, Msg: "a third % line: a LIWC dictionary has one category section, between two % lines"}
			}
			section++
			continue
		}
		switch section {
		case 0:
			return nil, &Error{File: file, Line: n, Msg: "a LIWC dictionary starts with a % line, then its categories (number, tab, name), then % and the words"}
		case 1:
			f := strings.Fields(s)
			if len(f) < 2 || !isNumber(f[0]) {
				return nil, &Error{File: file, Line: n, Msg: fmt.Sprintf("want a category as NUMBER<TAB>NAME, not %q", s)}
			}
			if _, dup := byNum[f[0]]; dup {
				return nil, &Error{File: file, Line: n, Msg: fmt.Sprintf("category number %s is defined twice", f[0])}
			}
			byNum[f[0]] = len(d.Categories)
			d.Categories = append(d.Categories, Category{Path: []string{strings.Join(f[1:], " ")}, Line: n})
		case 2:
			word, nums, err := liwcEntry(line)
			if err != "" {
				d.Notes = append(d.Notes, Note{File: file, Line: n, Msg: err + ": left out"})
				continue
			}
			for _, num := range nums {
				ci, ok := byNum[num]
				if !ok {
					d.Notes = append(d.Notes, Note{File: file, Line: n, Msg: fmt.Sprintf("%q is in category %s, which the category section does not define: left out of it", word, num)})
					continue
				}
				c := &d.Categories[ci]
				c.Patterns, c.Lines = append(c.Patterns, word), append(c.Lines, n)
			}
		}
	}
	if section < 2 {
		return nil, &Error{File: file, Msg: "no word section: a LIWC dictionary has two % lines, its categories between them and its words after"}
	}
	kept := d.Categories[:0]
	for _, c := range d.Categories {
		if len(c.Patterns) > 0 {
			kept = append(kept, c)
		} else {
			d.Notes = append(d.Notes, Note{File: file, Line: c.Line, Msg: fmt.Sprintf("category %s has no words: left out", c.Name())})
		}
	}
	d.Categories = kept
	if len(d.Categories) == 0 {
		msg := "the dictionary has no category with words"
		for _, n := range d.Notes {
			if !strings.Contains(n.Msg, "has no words") {
				msg += " (first left out: " + n.String() + ")"
				break
			}
		}
		return nil, &Error{File: file, Msg: msg}
	}
	return d, nil
}

// liwcEntry splits an entry line into its word or phrase and its category numbers. With tabs,
// the first field is the word (which may hold spaces: a phrase); without, the trailing numbers
// are the categories. LIWC 2007's conditional entries ("like (02 134)125/464") are refused.
func liwcEntry(line string) (string, []string, string) {
	var word string
	var rest []string
	if strings.Contains(line, "\t") {
		f := strings.Split(line, "\t")
		word = strings.TrimSpace(f[0])
		for _, x := range f[1:] {
			rest = append(rest, strings.Fields(x)...)
		}
	} else {
		f := strings.Fields(line)
		j := len(f)
		for j > 1 && isNumber(f[j-1]) {
			j--
		}
		word, rest = strings.Join(f[:j], " "), f[j:]
	}
	if strings.ContainsAny(strings.Join(rest, " "), "()/") {
		return "", nil, fmt.Sprintf("%q has a context-dependent category (LIWC 2007's (a b)c/d), which readout cannot match; give it plain category numbers to keep it", word)
	}
	if word == "" || len(rest) == 0 {
		return "", nil, fmt.Sprintf("want WORD<TAB>CATEGORY…, not %q", strings.TrimSpace(line))
	}
	for _, x := range rest {
		if !isNumber(x) {
			return "", nil, fmt.Sprintf("%q: category %q is not a number", word, x)
		}
	}
	return word, rest, ""
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
