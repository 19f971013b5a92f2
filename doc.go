// Package readout compares official statements and the news articles that report them:
// recurring themes, shifts in wording and emphasis over time and between speakers, aligned
// statements with their word-level differences, and trend reports with charts.
//
// The library lives in the subpackages (corpus, textproc, metrics, compare, reports); this root
// package holds only what they share: the tool's version and the bundled seed corpus.
package readout

import (
	"embed"
	"io/fs"
)

// Version is the tool version written into every run record.
const Version = "0.1.0"

//go:embed testdata/corpus
var seed embed.FS

// SeedFS returns the bundled seed corpus: five Arabic articles on Xi Jinping–Putin talks,
// 2020–2023, and their manifest.csv, as found in testdata/corpus.
func SeedFS() fs.FS {
	sub, err := fs.Sub(seed, "testdata/corpus")
	if err != nil {
		panic(err) // the path is a constant checked by the tests
	}
	return sub
}
