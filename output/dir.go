package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName lists, in an output directory, the files readout wrote there: the only ones it
// overwrites without being forced.
const ManifestName = ".readout-manifest"

// Dir is an output directory that a set of files (a report) is written into, safely:
//
//   - never inside a corpus directory, nor into the directory of a document named on the
//     command line, compared by real path (symbolic links resolved);
//   - never through a symbolic link inside it: a file's directories must be real directories
//     of the output, and a file is replaced by rename, which replaces a link rather than
//     writing where it points;
//   - each file written to a temporary file beside it and renamed into place, and recorded in
//     the manifest as soon as it is, so that a run that fails half way leaves only whole files,
//     each known to be readout's (and the temporary files of a killed run are removed by the
//     next);
//   - one run at a time: the directory is locked while it is written.
type Dir struct {
	path  string // as given, for messages
	real  string // with every symbolic link resolved
	lock  io.Closer
	owned map[string]bool // manifest entries that are regular files inside the directory
}

// RealPath returns p absolute with every symbolic link resolved, as far as it exists: the rest
// of it (directories still to be made) appended as it is.
func RealPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// CheckOutside refuses an output path (a file or a directory) inside, or equal to, one of
// corpusDirs, or equal to one of fileDirs (the directories of documents named one by one), by
// real path; it returns the real path.
func CheckOutside(path string, corpusDirs, fileDirs []string) (string, error) {
	real, err := RealPath(path)
	if err != nil {
		return "", err
	}
	for _, c := range corpusDirs {
		rc, err := RealPath(c)
		if err == nil && within(rc, real) {
			return "", fmt.Errorf("%s is inside the corpus directory %s: readout never writes into a corpus; choose another output", path, c)
		}
	}
	for _, f := range fileDirs {
		if rf, err := RealPath(f); err == nil && rf == real {
			return "", fmt.Errorf("%s is the directory of documents of the corpus (%s): readout never writes among them; choose another output", path, f)
		}
	}
	dir := real // the directory written into: the output directory, or a file's
	if st, err := os.Stat(real); err != nil || !st.IsDir() {
		dir = filepath.Dir(real)
	}
	if m := corpusManifest(dir); m != "" {
		return "", fmt.Errorf("%s: %s holds a corpus (its manifest %s), read or not: readout never writes into a corpus; choose another output", path, filepath.Dir(m), filepath.Base(m))
	}
	return real, nil
}

// corpusManifest is the path of dir's corpus manifest: a manifest.csv whose first line names a
// file column, as readout's manifests do ("" when there is none).
func corpusManifest(dir string) string {
	p := filepath.Join(dir, "manifest.csv")
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	line, _, _ := strings.Cut(strings.TrimPrefix(string(head[:n]), "\ufeff"), "\n")
	for _, col := range strings.Split(line, ",") {
		if strings.EqualFold(strings.Trim(strings.TrimSpace(col), `"`), "file") {
			return p
		}
	}
	return ""
}

func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// OpenDir prepares path for writing: it refuses a directory inside (or equal to) one of
// corpusDirs, or equal to one of fileDirs (the directories of documents named one by one),
// makes it, takes its lock, reads its manifest and removes what killed runs left.
func OpenDir(path string, corpusDirs, fileDirs []string) (*Dir, error) {
	real, err := CheckOutside(path, corpusDirs, fileDirs)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(real); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a directory: give a directory for the output", path)
	}
	if err := os.MkdirAll(real, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the output directory %s: %v", path, cause(err))
	}
	lock, err := lockDir(real)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	d := &Dir{path: path, real: real, lock: lock, owned: map[string]bool{}}
	d.readManifest()
	d.removeStale()
	return d, nil
}

// Close releases the directory's lock.
func (d *Dir) Close() error { return d.lock.Close() }

// Path is the directory as given.
func (d *Dir) Path() string { return d.path }

// regular says whether rel is a regular file inside the directory, reached through real
// directories only.
func (d *Dir) regular(rel string) bool {
	cur := d.real
	parts := strings.Split(filepath.FromSlash(rel), string(filepath.Separator))
	for i, part := range parts {
		if part == "" || part == "." || part == ".." {
			return false
		}
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		if err != nil {
			return false
		}
		if i < len(parts)-1 && !st.IsDir() || i == len(parts)-1 && !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

func (d *Dir) readManifest() {
	f, err := os.Open(filepath.Join(d.real, ManifestName))
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") && d.regular(l) {
			d.owned[l] = true
		}
	}
}

// removeStale removes the temporary files of runs that were killed before renaming them: a
// regular file named .NAME.tmp-DIGITS in the directory or a real directory of it.
func (d *Dir) removeStale() {
	filepath.WalkDir(d.real, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() {
			if p != d.real && e.Type()&fs.ModeSymlink != 0 {
				return fs.SkipDir
			}
			return nil
		}
		if name := e.Name(); e.Type().IsRegular() && strings.HasPrefix(name, ".") && isTempName(name) {
			os.Remove(p)
		}
		return nil
	})
}

func isTempName(name string) bool {
	i := strings.LastIndex(name, ".tmp-")
	if i <= 0 {
		return false
	}
	digits := name[i+len(".tmp-"):]
	return digits != "" && strings.Trim(digits, "0123456789") == ""
}

// Foreign returns the files of rels (slash-separated, relative to the directory) that exist
// and were not written by readout: a file not in the manifest, or anything but a regular file
// (a link, a directory) where a file is to go.
func (d *Dir) Foreign(rels []string) []string {
	var out []string
	for _, rel := range rels {
		p := filepath.Join(d.real, filepath.FromSlash(rel))
		if _, err := os.Lstat(p); err == nil && !d.owned[rel] { // owned: a regular file when the directory was opened
			out = append(out, filepath.Join(d.path, filepath.FromSlash(rel)))
		}
	}
	return out
}

// Check refuses, before anything is written, a set of files whose directories inside the
// output are not real directories (a symbolic link, a file): readout never writes through them.
func (d *Dir) Check(rels []string) error {
	for _, rel := range rels {
		if _, err := d.dirOf(rel, false); err != nil {
			return err
		}
	}
	return nil
}

// dirOf returns the real directory of the file rel, checking (and with mk, making) each of its
// directories inside the output.
func (d *Dir) dirOf(rel string, mk bool) (string, error) {
	dir := d.real
	parts := strings.Split(filepath.FromSlash(rel), string(filepath.Separator))
	for _, part := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, part)
		shown := filepath.Join(d.path, strings.TrimPrefix(dir, d.real))
		st, err := os.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if !mk {
				return dir, nil
			}
			if err := os.Mkdir(dir, 0o755); err != nil {
				return "", fmt.Errorf("cannot make %s: %v", shown, cause(err))
			}
		case err != nil:
			return "", err
		case st.Mode()&fs.ModeSymlink != 0:
			return "", fmt.Errorf("%s is a symbolic link: readout does not write through links in its output; remove it", shown)
		case !st.IsDir():
			return "", fmt.Errorf("%s is not a directory; remove it", shown)
		}
	}
	return dir, nil
}

// Write writes the file rel of the directory with write, through a temporary file renamed
// into place, and records it in the manifest.
func (d *Dir) Write(rel string, write func(io.Writer) error) error {
	shown := filepath.Join(d.path, filepath.FromSlash(rel))
	dir, err := d.dirOf(rel, true)
	if err != nil {
		return err
	}
	if err := commit(filepath.Join(dir, filepath.Base(filepath.FromSlash(rel))), shown, write); err != nil {
		return err
	}
	d.owned[rel] = true
	return d.writeManifest()
}

func (d *Dir) writeManifest() error {
	all := make([]string, 0, len(d.owned))
	for p := range d.owned {
		all = append(all, p)
	}
	sort.Strings(all)
	return commit(filepath.Join(d.real, ManifestName), filepath.Join(d.path, ManifestName), func(w io.Writer) error {
		_, err := io.WriteString(w, "# files written by readout; it overwrites only these without --force\n"+strings.Join(all, "\n")+"\n")
		return err
	})
}

// WriteFile writes one file (not in a Dir) through a temporary file in its directory, renamed
// into place when the writing succeeded, so a failure never leaves half a file; it makes the
// directory if need be. Messages name path, never the temporary file.
func WriteFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot make the directory of %s: %v", path, cause(err))
	}
	return commit(path, path, write)
}

// commit writes path through a temporary file in its directory, renamed into place when the
// writing succeeded; shown names path in messages.
func commit(path, shown string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", shown, cause(err))
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == tmp.Name() { // the disk is full: name the output, not the temporary file
			return fmt.Errorf("writing %s: %v", shown, pe.Err)
		}
		return fmt.Errorf("writing %s: %w", shown, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %v", shown, cause(err))
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %v", shown, cause(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %v", shown, cause(err))
	}
	return nil
}

// cause is what went wrong, without the path the error repeats (the messages name the output).
func cause(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
