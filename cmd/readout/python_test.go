package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// loadAll is a Python script, standard library only, that loads every data file readout writes
// the way a pandas or R user's one call would: each CSV (its BOM taken by utf-8-sig) into
// rows of the header's width, each JSON into its rows, each JSON lines file a line at a time, and
// the Matrix Market DFM with its names; it checks what the files promise of each other and
// prints one line per file.
const loadAll = `
import csv, json, sys, os, glob
out, dfm, longcsv = sys.argv[1], sys.argv[2], sys.argv[3]
for p in sorted(glob.glob(os.path.join(out, "data", "*.csv"))):
    raw = open(p, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), p + ": no BOM"
    rows = list(csv.reader(open(p, encoding="utf-8-sig", newline="")))
    head = rows[0]
    assert head[0] and not head[0].startswith("\ufeff"), p
    assert all(len(r) == len(head) for r in rows), p + ": ragged rows"
    if "theme" in head:
        assert head[head.index("theme") + 1] == "theme_label_ar", p
    print("csv", os.path.basename(p), len(rows) - 1)
for p in sorted(glob.glob(os.path.join(out, "data", "*.json"))):
    d = json.load(open(p, encoding="utf-8"))
    if os.path.basename(p) != "run.json":
        assert isinstance(d["rows"], list) and d["run"]["tool"] == "readout", p
    print("json", os.path.basename(p))
for p in sorted(glob.glob(os.path.join(out, "data", "*.jsonl"))):
    n = 0
    for line in open(p, encoding="utf-8"):
        assert isinstance(json.loads(line), dict), p
        n += 1
    csvrows = sum(1 for _ in csv.reader(open(p[:-6] + ".csv", encoding="utf-8-sig", newline=""))) - 1
    assert n == csvrows, p + ": %d lines, the CSV has %d rows" % (n, csvrows)
    print("jsonl", os.path.basename(p), n)
lines = [l for l in open(os.path.join(dfm, "dfm.mtx")) if not l.startswith("%")]
nr, nc, nz = map(int, lines[0].split())
rows = open(os.path.join(dfm, "rows.txt"), encoding="utf-8").read().splitlines()
feats = open(os.path.join(dfm, "features.txt"), encoding="utf-8").read().splitlines()
assert (nr, nc, nz) == (len(rows), len(feats), len(lines) - 1), (nr, nc, nz, len(rows), len(feats))
cells = {}
for l in lines[1:]:
    i, j, v = map(int, l.split())
    assert 1 <= i <= nr and 1 <= j <= nc and v > 0
    cells[(rows[i - 1], feats[j - 1])] = v
long = list(csv.DictReader(open(longcsv, encoding="utf-8", newline="")))
assert {(r["doc"], r["feature"]): int(r["count"]) for r in long} == cells, "the long CSV and the matrix differ"
print("mtx", nr, nc, nz)
`

// Every data file readout writes loads with Python's standard library: the report's data/ (CSV
// with a BOM, JSON, JSON lines) and the document-feature matrix (Matrix Market and long CSV).
func TestDataFilesLoadInPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	rep, dfm := filepath.Join(dir, "rep"), filepath.Join(dir, "dfm")
	if _, stderr, code := runCmd(t, "report", "-o", rep, "-f", "md", "--date", "2026-12-02", "-q"); code != 0 {
		t.Fatal(stderr)
	}
	if _, stderr, code := runCmd(t, "dfm", "-f", "mtx", "-o", dfm, "-q"); code != 0 {
		t.Fatal(stderr)
	}
	long, stderr, code := runCmd(t, "dfm", "-f", "csv", "-q")
	if code != 0 {
		t.Fatal(stderr)
	}
	longPath := filepath.Join(dir, "dfm.csv")
	if err := os.WriteFile(longPath, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", loadAll, rep, dfm, longPath)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, b)
	}
	got := string(b)
	for _, w := range []string{"csv themes_by_doc.csv", "json shift.json", "jsonl keyness.jsonl", "mtx 5 "} {
		if !strings.Contains(got, w) {
			t.Errorf("python output lacks %q:\n%s", w, got)
		}
	}
}
