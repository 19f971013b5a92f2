package textproc

import (
	"crypto/sha256"
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed lexicon/default.yaml
var defaultLexicon []byte

// DefaultLexiconYAML returns the built-in lexicon file.
func DefaultLexiconYAML() []byte { return append([]byte(nil), defaultLexicon...) }

// DefaultLexicon returns the built-in lexicon, compiled.
func DefaultLexicon() *Lexicon {
	lx, probs := ParseLexicon(defaultLexicon, "built-in lexicon")
	if len(probs) > 0 {
		panic(fmt.Sprintf("the built-in lexicon has problems: %v", probs)) // caught by the tests
	}
	return lx
}

// Lexicon is a compiled theme lexicon with its speaker rules.
type Lexicon struct {
	Name   string
	Themes []*Theme
	Actors []*Actor
	Hash   string // SHA-256 of the file's bytes

	joint          []*Pattern
	channels       []*Channel
	cuePhrases     []*Pattern // reporting phrases (أصدر بيانا، pointed out)
	cueExclusions  []*Pattern // a reporting word in one of these is not speech (أشار بيده)
	exclusionHeads wordSet    // the first words of cueExclusions
	contentStems   []string   // content words of three letters or more, sorted: a prefix of a word after a content verb
	documents      []*Pattern // subjects that report a leader (البيان، the readout)
	verbs          verbSet    // reporting verbs
	contentVerbs   verbSet    // reporting verbs that are speech only with a content (رحب)
	relayVerbs     verbSet    // verbs through which a medium relays a speaker (نقل عن)
	sources        wordSet    // words that name the speaker after the content (بحسب)
	contentWords   wordSet    // what makes a content verb speech when it follows (إلى، تأكيد)
	modals         wordSet    // with the speaker before, the content goes on (ينبغي، should)
	otherHeads     wordSet    // nouns that head someone else's subject (وزير، spokesman)
	commentators   wordSet    // other speakers who read a leader rather than relay him (analysts, المحلل)
	firstPerson    wordSet    // first-person words: outside a quotation, the speaker before goes on (نحن، our)
	narrOpeners    wordSet    // a sentence they open is narration (يذكر أن)
	pronouns       wordSet    // pronouns that stand for the last speaker named (he)
	pastMarkers    wordSet    // words that make a reporting verb a past reference (منذ)
	continuations  wordSet    // participles that continue the same speaker (مضيفا)
	addresseeVerbs wordSet    // verbs whose only noun phrase may be the addressee (أبلغ)
	titles         wordSet    // words allowed between a verb and its subject (الرئيس)
	particles      wordSet    // words allowed before a continuing verb (كما، قد)
	complementizer wordSet    // words that open the reported content (أن، إن، إلى)
	openers        wordSet    // prepositions that open an adverbial before a verb (في، على)

	names      wordSet             // alignment keys of words that name the sides or frame the statement: no evidence of a formulation
	generic    wordSet             // alignment keys of words too common in the genre to be much evidence (formulations.generic)
	termWords  map[string][]string // a term's name → the words of its first spelling
	termKeys   map[string][]string // a term's name → the alignment keys (Key) of those words
	termKeyIDs map[string][]uint32 // and their ids (KeyID)
	named      map[string]bool     // themes whose terms name things (formulations.named)
	namedTheme []bool              // the same, by theme index
	equiv      map[string]string   // alignment key → the key of its class of declared equivalents
	equivKind  map[string]string   // alignment key → "morphological" or "paraphrase"

	themeIndex *index
	exclIndex  *index
	actorIndex *index
	laterKeys  map[string]bool // the words after the first of every pattern, and their base forms
	laterWild  []wordKey       // and those that are wildcards
	spelled    wordSet         // the lexicon's words that end in alef: never read as an indefinite accusative (أوكرانيا، روسيا)
}

// Theme is one theme: an id, labels, and the terms that count as a mention.
type Theme struct {
	ID      string
	Labels  map[string]string // by language: ar, en
	Terms   []*Pattern
	Exclude []*Pattern
	Line    int
}

// Label returns the theme's label in lang, else its English label, else its id.
func (t *Theme) Label(lang string) string {
	if l := t.Labels[lang]; l != "" {
		return l
	}
	if l := t.Labels["en"]; l != "" {
		return l
	}
	return t.ID
}

// Actor is a speaker readout attributes statements to.
type Actor struct {
	ID      string
	Labels  map[string]string
	Aliases []*Pattern
	Sides   []*Pattern // its country, capital and government: a subject that continues its statement
	Line    int
}

// Channel is a medium or office through which statements are reported (Xinhua, the Kremlin).
type Channel struct {
	ID      string
	Aliases []*Pattern
	Line    int
}

// Owners of the speaker patterns besides actors (0 up) and joint (-1): a channel's is
// channelOwner(i), an actor's side's sideOwner(i).
func channelOwner(i int) int { return -2 - i }
func sideOwner(i int) int    { return -1000 - i }

// Owners of the reporting phrases (cue_phrases), exclusions and documents.
const (
	cueOwner       = -500
	exclusionOwner = -501
	documentOwner  = -502
)

// Pattern is one spelling of a term: normalized words, matched with clitics allowed on the
// first word and a suffix on the last; a word ending in * matches any word it begins.
type Pattern struct {
	Term    string   // the term's name: its first spelling, as written in the lexicon
	Text    string   // this spelling, as written
	Words   []string // normalized
	Line    int
	owner   int       // theme or actor index; -1 for joint
	keys    []wordKey // Words prepared for matching (nil for a Pattern made elsewhere)
	lexicon *Lexicon  // the lexicon whose index holds it; nil for a search phrase
	// Verb is set for a theme's verbs: an English word may carry -ed and -ing (vowed, vowing).
	Verb bool
	// definite is set for speaker patterns (names, titles, sides): a word of theirs is never
	// read as an indefinite accusative (روسيا is not روسي + ا).
	definite bool
}

// wordKey is a pattern word prepared for form.matches.
type wordKey struct {
	w, base string // the word and baseKey(w); for a wildcard, the word without its * and its baseKey
	wild    bool
	// the readings beyond clitics that the word accepts
	indefinite, verb bool
	// probe is in the normalized text of every word the key matches: a reading's core is a
	// part of the word, but for its last letter (ta marbuta written ت, English -ies for -y),
	// and the base is a part of the key.
	probe string
}

func newWordKey(w string) wordKey {
	k := wordKey{w: w}
	if stem, ok := strings.CutSuffix(w, "*"); ok {
		k.w, k.wild = stem, true
	}
	k.base = baseKey(k.w)
	_, size := utf8.DecodeLastRuneInString(k.base)
	k.probe = k.base[:len(k.base)-size]
	return k
}

// matchesCore reports whether a reading's core is the word: equal to it, or to its base (the
// article is a clitic like the others: a word written with it, الامم, also matches its bare
// and suffixed forms, and a word written without it, سياده, matches السياده, بالسياده,
// سيادتهما); for a wildcard, beginning with it or its base.
func (k wordKey) matchesCore(core string) bool {
	if k.wild {
		return strings.HasPrefix(core, k.w) || strings.HasPrefix(core, k.base)
	}
	return core == k.w || core == k.base
}

// prepare fills p.keys.
func (p *Pattern) prepare() *Pattern {
	p.keys = make([]wordKey, len(p.Words))
	for i := range p.Words {
		p.keys[i] = p.newKey(i)
	}
	return p
}

// newKey prepares word j with the readings the pattern allows.
func (p *Pattern) newKey(j int) wordKey {
	k := newWordKey(p.Words[j])
	k.indefinite, k.verb = !p.definite, p.Verb
	return k
}

// key returns word j prepared for matching.
func (p *Pattern) key(j int) wordKey {
	if p.keys != nil {
		return p.keys[j]
	}
	return p.newKey(j)
}

// Problem is something wrong in a lexicon file, at a line.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// SpeakerNone and SpeakerJoint are the speaker ids that are not actors.
const (
	SpeakerNone  = "none"
	SpeakerJoint = "joint"
)

var idRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

type parser struct {
	file  string
	probs []Problem
}

func (p *parser) problem(line int, format string, a ...any) {
	p.probs = append(p.probs, Problem{File: p.file, Line: line, Msg: fmt.Sprintf(format, a...)})
}

// mapping walks a YAML mapping, calling f for each allowed key and reporting unknown ones.
func (p *parser) mapping(n *yaml.Node, what string, allowed []string, f func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.problem(n.Line, "%s must be a mapping of keys", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ok := false
		for _, a := range allowed {
			if k.Value == a {
				ok = true
			}
		}
		if !ok {
			hint := ""
			if what == "the lexicon" {
				hint = "; a quanteda or LIWC dictionary? make a lexicon of it with: readout lexicon import FILE"
			}
			p.problem(k.Line, "unknown key %q in %s (known: %s)%s", k.Value, what, strings.Join(allowed, ", "), hint)
			continue
		}
		if seen[k.Value] {
			p.problem(k.Line, "key %q appears twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		f(k.Value, k, v)
	}
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		p.problem(n.Line, "%s must be a string", what)
		return ""
	}
	return n.Value
}

func (p *parser) strs(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		p.problem(n.Line, "%s must be a list", what)
		return nil
	}
	var out []*yaml.Node
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			p.problem(c.Line, "each item of %s must be a string", what)
			continue
		}
		out = append(out, c)
	}
	return out
}

func (p *parser) labels(n *yaml.Node, what string) map[string]string {
	m := map[string]string{}
	p.mapping(n, what+" labels", []string{"ar", "en"}, func(key string, k, v *yaml.Node) {
		m[key] = p.str(v, what+" label "+key)
		if i := strings.IndexFunc(m[key], badLabelRune); i >= 0 {
			r, _ := utf8.DecodeRuneInString(m[key][i:])
			p.problem(v.Line, "%s label %s has a control character (U+%04X): a label is one line of plain text; remove it", what, key, r)
		}
	})
	return m
}

// pattern compiles one spelling.
func (p *parser) pattern(n *yaml.Node, term string, owner int, what string) *Pattern {
	for _, f := range strings.Fields(n.Value) {
		if i := strings.IndexByte(f, '*'); i >= 0 && i < len(f)-1 {
			p.problem(n.Line, "%s %q: * stands only once, at the end of a word (sover*: any ending); %q cannot be matched as written", what, n.Value, f)
			return nil
		}
	}
	words := phraseWords(n.Value)
	if len(words) == 0 {
		p.problem(n.Line, "%s %q normalizes to nothing (no letters or digits)", what, n.Value)
		return nil
	}
	for _, w := range words {
		if strings.HasSuffix(w, "*") && len([]rune(w)) < 3 {
			p.problem(n.Line, "%s %q: a wildcard needs at least two letters before *", what, n.Value)
			return nil
		}
	}
	return (&Pattern{Term: term, Text: n.Value, Words: words, Line: n.Line, owner: owner}).prepare()
}

// terms compiles a terms list: each item a spelling, or a list of spellings of one term (the
// first names it).
func (p *parser) terms(n *yaml.Node, owner int, what string) []*Pattern {
	if n.Kind != yaml.SequenceNode {
		p.problem(n.Line, "%s must be a list", what)
		return nil
	}
	var out []*Pattern
	for _, item := range n.Content {
		switch item.Kind {
		case yaml.ScalarNode:
			if pt := p.pattern(item, item.Value, owner, what); pt != nil {
				out = append(out, pt)
			}
		case yaml.SequenceNode:
			if len(item.Content) == 0 {
				p.problem(item.Line, "empty list of spellings in %s", what)
				continue
			}
			name := item.Content[0].Value
			for _, v := range item.Content {
				if v.Kind != yaml.ScalarNode {
					p.problem(v.Line, "each spelling in %s must be a string", what)
					continue
				}
				if pt := p.pattern(v, name, owner, what); pt != nil {
					out = append(out, pt)
				}
			}
		default:
			p.problem(item.Line, "each item of %s must be a term or a list of spellings", what)
		}
	}
	return out
}

// verbSet is a list of verbs with their forms: an Arabic "past|present" pair of stems gives
// the past (أكد، أكدت، أكدا، أكدتا، أكدوا، أكده) and present forms (يؤكد، تؤكد، نؤكد، سيؤكد،
// يؤكدان، يؤكدون); an English word its -s and -ed forms (not the -ing form, which is a continuing
// participle); any other word matches itself.
type verbSet struct {
	forms map[string]bool // form → dual
}

func (p *parser) verbSet(n *yaml.Node, what string) verbSet {
	vs := verbSet{forms: map[string]bool{}}
	add := func(f string, dual bool) {
		if f != "" {
			vs.forms[f] = vs.forms[f] || dual
		}
	}
	for _, v := range p.strs(n, what) {
		past, present, pair := strings.Cut(strings.TrimSpace(v.Value), "|")
		past, present = Normalize(past), Normalize(present)
		if past == "" {
			p.problem(v.Line, "%s item %q normalizes to nothing", what, v.Value)
			continue
		}
		if !pair {
			add(past, false)
			if isLatin(past) { // -s and -ed forms
				w := past
				for _, f := range []string{w + "s", w + "es", w + "ed", w + "d", w + w[len(w)-1:] + "ed"} {
					add(f, false)
				}
				if strings.HasSuffix(w, "y") {
					add(w[:len(w)-1]+"ied", false)
					add(w[:len(w)-1]+"ies", false)
				}
			}
			continue
		}
		for _, suf := range []string{"", "ت", "وا", "نا", "ه", "ها", "ته"} { // and with an object pronoun: أكده
			add(past+suf, false)
		}
		add(past+"ا", true)
		add(past+"تا", true)
		if strings.HasSuffix(past, "ي") || strings.HasSuffix(past, "ا") { // أبدى، دعا: أبدت، أبديا، دعت، دعوا
			stem := past[:len(past)-len("ا")]
			add(stem+"ت", false)
			add(stem+"يا", true)
			add(stem+"وا", false)
		}
		if present == "" {
			continue
		}
		for _, pre := range []string{"ي", "ت", "ن", "ا", "سي", "ست"} {
			add(pre+present, false)
			add(pre+present+"ه", false)
			add(pre+present+"ون", false)
			add(pre+present+"ان", true)
		}
	}
	return vs
}

// match reports whether a normalized word, with a conjunction (و ف) or not, is one of the
// verbs, and whether it is a dual form.
func (vs verbSet) match(norm string) (ok, dual bool) {
	if vs.forms == nil {
		return false, false
	}
	for _, w := range append([]string{norm}, stripConjunction(norm)...) {
		if d, ok := vs.forms[w]; ok {
			return true, d
		}
	}
	return false, false
}

func stripConjunction(w string) []string {
	var out []string
	for _, c := range Conjunctions {
		if rest, ok := strings.CutPrefix(w, c); ok && rest != "" {
			out = append(out, rest)
		}
	}
	return out
}

func isLatin(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

func (p *parser) wordSet(n *yaml.Node, what string) wordSet {
	s := wordSet{}
	for _, v := range p.strs(n, what) {
		w := Normalize(strings.TrimSpace(v.Value))
		if w == "" {
			p.problem(v.Line, "%s item %q normalizes to nothing", what, v.Value)
			continue
		}
		s[w] = true
	}
	return s
}

// ParseLexicon parses and checks a lexicon file. The lexicon is nil when there are problems.
func ParseLexicon(b []byte, file string) (*Lexicon, []Problem) {
	p := &parser{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		msg := err.Error()
		line := 0
		if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(msg); m != nil {
			fmt.Sscan(m[1], &line)
		}
		return nil, []Problem{{File: file, Line: line, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}}
	}
	if len(doc.Content) == 0 {
		return nil, []Problem{{File: file, Msg: "the file is empty: a lexicon needs a themes list"}}
	}
	lx := &Lexicon{Hash: fmt.Sprintf("%x", sha256.Sum256(b))}
	var themesNode *yaml.Node
	overlap := false
	p.mapping(doc.Content[0], "the lexicon", []string{"name", "version", "overlap", "themes", "speakers", "formulations"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "overlap":
			switch s := p.str(v, "overlap"); s {
			case "allowed":
				overlap = true
			case "refused":
			default:
				p.problem(v.Line, "overlap is allowed (a term may be in several themes, as in LIWC and quanteda dictionaries) or refused (the default), not %q", s)
			}
		case "name":
			lx.Name = p.str(v, "name")
		case "version":
			p.str(v, "version")
		case "themes":
			themesNode = v
		case "speakers":
			p.speakers(v, lx)
		case "formulations":
			p.formulations(v, lx)
		}
	})
	if themesNode == nil {
		p.problem(doc.Content[0].Line, "no themes: the lexicon needs a themes list")
	} else {
		p.themes(themesNode, lx)
	}
	p.crossCheck(lx, overlap)
	if len(p.probs) > 0 {
		sort.SliceStable(p.probs, func(i, j int) bool { return p.probs[i].Line < p.probs[j].Line })
		return nil, p.probs
	}
	lx.build()
	return lx, nil
}

func (p *parser) themes(n *yaml.Node, lx *Lexicon) {
	if n.Kind != yaml.SequenceNode {
		p.problem(n.Line, "themes must be a list")
		return
	}
	ids := map[string]int{}
	for _, item := range n.Content {
		th := &Theme{Line: item.Line, Labels: map[string]string{}}
		idx := len(lx.Themes)
		hasTerms := false
		p.mapping(item, "a theme", []string{"id", "labels", "terms", "verbs", "exclude", "description"}, func(key string, k, v *yaml.Node) {
			switch key {
			case "id":
				th.ID = p.str(v, "id")
			case "labels":
				th.Labels = p.labels(v, "theme")
			case "terms":
				hasTerms = true
				th.Terms = append(th.Terms, p.terms(v, idx, "terms")...)
			case "verbs":
				hasTerms = true
				vs := p.terms(v, idx, "verbs")
				for _, pt := range vs {
					pt.Verb = true
					pt.prepare()
				}
				th.Terms = append(th.Terms, vs...)
			case "exclude":
				th.Exclude = p.terms(v, idx, "exclude")
			case "description":
				p.str(v, "description")
			}
		})
		switch {
		case th.ID == "":
			p.problem(item.Line, "a theme has no id")
		case !idRe.MatchString(th.ID):
			p.problem(item.Line, "theme id %q must be lower-case ASCII letters, digits and _ (e.g. belt_and_road)", th.ID)
		}
		if first, dup := ids[th.ID]; dup && th.ID != "" {
			p.problem(item.Line, "theme %q is defined twice (first on line %d)", th.ID, first)
		}
		ids[th.ID] = item.Line
		if !hasTerms || len(th.Terms) == 0 {
			p.problem(item.Line, "theme %q is empty: give it terms", th.ID)
		}
		lx.Themes = append(lx.Themes, th)
	}
}

func (p *parser) speakers(n *yaml.Node, lx *Lexicon) {
	p.mapping(n, "speakers", []string{"actors", "joint", "channels", "reporting_verbs", "cue_phrases", "content_verbs", "relay_verbs", "sources",
		"continuations", "addressee_verbs", "titles", "pronouns", "particles", "complementizers", "openers", "past_markers",
		"content_words", "cue_exclusions", "documents", "modals", "narration_openers", "other_subjects", "commentators", "first_person"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "actors":
			if v.Kind != yaml.SequenceNode {
				p.problem(v.Line, "actors must be a list")
				return
			}
			ids := map[string]int{}
			for _, item := range v.Content {
				a := &Actor{Line: item.Line}
				idx := len(lx.Actors)
				p.mapping(item, "an actor", []string{"id", "labels", "aliases", "sides"}, func(key string, k, v *yaml.Node) {
					switch key {
					case "id":
						a.ID = p.str(v, "id")
					case "labels":
						a.Labels = p.labels(v, "actor")
					case "aliases":
						a.Aliases = p.terms(v, idx, "aliases")
					case "sides":
						a.Sides = p.terms(v, sideOwner(idx), "sides")
					}
				})
				switch {
				case !idRe.MatchString(a.ID):
					p.problem(item.Line, "actor id %q must be lower-case ASCII letters, digits and _", a.ID)
				case a.ID == SpeakerNone || a.ID == SpeakerJoint:
					p.problem(item.Line, "actor id %q is reserved", a.ID)
				}
				if first, dup := ids[a.ID]; dup {
					p.problem(item.Line, "actor %q is defined twice (first on line %d)", a.ID, first)
				}
				ids[a.ID] = item.Line
				if len(a.Aliases) == 0 {
					p.problem(item.Line, "actor %q has no aliases", a.ID)
				}
				lx.Actors = append(lx.Actors, a)
			}
		case "joint":
			lx.joint = p.terms(v, -1, "joint")
		case "channels":
			if v.Kind != yaml.SequenceNode {
				p.problem(v.Line, "channels must be a list")
				return
			}
			for _, item := range v.Content {
				c := &Channel{Line: item.Line}
				idx := len(lx.channels)
				p.mapping(item, "a channel", []string{"id", "aliases"}, func(key string, k, v *yaml.Node) {
					switch key {
					case "id":
						c.ID = p.str(v, "id")
					case "aliases":
						c.Aliases = p.terms(v, channelOwner(idx), "channel aliases")
					}
				})
				if !idRe.MatchString(c.ID) {
					p.problem(item.Line, "channel id %q must be lower-case ASCII letters, digits and _", c.ID)
				}
				if len(c.Aliases) == 0 {
					p.problem(item.Line, "channel %q has no aliases", c.ID)
				}
				lx.channels = append(lx.channels, c)
			}
		case "reporting_verbs":
			lx.verbs = p.verbSet(v, key)
		case "cue_phrases":
			lx.cuePhrases = p.terms(v, cueOwner, "cue_phrases")
		case "content_verbs":
			lx.contentVerbs = p.verbSet(v, key)
		case "relay_verbs":
			lx.relayVerbs = p.verbSet(v, key)
		case "sources":
			lx.sources = p.wordSet(v, key)
		case "content_words":
			lx.contentWords = p.wordSet(v, key)
		case "cue_exclusions":
			lx.cueExclusions = p.terms(v, exclusionOwner, key)
		case "documents":
			lx.documents = p.terms(v, documentOwner, key)
		case "modals":
			lx.modals = p.wordSet(v, key)
		case "narration_openers":
			lx.narrOpeners = p.wordSet(v, key)
		case "other_subjects":
			lx.otherHeads = p.wordSet(v, key)
		case "commentators":
			lx.commentators = p.wordSet(v, key)
		case "first_person":
			lx.firstPerson = p.wordSet(v, key)
		case "pronouns":
			lx.pronouns = p.wordSet(v, key)
		case "past_markers":
			lx.pastMarkers = p.wordSet(v, key)
		case "continuations":
			lx.continuations = p.wordSet(v, key)
		case "addressee_verbs":
			lx.addresseeVerbs = p.wordSet(v, key)
		case "titles":
			lx.titles = p.wordSet(v, key)
		case "particles":
			lx.particles = p.wordSet(v, key)
		case "complementizers":
			lx.complementizer = p.wordSet(v, key)
		case "openers":
			lx.openers = p.wordSet(v, key)
		}
	})
}

// formulations parses the words that statement alignment treats specially: names (which weigh
// nothing as evidence that two passages state the same thing) and equivalents (words aligned
// as one: derivations that mean the same, paraphrases analysts accept).
func (p *parser) formulations(n *yaml.Node, lx *Lexicon) {
	p.mapping(n, "formulations", []string{"names", "framing", "generic", "named", "equivalents"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "generic":
			lx.generic = wordSet{}
			for w := range p.wordSet(v, "formulations generic") {
				lx.generic[AlignKey(w)] = true
			}
		case "named":
			lx.named = map[string]bool{}
			for _, t := range p.strs(v, "formulations named") {
				lx.named[t.Value] = true
			}
		case "names", "framing":
			if lx.names == nil {
				lx.names = wordSet{}
			}
			for w := range p.wordSet(v, "formulations "+key) {
				lx.names[AlignKey(w)] = true
			}
		case "equivalents":
			if v.Kind != yaml.SequenceNode {
				p.problem(v.Line, "equivalents must be a list")
				return
			}
			lx.equiv, lx.equivKind = map[string]string{}, map[string]string{}
			for _, item := range v.Content {
				kind := "morphological"
				var words []*yaml.Node
				switch item.Kind {
				case yaml.SequenceNode:
					words = item.Content
				case yaml.MappingNode:
					p.mapping(item, "an equivalence", []string{"words", "kind"}, func(key string, k, v *yaml.Node) {
						switch key {
						case "words":
							words = p.strs(v, "equivalence words")
						case "kind":
							kind = p.str(v, "equivalence kind")
							if kind != "morphological" && kind != "paraphrase" {
								p.problem(v.Line, "equivalence kind %q: use morphological or paraphrase", kind)
							}
						}
					})
				default:
					p.problem(item.Line, "each equivalence must be a list of words, or {words: [...], kind: paraphrase}")
					continue
				}
				if len(words) < 2 {
					p.problem(item.Line, "an equivalence needs two words or more")
					continue
				}
				first := ""
				for _, w := range words {
					key := AlignKey(Normalize(strings.TrimSpace(w.Value)))
					if key == "" || strings.Contains(strings.TrimSpace(w.Value), " ") {
						p.problem(w.Line, "equivalence %q: give single words", w.Value)
						continue
					}
					if first == "" {
						first = key
					}
					if prev, ok := lx.equiv[key]; ok && prev != first {
						p.problem(w.Line, "%q is in two equivalences", w.Value)
						continue
					}
					lx.equiv[key], lx.equivKind[key] = first, kind
				}
			}
		}
	})
}

// crossCheck refuses a term (in normalized form) listed twice in a theme, and in two themes
// unless overlap is allowed.
func (p *parser) crossCheck(lx *Lexicon, overlap bool) {
	seen := map[string]*Pattern{}
	themeOf := func(pt *Pattern) string { return lx.Themes[pt.owner].ID }
	for _, th := range lx.Themes {
		mine := map[string]*Pattern{}
		for _, pt := range th.Terms {
			key := strings.Join(pt.Words, " ")
			if first, ok := mine[key]; ok {
				p.problem(pt.Line, "term %q is listed twice in theme %q (first on line %d)", pt.Text, th.ID, first.Line)
				continue
			}
			mine[key] = pt
			if first, ok := seen[key]; ok && !overlap {
				p.problem(pt.Line, "term %q is in two themes: %q and %q (line %d); keep it in one, exclude the overlap, or say overlap: allowed", pt.Text, themeOf(first), th.ID, first.Line)
				continue
			}
			if _, ok := seen[key]; !ok {
				seen[key] = pt
			}
		}
	}
}

// ThemeIDs returns the ids of the themes, in lexicon order.
func (lx *Lexicon) ThemeIDs() []string {
	out := make([]string, len(lx.Themes))
	for i, t := range lx.Themes {
		out[i] = t.ID
	}
	return out
}

// ThemeIndex returns the index in Themes of the theme with the id, or -1.
func (lx *Lexicon) ThemeIndex(id string) int {
	for i, t := range lx.Themes {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// Theme returns the theme with the id, or nil.
func (lx *Lexicon) Theme(id string) *Theme {
	if i := lx.ThemeIndex(id); i >= 0 {
		return lx.Themes[i]
	}
	return nil
}

// SpeakerIDs returns the speaker ids in display order: the actors, joint, none.
func (lx *Lexicon) SpeakerIDs() []string {
	var out []string
	for _, a := range lx.Actors {
		out = append(out, a.ID)
	}
	return append(out, SpeakerJoint, SpeakerOther, SpeakerNone)
}

type wordSet map[string]bool

// wordClass says which of the speaker rules' word lists a word is in, one bit a list.
type wordClass uint32

const (
	classVerb wordClass = 1 << iota
	classContinuation
	classAddresseeVerb
	classTitle
	classParticle
	classComplementizer
	classOpener
	classDual    // a dual form of a reporting verb (أكدا، يتفقان)
	classContent // a reporting verb that is speech only with a content (رحب)
	classRelay   // نقل، quoted
	classSource  // بحسب، according
	classPronoun
	classPast
	classNarration     // narration_openers (يذكر أن)
	classJointDoc      // a word that makes a document joint (مشترك، المشتركة, joint)
	classOtherHead     // other_subjects (وزير، spokesman)
	classCommentator   // commentators (analysts, المحلل)
	classExclusionHead // the first word of a cue exclusion (أشار in أشار بيده)
	classFirstPerson   // first_person (نحن، our)
)

// classOf looks a normalized word up in every word list of the speaker rules.
func (lx *Lexicon) classOf(norm string) wordClass {
	var c wordClass
	for i, s := range []wordSet{nil, lx.continuations, lx.addresseeVerbs, lx.titles, lx.particles, lx.complementizer, lx.openers} {
		if s.has(norm) {
			c |= 1 << i
		}
	}
	if ok, dual := lx.verbs.match(norm); ok {
		c |= classVerb
		if dual {
			c |= classDual
		}
	}
	if ok, dual := lx.contentVerbs.match(norm); ok {
		c |= classVerb | classContent
		if dual {
			c |= classDual
		}
	}
	if ok, _ := lx.relayVerbs.match(norm); ok {
		c |= classRelay
	}
	if strings.Contains(norm, "مشترك") || norm == "joint" {
		c |= classJointDoc
	}
	for _, x := range []struct {
		s     wordSet
		class wordClass
	}{{lx.sources, classSource}, {lx.pronouns, classPronoun}, {lx.pastMarkers, classPast}, {lx.narrOpeners, classNarration}, {lx.otherHeads, classOtherHead},
		{lx.commentators, classCommentator}, {lx.exclusionHeads, classExclusionHead}, {lx.firstPerson, classFirstPerson}} {
		if x.s.has(norm) {
			c |= x.class
		}
	}
	return c
}

// has reports whether the normalized token, with a conjunction (و ف) or not, is in the set.
func (s wordSet) has(tok string) bool {
	if s[tok] {
		return true
	}
	for _, c := range Conjunctions {
		if strings.HasPrefix(tok, c) && s[tok[len(c):]] {
			return true
		}
	}
	return false
}

// Key returns the alignment key of a normalized word (AlignKey), its class's when the lexicon
// declares it equivalent to others.
func (lx *Lexicon) Key(norm string) string {
	k := AlignKey(norm)
	if c, ok := lx.equiv[k]; ok {
		return c
	}
	return k
}

// Equivalence returns the kind of equivalence ("morphological" or "paraphrase") the lexicon
// declares between two different alignment keys of one class, or "".
func (lx *Lexicon) Equivalence(keyA, keyB string) string {
	ca, oka := lx.equiv[keyA]
	cb, okb := lx.equiv[keyB]
	if oka && okb && ca == cb {
		if lx.equivKind[keyA] == "paraphrase" || lx.equivKind[keyB] == "paraphrase" {
			return "paraphrase"
		}
		return "morphological"
	}
	return ""
}

// IsName reports whether a normalized word names one of the sides or belongs to the news frame
// around a statement: it has the alignment key of a word of an actor's alias or of the
// lexicon's formulations names and framing (الصينية as الصيني). These are no evidence that two
// passages state the same thing.
func (lx *Lexicon) IsName(norm string) bool { return lx.names[AlignKey(norm)] }

// TermWords returns the normalized words of a term's first spelling (the term's name), nil
// when the lexicon has no such term.
func (lx *Lexicon) TermWords(term string) []string { return lx.termWords[term] }

// TermKeys returns the alignment keys (Key) of the words of a term's first spelling, a
// prefix's without its asterisk, or nil for a term the lexicon does not have.
func (lx *Lexicon) TermKeys(term string) []string { return lx.termKeys[term] }

// TermKeyIDs returns the ids (KeyID) of TermKeys(term).
func (lx *Lexicon) TermKeyIDs(term string) []uint32 { return lx.termKeyIDs[term] }

// IsGeneric reports whether a normalized word is too common in the genre to be much evidence
// that two passages state the same thing (العلاقات، الثنائية، الوضع الدولي): the lexicon's
// formulations generic, by alignment key.
func (lx *Lexicon) IsGeneric(norm string) bool { return lx.generic[AlignKey(norm)] }

// NamesThings reports whether a theme's terms name things (the UN, the SCO, the Belt and
// Road), so that the words of its terms are the name's, not ordinary words.
func (lx *Lexicon) NamesThings(theme string) bool { return lx.named[theme] }

// WordRoles are what statement alignment makes of a word, as bits: the lexicon's lists it is
// in (Lexicon.Roles).
type WordRoles uint8

// Word roles.
const (
	RoleName         WordRoles = 1 << iota // IsName
	RoleGeneric                            // IsGeneric
	RoleReporting                          // IsReportingVerb
	RoleContinuation                       // IsContinuation
	RoleTitle                              // IsTitle
	RoleOther                              // an other_subjects word (وزير، spokesman): who speaks, not what
)

// Roles returns the roles of a normalized word.
func (lx *Lexicon) Roles(norm string) WordRoles {
	var r WordRoles
	k := AlignKey(norm)
	for _, c := range []struct {
		on   bool
		role WordRoles
	}{
		{lx.names[k], RoleName}, {lx.generic[k], RoleGeneric}, {lx.IsReportingVerb(norm), RoleReporting},
		{lx.continuations.has(norm), RoleContinuation}, {lx.titles.has(norm), RoleTitle}, {lx.otherHeads.has(norm), RoleOther},
	} {
		if c.on {
			r |= c.role
		}
	}
	return r
}

// IsTitle reports whether a normalized token is a title or one of the words that may stand
// between a verb and its subject (الرئيس، اليوم، president).
func (lx *Lexicon) IsTitle(norm string) bool { return lx.titles.has(norm) }

// IsReportingVerb reports whether a normalized token (with or without و/ف) is a reporting verb
// of the lexicon.
func (lx *Lexicon) IsReportingVerb(norm string) bool {
	ok, _ := lx.verbs.match(norm)
	return ok
}

// IsContinuation reports whether a normalized token is a continuing participle (مضيفا).
func (lx *Lexicon) IsContinuation(norm string) bool { return lx.continuations.has(norm) }

// badLabelRune is a rune a label cannot hold: a control character (a line break among them),
// a line or paragraph separator, or a bidi embedding, override or isolate.
func badLabelRune(r rune) bool {
	return r < 0x20 || r >= 0x7F && r < 0xA0 || r == 0x2028 || r == 0x2029 || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}
