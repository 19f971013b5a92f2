package compare

import "github.com/readout/readout/textproc"

// Words are aligned by alignment key (textproc.Lexicon.Key), held as the ids of textproc.KeyID.

// genericBit marks a key the lexicon calls generic (textproc.Lexicon.IsGeneric): it weighs
// GenericWeight of what its frequency gives.
const genericBit = 1 << 31

// GenericWeight is the share of its weight a generic word keeps.
const GenericWeight = 0.5

// internKey returns the id of a key (ids from 1; 0 is no key).
func internKey(k string) uint32 { return textproc.KeyID(k) }

// keyOf returns the key of an id.
func keyOf(id uint32) string { return textproc.KeyOf(id &^ genericBit) }

// keyCount returns the number of keys interned so far (ids run from 1 to it).
func keyCount() int { return textproc.KeyCount() }
