package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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

// colorAllowed is whether readout may colour a terminal on its own ("auto"): not when NO_COLOR
// is set to anything (no-color.org) or the terminal is TERM=dumb.
func colorAllowed() bool {
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

// terminalWidth is the width of the terminal w writes to, 0 when w is not a terminal (a file
// or a pipe keeps every cell whole). COLUMNS, when set to a number, overrides it.
func terminalWidth(w io.Writer) int {
	if !isTerminal(w) {
		return 0
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	f := rawWriter(w).(*os.File)
	if n, _, err := term.GetSize(int(f.Fd())); err == nil && n > 0 {
		return n
	}
	return 80
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
	lx     *textproc.Lexicon // the lexicon of the corpus opened, for theme labels in data files
	corpus *corpus.Corpus    // the corpus opened, which nothing is written into
	// datedOnly: the command needs dates, so documents without one are left out with a note
	datedOnly bool
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
	Corpus        []string
	BOM           bool
	RunRecord     string
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
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if sw, ok := a.Out.(*output.SafeWriter); ok && a.global.RawCSV {
				sw.Raw = true
			}
			if len(a.global.Corpus) > 0 && readsNoCorpus[cmd.CommandPath()] {
				return usagef("%s reads no corpus: -c/--corpus has nothing to do here", cmd.CommandPath())
			}
			return aliasConflict(cmd)
		},
	}
	root.SetVersionTemplate(versionLine() + "\n")
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
	f.StringVar(&a.global.InputFormat, "input-format", "auto", "what standard input (the path - or /dev/stdin) holds: text, html, or auto (an HTML page by its <!DOCTYPE html> or <html>)")
	f.StringVar(&a.global.TextColumn, "text-column", "", "read a .csv or .tsv path as a table of documents, their text in this column")
	f.StringVar(&a.global.Lexicon, "lexicon", "", "theme lexicon YAML file (default: the built-in lexicon; see 'readout lexicon show')")
	f.IntVarP(&a.global.Jobs, "jobs", "j", 0, "files read and documents analysed in parallel (0: one per CPU)")
	f.BoolVar(&a.global.Follow, "follow-symlinks", false, "read symbolic links in a corpus directory that lead outside it (passed over by default)")
	f.BoolVar(&a.global.RawCSV, "raw-csv", false, "write CSV cells and standard output byte for byte: no ' before a cell a spreadsheet would run as a formula, no escapes for control characters")
	f.Int64Var(&a.global.MaxFileMB, "max-file-size", corpus.DefaultMaxFileSize>>20, "the largest file read, in MB; a larger one is refused")
	f.StringArrayVarP(&a.global.Corpus, "corpus", "c", nil, "the corpus to read (repeatable, or comma-separated): the same as giving PATH (default: the bundled seed corpus)")
	f.BoolVar(&a.global.BOM, "bom", false, "start CSV output with a UTF-8 byte-order mark, by which Excel reads Arabic right")
	f.StringVar(&a.global.RunRecord, "run-record", "", "also write the run record (version, corpus hash, parameters) to this JSON file: the sidecar of csv and jsonl output")

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
		newCmdDFM(a, nil),
		newCmdVersion(a),
	)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return usagef("unknown help topic %q: readout help lists the commands", strings.Join(args, " "))
			}
			return cmd.Help()
		},
	})
	root.InitDefaultCompletionCmd() // now, so that its subcommands are checked too
	refuseUnknownSubcommands(root)
	addCompletions(root, a)
	return root
}

// refuseUnknownSubcommands makes a misspelt subcommand at any depth (readout lexicon chek) a
// usage error (exit 2) instead of help and success: a command with subcommands and nothing of
// its own to run takes no arguments.
func refuseUnknownSubcommands(c *cobra.Command) {
	for _, sub := range c.Commands() {
		refuseUnknownSubcommands(sub)
	}
	if c.HasSubCommands() && c.Run == nil && c.RunE == nil {
		c.Args = subcommandArgs
		c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	}
}

// didYouMean is ", did you mean X?" for the names within two edits of s (or starting with it),
// "" for none.
func didYouMean(s string, names []string) string {
	var near []string
	for _, n := range names {
		if strings.HasPrefix(n, s) || study.EditDistance(s, n) <= 2 {
			near = append(near, n)
		}
	}
	if len(near) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(near, " or ") + "?)"
}

// subcommandArgs refuses an argument to a command that only has subcommands.
func subcommandArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	msg := fmt.Sprintf("unknown command %q for %q%s", args[0], cmd.CommandPath(), didYouMean(args[0], names))
	return usagef("%s (its commands: %s)", msg, strings.Join(names, ", "))
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
	if a.global.RunRecord == "-" {
		return o, usagef("--run-record -: the run record goes to a file (with -f json it is in the output itself)")
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
		Jobs: a.global.Jobs, Prepare: need, Progress: a.progress(), FollowSymlinks: a.global.Follow, MaxFileSize: a.global.MaxFileMB << 20,
		DatedOnly: a.datedOnly}
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

// lexicon reads --lexicon, or the built-in lexicon, once.
func (a *app) lexicon() (*textproc.Lexicon, error) {
	if a.lx != nil {
		return a.lx, nil
	}
	if a.global.Lexicon == "" {
		return textproc.DefaultLexicon(), nil
	}
	lx, err := study.LoadLexicon(a.global.Lexicon)
	if err == nil {
		a.lx = lx
	}
	return lx, err
}

// open reads the corpus named by paths (the bundled one when there are none), computing need
// for each document as it is read, and reports skipped documents and, with --verbose, removed
// boilerplate on stderr.
func (a *app) open(ctx context.Context, paths []string, need study.Need) (*study.Study, error) {
	o, err := a.options(need)
	if err != nil {
		return nil, err
	}
	return a.openWith(ctx, paths, o)
}

// openWith is open with options already made (compare's, which carry its new documents).
func (a *app) openWith(ctx context.Context, paths []string, o study.Options) (*study.Study, error) {
	paths, err := a.corpusPaths(paths)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		a.note("reading the bundled seed corpus (%s); give a PATH or -c DIR to read yours", corpus.SeedDescription)
	}
	s, err := study.Open(ctx, paths, o)
	a.bars.finish()
	if err != nil {
		return nil, err
	}
	a.lx = s.Lexicon()
	c := s.Corpus()
	a.corpus = c
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
			for _, r := range d.LeftOut {
				a.note("%s: left out of the page (%s): %s", output.TerminalSafe(d.ID), r.Rule, output.TerminalSafe(r.Text))
			}
			for _, r := range d.Removed {
				a.note("%s: removed line %d (%s): %s", output.TerminalSafe(d.ID), r.Line, r.Rule, output.TerminalSafe(r.Text))
			}
		}
	}
	return s, nil
}

// alias defines an old spelling of a flag, hidden from help, that sets the same value as the
// flag it names: old command lines keep working, help shows one word for one thing.
func alias(f *pflag.FlagSet, old, name string) {
	fl := f.Lookup(name)
	f.Var(fl.Value, old, "the same as --"+name)
	o := f.Lookup(old)
	o.Hidden = true
	o.Annotations = map[string][]string{aliasOf: {name}}
}

const aliasOf = "readout-alias-of"

// listFlag is a flag of a comma-separated list that, given again, adds to the list: --by doc
// --by speaker is --by doc,speaker, as --theme is repeatable or comma-separated.
type listFlag struct {
	p   *string
	set bool
}

func (l *listFlag) String() string { return *l.p }
func (l *listFlag) Type() string   { return "list" }
func (l *listFlag) Set(v string) error {
	if l.set {
		*l.p += "," + v
	} else {
		*l.p, l.set = v, true // the first replaces the default
	}
	return nil
}

// listVar defines a listFlag with a default.
func listVar(f *pflag.FlagSet, p *string, name, short, def, usage string) {
	*p = def
	f.VarP(&listFlag{p: p}, name, short, usage)
}

// readsNoCorpus are the commands a -c/--corpus would be lost on.
var readsNoCorpus = map[string]bool{"readout version": true, "readout lexicon show": true, "readout lexicon check": true,
	"readout lexicon export": true, "readout lexicon import": true}

// aliasConflict refuses a flag given under both its names (--from 2020 --reference 2022): the
// last would win unseen.
func aliasConflict(cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if names := f.Annotations[aliasOf]; err == nil && len(names) == 1 {
			if other := cmd.Flags().Lookup(names[0]); other != nil && other.Changed {
				err = usagef("--%s and --%s are one flag: give it once", names[0], f.Name)
			}
		}
	})
	return err
}

// corpusPaths are the corpus paths a command was given: as arguments (or its own flag) or
// with -c/--corpus (each may be a comma-separated list), not both unless they agree.
func (a *app) corpusPaths(given []string) ([]string, error) {
	var flag []string
	for _, c := range a.global.Corpus {
		for _, p := range strings.Split(c, ",") {
			if p = strings.TrimSpace(p); p != "" {
				flag = append(flag, p)
			}
		}
	}
	switch {
	case len(flag) == 0:
		return given, nil
	case len(given) == 0 || slices.Equal(given, flag):
		return flag, nil
	}
	return nil, usagef("the corpus is given twice (%s, and -c %s): give it once", strings.Join(given, " "), strings.Join(flag, ","))
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

// streamOptions are the output choices of the global flags and the terminal: a BOM for CSV
// (--bom), a table fitted to the terminal, theme labels beside theme ids.
func (a *app) streamOptions(f output.Format) output.Options {
	o := output.Options{BOM: a.global.BOM}
	if f == output.Table {
		o.Width = terminalWidth(a.Out)
		o.KeepEnd = []string{"left"} // a left context ends at the match
	}
	if a.lx != nil {
		o.Labels = themeLabels(a.lx)
	}
	return o
}

// themeLabels are the lexicon's theme labels, Arabic and English, for the label columns
// beside a theme column.
func themeLabels(lx *textproc.Lexicon) *output.Labels {
	l := &output.Labels{Column: "theme", Langs: []string{"ar", "en"}, Of: map[string][]string{}}
	for _, t := range lx.Themes {
		l.Of[t.ID] = []string{t.Labels["ar"], t.Labels["en"]}
	}
	return l
}

// write writes rows to standard output in format f, with the global flags' options and the
// run record's sidecar (--run-record).
func (a *app) write(f output.Format, run output.Run, rows output.Rows) error {
	if err := a.runRecord(run); err != nil {
		return err
	}
	return output.WriteOptions(a.Out, f, run, rows, a.streamOptions(f))
}

// stream starts writing rows to standard output as they come, as write.
func (a *app) stream(f output.Format, run output.Run, cols []string) (*output.Stream, error) {
	if err := a.runRecord(run); err != nil {
		return nil, err
	}
	return output.NewStreamOptions(a.Out, f, run, cols, a.streamOptions(f)), nil
}

// runRecord writes the run record to --run-record's file, when there is one.
func (a *app) runRecord(run output.Run) error {
	if a.global.RunRecord == "" {
		return nil
	}
	if a.corpus != nil {
		if err := outsideCorpus(a.corpus, a.global.RunRecord); err != nil {
			return err
		}
	}
	return writeFileAtomic(a.global.RunRecord, true, func(w io.Writer) error { return writeRunJSON(w, run) })
}

// writeRunJSON writes a run record as an indented JSON file.
func writeRunJSON(w io.Writer, run output.Run) error {
	b, err := output.Marshal(run)
	if err != nil {
		return err
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, b, "", "  "); err != nil {
		return err
	}
	ind.WriteByte('\n')
	_, err = w.Write(ind.Bytes())
	return err
}

// csvFormat is CSV, or RawCSV with --raw-csv.
func (a *app) csvFormat() output.Format {
	if a.global.RawCSV {
		return output.RawCSV
	}
	return output.CSV
}
