package compare

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/readout/readout/textproc"
)

// Unit is a statement unit: a sentence, or a clause of a long sentence. Offsets are into the
// document's analysed text.
type Unit struct {
	Doc        string    `json:"doc"`
	Date       time.Time `json:"-"`
	Index      int       `json:"index"` // 0-based position among the document's units
	Sentence   int       `json:"sentence"`
	Start, End int       `json:"-"`
	Speaker    string    `json:"speaker"`
	Themes     []string  `json:"themes"`
	Text       string    `json:"text"`

	stems []string // word stems, for alignment
}

// ClauseOpeners are words that begin a new clause after a comma when no reporting verb does
// (normalized).
var ClauseOpeners = map[string]bool{"حيث": true, "كما": true, "بينما": true, "لكن": true, "لكنه": true, "فيما": true, "اذ": true, "ثم": true, "while": true, "but": true, "adding": true}

// StopWords are left out of alignment: prepositions, conjunctions, pronouns, demonstratives and
// auxiliaries, in normalized spelling (with their common clitic forms), Arabic and English.
var StopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`في من الي علي عن مع ب ل ك و ف او ام ثم حتي منذ عند لدي لدى بين خلال حول ضد دون
		ان انه انها انهم انهما بان بانه لان لانه كان كانت يكون تكون قد لقد لم لن لا ما ماذا لكن لكنه بل اذا اذ
		هذا هذه ذلك تلك هو هي هم هما نحن انا انت الذي التي الذين اللذين اللتين ما مما فيما كما حيث ايضا كل بعض
		غير عبر تجاه نحو وفي ومن والي وعلي وعن ومع وان وانه وهو وهي وهذا وهذه وذلك وقد وكان ولا وما ولم ولن
		فيه فيها منه منها عليه عليها اليه اليها له لها لهم بها به معه معها بينهما
		the a an of to in on at for with by from and or but that this these those it its is are was were be been
		has have had will would should can could as than into about over between also not no their his her they we`) {
		m[w] = true
	}
	return m
}()

// MinClauseTokens is the fewest tokens each side of a clause split must keep.
const MinClauseTokens = 4

// Units divides an analysed document into statement units: each sentence, split into clauses
// where, after a comma, a new clause with its own verb begins: a reporting verb (وأكد، قال),
// a continuing participle (مضيفا), a clause opener (حيث، كما، لكن) or a purpose clause (من
// أجل); and where a colon introduces a quotation (قال: "…"), so that the quoted statement stands
// apart from its attribution. A list of names has no such word after its commas, so it is never
// split. Each side keeps at least MinClauseTokens tokens. (Sentences already end at ؛.)
func Units(doc string, date time.Time, d *textproc.Doc, lx *textproc.Lexicon) []Unit {
	stems := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		n := d.Norm[i]
		if t.Kind != textproc.Word || n == "" || StopWords[n] || lx.IsReportingVerb(n) || lx.IsContinuation(n) {
			continue
		}
		stems[i] = d.Stem(i)
	}
	// Who speaks is the unit's speaker, not its wording: names and titles do not count.
	for _, m := range d.Actors {
		for i := m.TokStart; i < m.TokEnd; i++ {
			stems[i] = ""
		}
	}
	// The words of a theme match count as their term, so spelling variants the lexicon knows
	// (شنغهاي، شانغهاي) align: the first word carries the term, the others nothing.
	for _, m := range d.Matches {
		for i := m.TokStart; i < m.TokEnd; i++ {
			stems[i] = ""
		}
		stems[m.TokStart] = termStem(m.Term)
	}
	type span struct{ sent, a, b, start, end int }
	var spans []span
	for _, s := range d.Sentences {
		cuts := []int{s.TokStart}
		for i := s.TokStart + MinClauseTokens; i <= s.TokEnd-MinClauseTokens; i++ {
			if i-cuts[len(cuts)-1] < MinClauseTokens {
				continue
			}
			gap := d.Text[d.Tokens[i-1].End:d.Tokens[i].Start]
			n := d.Norm[i]
			switch {
			case strings.Contains(gap, ":") && strings.ContainsFunc(gap, isQuote):
				cuts = append(cuts, i) // قال: "..." — the quoted statement is its own unit
			case !strings.ContainsAny(gap, "،,"):
			case lx.IsReportingVerb(n) || lx.IsContinuation(n) || ClauseOpeners[n]:
				cuts = append(cuts, i)
			case n == "من" && i+1 < s.TokEnd && d.Norm[i+1] == "اجل":
				cuts = append(cuts, i) // ، من أجل: a purpose clause
			}
		}
		cuts = append(cuts, s.TokEnd)
		for k := 0; k+1 < len(cuts); k++ {
			a, b := cuts[k], cuts[k+1]
			if a >= b {
				continue
			}
			start := d.Tokens[a].Start
			if k == 0 {
				start = s.Start
			}
			end := d.Tokens[b-1].End
			if k+2 == len(cuts) {
				end = s.End
			}
			spans = append(spans, span{s.Index, a, b, start, end})
		}
	}
	// A corpus holds hundreds of thousands of units: allocate each slice at its size.
	out := make([]Unit, len(spans))
	for k, sp := range spans {
		s := d.Sentences[sp.sent]
		u := Unit{Doc: doc, Date: date, Index: k, Sentence: sp.sent, Start: sp.start, End: sp.end,
			Speaker: s.Speaker}
		u.Text = u.TextIn(d.Text)
		for _, m := range d.Matches {
			if m.TokStart >= sp.a && m.TokStart < sp.b && !slices.Contains(u.Themes, m.Theme) {
				u.Themes = append(u.Themes, m.Theme)
			}
		}
		n := 0
		for i := sp.a; i < sp.b; i++ {
			if stems[i] != "" {
				n++
			}
		}
		u.stems = make([]string, 0, n)
		for i := sp.a; i < sp.b; i++ {
			if stems[i] != "" {
				u.stems = append(u.stems, stems[i])
			}
		}
		out[k] = u
	}
	return out
}

// TextIn returns the unit's text in the analysed text of its document (what Units sets as
// Text): for a caller that drops Text while it holds many units and reads it back later.
func (u *Unit) TextIn(analysed string) string {
	return strings.TrimRight(analysed[u.Start:u.End], " \u00a0،,")
}

// termStems holds the stand-in stem of each lexicon term ("⟨term⟩"), made once.
var termStems sync.Map

func termStem(term string) string {
	if s, ok := termStems.Load(term); ok {
		return s.(string)
	}
	s, _ := termStems.LoadOrStore(term, "⟨"+term+"⟩")
	return s.(string)
}

func isQuote(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„':
		return true
	}
	return false
}
