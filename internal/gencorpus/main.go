// Command gencorpus builds a large, realistic corpus from the bundled seed articles, for
// benchmarks: each article is a headline and sentences sampled from the seeds, with word-level
// perturbation (words dropped, duplicated, swapped with a neighbour, or given a clitic), dated
// over 2019–2025, with a manifest.csv. The same flags give the same corpus.
//
//	go run ./internal/gencorpus -articles 2000 -out /tmp/corpus-2k
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	readout "github.com/readout/readout"
)

func main() {
	n := flag.Int("articles", 2000, "number of articles")
	out := flag.String("out", "", "directory to create (must not exist)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Float64Var(&newWords, "new-words", 0, "probability that a word of more than 3 letters gets a random letter inserted: a word the seeds do not have (a corpus with a large vocabulary)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -articles N -out DIR")
		os.Exit(2)
	}
	if err := generate(*n, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// seedSentences returns the lines of the seed articles that read as sentences.
func seedSentences() ([]string, []string, error) {
	var sents, heads []string
	err := fs.WalkDir(readout.SeedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := fs.ReadFile(readout.SeedFS(), p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			switch {
			case len([]rune(line)) > 60:
				sents = append(sents, line)
			case len([]rune(line)) > 15:
				heads = append(heads, line)
			}
		}
		return nil
	})
	return sents, heads, err
}

var clitics = []string{"و", "ف", "ب", "ل"}

// newWords is the -new-words probability; with 0 (the default) no random number is drawn for
// it, so the corpus is the same as before the flag existed.
var newWords float64

const letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

// perturb changes a sentence word by word: each word is, with small probabilities, dropped,
// repeated, swapped with the next, or given a proclitic.
func perturb(r *rand.Rand, s string) string {
	w := strings.Fields(s)
	var out []string
	for i := 0; i < len(w); i++ {
		switch x := r.Float64(); {
		case x < 0.03:
			continue
		case x < 0.05:
			out = append(out, w[i], w[i])
		case x < 0.07 && i+1 < len(w):
			out = append(out, w[i+1], w[i])
			i++
		case x < 0.09:
			out = append(out, clitics[r.IntN(len(clitics))]+w[i])
		default:
			out = append(out, w[i])
		}
		if k := len(out) - 1; newWords > 0 && k >= 0 && len([]rune(out[k])) > 3 && r.Float64() < newWords {
			rs, ls := []rune(out[k]), []rune(letters)
			at := 1 + r.IntN(len(rs)-1)
			out[k] = string(rs[:at]) + string(ls[r.IntN(len(ls))]) + string(rs[at:])
		}
	}
	return strings.Join(out, " ")
}

func generate(n int, dir string, seed uint64) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s exists; give a new directory", dir)
	}
	sents, heads, err := seedSentences()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	mf, err := os.Create(filepath.Join(dir, "manifest.csv"))
	if err != nil {
		return err
	}
	defer mf.Close()
	mw := csv.NewWriter(mf)
	mw.Write([]string{"file", "id", "date", "title", "source", "language"})
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	for i := 0; i < n; i++ {
		date := start.AddDate(0, 0, i*days/n)
		name := fmt.Sprintf("a%06d.txt", i)
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		head := perturb(r, heads[r.IntN(len(heads))])
		fmt.Fprintln(w, head)
		for k, m := 0, 15+r.IntN(16); k < m; k++ {
			fmt.Fprintln(w, perturb(r, sents[r.IntN(len(sents))]))
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		mw.Write([]string{name, fmt.Sprintf("gen-%06d", i), date.Format("2006-01-02"), head, "gencorpus", "ar"})
	}
	mw.Flush()
	return mw.Error()
}
