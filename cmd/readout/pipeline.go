package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// jobs returns the number of workers: --jobs, or the number of CPUs.
func (a *app) jobs() int {
	if a.global.Jobs > 0 {
		return a.global.Jobs
	}
	return runtime.NumCPU()
}

// eachDoc analyses every document of the corpus with a bounded pool of workers, each with its
// own Analyzer, and hands fn's result for each document to sink in corpus order. A lazily
// loaded document is read when a worker takes it and released after fn, so memory holds at most
// a few documents per worker plus what sink keeps. On a terminal, work that lasts more than a
// second shows a progress bar on stderr (not with --quiet).
func eachDoc[R any](a *app, c *corpus.Corpus, lx *textproc.Lexicon, fn func(d *corpus.Document, an *textproc.Doc) R, sink func(i int, r R)) error {
	n := len(c.Docs)
	workers := min(a.jobs(), max(n, 1))
	type result struct {
		i   int
		r   R
		err error
	}
	next := make(chan int)
	results := make(chan result, workers)
	window := make(chan struct{}, 4*workers) // documents dispatched but not yet handed to sink
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := lx.NewAnalyzer()
			for i := range next {
				results <- func() (res result) {
					d := c.Docs[i]
					defer func() { // a bug in the analysis of one document is reported, not a crash
						if p := recover(); p != nil {
							res = result{i: i, err: fmt.Errorf("internal error analysing %s: %v (this is a bug in readout; please report it)", d.Path, p)}
						}
					}()
					if err := d.Load(); err != nil {
						return result{i: i, err: fmt.Errorf("%s: %v", d.Path, err)}
					}
					r := fn(d, an.Analyze(d.Clean))
					d.Release()
					return result{i: i, r: r}
				}()
			}
		}()
	}
	go func() {
		for i := 0; i < n; i++ {
			window <- struct{}{}
			next <- i
		}
		close(next)
		wg.Wait()
		close(results)
	}()
	pending := map[int]result{}
	emitted := 0
	var firstErr error
	start := time.Now()
	var bar *progressbar.ProgressBar
	showBar := !a.global.Quiet && isTerminal(a.Err)
	for res := range results {
		pending[res.i] = res
		for {
			r, ok := pending[emitted]
			if !ok {
				break
			}
			delete(pending, emitted)
			if r.err != nil && firstErr == nil {
				firstErr = r.err
			}
			if firstErr == nil {
				sink(emitted, r.r)
			}
			emitted++
			<-window
			if showBar && bar == nil && time.Since(start) > time.Second && emitted < n {
				bar = progressbar.NewOptions(n, progressbar.OptionSetWriter(a.Err), progressbar.OptionSetDescription("analysing"),
					progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
				bar.Set(emitted)
			} else if bar != nil {
				bar.Add(1)
			}
		}
	}
	if bar != nil {
		bar.Finish()
	}
	return firstErr
}
