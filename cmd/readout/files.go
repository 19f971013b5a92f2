package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
)

type writer = io.Writer

// writeFileAtomic writes a file through a temporary file in the same directory, renamed into
// place only when writing succeeded, so a failure never leaves half a file. An existing file
// is replaced only with force (readout cannot tell it wrote it); a directory that holds a corpus
// manifest is never written into.
func writeFileAtomic(path string, force bool, write func(io.Writer) error) error {
	if _, err := output.CheckOutside(path, nil, nil); err != nil { // a directory holding a corpus manifest
		return err
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a directory: name a file to write", path)
		}
		if !force {
			return fmt.Errorf("%s exists: pass --force to overwrite it", path)
		}
	}
	return output.WriteFile(path, write)
}

// outsideCorpus refuses an output path inside a directory read as a corpus (output.CheckOutside):
// readout never writes into a corpus (a file there would be read as an article next time).
func outsideCorpus(c *corpus.Corpus, out string) error {
	_, err := output.CheckOutside(out, c.Dirs, c.FileDirs())
	return err
}

// refuseForeign refuses, without force, to overwrite files of an output directory that readout
// did not write.
func refuseForeign(d *output.Dir, rels []string, shown string, force bool) error {
	if foreign := d.Foreign(rels); len(foreign) > 0 && !force {
		return fmt.Errorf("%d file(s) in %s were not written by readout and would be overwritten: %s\npass --force to overwrite them, or choose another directory",
			len(foreign), shown, strings.Join(foreign, ", "))
	}
	return nil
}
