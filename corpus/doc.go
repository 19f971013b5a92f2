// Package corpus reads the documents readout analyses: plain text, Markdown, HTML and JSONL
// files, in UTF-8, UTF-16 or Windows-1256, with an optional manifest.csv of metadata. It detects
// dates and languages, strips site boilerplate by a documented rule set, and keeps a mapping from
// the cleaned text back to the original so every later number can be traced to its source.
package corpus
