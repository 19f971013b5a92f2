package study

import (
	"context"
	"slices"

	"github.com/readout/readout/corpus"
)

// DocText is what readout analyses of a document: its metadata, its cleaned text and what the
// boilerplate rules removed (each line with its rule and line number), so that a user sees
// exactly what is counted.
type DocText struct {
	Doc     *corpus.Document // its metadata (its text is released after sink)
	Clean   string
	Removed []corpus.Removal
	LeftOut []corpus.Removal // an HTML page's lines its reader did not take (outside the main content, hidden)
}

// Texts hands each document (or only doc, when given) to sink in corpus order, its text loaded
// and dropped again after.
func (s *Study) Texts(ctx context.Context, doc string, sink func(DocText) error) error {
	docs := s.c.Docs
	if doc != "" {
		i := slices.IndexFunc(docs, func(d *corpus.Document) bool { return d.ID == doc })
		if i < 0 {
			return optionErr("--doc %q: no document has this id (readout corpus lists them)", doc)
		}
		docs = docs[i : i+1]
	}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var t DocText
		err := s.withDoc(slices.Index(s.c.Docs, d), func(d *corpus.Document) {
			t = DocText{Doc: d, Clean: d.Clean, Removed: slices.Clone(d.Removed), LeftOut: slices.Clone(d.LeftOut)}
		})
		if err != nil {
			return err
		}
		if err := sink(t); err != nil {
			return err
		}
	}
	return nil
}
