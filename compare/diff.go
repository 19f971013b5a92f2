package compare

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// pieces splits text into words (as textproc.Tokenize), runs of white space, and single other
// characters; they concatenate back to text.
func pieces(text string) []string {
	var out []string
	pos := 0
	emitGap := func(gap string) {
		for len(gap) > 0 {
			r, size := utf8.DecodeRuneInString(gap)
			if unicode.IsSpace(r) || r == '\u00a0' {
				j := size
				for j < len(gap) {
					r2, s2 := utf8.DecodeRuneInString(gap[j:])
					if !unicode.IsSpace(r2) && r2 != '\u00a0' {
						break
					}
					j += s2
				}
				out = append(out, gap[:j])
				gap = gap[j:]
				continue
			}
			out = append(out, gap[:size])
			gap = gap[size:]
		}
	}
	for _, t := range textproc.Tokenize(text) {
		emitGap(text[pos:t.Start])
		out = append(out, text[t.Start:t.End])
		pos = t.End
	}
	emitGap(text[pos:])
	return out
}

// WordDiff returns the word-level diff of a and b: each word, white-space run and punctuation
// mark becomes one symbol, the symbol strings are diffed (Myers, via go-diff, with no timeout,
// so the result never depends on machine load), separators between two changes are absorbed
// into them (absorbSeparators), and every insert and delete is classified.
func WordDiff(a, b string) []Op {
	pa, pb := pieces(a), pieces(b)
	sym := map[string]rune{}
	var back []string
	enc := func(ps []string) []rune {
		rs := make([]rune, len(ps))
		for i, p := range ps {
			r, ok := sym[p]
			if !ok {
				r = symbolRune(len(back))
				sym[p] = r
				back = append(back, p)
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := enc(pa), enc(pb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var ops []Op
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(back[symbolIndex(r)])
		}
		kind := Equal
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			kind = Insert
		case diffmatchpatch.DiffDelete:
			kind = Delete
		}
		if n := len(ops); n > 0 && ops[n-1].Op == kind {
			ops[n-1].Text += sb.String()
			continue
		}
		ops = append(ops, Op{Op: kind, Text: sb.String()})
	}
	ops = absorbSeparators(ops)
	classify(ops)
	return ops
}

// absorbSeparators is the token-level cleanup: an equal run of only white space and
// punctuation between two changes joins them, so "[-a-] [-b-]" reads "[-a b-]", while an equal
// word, however short, stays visible. Adjacent ops of one kind are then merged, deletions
// before insertions.
func absorbSeparators(ops []Op) []Op {
	for i := 1; i+1 < len(ops); i++ {
		if ops[i].Op == Equal && ops[i-1].Op != Equal && ops[i+1].Op != Equal && len(words(ops[i].Text)) == 0 {
			ops[i] = Op{Op: Delete, Text: ops[i].Text}
			ops = append(ops[:i+1], append([]Op{{Op: Insert, Text: ops[i].Text}}, ops[i+1:]...)...)
			i++
		}
	}
	var out []Op
	for i := 0; i < len(ops); {
		if ops[i].Op == Equal {
			out = append(out, ops[i])
			i++
			continue
		}
		var del, ins strings.Builder
		for i < len(ops) && ops[i].Op != Equal {
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

func symbolIndex(r rune) int {
	if r >= 0x10000 {
		return int(r - 0x10000)
	}
	return int(r - 0xE000)
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

// classify sets the class of every insert and delete. An adjacent delete and insert form a
// replacement, classed orthographic, morphological, reordered or substitution; a lone one is
// reordered (when its words are inserted or deleted elsewhere in the diff), orthographic (white
// space or punctuation only), or an insertion or deletion.
func classify(ops []Op) {
	paired := make([]int, len(ops))
	for i := range paired {
		paired[i] = -1
	}
	for i := 0; i+1 < len(ops); i++ {
		if ops[i].Op != Equal && ops[i+1].Op != Equal && ops[i].Op != ops[i+1].Op {
			paired[i], paired[i+1] = i+1, i
			i++
		}
	}
	// bag is a text's words without a leading conjunction, sorted: "روسيا والصين" and
	// "الصين وروسيا" are the same words in another order.
	bag := func(s string) string {
		w := words(s)
		for k, x := range w {
			for _, c := range textproc.Conjunctions {
				if strings.HasPrefix(x, c) && utf8.RuneCountInString(x) > 3 {
					w[k] = x[len(c):]
				}
			}
		}
		sort.Strings(w)
		return strings.Join(w, " ")
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
			case sameStems(wi, wj):
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
				if paired[j] < 0 {
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

// sameStems reports whether two word sequences have the same words up to clitics and affixes:
// word by word, a shared clitic-analysis core or the same Snowball stem.
func sameStems(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if textproc.Stem(a[i]) == textproc.Stem(b[i]) {
			continue
		}
		if !shareCore(a[i], b[i]) {
			return false
		}
	}
	return true
}

func shareCore(a, b string) bool {
	for _, x := range textproc.Analyses(a) {
		for _, y := range textproc.Analyses(b) {
			if utf8.RuneCountInString(x.Core) >= 3 && (x.Core == y.Core) {
				return true
			}
		}
	}
	return false
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
