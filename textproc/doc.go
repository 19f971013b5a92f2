// Package textproc turns text into what readout counts: tokens with byte offsets, normalized
// forms for matching, clitic-aware stems, sentences, speakers and theme matches. Language rules
// (normalization tables, clitics, reporting verbs, actor aliases, the default lexicon) are data.
package textproc
