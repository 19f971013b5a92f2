package study

import (
	"context"
	"unicode/utf8"

	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

// MATTRWindow is the moving window of MATTR, in words (quanteda's default).
const MATTRWindow = 100

// Figures are a document's size and lexical diversity, after boilerplate removal.
type Figures struct {
	Chars, Tokens int
	TTR, MATTR    float64 // over normalized words, numbers left out
}

func figuresOf(clean string) Figures {
	words := lexdivWords(clean)
	return Figures{Chars: utf8.RuneCountInString(clean), Tokens: textproc.CountTokens(clean),
		TTR: metrics.TTR(words), MATTR: metrics.MATTR(words, MATTRWindow)}
}

// Figures returns every document's figures, in corpus order.
func (s *Study) Figures(ctx context.Context) ([]Figures, error) {
	if err := s.prepare(ctx, NeedFigures); err != nil {
		return nil, err
	}
	return s.figures, nil
}

// lexdivWords returns the normalized word tokens of a text (numbers left out), the units of
// lexical diversity.
func lexdivWords(text string) []string {
	var out []string
	for _, t := range textproc.Tokenize(text) {
		if t.Kind == textproc.Word {
			if w := textproc.Normalize(text[t.Start:t.End]); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}
