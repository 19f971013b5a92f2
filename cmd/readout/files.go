package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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

// outsideCorpus refuses an output path inside a directory read as a corpus, compared by real
// path (symbolic links resolved): readout never writes into a corpus (a file there would be
// read as an article next time).
func outsideCorpus(c *corpus.Corpus, out string) error {
	real, err := output.RealPath(out)
	if err != nil {
		return err
	}
	for _, d := range append(append([]string(nil), c.Dirs...), c.FileDirs()...) {
		dir, err := output.RealPath(d)
		if err != nil {
			continue
		}
		if real == dir || strings.HasPrefix(real, dir+string(filepath.Separator)) {
			return fmt.Errorf("%s is inside the corpus directory %s: readout never writes into a corpus; choose another output", out, d)
		}
	}
	return nil
}
