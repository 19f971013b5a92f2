package compare

import (
	"encoding/binary"
	"slices"
	"sync"
	"time"

	"github.com/readout/readout/textproc"
)

// A Sieve picks, from a corpus's statement units, those that could restate a unit of the
// documents it was made for: the units that share at least MinSharedStems keys with one of
// theirs, the part of couldMatch that does not depend on the corpus's weights. It keeps of each
// only what Match needs, packed, so that a corpus can be compared with new documents in one
// reading: the weights are known once every document has been read, and the units kept are
// matched then (Matcher.MatchKept).
type Sieve struct {
	vecs     vecs
	keys     map[uint32]bool // every key of the new units
	verbatim map[uint64]bool // the new units' Verbatim hashes
}

// NewSieve returns the sieve of the units of the new documents.
func NewSieve(units ...[]Unit) *Sieve {
	var ptrs []*Unit
	for _, us := range units {
		for i := range us {
			ptrs = append(ptrs, &us[i])
		}
	}
	s := &Sieve{vecs: vectors(ptrs), keys: map[uint32]bool{}, verbatim: map[uint64]bool{}}
	for _, id := range s.vecs.ids {
		s.keys[id] = true
	}
	return s
}

// AddVerbatim makes the sieve keep, as Kept.Copies, the corpus statements with these hashes
// (Verbatim of the new documents).
func (s *Sieve) AddVerbatim(hashes []uint64) {
	for _, h := range hashes {
		if h != 0 {
			s.verbatim[h] = true
		}
	}
}

// Kept is what a Sieve kept of one document's units, packed in one byte slice: for each unit,
// a byte per word (whether a clause begins with it, whether it is a function word, whether it
// is a content word and of a generic kind), each content word's key after its byte as a varint,
// then the first and last word of each of its terms as varints. Word offsets and text are not
// kept: a passage is known by its words' indices, and the units of the passages shown are made
// again from their documents.
type Kept struct {
	index []int32  // each unit's index among the document's units
	off   []uint32 // where each unit begins in data; one more at the end
	data  []byte
	// Copies are the document's statements that a new one repeats word for word
	Copies []Copy
}

// Len returns the number of units kept.
func (k *Kept) Len() int { return len(k.index) }

// the bits of a word's byte
const (
	packCut     = 1 << iota // a clause begins with the word
	packStop                // a function word
	packKey                 // a content word: its key follows
	packGeneric             // its key has genericBit
	packTerms               // the unit's terms follow its last word (on the last word's byte)
)

// Keep returns the units of an analysed document that could match one of the sieve's, in the
// order Units makes them, with the indices Units gives them. When c is not nil the keys of all
// the document's units are counted in it, as c.AddDoc would.
func (s *Sieve) Keep(d *textproc.Doc, lx *textproc.Lexicon, c *WeightCounter) Kept {
	sc := newUnitScan(d, lx)
	var k Kept
	var b unitMem
	var local, unit []uint32
	var v vec
	index := 0
	for _, st := range d.Sentences {
		if !sc.unit(st) {
			continue
		}
		at := index
		index++
		if len(s.verbatim) > 0 {
			if h, _ := verbatimHash(d, st); h != 0 && s.verbatim[h] {
				k.Copies = append(k.Copies, Copy{Index: at, Hash: h})
			}
		}
		unit = unit[:0]
		inSieve := 0
		for i := st.TokStart; i < st.TokEnd; i++ {
			if id := sc.ids[i]; id != 0 && !slices.Contains(unit, id) {
				unit = append(unit, id)
				if s.keys[id] {
					inSieve++
				}
			}
		}
		local = append(local, unit...)
		if inSieve < MinSharedStems || !s.couldShare(&v, unit) {
			continue
		}
		b.words, b.keys, b.at, b.terms, b.themes = b.words[:0], b.keys[:0], b.at[:0], b.terms[:0], b.themes[:0]
		u := sc.build(&b, st, "", time.Time{}, at)
		k.add(&u)
	}
	if c != nil {
		c.add(index, local)
	}
	return k
}

// couldShare reports whether the unit of the distinct keys ids shares MinSharedStems keys with
// one of the sieve's units.
func (s *Sieve) couldShare(v *vec, ids []uint32) bool {
	v.ids = append(v.ids[:0], ids...)
	slices.Sort(v.ids)
	for u := range s.vecs.len() {
		n := s.vecs.at(u)
		shared := 0
		for x, y := 0, 0; x < len(n.ids) && y < len(v.ids); {
			switch {
			case n.ids[x] < v.ids[y]:
				x++
			case n.ids[x] > v.ids[y]:
				y++
			default:
				shared++
				x++
				y++
			}
		}
		if shared >= MinSharedStems {
			return true
		}
	}
	return false
}

func (k *Kept) add(u *Unit) {
	if len(k.off) == 0 {
		k.off = []uint32{0}
	}
	k.index = append(k.index, int32(u.Index))
	key := 0
	ws, keys, at, terms := u.words(), u.keys(), u.at(), u.terms()
	for i, w := range ws {
		var f byte
		if w.cut() {
			f |= packCut
		}
		if w.stop() {
			f |= packStop
		}
		hasKey := key < len(keys) && int(at[key]) == i
		if hasKey {
			f |= packKey
			if keys[key]&genericBit != 0 {
				f |= packGeneric
			}
		}
		if i == len(ws)-1 && len(terms) > 0 {
			f |= packTerms
		}
		k.data = append(k.data, f)
		if hasKey {
			k.data = binary.AppendUvarint(k.data, uint64(keys[key]&^genericBit))
			key++
		}
	}
	if len(terms) > 0 {
		k.data = binary.AppendUvarint(k.data, uint64(len(terms)))
		for _, t := range terms {
			k.data = binary.AppendUvarint(k.data, uint64(t.w1))
			k.data = binary.AppendUvarint(k.data, uint64(t.w2-t.w1))
		}
	}
	k.off = append(k.off, uint32(len(k.data)))
}

// Clip copies what a Kept holds to memory of its size.
func (k *Kept) Clip() {
	k.index, k.off, k.data, k.Copies = slices.Clone(k.index), slices.Clone(k.off), slices.Clone(k.data), slices.Clip(k.Copies)
}

// unit makes u kept unit j, enough for Match: its words without offsets, its keys, its terms'
// words. u is a zero Unit or one this made, whose memory is reused.
func (k *Kept) unit(j int, u *Unit) {
	u.Index = int(k.index[j])
	if u.mem == nil {
		u.mem = &unitMem{}
	}
	m := u.mem
	m.words, m.keys, m.at, m.terms = m.words[:0], m.keys[:0], m.at[:0], m.terms[:0]
	defer u.holdAll()
	b := k.data[k.off[j]:k.off[j+1]]
	for len(b) > 0 {
		f := b[0]
		b = b[1:]
		var w word
		if f&packCut != 0 {
			w.end |= wordCut
		}
		if f&packStop != 0 {
			w.end |= wordStop
		}
		if f&packKey != 0 {
			id, n := binary.Uvarint(b)
			b = b[n:]
			if f&packGeneric != 0 {
				id |= genericBit
			}
			m.keys, m.at = append(m.keys, uint32(id)), append(m.at, int32(len(m.words)))
		}
		m.words = append(m.words, w)
		if f&packTerms != 0 {
			nt, n := binary.Uvarint(b)
			b = b[n:]
			for range nt {
				w1, n := binary.Uvarint(b)
				b = b[n:]
				dw, n := binary.Uvarint(b)
				b = b[n:]
				m.terms = append(m.terms, termRef{w1: int32(w1), w2: int32(w1 + dw)})
			}
			break
		}
	}
}

// scratchPool holds the working memory of MatchKept from one document to the next: its matrix
// grows to the largest pair of units a worker has met, and is not made again for each document.
var scratchPool = sync.Pool{New: func() any { return new(matchScratch) }}

// MatchKept is Match over the units a Sieve made with the matcher's units kept of a document:
// the same passage pairs in the same order (by the matcher's unit, then the document's), found
// with the weights of the whole corpus once it has been read. The corpus passage of each pair
// is of a Unit that carries only its Index: the caller gives it its document's unit (Units).
func (m *Matcher) MatchKept(k *Kept, minSim float64) []PassagePair {
	per := make([][]PassagePair, len(m.units))
	var u Unit
	var v vec
	sc := scratchPool.Get().(*matchScratch)
	defer scratchPool.Put(sc)
	for j := range k.index {
		k.unit(j, &u)
		v.set(u.keys())
		var stub *Unit
		for i := range m.vecs.len() {
			if !couldMatch(m.vecs.at(i), v, m.w) {
				continue
			}
			for _, pp := range sc.match(&m.units[i], &u, m.w, minSim) {
				if stub == nil {
					stub = &Unit{Index: u.Index}
				}
				pp.B.Unit = stub
				per[i] = append(per[i], pp)
			}
		}
	}
	var out []PassagePair
	for _, ps := range per {
		out = append(out, ps...)
	}
	return out
}
