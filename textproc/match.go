package textproc

import (
	"slices"
	"strings"
)

// form is a token prepared for matching: its normalized text and, for Arabic, its clitic
// readings.
type form struct {
	raw    string // the word as written, when made by an Analyzer
	norm   string
	arabic bool
	an     []Analysis // Arabic readings; for Latin tokens, the de-inflected forms as Cores
	// leanFor is set, and an dropped, when no word but the first of any pattern of that
	// lexicon can match this word (most words): an Analyzer keeps a lot of words.
	leanFor *Lexicon

	// cands are the patterns of each of the lexicon's indexes whose first word this token
	// is, deduplicated, when the form was made by an Analyzer; nil when there are none.
	cands   *[numIndexes][]*Pattern
	stem    string // Stem(norm), computed once per word by an Analyzer (hasStem)
	key     string // the lexicon's Key(norm), likewise
	keyID   uint32 // KeyID(key), likewise
	stemID  uint32 // StemID(stem), likewise
	hasStem bool
	class   wordClass // the speaker rules' word lists it is in, when made by an Analyzer
	roles   WordRoles // what statement alignment makes of it, likewise (with the stem)
}

// The lexicon's indexes, by id.
const (
	themeIdx = iota
	exclIdx
	actorIdx
	numIndexes
)

func isArabicRune(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) || (r >= 0x08A0 && r <= 0x08FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

// newForm prepares a normalized token.
func newForm(norm string) form {
	for _, r := range norm {
		if isArabicRune(r) {
			return form{norm: norm, arabic: true, an: Analyses(norm)}
		}
	}
	f := form{norm: norm, an: []Analysis{{Core: norm}}}
	for _, s := range EnglishSuffixes {
		if strings.HasSuffix(norm, s.From) && len(norm)-len(s.From)+len(s.To) >= 2 {
			f.an = append(f.an, Analysis{Core: strings.TrimSuffix(norm, s.From) + s.To, Suffix: s.From})
		}
	}
	for _, s := range EnglishVerbSuffixes {
		stem, ok := strings.CutSuffix(norm, s.From)
		if !ok || len(stem)+len(s.To) < 3 {
			continue
		}
		f.an = append(f.an, Analysis{Core: stem + s.To, Suffix: s.From, Kind: Verb})
		if s.To == "" && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] && !strings.ContainsRune("aeiouls", rune(stem[len(stem)-1])) {
			// a doubled final consonant: stopped, stopping → stop
			f.an = append(f.an, Analysis{Core: stem[:len(stem)-1], Suffix: s.From, Kind: Verb})
		}
	}
	return f
}

// EnglishSuffixes are the inflections any word of an English term may carry: plurals and the
// possessive.
var EnglishSuffixes = []struct{ From, To string }{
	{"'s", ""}, {"’s", ""}, {"ies", "y"}, {"es", ""}, {"s", ""},
}

// EnglishVerbSuffixes are the inflections the words of a theme's verbs may carry besides
// EnglishSuffixes: vowed, vowing, opposed, opposing, allied, stopped (a doubled final consonant
// is read once).
var EnglishVerbSuffixes = []struct{ From, To string }{
	{"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"},
}

// position of a word in a pattern: what clitics it may carry. Proclitics go on the first word
// only; a pronoun suffix (or an English inflection) may go on any word.
type position struct{ prefix, suffix bool }

// analyses returns the form's readings, made again for a lean form.
func (f *form) analyses() []Analysis {
	if f.leanFor != nil {
		return newForm(f.norm).an
	}
	return f.an
}

func (f *form) matches(k wordKey, pos position) bool {
	_, ok := f.reading(k, pos)
	return ok
}

// reading returns the first of the form's readings by which it matches k at pos.
func (f *form) reading(k wordKey, pos position) (Analysis, bool) {
	if f.leanFor != nil && !strings.Contains(f.norm, k.probe) {
		return Analysis{}, false // without making its readings again
	}
	for _, a := range f.analyses() {
		if (a.Prefix != "" && !pos.prefix) || (a.Suffix != "" && !pos.suffix) {
			continue
		}
		if (a.Kind == Indefinite && !k.indefinite) || (a.Kind == Verb && !k.verb) {
			continue
		}
		if k.matchesCore(a.Core) {
			return a, true
		}
	}
	return Analysis{}, false
}

// The rules by which a word matches a pattern's word, as Doc.Rule names them.
const (
	RuleExact      = "exact"      // the word as the lexicon spells it (normalized)
	RuleArticle    = "article"    // with or without the article: السيادة for سيادة
	RuleClitic     = "clitic"     // a proclitic or a pronoun suffix: وسيادتهما
	RuleIndefinite = "indefinite" // the indefinite accusative: تنسيقا for التنسيق
	RuleInflection = "inflection" // an English plural or possessive: sanctions, China's
	RuleVerb       = "verb"       // an English verb form of a theme's verb: vowed, vowing
	RuleWildcard   = "wildcard"   // a word a lexicon word ending in * begins
)

// Rule names how the words of a theme mention (Doc.Matches) or a phrase found (Doc.Find) matched
// the lexicon's spelling: the rules of its words, in the order above, joined by "+" (exact when
// every word is as spelt); "" for a Match made elsewhere. It is worked out when asked, not for
// every mention counted.
func (d *Doc) Rule(m Match) string {
	if m.p == nil || m.TokEnd > len(d.forms) {
		return ""
	}
	return d.rule(hit{m.p, m.TokStart, m.TokEnd})
}

func (d *Doc) rule(h hit) string {
	var seen [7]bool
	for j := h.start; j < h.end; j++ {
		k, f := h.p.key(j-h.start), d.forms[j]
		a, ok := f.reading(k, position{prefix: j == h.start, suffix: true})
		if !ok {
			continue
		}
		bare := a.Core == k.w || a.Core == k.base
		switch {
		case k.wild && !bare:
			seen[6] = true
		case a.Kind == Indefinite:
			seen[3] = true
		case a.Kind == Verb:
			seen[5] = true
		case a.Suffix != "" && !f.arabic:
			seen[4] = true
		case a.Suffix != "" || (a.Prefix != "" && a.Prefix != Article):
			seen[2] = true
		case a.Prefix == Article || a.Core != k.w:
			seen[1] = true
		}
		if a.Kind != Plain && a.Prefix != "" {
			seen[2] = true // وتنسيقا
		}
	}
	var out []string
	for i, name := range []string{RuleExact, RuleArticle, RuleClitic, RuleIndefinite, RuleInflection, RuleVerb, RuleWildcard} {
		if seen[i] {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return RuleExact
	}
	return strings.Join(out, "+")
}

// index finds patterns in a token sequence.
type index struct {
	byFirst map[string][]*Pattern
	wild    []*Pattern
	all     []*Pattern
}

func newIndex(pats []*Pattern) *index {
	ix := &index{byFirst: map[string][]*Pattern{}, all: pats}
	for _, p := range pats {
		if strings.HasSuffix(p.Words[0], "*") {
			ix.wild = append(ix.wild, p)
			continue
		}
		k := baseKey(p.Words[0])
		ix.byFirst[k] = append(ix.byFirst[k], p)
	}
	return ix
}

// hit is a pattern found at tokens [start, end).
type hit struct {
	p          *Pattern
	start, end int
}

// candidates returns, without repeats, the patterns whose first word the form is: those
// indexed under one of its readings' cores that match it, and the wildcard patterns that match
// it.
func (ix *index) candidates(f *form) []*Pattern {
	if f.leanFor != nil && !slices.ContainsFunc(ix.all, func(p *Pattern) bool { return strings.Contains(f.norm, p.key(0).probe) }) {
		return nil // no first word can match: no need to make its readings again
	}
	var out []*Pattern
	add := func(p *Pattern) {
		for _, q := range out {
			if q == p {
				return
			}
		}
		out = append(out, p)
	}
	first := position{prefix: true, suffix: true}
	for _, a := range f.analyses() {
		for _, p := range ix.byFirst[baseKey(a.Core)] {
			if f.matches(p.key(0), first) {
				add(p)
			}
		}
	}
	for _, p := range ix.wild {
		if f.matches(p.key(0), first) {
			add(p)
		}
	}
	return out
}

// find returns every occurrence of every pattern in forms, in order of start, longer first
// (for a search phrase; the lexicon's indexes are searched by findAll, from the candidates
// each form keeps).
func (ix *index) find(forms []*form) []hit {
	var hits []hit
	for i, f := range forms {
		hits = appendHits(hits, forms, i, ix.candidates(f))
	}
	return orderHits(hits)
}

// findAll is find for each of the lexicon's indexes at once, in one pass over forms made by an
// Analyzer; hits[id] is appended to (it must be empty).
func findAll(hits *[numIndexes][]hit, forms []*form) {
	for i, f := range forms {
		if f.cands == nil {
			continue
		}
		for id := range hits {
			hits[id] = appendHits(hits[id], forms, i, f.cands[id])
		}
	}
	for id := range hits {
		orderHits(hits[id])
	}
}

// appendHits appends the hits of the candidate patterns starting at token i.
func appendHits(hits []hit, forms []*form, i int, cands []*Pattern) []hit {
	for _, p := range cands {
		if end, ok := matchRest(forms, i, p); ok {
			hits = append(hits, hit{p, i, end})
		}
	}
	return hits
}

// orderHits orders hits that come in order of start so that those with the same start are
// longer first (stably).
func orderHits(hits []hit) []hit {
	for a := 1; a < len(hits); a++ {
		for b := a; b > 0 && hits[b].start == hits[b-1].start && hits[b].end > hits[b-1].end; b-- {
			hits[b], hits[b-1] = hits[b-1], hits[b]
		}
	}
	return hits
}

// matchRest reports whether p, whose first word matches forms[i], matches from i on, and
// where it ends.
func matchRest(forms []*form, i int, p *Pattern) (int, bool) {
	n := len(p.Words)
	if i+n > len(forms) {
		return 0, false
	}
	for j := 1; j < n; j++ {
		if f := forms[i+j]; (f.leanFor != nil && f.leanFor == p.lexicon) || !f.matches(p.key(j), position{suffix: true}) {
			return 0, false
		}
	}
	return i + n, true
}

// mayContinue reports whether a word after the first of one of the lexicon's patterns may
// match the form: whether one of its readings without a proclitic has such a word as its core
// (form.matches at a later position).
func (lx *Lexicon) mayContinue(f *form) bool {
	for _, a := range f.an {
		if a.Prefix != "" {
			continue
		}
		if lx.laterKeys[a.Core] {
			return true
		}
		for _, k := range lx.laterWild {
			if k.matchesCore(a.Core) {
				return true
			}
		}
	}
	return false
}

// longest keeps, from hits sorted by find, the leftmost-longest ones that do not overlap. It
// filters hits in place.
func longest(hits []hit) []hit {
	out := hits[:0]
	end := -1
	for _, h := range hits {
		if h.start >= end {
			out = append(out, h)
			end = h.end
		}
	}
	return out
}

func (lx *Lexicon) build() {
	lx.namedTheme = make([]bool, len(lx.Themes))
	for i, t := range lx.Themes {
		lx.namedTheme[i] = lx.named[t.ID]
	}
	lx.termWords, lx.termKeys, lx.termKeyIDs = map[string][]string{}, map[string][]string{}, map[string][]uint32{}
	for _, t := range lx.Themes {
		for _, p := range t.Terms {
			if _, ok := lx.termWords[p.Term]; !ok && p.Text == p.Term {
				lx.termWords[p.Term] = p.Words
				keys, ids := make([]string, len(p.Words)), make([]uint32, len(p.Words))
				for i, w := range p.Words {
					keys[i] = lx.Key(strings.TrimSuffix(w, "*"))
					ids[i] = KeyID(keys[i])
				}
				lx.termKeys[p.Term], lx.termKeyIDs[p.Term] = keys, ids
			}
		}
	}
	var terms []*Pattern
	for _, t := range lx.Themes {
		terms = append(terms, t.Terms...)
	}
	lx.themeIndex = newIndex(terms)
	var excl []*Pattern
	for _, t := range lx.Themes {
		excl = append(excl, t.Exclude...)
	}
	lx.exclIndex = newIndex(excl)
	var aliases []*Pattern
	for _, a := range lx.Actors {
		aliases = append(aliases, a.Aliases...)
	}
	aliases = append(aliases, lx.joint...)
	for _, c := range lx.channels {
		aliases = append(aliases, c.Aliases...)
	}
	// a side that is also an alias (the Chinese side) is the alias
	isAlias := map[string]bool{}
	for _, a := range aliases {
		isAlias[strings.Join(a.Words, " ")] = true
	}
	for _, a := range lx.Actors {
		for _, sd := range a.Sides {
			if !isAlias[strings.Join(sd.Words, " ")] {
				aliases = append(aliases, sd)
			}
		}
	}
	aliases = append(aliases, lx.cuePhrases...)
	aliases = append(aliases, lx.cueExclusions...)
	aliases = append(aliases, lx.documents...)
	for _, a := range aliases {
		a.definite = true
		a.prepare()
	}
	lx.actorIndex = newIndex(aliases)
	lx.exclusionHeads = wordSet{}
	for _, p := range lx.cueExclusions {
		lx.exclusionHeads[p.Words[0]] = true
	}
	lx.contentStems = nil
	for w := range lx.contentWords {
		if len(w) >= 6 { // 3 Arabic letters or more
			lx.contentStems = append(lx.contentStems, w)
		}
	}
	slices.Sort(lx.contentStems)
	lx.laterKeys = map[string]bool{}
	lx.spelled = wordSet{}
	for _, p := range slices.Concat(terms, excl, aliases) {
		p.lexicon = lx
		for _, w := range p.Words {
			if strings.HasSuffix(w, IndefiniteAlef) {
				lx.spelled[w], lx.spelled[baseKey(w)] = true, true
			}
		}
		for j := 1; j < len(p.Words); j++ {
			if k := p.key(j); k.wild {
				lx.laterWild = append(lx.laterWild, k)
			} else {
				lx.laterKeys[k.w], lx.laterKeys[k.base] = true, true
			}
		}
	}
	for _, s := range []*wordSet{&lx.continuations, &lx.addresseeVerbs, &lx.titles, &lx.particles, &lx.complementizer, &lx.openers, &lx.names,
		&lx.sources, &lx.pronouns, &lx.pastMarkers, &lx.contentWords, &lx.modals, &lx.narrOpeners, &lx.otherHeads} {
		if *s == nil {
			*s = wordSet{}
		}
	}
	// the words of the actors' names are no evidence of a formulation, but a country, a medium
	// (سيادة الصين) and the words of a name made with one (جمهورية الصين الشعبية) still are
	common := map[string]bool{}
	for _, a := range lx.Actors {
		for _, p := range a.Sides {
			if len(p.Words) == 1 {
				common[AlignKey(p.Words[0])] = true
			}
		}
	}
	for _, c := range lx.channels {
		for _, p := range c.Aliases {
			if len(p.Words) == 1 {
				common[AlignKey(p.Words[0])] = true
			}
		}
	}
	for _, a := range lx.Actors {
		for _, p := range a.Aliases {
			if slices.ContainsFunc(p.Words, func(w string) bool { return common[AlignKey(w)] }) {
				continue // رئيس جمهورية الصين الشعبية: its words are not names
			}
			for _, w := range p.Words {
				lx.names[AlignKey(strings.TrimSuffix(w, "*"))] = true
			}
		}
	}
}
