package textproc

import (
	"fmt"
	"strings"
)

// CompilePhrase compiles a search phrase the way lexicon terms are compiled: normalized words,
// proclitics allowed on the first, suffixes on any, * as a trailing wildcard.
func CompilePhrase(s string) (*Pattern, error) {
	words := phraseWords(s)
	if len(words) == 0 {
		return nil, fmt.Errorf("search term %q has no letters or digits", s)
	}
	return (&Pattern{Term: s, Text: s, Words: words}).prepare(), nil
}

// phraseWords returns the normalized words of a term or phrase; a trailing * on a word is kept
// as a wildcard mark.
func phraseWords(s string) []string {
	var words []string
	for _, f := range strings.Fields(s) {
		n := len(words)
		for _, tok := range Tokenize(f) {
			if w := Normalize(f[tok.Start:tok.End]); w != "" {
				words = append(words, w)
			}
		}
		if strings.HasSuffix(f, "*") && len(words) > n {
			words[len(words)-1] += "*"
		}
	}
	return words
}

// Find returns the occurrences of a phrase in the document, leftmost-longest, within
// sentences. Theme is empty in the matches.
func (d *Doc) Find(p *Pattern) []Match {
	ix := newIndex([]*Pattern{p})
	var out []Match
	for _, h := range longest(ix.find(d.forms)) {
		si := d.sentOf[h.start]
		if si < 0 || si != d.sentOf[h.end-1] {
			continue
		}
		out = append(out, Match{Term: p.Term, Spelling: p.Text, p: p, Sentence: si, TokStart: h.start, TokEnd: h.end,
			Start: d.Tokens[h.start].Start, End: d.Tokens[h.end-1].End})
	}
	return out
}

// ThemeCovered marks the tokens some theme term matches, whether or not the match counts as a
// mention (an exclusion overlaps it, or it is a gloss in parentheses): the words the lexicon
// already has. It needs a document made by an Analyzer.
func (d *Doc) ThemeCovered() []bool {
	out := make([]bool, len(d.forms))
	for i, f := range d.forms {
		if f.cands == nil {
			continue
		}
		for _, p := range f.cands[themeIdx] {
			if end, ok := matchRest(d.forms, i, p); ok {
				for t := i; t < end; t++ {
					out[t] = true
				}
			}
		}
	}
	return out
}
