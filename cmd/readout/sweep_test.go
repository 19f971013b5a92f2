package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Small random corpora through every command: whatever the data, a command either works or
// fails with a message, never with a panic. (The keyness chart once panicked on a corpus with no
// term reaching the minimum count; this sweep is the net for that kind of bug.)
func TestSweepTinyCorpora(t *testing.T) {
	var lines []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, l := range strings.Split(string(b), "\n") {
			if len([]rune(l)) > 20 {
				lines = append(lines, l)
			}
		}
	}
	english := []string{"Xi said sovereignty matters.", "Putin stressed energy and BRICS.", "The two leaders agreed to meet.", "Trade grew."}
	r := rand.New(rand.NewPCG(7, 11))
	for k := 0; k < 8; k++ {
		dir := t.TempDir()
		var man strings.Builder
		man.WriteString("file,id,date\n")
		n := 1 + r.IntN(4)
		for i := 0; i < n; i++ {
			var body strings.Builder
			for j, m := 0, 1+r.IntN(3); j < m; j++ {
				if k%3 == 2 {
					body.WriteString(english[r.IntN(len(english))] + "\n")
				} else {
					body.WriteString(lines[r.IntN(len(lines))] + "\n")
				}
			}
			name := fmt.Sprintf("d%d.txt", i)
			writeFile(t, dir, name, body.String())
			date := fmt.Sprintf("%d-0%d-1%d", 2019+r.IntN(5), 1+r.IntN(9), r.IntN(9))
			if k == 5 && i == 0 {
				date = "" // one undated document
			}
			fmt.Fprintf(&man, "%s,doc%d,%s\n", name, i, date)
		}
		writeFile(t, dir, "manifest.csv", man.String())
		out := filepath.Join(t.TempDir(), "out")
		for _, args := range [][]string{
			{"corpus", dir}, {"themes", dir, "--by", "year,speaker"}, {"shift", dir}, {"trend", dir, "--by", "doc"},
			{"keyness", dir, "--ngrams", "1-2"}, {"similarity", dir}, {"align", dir}, {"kwic", dir, "--theme", "energy"},
			{"compare", filepath.Join(dir, "d0.txt"), "--against", dir},
			{"report", dir, "-o", out, "--formats", "md,svg,pdf", "--date", "2026-11-21", "--force"},
		} {
			_, stderr, code := runCmd(t, args...)
			if strings.Contains(stderr, "internal error") || strings.Contains(stderr, "goroutine ") || code > 2 {
				t.Fatalf("corpus %d, %v: exit %d\n%s", k, args, code, stderr)
			}
			if code != 0 && !strings.Contains(stderr, "readout: ") {
				t.Errorf("corpus %d, %v: exit %d without a message", k, args, code)
			}
		}
	}
}
