package textproc

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Attribution: who says each sentence. The rules are in docs/METHODS.md (text.speakers); their
// words are the lexicon's speakers section. Each sentence gets a speaker (an actor's id, joint,
// other or none), the rule that decided it, the cue (the reporting word), the source (the words
// naming the speaker) and the channel (a medium it is reported through).

// Rule ids, as Sentence.Rule gives them.
const (
	RuleHeadline     = "headline-colon"     // بوتين: …
	RuleRelay        = "relay"              // نقلت شينخوا عن شي قوله
	RuleSource       = "source"             // …، بحسب شي / …, according to Xi
	RuleSubjectAfter = "subject-after"      // قال شي / …, said Xi
	RuleSubject      = "subject-before"     // الرئيس الروسي يؤكد / Xi said
	RuleImplicit     = "implicit-subject"   // وأضاف أن: the speaker before
	RuleDual         = "dual-verb"          // وأكدا: both
	RuleOther        = "other-subject"      // وقال وزير الخارجية / the spokesman said
	RulePronoun      = "pronoun"            // he said: the last speaker named
	RuleParticiple   = "participle"         // مضيفا أن
	RuleSpeechClause = "speech-clause"      // Xi met Putin, stressing …; …, with Xi telling Putin that …
	RuleQuote        = "inside-quotation"   // a sentence that begins inside a quotation
	RuleQuoteAfter   = "quotation-then-cue" // "…" then the next sentence says who said it
	RuleComplement   = "complement"         // وأن …: the content goes on
	RuleSide         = "side-subject"       // الجانب الصيني مستعد …: the speaker's side goes on
	RuleNarration    = "narration"
	RulePast         = "past-reference" // منذ أن أعلن …: a statement of the past, not reported here
	RuleTranscript   = "transcript"     // after "Putin: …", the paragraph is his
	RuleModal        = "modal"          // ينبغي …، China should …: the content goes on
	RuleDocument     = "document"       // the joint statement said …, a medium's report of a leader
	RuleFirstPerson  = "first-person"   // نحن …، we …, outside a quotation: the speaker before speaks on
)

// SpeakerOther is the speaker of a statement by someone who is not an actor of the lexicon
// (a spokesman, a minister, an agency reporting a fact).
const SpeakerOther = "other"

// quoteKind's answers
const (
	quoteOpen  = +1
	quoteClose = -1
	quoteBoth  = 2
)

// hit kinds, by the pattern's owner
const (
	hitActor = iota
	hitJoint
	hitChannel
	hitSide
	hitCue
	hitExclusion
	hitDocument
)

// speakerScan holds one document's actor, joint, channel, side and cue-phrase matches.
type speakerScan struct {
	lx     *Lexicon
	text   string
	tokens []Token
	forms  []*form
	hits   []hit   // in order, not overlapping, none across a sentence boundary
	cover  []int32 // for each token, the index of the hit that holds it, or -1
	marks  []int   // byte offsets of the text's terminals and quotation marks, in order (nil: unknown)

	seen       []bool // actors named so far, by index
	lastName   string // the actor named last
	otherPair  bool   // the pair named last is not the lexicon's (بوتين ونظيره التركي)
	transcript string // the speaker of a transcript (Putin: …) whose words go on
	prevText   string // the sentence before, when it was someone's
	// of the sentence being attributed: the classes of its words, whether it holds a cue
	// phrase, the first actor named in it
	classes    wordClass
	hasCue     bool
	firstActor string
	channelHit hit // the first medium named in it (p nil: none)
	quoteBuf   []bool
	noQuote    []bool
	jointDoc   bool // a joint statement has been named: "the statement" is it
}

func (s *speakerScan) kind(h hit) int {
	switch o := h.p.owner; {
	case o >= 0:
		return hitActor
	case o == -1:
		return hitJoint
	case o == cueOwner:
		return hitCue
	case o == exclusionOwner:
		return hitExclusion
	case o == documentOwner:
		return hitDocument
	case o <= -1000:
		return hitSide
	default:
		return hitChannel
	}
}

// id returns an actor hit's actor, joint for a joint hit, a side's actor, a channel's id.
func (s *speakerScan) id(h hit) string {
	switch o := h.p.owner; s.kind(h) {
	case hitActor:
		return s.lx.Actors[o].ID
	case hitJoint:
		return SpeakerJoint
	case hitSide:
		return s.lx.Actors[-1000-o].ID
	case hitChannel:
		return s.lx.channels[-2-o].ID
	}
	return ""
}

// index fills cover, for each token, with the index of the hit that holds it (-1: none), so
// that the lookups below take constant time.
func (s *speakerScan) index(cover []int32) {
	cover = cover[:0]
	for range s.tokens {
		cover = append(cover, -1)
	}
	for k, h := range s.hits {
		for i := h.start; i < h.end; i++ {
			cover[i] = int32(k)
		}
	}
	s.cover = cover
}

// covering returns the hit that holds token i.
func (s *speakerScan) covering(i int) (hit, bool) {
	if i < 0 || i >= len(s.cover) || s.cover[i] < 0 {
		return hit{}, false
	}
	return s.hits[s.cover[i]], true
}

// atStart returns the hit that begins at token i.
func (s *speakerScan) atStart(i int) (hit, bool) {
	if h, ok := s.covering(i); ok && h.start == i {
		return h, true
	}
	return hit{}, false
}

// atEnd returns the hit that ends just before token i.
func (s *speakerScan) atEnd(i int) (hit, bool) {
	if h, ok := s.covering(i - 1); ok && h.end == i {
		return h, true
	}
	return hit{}, false
}

// gap returns the text between tokens a and b (a < b).
func (s *speakerScan) gap(a, b int) string {
	return s.text[s.tokens[a].End:s.tokens[b].Start]
}

func (s *speakerScan) span(a, b int) Span { return Span{s.tokens[a].Start, s.tokens[b-1].End} }

// breaks reports whether punctuation that ends a clause, opens a quotation, or introduces
// speech stands in a gap.
func breaks(gap string) bool {
	return strings.ContainsFunc(gap, func(r rune) bool {
		return r == ':' || r == '،' || r == ',' || r == ';' || r == '؛' || quoteKind(r) != 0 || isTerminal(r) || r == '(' || r == ')' || r == '-' || r == '–' || r == '—'
	})
}

func hasComma(gap string) bool { return strings.ContainsAny(gap, "،,") }
func hasColon(gap string) bool { return strings.ContainsRune(gap, ':') }
func hasQuote(gap string) bool {
	return strings.ContainsFunc(gap, func(r rune) bool { return quoteKind(r) != 0 })
}

// is reports whether token i is in one of the word lists of class.
func (s *speakerScan) is(i int, class wordClass) bool { return s.forms[i].class&class != 0 }

// otherSpan returns the words naming another speaker from j: up to three, before a break and,
// in Arabic, before a complementizer, a preposition glued on (بيسكوف للصحفيين إن، محللون أن)
// or a reporting verb.
func (s *speakerScan) otherSpan(j, end int) Span {
	k := j + 1
	for k < end && k < j+3 && !breaks(s.gap(k-1, k)) && !(s.arabic(k) && (s.is(k, classComplementizer|classVerb|classContinuation) ||
		strings.HasPrefix(s.norm(k), "ل") && !strings.HasPrefix(s.norm(k), "ال"))) {
		k++
	}
	return s.span(j, k)
}

// otherHeadNear returns the first other_subjects word (the preposition ل glued on or not)
// among the three words from i, before any punctuation: the head of the noun phrase a source
// word names (according to [Chinese] experts, وفقا لبيسكوف).
func (s *speakerScan) otherHeadNear(i, end int) (int, bool) {
	if i < end && (s.norm(i) == "to" || s.norm(i) == "the") {
		i++ // according to [the] …
	}
	for k := i; k < end && k < i+3; k++ {
		if k > i && breaks(s.gap(k-1, k)) {
			break
		}
		if s.is(k, classOtherHead) {
			return k, true
		}
		if n, ok := strings.CutPrefix(s.norm(k), "ل"); ok && s.arabic(k) && s.lx.otherHeads.has(n) {
			return k, true
		}
		if h, ok := s.covering(k); ok && s.kind(h) != hitChannel && !s.possessive(h) {
			break // an actor's name (a medium's may go on: Kremlin spokesman; and a possessive: Putin's spokesman)
		}
	}
	return 0, false
}

func (s *speakerScan) arabic(i int) bool { return s.forms[i].arabic }

func (s *speakerScan) norm(i int) string { return s.forms[i].norm }

// verdict is what a sentence says about its speaker.
type verdict struct {
	speaker, rule   string
	cue, source     Span
	channel         string
	channelAt       Span
	continues       bool // the speaker is the one before (speaker is set from it)
	quoteNoCue      bool // it opens a quotation and names no speaker: the next sentence may
	decidedByAfter  bool // its speaker is named after the content (…, Xi said)
	explicitSpeaker bool
}

// who resolves a hit as a subject: an actor, joint (when both actors have been named; else
// another pair: other), a channel (other, the channel kept), a side (its actor's, when that
// actor spoke before; else other).
func (s *speakerScan) who(h hit, prev string) (speaker, channel string) {
	switch s.kind(h) {
	case hitActor:
		return s.id(h), ""
	case hitJoint:
		return SpeakerJoint, ""
	case hitChannel:
		return SpeakerOther, s.id(h)
	case hitSide:
		if s.id(h) == prev {
			return prev, ""
		}
		return SpeakerOther, ""
	}
	return SpeakerOther, ""
}

func (s *speakerScan) bothNamed() bool {
	n := 0
	for _, seen := range s.seen {
		if seen {
			n++
		}
	}
	return n >= 2
}

// withPair returns, for the speaker sp named by h, joint and the span of both names when h is
// coordinated with the other actor in direction dir (بوتين وشي، Xi and Putin), else sp and h's
// span.
func (s *speakerScan) withPair(h hit, dir int, sp string) (string, Span) {
	if s.coordinated(h, dir) {
		return SpeakerJoint, s.pairSpan(h, dir)
	}
	return sp, s.span(h.start, h.end)
}

// pairSpan returns the span of the two names of a pair coordinated with h (coordinated(h, dir)):
// بوتين وشي، Xi and Putin.
func (s *speakerScan) pairSpan(h hit, dir int) Span {
	if o, ok := s.partner(h, dir); ok {
		if dir > 0 {
			return s.span(h.start, o.end)
		}
		return s.span(o.start, h.end)
	}
	return s.span(h.start, h.end)
}

// coordinated widens an actor hit to joint when another actor is joined to it with "and" (و),
// looking after (dir > 0) or before (dir < 0) it.
func (s *speakerScan) coordinated(h hit, dir int) bool {
	if s.kind(h) != hitActor {
		return false
	}
	_, ok := s.partner(h, dir)
	return ok
}

// partner finds the other actor joined to actor hit h with "and" (و), after (dir > 0) or
// before (dir < 0) it: شي وبوتين; الرئيس الصيني شي جين بينغ، والرئيس الروسي فلاديمير بوتين;
// Putin and China's President Xi Jinping (an English title between).
func (s *speakerScan) partner(h hit, dir int) (hit, bool) {
	id := s.id(h)
	other := func(o hit) bool { return s.kind(o) == hitActor && s.id(o) != id }
	if dir > 0 {
		if h.end >= len(s.forms) {
			return hit{}, false
		}
		g := s.gap(h.end-1, h.end)
		if o, ok := s.atStart(h.end); ok && (!breaks(g) || hasComma(g) && !isTerminal(lastRune(g))) && strings.HasPrefix(s.norm(h.end), "و") && other(o) {
			return o, true
		}
		if s.norm(h.end) == "and" {
			for k := h.end + 1; k < len(s.forms); k++ {
				if o, ok := s.atStart(k); ok && other(o) {
					return o, true
				}
				if !s.titleWord(k) || breaks(s.gap(k-1, k)) {
					break
				}
			}
		}
		return hit{}, false
	}
	if h.start > 0 && strings.HasPrefix(s.norm(h.start), "و") {
		if o, ok := s.atEnd(h.start); ok && other(o) {
			return o, true
		}
	}
	if h.start > 0 && !s.arabic(h.start) && strings.TrimSpace(s.gap(h.start-1, h.start)) == "," {
		// Xi, Putin pledge …: two names and a comma opening a headline
		if o, ok := s.atEnd(h.start); ok && other(o) && (o.start == 0 || strings.ContainsRune(s.gap(o.start-1, o.start), '\n')) {
			return o, true
		}
	}
	k := h.start
	for k > 1 && s.titleWord(k-1) && !breaks(s.gap(k-1, k)) {
		k--
	}
	if k > 1 && s.norm(k-1) == "and" {
		if o, ok := s.atEnd(k - 1); ok && other(o) {
			return o, true
		}
	}
	return hit{}, false
}

// counterparts are the English nouns a leader's name stands in apposition to after a comma.
var counterparts = map[string]bool{"counterpart": true, "counterparts": true}

// channelWithin finds a medium named from token j to before end (according to state
// broadcaster China Central Television: after two words that are not a name).
func (s *speakerScan) channelWithin(j, end int) (hit, bool) {
	for k := j; k < end; k++ {
		if breaks(s.gap(k-1, k)) {
			break
		}
		if h, ok := s.atStart(k); ok {
			return h, s.kind(h) == hitChannel
		}
	}
	return hit{}, false
}

// hasHitAt reports whether a name begins at token j.
func (s *speakerScan) hasHitAt(j int) bool {
	_, ok := s.atStart(j)
	return ok
}

// question reports whether an English sentence is a question: it ends with a question mark and
// opens with a question word or an auxiliary (What did the two presidents agree on?).
func (s *speakerScan) question(a, b int) bool {
	if b <= a || s.arabic(a) || !strings.Contains(s.text[s.tokens[b-1].End:min(len(s.text), s.tokens[b-1].End+3)], "?") {
		return false
	}
	switch s.norm(a) {
	case "what", "why", "how", "who", "when", "where", "which", "did", "does", "do", "will", "can", "is", "are", "was", "were":
		return true
	}
	return false
}

// appositionSubject finds, for an English reporting verb at i right after a comma, its subject
// in the clause before: a name and a title set off by commas. At the sentence's end (…,"
// Ivan Petrov, an analyst at an institute, said.) the name before the title; at its
// start (But Xi's envoy, Li Hui, said …) a phrase headed by another subject's word
// before the name. An actor there is the speaker; anyone else is other.
func (s *speakerScan) appositionSubject(a, i, b int, cue Span, subject func(hit, string, Span, int) verdict,
	decide func(string, string, Span, Span) verdict) (verdict, bool) {
	// the phrases before the verb, nearest first: each begins after a comma, a quotation mark,
	// a terminal or at the sentence's start
	bounds := []int{i}
	for k := i - 1; k > a && len(bounds) < 4; k-- {
		g := s.gap(k-1, k)
		if hasQuote(g) || isTerminal(lastRune(g)) {
			bounds = append(bounds, k)
			break
		}
		if hasComma(g) {
			bounds = append(bounds, k)
		}
	}
	if len(bounds) < 4 && bounds[len(bounds)-1] > a && !hasQuote(s.gap(bounds[len(bounds)-1]-1, bounds[len(bounds)-1])) {
		bounds = append(bounds, a)
	}
	if len(bounds) < 3 {
		return verdict{}, false
	}
	title, name := [2]int{bounds[1], bounds[0]}, [2]int{bounds[2], bounds[1]}
	end := i + 1
	for end < b && (s.is(end, classTitle) || s.norm(end) == "on") {
		end++ // said on Tuesday
	}
	if end == b {
		// …, NAME, TITLE, said.
		if h, ok := s.atStart(name[0]); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) && h.end == name[1] {
			return subject(h, RuleSubject, cue, +1), true
		}
		if s.allCapitalized(name[0], name[1]) && s.isNounLike(title[0]) {
			return decide(SpeakerOther, RuleOther, cue, s.span(name[0], i)), true
		}
		return verdict{}, false
	}
	// [But] Xi's envoy, Li Hui, said …
	head, nm := name, title
	o := head[0]
	for o < head[1]-1 && (s.is(o, classParticle) || s.norm(o) == "but") {
		o++
	}
	if k, ok := s.otherHeadNear(o, head[1]); ok && k < head[1] && s.allCapitalized(nm[0], nm[1]) {
		if lv, ok := s.relayedLeader(k, i+1, b, "", cue, false); ok {
			return lv, true
		}
		return decide(SpeakerOther, RuleOther, cue, s.span(o, head[1])), true
	}
	return verdict{}, false
}

// callContent decides, for token i a form of call, whether a content follows (ok false: i is
// not call): an object and a predicate noun (called Putin a friend, called him his "old
// friend") or a quotation within three words (called it "a turning point"); not called Putin
// on Monday (a phone call), nor what it calls "…" (the writer's gloss of a name).
func (s *speakerScan) callContent(i, b int) (content, ok bool) {
	switch s.norm(i) {
	case "call", "calls", "called", "calling":
	default:
		return false, false
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if s.norm(k) == "what" {
			return false, true
		}
	}
	if s.callsSomeone(i, b) {
		return true, true
	}
	for j := i + 1; j < b && j <= i+3; j++ {
		if hasQuote(s.gap(j-1, j)) {
			return true, true
		}
	}
	return false, true
}

// callsSomeone reports whether call at token i has an object and a predicate noun.
func (s *speakerScan) callsSomeone(i, b int) bool {
	k := i + 1
	if k < b && (s.norm(k) == "him" || s.norm(k) == "her" || s.norm(k) == "it" || s.norm(k) == "them") {
		k++
	} else if h, ok := s.atStart(k); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) {
		k = h.end
	} else {
		return false
	}
	if k >= b || breaks(s.gap(k-1, k)) {
		return false
	}
	switch s.norm(k) {
	case "a", "an", "his", "her", "their", "our", "my":
		return true
	}
	return false
}

// englishPhrase reports whether the cue from i to end is an English cue phrase (called for,
// shared the view): speech by itself, though its verb alone needs a content (called him "…").
func (s *speakerScan) englishPhrase(i, end int) bool {
	r, _ := utf8.DecodeRuneInString(s.text[s.tokens[i].Start:])
	return end > i+1 && r < 0x80
}

// nounAfterOpener reports whether the reporting word j follows a preposition opening the clause
// with at most two words between, none of them capitalized: In introductory remarks, In brief
// comments, At closing statements are a phrase; In Beijing the spokesman said is a subject.
func (s *speakerScan) nounAfterOpener(head, j int) bool {
	if r, _ := utf8.DecodeRuneInString(s.text[s.tokens[j].Start:]); r >= 0x80 || !s.is(head, classOpener) || j-head > 3 {
		return false // English only
	}
	for k := head + 1; k < j; k++ {
		if s.capitalized(k) || breaks(s.gap(k-1, k)) {
			return false
		}
	}
	return true
}

// capitalized reports whether English token k begins with a capital letter.
func (s *speakerScan) capitalized(k int) bool {
	r, _ := utf8.DecodeRuneInString(s.text[s.tokens[k].Start:])
	return unicode.IsUpper(r)
}

// allCapitalized reports whether English tokens from to end all begin with a capital (a name).
func (s *speakerScan) allCapitalized(from, end int) bool {
	if from >= end {
		return false
	}
	for k := from; k < end; k++ {
		if !s.capitalized(k) {
			return false
		}
	}
	return true
}

// titleWord reports whether English token k may stand in a title before a name: a title word,
// or a side's possessive (China's, Russia's).
func (s *speakerScan) titleWord(k int) bool {
	if s.arabic(k) {
		return false
	}
	if s.is(k, classTitle) {
		return true
	}
	n := s.norm(k)
	if !strings.HasSuffix(n, "'s") && !strings.HasSuffix(n, "’s") {
		return false
	}
	h, ok := s.covering(k)
	return ok && (s.kind(h) == hitSide || s.kind(h) == hitActor) // (russia's president is an alias)
}

// inQuote marks the tokens of a sentence that stand inside quotation marks opened in it.
func (s *speakerScan) inQuote(sent Sentence) []bool {
	a, b := sent.TokStart, sent.TokEnd
	if !sent.InQuote && !s.quoteIn(sent.Start, sent.End) {
		for len(s.noQuote) < b-a {
			s.noQuote = append(s.noQuote, false)
		}
		return s.noQuote[:b-a] // no mark in it: nothing quoted (never written to)
	}
	out := s.quoteBuf[:0]
	open := sent.InQuote
	for i := a; i < b; i++ {
		g := s.text[sent.Start:s.tokens[a].Start]
		if i > a {
			g = s.gap(i-1, i)
		}
		if mayQuote(g) {
			for _, r := range g {
				switch quoteKind(r) {
				case quoteOpen:
					open = true
				case quoteClose:
					open = false
				case quoteBoth:
					open = !open
				}
			}
		}
		out = append(out, open)
	}
	s.quoteBuf = out
	return out
}

// quoteIn reports whether a quotation mark stands in text[start:end], from the offsets of the
// terminals and quotation marks the tokenizer found (all marks when they were not kept).
func (s *speakerScan) quoteIn(start, end int) bool {
	if s.marks == nil {
		return mayQuote(s.text[start:end])
	}
	for k := sort.SearchInts(s.marks, start); k < len(s.marks) && s.marks[k] < end; k++ {
		r, _ := utf8.DecodeRuneInString(s.text[s.marks[k]:])
		if quoteKind(r) != 0 {
			return true
		}
	}
	return false
}

// mayQuote reports whether a gap may hold a quotation mark: a '"' or the first byte of one of
// the multi-byte marks (« » “ ” „ ‘ ’ ‹ › ″ 「 」 『 』); most gaps are a space.
func mayQuote(g string) bool {
	if len(g) < 8 {
		for i := 0; i < len(g); i++ {
			if c := g[i]; c == '"' || c == 0xC2 || c == 0xE2 || c == 0xE3 {
				return true
			}
		}
		return false
	}
	return strings.IndexByte(g, '"') >= 0 || strings.IndexByte(g, 0xC2) >= 0 || strings.IndexByte(g, 0xE2) >= 0 || strings.IndexByte(g, 0xE3) >= 0
}

// noContent reports whether the reporting word at token i is a content verb (رحب، رد) with no
// content after its last token: a welcome, a gift, not speech.
func (s *speakerScan) noContent(i, last, b int) bool {
	return s.is(i, classContent) && !s.content(last, b)
}

// content reports whether what follows token i opens the reported content: a complementizer,
// a colon, a quotation, or (English) "as" before a quotation.
func (s *speakerScan) content(i, b int) bool {
	if c, ok := s.callContent(i, b); ok {
		return c
	}
	for j := i + 1; j < b && j <= i+8; j++ {
		g := s.gap(j-1, j)
		if hasColon(g) || hasQuote(g) {
			return true
		}
		if s.norm(j) == "to" && j > i+1 {
			continue // called Putin on Monday to discuss …: a purpose, not the content (referred to: it is)
		}
		if (s.is(j, classComplementizer) || strings.HasPrefix(s.norm(j), "ان") || strings.HasPrefix(s.norm(j), "بان")) && !s.addresseeAfter(j) {
			return true
		}
		if _, named := s.covering(j); named {
			i++ // the words of a name do not count in the window (شدد كل من الرئيس الصيني … على)
		} else if j <= i+4 && s.speechWord(j) && !s.addresseeAfter(j) {
			return true // أشار إلى، أشار شي إلى، سلط الرئيس الصيني الضوء على
		}
		if isTerminal(lastRune(g)) {
			return false
		}
	}
	return false
}

// speechWord reports whether token j, right after a content verb, makes it speech: a
// preposition of speech (أشار إلى، شدد على) or a speech noun, with a suffix or not (جدد
// تأكيده، أبدى ارتياحه).
func (s *speakerScan) speechWord(j int) bool {
	n := s.norm(j)
	if s.lx.contentWords.has(n) {
		return true
	}
	for _, w := range s.lx.contentStems {
		if strings.HasPrefix(stripOne(n), w) {
			return true
		}
	}
	return false
}

func stripOne(n string) string {
	if r, ok := strings.CutPrefix(n, "و"); ok && len(r) > 4 {
		return r
	}
	return n
}

// otherPartner reports whether an actor hit is joined with "and" to someone who is not an actor
// (بوتين ونظيره التركي، Putin and Indian Prime Minister Modi): another pair.
func (s *speakerScan) otherPartner(h hit) bool {
	if s.kind(h) != hitActor || h.end >= len(s.forms) || breaks(s.gap(h.end-1, h.end)) {
		return false
	}
	n := s.norm(h.end)
	if _, ok := s.atStart(h.end); ok {
		return false
	}
	if strings.HasPrefix(n, "و") && (strings.HasPrefix(n, "ونظير") || strings.HasPrefix(n, "ورئيس") || s.lx.otherHeads.has(n)) {
		return true
	}
	if n == "and" && h.end+1 < len(s.forms) {
		if _, ok := s.atStart(h.end + 1); ok {
			return false
		}
		t := s.tokens[h.end+1]
		w := s.text[t.Start:t.End]
		return w != "" && w[0] >= 'A' && w[0] <= 'Z'
	}
	return false
}

func lastRune(g string) rune {
	for i := len(g) - 1; i >= 0; i-- {
		if g[i] != ' ' {
			return rune(g[i])
		}
	}
	return 0
}

// pastReference reports whether the cue at i stands in a clause about the past: after a past
// marker (منذ، عندما، since, when) in its clause, or after had / كان … قد with no content.
func (s *speakerScan) pastReference(a, i, b int) bool {
	for j := i - 1; j >= a && j >= i-5; j-- {
		if breaks(s.gap(j, j+1)) {
			break
		}
		n := s.norm(j)
		if s.is(j, classPast) && n != "had" {
			return true
		}
		if (n == "had" || (n == "قد" || n == "وقد") && s.kanBefore(a, j)) && !s.content(i, b) {
			return true // وكان … قد اتفقا على: a pluperfect (وقد تعهد alone is a perfect)
		}
		if _, call := s.callContent(i, b); call && n == "had" {
			return true // Xi had called Putin his friend: a past description, content or not
		}
	}
	return false
}

// sentence decides what sentence sent says about its speaker; prev is the speaker before.
func (s *speakerScan) sentence(sent Sentence, prev string) verdict {
	a, b := sent.TokStart, sent.TokEnd
	if a >= b {
		return verdict{speaker: SpeakerNone, rule: RuleNarration}
	}
	v := verdict{}
	// the word-by-word rules run only on a sentence with a reporting word, a relay or a source
	cues := s.hasCue || s.classes&(classVerb|classRelay|classSource) != 0
	var quoted []bool
	if cues {
		quoted = s.inQuote(sent)
	}
	// the channel: a medium named in the sentence and not its subject
	setChannel := func() {
		if v.channel != "" {
			return
		}
		if h := s.channelHit; h.p != nil {
			v.channel, v.channelAt = s.id(h), s.span(h.start, h.end)
		}
	}
	decide := func(speaker, rule string, cue, source Span) verdict {
		v.speaker, v.rule, v.cue, v.source, v.explicitSpeaker = speaker, rule, cue, source, true
		if speaker != SpeakerNone && speaker != SpeakerOther {
			setChannel()
		}
		return v
	}
	subject := func(h hit, rule string, cue Span, dir int) verdict {
		sp, _ := s.who(h, prev)
		src := s.span(h.start, h.end)
		switch {
		case s.coordinated(h, dir):
			sp, s.otherPair = SpeakerJoint, false
			src = s.pairSpan(h, dir) // both names, not the one next to the verb
		case s.otherPartner(h):
			sp, s.otherPair = SpeakerOther, true // بوتين ونظيره التركي: another pair
		case s.kind(h) == hitJoint && (s.otherPair || s.otherNisba(h)):
			sp, s.otherPair = SpeakerOther, true // الزعيمان of the pair just named; الجانبان الروسي والأوكراني
		}
		if k := s.kind(h); k == hitChannel || k == hitDocument {
			// a medium or a document as the subject: a leader's statement it carries, else
			// its own report (a medium's: another speaker; a document's: no one's)
			lv, ok := s.leaderAfter(h.end, b, prev)
			if !ok && h.start > a+2 && k == hitDocument {
				lv, ok = s.leaderFirst(a, h.start) // …, the document said (…, Xinhua said is Xinhua's report)
			}
			if ok {
				if k == hitChannel {
					lv.channel, lv.channelAt = s.id(h), s.span(h.start, h.end)
				}
				lv.rule = RuleDocument
				if lv.cue.Empty() {
					lv.cue = cue
				}
				return lv
			}
			v.channel, v.channelAt = "", Span{}
			if k == hitDocument {
				if s.jointDoc {
					return decide(SpeakerJoint, RuleDocument, cue, s.span(h.start, h.end)) // the joint statement's words
				}
				return decide(SpeakerNone, RuleDocument, cue, s.span(h.start, h.end))
			}
			return decide(SpeakerOther, RuleOther, cue, s.span(h.start, h.end))
		}
		return decide(sp, rule, cue, src)
	}

	// 1. a headline that opens with its speaker and a colon: بوتين: …
	colon := false // a colon among the first six words
	if last := min(a+5, b-1); last > a {
		colon = strings.IndexByte(s.text[s.tokens[a].End:s.tokens[last].Start], ':') >= 0
	}
	for k := a; colon && k < b && k < a+6; k++ {
		if k > a && hasColon(s.gap(k-1, k)) {
			h, ok := s.atStart(a)
			switch {
			case ok && h.end == k && s.kind(h) == hitChannel:
				return decide(SpeakerOther, RuleHeadline, Span{}, s.span(h.start, h.end)) // Kremlin: …
			case ok && h.end == k && s.kind(h) == hitSide && !sent.Heading:
				// Moscow: Russian President Vladimir Putin opened …: a place opening the story, a dateline
			case ok && h.end == k && (s.kind(h) == hitActor || s.kind(h) == hitJoint || s.kind(h) == hitSide):
				return subject(h, RuleHeadline, Span{}, 0)
			case ok && s.kind(h) == hitActor && s.coordinated(h, +1):
				next := h.end
				if s.norm(next) == "and" {
					next++
				}
				if o, ok2 := s.atStart(next); ok2 && o.end == k {
					s.otherPair = false
					return decide(SpeakerJoint, RuleHeadline, Span{}, s.span(h.start, o.end)) // شي وبوتين: …
				}
			case ok && s.kind(h) == hitActor && h.end < k && (strings.HasPrefix(s.norm(h.end), "ل") || s.norm(h.end) == "to"):
				return subject(h, RuleHeadline, Span{}, 0) // بوتين لشي: … — the speaker, then the addressee
			case !ok && sent.Heading && k-a <= 3 && s.is(a, classOtherHead):
				return decide(SpeakerOther, RuleHeadline, Span{}, s.span(a, k)) // لافروف: …
			}
			if e, ok := s.atEnd(k); ok && s.kind(e) == hitActor && e.start > a && s.titledName(a, e.start) {
				return subject(e, RuleHeadline, Span{}, 0) // President of Russia Vladimir Putin: … (a transcript)
			}
			break
		}
	}

	// a sentence opened by يذكر أن، تجدر الإشارة: the writer's note, whatever it reports
	if s.is(a, classNarration) {
		return verdict{speaker: SpeakerNone, rule: RuleNarration}
	}

	// 2. a relay: نقلت شينخوا عن شي قوله / quoted Xi as saying
	for i := a; i < b && cues; i++ {
		if !s.is(i, classRelay) || quoted[i-a] {
			continue
		}
		for j := i + 1; j < b && j <= i+6; j++ {
			n := s.norm(j)
			if n == "عن" || n == "وعن" {
				if h, ok := s.atStart(j + 1); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) {
					return subject(h, RuleRelay, s.span(i, i+1), +1)
				}
				break
			}
			if h, ok := s.atStart(j); ok && !s.arabic(i) && (s.kind(h) == hitActor || s.kind(h) == hitJoint) {
				return subject(h, RuleRelay, s.span(i, i+1), +1) // quoted Xi as saying
			}
		}
	}

	// 3. reporting verbs and phrases, in order
	past := false // a reporting verb about the past was passed over
	for i := a; i < b && cues; i++ {
		isVerb := s.is(i, classVerb)
		cueEnd := i + 1
		if h, ok := s.atStart(i); ok && s.kind(h) == hitCue {
			isVerb, cueEnd = true, h.end
		}
		if !isVerb || quoted[i-a] {
			continue
		}
		if _, ok := s.covering(i); ok {
			if h, _ := s.covering(i); s.kind(h) != hitCue {
				continue // a word of a name
			}
		}
		if h, ok := s.statedIn(i, b); ok {
			cue := s.span(i, cueEnd)
			if _, led := s.leaderAfter(h.end, b, prev); led || s.jointDoc || s.kind(h) == hitJoint {
				return subject(h, RuleDocument, cue, +1) // وجاء في البيان أن …: the document's words
			}
			if h.end < b && s.is(h.end, classOtherHead) {
				return decide(SpeakerOther, RuleDocument, cue, s.span(h.start, h.end+1)) // وجاء في بيان الكرملين: its own
			}
			if o, ok := s.channelWithin(h.end+1, min(h.end+3, b)); ok {
				return decide(SpeakerOther, RuleDocument, cue, s.span(h.start, o.end)) // وجاء في بيان صدر عن الكرملين
			}
			if prev != SpeakerNone {
				vv := decide(prev, RuleDocument, cue, s.span(h.start, h.end))
				vv.continues = true // حسبما جاء في الرسالة، وجاء في البيان: …: the document of the speaker before
				return vv
			}
			continue
		}
		_, call := s.callContent(i, b) // a quotation before is no content of call ("…" is what it calls …)
		if s.noContent(i, cueEnd-1, b) && !s.englishPhrase(i, cueEnd) && (call || !(i > a && quoted[i-a-1] == false && s.quoteBefore(a, i, quoted))) {
			continue // رحب بالضيف: a welcome (but "…," the Russian leader greeted him: the quotation is its content)
		}
		if s.pastReference(a, i, b) {
			past = true
			continue
		}
		if s.excludedApart(i, b) {
			continue // وأشار شي بيده: a cue exclusion with the subject inside it
		}
		if !s.arabic(i) && s.passive(a, i) && !s.relativeBefore(max(a, i-4), i) {
			switch h, other := s.passiveBy(cueEnd, b); {
			case h.p != nil:
				return subject(h, RuleSubjectAfter, s.span(i, cueEnd), +1) // Xi was told by Putin that …
			case other:
				return decide(SpeakerOther, RuleOther, s.span(i, cueEnd), s.otherSpan(cueEnd+1, b)) // this is reported by the agency …
			}
		}
		if !s.arabic(i) && s.notEnglishCue(a, i) || s.arabic(i) && s.notArabicCue(a, i, b) {
			continue
		}
		cue := s.span(i, cueEnd)
		if vv, ok := s.cue(sent, i, cueEnd, cue, prev, quoted, subject, decide); ok {
			return vv
		}
	}

	// 3a. a medium opening the sentence with a relay verb, no speaker named and no leader's
	// reporting verb in it (ونقلت صحيفة أجنبية أن الوفد سيصل …): the medium's own report
	if i := s.skipParticles(a, b); cues && i < b-1 && s.is(i, classRelay) && s.arabic(i) && !quoted[i-a] && !s.relaysFrom(i, b) {
		if h, ok := s.atStart(i + 1); ok && s.kind(h) == hitChannel || s.is(i+1, classOtherHead) {
			return decide(SpeakerOther, RuleOther, s.span(i, i+1), s.otherSpan(i+1, b))
		}
	}

	// 3b. English: a speech participle after the main clause: Xi met Putin, emphasizing …;
	// the leaders met, hailing …; …, with Xi telling Putin that …
	if cues || s.classes&classContinuation != 0 {
		if vv, ok := s.speechClause(a, b, quoted, subject); ok {
			return vv
		}
	}

	// 4. a source after the content: …، بحسب شي / …, according to Xi
	var medium, mediumCue Span // …, according to TASS: the medium's own report, unless the content goes on
	for i := a; i < b && cues; i++ {
		if !s.is(i, classSource) || quoted[i-a] {
			continue
		}
		j := i + 1
		if j < b && (s.norm(j) == "to" || s.norm(j) == "ل") {
			j++
		}
		if j < b && (s.norm(j) == "ما" || s.norm(j) == "قول" || s.norm(j) == "تعبير") {
			j++
		}
		if h, ok := s.channelWithin(j+1, min(j+3, b)); ok && !s.hasHitAt(j) {
			v.channel, v.channelAt = s.id(h), s.span(h.start, h.end) // according to state broadcaster China Central Television
			medium, mediumCue = v.channelAt, s.span(i, i+1)
			continue
		}
		if h, ok := s.atStart(j); ok && s.kind(h) != hitCue && s.possessive(h) {
			if k, ok := s.otherHeadNear(h.end, b); ok {
				// according to Russian President's Aide Ushakov: the aide, or the leader he relays
				if lv, ok := s.relayedLeader(k, k+1, b, prev, s.span(i, i+1), false); ok {
					return lv
				}
				return decide(SpeakerOther, RuleSource, s.span(i, i+1), s.span(h.start, k+1))
			}
		}
		if h, ok := s.atStart(j); ok && s.kind(h) != hitCue {
			if s.kind(h) == hitChannel {
				if k, ok := s.otherHeadNear(h.end, b); ok && k == h.end {
					// according to Kremlin spokesman Dmitry Peskov: the spokesman
					return decide(SpeakerOther, RuleSource, s.span(i, i+1), s.span(h.start, k+1))
				}
				v.channel, v.channelAt = s.id(h), s.span(h.start, h.end)
				medium, mediumCue = v.channelAt, s.span(i, i+1)
				continue
			}
			return subject(h, RuleSource, s.span(i, i+1), +1)
		}
		// a name with the preposition glued on: لرويترز، للرئيس
		if h, ok := s.atStart(i + 1); ok && s.kind(h) == hitChannel {
			v.channel, v.channelAt = s.id(h), s.span(h.start, h.end)
			medium, mediumCue = v.channelAt, s.span(i, i+1)
			continue
		}
		if j < b && (strings.HasSuffix(s.norm(j), "ه") && !strings.HasPrefix(stripOne(s.norm(j)), "ال") || s.is(j, classPronoun) || s.norm(j) == "him" || s.norm(j) == "her") {
			// وفق تعبيره، according to him: the speaker before
			if sp := s.pronounSpeaker(prev); sp != "" {
				return decide(sp, RulePronoun, s.span(i, i+1), s.span(j, j+1))
			}
		}
		// someone else: وحسب أوشاكوف، ووفقا لبيسكوف، according to Chinese experts; or the leader
		// they relay (According to Ushakov, the Chinese leader "briefly informed" him …)
		if k, ok := s.otherHeadNear(i+1, b); ok {
			if lv, ok := s.relayedLeader(k, k+1, b, prev, s.span(i, i+1), false); ok {
				return lv
			}
			return decide(SpeakerOther, RuleSource, s.span(i, i+1), s.span(k, k+1))
		}
	}

	// 5. no reporting word: the statement before goes on, or this is narration
	if s.is(a, classContinuation) || (a+1 < b && s.is(a+1, classContinuation) && s.is(a, classParticle)) {
		return s.goOn(v, prev, RuleParticiple)
	}
	if sent.InQuote {
		v.quoteNoCue = true // when no one spoke before, the speaker may be named after it
		return s.goOn(v, prev, RuleQuote)
	}
	if s.is(a, classComplementizer) && (strings.HasPrefix(s.norm(a), "و") || s.norm(a) == "كما") || s.norm(a) == "كما" && a+1 < b && strings.HasPrefix(s.norm(a+1), "ان") {
		return s.goOn(v, prev, RuleComplement)
	}
	if prev != SpeakerNone && prev != SpeakerOther && s.modalOpening(a, b) {
		return s.goOn(v, prev, RuleModal) // وينبغي …، China should …: the content goes on
	}
	if prev != SpeakerNone && prev != SpeakerOther && s.faOpening(a) {
		return s.goOn(v, prev, RuleComplement) // فالشراكة …: the reasoning goes on
	}
	if h, ok := s.atStart(s.skipParticles(a, b)); ok && prev != SpeakerNone && prev != SpeakerOther {
		if (s.kind(h) == hitSide && s.id(h) == prev) || (s.kind(h) == hitActor && s.id(h) == prev && s.sideAlias(h)) {
			if h.end < b && hasComma(s.gap(h.end-1, h.end)) && s.relativeAfter(h.end) {
				return verdict{speaker: SpeakerNone, rule: RuleNarration} // Russia, which sends …: background on the side
			}
			return s.goOn(v, prev, RuleSide)
		}
	}
	if s.jointDoc && s.documentColon(a, b) {
		// ويستمر البيان: …؛ The statement reads: …: the joint statement's words
		return decide(SpeakerJoint, RuleDocument, Span{}, Span{})
	}
	if prev == SpeakerJoint && s.pairOpens(a, b) {
		// a point of the joint statement after another: روسيا والصين تعارضان …؛ وتؤكد روسيا
		// والصين …؛ China and Russia oppose …
		return s.goOn(v, prev, RuleSide)
	}
	if a+1 < b && hasQuote(s.text[sent.Start:s.tokens[a].Start]) {
		if prev != SpeakerNone && hasQuote(s.prevText) {
			// a paragraph of a quotation goes on with an opening mark: the same speaker
			return s.goOn(v, prev, RuleQuote)
		}
		v.quoteNoCue = true
	}
	if s.transcript != "" && prev == s.transcript {
		return s.goOn(v, prev, RuleTranscript) // after "Putin: …", his words go on
	}
	if prev != SpeakerNone && s.classes&classFirstPerson != 0 && s.firstPersonOutside(sent, quoted) {
		return s.goOn(v, prev, RuleFirstPerson) // the speaker's own words, printed without a cue
	}
	if !medium.Empty() {
		// …، بحسب وكالة تاس / …, according to TASS, and no leader in it: the medium's report
		v.channel, v.channelAt = "", Span{}
		return decide(SpeakerOther, RuleSource, mediumCue, medium)
	}
	v.speaker, v.rule = SpeakerNone, RuleNarration
	if past {
		v.rule = RulePast
	}
	return v
}

// statedIn finds, after the Arabic verb at token i, a document in which something "came" or
// "was stated" (جاء في البيان، ورد في الرسالة): the document is the subject.
func (s *speakerScan) statedIn(i, b int) (hit, bool) {
	switch stripOne(s.norm(i)) {
	case "جاء", "ورد":
	default:
		return hit{}, false
	}
	if i+2 >= b || s.norm(i+1) != "في" || breaks(s.gap(i, i+1)) {
		return hit{}, false
	}
	if h, ok := s.atStart(i + 2); ok && (s.kind(h) == hitDocument || s.kind(h) == hitJoint) {
		return h, true // (جاء في البيان المشترك: the joint statement, a joint subject of the lexicon)
	}
	return hit{}, false
}

// passive reports whether the English reporting word at token i is a passive participle: a
// form in -ed (or told, said, written) after a form of be, past not and -ly adverbs (was not
// mentioned, have been accused, were told).
func (s *speakerScan) passive(a, i int) bool {
	n := s.norm(i)
	if !strings.HasSuffix(n, "ed") && n != "told" && n != "said" && n != "written" {
		return false
	}
	for j := i - 1; j >= a && j >= i-3; j-- {
		if breaks(s.gap(j, j+1)) {
			return false
		}
		switch m := s.norm(j); m {
		case "is", "are", "was", "were", "be", "been", "being":
			return true
		case "not", "also", "never", "often", "widely", "publicly", "repeatedly":
			continue
		default:
			if !strings.HasSuffix(m, "ly") {
				return false
			}
		}
	}
	return false
}

// passiveBy finds the agent of a passive reporting verb, right after by: an actor (Xi was told
// by Putin that …), or, with agent false, no one (hit zero) or someone else (other true: this
// is reported by the agency …).
func (s *speakerScan) passiveBy(end, b int) (h hit, other bool) {
	if end+1 >= b || s.norm(end) != "by" || breaks(s.gap(end-1, end)) {
		return hit{}, false
	}
	k := end + 1
	for k < b-1 && s.is(k, classTitle) && !s.hasHitAt(k) {
		k++ // by both Beijing and Moscow
	}
	if h, ok := s.atStart(k); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) {
		return h, false
	}
	return hit{}, s.isNounLike(end + 1)
}

// relaysFrom reports whether the relay verb at token i names, with عن within six words, whom
// it relays (نقلت شينخوا عن شي، نقل عنه).
func (s *speakerScan) relaysFrom(i, b int) bool {
	for j := i + 1; j < b && j <= i+6; j++ {
		if n := s.norm(j); n == "عن" || n == "وعن" || n == "عنه" || n == "عنها" {
			return true
		}
	}
	return false
}

// titledName reports whether tokens a to e are a title before a name: title words, "of" and
// the sides' names (President of Russia …, Chairman of the People's Republic of China …).
func (s *speakerScan) titledName(a, e int) bool {
	for k := a; k < e; k++ {
		if breaks(s.gap(k, k+1)) && k+1 < e {
			return false
		}
		if s.is(k, classTitle) || s.norm(k) == "of" {
			continue
		}
		if h, ok := s.covering(k); ok && (s.kind(h) == hitSide || s.kind(h) == hitActor) {
			continue
		}
		return false
	}
	return true
}

// firstPersonOutside reports whether a first-person word (نحن، إننا، we, our) stands outside
// any quotation of the sentence: news narration is in the third person, so the words are the
// speaker's (the first person inside a quotation is the quoted speaker's, whoever that is).
func (s *speakerScan) firstPersonOutside(sent Sentence, quoted []bool) bool {
	if quoted == nil {
		quoted = s.inQuote(sent)
	}
	for i := sent.TokStart; i < sent.TokEnd; i++ {
		if s.is(i, classFirstPerson) && !quoted[i-sent.TokStart] {
			return true
		}
	}
	return false
}

// skipParticles returns the first token of a sentence after particles and conjunctions.
func (s *speakerScan) skipParticles(a, b int) int {
	for a < b-1 && s.is(a, classParticle) {
		a++
	}
	return a
}

// sideAlias reports whether an actor hit is a side's name (the Chinese side).
func (s *speakerScan) sideAlias(h hit) bool {
	for _, w := range h.p.Words {
		if w == "الجانب" || w == "side" {
			return true
		}
	}
	return false
}

// goOn continues the speaker before.
func (s *speakerScan) goOn(v verdict, prev, rule string) verdict {
	v.speaker, v.rule, v.continues = prev, rule, true
	return v
}

// pronounSpeaker returns who a pronoun stands for: the speaker before when it is an actor,
// else the actor named last.
func (s *speakerScan) pronounSpeaker(prev string) string {
	if prev != SpeakerNone && prev != SpeakerJoint {
		return prev // an actor, or another speaker (the spokesman … He added)
	}
	return s.lastName
}

// leaderAfter looks, in a medium's report (شينخوا: … قال شي), for an actor speaking: a
// reporting verb with an actor as its subject after token from.
func (s *speakerScan) leaderAfter(from, b int, prev string) (verdict, bool) {
	for i := from; i < b; i++ {
		cueEnd := i + 1
		if h, ok := s.atStart(i); ok && s.kind(h) == hitCue {
			cueEnd = h.end // a reporting phrase: Xi made the point that …
		} else if !s.is(i, classVerb) || s.noContent(i, i, b) {
			continue // (شي رد بإهداء: responded with a gift)
		}
		if h, ok := s.atEnd(i); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) && !s.object(h, from) {
			sp, _ := s.who(h, prev)
			sp, src := s.withPair(h, -1, sp) // أن بوتين وشي اتفقا: the pair
			return verdict{speaker: sp, rule: RuleSubject, cue: s.span(i, cueEnd), source: src, explicitSpeaker: true}, true
		}
		for j := cueEnd; j < b && j <= cueEnd+2; j++ {
			if h, ok := s.atStart(j); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) {
				if s.spokenTo(h) {
					break // جدد لبوتين: the leader spoken to, not the speaker
				}
				sp, _ := s.who(h, prev)
				return verdict{speaker: sp, rule: RuleSubjectAfter, cue: s.span(i, cueEnd), source: s.span(h.start, h.end), explicitSpeaker: true}, true
			}
			if !s.is(j, classTitle) {
				break
			}
		}
	}
	// a leader named first in the content and speaking in it: the Kremlin said Xi stressed …
	// (the Kremlin said Putin gave Xi a gift is the Kremlin's report)
	for i := from; i < b && i < from+3; i++ {
		if h, ok := s.atStart(i); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) && s.speaksSoon(h.end, b) {
			sp, _ := s.who(h, prev)
			sp, src := s.withPair(h, +1, sp)
			return verdict{speaker: sp, rule: RuleSubject, source: src, explicitSpeaker: true}, true
		}
		if !s.is(i, classComplementizer) && !s.is(i, classTitle) {
			break
		}
	}
	return verdict{}, false
}

// relayedLeader looks, in what another speaker (an aide, a minister, a spokesman; named from
// token head, not one of the lexicon's commentators) says from token from, for a leader's words
// that they relay: the content (with seek, after the speaker's name, from a complementizer
// within twelve tokens) has an actor or the pair as the subject of a reporting verb, followed by
// reported content (Ushakov said Putin told Xi that …; وقال وانغ يي إن الرئيس شي أكد …). The
// leader is the speaker, as when a medium or an office reports them (rule relay); an aide's own
// view or report of an event (Peskov said the leaders would sign …) stays theirs.
func (s *speakerScan) relayedLeader(head, from, b int, prev string, cue Span, seek bool) (verdict, bool) {
	for k := head; k < from; k++ {
		if s.is(k, classCommentator) {
			return verdict{}, false // analysts said Xi believes …: their reading, not his words
		}
	}
	k := from
	for ; seek && k < b && k < from+12; k++ {
		if s.opensContent(k) {
			break
		}
		if hasColon(s.gap(k-1, k)) || isTerminal(lastRune(s.gap(k-1, k))) {
			return verdict{}, false
		}
	}
	if !seek || k == b || k == from+12 {
		k = from - 1 // the content begins at once (Ushakov said Putin told …)
	}
	lv, ok := s.leaderAfter(k+1, b, prev)
	if !ok || !s.contentAfter(lv.source.End, b) || s.possessiveEnd(lv.source.End) {
		return verdict{}, false // (Price called Putin's admission "striking": the leader is no speaker)
	}
	lv.rule = RuleRelay
	if lv.cue.Empty() {
		lv.cue = cue
	}
	return lv, true
}

// possessiveEnd reports whether the token ending at byte at is a possessive (Putin's).
func (s *speakerScan) possessiveEnd(at int) bool {
	k := sort.Search(len(s.tokens), func(i int) bool { return s.tokens[i].End >= at })
	if k == len(s.tokens) {
		return false
	}
	n := s.norm(k)
	return strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "’s")
}

// contentAfter reports whether reported content opens within eight tokens after byte at: a
// complementizer, a colon or a quotation mark (Putin told Xi that …), not a topic alone (Putin
// had told Xi about the contacts; بوتين سيقترح على شي إطلاق منتدى: a plan the aide reports).
func (s *speakerScan) contentAfter(at, b int) bool {
	k := sort.Search(b, func(i int) bool { return s.tokens[i].Start >= at })
	for j := k; j < b && j < k+8; j++ {
		if g := s.gap(j-1, j); hasColon(g) || hasQuote(g) {
			return true
		}
		if s.opensContent(j) {
			return true
		}
	}
	return false
}

// opensContent reports whether token j is a complementizer: أن، إن، بأن with or without a
// pronoun, that (not the prepositions the lexicon's complementizers also hold: to, عن، على).
func (s *speakerScan) opensContent(j int) bool {
	switch s.norm(j) {
	case "ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "بانهم", "بانهما", "that":
		return true
	}
	return false
}

// cue finds the subject of the reporting word at tokens [i, end).
func (s *speakerScan) cue(sent Sentence, i, end int, cue Span, prev string, quoted []bool,
	subject func(hit, string, Span, int) verdict, decide func(string, string, Span, Span) verdict) (verdict, bool) {
	a, b := sent.TokStart, sent.TokEnd
	if !s.arabic(i) && s.question(a, b) {
		return verdict{}, false // What did the two presidents agree on?: a question is no statement
	}
	dual := s.is(i, classDual)
	// the subject right before: الرئيس الروسي يؤكد، Xi said, Xi on Friday said
	j := i
	for j > a && (s.is(j-1, classTitle) || strings.HasSuffix(s.norm(j-1), "ly")) && !breaks(s.gap(j-1, j)) && !s.arabic(i) {
		if _, ok := s.atEnd(j); ok {
			break // the Russian leader said: the title words are the name's
		}
		j--
	}
	if h, ok := s.atEnd(j); ok && h.start >= a && !breaks(s.gap(j-1, j)) && s.kind(h) != hitCue && !s.possessive(h) && (!s.object(h, a) || s.coordinated(h, -1)) && !s.vsoSubject(i, end, b) {
		return subject(h, RuleSubject, cue, -1), true
	}
	if s.arabic(i) {
		// the subject before, past قد، كان، نفسه، من جهته (شي من جهته وعد، بوتين كان قد قال)
		k := i
		for k > a && !breaks(s.gap(k-1, k)) {
			if _, ok := s.atEnd(k); ok {
				break
			}
			n := s.norm(k - 1)
			if n == "قد" || n == "كان" || n == "نفسه" || n == "ايضا" || n == "بدوره" {
				k--
				continue
			}
			if k-2 >= a && s.norm(k-2) == "من" && (n == "جهته" || n == "جانبه" || n == "ناحيته") {
				k -= 2
				continue
			}
			break
		}
		if k < i {
			if h, ok := s.atEnd(k); ok && h.start >= a && !breaks(s.gap(k-1, k)) && s.kind(h) != hitCue && !s.object(h, a) {
				return subject(h, RuleSubject, cue, -1), true
			}
		}
		if k > a && (k == a+1 || breaks(s.gap(k-2, k-1))) && s.is(k-1, classOtherHead) {
			return decide(SpeakerOther, RuleOther, cue, s.span(k-1, k)), true // ترامب كان قد قال
		}
		if k > a && hasComma(s.gap(k-1, k)) {
			// وكان السكرتير الصحافي …، أفاد: the subject opens the sentence before a comma
			o := a
			for o < k && (s.is(o, classParticle) || s.norm(o) == "كان" || s.norm(o) == "وكان") {
				o++
			}
			if o < k && s.is(o, classOtherHead) {
				return decide(SpeakerOther, RuleOther, cue, s.otherSpan(o, k)), true
			}
			if h, ok := s.atStart(o); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) && hasComma(s.gap(h.end-1, min(h.end, k))) {
				return subject(h, RuleSubject, cue, -1), true // وشي، الذي تحدث بعده، قال
			}
		}
		return s.arabicAfter(sent, i, end, cue, prev, dual, subject, decide)
	}
	// English: the speaker in apposition before the verb, between commas: "…," Ivan Petrov,
	// an analyst at …, said. / But Xi's envoy, Li Hui, said …
	if i > a && hasComma(s.gap(i-1, i)) {
		if vv, ok := s.appositionSubject(a, i, b, cue, subject, decide); ok {
			return vv, true
		}
	}
	// English: "it said" once a joint statement has been named: the statement's words
	if j > a && s.norm(j-1) == "it" && s.jointDoc && !breaks(s.gap(j-1, j)) {
		return decide(SpeakerJoint, RuleDocument, cue, s.span(j-1, j)), true
	}
	// English: a pronoun subject (he said; they: below)
	if j > a && s.is(j-1, classPronoun) && s.norm(j-1) != "they" && !breaks(s.gap(j-1, j)) {
		if sp := s.pronounSpeaker(prev); sp != "" {
			if sp == SpeakerOther {
				if lv, ok := s.relayedLeader(j-1, end, b, prev, cue, false); ok {
					return lv, true // (Ushakov said …) He mentioned that Putin invited …: the leader relayed
				}
			}
			return decide(sp, RulePronoun, cue, s.span(j-1, j)), true
		}
	}
	if j > a && s.norm(j-1) == "they" {
		if prev == SpeakerJoint || s.bothNamed() {
			return decide(SpeakerJoint, RulePronoun, cue, s.span(j-1, j)), true
		}
	}
	// after a comma with no subject: a subject before a parenthesis or a relative clause
	// (Putin, for his part, said; Putin, who …, said)
	if h, ok := s.clauseSubject(a, i); ok {
		return subject(h, RuleSubject, cue, +1), true // the hit opens the sentence: a pair goes on after it
	}
	// the subject after: …, said Xi / said the Chinese president
	k := end
	for k < b && (s.norm(k) == "the" || s.is(k, classTitle)) && !breaks(s.gap(k-1, k)) {
		if _, ok := s.atStart(k); ok {
			break
		}
		k++
	}
	if k < b && (k == end || !breaks(s.gap(k-1, k))) {
		if h, ok := s.atStart(k); ok && s.kind(h) != hitCue && s.kind(h) != hitSide && !s.possessive(h) && (i == a || breaks(s.gap(i-1, i))) {
			return subject(h, RuleSubjectAfter, cue, +1), true // (said Russia would …: the content's subject)
		}
	}
	// …, said Chinese Foreign Ministry spokeswoman Mao Ning: the speaker after the comma, not
	// the actor the sentence opens with
	if o := k; o < b && i > a && breaks(s.gap(i-1, i)) {
		if n := s.norm(o); (n == "a" || n == "an") && o+1 < b {
			o++
		}
		if h, ok := s.otherHeadNear(o, b); ok {
			sp := s.otherSpan(o, b)
			if sp.End < s.tokens[h].End {
				sp = s.span(o, h+1)
			}
			return decide(SpeakerOther, RuleOther, cue, sp), true
		}
	}
	// an actor opening the clause, a phrase between it and the verb (Putin in his speech said,
	// Putin, who …, said)
	if h, ok := s.clauseOpener(a, i); ok {
		return subject(h, RuleSubject, cue, +1), true // the hit opens the clause: a pair goes on after it
	}
	// another subject before: the spokesman said, analysts said
	if j > a && !breaks(s.gap(j-1, j)) && !s.is(j-1, classComplementizer) && !s.is(j-1, classParticle) && !s.is(j-1, classOpener) {
		// …, who has …, said: the subject is before the relative clause
		head := s.clauseStart(a, j)
		if s.nounAfterOpener(head, j) {
			return verdict{}, false // In introductory remarks …, Putin said: a noun, no subject
		}
		if lv, ok := s.relayedLeader(head, end, b, prev, cue, false); ok {
			return lv, true // Ushakov said Putin told Xi that …: the aide relays the leader
		}
		return decide(SpeakerOther, RuleOther, cue, s.span(head, j)), true
	}
	if k < b && (i == a || breaks(s.gap(i-1, i))) && !s.is(k, classComplementizer) && k < b && s.isNounLike(k) {
		return decide(SpeakerOther, RuleOther, cue, s.otherSpan(k, b)), true // said spokeswoman Mao Ning
	}
	return verdict{}, false
}

// isNounLike reports whether token i may begin a noun phrase (not a function word or a quote).
func (s *speakerScan) isNounLike(i int) bool {
	n := s.norm(i)
	switch n {
	case "that", "to", "in", "on", "at", "it", "this", "was", "is", "would", "will", "he", "she", "they", "we", "i":
		return false
	}
	return !s.is(i, classComplementizer|classOpener|classParticle)
}

// clauseStart returns where the clause holding token j begins.
func (s *speakerScan) clauseStart(a, j int) int {
	for k := j - 1; k > a; k-- {
		if breaks(s.gap(k-1, k)) {
			return k
		}
	}
	return a
}

// clauseSubject finds, for a verb after a comma (Putin, who has …, said; Calling Putin "old
// friend", Xi said), a hit that opens the sentence or a clause before the verb.
func (s *speakerScan) clauseSubject(a, i int) (hit, bool) {
	if i > a && !hasComma(s.gap(i-1, i)) {
		return hit{}, false
	}
	if _, ok := s.atStart(a); !ok && s.norm(a) == "the" && a+1 < i {
		a++ // The Chinese leader, in turn, said
	}
	if h, ok := s.atStart(a); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) && h.end < i {
		end := h.end
		if end+1 < i && (s.norm(end) == "and" || s.norm(end) == "و") {
			if h2, ok := s.atStart(end + 1); ok && s.kind(h2) == hitActor {
				end = h2.end // Putin and Xi, speaking after the talks, said
			}
		}
		if end < i && hasComma(s.gap(end-1, end)) {
			return h, true
		}
	}
	return hit{}, false
}

// possessive reports whether a hit is a possessor (Putin's aide).
func (s *speakerScan) possessive(h hit) bool {
	last := s.text[s.tokens[h.end-1].Start:s.tokens[h.end-1].End]
	if strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
		return true // Putin’s aide: the name and its possessive in one token
	}
	if h.end >= len(s.tokens) {
		return false
	}
	g := s.gap(h.end-1, h.end)
	return strings.HasPrefix(g, "'") || strings.HasPrefix(g, "’") || s.norm(h.end) == "s" && !strings.Contains(g, " ")
}

// object reports whether a hit is the object of a preposition or verb before it (told Xi, with
// Putin, لنظيره الصيني) rather than a subject.
func (s *speakerScan) object(h hit, a int) bool {
	if s.spokenTo(h) {
		return true
	}
	if h.start > a && !breaks(s.gap(h.start-1, h.start)) {
		switch s.norm(h.start - 1) {
		case "from", "of":
			return s.kind(h) != hitChannel // a statement from the Kremlin said: the Kremlin's
		case "to", "with", "by", "for", "in", "at", "told", "informed", "and", "مع", "الى", "على", "عن", "مثل", "بين":
			return true
		}
		if s.is(h.start-1, classVerb) && !s.arabic(h.start) {
			return true // Putin told Xi …: Xi is the object
		}
	}
	return false
}

// spokenTo reports whether an Arabic name carries the preposition لـ that its own spelling does
// not begin with (لبوتين: to Putin).
func (s *speakerScan) spokenTo(h hit) bool {
	return strings.HasPrefix(s.norm(h.start), "ل") && !strings.HasPrefix(h.p.Words[0], "ل")
}

// arabicAfter finds the subject of an Arabic reporting verb after it (قال شي، أكد الطرفان),
// past titles and adverbials (قال في كلمة ألقاها إن).
// vsoSubject reports whether an Arabic reporting verb has an actor or the pair right after it,
// past the titles (أشاد الرئيس شي): Arabic's verb-subject order, whose subject is that name and
// not one that ends right before the verb (خلال استقباله نظيره الروسي بوتين أشاد الرئيس شي).
func (s *speakerScan) vsoSubject(i, end, b int) bool {
	if !s.arabic(i) {
		return false
	}
	k := end
	for k < b && k < end+2 && !breaks(s.gap(k-1, k)) {
		if h, ok := s.atStart(k); ok {
			return (s.kind(h) == hitActor || s.kind(h) == hitJoint) && !s.spokenTo(h) // (بوتين يقول لشي: the one spoken to)
		}
		if !s.is(k, classTitle) {
			break
		}
		k++
	}
	return false
}

func (s *speakerScan) arabicAfter(sent Sentence, i, end int, cue Span, prev string, dual bool,
	subject func(hit, string, Span, int) verdict, decide func(string, string, Span, Span) verdict) (verdict, bool) {
	a, b := sent.TokStart, sent.TokEnd
	inPP := false
	for j := end; j < b && j <= end+8; j++ {
		g := s.gap(j-1, j)
		if hasColon(g) || isTerminal(lastRune(g)) {
			break // the reported content begins
		}
		if h, ok := s.atStart(j); ok && s.kind(h) != hitCue {
			if inPP || s.object(h, a) {
				continue // في اتصال مع نظيره الصيني: not the subject
			}
			if s.is(i, classAddresseeVerb) && s.onlyAddressee(h, b) {
				break // أبلغ بوتين أن: the addressee
			}
			return subject(h, RuleSubjectAfter, cue, +1), true
		}
		if hasQuote(g) && !inPP {
			break
		}
		if s.is(j, classComplementizer|classContinuation) && !s.is(j, classOpener) {
			break // أكد أن، صرح قائلا
		}
		if (j == end || j == end+2 && s.norm(end+1) == "من" && stripOne(s.norm(end)) == "كل") && !dual && s.is(j, classOtherHead) {
			if s.office(j) {
				if lv, ok := s.leaderAfter(j+1, b, prev); ok {
					lv.rule = RuleDocument // وأضافت الوزارة أن شي قال: the office reports the leader
					if lv.cue.Empty() {
						lv.cue = cue
					}
					return lv, true
				}
			}
			if lv, ok := s.relayedLeader(j, j+1, b, prev, cue, true); ok {
				return lv, true // وقال أوشاكوف إن بوتين أبلغ شي بأن: the aide relays the leader
			}
			return decide(SpeakerOther, RuleOther, cue, s.otherSpan(j, b)), true // وقال وزير الخارجية، وقال لافروف
		}
		if s.norm(j) == "من" && j > end && s.norm(j-1) == "كل" {
			continue // كل من شي وبوتين: both, not a prepositional phrase
		}
		if j == end && pronounPPs[stripOne(s.norm(j))] {
			continue // فرد عليه بوتين، وقال له شي: the phrase is one word, the subject follows
		}
		if s.is(j, classOpener) || s.prepositional(j) && j == end {
			inPP = true // قال في …، قال لـ …
			continue
		}
		if hasComma(g) {
			inPP = false
		}
		if s.is(j, classTitle) || inPP {
			continue
		}
		if !dual && !inPP && j > end && s.isLeaderTitle(j-1) {
			// وقال الرئيس ترامب، وقال الرئيس الأوكراني …: a title, then no actor's name
			return decide(SpeakerOther, RuleOther, cue, s.span(j-1, s.nounPhraseEnd(j, b))), true
		}
		if j == end && !dual && !s.speechWord(j) && s.contentWithin(j, b, 12) {
			// another subject, then the content: وقال المتحدث إن
			return decide(SpeakerOther, RuleOther, cue, s.otherSpan(j, b)), true
		}
		break // an object or the content (وجدد تأكيد موقف بلاده): the verb's own subject
	}
	// no subject named: the verb's own person
	if dual {
		if s.otherPair {
			return decide(SpeakerOther, RuleDual, cue, Span{}), true // the other pair just named
		}
		return decide(SpeakerJoint, RuleDual, cue, Span{}), true
	}
	if s.onlyParticlesBefore(a, i) {
		if prev != SpeakerNone {
			v := decide(prev, RuleImplicit, cue, Span{})
			v.continues = true
			return v, true
		}
		if s.lastName != "" {
			return decide(s.lastName, RuleImplicit, cue, Span{}), true
		}
	}
	return verdict{}, false
}

// onlyAddressee reports whether an actor hit after a verb of informing is followed directly by
// the reported content (a complementizer or a colon), with no second noun phrase.
func (s *speakerScan) onlyAddressee(h hit, b int) bool {
	if h.end >= b {
		return false
	}
	if hasColon(s.gap(h.end-1, h.end)) {
		return true
	}
	return s.is(h.end, classComplementizer) || strings.HasPrefix(s.norm(h.end), "ان") || strings.HasPrefix(s.norm(h.end), "بان")
}

// onlyParticlesBefore reports whether only particles (كما، قد، he) stand before token i in
// its clause, or, when a comma comes first, whether what stands before the comma is an
// adverbial opened by a preposition (وعلى المستوى الاقتصادي، / من جانبه،).
func (s *speakerScan) onlyParticlesBefore(a, i int) bool {
	for j := i - 1; j >= a; j-- {
		if hasComma(s.gap(j, j+1)) {
			return s.is(a, classOpener) || s.is(a, classParticle)
		}
		if !s.is(j, classParticle) && !s.is(j, classTitle) {
			return false
		}
	}
	return true
}

// attribute sets every sentence's speaker, rule, cue, source and channel. A heading starts
// afresh; a quotation that names no speaker takes the next sentence's when that one names its
// speaker after the content.
func (s *speakerScan) attribute(sents []Sentence) {
	s.seen = make([]bool, len(s.lx.Actors))
	prev := SpeakerNone
	lostQuote := -1 // the paragraph whose unclosed quotation a sentence ended
	quoteNoCue := make([]bool, len(sents))
	next := 0 // the first hit not yet passed
	for i := range sents {
		sn := &sents[i]
		// what the sentence holds: its words' classes, its hits (actors named in it count as
		// named for its own joint subjects)
		s.classes, s.hasCue, s.firstActor, s.channelHit = 0, false, "", hit{}
		for k := sn.TokStart; k < sn.TokEnd; k++ {
			s.classes |= s.forms[k].class
		}
		for ; next < len(s.hits) && s.hits[next].start < sn.TokEnd; next++ {
			switch h := s.hits[next]; s.kind(h) {
			case hitActor:
				s.seen[h.p.owner] = true
				if s.firstActor == "" {
					s.firstActor = s.id(h)
				}
			case hitCue:
				s.hasCue = true
			case hitChannel:
				if s.channelHit.p == nil {
					s.channelHit = h
				}
			}
		}
		if i > 0 && sents[i-1].Para != sn.Para && sents[i-1].Heading {
			prev = SpeakerNone
		}
		var v verdict
		switch {
		case sn.InQuote && sn.Unclosed && lostQuote == sn.Para:
			c := *sn
			c.InQuote = false
			v = s.sentence(c, prev)
		case sn.InQuote && sn.Unclosed:
			// a quotation whose closing mark may be lost: a sentence that says who speaks
			// (According to Ushakov, …; the aide said) ends it, for the rest of the paragraph
			c := *sn
			c.InQuote = false
			pair := s.otherPair
			if v = s.sentence(c, prev); v.explicitSpeaker {
				lostQuote = sn.Para
			} else {
				s.otherPair = pair
				v = s.sentence(*sn, prev)
			}
		default:
			v = s.sentence(*sn, prev)
		}
		if v.continues && (prev == SpeakerNone || sn.Heading) {
			v.speaker, v.rule, v.continues = SpeakerNone, RuleNarration, false
		}
		if v.speaker == "" {
			v.speaker = SpeakerNone
		}
		quoteNoCue[i] = v.quoteNoCue
		sn.Speaker, sn.Rule, sn.Cue, sn.Source, sn.Channel, sn.ChannelAt = v.speaker, v.rule, v.cue, v.source, v.channel, v.channelAt
		if v.speaker != SpeakerNone && v.speaker != SpeakerOther && v.speaker != SpeakerJoint {
			s.lastName = v.speaker
		} else if s.firstActor != "" {
			s.lastName = s.firstActor
		}
		prev = v.speaker
		if sn.Heading && !v.explicitSpeaker {
			prev = SpeakerNone
		}
		switch {
		case v.rule == RuleHeadline && !sn.Heading:
			s.transcript = v.speaker
		case v.explicitSpeaker || v.speaker == SpeakerNone:
			s.transcript = ""
		}
		s.prevText = ""
		if v.speaker != SpeakerNone {
			s.prevText = s.text[sn.Start:sn.End] // held a quotation? asked only when needed
		}
		if s.classes&classJointDoc != 0 && s.namesJointDocument(sn.TokStart, sn.TokEnd) {
			s.jointDoc = true
		}
	}
	// a quotation with no speaker named, then its speaker named after the next part of it
	for i := len(sents) - 2; i >= 0; i-- {
		if quoteNoCue[i] && sents[i].Speaker == SpeakerNone && sents[i+1].Speaker != SpeakerNone && sents[i+1].Para == sents[i].Para {
			sents[i].Speaker, sents[i].Rule = sents[i+1].Speaker, RuleQuoteAfter
		}
	}
}

// contentWithin reports whether a complementizer opens the content within n tokens after j
// (وقال المتحدث باسم الوزارة إن).
func (s *speakerScan) contentWithin(j, b, n int) bool {
	for k := j + 1; k < b && k <= j+n; k++ {
		if hasColon(s.gap(k-1, k)) || s.is(k, classComplementizer) || strings.HasPrefix(s.norm(k), "ان") || strings.HasPrefix(s.norm(k), "بان") {
			return true
		}
		if isTerminal(lastRune(s.gap(k-1, k))) {
			return false
		}
	}
	return false
}

// leaderFirst returns, for a medium or document cited after the content (…, the document
// said), the actor or joint subject that opens the sentence before token end.
func (s *speakerScan) leaderFirst(a, end int) (verdict, bool) {
	k := s.skipParticles(a, end)
	h, ok := s.atStart(k)
	if !ok || h.end >= end || (s.kind(h) != hitActor && s.kind(h) != hitJoint) {
		return verdict{}, false
	}
	sp, src := s.withPair(h, +1, s.id(h))
	return verdict{speaker: sp, rule: RuleDocument, source: src, explicitSpeaker: true}, true
}

// modalOpening reports whether a sentence opens with a modal (وينبغي، ويجب، يتعين) or with a
// subject and a modal (China should, الجانب الروسي مستعد): content that goes on.
func (s *speakerScan) modalOpening(a, b int) bool {
	k := s.skipParticles(a, b)
	if s.lx.modals.has(s.norm(k)) {
		return true
	}
	if h, ok := s.atStart(k); ok && (s.kind(h) == hitSide || s.kind(h) == hitJoint) {
		for j := h.end; j < b && j <= h.end+1; j++ {
			if s.lx.modals.has(s.norm(j)) {
				return true
			}
		}
	}
	return false
}

// faOpening reports whether a sentence opens with the conjunction ف on a particle or a
// definite noun (فقد، فلا، فإن، فالشراكة): a reason or consequence of what was said.
func (s *speakerScan) faOpening(a int) bool {
	n := s.norm(a)
	switch n {
	case "فقد", "فلا", "فان", "فهي", "فهو", "فهذا", "فهذه", "فلم", "فلن":
		return true
	}
	return strings.HasPrefix(n, "فال") && len(n) > len("فال")+4
}

// otherNisba reports whether a joint hit (الجانبان، الطرفان) is followed by the two
// adjectives of another pair than the lexicon's (الجانبان الروسي والأوكراني).
func (s *speakerScan) otherNisba(h hit) bool {
	if h.end+1 >= len(s.forms) || breaks(s.gap(h.end, h.end+1)) {
		return false
	}
	first, second := s.norm(h.end), s.norm(h.end+1)
	nisba := func(n string) bool { return strings.HasPrefix(n, "ال") && strings.HasSuffix(n, "ي") }
	if !nisba(first) || !strings.HasPrefix(second, "و") || !nisba(second[len("و"):]) {
		return false
	}
	ours := func(n string) bool { return n == "الصيني" || n == "الروسي" }
	return !ours(first) || !ours(second[len("و"):])
}

// notEnglishCue reports whether an English reporting word at token i is not a verb of speech
// here: a noun after a determiner (his reply, a call) or a possessive (Putin's mention), a
// verb of a relative clause (Xi, who has described …, said), a participle opening the sentence
// (Asked whether …, Putin said) or a passive (was not mentioned, have been accused: passiveBy
// finds an agent).
func (s *speakerScan) notEnglishCue(a, i int) bool {
	if i > a && !breaks(s.gap(i-1, i)) {
		if n := s.norm(i - 1); strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "’s") {
			return true // Putin's mention, Xi's remarks (not the president's aide said: a noun between)
		}
	}
	if s.passive(a, i) {
		return true
	}
	determiner := func(k int) bool {
		switch s.norm(k) {
		case "his", "her", "its", "their", "our", "the", "a", "an", "this", "that", "whose":
			return true
		}
		return false
	}
	if i > a && determiner(i-1) {
		return true
	}
	if i > a && !breaks(s.gap(i-1, i)) {
		switch s.norm(i - 1) {
		case "phone", "telephone", "video", "conference":
			return true // a phone call, a video call
		}
	}
	if i > a+1 && determiner(i-2) && !breaks(s.gap(i-1, i)) && !s.capitalized(i-1) {
		if n := s.norm(i - 1); strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "ive") || strings.HasSuffix(n, "ous") || strings.HasSuffix(n, "ful") {
			return true // a unified blast, a positive response: an adjective before a noun
		}
	}
	if i > a+1 && strings.HasSuffix(s.norm(i), "s") && determiner(i-2) {
		if _, named := s.covering(i - 1); !named && !s.is(i-1, classTitle) {
			return true // his opening remarks
		}
	}
	if i == a && strings.HasSuffix(s.norm(i), "ed") && i+1 < len(s.forms) && !s.is(i+1, classTitle) {
		if _, ok := s.atStart(i + 1); !ok {
			return true
		}
	}
	for j := i - 1; j >= a && j >= i-4; j-- {
		if breaks(s.gap(j, j+1)) {
			break
		}
		switch s.norm(j) {
		case "who", "whom":
			return true
		case "which":
			if j > a && s.is(j-1, classOpener) {
				continue // during which the two leaders praised …: what was said at the event
			}
			return true
		}
	}
	return false
}

// notArabicCue reports whether an Arabic reporting word at token i is not a verb here: right
// after a preposition it is a noun (وفي رد …، خلال تعليق; but في رأي الرئيس الصيني, with a
// leader after it, says whose view it is), and عبر with no عن in its clause's next six words
// is the preposition "via" (عبر الفيديو، عبر الهاتف، عبر الاتصال عن بعد), not عبّر عن.
func (s *speakerScan) notArabicCue(a, i, b int) bool {
	if i > a && !breaks(s.gap(i-1, i)) && arabicPrepositions[s.norm(i-1)] {
		if h, ok := s.atStart(i + 1); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) {
			return false // في رأي الرئيس الصيني: the noun names whose view it is
		}
		return true
	}
	if stripOne(s.norm(i)) == "جاء" && i+1 < b {
		switch s.norm(i + 1) {
		case "في", "فيه", "فيها", "على":
		default:
			return true // وجاء الاتصال قبل زيارة …: came, not "it was stated" (جاء في البيان، جاء فيه)
		}
	}
	if n := s.norm(i); n == "عبر" || n == "وعبر" {
		for k := i + 1; k < b && k <= i+6 && !breaks(s.gap(k-1, k)); k++ {
			if s.norm(k) == "عن" && (k+1 == b || s.norm(k+1) != "بعد") {
				return false // عبّر الرئيس الروسي فلاديمير بوتين عن (not عبر الاتصال عن بعد: remotely)
			}
		}
		return true
	}
	return false
}

// arabicPrepositions are the prepositions no verb follows, in normalized form.
var arabicPrepositions = normalizedSet("في", "وفي", "خلال", "وخلال", "بعد", "وبعد", "قبل", "عقب", "من", "إلى", "على", "عن", "مع", "حول", "لدى")

// documentColon reports whether a document (البيان، the statement) is named before a colon
// among the sentence's first six words.
func (s *speakerScan) documentColon(a, b int) bool {
	for k := a; k+1 < b && k < a+6; k++ {
		if hasColon(s.gap(k, k+1)) {
			for j := a; j <= k; j++ {
				if h, ok := s.atStart(j); ok && s.kind(h) == hitDocument && h.end <= k+1 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// countries reports whether a joint hit names the two countries or sides (China and Russia,
// روسيا والصين، the parties), not the leaders, whose doings are narration (وسيلتقي الزعيمان).
func (s *speakerScan) countries(h hit) bool {
	for k := h.start; k < h.end; k++ {
		n := stripOne(s.norm(k))
		if pairWords[n] {
			return true
		}
		for _, a := range s.lx.Actors {
			for _, p := range a.Sides {
				if len(p.Words) == 1 && (p.Words[0] == n || p.Words[0] == s.norm(k)) {
					return true // a one-word side of an actor: its country or capital
				}
			}
		}
	}
	return false
}

// pairWords are the joint words that name the two sides, not the leaders (الجانبان، the parties).
var pairWords = normalizedSet("الجانبان", "الطرفان", "sides", "parties")

// pairOpens reports whether the sentence's subject is the two countries (China and Russia):
// it opens the sentence, past particles, or follows its first word, a verb (تعارض روسيا
// والصين).
func (s *speakerScan) pairOpens(a, b int) bool {
	o := s.skipParticles(a, b)
	for k := o; k < b && k <= o+1; k++ {
		if h, ok := s.atStart(k); ok {
			return s.kind(h) == hitJoint && !s.otherPair && s.countries(h)
		}
		if !s.arabic(k) {
			break
		}
	}
	return false
}

// arabicSpeechClause finds, in an Arabic sentence whose reporting verb or participle has no
// subject of its own, the actor the sentence opens with as the subject of its first verb
// (وخاطب الرئيس الروسي نظيره الصيني قائلا …؛ وأجرى بوتين مكالمة مع شي، أشاد خلالها …): the
// actor within the first three words, not an object, with words between it and the cue.
func (s *speakerScan) arabicSpeechClause(a, b int, quoted []bool, subject func(hit, string, Span, int) verdict) (verdict, bool) {
	var h hit
	found := false
	for o := a; o < b && o < a+3; o++ {
		if x, ok := s.atStart(o); ok {
			if (s.kind(x) == hitActor || s.kind(x) == hitJoint) && !s.object(x, a) {
				h, found = x, true
			}
			break
		}
	}
	if !found || s.norm(a) == "كان" || s.norm(a) == "وكان" {
		return verdict{}, false // وكان الرئيس … أكد: the past
	}
	for i := h.end + 1; i < b; i++ {
		if i-a < len(quoted) && quoted[i-a] {
			continue
		}
		// a participle (قائلا، مضيفا), or a verb that begins a clause (…، أشاد خلالها؛ ووصفه بأنه)
		clause := breaks(s.gap(i-1, i)) || strings.HasPrefix(s.norm(i), "و")
		if s.is(i, classContinuation) || clause && s.is(i, classVerb) && !s.is(i, classContent) {
			return subject(h, RuleSpeechClause, s.span(i, i+1), +1), true
		}
	}
	return verdict{}, false
}

// speechClause finds, in an English sentence, a speech participle after its main clause: a
// comma and a continuation (Xi met Putin, emphasizing …) whose sentence opens with an actor or
// the pair, or "with" and an actor before one (…, with Xi telling Putin that …).
func (s *speakerScan) speechClause(a, b int, quoted []bool, subject func(hit, string, Span, int) verdict) (verdict, bool) {
	if s.arabic(a) {
		return s.arabicSpeechClause(a, b, quoted, subject)
	}
	for i := a + 1; i < b; i++ {
		if !s.is(i, classContinuation) || i-a < len(quoted) && quoted[i-a] {
			continue
		}
		if hasComma(s.gap(i-1, i)) {
			o := a
			if s.norm(o) == "the" || s.is(o, classOpener) {
				o++
			}
			if h, ok := s.atStart(o); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) && h.end < i && !s.possessive(h) {
				return subject(h, RuleSpeechClause, s.span(i, i+1), +1), true
			}
		}
		// with Xi telling Putin: the actor right before the participle, "with" before it
		if h, ok := s.atEnd(i); ok && (s.kind(h) == hitActor || s.kind(h) == hitJoint) && h.start > a && s.norm(h.start-1) == "with" {
			return subject(h, RuleSpeechClause, s.span(i, i+1), -1), true
		}
	}
	return verdict{}, false
}

// kanBefore reports whether كان stands within two tokens before token j (وكان الرئيسان قد).
func (s *speakerScan) kanBefore(a, j int) bool {
	for k := j - 1; k >= a && k >= j-3; k-- {
		if n := s.norm(k); n == "كان" || n == "وكان" || n == "كانت" || n == "وكانت" {
			return true
		}
	}
	return false
}

// isLeaderTitle reports whether token j is a leader's title (الرئيس، الزعيم) that names no one
// by itself.
func (s *speakerScan) isLeaderTitle(j int) bool {
	switch stripOne(s.norm(j)) {
	case "الرئيس", "الزعيم", "رئيس":
		_, named := s.covering(j)
		return !named
	}
	return false
}

// prepositional reports whether Arabic token j opens a prepositional phrase or is one (بأهمية،
// لنظيره، عليه، له): not a subject.
func (s *speakerScan) prepositional(j int) bool {
	n := stripOne(s.norm(j))
	return pronounPPs[n] || strings.HasPrefix(n, "ل") || strings.HasPrefix(n, "ب")
}

// pronounPPs are prepositions with a pronoun suffix, a whole prepositional phrase in one word
// (normalized, without a proclitic).
var pronounPPs = normalizedSet("عليه", "عليها", "عليهم", "له", "لها", "لهم", "إليه", "إليها", "عنه", "عنها", "منه", "معه", "معها")

// clauseOpener finds, for an English verb, an actor that opens its clause (after the
// sentence start, a participial opener's comma or a quotation) with no verb between: Putin in
// his speech said; …," Putin, who has …, said.
func (s *speakerScan) clauseOpener(a, i int) (hit, bool) {
	start, byQuote := a, false
	for k := i - 1; k > a; k-- {
		g := s.gap(k-1, k)
		if hasComma(g) && !hasQuote(g) && counterparts[s.norm(k-1)] {
			continue // his Russian counterpart, Vladimir Putin and said: a name in apposition
		}
		if hasQuote(g) || isTerminal(lastRune(g)) || hasComma(g) && !s.relativeAfter(k) {
			start, byQuote = k, hasQuote(g) && !hasComma(g)
			break
		}
	}
	h, ok := s.atStart(start)
	if (!ok || s.kind(h) != hitActor && s.kind(h) != hitJoint) && byQuote {
		// Putin at "A Talk About Important Things" announced: a quotation in the way; the clause
		// begins before it, at the sentence's start or after a comma (According to AP, Putin
		// addressed Xi as "dear friend" and said …)
		from := a
		for k := start - 1; k > a; k-- {
			if g := s.gap(k-1, k); isTerminal(lastRune(g)) || hasComma(g) && !hasQuote(g) && !s.relativeAfter(k) {
				from = k
				break
			}
		}
		h, ok = s.atStart(from)
	}
	if !ok || (s.kind(h) != hitActor && s.kind(h) != hitJoint) || h.end >= i || s.possessive(h) {
		return hit{}, false
	}
	for k := h.end; k < i; k++ {
		if s.is(k, classVerb) && !s.relativeBefore(h.end, k) && !s.notEnglishCue(h.end, k) {
			return hit{}, false
		}
	}
	return h, true
}

// relativeAfter reports whether token k opens a relative clause (who, which).
func (s *speakerScan) relativeAfter(k int) bool {
	n := s.norm(k)
	return n == "who" || n == "which" || n == "whose"
}

// relativeBefore reports whether a relative pronoun stands between tokens from and k.
func (s *speakerScan) relativeBefore(from, k int) bool {
	for j := from; j < k; j++ {
		if s.relativeAfter(j) {
			return true
		}
	}
	return false
}

// excludedApart reports whether the cue at token i and the words after it make one of the
// cue exclusions with a subject between them (أشار شي بيده for أشار بيده).
func (s *speakerScan) excludedApart(i, b int) bool {
	if !s.is(i, classExclusionHead) {
		return false
	}
	for _, p := range s.lx.cueExclusions {
		if len(p.Words) < 2 || (s.norm(i) != p.Words[0] && stripOne(s.norm(i)) != p.Words[0]) {
			continue
		}
		rest := p.Words[1:]
		for k := i + 2; k+len(rest) <= b && k <= i+4; k++ {
			ok := true
			for m, w := range rest {
				if s.norm(k+m) != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// nounPhraseEnd returns where the noun phrase going on at token j ends: before a
// preposition, an adverbial, the content or a comma, at most four words on.
func (s *speakerScan) nounPhraseEnd(j, b int) int {
	for k := j; k < b && k < j+4; k++ {
		if breaks(s.gap(k-1, k)) || s.is(k, classOpener|classComplementizer|classTitle) || strings.HasPrefix(s.norm(k), "ان") {
			return k
		}
	}
	return min(j+4, b)
}

// namesJointDocument reports whether tokens [a, b) name a joint statement or declaration
// (بيان مشترك، الإعلان المشترك، the joint statement).
func (s *speakerScan) namesJointDocument(a, b int) bool {
	for k := a; k < b; k++ {
		if !s.is(k, classJointDoc) {
			continue
		}
		if n := s.norm(k); n != "joint" || k+1 < b && (s.norm(k+1) == "statement" || s.norm(k+1) == "declaration") {
			return true
		}
	}
	return false
}

// quoteBefore reports whether a quotation closes before token i of the sentence (…,” Xi said).
func (s *speakerScan) quoteBefore(a, i int, quoted []bool) bool {
	for k := a; k < i; k++ {
		if quoted[k-a] {
			return true
		}
	}
	return false
}

// speaksSoon reports whether a reporting word follows within six tokens of from.
func (s *speakerScan) speaksSoon(from, b int) bool {
	for k := from; k < b && k < from+6; k++ {
		if s.is(k, classVerb) && !s.noContent(k, k, b) {
			return true // (not a content verb with no content: رد بإهداء)
		}
	}
	return false
}

// addresseeAfter reports whether a preposition of speech is followed by an actor: the person
// spoken to, not the content (تحدث إلى بوتين).
func (s *speakerScan) addresseeAfter(j int) bool {
	if !toWords[stripOne(s.norm(j))] {
		return false
	}
	h, ok := s.atStart(j + 1)
	return ok && s.kind(h) == hitActor
}

// office reports whether token j names an office that reports its leader's words (الوزارة،
// الخارجية، المكتب، الخدمة، الرئاسة) rather than a person.
func (s *speakerScan) office(j int) bool {
	return officeWords[s.norm(j)] || officeWords[stripOne(s.norm(j))]
}

// toWords and officeWords are in normalized form, as tokens are compared.
var toWords, officeWords = normalizedSet("إلى", "مع", "to", "with"), normalizedSet("الوزارة", "وزارة", "الخارجية", "المكتب", "الخدمة", "الرئاسة", "الحكومة",
	"وسائل", "الصحيفة", "صحيفة", "الوكالة", "وكالة", "التلفزيون") // a medium reports the leader too (وذكرت وسائل إعلام صينية أن شي هنأ)

func normalizedSet(words ...string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		out[Normalize(w)] = true
	}
	return out
}
