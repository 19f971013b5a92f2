package compare

import (
	"hash/maphash"
	"sync"
)

// Words are aligned by alignment key (textproc.Lexicon.Key), held as small integers: a
// corpus has millions of words and a vocabulary of thousands of keys. The interning table is
// shared by every unit of the process and safe for concurrent use; it grows with the
// vocabulary, not with the corpus.
var keyTable = struct {
	shards [64]struct {
		mu sync.RWMutex
		m  map[string]uint32
	}
	mu   sync.RWMutex
	keys []string
}{}

var keySeed = maphash.MakeSeed()

// genericBit marks a key the lexicon calls generic (textproc.Lexicon.IsGeneric): it weighs
// GenericWeight of what its frequency gives.
const genericBit = 1 << 31

// GenericWeight is the share of its weight a generic word keeps.
const GenericWeight = 0.5

// internKey returns the id of a key (ids from 1; 0 is no key).
func internKey(k string) uint32 {
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
	if sh.m == nil {
		sh.m = map[string]uint32{}
	}
	sh.m[k] = id
	return id
}

// keyOf returns the key of an id.
func keyOf(id uint32) string {
	id &^= genericBit
	keyTable.mu.RLock()
	defer keyTable.mu.RUnlock()
	if id == 0 || int(id) > len(keyTable.keys) {
		return ""
	}
	return keyTable.keys[id-1]
}

// keyCount returns the number of keys interned so far (ids run from 1 to it).
func keyCount() int {
	keyTable.mu.RLock()
	defer keyTable.mu.RUnlock()
	return len(keyTable.keys)
}
