package study

import (
	"context"
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

// Kinds of lexicon suggestion.
const (
	// SuggestVariant is a word or phrase of the corpus that spells a term another way: the same
	// skeleton once ج/غ/ق, ي/ى, ة/ه and the long alef are folded (شنجهاي، شانغهاي for شنغهاي), or
	// one letter apart from a long word of a term (organisation, organization).
	SuggestVariant = "variant"
	// SuggestRelative is a morphological relative of a term: its words have the terms' stems
	// (the Snowball stems of textproc.Stem) but are written in a form no rule matches
	// (السيادية for السيادة).
	SuggestRelative = "relative"
	// SuggestCollocate is a content word found near a theme's mentions more often than
	// elsewhere (log-likelihood G² of at least CollocateMinG2), in two documents or more but not
	// in most documents, that no term of the theme covers.
	SuggestCollocate = "collocate"
)

// SuggestOptions choose what to propose.
type SuggestOptions struct {
	Themes []int // only these themes (indices; ThemeIndices); all when empty
	// MinCount is the fewest occurrences a suggestion needs: 0 means 1 for variants and
	// relatives (a misspelling may occur once) and 3 for collocates.
	MinCount   int
	Collocates int // collocates per theme (0: none)
	Window     int // words on each side of a mention in which collocates are counted; 0 means 4
}

// Suggestion is one word or phrase the lexicon probably misses, with the evidence.
type Suggestion struct {
	Kind   string  // SuggestVariant, SuggestRelative or SuggestCollocate
	Theme  string  // theme id
	Phrase string  // as the corpus writes it most often, without proclitics
	Term   string  // the term it is a variant or relative of (the spelling, as in the lexicon); "" for a collocate
	Count  int     // occurrences
	Docs   int     // documents it occurs in
	Score  float64 // a collocate's G²; a variant's edit distance on the skeleton (0: the same skeleton); 0 for a relative
	// Examples are its first two occurrences in corpus order, in context.
	Examples []KWICRow
	// YAML is a line to paste under the theme's terms, indented as in the built-in lexicon:
	// "      - phrase  # …".
	YAML string
}

// Suggest proposes what the lexicon probably misses, from the corpus: spelling variants of
// terms, morphological relatives of terms, and collocates of each theme's mentions. Suggestions
// change nothing: counts change only when a user adds them to a lexicon.
func (s *Study) Suggest(ctx context.Context, o SuggestOptions) ([]Suggestion, error) {
	if o.MinCount < 0 || o.Collocates < 0 {
		return nil, optionErr("--min-count and --top must be 0 or more")
	}
	if o.Window < 0 {
		return nil, optionErr("the collocate window must be 0 or more words")
	}
	if o.Window == 0 {
		o.Window = 4
	}
	wanted := make([]bool, len(s.lx.Themes))
	for _, t := range o.Themes {
		wanted[t] = true
	}
	if len(o.Themes) == 0 {
		for i := range wanted {
			wanted[i] = true
		}
	}
	ix := newTermIndex(s.lx, wanted)
	acc := newSuggestAcc(len(s.lx.Themes))
	err := Each(ctx, s, true, func(d *corpus.Document, an *textproc.Doc) *docSuggest {
		return ix.scan(d, an, o.Window, wanted)
	}, func(_ int, r *docSuggest) error {
		acc.add(r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return acc.suggestions(s.lx, o), nil
}

// termRef is one spelling of a term, with its keys.
type termRef struct {
	ord   int // its place in the lexicon: of two spellings a phrase may be a variant of, the first
	theme int
	p     *textproc.Pattern
	stems []string
	skels []string
	// longStems is set when every stem has four letters or more: a shorter stem is shared by
	// unrelated words (رقم، رقمي; عمل، عملة), so it proposes no relatives
	longStems bool
}

// termIndex finds the n-grams of a text whose stems or skeletons are those of a term.
type termIndex struct {
	byStem, bySkel map[uint64][]*termRef
	near           map[string][]*termRef // one-word terms of 5+ letters, by their skeleton less one letter and by itself
	lengths        []int                 // the lengths of the terms, in words, ascending
	lx             *textproc.Lexicon
}

var suggestSeed = maphash.MakeSeed()

func seqHash(keys []string) uint64 {
	var h maphash.Hash
	h.SetSeed(suggestSeed)
	for _, k := range keys {
		h.WriteString(k)
		h.WriteByte(0)
	}
	return h.Sum64()
}

func newTermIndex(lx *textproc.Lexicon, wanted []bool) *termIndex {
	ix := &termIndex{byStem: map[uint64][]*termRef{}, bySkel: map[uint64][]*termRef{}, near: map[string][]*termRef{}, lx: lx}
	ord := 0
	for ti, t := range lx.Themes {
		if !wanted[ti] {
			continue
		}
	terms:
		for _, p := range t.Terms {
			r := &termRef{ord: ord, theme: ti, p: p}
			ord++
			for _, w := range p.Words {
				if strings.HasSuffix(w, "*") {
					continue terms // a wildcard already matches its relatives
				}
				r.stems = append(r.stems, textproc.Stem(w))
				r.skels = append(r.skels, Skeleton(w))
			}
			r.longStems = !slices.ContainsFunc(r.stems, func(k string) bool { return utf8.RuneCountInString(k) < 4 })
			ix.byStem[seqHash(r.stems)] = append(ix.byStem[seqHash(r.stems)], r)
			if !slices.ContainsFunc(r.skels, func(k string) bool { return utf8.RuneCountInString(k) < 3 }) {
				ix.bySkel[seqHash(r.skels)] = append(ix.bySkel[seqHash(r.skels)], r)
			}
			if len(r.skels) == 1 && utf8.RuneCountInString(r.skels[0]) >= 5 && isLatin(r.skels[0]) {
				for _, k := range deletions(r.skels[0]) {
					ix.near[k] = append(ix.near[k], r)
				}
			}
			if !slices.Contains(ix.lengths, len(p.Words)) {
				ix.lengths = append(ix.lengths, len(p.Words))
			}
		}
	}
	slices.Sort(ix.lengths)
	return ix
}

// Skeleton is the key on which spelling variants of a word are found: the word without its
// article or proclitics, with the letters that transliterations and spellings of one name vary
// in folded — غ and ق as ج, ى as ي, and in a word of six letters or more an alef after the
// first letter left out (شنغهاي, شانغهاي and شنجهاي are one skeleton) — and, in Latin script, z as s and doubled letters once (organization, organisation).
// Suffixes stay: الأعمال and العملات are different words.
func Skeleton(norm string) string {
	k := norm
	for _, a := range textproc.Analyses(norm) {
		if a.Prefix != "" && a.Suffix == "" && a.Kind == textproc.Plain && len(a.Core) < len(k) {
			k = a.Core // the longest proclitic chain that leaves a core
		}
	}
	long := utf8.RuneCountInString(k) >= 6 // short words differ by an alef: تجري، تجاري
	var b strings.Builder
	var prev rune
	for i, r := range k {
		switch r {
		case 'غ', 'ق':
			r = 'ج'
		case 'ى':
			r = 'ي'
		case 'ا', 'أ', 'إ', 'آ':
			if i > 0 && long {
				continue // a long vowel; a first alef is a consonant (أحادي is not حادي)
			}
			r = 'ا'
		case 'z':
			r = 's'
		}
		if r == prev && r < 0x80 {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// deletions returns s and s less each of its letters.
func deletions(s string) []string {
	rs := []rune(s)
	out := []string{s}
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// EditDistance is the Levenshtein distance between two strings, in runes.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// candKey identifies a candidate: its kind, the term spelling and the phrase's words as
// grouped (normalized, the first without a conjunction or preposition).
type candKey struct {
	kind   string
	ref    *termRef
	phrase string
}

type candAcc struct {
	count, docs int
	surfaces    map[string]int
	examples    []KWICRow
	dist        int
}

type collKey struct {
	theme int
	stem  string
}

// docSuggest is what one document contributes.
type docSuggest struct {
	cands  map[candKey]*candAcc
	coll   map[collKey]*candAcc // words near a theme's mentions
	words  map[string]int       // content words of the document, by stem
	window []int                // by theme: content words near its mentions
	tokens int                  // content words
}

// scan finds a document's candidates.
func (ix *termIndex) scan(d *corpus.Document, an *textproc.Doc, window int, wanted []bool) *docSuggest {
	r := &docSuggest{cands: map[candKey]*candAcc{}, coll: map[collKey]*candAcc{}, words: map[string]int{},
		window: make([]int, len(wanted))}
	covered := an.ThemeCovered()
	stems := make([]string, len(an.Tokens))
	skels := make([]string, len(an.Tokens))
	content := make([]bool, len(an.Tokens))
	for i, t := range an.Tokens {
		if t.Kind != textproc.Word || an.Norm[i] == "" {
			continue
		}
		stems[i], skels[i] = an.Stem(i), Skeleton(an.Norm[i])
		content[i] = isContent(an, i)
		if content[i] {
			r.tokens++
			r.words[stems[i]]++
		}
	}
	for _, s := range an.Sentences {
		for i := s.TokStart; i < s.TokEnd; i++ {
			for _, n := range ix.lengths {
				if i+n > s.TokEnd {
					break
				}
				if !ix.phraseAt(an, covered, i, n) {
					continue
				}
				ix.lookup(r, d, an, s, i, n, stems, skels)
			}
		}
	}
	// collocates: the content words near each wanted theme's mentions, each token once a theme
	counted := map[[2]int]bool{} // token, theme: each token counts once for a theme, however many of its mentions it is near
	for _, m := range an.Matches {
		ti := ix.lx.ThemeIndex(m.Theme)
		if ti < 0 || !wanted[ti] {
			continue
		}
		s := an.Sentences[m.Sentence]
		for t := max(s.TokStart, m.TokStart-window); t < min(s.TokEnd, m.TokEnd+window); t++ {
			if covered[t] || !content[t] || counted[[2]int{t, ti}] {
				continue
			}
			counted[[2]int{t, ti}] = true
			r.window[ti]++
			k := collKey{ti, stems[t]}
			c := r.coll[k]
			if c == nil {
				c = &candAcc{surfaces: map[string]int{}}
				r.coll[k] = c
			}
			c.count++
			c.surfaces[an.Text[an.Tokens[t].Start:an.Tokens[t].End]]++
			if len(c.examples) < 2 {
				c.examples = append(c.examples, example(d, an, s, t, t+1))
			}
		}
	}
	return r
}

// isContent reports whether token i is a word a suggestion may be made of: not a function word,
// a number, a name of the sides, a title, a reporting word or a word the lexicon calls generic
// (formulations.generic: المجال، الاستقرار), and of three letters or more.
func isContent(an *textproc.Doc, i int) bool {
	n := an.Norm[i]
	if compare.StopWords[n] || utf8.RuneCountInString(n) < 3 || strings.ContainsAny(n, "0123456789") {
		return false
	}
	return an.Roles(i)&(textproc.RoleName|textproc.RoleTitle|textproc.RoleReporting|textproc.RoleContinuation|textproc.RoleGeneric) == 0
}

// phraseAt reports whether the n words from token i make a phrase no theme term covers
// (Doc.ThemeCovered: not even where its mention is excluded or a gloss):
// words written next to each other (a space or a hyphen between them), the first a content word.
func (ix *termIndex) phraseAt(an *textproc.Doc, covered []bool, i, n int) bool {
	if !isContent(an, i) {
		return false
	}
	for t := i; t < i+n; t++ {
		if covered[t] || an.Tokens[t].Kind != textproc.Word {
			return false
		}
		if t > i && strings.Trim(an.Text[an.Tokens[t-1].End:an.Tokens[t].Start], " -\u00a0") != "" {
			return false
		}
	}
	return true
}

func (ix *termIndex) lookup(r *docSuggest, d *corpus.Document, an *textproc.Doc, s textproc.Sentence, i, n int, stems, skels []string) {
	add := func(kind string, ref *termRef, dist int) {
		k := candKey{kind, ref, groupKey(an.Norm[i : i+n])}
		c := r.cands[k]
		if c == nil {
			c = &candAcc{surfaces: map[string]int{}, dist: dist}
			r.cands[k] = c
		}
		c.count++
		c.surfaces[surface(an, i, n)]++
		if len(c.examples) < 2 {
			c.examples = append(c.examples, example(d, an, s, i, i+n))
		}
	}
	found := false
	for _, ref := range ix.byStem[seqHash(stems[i:i+n])] {
		if slices.Equal(ref.stems, stems[i:i+n]) && ref.longStems && englishRelatives(ref.stems, an.Norm[i:i+n]) {
			add(SuggestRelative, ref, 0)
			found = true
		}
	}
	if found {
		return
	}
	for _, ref := range ix.bySkel[seqHash(skels[i:i+n])] {
		if slices.Equal(ref.skels, skels[i:i+n]) {
			add(SuggestVariant, ref, 0)
			found = true
		}
	}
	if found || n != 1 || utf8.RuneCountInString(skels[i]) < 5 || !isLatin(skels[i]) {
		return // one letter apart is a variant in Latin script only: Arabic roots differ by one letter
	}
	seen := map[*termRef]bool{}
	for _, k := range deletions(skels[i]) {
		for _, ref := range ix.near[k] {
			// a letter more or less (Jingping for Jinping), not one letter for another: expert
			// and export, backing and banking are other words
			if !seen[ref] && EditDistance(ref.skels[0], skels[i]) == 1 && utf8.RuneCountInString(ref.skels[0]) != utf8.RuneCountInString(skels[i]) {
				seen[ref] = true
				add(SuggestVariant, ref, 1)
			}
		}
	}
}

// englishRelatives reports whether words sharing stems with a term's are its relatives, as far
// as English endings tell: each Latin word that begins with its stem goes on with an inflection or
// a derivational ending (technological, unilateralism), not another word the stemmer folds in
// (important is not import, internal is not international). Arabic words pass.
func englishRelatives(stems, words []string) bool {
	for k, w := range words {
		if !isLatin(w) {
			continue
		}
		if rest, ok := strings.CutPrefix(w, stems[k]); ok && !englishEndings[rest] {
			return false
		}
	}
	return true
}

// englishEndings are the endings after an English stem that keep a word's sense.
var englishEndings = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`- s es ed d ing er ers or ors ion ions ation ations ization isation al ally ial ical ically ic ics
		ity ities ive ively ment ments ness ly ist ists ism isms y ies ied e`) {
		if e == "-" {
			e = ""
		}
		m[e] = true
	}
	return m
}()

// groupKey is a phrase's normalized words, the first without a conjunction or preposition
// (ومنظمة شنجهاي → منظمه شنجهاي), so that its forms with clitics are one suggestion.
func groupKey(norms []string) string {
	words := slices.Clone(norms)
	words[0] = unclitic(words[0], words[0])
	return strings.Join(words, " ")
}

// unclitic removes from written the leading conjunctions and prepositions (و ف ب ك ل, not the
// article) that its normalized form norm begins with, when three letters or more remain; the ل
// of لل is the preposition before the article, whose alef it gives back (للتعاون → التعاون).
func unclitic(written, norm string) string {
	for {
		r, size := utf8.DecodeRuneInString(norm)
		if !strings.ContainsRune("وفبكل", r) || utf8.RuneCountInString(norm[size:]) < 3 {
			return written
		}
		_, wsize := utf8.DecodeRuneInString(written)
		for wsize < len(written) { // the harakat written on the letter go with it
			m, msize := utf8.DecodeRuneInString(written[wsize:])
			if !unicode.Is(unicode.Mn, m) {
				break
			}
			wsize += msize
		}
		if r == 'ل' && strings.HasPrefix(norm[size:], "ل") {
			return "ا" + written[wsize:]
		}
		norm, written = norm[size:], written[wsize:]
	}
}

// surface is the phrase as written, its first word without the proclitics groupKey strips.
func surface(an *textproc.Doc, i, n int) string {
	words := []string{unclitic(an.Text[an.Tokens[i].Start:an.Tokens[i].End], an.Norm[i])}
	for t := i + 1; t < i+n; t++ {
		words = append(words, an.Text[an.Tokens[t].Start:an.Tokens[t].End])
	}
	return strings.Join(words, " ")
}

func example(d *corpus.Document, an *textproc.Doc, s textproc.Sentence, from, to int) KWICRow {
	m := textproc.Match{Sentence: s.Index, TokStart: from, TokEnd: to, Start: an.Tokens[from].Start, End: an.Tokens[to-1].End}
	left, right := inContext(an, s, m, 6)
	return KWICRow{Doc: d.ID, Date: d.Date, Sentence: s.Index + 1, Speaker: s.Speaker, Left: left,
		Match: corpus.Collapse(an.Text[m.Start:m.End]), Right: right, Start: d.OrigStartOffset(m.Start), End: d.OrigOffset(m.End)}
}

// suggestAcc merges the documents' candidates in corpus order.
type suggestAcc struct {
	cands   map[candKey]*candAcc
	coll    map[collKey]*candAcc
	words   map[string]int
	window  []int
	tokens  int
	df      map[string]int // documents each content stem occurs in
	docs    int
	order   []candKey // first seen, for a stable order among equals
	collOrd []collKey
}

func newSuggestAcc(themes int) *suggestAcc {
	return &suggestAcc{cands: map[candKey]*candAcc{}, coll: map[collKey]*candAcc{}, words: map[string]int{},
		window: make([]int, themes), df: map[string]int{}}
}

// CollocateMinG2 is the least log-likelihood of a collocate: 3.84, the χ² critical value for one
// degree of freedom at p = 0.05 (Dunning 1993; Rayson and Garside 2000 use the same cut-off for
// keyness), which G² follows.
const CollocateMinG2 = 3.84

func merge(into, c *candAcc) {
	into.count += c.count
	into.docs++
	for s, n := range c.surfaces {
		into.surfaces[s] += n
	}
	for _, e := range c.examples {
		if len(into.examples) < 2 {
			into.examples = append(into.examples, e)
		}
	}
}

func (a *suggestAcc) add(r *docSuggest) {
	mergeInOrder(a.cands, &a.order, r.cands, func(x, y candKey) int {
		if x.kind != y.kind {
			return strings.Compare(x.kind, y.kind)
		}
		return x.ref.ord - y.ref.ord
	})
	mergeInOrder(a.coll, &a.collOrd, r.coll, func(x, y collKey) int { return x.theme - y.theme })
	for w, n := range r.words {
		a.words[w] += n
		a.df[w]++
	}
	a.docs++
	for i, n := range r.window {
		a.window[i] += n
	}
	a.tokens += r.tokens
}

// mergeInOrder merges a document's candidates into the corpus's, taking the document's in the
// order of their first occurrence (ties by tie) so that order, the corpus's order of first
// sight, is the same on every run.
func mergeInOrder[K comparable](into map[K]*candAcc, order *[]K, from map[K]*candAcc, tie func(x, y K) int) {
	keys := make([]K, 0, len(from))
	for k := range from {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y K) int {
		if d := from[x].examples[0].Start - from[y].examples[0].Start; d != 0 {
			return d
		}
		return tie(x, y)
	})
	for _, k := range keys {
		c, ok := into[k]
		if !ok {
			c = &candAcc{surfaces: map[string]int{}, dist: from[k].dist}
			into[k] = c
			*order = append(*order, k)
		}
		merge(c, from[k])
	}
}

// mostWritten is the surface form written most often (the first in order of the strings on a
// tie).
func mostWritten(m map[string]int) string {
	best, n := "", -1
	for s, c := range m {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}

func (a *suggestAcc) suggestions(lx *textproc.Lexicon, o SuggestOptions) []Suggestion {
	minFor := func(kind string) int {
		if o.MinCount > 0 {
			return o.MinCount
		}
		if kind == SuggestCollocate {
			return 3
		}
		return 1
	}
	var out []Suggestion
	for _, k := range a.order {
		c := a.cands[k]
		if c.count < minFor(k.kind) {
			continue
		}
		t := lx.Themes[k.ref.theme]
		phrase := mostWritten(c.surfaces)
		why := "spelling variant of " + k.ref.p.Text
		if k.kind == SuggestRelative {
			why = "morphological relative of " + k.ref.p.Text + ": check the contexts before adding"
		}
		out = append(out, Suggestion{Kind: k.kind, Theme: t.ID, Phrase: phrase, Term: k.ref.p.Text, Count: c.count, Docs: c.docs,
			Score: float64(c.dist), Examples: c.examples, YAML: yamlLine(phrase, t.ID, why)})
	}
	// the same phrase may be a variant of several spellings of one term: keep the first
	out = dedupe(out)
	byTheme := map[int][]Suggestion{}
	for _, k := range a.collOrd {
		c := a.coll[k]
		if c.count < minFor(SuggestCollocate) || c.docs < 2 {
			continue // a collocate needs two documents: one article's repetitions are not usage
		}
		w, n := a.window[k.theme], a.tokens
		g2 := metrics.LogLikelihood(float64(c.count), float64(a.words[k.stem]-c.count), float64(w), float64(n-w))
		if g2 < CollocateMinG2 || a.df[k.stem]*2 > a.docs {
			continue // not clearly more frequent near the theme, or a word of most documents
		}
		t := lx.Themes[k.theme]
		phrase := stripSurface(mostWritten(c.surfaces))
		byTheme[k.theme] = append(byTheme[k.theme], Suggestion{Kind: SuggestCollocate, Theme: t.ID, Phrase: phrase, Count: c.count, Docs: c.docs,
			Score: g2, Examples: c.examples, YAML: yamlLine(phrase, t.ID, "collocate: check the contexts before adding")})
	}
	order := map[string]int{SuggestVariant: 0, SuggestRelative: 1, SuggestCollocate: 2}
	themeAt := map[string]int{}
	for i, t := range lx.Themes {
		themeAt[t.ID] = i
	}
	slices.SortStableFunc(out, func(x, y Suggestion) int {
		if d := order[x.Kind] - order[y.Kind]; d != 0 {
			return d
		}
		if d := themeAt[x.Theme] - themeAt[y.Theme]; d != 0 {
			return d
		}
		return y.Count - x.Count
	})
	for ti := range lx.Themes {
		cs := byTheme[ti]
		slices.SortStableFunc(cs, func(x, y Suggestion) int {
			if x.Score != y.Score {
				if x.Score > y.Score {
					return -1
				}
				return 1
			}
			return strings.Compare(x.Phrase, y.Phrase)
		})
		out = append(out, cs[:min(len(cs), o.Collocates)]...)
	}
	return out
}

// stripSurface removes a leading conjunction or preposition from a collocate as written.
func stripSurface(w string) string { return unclitic(w, textproc.Normalize(w)) }

func dedupe(in []Suggestion) []Suggestion {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		k := s.Kind + "\x00" + s.Theme + "\x00" + s.Phrase
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// yamlLine is a term line to paste under a theme's terms, indented as the built-in lexicon's
// (readout lexicon show) and quoted as YAML needs, with what it is as a comment.
func yamlLine(phrase, theme, why string) string {
	b, err := yaml.Marshal([]string{phrase})
	if err != nil {
		return ""
	}
	return "      " + strings.TrimRight(string(b), "\n") + "  # " + theme + ": " + strings.ReplaceAll(why, "\n", " ")
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x80 {
			return false
		}
	}
	return true
}
