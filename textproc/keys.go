package textproc

import (
	"hash/maphash"
	"sync"
)

// Alignment keys (Lexicon.Key) are held as small integers by statement alignment: a corpus has
// millions of words and a vocabulary of thousands of keys. The interning table is shared by
// every document of the process and safe for concurrent use; it grows with the vocabulary, not
// with the corpus. An Analyzer gives each distinct word's key its id once (Doc.KeyID).
var keyTable = struct {
	shards [64]struct {
		mu sync.RWMutex
		m  map[string]uint32
	}
	mu   sync.RWMutex
	keys []string
}{}

var keySeed = maphash.MakeSeed()

// MaxKeyID is the largest id KeyID gives: ids fit in 31 bits, so a caller may use the top bit.
const MaxKeyID = 1<<31 - 1

// KeyID returns the id of an alignment key, from 1 up (0 is no key), in the order keys were
// first seen: ids name keys within a process, they are not stable between runs.
func KeyID(k string) uint32 {
	sh := &keyTable.shards[maphash.String(keySeed, k)%64]
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
	keyTable.mu.Lock()
	keyTable.keys = append(keyTable.keys, k)
	id = uint32(len(keyTable.keys))
	keyTable.mu.Unlock()
	if id > MaxKeyID {
		panic("textproc: more than 2³¹ alignment keys")
	}
	if sh.m == nil {
		sh.m = map[string]uint32{}
	}
	sh.m[k] = id
	return id
}

// KeyOf returns the key of an id, "" for none.
func KeyOf(id uint32) string {
	keyTable.mu.RLock()
	defer keyTable.mu.RUnlock()
	if id == 0 || int(id) > len(keyTable.keys) {
		return ""
	}
	return keyTable.keys[id-1]
}

// KeyCount returns the number of keys given an id so far (ids run from 1 to it).
func KeyCount() int {
	keyTable.mu.RLock()
	defer keyTable.mu.RUnlock()
	return len(keyTable.keys)
}
