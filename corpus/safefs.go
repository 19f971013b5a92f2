package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// DefaultMaxFileSize is the largest file readout reads when Options.MaxFileSize is 0: 256 MB, a
// hundred times a long feed export, far more than any article.
const DefaultMaxFileSize = 256 << 20

// osDir is a directory of the file system read as a corpus, with what readout refuses to read
// in it: a symbolic link whose target is outside the directory (unless follow), anything but a
// regular file (a FIFO would block the read for ever, /dev/zero would never end), and a file
// larger than max bytes.
type osDir struct {
	root   string // as given
	real   string // root with every symbolic link resolved
	follow bool
	max    int64
	dirs   sync.Map // directory name → whether its real path is inside real (bool)
}

func newOSDir(root string, follow bool, max int64) *osDir {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		real = root
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if max <= 0 {
		max = DefaultMaxFileSize
	}
	return &osDir{root: root, real: real, follow: follow, max: max}
}

// refusal is why a file of a corpus is not read, and what to do.
type refusal struct{ msg, hint string }

func (r *refusal) Error() string { return r.msg }

// problemFor is the problem of a file that could not be read.
func problemFor(display string, err error) Problem {
	var r *refusal
	if errors.As(err, &r) {
		return Problem{Path: display, Err: r.msg, Hint: r.hint}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Problem{Path: display, Err: err.Error()}
}

func (d *osDir) path(name string) string { return filepath.Join(d.root, filepath.FromSlash(name)) }

func (d *osDir) inside(real string) bool {
	return d.follow || real == d.real || strings.HasPrefix(real, d.real+string(filepath.Separator))
}

// dirInside says whether a directory of the corpus is really inside it (no link on its path
// leads out), once per directory.
func (d *osDir) dirInside(dir string) bool {
	if v, ok := d.dirs.Load(dir); ok {
		return v.(bool)
	}
	real, err := filepath.EvalSymlinks(d.path(dir))
	if err == nil {
		real, err = filepath.Abs(real)
	}
	in := err == nil && d.inside(real)
	d.dirs.Store(dir, in)
	return in
}

// check says whether name may be read, and returns its real path.
func (d *osDir) check(name string) (string, error) {
	full := d.path(name)
	lst, err := os.Lstat(full)
	if err != nil {
		return "", err
	}
	if lst.Mode().IsRegular() && d.dirInside(path.Dir(name)) { // the common case: no link to resolve
		if lst.Size() > d.max {
			return "", tooLarge(lst.Size(), d.max)
		}
		return full, nil
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		if lst.Mode()&fs.ModeSymlink != 0 {
			return "", dangling(full)
		}
		return "", err
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if !d.inside(real) {
		return "", &refusal{fmt.Sprintf("leads by a symbolic link to %s, outside the corpus directory", real),
			"copy the file into the corpus, or pass --follow-symlinks to read it where it is"}
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", err
	}
	switch m := st.Mode(); {
	case m.IsDir():
		return real, nil
	case !m.IsRegular():
		return "", &refusal{fmt.Sprintf("is not a regular file but %s", kind(m)), "readout reads regular files only; remove it from the corpus"}
	case st.Size() > d.max:
		return "", tooLarge(st.Size(), d.max)
	}
	return real, nil
}

func tooLarge(size, max int64) error {
	return &refusal{fmt.Sprintf("is %s, more than the largest file readout reads (%s)", megabytes(size), megabytes(max)),
		"split it, or pass a larger --max-file-size"}
}

// dangling is the refusal of a symbolic link whose target does not exist.
func dangling(link string) *refusal {
	target, _ := os.Readlink(link)
	return &refusal{fmt.Sprintf("is a dangling symbolic link (to %s, which does not exist)", target), "remove the link or point it at a file"}
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// Open opens a file of the directory after check; the file refuses to be read past max bytes,
// should it grow after the check.
func (d *osDir) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	real, err := d.check(name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, err
	}
	return &capped{File: f, left: d.max}, nil
}

// ReadDir lists a directory of the corpus (for fs.WalkDir), without following links.
func (d *osDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	return os.ReadDir(d.path(name))
}

// Stat describes a file of the corpus, following links.
func (d *osDir) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return os.Stat(d.path(name))
}

// capped is a file that fails once more than left bytes are read from it.
type capped struct {
	*os.File
	left int64
}

func (c *capped) Read(b []byte) (int, error) {
	if c.left < 0 {
		return 0, &refusal{"grew past the largest file readout reads while being read", "pass a larger --max-file-size"}
	}
	if int64(len(b)) > c.left+1 {
		b = b[:c.left+1]
	}
	n, err := c.File.Read(b)
	c.left -= int64(n)
	if c.left < 0 {
		return n, &refusal{"grew past the largest file readout reads while being read", "pass a larger --max-file-size"}
	}
	return n, err
}
