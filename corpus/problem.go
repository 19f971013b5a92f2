package corpus

import (
	"fmt"
	"strings"
)

// Problem is one bad input: the file (and line, where there is one), what is wrong, and what
// to do about it.
type Problem struct {
	Path string
	Line int // 0 when the problem is with the whole file
	Err  string
	Hint string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	b.WriteString(p.Err)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// MaxListed is how many problems an error message lists before it gives the count of the rest.
const MaxListed = 20

// listProblems writes problems a line each, the first MaxListed of them and then the count of
// the rest, with more after it.
func listProblems(b *strings.Builder, probs []Problem, more string) {
	for i, p := range probs {
		if i == MaxListed {
			fmt.Fprintf(b, "\n  … and %d more%s", len(probs)-MaxListed, more)
			return
		}
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
}

// LoadError reports every problem found while loading a corpus. Nothing is loaded when it is
// returned.
type LoadError struct {
	Problems []Problem
	// What names what was being loaded ("" : the corpus); Strict, when set, means every
	// document was needed (new articles to compare) or --skip-bad left none, so --skip-bad is
	// not suggested.
	What   string
	Strict bool
}

func (e *LoadError) Error() string {
	var b strings.Builder
	what := e.What
	if what == "" {
		what = "the corpus"
	}
	if len(e.Problems) == 1 {
		fmt.Fprintf(&b, "cannot load %s: ", what)
		b.WriteString(e.Problems[0].String())
	} else {
		fmt.Fprintf(&b, "cannot load %s, %d problems:", what, len(e.Problems))
		more := " (--skip-bad lists every one)"
		if e.Strict {
			more = ""
		}
		listProblems(&b, e.Problems, more)
	}
	if e.Strict {
		b.WriteString("\nfix the input")
	} else {
		b.WriteString("\nfix the input, or pass --skip-bad to load the good documents and list the rest")
	}
	return b.String()
}
