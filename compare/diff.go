package compare

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/readout/readout/textproc"
)

// OpKind is what a diff op does.
type OpKind string

// Diff op kinds.
const (
	Equal  OpKind = "equal"
	Insert OpKind = "insert"
	Delete OpKind = "delete"
)

// Change classes of insert and delete ops.
const (
	Orthographic  = "orthographic"  // identical after normalization: hamza, ta marbuta, diacritics, spacing, punctuation
	Morphological = "morphological" // the same stems with other clitics or affixes
	Reordered     = "reordered"     // the same words moved elsewhere
	Substitution  = "substitution"  // words replaced by other words
	Insertion     = "insertion"     // words added
	Deletion      = "deletion"      // words removed
)

// Op is one piece of a word diff. Equal and delete ops concatenate to the first text, equal
// and insert ops to the second.
type Op struct {
	Op    OpKind `json:"op"`
	Text  string `json:"text"`
	Class string `json:"class,omitempty"`
}

// A piece is a word or the run of white space and punctuation between two words, with the
// symbol the diff aligns it by.
type piece struct {
	text, sym string
	word      bool
	norm, key string
	term      bool // the word is part of a lexicon term (its key is the term's and its place in it)
}

// pieces splits an analysed text into words and gaps; they concatenate back to the text. A
// word's symbol is its alignment key (textproc.Lexicon.Key), that of the word at its place in
// its term's first spelling when it is part of a theme match (so that شنغهاي and شانغهاي align);
// a gap's symbol is its punctuation, white space being all one.
func pieces(d *textproc.Doc, lx *textproc.Lexicon) []piece {
	inTerm := termKeys(d, lx, false)
	var out []piece
	pos := 0
	gap := func(g string) {
		if g == "" {
			return
		}
		sym := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '\u00a0' {
				return -1
			}
			return r
		}, g)
		out = append(out, piece{text: g, sym: "\x00" + sym})
	}
	for i, t := range d.Tokens {
		gap(d.Text[pos:t.Start])
		p := piece{text: d.Text[t.Start:t.End], word: true, norm: d.Norm[i]}
		p.key = d.Key(i)
		if k, ok := inTerm[i]; ok {
			p.key, p.term = k, true
		}
		if p.key == "" {
			p.key = p.text
		}
		p.sym = p.key
		out = append(out, p)
		pos = t.End
	}
	gap(d.Text[pos:])
	return out
}

// prepared is a text made ready to diff: its pieces, the indices of its content words among
// them and those words.
type prepared struct {
	pieces  []piece
	content []int
	picked  []piece
}

// diffCache is how many prepared texts a Differ keeps.
const diffCache = 1024

var defaultLexicon = sync.OnceValue(textproc.DefaultLexicon)

// WordDiff is Differ(textproc.DefaultLexicon())(a, b).
func WordDiff(a, b string) []Op { return Differ(defaultLexicon())(a, b) }

// Differ returns the word diff of a lexicon: words are aligned by alignment key (textproc
// Lexicon.Key, the lexicon's equivalents and the spellings of its terms included), each word,
// white-space run and punctuation mark becoming one symbol, and the symbol strings diffed (Myers,
// via go-diff, with no timeout, so the result never depends on machine load). Aligned words
// written differently are shown as a change of that word alone (orthographic, morphological, or,
// for a paraphrase the lexicon declares, a substitution), so a shared word is never absorbed into
// a longer substitution; separators between two changes are absorbed into them
// (absorbSeparators), and every insert and delete is classified.
func Differ(lx *textproc.Lexicon) func(a, b string) []Op {
	words := lx.NewWords()
	analyzers := sync.Pool{New: func() any { return words.NewAnalyzer() }}
	// A text's pieces are kept for the next diffs: a formulation's variant is diffed with its
	// parent and then with the variants that restate it, and agency copy repeats word for word.
	var mu sync.Mutex
	cache := map[string]*prepared{}
	prep := func(t string) *prepared {
		mu.Lock()
		x, ok := cache[t]
		mu.Unlock()
		if ok {
			return x
		}
		an := analyzers.Get().(*textproc.Analyzer)
		ps := pieces(an.Analyze(t), lx)
		analyzers.Put(an)
		x = &prepared{pieces: ps, content: contentOf(ps, lx)}
		x.picked = pick(ps, x.content)
		mu.Lock()
		if len(cache) >= diffCache {
			clear(cache)
		}
		cache[t] = x
		mu.Unlock()
		return x
	}
	return func(a, b string) []Op {
		xa, xb := prep(a), prep(b)
		pa, pb := xa.pieces, xb.pieces
		var ops []Op
		add := func(o Op) {
			if k := len(ops); k > 0 && ops[k-1].Op == o.Op && ops[k-1].Class == o.Class {
				ops[k-1].Text += o.Text
				return
			}
			ops = append(ops, o)
		}
		same := func(x, y piece) { // two pieces aligned: equal, or one word written otherwise
			if x.text == y.text {
				add(Op{Op: Equal, Text: x.text})
				return
			}
			c := Orthographic // white space, punctuation, spelling; a term's spelling variants
			if x.word && x.norm != y.norm && !(x.term && y.term && textproc.AlignKey(x.norm) != textproc.AlignKey(y.norm)) {
				c = Morphological // the same key: other clitics or inflection, or derivations the lexicon declares
				if textproc.AlignKey(x.norm) != textproc.AlignKey(y.norm) && lx.Equivalence(textproc.AlignKey(x.norm), textproc.AlignKey(y.norm)) == "paraphrase" {
					c = Substitution // a paraphrase the lexicon declares, aligned word for word
				}
			}
			ops = append(ops, Op{Op: Delete, Text: x.text, Class: c}, Op{Op: Insert, Text: y.text, Class: c})
		}
		run := func(xa, xb []piece) { // every piece, diffed
			for _, pr := range lcs(xa, xb) {
				switch {
				case pr[0] >= 0 && pr[1] >= 0:
					same(xa[pr[0]], xb[pr[1]])
				case pr[0] >= 0:
					add(Op{Op: Delete, Text: xa[pr[0]].text})
				default:
					add(Op{Op: Insert, Text: xb[pr[1]].text})
				}
			}
		}
		// The content words first: the longest common sequence of them anchors the diff, so a
		// shared content word is never given up for a function word; what lies between two
		// anchors is diffed piece by piece.
		ca, cb := xa.content, xb.content
		ia, ib := 0, 0
		for _, pr := range lcs(xa.picked, xb.picked) {
			if pr[0] < 0 || pr[1] < 0 {
				continue
			}
			x, y := ca[pr[0]], cb[pr[1]]
			run(pa[ia:x], pb[ib:y])
			same(pa[x], pb[y])
			ia, ib = x+1, y+1
		}
		run(pa[ia:], pb[ib:])
		ops = absorbSeparators(ops)
		classify(ops, lx)
		return ops
	}
}

// contentOf returns the indices of the pieces that are content words: words that are not
// function words, names, reporting verbs, titles or numbers.
func contentOf(ps []piece, lx *textproc.Lexicon) []int {
	var out []int
	for i, p := range ps {
		if p.word && !StopWords[p.norm] && !hasDigit(p.norm) && !lx.IsName(p.norm) && !lx.IsReportingVerb(p.norm) && !lx.IsTitle(p.norm) {
			out = append(out, i)
		}
	}
	return out
}

func pick(ps []piece, idx []int) []piece {
	out := make([]piece, len(idx))
	for k, i := range idx {
		out[k] = ps[i]
	}
	return out
}

// symbolRunes encodes two piece sequences as runes, one rune a distinct symbol, for go-diff's
// rune diff.
func symbolRunes(a, b []piece) (ra, rb []rune) {
	sym := map[string]rune{}
	enc := func(ps []piece) []rune {
		rs := make([]rune, len(ps))
		for i, p := range ps {
			r, ok := sym[p.sym]
			if !ok {
				r = symbolRune(len(sym))
				sym[p.sym] = r
			}
			rs[i] = r
		}
		return rs
	}
	return enc(a), enc(b)
}

// lcs aligns two piece sequences by their symbols (Myers, via go-diff, with no timeout, so the
// result never depends on machine load): pairs of indices, -1 for a piece only on one side, in
// order, deletions before insertions.
func lcs(a, b []piece) [][2]int {
	ra, rb := symbolRunes(a, b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var out [][2]int
	i, j := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		for range n {
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				out = append(out, [2]int{i, -1})
				i++
			case diffmatchpatch.DiffInsert:
				out = append(out, [2]int{-1, j})
				j++
			default:
				out = append(out, [2]int{i, j})
				i++
				j++
			}
		}
	}
	return out
}

// absorbSeparators is the token-level cleanup: an equal run of only white space and
// punctuation between two changes joins them, so "[-a-] [-b-]" reads "[-a b-]", while an equal
// word, however short, stays visible. Adjacent unclassified ops of one kind are then merged,
// deletions before insertions; changes already classed (a word written differently) stay apart.
func absorbSeparators(ops []Op) []Op {
	for i := 1; i+1 < len(ops); i++ {
		if ops[i].Op == Equal && ops[i-1].Op != Equal && ops[i+1].Op != Equal && ops[i-1].Class == "" && ops[i+1].Class == "" && len(words(ops[i].Text)) == 0 {
			ops[i] = Op{Op: Delete, Text: ops[i].Text}
			ops = append(ops[:i+1], append([]Op{{Op: Insert, Text: ops[i].Text}}, ops[i+1:]...)...)
			i++
		}
	}
	var out []Op
	for i := 0; i < len(ops); {
		if ops[i].Op == Equal || ops[i].Class != "" {
			out = append(out, ops[i])
			i++
			continue
		}
		var del, ins strings.Builder
		for i < len(ops) && ops[i].Op != Equal && ops[i].Class == "" {
			if ops[i].Op == Delete {
				del.WriteString(ops[i].Text)
			} else {
				ins.WriteString(ops[i].Text)
			}
			i++
		}
		if del.Len() > 0 {
			out = append(out, Op{Op: Delete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Op{Op: Insert, Text: ins.String()})
		}
	}
	return out
}

// symbolRune maps a piece index to a rune, skipping the surrogate range.
func symbolRune(i int) rune {
	r := rune(0xE000 + i)
	if r >= 0xD800 && r <= 0xDFFF {
		r += 0x800
	}
	if r >= 0xF900 { // leave the private use area: continue in the supplementary planes
		r = rune(0x10000 + i)
	}
	return r
}

// words returns the normalized words of a text.
func words(s string) []string {
	var out []string
	for _, t := range textproc.Tokenize(s) {
		if w := textproc.Normalize(s[t.Start:t.End]); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// classify sets the class of every insert and delete not classed yet. An adjacent delete and
// insert form a replacement, classed orthographic (the same words once normalized),
// morphological (the same alignment keys: other clitics or inflections, or equivalents the
// lexicon declares), reordered or substitution; a lone one is reordered (when its words are
// inserted or deleted elsewhere in the diff), orthographic (white space or punctuation only),
// or an insertion or deletion.
func classify(ops []Op, lx *textproc.Lexicon) {
	paired := make([]int, len(ops))
	for i := range paired {
		paired[i] = -1
	}
	for i := 0; i+1 < len(ops); i++ {
		if ops[i].Op != Equal && ops[i+1].Op != Equal && ops[i].Op != ops[i+1].Op && ops[i].Class == "" && ops[i+1].Class == "" {
			paired[i], paired[i+1] = i+1, i
			i++
		}
	}
	keys := func(ws []string) []string {
		out := make([]string, len(ws))
		for k, w := range ws {
			out[k] = lx.Key(w)
		}
		return out
	}
	// bag is a text's content words' keys, sorted: "روسيا والصين" and "الصين وروسيا" are the
	// same words in another order, and so are "في التنسيق" and "التنسيق" (or the text's words,
	// when it has no content word).
	bag := func(s string) string {
		var content []string
		for _, w := range words(s) {
			if !StopWords[w] && !hasDigit(w) && !lx.IsName(w) {
				content = append(content, w)
			}
		}
		if len(content) == 0 {
			content = words(s)
		}
		k := keys(content)
		sort.Strings(k)
		return strings.Join(k, " ")
	}
	for i := range ops {
		if ops[i].Op == Equal || ops[i].Class != "" {
			continue
		}
		wi := words(ops[i].Text)
		if j := paired[i]; j >= 0 {
			wj := words(ops[j].Text)
			c := Substitution
			switch {
			case strings.Join(wi, " ") == strings.Join(wj, " "):
				c = Orthographic
			case len(wi) > 0 && strings.Join(keys(wi), " ") == strings.Join(keys(wj), " "):
				c = Morphological
			case len(wi) > 0 && bag(ops[i].Text) == bag(ops[j].Text):
				c = Reordered
			}
			ops[i].Class, ops[j].Class = c, c
			continue
		}
		if len(wi) == 0 {
			ops[i].Class = Orthographic
			continue
		}
		// moved: the same words are inserted (or deleted) elsewhere
		b := bag(ops[i].Text)
		moved := false
		for j := range ops {
			if j != i && ops[j].Op != Equal && ops[j].Op != ops[i].Op && bag(ops[j].Text) == b {
				moved = true
				if paired[j] < 0 && ops[j].Class == "" {
					ops[j].Class = Reordered
				}
			}
		}
		switch {
		case moved:
			ops[i].Class = Reordered
		case ops[i].Op == Insert:
			ops[i].Class = Insertion
		default:
			ops[i].Class = Deletion
		}
	}
}

// Reconstruct returns the two texts a diff was made from.
func Reconstruct(ops []Op) (a, b string) {
	var sa, sb strings.Builder
	for _, o := range ops {
		if o.Op != Insert {
			sa.WriteString(o.Text)
		}
		if o.Op != Delete {
			sb.WriteString(o.Text)
		}
	}
	return sa.String(), sb.String()
}

// WordDiffText renders ops in git's word-diff convention: [-removed-]{+added+}; with color, in
// red and green ANSI colour instead.
func WordDiffText(ops []Op, color bool) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Op {
		case Equal:
			b.WriteString(o.Text)
		case Delete:
			if color {
				b.WriteString("\x1b[31m" + o.Text + "\x1b[0m")
			} else {
				b.WriteString("[-" + o.Text + "-]")
			}
		case Insert:
			if color {
				b.WriteString("\x1b[32m" + o.Text + "\x1b[0m")
			} else {
				b.WriteString("{+" + o.Text + "+}")
			}
		}
	}
	return b.String()
}
