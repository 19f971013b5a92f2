package corpus

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/abadojack/whatlanggo"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	readout "github.com/readout/readout"
	"github.com/readout/readout/internal/pool"
)

// Options control how a corpus is read.
type Options struct {
	Encoding Encoding // forced encoding; EncodingAuto detects
	Rules    *Rules   // boilerplate rules; nil means DefaultRules
	SkipBad  bool     // load the good documents and list the bad ones instead of failing
	// Lazy keeps only metadata in memory: each file is read, checked and cleaned once while
	// loading, its text dropped, and read again by Document.Load when it is analysed (the
	// bundled corpus too, from the binary). JSONL records are always held in memory.
	Lazy bool
	// Progress, when set, is told how many files have been read out of how many; it is called
	// from several goroutines at once.
	Progress func(done, total int)
	// Jobs is how many files are read at once: the number of CPUs when 0.
	Jobs int
	// Visit, when set, is called with each document read from a file (the bundled corpus's
	// too; not JSONL records, which are in memory anyway) as soon as it is read, decoded, cleaned
	// and dated, while its text is in memory, so that a command streaming through a lazily
	// loaded corpus reads each file once. Calls come from up to Jobs goroutines at once (the
	// number of CPUs when Jobs is 0); worker, from 0 up, says which, and one worker's calls
	// never overlap. A document visited may still be left out of the corpus (a duplicate id).
	Visit func(worker int, d *Document)
	// HTML chooses what is read of an HTML page: the article (HTMLMain, the default) or all
	// the text of the page (HTMLPage).
	HTML HTMLReader
	// TextColumn makes a .csv or .tsv file given as a path a table of documents: each row one,
	// its text in this column, the columns id, date, title, source, url and language its
	// metadata, any other column kept in Document.Meta. Without it a .csv is a manifest.
	TextColumn string
	// Stdin is read for the path "-" (or /dev/stdin): as text, as an HTML page (StdinFormat
	// "html"), or as either by its start ("" or "auto": <!DOCTYPE html or <html is a page).
	Stdin       io.Reader
	StdinFormat string
	// FollowSymlinks reads a symbolic link in a corpus directory (or a manifest's path through
	// one) whose target is outside the directory; without it such a link is passed over with a
	// note, or refused when a manifest lists it.
	FollowSymlinks bool
	// MaxFileSize is the largest file read, in bytes (DefaultMaxFileSize when 0); a larger one
	// is refused. Only regular files are read at all: not FIFOs, devices or sockets.
	MaxFileSize int64
}

// Corpus is a loaded set of documents, in order: manifest rows first, in manifest order, then
// the remaining files in sorted path order.
type Corpus struct {
	Docs    []*Document
	Skipped []Problem // documents left out under SkipBad
	Notes   []string  // files passed over on purpose (a README in the corpus directory)
	Label   string    // what was loaded, for messages and run records
	Paths   []string  // the paths given (none for the bundled corpus)
	// Dirs are the directories read as corpora (directory arguments, a manifest's
	// directory): whatever is written inside them would be read as an article next time.
	Dirs []string
}

// Extensions readout reads in a directory.
var Extensions = []string{".txt", ".md", ".html", ".htm", ".jsonl", ".rss", ".atom"}

// inTurn reports whether a file holds several documents, read in turn after the others: JSONL
// records, RSS or Atom items.
func inTurn(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jsonl", ".rss", ".atom":
		return true
	}
	return false
}

// SeedLabel names the bundled corpus in run records and messages.
const SeedLabel = "(bundled seed corpus)"

// Bundled reports whether the corpus is the bundled seed corpus, read from the binary.
func (c *Corpus) Bundled() bool { return c.Label == SeedLabel }

// SeedDescription says what the bundled corpus is, for the note that announces it.
const SeedDescription = "five Arabic articles on Xi Jinping–Putin talks, 2020–2023"

// Seed loads the bundled seed corpus.
func Seed(opt Options) (*Corpus, error) { return LoadContext(context.Background(), nil, opt) }

// Load reads a corpus from paths: nothing (the bundled seed corpus), a directory, a manifest
// .csv, a .jsonl file, or a list of files and directories.
func Load(paths []string, opt Options) (*Corpus, error) {
	return LoadContext(context.Background(), paths, opt)
}

// LoadContext is Load, stopping with the context's error when it is cancelled.
func LoadContext(ctx context.Context, paths []string, opt Options) (*Corpus, error) {
	if len(paths) == 0 {
		return load(ctx, opt, SeedLabel, func(l *loader) { l.dir(readout.SeedFS(), "testdata/corpus") })
	}
	c, err := load(ctx, opt, strings.Join(paths, " "), func(l *loader) {
		for _, p := range paths {
			l.path(p)
		}
	})
	if c != nil {
		c.Paths = slices.Clone(paths)
	}
	return c, err
}

// emptiedBy is a note for a document the boilerplate rules left without text: which rules
// removed it, and how to see it ("" when text is left).
func emptiedBy(d *Document) string {
	if strings.TrimSpace(d.Clean) != "" || len(d.Removed) == 0 {
		return ""
	}
	var rules []string
	for _, r := range d.Removed {
		if !slices.Contains(rules, r.Rule) {
			rules = append(rules, r.Rule)
		}
	}
	return fmt.Sprintf("%s: the boilerplate rules removed all its text (%s): it counts for nothing; 'readout text --verbose' shows each line removed, and a --boilerplate file can disable a rule",
		d.Path, strings.Join(rules, ", "))
}

func load(ctx context.Context, opt Options, label string, add func(*loader)) (*Corpus, error) {
	if opt.Rules == nil {
		rs, err := CompileRules(DefaultRules())
		if err != nil {
			return nil, err
		}
		opt.Rules = rs
	}
	l := &loader{ctx: ctx, opt: opt, seenFile: map[string]string{}}
	add(l)
	if l.err != nil {
		return nil, l.err
	}
	c := &Corpus{Label: label, Notes: l.notes, Dirs: l.dirs}
	for _, d := range l.docs {
		if d.EncodingNote != "" {
			c.Notes = append(c.Notes, d.Path+": "+d.EncodingNote)
		}
		if d.emptied != "" {
			c.Notes = append(c.Notes, d.emptied)
		}
		if d.OtherLanguage != "" {
			c.Notes = append(c.Notes, fmt.Sprintf("%s: looks like %s, not %s: readout analyses Arabic and English, so its counts and speakers are not to be trusted",
				d.Path, d.OtherLanguage, languageName(d.Language)))
		}
	}
	// Files of the same name in two folders given (index.html in each page's folder) take the
	// path they were given by as their id; other duplicate ids are a problem of both documents.
	same := map[string][]*Document{}
	for _, d := range l.docs {
		same[d.ID] = append(same[d.ID], d)
	}
	var renamed []string
	for _, d := range l.docs {
		ds := same[d.ID]
		if len(ds) < 2 {
			continue
		}
		if slices.ContainsFunc(ds, func(x *Document) bool { return !x.idDefault }) {
			continue
		}
		old := d.ID
		paths := make([][]string, len(ds))
		for k, x := range ds {
			p := filepath.ToSlash(filepath.Clean(x.Path))
			paths[k] = strings.Split(strings.TrimSuffix(p, path.Ext(p)), "/")
		}
		common := 0 // the folders all the paths share (/home/me/pages/…) are left out of the ids
		for common < len(paths[0])-1 && !slices.ContainsFunc(paths, func(p []string) bool {
			return common >= len(p)-1 || p[common] != paths[0][common]
		}) {
			common++
		}
		for k, x := range ds {
			x.ID = strings.Join(paths[k][common:], "/")
			renamed = append(renamed, x.ID)
		}
		delete(same, old)
	}
	if len(renamed) > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("files of the same name in different folders take their path as their id: %s", strings.Join(renamed, ", ")))
	}
	byID := map[string]*Document{}
	bad := map[*Document]bool{}
	for _, d := range l.docs {
		if first, ok := byID[d.ID]; ok {
			l.problems = append(l.problems, Problem{Path: d.Path, Err: fmt.Sprintf("duplicate id %q (also used by %s)", d.ID, first.Path),
				Hint: "give each document its own id in the manifest"})
			bad[d] = true
			continue
		}
		byID[d.ID] = d
	}
	if len(l.problems) > 0 && !opt.SkipBad {
		return nil, &LoadError{Problems: l.problems}
	}
	for _, d := range l.docs {
		if !bad[d] {
			c.Docs = append(c.Docs, d)
		}
	}
	c.Skipped = l.problems
	if len(c.Docs) == 0 {
		if len(l.problems) > 0 {
			return nil, &LoadError{Problems: l.problems, Strict: opt.SkipBad} // --skip-bad given: no good document to load
		}
		if len(l.notes) > 0 {
			// what was passed over is the answer (a PDF alone in its directory)
			return nil, fmt.Errorf("no documents found in %s: %s", label, strings.Join(l.notes, "; "))
		}
		return nil, fmt.Errorf("no documents found in %s: readout reads %s files, a manifest.csv or a .jsonl file", label, strings.Join(Extensions, ", "))
	}
	return c, nil
}

type loader struct {
	ctx      context.Context
	err      error // the context's, when it was cancelled
	opt      Options
	docs     []*Document
	problems []Problem
	notes    []string
	seenFile map[string]string // absolute or fs path -> how it was first given
	dirs     []string          // directories read as corpora, as given
}

func (l *loader) problem(p Problem) { l.problems = append(l.problems, p) }

// stdin adds the text of standard input, read whole, as one document "stdin" (an HTML page
// with Options.StdinFormat "html").
func (l *loader) stdin() {
	if l.opt.Stdin == nil {
		l.problem(Problem{Path: "-", Err: "standard input is not available here"})
		return
	}
	b, err := io.ReadAll(l.opt.Stdin)
	if err != nil {
		l.problem(Problem{Path: "-", Err: err.Error()})
		return
	}
	name := "stdin.txt"
	switch l.opt.StdinFormat {
	case "text":
	case "html":
		name = "stdin.html"
	case "", "auto":
		if looksLikeHTML(b) {
			name = "stdin.html"
		}
	default:
		l.problem(Problem{Path: "-", Err: fmt.Sprintf("--input-format %q is not a format", l.opt.StdinFormat), Hint: "use auto, text or html"})
		return
	}
	l.file(fstest.MapFS{name: &fstest.MapFile{Data: b}}, name, "standard input", name, nil)
}

// looksLikeHTML reports whether a page begins, past white space and a BOM, as an HTML document
// does: <!DOCTYPE html, <html, or an HTML comment followed by one of them.
func looksLikeHTML(b []byte) bool {
	s := strings.TrimLeft(strings.TrimPrefix(string(b[:min(len(b), 1024)]), "\ufeff"), " \t\r\n")
	for strings.HasPrefix(s, "<!--") {
		_, rest, ok := strings.Cut(s, "-->")
		if !ok {
			return false
		}
		s = strings.TrimLeft(rest, " \t\r\n")
	}
	s = strings.ToLower(s)
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html")
}

// path adds one command-line argument.
func (l *loader) path(p string) {
	if p == "-" || p == "/dev/stdin" { // the same stream, read as --input-format says
		l.stdin()
		return
	}
	st, err := os.Stat(p)
	if err != nil {
		hint := "check the path"
		if lst, lerr := os.Lstat(p); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			l.problem(problemFor(p, dangling(p)))
		} else if errors.Is(err, fs.ErrNotExist) {
			l.problem(Problem{Path: p, Err: "no such file or directory", Hint: hint})
		} else {
			l.problem(Problem{Path: p, Err: err.Error()})
		}
		return
	}
	if st.IsDir() {
		l.dirs = append(l.dirs, p)
		l.dir(newOSDir(p, l.opt.FollowSymlinks, l.opt.MaxFileSize), p)
		return
	}
	dir, base := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	fsys := newOSDir(dir, true, l.opt.MaxFileSize) // a file named on the command line is read where it is
	switch ext := strings.ToLower(filepath.Ext(p)); {
	case l.opt.TextColumn != "" && (ext == ".csv" || ext == ".tsv"):
		b, err := fs.ReadFile(fsys, base)
		if err != nil {
			l.problem(problemFor(p, err))
			return
		}
		l.table(b, p, base, ext == ".tsv")
	case ext == ".csv": // a manifest: the files it lists are a corpus directory's
		l.dirs = append(l.dirs, filepath.Dir(p))
		l.manifest(newOSDir(dir, l.opt.FollowSymlinks, l.opt.MaxFileSize), base, p, filepath.Dir(p), false, nil)
	default:
		l.file(fsys, base, p, base, nil)
	}
}

// dir adds every readable file under a directory, with its manifest.csv if it has one.
func (l *loader) dir(fsys fs.FS, display string) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.problem(Problem{Path: join(display, p), Err: err.Error()})
			return nil
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !hasExt(name) {
			if name != "manifest.csv" && name != ".readout-manifest" && documentLike(name) {
				l.notes = append(l.notes, fmt.Sprintf("%s: passed over (readout reads %s files; convert it to text to read it)",
					join(display, p), strings.Join(Extensions, ", ")))
			}
			return nil
		}
		if up := strings.ToUpper(strings.TrimSuffix(name, path.Ext(name))); up == "README" || up == "LICENSE" || up == "CHANGELOG" {
			l.notes = append(l.notes, fmt.Sprintf("%s: passed over (a %s is not an article; list it in the manifest to read it)", join(display, p), strings.ToLower(up)))
			return nil
		}
		if od, ok := fsys.(*osDir); ok && d.Type()&fs.ModeType != 0 { // a link, a FIFO, a device…
			if _, err := od.check(p); err != nil {
				pr := problemFor(join(display, p), err)
				l.notes = append(l.notes, fmt.Sprintf("%s: passed over, as it %s (%s)", pr.Path, pr.Err, pr.Hint))
				return nil
			}
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		l.problem(Problem{Path: display, Err: err.Error()})
		return
	}
	if _, err := fs.Stat(fsys, "manifest.csv"); err == nil {
		l.manifest(fsys, "manifest.csv", join(display, "manifest.csv"), display, true, files)
		return
	}
	var tasks []*task
	for _, f := range files {
		tasks = append(tasks, &task{fsys: fsys, name: f, display: join(display, f), rel: f})
	}
	l.files(tasks)
}

// manifest reads a manifest and the files it lists; with all set, it also reads the files of
// the directory that it does not list.
func (l *loader) manifest(fsys fs.FS, name, display, dirDisplay string, all bool, files []string) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		l.problem(problemFor(display, err))
		return
	}
	text, _, err := decode(b, l.opt.Encoding)
	if err != nil {
		l.problem(Problem{Path: display, Err: "manifest " + err.Error(), Hint: "save it as UTF-8"})
		return
	}
	if crLines(text) != text {
		l.notes = append(l.notes, display+": read with CR line ends (a spreadsheet's \"CSV (Macintosh)\"): each CR ends a row")
	}
	entries, probs := parseManifest(text, display)
	for i := range entries {
		entries[i].From = display
	}
	l.problems = append(l.problems, probs...)
	listed := map[string]int{}
	found := make(map[string]bool, len(files)) // files known to exist: no need to stat them
	for _, f := range files {
		found[f] = true
	}
	var tasks []*task
	for i := range entries {
		e := &entries[i]
		rel, ok := cleanRel(e.File)
		if !ok {
			l.problem(Problem{Path: display, Line: e.Line, Err: fmt.Sprintf("path %q is outside the corpus directory; refused", e.File),
				Hint: "copy the file into the corpus directory and list it by its relative path"})
			continue
		}
		if prev, dup := listed[rel]; dup {
			l.problem(Problem{Path: display, Line: e.Line, Err: fmt.Sprintf("%s is listed twice (first on line %d)", rel, prev),
				Hint: "keep one row per file"})
			continue
		}
		listed[rel] = e.Line
		if od, ok := fsys.(*osDir); ok {
			if _, err := od.check(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
				p := problemFor(join(dirDisplay, rel), err)
				l.problem(Problem{Path: display, Line: e.Line, Err: fmt.Sprintf("listed file %s %s", p.Path, p.Err), Hint: p.Hint})
				continue
			}
		}
		if !found[rel] {
			if _, err := fs.Stat(fsys, rel); err != nil {
				l.problem(Problem{Path: display, Line: e.Line, Err: fmt.Sprintf("listed file %s does not exist", join(dirDisplay, rel)),
					Hint: "fix the file column or remove the row"})
				continue
			}
		}
		tasks = append(tasks, &task{fsys: fsys, name: rel, display: join(dirDisplay, rel), rel: rel, e: e})
	}
	if all {
		for _, f := range files {
			if _, ok := listed[f]; !ok {
				tasks = append(tasks, &task{fsys: fsys, name: f, display: join(dirDisplay, f), rel: f})
			}
		}
	}
	l.files(tasks)
}

func (l *loader) seen(key, display string) bool {
	if first, ok := l.seenFile[key]; ok {
		l.problem(Problem{Path: display, Err: fmt.Sprintf("is given twice (also as %s)", first), Hint: "name each file once"})
		return true
	}
	l.seenFile[key] = display
	return false
}

// task is one file to read: checked in order, read in parallel, merged in order.
type task struct {
	fsys               fs.FS
	name, display, rel string
	e                  *entry
	doc                *Document
	probs              []Problem
}

// file reads one document file (or every record of a JSONL file).
func (l *loader) file(fsys fs.FS, name, display, rel string, e *entry) {
	l.files([]*task{{fsys: fsys, name: name, display: display, rel: rel, e: e}})
}

// files reads document files with a bounded pool of workers, keeping their order; JSONL files
// are read in turn.
func (l *loader) files(tasks []*task) {
	if l.err != nil {
		return
	}
	var todo []*task
	for _, t := range tasks {
		key := t.display
		if abs, err := filepath.Abs(t.display); err == nil && t.display != "" && !strings.HasPrefix(t.display, "testdata/corpus") {
			key = abs
		}
		if !l.seen(key, t.display) {
			todo = append(todo, t)
		}
	}
	// The workers of the pool take the next file by an atomic counter: no goroutine hands
	// them out, so none waits for one to be scheduled.
	var done atomic.Int64
	bufs := make([][]byte, pool.Jobs(l.opt.Jobs)) // each worker's file buffer
	err := pool.Each(l.ctx, len(todo), l.opt.Jobs, func(w, k int) error {
		t := todo[k]
		if !inTurn(t.name) {
			func() {
				defer func() { // a bug reading one file is a problem with that file, not a crash
					if p := recover(); p != nil {
						t.doc, t.probs = nil, []Problem{{Path: t.display, Err: fmt.Sprintf("internal error reading or analysing this file: %v", p), Hint: "this is a bug in readout; please report it"}}
					}
				}()
				t.doc, t.probs = l.prepare(t, w, &bufs[w])
			}()
		}
		if l.opt.Progress != nil {
			l.opt.Progress(int(done.Add(1)), len(todo))
		}
		return nil
	})
	if err != nil {
		l.err = err
		return
	}
	for _, t := range todo {
		if inTurn(t.name) {
			b, err := fs.ReadFile(t.fsys, t.name)
			if err != nil {
				l.problem(problemFor(t.display, err))
				continue
			}
			if strings.EqualFold(path.Ext(t.name), ".jsonl") {
				l.jsonl(b, t.display, t.rel)
			} else {
				l.feed(b, t.display, t.rel)
			}
			continue
		}
		l.problems = append(l.problems, t.probs...)
		if t.doc != nil {
			l.docs = append(l.docs, t.doc)
		}
	}
}

// prepare reads, decodes and cleans one document file, and visits it (Options.Visit). It
// touches no loader state but the options, so files can be prepared in parallel; each worker
// passes its own buffer for the file's bytes, which nothing keeps (the text is a copy).
func (l *loader) prepare(t *task, worker int, buf *[]byte) (*Document, []Problem) {
	fsys, name, display, rel, e := t.fsys, t.name, t.display, t.rel, t.e
	b, err := readFile(fsys, name, *buf)
	*buf = b
	if err != nil {
		return nil, []Problem{problemFor(display, err)}
	}
	if len(b) == 0 {
		return nil, []Problem{{Path: display, Err: "is empty (0 bytes)", Hint: "remove it or fill it"}}
	}
	text, h, enc, err := readText(b, name, l.opt.Encoding, l.opt.HTML)
	if err != nil {
		hint := "pass --encoding to force one"
		var h hinted
		switch {
		case errors.Is(err, errBinary) && bytes.HasPrefix(b, []byte("%PDF")):
			hint = "it is a PDF: convert it to text (pdftotext FILE) and read the .txt, or remove it from the corpus"
		case errors.Is(err, errBinary) && bytes.HasPrefix(b, []byte("PK\x03\x04")):
			hint = "it is a ZIP archive (a .docx or .odt is one): save it as text and read the .txt, or remove it from the corpus"
		case errors.Is(err, errBinary):
			hint = "readout reads text, HTML, JSONL and RSS or Atom files (and tables with --text-column); remove it from the corpus"
		case errors.As(err, &h):
			hint = h.hint
		}
		return nil, []Problem{{Path: display, Err: err.Error(), Hint: hint}}
	}
	d := &Document{File: rel, Path: display, Encoding: string(enc), EncodingNote: h.EncodingNote, Digest: sha256.Sum256(b)}
	if enc == EncodingCP1256 && l.opt.Encoding == EncodingAuto && d.EncodingNote == "" {
		d.EncodingNote = "read as Windows-1256 (its bytes are not UTF-8 and read as Arabic in that code page); pass --encoding to read it otherwise"
	}
	d.Text = text
	defaultID := strings.TrimSuffix(rel, path.Ext(rel))
	if p := l.finish(d, e, defaultID, h, DateFromManifest, "manifest"); p != nil {
		return nil, []Problem{*p}
	}
	if l.opt.Visit != nil {
		l.opt.Visit(worker, d)
	}
	if l.opt.Lazy {
		forced, reader := l.opt.Encoding, l.opt.HTML
		d.reload = func() error {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			if sha256.Sum256(b) != d.Digest {
				return fmt.Errorf("%s changed while readout was reading the corpus", display)
			}
			text, _, _, err := readText(b, name, forced, reader)
			if err != nil {
				return err
			}
			// The same bytes clean the same way: rebuild the cleaned text from the spans of
			// the first reading instead of applying the rules again.
			d.Text, d.Clean = text, text
			if len(d.Spans) != 1 || d.Spans[0].Len != len(text) {
				var clean strings.Builder
				clean.Grow(len(text))
				for _, sp := range d.Spans {
					clean.WriteString(text[sp.OrigStart : sp.OrigStart+sp.Len])
				}
				d.Clean = clean.String()
			}
			return nil
		}
		d.Release()
	}
	return d, nil
}

// readFile reads a file into buf (its contents are overwritten), growing it as needed, and
// returns the bytes read: fs.ReadFile without a new buffer for every file.
func readFile(fsys fs.FS, name string, buf []byte) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf = buf[:0]
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() < 1<<40 {
		buf = slices.Grow(buf, int(st.Size())+1) // +1: the read that finds the end
	}
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readText decodes a file's bytes and, for HTML, extracts the text of its body.
func readText(b []byte, name string, forced Encoding, reader HTMLReader) (string, htmlDoc, Encoding, error) {
	ext := strings.ToLower(path.Ext(name))
	if ext != ".html" && ext != ".htm" {
		text, enc, err := decode(b, forced)
		return text, htmlDoc{}, enc, err
	}
	text, enc, note, err := decodeHTML(b, forced)
	if err != nil {
		return "", htmlDoc{}, "", err
	}
	h, err := extractHTML(text, reader)
	if err != nil {
		if strings.Contains(err.Error(), "exceeds 512 nodes") { // x/net/html's limit on nesting
			return "", htmlDoc{}, "", hinted{"cannot be read as HTML: its elements nest more than 512 deep, past the HTML parser's limit",
				"save the page's text as a .txt file, or remove the page from the corpus"}
		}
		return "", htmlDoc{}, "", fmt.Errorf("cannot parse HTML: %v", err)
	}
	h.EncodingNote = note
	return h.Text, h, enc, nil
}

// jsonl reads one document per line: {"text": ..., "id": ..., "date": ..., ...}.
func (l *loader) jsonl(b []byte, display, rel string) {
	text, _, err := decode(b, l.opt.Encoding)
	if err != nil {
		l.problem(Problem{Path: display, Err: err.Error(), Hint: "JSONL must be UTF-8"})
		return
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	n, docs := 0, 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rec map[string]any
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		if err := dec.Decode(&rec); err != nil {
			l.problem(Problem{Path: display, Line: n, Err: "not a JSON object: " + jsonErr(err), Hint: `write one JSON object per line: {"id": "…", "date": "yyyy-mm-dd", "text": "…"}`})
			continue
		}
		if dec.More() {
			l.problem(Problem{Path: display, Line: n, Err: "more than one JSON value on the line", Hint: "write one JSON object per line"})
			continue
		}
		body, ok := rec["text"].(string)
		if !ok || strings.TrimSpace(body) == "" {
			l.problem(Problem{Path: display, Line: n, Err: `record has no "text" string`, Hint: `give each record a non-empty "text" field`})
			continue
		}
		e := &entry{From: display, Line: n, Meta: map[string]string{}}
		for k, v := range rec {
			var s string
			switch v := v.(type) {
			case string:
				s = v
			case json.Number:
				s = v.String()
			case bool:
				s = fmt.Sprint(v)
			case nil:
				continue
			default:
				continue // nested values are not metadata readout can show
			}
			if k != "text" && !e.set(k, s) {
				e.Meta[k] = s
			}
		}
		if l.record(body, display, rel, n, e, fmt.Sprintf("%s-%d", stem, n), DateFromJSONL, "jsonl") {
			docs++
		}
	}
	if err := sc.Err(); err != nil {
		l.problem(Problem{Path: display, Line: n + 1, Err: err.Error()})
		return
	}
	if docs == 0 && n == 0 {
		l.problem(Problem{Path: display, Err: "is empty (no records)", Hint: "remove it or fill it"})
	}
}

// table reads a CSV or TSV file of documents, one a row, their text in Options.TextColumn.
func (l *loader) table(b []byte, display, rel string, tabs bool) {
	text, _, err := decode(b, l.opt.Encoding)
	if err != nil {
		l.problem(Problem{Path: display, Err: err.Error(), Hint: "save the table as UTF-8"})
		return
	}
	r := csv.NewReader(strings.NewReader(crLines(text)))
	if tabs {
		r.Comma = '\t'
		r.LazyQuotes = true
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		l.problem(Problem{Path: display, Line: 1, Err: "has no header row: " + err.Error(), Hint: "put the column names on the first line"})
		return
	}
	col := slices.IndexFunc(header, func(h string) bool {
		return strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), l.opt.TextColumn)
	})
	if col < 0 {
		l.problem(Problem{Path: display, Line: 1, Err: fmt.Sprintf("has no column %q (its columns: %s)", l.opt.TextColumn, strings.Join(header, ", ")),
			Hint: "name the text column with --text-column"})
		return
	}
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	for {
		row, err := r.Read()
		line, _ := r.FieldPos(0)
		if err == io.EOF {
			break
		}
		if err != nil {
			l.problem(Problem{Path: display, Line: line, Err: err.Error(), Hint: "check the quoting of the row"})
			continue
		}
		if col >= len(row) || strings.TrimSpace(row[col]) == "" {
			l.problem(Problem{Path: display, Line: line, Err: fmt.Sprintf("row has no text in column %q", l.opt.TextColumn), Hint: "fill it or remove the row"})
			continue
		}
		e := &entry{From: display, Line: line, Meta: map[string]string{}}
		for i, v := range row {
			if i == col || i >= len(header) {
				continue
			}
			k := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")))
			if k == "outlet" { // a table's name for the source
				k = "source"
			}
			if k != "file" && !e.set(k, v) {
				e.Meta[k] = v
			}
		}
		l.record(row[col], display, rel, line, e, fmt.Sprintf("%s-%d", stem, line), DateFromManifest, "manifest")
	}
}

// record adds a document held in a record of a file (a JSONL line, a table row): its text, its
// entry, the line it stands on; it reports whether it was added (else a problem was).
func (l *loader) record(body, display, rel string, line int, e *entry, defaultID string, given DateSource, langSource string) bool {
	d := &Document{File: rel, Path: fmt.Sprintf("%s:%d", display, line), Encoding: string(EncodingUTF8),
		Text: body, Digest: sha256.Sum256([]byte(body))}
	if p := l.finish(d, e, defaultID, htmlDoc{}, given, langSource); p != nil {
		p.Line = line
		l.problem(*p)
		return false
	}
	l.docs = append(l.docs, d)
	return true
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) { // the line is a JSON value, but not an object: say which
		return fmt.Sprintf("the line is a JSON %s", te.Value)
	}
	return err.Error()
}

// finish fills a document's metadata from its entry (manifest row or JSONL record), its HTML
// head and its text, and cleans it.
func (l *loader) finish(d *Document, e *entry, defaultID string, h htmlDoc, given DateSource, langSource string) *Problem {
	if strings.TrimSpace(d.Text) == "" {
		return &Problem{Path: d.Path, Err: "has no text (only white space)", Hint: "remove it or fill it"}
	}
	if strings.IndexByte(d.Text, 0) >= 0 {
		return &Problem{Path: d.Path, Err: errBinary.Error(), Hint: "readout reads text, HTML, JSONL and RSS or Atom files (and tables with --text-column); remove it from the corpus"}
	}
	if e == nil {
		e = &entry{From: d.Path}
	}
	d.ID = e.ID
	if d.ID == "" {
		d.ID, d.idDefault = defaultID, true
	}
	d.Title, d.Source, d.URL, d.Meta = e.Title, e.Source, e.URL, e.Meta
	if d.Source == "" {
		d.Source = h.Outlet
	}
	if d.URL == "" {
		d.URL = h.Canonical
	}
	d.Author = h.Author
	if e.Date != "" {
		t, err := ParseDate(e.Date)
		if err != nil {
			return &Problem{Path: e.From, Line: e.Line, Err: fmt.Sprintf("%v (for %s)", err, d.ID)}
		}
		d.Date, d.DateSource = t, given
	}
	d.LeftOut = h.LeftOut
	d.Clean, d.Spans, d.Removed = l.opt.Rules.Clean(d.Text)
	d.emptied = emptiedBy(d) // now: a lazy load releases the text
	d.Dateline, d.Credit = creditOf(d.Removed)
	if d.Dateline == "" {
		d.Dateline = h.Dateline
	}
	if d.Credit == "" {
		d.Credit = h.Credit
	}
	if !d.HasDate() && h.Date != "" {
		if t, err := ParseDate(firstField(h.Date)); err == nil {
			d.Date, d.DateSource = t, DateFromHTMLMeta
		}
	}
	if !d.HasDate() {
		if t, ok := findDate(d.Text); ok {
			d.Date, d.DateSource = t, DateFromText
		}
	}
	if !d.HasDate() {
		if t, ok := dateFromFilename(path.Base(d.File)); ok {
			d.Date, d.DateSource = t, DateFromFilename
		}
	}
	if !d.HasDate() {
		d.DateSource = DateNone
	}
	d.EventDate, d.EventDateSource = eventDate(d.Date, d.Dateline, d.Clean)
	if e.Language != "" {
		lang, ok := ParseLanguage(e.Language)
		if !ok {
			return &Problem{Path: e.From, Line: e.Line, Err: fmt.Sprintf("language %q is not supported (for %s)", e.Language, d.ID), Hint: "use ar or en, or leave it empty to detect"}
		}
		d.Language, d.LangSource = lang, langSource
	} else if lang, ok := ParseLanguage(h.Lang); ok {
		d.Language, d.LangSource = lang, "html"
	} else {
		d.Language, d.LangSource = DetectLanguage(d.Clean), "detected"
		d.OtherLanguage = OtherLanguage(d.Clean)
	}
	if d.Title == "" {
		d.Title = h.Title
	}
	if d.Title == "" {
		d.Title = strings.Clone(guessTitle(d.Clean)) // not a window on the text, which a lazy load releases
	}
	return nil
}

func firstField(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if _, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return s[:10]
		}
	}
	return s
}

// DetectLanguage returns Arabic when Arabic letters are at least as many as Latin letters, and
// English otherwise.
func DetectLanguage(s string) Language {
	var ar, latin int
	for _, r := range s {
		switch {
		case isArabicLetter(r):
			ar++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	if latin > ar {
		return English
	}
	return Arabic
}

// OtherLanguage names the language of a text when it is written in neither of readout's two
// (French, German, Spanish, Persian, Urdu …), as whatlanggo detects it with confidence; "" for
// Arabic, English, or a text too short or mixed to tell. whatlanggo is asked only about texts a
// quick look finds suspect (Arabic script with the letters of Persian or Urdu, Latin script
// with few English function words), on their first 600 bytes: it takes a millisecond or more a
// text, too much for every document of a corpus.
func OtherLanguage(s string) string {
	if !suspectLanguage(s) {
		return ""
	}
	if len(s) > 600 {
		s = s[:600]
		for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
	}
	info := whatlanggo.Detect(s)
	if info.Confidence < 0.8 {
		return ""
	}
	switch info.Lang {
	case whatlanggo.Arb, whatlanggo.Eng:
		return ""
	}
	code := whatlanggo.LangToString(info.Lang)
	if name, ok := languageNames[code]; ok {
		return name
	}
	return code // an ISO 639-3 code
}

// suspectLanguage looks at the first 600 bytes of a text: Arabic script with one letter in a
// hundred or more that Arabic does not use (پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ), or Latin script in which
// fewer than one word in twenty is an English function word.
func suspectLanguage(s string) bool {
	if len(s) > 600 {
		s = s[:600]
	}
	var arabic, foreign, latin int
	for _, r := range s {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case r >= 0x0620 && r <= 0x06FF:
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ':
				foreign++
			default:
				arabic++
			}
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	if arabic+foreign > latin {
		return foreign*100 >= arabic+foreign
	}
	words, english := 0, 0
	for w := range strings.FieldsSeq(s) {
		words++
		switch strings.ToLower(strings.Trim(w, ".,;:\"'()")) {
		case "the", "and", "of", "to", "in", "a", "is", "that", "on", "for", "with", "said", "was", "his", "by":
			english++
		}
	}
	return words >= 10 && english*20 < words
}

var languageNames = map[string]string{"fra": "French", "deu": "German", "spa": "Spanish", "rus": "Russian", "pes": "Persian",
	"urd": "Urdu", "cmn": "Chinese", "tur": "Turkish", "ita": "Italian", "por": "Portuguese", "ukr": "Ukrainian", "heb": "Hebrew"}

func languageName(l Language) string {
	if l == Arabic {
		return "Arabic"
	}
	return "English"
}

// guessTitle takes the first non-blank line as the title when it reads like a headline: at
// most 25 words and no full stop at its end.
func guessTitle(clean string) string {
	for line := range strings.Lines(clean) {
		t := Collapse(line)
		if t == "" {
			continue
		}
		if len(strings.Fields(t)) <= 25 && !strings.HasSuffix(t, ".") {
			if site := siteOf(t, ""); site != "" {
				t = stripSite(t, site) // a headline copied with its site: … | NewsPulse Daily
			}
			return strings.Clone(t) // not a part of the text, which a lazy corpus drops
		}
		return ""
	}
	return ""
}

// documentLike reports whether a file that readout does not read looks like a document an
// analyst meant it to read (a PDF, a Word or OpenDocument file, XML, a feed, a spreadsheet,
// rich text), so that it is named rather than skipped in silence.
func documentLike(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xml", ".csv", ".tsv", ".xls", ".xlsx", ".epub", ".pages", ".mht", ".mhtml":
		return true
	}
	return false
}

func hasExt(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

func join(dir, p string) string {
	if dir == "" || dir == "." {
		return p
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

// Hash is the corpus hash written into run records: the SHA-256 of, for each document in order,
// its id, a NUL byte, and the SHA-256 of its bytes.
func (c *Corpus) Hash() string {
	h := sha256.New()
	for _, d := range c.Docs {
		h.Write([]byte(d.ID))
		h.Write([]byte{0})
		h.Write(d.Digest[:])
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// Undated returns the documents with no date.
func (c *Corpus) Undated() []*Document {
	var out []*Document
	for _, d := range c.Docs {
		if !d.HasDate() {
			out = append(out, d)
		}
	}
	return out
}

// ByDate returns the documents sorted by date (undated last), ties in corpus order.
func (c *Corpus) ByDate() []*Document {
	out := append([]*Document(nil), c.Docs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.HasDate() != b.HasDate() {
			return a.HasDate()
		}
		return a.Date.Before(b.Date)
	})
	return out
}

// FileDirs returns the directories of the corpus's documents that were named one by one (not
// found in one of Dirs): readout writes no output into them either.
func (c *Corpus) FileDirs() []string {
	if c.Bundled() { // embedded: its paths are not on this disk
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, d := range c.Docs {
		if d.Path == "" || d.Path == "standard input" || strings.HasPrefix(d.Path, "standard input") {
			continue
		}
		dir := filepath.Dir(d.Path)
		if !seen[dir] {
			seen[dir] = true
			out = append(out, dir)
		}
	}
	return out
}
