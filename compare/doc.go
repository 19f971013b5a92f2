// Package compare aligns the statements that recur from one article to the next and shows,
// word by word, what changed: statement units, their alignment between two documents, word-level
// diffs with each change classified, the recurring formulations of a corpus, and the comparison
// of a new article against a corpus. It wraps sergi/go-diff behind readout's own types and is
// deterministic: no diff timeout, stable ordering.
package compare
