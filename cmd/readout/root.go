package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	readout "github.com/readout/readout"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/output"
	"github.com/readout/readout/study"
	"github.com/readout/readout/textproc"
)

// streams are the command's standard streams, injected so every command runs against buffers
// in tests.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
}

// isTerminal reports whether w is a terminal (for colour and progress bars).
func isTerminal(w io.Writer) bool {
	f, ok := rawWriter(w).(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// rawWriter is the writer under a SafeWriter: for what readout draws itself (a progress bar's
// carriage returns and escapes).
func rawWriter(w io.Writer) io.Writer {
	if s, ok := w.(*output.SafeWriter); ok {
		return s.Underlying()
	}
	return w
}

// usageError marks an error as the user's misuse of the command line (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// run executes the command line and returns the exit code; errors are printed here, once. A
// panic is a bug: it is reported in one line (with the stack under READOUT_DEBUG=1), never as a
// bare stack trace.
func run(args []string, s streams) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.Err, "readout: internal error: %v\nthis is a bug in readout; please report it with the command line and, if you can, the input\n", r)
			if os.Getenv("READOUT_DEBUG") == "1" {
				fmt.Fprintf(s.Err, "%s\n", debug.Stack())
			}
			code = exitFailure
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// Nothing from a corpus reaches the terminal raw: what readout prints that is not a file
	// format of its own (messages, tables, text) shows control characters as escapes; JSON
	// escapes them itself, CSV cells are neutralised (--raw-csv for every byte as it is).
	out, errw := output.NewSafeWriter(s.Out), output.NewSafeWriter(s.Err)
	s = streams{In: s.In, Out: out, Err: errw}
	a := newApp(ctx, s)
	root := newRootCmd(a)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	a.bars.finish()
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) || study.IsOptionError(err) {
		fmt.Fprintf(s.Err, "readout: %v\n", err)
		name := "readout"
		if cmd != nil {
			name = cmd.CommandPath()
		}
		fmt.Fprintf(s.Err, "Run '%s --help' for usage.\n", name)
		return exitUsage
	}
	fmt.Fprintf(s.Err, "readout: %v\n", err)
	return exitFailure
}

// isCobraUsage recognises the usage errors cobra makes itself.
func isCobraUsage(err error) bool {
	m := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most", "bad flag syntax"} {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	return false
}

// app is what every command shares: the streams, the global flags, the context (cancelled by
// an interrupt) and the progress bars.
type app struct {
	streams
	global globalOptions
	ctx    context.Context
	bars   *progressBars
}

// globalOptions are the flags every command has.
type globalOptions struct {
	Encoding      string
	SkipBad       bool
	Verbose       bool
	Quiet         bool
	Boilerplate   string
	NoBoilerplate bool
	HTML          string
	InputFormat   string
	TextColumn    string
	Lexicon       string
	Jobs          int
	Follow        bool
	MaxFileMB     int64
	RawCSV        bool
}

func newApp(ctx context.Context, s streams) *app {
	a := &app{streams: s, ctx: ctx}
	a.bars = &progressBars{a: a}
	return a
}

func newRootCmd(a *app) *cobra.Command {
	s := a.streams
	root := &cobra.Command{
		Use:   "readout",
		Short: "Compare official statements and the news articles that report them",
		Long: `readout lines up recurring themes across articles, measures how wording and emphasis
shift over time and between speakers, aligns recurring statements and shows word by word what
changed, and writes trend reports. Arabic first, English second.

Every command reads a corpus: a directory (with an optional manifest.csv), a manifest .csv, a
.jsonl file, or a list of files. With no PATH it uses the bundled seed corpus: five Arabic
articles on Xi Jinping–Putin talks, 2020–2023.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       readout.Version,
		PersistentPreRun: func(*cobra.Command, []string) {
			if sw, ok := a.Out.(*output.SafeWriter); ok && a.global.RawCSV {
				sw.Raw = true
			}
		},
	}
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	f := root.PersistentFlags()
	f.StringVar(&a.global.Encoding, "encoding", "auto", "force the input encoding: auto, utf-8, utf-16le, utf-16be, windows-1256, iso-8859-1")
	f.BoolVar(&a.global.SkipBad, "skip-bad", false, "load the good documents and list the bad ones, instead of failing")
	f.BoolVarP(&a.global.Verbose, "verbose", "v", false, "say more on stderr: what boilerplate was removed from which document")
	f.BoolVarP(&a.global.Quiet, "quiet", "q", false, "say nothing on stderr but errors")
	f.StringVar(&a.global.Boilerplate, "boilerplate", "", "YAML file of boilerplate rules to add to (or switch off among) the built-in ones")
	f.BoolVar(&a.global.NoBoilerplate, "no-boilerplate", false, "keep every line: apply no boilerplate rule")
	f.StringVar(&a.global.HTML, "html", "main", "what to read of an HTML page: main (the article) or page (all its text)")
	f.StringVar(&a.global.InputFormat, "input-format", "text", "what standard input (the path -) holds: text or html")
	f.StringVar(&a.global.TextColumn, "text-column", "", "read a .csv or .tsv path as a table of documents, their text in this column")
	f.StringVar(&a.global.Lexicon, "lexicon", "", "theme lexicon YAML file (default: the built-in lexicon; see 'readout lexicon show')")
	f.IntVarP(&a.global.Jobs, "jobs", "j", 0, "files read and documents analysed in parallel (0: one per CPU)")
	f.BoolVar(&a.global.Follow, "follow-symlinks", false, "read symbolic links in a corpus directory that lead outside it (passed over by default)")
	f.BoolVar(&a.global.RawCSV, "raw-csv", false, "write CSV cells and standard output byte for byte: no ' before a cell a spreadsheet would run as a formula, no escapes for control characters")
	f.Int64Var(&a.global.MaxFileMB, "max-file-size", corpus.DefaultMaxFileSize>>20, "the largest file read, in MB; a larger one is refused")

	root.AddCommand(
		newCmdCorpus(a, nil),
		newCmdThemes(a, nil),
		newCmdKWIC(a, nil),
		newCmdSentences(a, nil),
		newCmdText(a, nil),
		newCmdShift(a, nil),
		newCmdTrend(a, nil),
		newCmdKeyness(a, nil),
		newCmdSimilarity(a, nil),
		newCmdDiff(a, nil),
		newCmdAlign(a, nil),
		newCmdCompare(a, nil),
		newCmdChart(a, nil),
		newCmdReport(a, nil),
		newCmdLexicon(a),
		newCmdVersion(a),
	)
	return root
}

// note writes a message to stderr unless --quiet.
func (a *app) note(format string, args ...any) {
	if a.global.Quiet {
		return
	}
	fmt.Fprintf(a.Err, format+"\n", args...)
}

// options turns the global flags into the study's options.
func (a *app) options(need study.Need) (study.Options, error) {
	var o study.Options
	if a.global.Jobs < 0 {
		return o, usagef("--jobs %d: give 1 or more (0: one per CPU)", a.global.Jobs)
	}
	if a.global.MaxFileMB < 1 || a.global.MaxFileMB > 1<<20 {
		return o, usagef("--max-file-size %d: give a size in MB from 1 to %d", a.global.MaxFileMB, 1<<20)
	}
	enc, err := corpus.ParseEncoding(a.global.Encoding)
	if err != nil {
		return o, usageError{err}
	}
	reader, err := corpus.ParseHTMLReader(a.global.HTML)
	if err != nil {
		return o, usageError{err}
	}
	o = study.Options{Encoding: enc, SkipBad: a.global.SkipBad, HTML: reader, Stdin: a.In, StdinFormat: a.global.InputFormat, TextColumn: a.global.TextColumn,
		Jobs: a.global.Jobs, Prepare: need, Progress: a.progress(), FollowSymlinks: a.global.Follow, MaxFileSize: a.global.MaxFileMB << 20}
	switch {
	case a.global.NoBoilerplate && a.global.Boilerplate != "":
		return o, usagef("--boilerplate and --no-boilerplate cannot be used together")
	case a.global.NoBoilerplate:
		o.Rules, _ = corpus.CompileRules(nil)
	case a.global.Boilerplate != "":
		if o.Rules, err = corpus.LoadRules(a.global.Boilerplate); err != nil {
			return o, fmt.Errorf("boilerplate rules: %w", err)
		}
	}
	if o.Lexicon, err = a.lexicon(); err != nil {
		return o, err
	}
	return o, nil
}

// lexicon reads --lexicon, or the built-in lexicon.
func (a *app) lexicon() (*textproc.Lexicon, error) {
	if a.global.Lexicon == "" {
		return textproc.DefaultLexicon(), nil
	}
	return study.LoadLexicon(a.global.Lexicon)
}

// open reads the corpus named by paths (the bundled one when there are none), computing need
// for each document as it is read, and reports skipped documents and, with --verbose, removed
// boilerplate on stderr.
func (a *app) open(ctx context.Context, paths []string, need study.Need) (*study.Study, error) {
	o, err := a.options(need)
	if err != nil {
		return nil, err
	}
	s, err := study.Open(ctx, paths, o)
	a.bars.finish()
	if err != nil {
		return nil, err
	}
	c := s.Corpus()
	for _, n := range c.Notes {
		a.note("note: %s", n)
	}
	if len(c.Skipped) > 0 {
		a.note("skipped %d bad input(s) (--skip-bad):", len(c.Skipped))
		for _, p := range c.Skipped {
			a.note("  %s", p)
		}
	}
	if a.global.Verbose && !a.global.Quiet {
		for _, d := range c.Docs {
			for _, r := range d.Removed {
				a.note("%s: removed line %d (%s): %s", d.ID, r.Line, r.Rule, r.Text)
			}
		}
	}
	return s, nil
}

// formatFlag parses a --format value as a usage error when it is bad; csv is RawCSV with
// --raw-csv.
func (a *app) formatFlag(s string) (output.Format, error) {
	f, err := output.ParseFormat(s)
	if err != nil {
		return "", usageError{err}
	}
	if f == output.CSV {
		f = a.csvFormat()
	}
	return f, nil
}

// csvFormat is CSV, or RawCSV with --raw-csv.
func (a *app) csvFormat() output.Format {
	if a.global.RawCSV {
		return output.RawCSV
	}
	return output.CSV
}
