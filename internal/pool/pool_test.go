package pool

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestOrderedKeepsOrder(t *testing.T) {
	for _, jobs := range []int{1, 2, 7} {
		var got []int
		err := Ordered(context.Background(), 1000, jobs, func(_, i int) (int, error) { return i * i, nil },
			func(i, r int) error {
				if r != i*i {
					t.Fatalf("item %d: got %d", i, r)
				}
				got = append(got, i)
				return nil
			})
		if err != nil || len(got) != 1000 {
			t.Fatalf("jobs %d: err %v, %d results", jobs, err, len(got))
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("jobs %d: result %d is item %d", jobs, i, v)
			}
		}
	}
}

// At most Window items per worker are taken before the sink has the first.
func TestOrderedIsBounded(t *testing.T) {
	var taken atomic.Int64
	block := make(chan struct{})
	go func() {
		Ordered(context.Background(), 10000, 2, func(_, i int) (int, error) {
			taken.Add(1)
			if i == 0 {
				<-block
			}
			return i, nil
		}, func(int, int) error { return nil })
	}()
	for taken.Load() < 2*Window {
	}
	// give the workers a chance to run ahead if they could
	for range 1000 {
		if taken.Load() > 2*Window {
			t.Fatalf("%d items taken with the first unfinished, want at most %d", taken.Load(), 2*Window)
		}
	}
	close(block)
}

func TestOrderedStopsAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	var calls atomic.Int64
	n := 0
	err := Ordered(context.Background(), 100000, 2, func(_, i int) (int, error) {
		calls.Add(1)
		if i == 10 {
			return 0, boom
		}
		return i, nil
	}, func(i, r int) error { n++; return nil })
	if !errors.Is(err, boom) || n != 10 {
		t.Fatalf("err %v after %d results, want boom after 10", err, n)
	}
	if calls.Load() > 10+2*Window+2 {
		t.Errorf("%d calls: the work did not stop", calls.Load())
	}
	sinkErr := errors.New("sink")
	if err := Ordered(context.Background(), 50, 3, func(_, i int) (int, error) { return i, nil },
		func(i, r int) error {
			if i == 5 {
				return sinkErr
			}
			return nil
		}); !errors.Is(err, sinkErr) {
		t.Fatalf("sink error: got %v", err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	err := Ordered(ctx, 100000, 2, func(_, i int) (int, error) {
		if i == 100 {
			cancel()
		}
		return i, nil
	}, func(int, int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Ordered: got %v, want context.Canceled", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	var after atomic.Int64
	err = Each(ctx, 100000, 2, func(_, i int) error {
		if i == 100 {
			cancel()
		}
		if i > 200 {
			after.Add(1)
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || after.Load() > 0 {
		t.Fatalf("Each: got %v with %d calls after the cancellation", err, after.Load())
	}
}

func TestPanicBecomesError(t *testing.T) {
	err := Each(context.Background(), 10, 2, func(_, i int) error {
		if i == 3 {
			panic("bad item")
		}
		return nil
	})
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Item != 3 {
		t.Fatalf("got %v", err)
	}
	err = Ordered(context.Background(), 10, 2, func(_, i int) (int, error) {
		if i == 4 {
			panic("bad item")
		}
		return i, nil
	}, func(int, int) error { return nil })
	if !errors.As(err, &pe) || pe.Item != 4 {
		t.Fatalf("got %v", err)
	}
}

func TestWorkersDoNotOverlap(t *testing.T) {
	busy := make([]atomic.Bool, 4)
	err := Each(context.Background(), 5000, 4, func(w, i int) error {
		if busy[w].Swap(true) {
			t.Errorf("worker %d runs two items at once", w)
		}
		busy[w].Store(false)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
