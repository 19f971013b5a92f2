package textproc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is the five seed articles, the realistic unit of work of readout's analysis.
func benchText(b *testing.B) string {
	var sb strings.Builder
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// BenchmarkAnalyze measures tokenizing, sentence splitting, speaker attribution and theme
// matching, in bytes per second of Arabic text.
//
//	go test ./textproc -bench Analyze -benchmem
func BenchmarkAnalyze(b *testing.B) { benchAnalyze(b, false) }

// benchAnalyze analyses the seeds again and again with one analyzer: its word cache is warm.
func benchAnalyze(b *testing.B, recycle bool) {
	text := benchText(b)
	a := DefaultLexicon().NewAnalyzer()
	a.Recycle = recycle
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Analyze(text)
	}
}

// BenchmarkAnalyzeCold analyses each time with a new Analyzer: every word is new.
func BenchmarkAnalyzeCold(b *testing.B) {
	text := benchText(b)
	lx := DefaultLexicon()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lx.Analyze(text)
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := benchText(b)
	toks := Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range toks {
			Normalize(text[t.Start:t.End])
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tokenize(text)
	}
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	toks := Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(text, toks)
	}
}

// BenchmarkAnalyzeRecycle is BenchmarkAnalyze with Recycle: the tally path of themes, shift
// and trend.
func BenchmarkAnalyzeRecycle(b *testing.B) {
	text := benchText(b)
	a := DefaultLexicon().NewAnalyzer()
	a.Recycle = true
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Analyze(text)
	}
}
