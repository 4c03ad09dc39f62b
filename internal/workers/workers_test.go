package workers

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func procs(t *testing.T, n int) {
	old := runtime.GOMAXPROCS(n)
	t.Cleanup(func() { runtime.GOMAXPROCS(old) })
}

func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, p := range []int{1, 4} {
		for _, n := range []int{0, 1, 7, 1000} {
			procs(t, p)
			seen := make([]atomic.Int32, n)
			Each(n, func(i int) { seen[i].Add(1) })
			for i := range seen {
				require.EqualValues(t, 1, seen[i].Load(), "procs %d n %d index %d", p, n, i)
			}
		}
	}
}

func TestEachBatchCoversRangesInBatches(t *testing.T) {
	procs(t, 4)
	seen := make([]atomic.Int32, 1000)
	EachBatch(1000, 256, func(lo, hi int) {
		assert.Equal(t, 0, lo%256)
		assert.LessOrEqual(t, hi-lo, 256)
		for i := lo; i < hi; i++ {
			seen[i].Add(1)
		}
	})
	for i := range seen {
		require.EqualValues(t, 1, seen[i].Load(), "index %d", i)
	}
	assert.Equal(t, 4, count(1000, 256))
	assert.Equal(t, 1, count(10, 256))
	assert.Equal(t, 1, count(0, 256))
}

func TestEachUntilReturnsLowestFailure(t *testing.T) {
	for _, p := range []int{1, 4} {
		procs(t, p)
		errAt := map[int]error{30: errors.New("thirty"), 70: errors.New("seventy")}
		var ran [100]atomic.Bool
		i, err := EachUntil(100, 0, func(i int) error {
			ran[i].Store(true)
			return errAt[i]
		})
		assert.Equal(t, 30, i)
		assert.EqualError(t, err, "thirty")
		for k := 0; k < 30; k++ {
			assert.True(t, ran[k].Load(), "index %d below the failure ran", k)
		}
		i, err = EachUntil(100, 2, func(int) error { return nil })
		assert.Equal(t, -1, i)
		assert.NoError(t, err)
	}
}

func TestQueueDoesEveryItem(t *testing.T) {
	for _, p := range []int{1, 4} {
		procs(t, p)
		var sum atomic.Int64
		q := NewQueue(func(v int) { sum.Add(int64(v)) })
		for v := 1; v <= 500; v++ {
			q.Put(v)
		}
		q.Wait()
		assert.EqualValues(t, 500*501/2, sum.Load())
	}
}
