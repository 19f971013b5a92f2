package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin loads paths, failing the test if loading takes more than ten seconds (a FIFO read
// blocks for ever; /dev/zero never ends).
func loadWithin(t *testing.T, paths []string, opt Options) (*Corpus, error) {
	t.Helper()
	type result struct {
		c   *Corpus
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := Load(paths, opt)
		done <- result{c, err}
	}()
	select {
	case r := <-done:
		return r.c, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("loading %v did not finish in 10 s", paths)
		return nil, nil
	}
}

// A symbolic link in a corpus directory whose target is outside it is passed over with a note
// (read with FollowSymlinks); a link to a file inside the corpus is read.
func TestSymlinkOutsideCorpus(t *testing.T) {
	root := t.TempDir()
	outside := write(t, root, "secret.txt", []byte("root:x:0:0:root:/root:/bin/bash\n"))
	c := filepath.Join(root, "c")
	write(t, c, "a.txt", []byte("The two leaders met in Moscow.\n"))
	if err := os.Symlink(outside, filepath.Join(c, "passwd.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink("a.txt", filepath.Join(c, "again.txt")) // inside: read (a second id for the same text)
	got, err := loadWithin(t, []string{c}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if docIDs(got) != "a,again" {
		t.Errorf("read %q, want a and again, not passwd", docIDs(got))
	}
	if len(got.Notes) != 1 || !strings.Contains(got.Notes[0], "passwd.txt: passed over") || !strings.Contains(got.Notes[0], "outside the corpus directory") || !strings.Contains(got.Notes[0], "--follow-symlinks") {
		t.Errorf("notes %q", got.Notes)
	}
	got, err = loadWithin(t, []string{c}, Options{FollowSymlinks: true})
	if err != nil || docIDs(got) != "a,again,passwd" {
		t.Errorf("with FollowSymlinks: %q, %v", docIDs(got), err)
	}
}

// A manifest's path through a symbolic link to a directory outside the corpus is refused, with
// the manifest's line.
func TestManifestPathThroughSymlink(t *testing.T) {
	root := t.TempDir()
	write(t, root, "etc/hostname", []byte("buildhost\n"))
	c := filepath.Join(root, "c")
	write(t, c, "a.txt", []byte("The two leaders met in Moscow.\n"))
	if err := os.Symlink(filepath.Join(root, "etc"), filepath.Join(c, "etcdir")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	write(t, c, "manifest.csv", []byte("file,id\na.txt,a\netcdir/hostname,h\n"))
	for _, p := range []string{c, filepath.Join(c, "manifest.csv")} {
		_, err := loadWithin(t, []string{p}, Options{})
		var le *LoadError
		if !errors.As(err, &le) || len(le.Problems) != 1 || le.Problems[0].Line != 3 || !strings.Contains(le.Problems[0].Err, "outside the corpus directory") {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// Only regular files are read: a FIFO (whose read would block for ever), a link to a device and
// a dangling link are passed over with a note saying what they are; named on the command line,
// they are refused.
func TestOnlyRegularFiles(t *testing.T) {
	c := t.TempDir()
	write(t, c, "a.txt", []byte("The two leaders met in Moscow.\n"))
	if err := syscall.Mkfifo(filepath.Join(c, "fifo.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.Symlink("/dev/zero", filepath.Join(c, "zero.txt"))
	os.Symlink(filepath.Join(c, "gone"), filepath.Join(c, "dangling.txt"))
	for _, follow := range []bool{false, true} {
		got, err := loadWithin(t, []string{c}, Options{FollowSymlinks: follow})
		if err != nil {
			t.Fatal(err)
		}
		notes := strings.Join(got.Notes, "\n")
		zero := "zero.txt: passed over, as it leads by a symbolic link to /dev/zero, outside"
		if follow {
			zero = "zero.txt: passed over, as it is not a regular file but a character device"
		}
		for _, want := range []string{"fifo.txt: passed over, as it is not a regular file but a FIFO", zero, "dangling.txt: passed over, as it is a dangling symbolic link"} {
			if !strings.Contains(notes, want) {
				t.Errorf("follow %v: no %q in\n%s", follow, want, notes)
			}
		}
		if docIDs(got) != "a" {
			t.Errorf("read %q", docIDs(got))
		}
	}
	for _, f := range []string{"fifo.txt", "zero.txt", "dangling.txt"} {
		_, err := loadWithin(t, []string{filepath.Join(c, f)}, Options{})
		if err == nil || !strings.Contains(err.Error(), f+": is") {
			t.Errorf("%s named: %v", f, err)
		}
	}
}

// A file larger than MaxFileSize is refused, saying how large it is and what to pass.
func TestMaxFileSize(t *testing.T) {
	c := t.TempDir()
	write(t, c, "a.txt", []byte(strings.Repeat("The two leaders met in Moscow. ", 100000))) // 3.1 MB
	_, err := loadWithin(t, []string{c}, Options{MaxFileSize: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "a.txt: is 3.0 MB, more than the largest file readout reads (1.0 MB)") || !strings.Contains(err.Error(), "--max-file-size") {
		t.Errorf("%v", err)
	}
	if _, err := loadWithin(t, []string{c}, Options{}); err != nil {
		t.Errorf("under the default: %v", err)
	}
}
