package metrics

import (
	"io/fs"
	"reflect"
	"testing"
	"time"

	readout "github.com/readout/readout"
	"github.com/readout/readout/textproc"
)

// seed003 is the file name of the seed article 003 after its number.
const seed003 = "834569aff6de6b8d.txt"

// Tally counts each sentence's theme matches by hand-checkable rules: every match once, under
// its sentence and theme; the order of Doc.Matches does not matter.
func TestTallyCountsEveryMatch(t *testing.T) {
	b, err := fs.ReadFile(readout.SeedFS(), "003_"+seed003)
	if err != nil {
		t.Fatal(err)
	}
	lx := textproc.DefaultLexicon()
	doc := lx.Analyze(string(b))
	if len(doc.Matches) < 5 {
		t.Fatalf("only %d matches in the seed article", len(doc.Matches))
	}
	want := map[[2]int]int{} // sentence, theme -> matches
	for _, m := range doc.Matches {
		want[[2]int{m.Sentence, lx.ThemeIndex(m.Theme)}]++
	}
	check := func(name string, d DocTally) {
		got := map[[2]int]int{}
		for si := range d.Sentences {
			seen := map[int32]bool{}
			for _, c := range d.SentenceThemes(si) {
				if seen[c.Theme] {
					t.Errorf("%s: sentence %d lists theme %d twice", name, si, c.Theme)
				}
				seen[c.Theme] = true
				got[[2]int{si, int(c.Theme)}] += int(c.N)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: tally %v, want %v", name, got, want)
		}
	}
	date := time.Date(2022, 2, 4, 0, 0, 0, 0, time.UTC)
	sorted := Tally("003", date, doc, lx)
	check("text order", sorted)
	// Odd-numbered matches first, then even: a sentence's matches are no longer together.
	mixed := *doc
	mixed.Matches = nil
	for _, parity := range []int{1, 0} {
		for i, m := range doc.Matches {
			if i%2 == parity {
				mixed.Matches = append(mixed.Matches, m)
			}
		}
	}
	check("interleaved", Tally("003", date, &mixed, lx))
}
