// Command readout compares official statements and the news articles that report them.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise: the heap may grow by
// half of what is live before a collection, not by all of it (Go's default), so that memory
// stays near what a run holds. On 20,000 articles `align` peaks at 1.15 GB instead of 1.67 GB
// for about 5% more time (BENCHMARKS.md).
const gcPercent = 50

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
