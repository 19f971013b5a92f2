package textproc

import (
	"sort"
	"strings"
)

// verdict is what one sentence says about its own speaker.
type verdict int

const (
	narration    verdict = iota // no reporting verb: none, unless inside an open quotation
	decided                     // a reporting verb with its subject
	continuation                // a reporting verb with no subject: the previous speaker
)

// speakerScan holds one document's actor matches for attribution.
type speakerScan struct {
	lx     *Lexicon
	text   string
	tokens []Token
	forms  []*form
	hits   []hit // actor and joint alias hits, in order, not overlapping
}

// atStart returns the hit that begins at token i.
func (s *speakerScan) atStart(i int) (hit, bool) {
	k := sort.Search(len(s.hits), func(k int) bool { return s.hits[k].start >= i })
	if k < len(s.hits) && s.hits[k].start == i {
		return s.hits[k], true
	}
	return hit{}, false
}

// atEnd returns the hit that ends just before token i. Hits do not overlap, so their ends are
// in order too.
func (s *speakerScan) atEnd(i int) (hit, bool) {
	k := sort.Search(len(s.hits), func(k int) bool { return s.hits[k].end >= i })
	if k < len(s.hits) && s.hits[k].end == i {
		return s.hits[k], true
	}
	return hit{}, false
}

func (s *speakerScan) id(h hit) string {
	if h.p.owner < 0 {
		return SpeakerJoint
	}
	return s.lx.Actors[h.p.owner].ID
}

// gap returns the text between tokens a and b (a < b).
func (s *speakerScan) gap(a, b int) string {
	return s.text[s.tokens[a].End:s.tokens[b].Start]
}

// breaks reports whether punctuation that ends a clause, opens a quotation, or introduces
// speech stands in a gap.
func breaks(gap string) bool {
	return strings.ContainsFunc(gap, func(r rune) bool {
		return r == ':' || r == '،' || r == ',' || r == ';' || r == '؛' || quoteKind(r) != 0 || isTerminal(r) || r == '(' || r == ')'
	})
}

// coordinated widens an actor hit to joint when another actor is joined to it with "and" (و),
// looking after (dir > 0) or before (dir < 0) it.
func (s *speakerScan) coordinated(h hit, dir int) string {
	id := s.id(h)
	if id == SpeakerJoint {
		return id
	}
	if dir > 0 {
		if o, ok := s.atStart(h.end); ok && !breaks(s.gap(h.end-1, h.end)) && strings.HasPrefix(s.forms[h.end].norm, "و") && s.id(o) != id {
			return SpeakerJoint
		}
		if h.end < len(s.forms) && s.forms[h.end].norm == "and" {
			if o, ok := s.atStart(h.end + 1); ok && s.id(o) != id {
				return SpeakerJoint
			}
		}
		return id
	}
	if strings.HasPrefix(s.forms[h.start].norm, "و") && h.start > 0 {
		if o, ok := s.atEnd(h.start); ok && s.id(o) != id {
			return SpeakerJoint
		}
	}
	if h.start > 1 && s.forms[h.start-1].norm == "and" {
		if o, ok := s.atEnd(h.start - 1); ok && s.id(o) != id {
			return SpeakerJoint
		}
	}
	return id
}

// sentence decides what a sentence says about its speaker. Rules, in order:
//  1. A sentence that opens with an actor and a colon (بوتين: ...) is that actor's.
//  2. At the first reporting verb or continuing participle:
//     a. a participle (مضيفا) with no subject of its own continues the previous speaker;
//     b. an actor (or joint subject) right before the verb is the subject (الرئيس الروسي يؤكد,
//     Xi said);
//     c. after the verb, skipping titles (الرئيس), an actor or joint subject is the subject
//     (وقال شي، أكد الطرفان); a verb of informing with only an actor and then the reported
//     content (أبلغ بوتين أن) has that actor as its addressee, and continues the previous
//     speaker;
//     d. a complementizer, colon, quotation or the end of the sentence right after the verb
//     means no subject: if only particles (كما، ثم، he) stand before the verb in its clause,
//     the sentence continues the previous speaker; otherwise its subject is someone else;
//     e. any other word after the verb is another subject (وزير الخارجية): none.
//  3. A sentence with no reporting verb is narration.
func (s *speakerScan) sentence(sent Sentence) (verdict, string) {
	a, b := sent.TokStart, sent.TokEnd
	if a >= b {
		return narration, ""
	}
	if h, ok := s.atStart(a); ok && h.end < b && strings.ContainsRune(s.gap(h.end-1, h.end), ':') {
		return decided, s.coordinated(h, +1)
	}
	for i := a; i < b; i++ {
		isVerb := s.is(i, classVerb)
		isPart := !isVerb && s.is(i, classContinuation)
		if !isVerb && !isPart {
			continue
		}
		// b. subject right before the verb
		if h, ok := s.atEnd(i); ok && h.start >= a && !breaks(s.gap(i-1, i)) {
			return decided, s.coordinated(h, -1)
		}
		if isPart {
			return continuation, ""
		}
		// c, d, e: after the verb
		subject := false
		for j := i + 1; j < b && j <= i+4; j++ {
			gap := s.gap(j-1, j)
			if strings.ContainsFunc(gap, func(r rune) bool { return r == ':' || isTerminal(r) }) {
				break // the reported content begins
			}
			if h, ok := s.atStart(j); ok { // a name, even in quotation marks: اكد " شي "
				if s.is(i, classAddresseeVerb) && s.onlyAddressee(h, b) {
					return continuation, ""
				}
				return decided, s.coordinated(h, +1)
			}
			if strings.ContainsFunc(gap, func(r rune) bool { return quoteKind(r) != 0 }) {
				break
			}
			if s.is(j, classComplementizer|classContinuation) {
				break // أكد أن، صرح قائلا
			}
			if s.is(j, classTitle) {
				continue
			}
			subject = true
			break
		}
		if subject && s.arabic(i) {
			return decided, SpeakerNone
		}
		if s.onlyParticlesBefore(a, i) {
			return continuation, ""
		}
		return decided, SpeakerNone
	}
	return narration, ""
}

// is reports whether token i is in one of the word lists of class.
func (s *speakerScan) is(i int, class wordClass) bool { return s.forms[i].class&class != 0 }

func (s *speakerScan) arabic(i int) bool { return s.forms[i].arabic }

// onlyAddressee reports whether an actor hit after a verb of informing is followed directly by
// the reported content (a complementizer or a colon), with no second noun phrase.
func (s *speakerScan) onlyAddressee(h hit, b int) bool {
	if h.end >= b {
		return false
	}
	if strings.ContainsRune(s.gap(h.end-1, h.end), ':') {
		return true
	}
	return s.is(h.end, classComplementizer) || strings.HasPrefix(s.forms[h.end].norm, "ان") || strings.HasPrefix(s.forms[h.end].norm, "بان")
}

// onlyParticlesBefore reports whether only particles (كما، قد، he) stand before token i in
// its clause, or, when a comma comes first, whether what stands before the comma is an
// adverbial opened by a preposition (وعلى المستوى الاقتصادي، / من جانبه،).
func (s *speakerScan) onlyParticlesBefore(a, i int) bool {
	for j := i - 1; j >= a; j-- {
		if strings.ContainsFunc(s.gap(j, j+1), func(r rune) bool { return r == '،' || r == ',' }) {
			return s.is(a, classOpener)
		}
		if !s.is(j, classParticle) {
			return false
		}
	}
	return true
}

// attribute sets every sentence's speaker: a decided speaker; the previous sentence's for a
// continuation, and for narration that begins inside an open quotation; none otherwise. A
// heading starts afresh.
func (s *speakerScan) attribute(sents []Sentence) {
	prev := SpeakerNone
	for i := range sents {
		v, id := s.sentence(sents[i])
		switch {
		case v == decided:
		case v == continuation && !sents[i].Heading:
			id = prev
		case v == narration && sents[i].InQuote:
			id = prev
		default:
			id = SpeakerNone
		}
		sents[i].Speaker = id
		prev = id
		if sents[i].Heading && v != decided {
			prev = SpeakerNone
		}
	}
}
