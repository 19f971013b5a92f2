package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func mkfile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

// The output is compared with the corpus by real path: a link to the corpus, or a directory
// of documents named one by one, is refused.
func TestDirOutsideCorpus(t *testing.T) {
	root := t.TempDir()
	c := filepath.Join(root, "c")
	mkfile(t, filepath.Join(c, "a.txt"), "text")
	symlink(t, c, filepath.Join(root, "clink"))
	for _, out := range []string{c, filepath.Join(root, "clink"), filepath.Join(root, "clink", "sub")} {
		if d, err := OpenDir(out, []string{c}, nil); err == nil || !strings.Contains(err.Error(), "inside the corpus directory") {
			t.Errorf("%s: %v", out, err)
			if d != nil {
				d.Close()
			}
		}
	}
	if _, err := OpenDir(filepath.Join(root, "clink"), nil, []string{c}); err == nil || !strings.Contains(err.Error(), "directory of documents") {
		t.Errorf("files' directory: %v", err)
	}
	d, err := OpenDir(filepath.Join(root, "out"), []string{c}, []string{c})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
}

// Links inside the output are never written through: a linked directory is refused before
// anything is written (force or not), a manifest's entry behind one is not trusted, and a link
// where a file goes is foreign, and replaced — not written through — when forced.
func TestDirNoWriteThroughLinks(t *testing.T) {
	root := t.TempDir()
	victim := filepath.Join(root, "victim")
	mkfile(t, filepath.Join(victim, "keyness.png"), "precious")
	mkfile(t, filepath.Join(victim, "notes.md"), "mine")
	out := filepath.Join(root, "out")
	os.MkdirAll(out, 0o755)
	symlink(t, victim, filepath.Join(out, "charts"))
	symlink(t, filepath.Join(victim, "notes.md"), filepath.Join(out, "report.md"))
	mkfile(t, filepath.Join(out, ManifestName), "charts/keyness.png\nreport.md\n../victim/notes.md\n")
	d, err := OpenDir(out, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if len(d.owned) != 0 {
		t.Errorf("trusted manifest entries %v: none is a regular file inside the output", d.owned)
	}
	if err := d.Check([]string{"report.md", "charts/keyness.png"}); err == nil || !strings.Contains(err.Error(), "charts is a symbolic link") {
		t.Errorf("Check: %v", err)
	}
	if err := d.Write("charts/keyness.png", text("x")); err == nil {
		t.Error("wrote through the charts link")
	}
	if got := d.Foreign([]string{"report.md"}); len(got) != 1 {
		t.Errorf("a link where report.md goes: foreign %v", got)
	}
	if err := d.Write("report.md", text("report")); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]string{filepath.Join(victim, "keyness.png"): "precious", filepath.Join(victim, "notes.md"): "mine", filepath.Join(out, "report.md"): "report"} {
		if b, _ := os.ReadFile(f); string(b) != want {
			t.Errorf("%s: %q, want %q", f, b, want)
		}
	}
}

// Each file is in the manifest as soon as it is written: a run that fails half way leaves
// whole files that the next run knows as its own, and the next run removes the temporary
// files a killed one left.
func TestDirRecordsEachFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	d, err := OpenDir(out, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write("report.md", text("one")); err != nil {
		t.Fatal(err)
	}
	if err := d.Write("data/a.csv", func(io.Writer) error { return errors.New("disk full") }); err == nil || !strings.Contains(err.Error(), "data/a.csv: disk full") {
		t.Errorf("failed write: %v", err)
	}
	d.Close()
	mkfile(t, filepath.Join(out, "data", ".a.csv.tmp-123456"), "half") // a killed run's
	mkfile(t, filepath.Join(out, ".keep.tmp-notes"), "not ours")
	d, err = OpenDir(out, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got := d.Foreign([]string{"report.md", "data/a.csv"}); len(got) != 0 {
		t.Errorf("after a failed run, foreign %v", got)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "data"))
	if len(entries) != 0 {
		t.Errorf("data/ holds %v after the rerun opened it", entries)
	}
	if _, err := os.Stat(filepath.Join(out, ".keep.tmp-notes")); err != nil {
		t.Error("removed a file that is not a temporary file of readout's")
	}
	b, _ := os.ReadFile(filepath.Join(out, ManifestName))
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); !slices.Equal(lines[1:], []string{"report.md"}) {
		t.Errorf("manifest %q", b)
	}
}

// Two runs into one directory: the second fails at once, clearly, until the first is done.
func TestDirLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	first, err := OpenDir(out, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDir(out, nil, nil); err == nil || !strings.Contains(err.Error(), "another readout is writing to this directory") {
		t.Errorf("second run: %v", err)
	}
	first.Close()
	second, err := OpenDir(out, nil, nil)
	if err != nil {
		t.Fatalf("after the first: %v", err)
	}
	second.Close()
}

// A failed write names the output, never the temporary file, and leaves nothing behind.
func TestWriteFileNamesTheOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "chart.svg")
	err := WriteFile(out, func(w io.Writer) error {
		w.(*os.File).Close() // the next write fails as on a full disk, with the temporary file's path
		_, err := w.Write([]byte("x"))
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "writing "+out+": ") || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("err = %v, want one naming %s and not the temporary file", err, out)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
	mkfile(t, filepath.Join(dir, "file"), "x")
	err = WriteFile(filepath.Join(dir, "file", "chart.svg"), func(io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "cannot make the directory of "+filepath.Join(dir, "file", "chart.svg")) {
		t.Errorf("under a file: err = %v", err)
	}
	if err := WriteFile(out, func(w io.Writer) error { _, err := io.WriteString(w, "<svg/>"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "<svg/>" {
		t.Errorf("wrote %q", b)
	}
}
