package textproc

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Doc is an analysed text: tokens, their normalized forms, sentences with speakers, and theme
// matches. All offsets are byte offsets into Text.
type Doc struct {
	Text      string
	Tokens    []Token
	Norm      []string
	Sentences []Sentence
	Matches   []Match
	Actors    []Match // actor and joint aliases: Theme is the speaker id

	forms  []*form
	sentOf []int // sentence of each token, -1 for none
	lx     *Lexicon
}

// Match is one theme mention.
type Match struct {
	Theme      string // theme id
	Term       string // the term that fired (its name: the first spelling in the lexicon)
	Spelling   string // the spelling that matched, as written in the lexicon
	Sentence   int
	TokStart   int // first token
	TokEnd     int // one past the last token
	Start, End int // byte offsets

	p *Pattern // the spelling that matched: Doc.Rule finds how
}

// Analyzer analyses texts with a lexicon, keeping what it learnt of each word it has seen
// (normalized form, clitic readings, candidate terms), so that a corpus is analysed at the cost
// of its vocabulary, not of its size. An Analyzer is not safe for concurrent use: give each
// worker its own.
type Analyzer struct {
	lx    *Lexicon
	words *Words // what it learnt of each word: its own, or shared with other Analyzers
	front *[frontSize]frontEntry
	// NoStems skips computing each word's stem for Doc.Stem (it is then computed on demand):
	// for callers that only count themes.
	NoStems bool
	// Recycle makes Analyze reuse the memory of the Doc it returned last, which is then valid
	// only until the next call: for callers that summarise each document and drop its analysis.
	Recycle bool

	last    *Doc
	scratch scratch
}

// scratch is an Analyzer's working memory, reused from one text to the next.
type scratch struct {
	hits      [numIndexes][]hit // of each index of the lexicon
	themeEnd  []int             // themeMatches' state, by theme
	themePrev []hit
	names     []hit // themeMatches' hits of the themes that name things
	marks     []int // offsets of terminals and quotation marks (appendTokens)
	cover     []int32
}

// MaxCachedWords bounds a word cache's memory: past it (a sixty-fourth of it in one shard), the
// shard starts again.
const MaxCachedWords = 1 << 20

// NewAnalyzer returns an Analyzer for the lexicon.
func (lx *Lexicon) NewAnalyzer() *Analyzer { return lx.NewWords().NewAnalyzer() }

// Analyze tokenizes text, splits it into sentences, attributes speakers and finds theme
// mentions. It is lx.NewAnalyzer().Analyze(text).
func (lx *Lexicon) Analyze(text string) *Doc { return lx.NewAnalyzer().Analyze(text) }

func (a *Analyzer) form(raw string) *form {
	// A small direct-mapped table of recent words answers most lookups before the map.
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(raw); i++ {
		h = (h ^ uint32(raw[i])) * 16777619
	}
	e := &a.front[h&(frontSize-1)]
	if e.f != nil && e.f.raw == raw {
		return e.f
	}
	f := a.lookup(raw)
	e.f = f
	return f
}

// frontSize is the number of slots of an Analyzer's table of recent words (a power of 2).
const frontSize = 1 << 12

// lookup finds or makes the form of a word in the analyzer's word cache.
func (a *Analyzer) lookup(raw string) *form { return a.words.get(a, raw) }

// makeForm prepares a word not seen before.
func (a *Analyzer) makeForm(raw string) *form {
	f := newForm(Normalize(raw))
	if f.arabic {
		f.an = a.lx.dropSpelled(f.an)
	}
	cands := [numIndexes][]*Pattern{a.lx.themeIndex.candidates(&f), a.lx.exclIndex.candidates(&f), a.lx.actorIndex.candidates(&f)}
	if len(cands[themeIdx])+len(cands[exclIdx])+len(cands[actorIdx]) > 0 {
		f.cands = &cands
	}
	if !a.lx.mayContinue(&f) {
		f.an, f.leanFor = nil, a.lx
	}
	f.class = a.lx.classOf(f.norm)
	if !a.NoStems {
		f.stem, f.key, f.hasStem = Stem(f.norm), a.lx.Key(f.norm), true
		f.roles, f.keyID, f.stemID = a.lx.Roles(f.norm), KeyID(f.key), StemID(f.stem)
	}
	f.raw = strings.Clone(raw)
	return &f
}

// Words is a word cache: an Analyzer's own, or one that several Analyzers, working at once,
// share, so that each distinct word of a corpus is prepared once, not once per worker, and
// held once.
type Words struct {
	lx     *Lexicon
	shards [wordShards]struct {
		mu sync.RWMutex
		m  map[string]*form
	}
}

const wordShards = 64

// NewWords returns an empty word cache for the lexicon.
func (lx *Lexicon) NewWords() *Words { return &Words{lx: lx} }

// NewAnalyzer returns an Analyzer that keeps its words in w. It is not safe for concurrent
// use itself: give each worker its own.
func (w *Words) NewAnalyzer() *Analyzer {
	return &Analyzer{lx: w.lx, words: w, front: new([frontSize]frontEntry)}
}

func (w *Words) get(a *Analyzer, raw string) *form {
	sh := &w.shards[maphash.String(wordSeed, raw)%wordShards]
	sh.mu.RLock()
	f, ok := sh.m[raw]
	sh.mu.RUnlock()
	if ok {
		return f
	}
	f = a.makeForm(raw) // outside the lock; another worker may be making it too
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if g, ok := sh.m[raw]; ok {
		return g
	}
	if sh.m == nil || len(sh.m) >= MaxCachedWords/wordShards {
		sh.m = map[string]*form{}
	}
	sh.m[f.raw] = f
	return f
}

var wordSeed = maphash.MakeSeed()

type frontEntry struct{ f *form }

// Analyze tokenizes text, splits it into sentences, attributes speakers and finds theme
// mentions.
func (a *Analyzer) Analyze(text string) *Doc {
	lx := a.lx
	d := &Doc{}
	if a.Recycle && a.last != nil {
		d = a.last
		*d = Doc{Tokens: d.Tokens[:0], Norm: d.Norm[:0], Sentences: d.Sentences[:0], Matches: d.Matches[:0],
			Actors: d.Actors[:0], forms: d.forms[:0], sentOf: d.sentOf[:0]}
	} else {
		d.Tokens = make([]Token, 0, len(text)/10+1) // about one token per 10 bytes of Arabic
	}
	if a.Recycle {
		a.last = d
	}
	d.Text, d.lx = text, lx
	a.scratch.marks = a.scratch.marks[:0]
	d.Tokens = appendTokens(d.Tokens, text, &a.scratch.marks)
	n := len(d.Tokens)
	forms := slices.Grow(d.forms, n)[:n]
	d.Norm = slices.Grow(d.Norm, n)[:n]
	for i, t := range d.Tokens {
		f := a.form(text[t.Start:t.End])
		forms[i], d.Norm[i] = f, f.norm
	}
	d.Sentences = appendSentences(d.Sentences, text, d.Tokens, &markCursor{pos: a.scratch.marks})
	sentOf := slices.Grow(d.sentOf, n)[:n]
	for i := range sentOf {
		sentOf[i] = -1
	}
	for _, s := range d.Sentences {
		for t := s.TokStart; t < s.TokEnd; t++ {
			sentOf[t] = s.Index
		}
	}
	d.forms, d.sentOf = forms, sentOf
	sc := &a.scratch
	for id := range sc.hits {
		sc.hits[id] = sc.hits[id][:0]
	}
	findAll(&sc.hits, forms)
	// a name never runs across a sentence boundary (… as president. Xi noted)
	// (dropped before the longest are kept, so that the shorter name within stays)
	hits := sc.hits[actorIdx]
	within := hits[:0]
	for _, h := range hits {
		if sentOf[h.start] == sentOf[h.end-1] {
			within = append(within, h)
		}
	}
	scan := speakerScan{lx: lx, text: text, tokens: d.Tokens, forms: forms, hits: longest(within)}
	scan.marks = sc.marks
	scan.index(sc.cover)
	sc.cover = scan.cover
	scan.attribute(d.Sentences)
	d.Actors = slices.Grow(d.Actors, len(scan.hits))
	for _, h := range scan.hits {
		if k := scan.kind(h); k != hitActor && k != hitJoint {
			continue // channels, sides and reporting phrases are not the sides' names
		}
		d.Actors = append(d.Actors, Match{Theme: scan.id(h), Term: h.p.Term, Spelling: h.p.Text, Sentence: sentOf[h.start],
			TokStart: h.start, TokEnd: h.end, Start: d.Tokens[h.start].Start, End: d.Tokens[h.end-1].End})
	}
	d.Matches = a.themeMatches(d.Matches, d, sentOf)
	return d
}

// themeMatches appends the document's theme mentions to out, in order of their first token
// (of theme index, for mentions that start together). For each theme separately: the
// leftmost-longest hits that do not overlap, less those an exclusion of the theme overlaps,
// less glosses of the mention before; and no hit inside a longer one of a theme whose terms name
// things (formulations.named: الاقتصادي in الحزام الاقتصادي لطريق الحرير is not trade).
func (a *Analyzer) themeMatches(out []Match, d *Doc, sentOf []int) []Match {
	lx, sc := a.lx, &a.scratch
	all, excl := sc.hits[themeIdx], sc.hits[exclIdx]
	if len(all) == 0 {
		return out
	}
	// Per theme: where its last hit kept by the leftmost-longest rule ends, and its last hit
	// not excluded.
	if len(sc.themeEnd) != len(lx.Themes) {
		sc.themeEnd, sc.themePrev = make([]int, len(lx.Themes)), make([]hit, len(lx.Themes))
	}
	for i := range sc.themeEnd {
		sc.themeEnd[i], sc.themePrev[i] = -1, hit{}
	}
	first := len(out)
	out = slices.Grow(out, len(all))
	names := sc.names[:0] // hits of the themes whose terms name things
	for _, h := range all {
		if lx.namedTheme[h.p.owner] {
			names = append(names, h)
		}
	}
	sc.names = names
	nameWin, exclWin := newWindow(names), newWindow(excl)
	for _, h := range all { // in order of start, longer first
		if sentOf[h.start] < 0 || sentOf[h.start] != sentOf[h.end-1] {
			continue // a term does not run across sentences
		}
		ti := h.p.owner
		if len(names) > 0 && !lx.namedTheme[ti] && insideName(&nameWin, h) {
			continue // the words of a name are the name's: economic in the Eurasian Economic Union
		}
		if h.start < sc.themeEnd[ti] {
			continue // overlaps a longer or earlier hit of the theme
		}
		sc.themeEnd[ti] = h.end
		if excluded(&exclWin, ti, h) {
			continue
		}
		prev := sc.themePrev[ti]
		sc.themePrev[ti] = h
		if prev.p != nil && isGloss(d, prev, h) {
			continue
		}
		out = append(out, Match{
			Theme: lx.Themes[ti].ID, Term: h.p.Term, Spelling: h.p.Text, Sentence: sentOf[h.start], p: h.p,
			TokStart: h.start, TokEnd: h.end, Start: d.Tokens[h.start].Start, End: d.Tokens[h.end-1].End,
		})
		// Mentions of different themes that start together go in theme order.
		for k := len(out) - 1; k > first && out[k-1].TokStart == out[k].TokStart && lx.ThemeIndex(out[k-1].Theme) > ti; k-- {
			out[k-1], out[k] = out[k], out[k-1]
		}
	}
	return out
}

// window walks hits sorted by start for hits h of nondecreasing start: each call looks only at
// the hits that start at most the longest hit's length before h, so that a document's cost is
// linear in its hits (looking through all of them for each made one 45 MB file take 35 s).
type window struct {
	hits   []hit
	maxLen int
	lo     int
}

func newWindow(hits []hit) window {
	if !slices.IsSortedFunc(hits, func(a, b hit) int { return a.start - b.start }) {
		hits = slices.Clone(hits)
		slices.SortStableFunc(hits, func(a, b hit) int { return a.start - b.start })
	}
	w := window{hits: hits}
	for _, h := range hits {
		w.maxLen = max(w.maxLen, h.end-h.start)
	}
	return w
}

// near returns the hits that may overlap h: those starting before h ends, from the first that
// could still reach h.
func (w *window) near(h hit) []hit {
	for w.lo < len(w.hits) && w.hits[w.lo].start+w.maxLen <= h.start {
		w.lo++
	}
	hi := w.lo
	for hi < len(w.hits) && w.hits[hi].start < h.end {
		hi++
	}
	return w.hits[w.lo:hi]
}

// insideName reports whether h lies within a longer hit of another theme in names.
func insideName(names *window, h hit) bool {
	for _, n := range names.near(h) {
		if n.p.owner != h.p.owner && n.start <= h.start && h.end <= n.end && n.end-n.start > h.end-h.start {
			return true
		}
	}
	return false
}

// excluded reports whether an exclusion of theme ti overlaps h.
func excluded(excl *window, ti int, h hit) bool {
	for _, e := range excl.near(h) {
		if e.p.owner == ti && e.start < h.end && h.start < e.end {
			return true
		}
	}
	return false
}

// isGloss reports whether h is a translation of the previous mention of the same theme given
// in parentheses right after it: منظمة شانغهاي للتعاون (Shanghai Cooperation Organisation).
func isGloss(d *Doc, prev, h hit) bool {
	between := d.Text[d.Tokens[prev.end-1].End:d.Tokens[h.start].Start]
	if strings.TrimSpace(between) != "(" { // TrimSpace trims no-break spaces too
		return false
	}
	after := d.Text[d.Tokens[h.end-1].End:]
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " \u00a0"))
	return r == ')'
}

// Stem returns the Snowball stem of token i (textproc.Stem of its normalized form), computed
// once per distinct word by the Analyzer.
func (d *Doc) Stem(i int) string {
	if d.forms[i].hasStem {
		return d.forms[i].stem
	}
	return Stem(d.Norm[i])
}

// StemID returns the id of token i's stem (StemID of Stem(i)), computed once per distinct word
// by the Analyzer.
func (d *Doc) StemID(i int) uint32 {
	if d.forms[i].hasStem {
		return d.forms[i].stemID
	}
	return StemID(d.Stem(i))
}

// Key returns the alignment key of token i (Lexicon.Key of its normalized form), computed once
// per distinct word by the Analyzer.
func (d *Doc) Key(i int) string {
	if d.forms[i].hasStem {
		return d.forms[i].key
	}
	return d.lx.Key(d.Norm[i])
}

// KeyID returns the id of token i's alignment key (KeyID of Key(i)), computed once per distinct
// word by the Analyzer.
func (d *Doc) KeyID(i int) uint32 {
	if d.forms[i].hasStem {
		return d.forms[i].keyID
	}
	return KeyID(d.Key(i))
}

// Roles returns what statement alignment makes of token i (Lexicon.Roles of its normalized
// form), computed once per distinct word by the Analyzer.
func (d *Doc) Roles(i int) WordRoles {
	if d.forms[i].hasStem {
		return d.forms[i].roles
	}
	return d.lx.Roles(d.Norm[i])
}

// SentenceText returns a sentence's text.
func (d *Doc) SentenceText(s Sentence) string { return d.Text[s.Start:s.End] }

// Lexicon returns the Analyzer's lexicon.
func (a *Analyzer) Lexicon() *Lexicon { return a.lx }
