package compare

import (
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/textproc"
)

// Unit is a statement unit: a sentence, with its clauses and content words for alignment.
// Offsets are into the document's analysed text.
type Unit struct {
	Doc        string    `json:"doc"`
	Date       time.Time `json:"-"`
	Index      int       `json:"index"` // 0-based position among the document's units (its sentences with words)
	Sentence   int       `json:"sentence"`
	Start, End int       `json:"-"`
	Speaker    string    `json:"speaker"`
	Themes     []string  `json:"themes"`
	Text       string    `json:"text"`

	// its words, keys, their words and terms: parts of mem's, which may hold those of all its
	// document's units (an offset and a length each, not four slices: align holds every unit of a
	// corpus)
	mem            *unitMem
	w0, nw, k0, nk uint32
	t0, nt         uint32
	textAt         uint32 // the byte of the unit at which Text begins: 0 but after SetPassageText
	// the words it no longer holds before and after those it holds (keepWords)
	before, after uint32
}

// unitMem holds the words of units (each word, in order), the alignment keys of their content
// words (in order) and the word each key is, and their terms.
type unitMem struct {
	words []word
	keys  []uint32
	at    []int32
	terms []termRef
	// the units' Themes are parts of this
	themes []string
}

// noMem is the memory of a Unit made without one (a zero Unit): it holds nothing.
var noMem unitMem

func (u *Unit) m() *unitMem {
	if u.mem == nil {
		return &noMem
	}
	return u.mem
}

// part returns n items of s from off, with no room to append into the next unit's.
func part[T any](s []T, off, n uint32) []T { return s[off : off+n : off+n] }

// words returns the unit's words, keys their content words' alignment keys, at the word each
// key is, and terms the lexicon terms matched in it.
func (u *Unit) words() []word    { return part(u.m().words, u.w0, u.nw) }
func (u *Unit) keys() []uint32   { return part(u.m().keys, u.k0, u.nk) }
func (u *Unit) at() []int32      { return part(u.m().at, u.k0, u.nk) }
func (u *Unit) terms() []termRef { return part(u.m().terms, u.t0, u.nt) }

// holdAll makes the unit's words, keys and terms all those of its memory.
func (u *Unit) holdAll() {
	m := u.mem
	u.w0, u.nw, u.k0, u.nk, u.t0, u.nt = 0, uint32(len(m.words)), 0, uint32(len(m.keys)), 0, uint32(len(m.terms))
}

// word is a word of a unit: its bytes relative to the unit's start, and what alignment knows
// of it, in 8 bytes: a corpus has millions.
type word struct {
	start uint32
	end   uint32 // its low 30 bits; wordCut and wordStop above them
}

const (
	wordCut  = 1 << 31 // a clause begins with the word
	wordStop = 1 << 30 // a function word: a passage is widened over these, up to the clause's edge
	wordEnd  = wordStop - 1
	// MaxUnitBytes is the longest sentence that is a statement unit, in bytes (1 GiB): longer
	// ones, which no news text has, are left out of alignment.
	MaxUnitBytes = wordEnd
)

func (w word) from() int  { return int(w.start) }
func (w word) to() int    { return int(w.end & wordEnd) }
func (w word) cut() bool  { return w.end&wordCut != 0 }
func (w word) stop() bool { return w.end&wordStop != 0 }

// termRef is a lexicon term matched in a unit: its name and theme, and its words.
type termRef struct {
	term, theme string
	named       bool  // its theme names things (textproc.Lexicon.NamesThings)
	w1, w2      int32 // first and last word
}

// contentOpeners are the complementizers after which the reported content begins, whatever
// comes before them (قال إن …); prepositions that also open it (أشار إلى، أكد على) do so only
// after a reporting verb or participle.
// (Switches, not maps: they are asked of every word of every statement.)
func contentOpener(norm string) bool {
	switch norm {
	case "ان", "انه", "انها", "بان", "بانه", "بانها", "that":
		return true
	}
	return false
}

func verbPreposition(norm string) bool {
	switch norm {
	case "الي", "علي", "عن", "to":
		return true
	}
	return false
}

// StopWords are left out of alignment: prepositions, conjunctions, pronouns, demonstratives and
// auxiliaries, in normalized spelling (with their common clitic forms), Arabic and English.
var StopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`في من الي علي عن مع ب ل ك و ف او ام ثم حتي منذ عند لدي لدى بين خلال حول ضد دون
		ان انه انها انهم انهما بان بانه لان لانه كان كانت يكون تكون قد لقد لم لن لا ما ماذا لكن لكنه بل اذا اذ
		هذا هذه ذلك تلك هو هي هم هما نحن انا انت الذي التي الذين اللذين اللتين ما مما فيما كما حيث ايضا كل بعض بما لما منهما منها بشان
		غير عبر تجاه نحو وفي ومن والي وعلي وعن ومع وان وانه وهو وهي وهذا وهذه وذلك وقد وكان ولا وما ولم ولن
		فيه فيها منه منها عليه عليها اليه اليها له لها لهم بها به معه معها بينهما اجل
		مستوي مستويات اعلي اكبر اكثر جديد جديده كبير كبيره مختلف جميع عده كامل خاص خاصه بشكل نحو سوف
		the a an of to in on at for with by from and or but that this these those it its is are was were be been
		has have had will would should can could as than into about over between also not no their his her they we
		he she him them our its i you your me my which who whom whose what there here if so
		other others during against both each such same own among within without while whether per via upon
		through across around after before since until under do does did being any some most many much very
		just only even still yet may might must shall then when where how why up out off further because
		however although though including
		level levels higher high new more greater great various all several full special`) {
		m[w] = true
	}
	return m
}()

// Units divides an analysed document into statement units, one per sentence with words, and
// marks where its clauses begin: at ; : a quotation mark or a bracket, after a complementizer
// (قال إن …: the reported content begins), at a comma, and before a reporting verb or a
// continuing participle (… مضيفا). A unit's content words are those that can be evidence of a
// formulation: not function words, reporting verbs, titles, or the names of the sides
// (textproc.Lexicon.IsName, actor matches).
func Units(doc string, date time.Time, d *textproc.Doc, lx *textproc.Lexicon) []Unit {
	sc := newUnitScan(d, lx)
	// one allocation for the words, keys and places of all the document's units
	nu, nw, nk := 0, 0, 0
	for _, s := range d.Sentences {
		if !sc.unit(s) {
			continue
		}
		nu++
		for i := s.TokStart; i < s.TokEnd; i++ {
			if sc.isWord(i) {
				nw++
				if sc.ids[i] != 0 {
					nk++
				}
			}
		}
	}
	b := &unitMem{words: make([]word, 0, nw), keys: make([]uint32, 0, nk), at: make([]int32, 0, nk)}
	if n := len(d.Matches); n > 0 { // at most one term and one theme a match
		b.terms, b.themes = make([]termRef, 0, n), make([]string, 0, n)
	}
	out := make([]Unit, 0, nu) // at its size: align holds every unit of a corpus
	for _, s := range d.Sentences {
		if sc.unit(s) {
			out = append(out, sc.build(b, s, doc, date, len(out)))
		}
	}
	return out
}

// build makes the unit of sentence s, the index-th unit of its document, its words, keys and
// terms appended to b.
func (sc *unitScan) build(b *unitMem, s textproc.Sentence, doc string, date time.Time, index int) Unit {
	d, lx := sc.d, sc.lx
	u := Unit{Doc: doc, Date: date, Index: index, Sentence: s.Index, Start: s.Start, End: s.End, Speaker: s.Speaker, mem: b}
	u.Text = u.TextIn(d.Text)
	w0, k0 := len(b.words), len(b.keys)
	wordOf := sc.wordOf[:0] // by token, from the sentence's first: its word, or -1
	prev := -1
	for i := s.TokStart; i < s.TokEnd; i++ {
		if !sc.isWord(i) {
			wordOf = append(wordOf, -1)
			continue
		}
		k := len(b.words) - w0
		wordOf = append(wordOf, int32(k))
		t := d.Tokens[i]
		w := word{start: uint32(t.Start - s.Start), end: uint32(t.End - s.Start)}
		if prev >= 0 && cutBefore(d, prev, i) {
			w.end |= wordCut
		}
		if sc.stop[i] {
			w.end |= wordStop
		}
		b.words = append(b.words, w)
		prev = i
		if id := sc.ids[i]; id != 0 {
			b.keys, b.at = append(b.keys, id), append(b.at, int32(k))
		}
	}
	sc.wordOf = wordOf
	u.w0, u.nw = uint32(w0), uint32(len(b.words)-w0)
	u.k0, u.nk = uint32(k0), uint32(len(b.keys)-k0)
	u.t0 = uint32(len(b.terms))
	th := len(b.themes)
	for sc.mi < len(d.Matches) && d.Matches[sc.mi].TokStart < s.TokStart {
		sc.mi++ // d.Matches are in text order
	}
	for j := sc.mi; j < len(d.Matches) && d.Matches[j].TokStart < s.TokEnd; j++ {
		m := &d.Matches[j]
		w1 := wordOf[m.TokStart-s.TokStart]
		if w1 < 0 || m.TokEnd > s.TokEnd {
			continue
		}
		b.terms = append(b.terms, termRef{term: m.Term, theme: m.Theme, named: lx.NamesThings(m.Theme), w1: w1, w2: wordOf[m.TokEnd-1-s.TokStart]})
		u.nt++
		if !slices.Contains(b.themes[th:], m.Theme) {
			b.themes = append(b.themes, m.Theme)
		}
	}
	if len(b.themes) > th {
		u.Themes = b.themes[th:len(b.themes):len(b.themes)]
	}
	return u
}

// unitScan is what Units and WeightCounter.AddDoc know of a document's words: each word's
// alignment key id, 0 for a word that is no evidence (key).
type unitScan struct {
	d       *textproc.Doc
	lx      *textproc.Lexicon
	isActor []bool
	stop    []bool   // by token: a function word (StopWords)
	termID  []uint32 // by token: the key id of a word of a theme match (termIDs), else 0
	ids     []uint32 // by token
	wordOf  []int32
	mi      int // the first theme match not before the sentence built last
}

func newUnitScan(d *textproc.Doc, lx *textproc.Lexicon) *unitScan {
	sc := &unitScan{d: d, lx: lx, isActor: make([]bool, len(d.Tokens)), ids: make([]uint32, len(d.Tokens))}
	for _, m := range d.Actors {
		for i := m.TokStart; i < m.TokEnd; i++ {
			sc.isActor[i] = true
		}
	}
	// The words of a theme match are keyed as the words of its term's first spelling when the
	// two have as many words (منظمة شانغهاي للتعاون as منظمة شنغهاي للتعاون), so spelling
	// variants align; else by their own keys.
	sc.termID = termIDs(d, lx)
	sc.stop = make([]bool, len(d.Tokens))
	for i := range d.Tokens {
		if sc.isWord(i) {
			sc.stop[i] = StopWords[d.Norm[i]]
			sc.ids[i], _ = sc.key(i)
		}
	}
	return sc
}

func (sc *unitScan) isWord(i int) bool {
	return sc.d.Tokens[i].Kind == textproc.Word && sc.d.Norm[i] != ""
}

// unit reports whether a sentence is a statement unit: it has words, and is not longer than
// MaxUnitBytes.
func (sc *unitScan) unit(s textproc.Sentence) bool {
	if s.End-s.Start > MaxUnitBytes {
		return false
	}
	for i := s.TokStart; i < s.TokEnd; i++ {
		if sc.isWord(i) {
			return true
		}
	}
	return false
}

// key returns the alignment key id of word i when it is a content word: not a function word, a
// word with digits, a reporting verb or participle, a title, or a name of the sides.
func (sc *unitScan) key(i int) (uint32, bool) {
	d := sc.d
	n := d.Norm[i]
	roles := d.Roles(i)
	if sc.isActor[i] || sc.stop[i] || hasDigit(n) || roles&(textproc.RoleName|textproc.RoleReporting|textproc.RoleContinuation|textproc.RoleTitle|textproc.RoleOther) != 0 {
		return 0, false
	}
	var id uint32
	if sc.termID != nil && sc.termID[i] != 0 {
		id = sc.termID[i]
	} else {
		id = d.KeyID(i)
	}
	if roles&textproc.RoleGeneric != 0 {
		id |= genericBit
	}
	return id, true
}

// cutBefore reports whether a clause begins with the word at token i, after the word at prev.
// speech is the roles of reporting verbs and continuing participles (cached per word by the
// Analyzer).
const speech = textproc.RoleReporting | textproc.RoleContinuation

func cutBefore(d *textproc.Doc, prev, i int) bool {
	gap := d.Text[d.Tokens[prev].End:d.Tokens[i].Start]
	pn := d.Norm[prev]
	switch {
	case gap != " " && (strings.ContainsAny(gap, "،,;؛:()[]") || strings.ContainsFunc(gap, isQuote)):
		return true
	case contentOpener(pn):
		return true // قال إن | …
	case verbPreposition(pn) && prev > 0 && d.Roles(prev-1)&speech != 0:
		return true // أشار إلى | …
	case d.Roles(i)&speech != 0:
		return true // …الحكومة | مضيفا
	}
	return false
}

// keepWords makes the unit hold its words w1 to w2 only, with their keys and the terms among
// them, appended to m (a unit's are parts of its document's memory, which is then free); the
// word indices of passages within them go down by w1.
func (u *Unit) keepWords(m *unitMem, w1, w2 int) {
	ws, at := u.words(), u.at()
	u.before += uint32(w1)
	u.after += uint32(len(ws) - 1 - w2)
	k1, _ := slices.BinarySearch(at, int32(w1)) // the keys are in word order
	k2, _ := slices.BinarySearch(at, int32(w2+1))
	w0, k0, t0 := len(m.words), len(m.keys), len(m.terms)
	m.words = append(m.words, ws[w1:w2+1]...)
	m.keys = append(m.keys, u.keys()[k1:k2]...)
	for _, a := range at[k1:k2] {
		m.at = append(m.at, a-int32(w1))
	}
	for _, t := range u.terms() {
		if int(t.w1) >= w1 && int(t.w2) <= w2 {
			t.w1, t.w2 = t.w1-int32(w1), t.w2-int32(w1)
			m.terms = append(m.terms, t)
		}
	}
	u.mem = m
	u.w0, u.nw = uint32(w0), uint32(len(m.words)-w0)
	u.k0, u.nk = uint32(k0), uint32(len(m.keys)-k0)
	u.t0, u.nt = uint32(t0), uint32(len(m.terms)-t0)
}

// KeepPassages gives the formulations' variants units of their own that hold only the words of
// their passages, from the first to the last, and renumbers the passages' words: for a caller
// that holds the formulations of a large corpus, whose units would otherwise keep every word
// of their documents. The variants of one unit share one copy, which keeps the words of all
// their passages; the units they had are not changed. It returns the copies, in the order of
// the variants that first have them; SetPassageText(analysed, 0, HeldWords()-1) then gives
// each the text of the words it holds.
func KeepPassages(forms []Formulation) []*Unit {
	type span struct{ w1, w2 int }
	index := map[*Unit]int{}
	var units []*Unit
	var spans []span
	for _, f := range forms {
		for _, v := range f.Variants {
			p := v.Passage
			if i, ok := index[p.Unit]; ok {
				spans[i] = span{min(spans[i].w1, p.W1), max(spans[i].w2, p.W2)}
				continue
			}
			index[p.Unit] = len(units)
			units, spans = append(units, p.Unit), append(spans, span{p.W1, p.W2})
		}
	}
	// one memory for the copies, at its size
	nw, nk, nt := 0, 0, 0
	for i, u := range units {
		at := u.at()
		k1, _ := slices.BinarySearch(at, int32(spans[i].w1))
		k2, _ := slices.BinarySearch(at, int32(spans[i].w2+1))
		nw, nk, nt = nw+spans[i].w2-spans[i].w1+1, nk+k2-k1, nt+len(u.terms())
	}
	m := &unitMem{words: make([]word, 0, nw), keys: make([]uint32, 0, nk), at: make([]int32, 0, nk), terms: make([]termRef, 0, nt)}
	copies := make([]Unit, len(units))
	for i, u := range units {
		copies[i] = *u
		copies[i].keepWords(m, spans[i].w1, spans[i].w2)
		units[i] = &copies[i]
	}
	for k := range forms {
		for v := range forms[k].Variants {
			p := &forms[k].Variants[v].Passage
			i := index[p.Unit]
			p.Unit, p.W1, p.W2 = units[i], p.W1-spans[i].w1, p.W2-spans[i].w1
		}
	}
	return units
}

// HeldWords returns how many words the unit holds: all of its sentence's, or those KeepPassages
// left it.
func (u *Unit) HeldWords() int { return int(u.nw) }

// SetPassageText sets Text to the unit's words w1 to w2 only, from the analysed text of its
// document: for a caller that shows only passages of many units (align holds the text of every
// formulation's passages). Passage.Text of a passage outside those words is then "".
func (u *Unit) SetPassageText(analysed string, w1, w2 int) {
	ws := u.words()
	a, b := int(ws[w1].from()), int(ws[w2].to())
	u.Text, u.textAt = strings.Clone(analysed[u.Start+a:u.Start+b]), uint32(a)
}

// TextIn returns the unit's text in the analysed text of its document (what Units sets as
// Text): for a caller that drops Text while it holds many units and reads it back later.
func (u *Unit) TextIn(analysed string) string {
	return strings.TrimRight(analysed[u.Start:u.End], " \u00a0،,")
}

// termWord returns the key of word i of theme match m (termKeys) as a base key, its id, and the
// theme mark to add to it ("" for none): the base is the word of the term's first spelling when
// the two have as many words, else the word's own key.
func termWord(d *textproc.Doc, lx *textproc.Lexicon, m *textproc.Match, i int, named bool) (base string, id uint32, mark string) {
	n := m.TokEnd - m.TokStart
	if tk := lx.TermKeys(m.Term); len(tk) == n {
		base, id = tk[i-m.TokStart], lx.TermKeyIDs(m.Term)[i-m.TokStart]
	} else {
		base, id = d.Key(i), d.KeyID(i)
	}
	if named && n > 1 && lx.NamesThings(m.Theme) {
		mark = "@" + m.Theme
	}
	return base, id, mark
}

// termIDs is termKeys(d, lx, true) as key ids by token, 0 for a word of no theme match; nil
// when the document has no match.
func termIDs(d *textproc.Doc, lx *textproc.Lexicon) []uint32 {
	if len(d.Matches) == 0 {
		return nil
	}
	out := make([]uint32, len(d.Tokens))
	for k := range d.Matches {
		m := &d.Matches[k]
		for i := m.TokStart; i < m.TokEnd; i++ {
			base, id, mark := termWord(d, lx, m, i, true)
			if mark != "" {
				id = internKey(base + mark)
			}
			out[i] = id
		}
	}
	return out
}

// termKeys returns the keys of the words of theme matches: those of the words of the term's
// first spelling when the two have as many words (منظمة شانغهاي للتعاون as منظمة شنغهاي
// للتعاون), so spelling variants align; with named, for a term of several words that names a
// thing (Lexicon.NamesThings), marked with its theme, so that, as evidence, التعاون in منظمة
// شنغهاي للتعاون is not the التعاون of other statements (a word diff shows the same word as the
// same, named or not).
func termKeys(d *textproc.Doc, lx *textproc.Lexicon, named bool) map[int]string {
	out := make(map[int]string, len(d.Matches))
	for k := range d.Matches {
		m := &d.Matches[k]
		for i := m.TokStart; i < m.TokEnd; i++ {
			base, _, mark := termWord(d, lx, m, i, named)
			out[i] = base + mark
		}
	}
	return out
}

func hasDigit(s string) bool {
	for i := range len(s) {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

func isQuote(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„':
		return true
	}
	return false
}
