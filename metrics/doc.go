// Package metrics turns analysed documents into the numbers readout reports: theme rates,
// shifts between periods with intervals, trends, keyness and similarity. Functions are pure;
// each doc comment states the formula, the log base and the zero-count rule, and
// docs/METHODS.md gives every metric a stable id.
package metrics
