package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
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

// eachDoc analyses every document of the corpus with a bounded pool of workers, each with its own
// Analyzer (sharing one word cache), and hands fn's result for each document to sink in corpus
// order. A lazily loaded document is read when a worker takes it and released after fn, so memory
// holds at most a few documents per worker plus what sink keeps. On a terminal, work that lasts
// more than a second shows a progress bar on stderr (not with --quiet).
func eachDoc[R any](a *app, c *corpus.Corpus, lx *textproc.Lexicon, fn func(d *corpus.Document, an *textproc.Doc) R, sink func(i int, r R)) error {
	return eachDocWith(a, c, lx, true, fn, sink)
}

// eachDocWith is eachDoc; stems says whether fn uses Doc.Stem (the word cache then keeps each
// word's stem).
func eachDocWith[R any](a *app, c *corpus.Corpus, lx *textproc.Lexicon, stems bool, fn func(d *corpus.Document, an *textproc.Doc) R, sink func(i int, r R)) error {
	n := len(c.Docs)
	workers := min(a.jobs(), max(n, 1))
	type result struct {
		i   int
		r   R
		err error
	}
	// Workers take the next document by an atomic counter (no dispatcher to wait for), at most
	// 4 per worker ahead of what sink has been given, so memory stays bounded.
	var next atomic.Int64
	results := make(chan result, 4*workers)
	window := make(chan struct{}, 4*workers) // documents taken but not yet handed to sink
	var wg sync.WaitGroup
	words := lx.NewWords() // each distinct word prepared once, for all workers
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := words.NewAnalyzer()
			an.NoStems = !stems
			for {
				window <- struct{}{}
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
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
		wg.Wait()
		close(results)
	}()
	pending := map[int]result{}
	emitted := 0
	var firstErr error
	bar := a.newProgress("analysing")
	defer bar.finish()
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
			bar.set(emitted, n)
		}
	}
	return firstErr
}

// visitEach reads the corpus named by paths lazily and calls fn on each document read from a
// file while its text is in memory, so each file is read once, on the reading workers (w says
// which). It returns fn's results in corpus order, and the indices of the documents fn was not
// called on: those held in memory (JSONL records), for the caller to finish.
func visitEach[R any](a *app, paths []string, fn func(w int, d *corpus.Document) R) (*corpus.Corpus, []R, []int, error) {
	var mu sync.Mutex
	done := map[*corpus.Document]R{}
	c, err := a.loadCorpusVisit(paths, func(w int, d *corpus.Document) {
		r := fn(w, d)
		mu.Lock()
		done[d] = r
		mu.Unlock()
	})
	if err != nil {
		return nil, nil, nil, err
	}
	out := make([]R, len(c.Docs))
	var rest []int
	for i, d := range c.Docs {
		if r, ok := done[d]; ok {
			out[i] = r
		} else {
			rest = append(rest, i)
		}
	}
	return c, out, rest, nil
}

// loadEach is visitEach with an analysis: fn is given each document's analysis, on the reading
// workers, and fn's results come back in corpus order. fn must not keep the analysis: its
// memory is reused for the next document (textproc.Analyzer.Recycle). Documents held in memory
// are analysed afterwards by eachDocWith. stems is as for eachDocWith.
func loadEach[R any](a *app, paths []string, lx *textproc.Lexicon, stems bool, fn func(d *corpus.Document, an *textproc.Doc) R) (*corpus.Corpus, []R, error) {
	analyzers := make([]*textproc.Analyzer, a.jobs()) // one per reading worker
	words := lx.NewWords()                            // each distinct word prepared once
	c, out, rest, err := visitEach(a, paths, func(w int, d *corpus.Document) R {
		an := analyzers[w]
		if an == nil {
			an = words.NewAnalyzer()
			an.NoStems, an.Recycle = !stems, true
			analyzers[w] = an
		}
		return fn(d, an.Analyze(d.Clean))
	})
	if err != nil || len(rest) == 0 {
		return c, out, err
	}
	held := &corpus.Corpus{}
	for _, i := range rest {
		held.Docs = append(held.Docs, c.Docs[i])
	}
	if err := eachDocWith(a, held, lx, stems, fn, func(k int, r R) { out[rest[k]] = r }); err != nil {
		return nil, nil, err
	}
	return c, out, nil
}

// progress draws a progress bar on stderr for work that lasts more than a second, when stderr
// is a terminal and --quiet is off; otherwise it does nothing. It is safe for concurrent use.
type progress struct {
	mu    sync.Mutex
	a     *app
	label string
	start time.Time
	on    bool
	bar   *progressbar.ProgressBar
}

func (a *app) newProgress(label string) *progress {
	return &progress{a: a, label: label, start: time.Now(), on: !a.global.Quiet && isTerminal(a.Err)}
}

// set records that done of total steps are finished.
func (p *progress) set(done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil {
		if time.Since(p.start) < time.Second || done >= total {
			return
		}
		p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.a.Err), progressbar.OptionSetDescription(p.label),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	p.bar.Set(done)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
	}
}
