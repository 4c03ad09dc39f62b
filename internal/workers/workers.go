package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// count is how many goroutines work on n items when each takes batch
// of them at a time: at most GOMAXPROCS, at most the number of batches,
// at least 1.
func count(n, batch int) int {
	batch = max(batch, 1)
	return max(1, min(runtime.GOMAXPROCS(0), (n+batch-1)/batch))
}

// Each calls work(i) for every i in [0, n), on up to GOMAXPROCS
// goroutines, each taking the next index when it is done with one. It
// returns when every call has returned.
func Each(n int, work func(i int)) {
	EachBatch(n, 1, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			work(i)
		}
	})
}

// EachBatch calls work(lo, hi) for consecutive ranges of at most batch
// indices covering [0, n), on up to count(n, batch) goroutines. It
// returns when every call has returned.
func EachBatch(n, batch int, work func(lo, hi int)) {
	batch = max(batch, 1)
	if n <= 0 {
		return
	}
	workers := count(n, batch)
	if workers == 1 {
		for lo := 0; lo < n; lo += batch {
			work(lo, min(lo+batch, n))
		}
		return
	}
	var next atomic.Int64
	run := func() {
		for {
			lo := int(next.Add(int64(batch))) - batch
			if lo >= n {
				return
			}
			work(lo, min(lo+batch, n))
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(run)
	}
	run()
	wg.Wait()
}

// EachUntil calls work(i) for i in [0, n) on up to workers goroutines
// (at most GOMAXPROCS; 0 means GOMAXPROCS) and returns the error of the
// lowest index that failed, with that index, or (-1, nil). Once an
// index has failed no higher index is started, so every index below
// the one returned has run, as a loop that stops at the first error
// would have run them.
func EachUntil(n, workers int, work func(i int) error) (int, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, runtime.GOMAXPROCS(0), n))
	if workers == 1 {
		for i := range n {
			if err := work(i); err != nil {
				return i, err
			}
		}
		return -1, nil
	}
	errs := make([]error, n)
	var next, failed atomic.Int64
	failed.Store(int64(n))
	run := func() {
		for {
			i := next.Add(1) - 1
			if i >= int64(n) || i > failed.Load() {
				return
			}
			if errs[i] = work(int(i)); errs[i] != nil {
				for {
					f := failed.Load()
					if i >= f || failed.CompareAndSwap(f, i) {
						break
					}
				}
			}
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(run)
	}
	run()
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return i, err
		}
	}
	return -1, nil
}

// A Queue hands items to helper goroutines as a producer finds them;
// the producer joins the helpers when it has put the last one
// (Wait).
type Queue[T any] struct {
	todo chan T
	do   func(T)
	wg   sync.WaitGroup
}

// NewQueue starts GOMAXPROCS-1 helpers calling do on each item put.
// With one processor there are none, and Put does the work itself.
func NewQueue[T any](do func(T)) *Queue[T] {
	q := &Queue[T]{do: do}
	if helpers := runtime.GOMAXPROCS(0) - 1; helpers > 0 {
		q.todo = make(chan T, 64)
		for range helpers {
			q.wg.Go(q.drain)
		}
	}
	return q
}

func (q *Queue[T]) drain() {
	for t := range q.todo {
		q.do(t)
	}
}

// Put hands t to the helpers; it blocks while 64 items wait.
func (q *Queue[T]) Put(t T) {
	if q.todo == nil {
		q.do(t)
		return
	}
	q.todo <- t
}

// Wait says no more items come, works on those left on the calling
// goroutine beside the helpers, and returns when all are done.
func (q *Queue[T]) Wait() {
	if q.todo == nil {
		return
	}
	close(q.todo)
	q.drain()
	q.wg.Wait()
}
