package textproc

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Arabic clitics, in normalized spelling. A word can carry a conjunction, then a preposition,
// then the article (ل + ال is written لل), and, when it has no article, one pronoun suffix.
var (
	Conjunctions  = []string{"و", "ف"}
	Prepositions  = []string{"ب", "ك", "ل"}
	Article       = "ال"
	PronounSuffix = []string{"هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي", "ني"}
)

// proclitic is one chain of proclitics and whether it includes the article.
type proclitic struct {
	text     string
	articled bool
}

// proclitics lists every chain conj? prep? art?, longest first (و ف ب ك ل ال لل وال بال فال كال
// ولل فلل وب فب وك ...).
var proclitics = buildProclitics()

func buildProclitics() []proclitic {
	var out []proclitic
	for _, c := range append([]string{""}, Conjunctions...) {
		for _, p := range append([]string{""}, Prepositions...) {
			for _, a := range []string{"", Article} {
				s := c + p + a
				if p == "ل" && a == Article {
					s = c + "لل"
				}
				if s != "" {
					out = append(out, proclitic{s, a != ""})
				}
			}
		}
	}
	// longest first, then alphabetical, for a stable order
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j].text, out[j-1].text); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func less(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

// Analysis is one reading of a normalized Arabic token as proclitics + core + suffix.
type Analysis struct {
	Prefix   string // proclitic chain, "" if none
	Core     string // what remains; a ت before a suffix is read back as ة (normalized ه)
	Suffix   string // pronoun suffix, "" if none
	Articled bool   // the prefix includes the article
	// Kind is what the reading takes off besides clitics: an indefinite accusative ending
	// (تنسيقا = تنسيق + ا) or an English verb inflection. Such a reading matches only the
	// words of patterns that allow it (theme terms and exclusions; a theme's verbs).
	Kind ReadingKind
}

// ReadingKind tells a plain clitic reading from one that takes off an inflection.
type ReadingKind uint8

const (
	Plain      ReadingKind = iota
	Indefinite             // the tanween alef of the indefinite accusative: استراتيجيا، تنسيقا
	Verb                   // an English verb's -ed, -ing or -s: vowed, vowing, vows
)

// IndefiniteAlef is the alef that carries the tanween of the indefinite accusative (تنسيقًا),
// normalized: the tanween itself is a haraka and is folded.
const IndefiniteAlef = "ا"

// MinIndefiniteCore is the shortest core, in letters, left when the accusative alef is read
// off: أمنا is أمن + ا, but دعا is not دع + ا.
const MinIndefiniteCore = 3

// MinCore is the shortest core, in letters, that clitic stripping may leave. After the
// preposition ك (as, like), which starts many unrelated words, the core needs MinCoreAfterKaf.
const (
	MinCore         = 2
	MinCoreAfterKaf = 4
)

// Analyses returns every reading of a normalized Arabic token, the bare token first. The
// article and a pronoun suffix never go together (a noun with a possessive suffix is already
// definite).
func Analyses(tok string) []Analysis {
	out := []Analysis{{Core: tok}}
	add := func(a Analysis) {
		n := utf8.RuneCountInString(a.Core)
		if n < MinCore || (a.Suffix != "" && (a.Articled || strings.HasPrefix(a.Core, Article))) {
			return
		}
		if strings.HasSuffix(a.Prefix, "ك") && n < MinCoreAfterKaf {
			return // كامن is not ك + أمن
		}
		out = append(out, a)
		if a.Suffix != "" && strings.HasSuffix(a.Core, "ت") {
			// سيادتهما = سيادة + هما: the ta marbuta is written ت before a suffix.
			b := a
			b.Core = strings.TrimSuffix(a.Core, "ت") + "ه"
			out = append(out, b)
		}
	}
	// the indefinite accusative: no article, no pronoun suffix (تعاونا استراتيجيا، وتنسيقا)
	indefinite := func(prefix, rest string) {
		core, ok := strings.CutSuffix(rest, IndefiniteAlef)
		if ok && !strings.HasPrefix(core, Article) && utf8.RuneCountInString(core) >= MinIndefiniteCore {
			out = append(out, Analysis{Prefix: prefix, Core: core, Suffix: IndefiniteAlef, Kind: Indefinite})
		}
	}
	for _, s := range PronounSuffix {
		if strings.HasSuffix(tok, s) {
			add(Analysis{Core: strings.TrimSuffix(tok, s), Suffix: s})
		}
	}
	indefinite("", tok)
	for _, p := range proclitics {
		if !strings.HasPrefix(tok, p.text) {
			continue
		}
		rest := tok[len(p.text):]
		add(Analysis{Prefix: p.text, Core: rest, Articled: p.articled})
		if p.articled {
			continue
		}
		for _, s := range PronounSuffix {
			if strings.HasSuffix(rest, s) {
				add(Analysis{Prefix: p.text, Core: strings.TrimSuffix(rest, s), Suffix: s})
			}
		}
		if utf8.RuneCountInString(rest)-1 >= MinCoreAfterKaf || !strings.HasSuffix(p.text, "ك") {
			indefinite(p.text, rest)
		}
	}
	return out
}

// baseKey is a lexicon word without its article, when what remains is long enough to stand
// alone; otherwise the word itself.
func baseKey(w string) string {
	if strings.HasPrefix(w, Article) && utf8.RuneCountInString(w) >= 2+MinCore {
		return w[len(Article):]
	}
	return w
}

// dropSpelled removes from an the indefinite readings of a word the lexicon spells with its
// final alef (روسيا, a side, is not روسي + ا; أوكرانيا, a term, not أوكراني + ا).
func (lx *Lexicon) dropSpelled(an []Analysis) []Analysis {
	return slices.DeleteFunc(an, func(a Analysis) bool {
		return a.Kind == Indefinite && lx.spelled[a.Core+IndefiniteAlef]
	})
}
