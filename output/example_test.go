package output_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/readout/readout/output"
)

// A report directory: refused inside the corpus, locked while written, each file renamed into
// place and recorded in the manifest.
func ExampleOpenDir() {
	root, _ := os.MkdirTemp("", "readout-example")
	defer os.RemoveAll(root)
	corpus := filepath.Join(root, "corpus")
	os.MkdirAll(corpus, 0o755)

	if _, err := output.OpenDir(filepath.Join(corpus, "report"), []string{corpus}, nil); err != nil {
		fmt.Println("refused: inside the corpus")
	}
	d, err := output.OpenDir(filepath.Join(root, "report"), []string{corpus}, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer d.Close()
	files := []string{"report.md", "data/run.json"}
	if err := d.Check(files); err != nil {
		log.Fatal(err)
	}
	fmt.Println("not readout's:", d.Foreign(files))
	for _, f := range files {
		if err := d.Write(f, func(w io.Writer) error { _, err := io.WriteString(w, "…\n"); return err }); err != nil {
			log.Fatal(err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(root, "report", output.ManifestName))
	fmt.Print(string(b))
	// Output:
	// refused: inside the corpus
	// not readout's: []
	// # files written by readout; it overwrites only these without --force
	// data/run.json
	// report.md
}
