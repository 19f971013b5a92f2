package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
)

type writer = io.Writer

// writeFileAtomic writes a file through a temporary file in the same directory, renamed into
// place only when writing succeeded, so a failure never leaves half a file. An existing file
// is replaced only with force (readout cannot tell it wrote it).
func writeFileAtomic(path string, force bool, write func(io.Writer) error) error {
	if _, err := os.Stat(path); err == nil && !force {
		return fmt.Errorf("%s exists: pass --force to overwrite it", path)
	}
	return replaceFile(path, write)
}

// replaceFile writes path atomically, replacing whatever is there.
func replaceFile(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// outsideCorpus refuses an output path inside a directory read as a corpus (output.CheckOutside):
// readout never writes into a corpus (a file there would be read as an article next time).
func outsideCorpus(c *corpus.Corpus, out string) error {
	_, err := output.CheckOutside(out, c.Dirs, c.FileDirs())
	return err
}
