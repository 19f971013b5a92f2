package textproc

import (
	"hash/maphash"
	"sync"
)

// Alignment keys (Lexicon.Key) and stems (Stem) are held as small integers by statement
// alignment and by the document vectors: a corpus has millions of words and a vocabulary of
// thousands of keys. The interning tables are shared by every document of the process and safe
// for concurrent use; they grow with the vocabulary, not with the corpus. An Analyzer gives each
// distinct word's key and stem their ids once (Doc.KeyID, Doc.StemID).
type interner struct {
	shards [64]struct {
		mu sync.RWMutex
		m  map[string]uint32
	}
	mu      sync.RWMutex
	strings []string
}

var (
	keyTable, stemTable interner
	internSeed          = maphash.MakeSeed()
)

// MaxKeyID is the largest id KeyID gives: ids fit in 31 bits, so a caller may use the top bit.
const MaxKeyID = 1<<31 - 1

// KeyID returns the id of an alignment key, from 1 up (0 is no key), in the order keys were
// first seen: ids name keys within a process, they are not stable between runs.
func KeyID(k string) uint32 { return keyTable.id(k) }

// KeyOf returns the key of an id, "" for none.
func KeyOf(id uint32) string { return keyTable.of(id) }

// KeyCount returns the number of keys given an id so far (ids run from 1 to it).
func KeyCount() int { return keyTable.count() }

// StemID returns the id of a stem, from 1 up, as KeyID does for keys (the two are numbered
// apart).
func StemID(s string) uint32 { return stemTable.id(s) }

func (t *interner) id(k string) uint32 {
	sh := &t.shards[maphash.String(internSeed, k)%64]
	sh.mu.RLock()
	id, ok := sh.m[k]
	sh.mu.RUnlock()
	if ok {
		return id
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if id, ok := sh.m[k]; ok {
		return id
	}
	t.mu.Lock()
	t.strings = append(t.strings, k)
	id = uint32(len(t.strings))
	t.mu.Unlock()
	if id > MaxKeyID {
		panic("textproc: more than 2³¹ distinct alignment keys or stems")
	}
	if sh.m == nil {
		sh.m = map[string]uint32{}
	}
	sh.m[k] = id
	return id
}

func (t *interner) of(id uint32) string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if id == 0 || int(id) > len(t.strings) {
		return ""
	}
	return t.strings[id-1]
}

func (t *interner) count() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.strings)
}
