// Package pool runs work on a bounded number of goroutines: the one worker pool behind every
// pass over a corpus. Workers take the next item by an atomic counter (no dispatcher to wait
// for), stop at the first error or when the context is cancelled, and, in Ordered, hand their
// results on in item order with a bounded number of items in flight.
package pool

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Jobs returns the number of workers to run: n, or the number of CPUs when n ≤ 0.
func Jobs(n int) int {
	if n > 0 {
		return n
	}
	return runtime.NumCPU()
}

// Window is how many items per worker Ordered lets run ahead of the item its sink waits for.
const Window = 4

// PanicError is a panic in a work function, turned into an error so that one bad item is
// reported instead of crashing the program.
type PanicError struct {
	Item  int
	Value any
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error on item %d: %v (this is a bug in readout; please report it)", e.Item, e.Value)
}

// Each runs work(worker, i) for every i in [0, n) on up to jobs workers (the number of CPUs when
// jobs ≤ 0); worker, from 0 up, says which one runs it, and one worker's calls never overlap.
// It returns the first error a call returns (a panic becomes a *PanicError), or ctx.Err() when
// the context is cancelled first; no call starts after either.
func Each(ctx context.Context, n, jobs int, work func(worker, i int) error) error {
	workers := min(Jobs(jobs), max(n, 1))
	var next atomic.Int64
	var stop atomic.Bool
	var once sync.Once
	var first error
	fail := func(err error) {
		once.Do(func() { first = err })
		stop.Store(true)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				if ctx.Err() != nil {
					fail(ctx.Err())
					return
				}
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := call(w, i, work); err != nil {
					fail(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

func call(w, i int, work func(worker, i int) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &PanicError{Item: i, Value: p}
		}
	}()
	return work(w, i)
}

// Ordered runs work(worker, i) for every i in [0, n) as Each does, and calls sink(i, r) with
// each result in order of i, from the calling goroutine. At most Window items per worker run
// ahead of the one sink waits for, so memory holds a bounded number of results, whatever n.
// The first error (from work, from sink, or the context's) stops the work and is returned;
// sink is not called after it.
func Ordered[R any](ctx context.Context, n, jobs int, work func(worker, i int) (R, error), sink func(i int, r R) error) error {
	if n == 0 || ctx.Err() != nil {
		return ctx.Err() // a cancelled context does no work, even when every item would fit the window
	}
	workers := min(Jobs(jobs), n)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		r   R
		err error
	}
	var next atomic.Int64
	results := make(chan result, Window*workers)
	window := make(chan struct{}, Window*workers) // items taken but not yet handed to sink
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if ctx.Err() != nil {
					return // select would choose at random between a free window and Done
				}
				select {
				case window <- struct{}{}:
				case <-ctx.Done():
					return
				}
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				var res result
				res.i = i
				res.err = call(w, i, func(w, i int) error {
					var err error
					res.r, err = work(w, i)
					return err
				})
				select {
				case results <- res:
				case <-ctx.Done():
					return
				}
				if res.err != nil {
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]result{}
	emitted := 0
	var first error
	for res := range results {
		if first != nil {
			continue // drain
		}
		pending[res.i] = res
		for {
			r, ok := pending[emitted]
			if !ok {
				break
			}
			delete(pending, emitted)
			if r.err == nil {
				r.err = sink(emitted, r.r)
			}
			if r.err != nil {
				first = r.err
				cancel()
				break
			}
			emitted++
			<-window
		}
	}
	if first == nil && emitted < n {
		first = context.Cause(ctx)
		if first == nil {
			first = context.Canceled
		}
	}
	return first
}
