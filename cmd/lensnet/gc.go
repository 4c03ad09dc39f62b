package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// tuneGC sets the collector up for what a run of lensnet is: short,
// building one tree it keeps to the end. A run that allocates less than
// heapBudget is never interrupted by a collection; a larger one keeps
// its heap within its live data plus a share of it (at most
// maxHeadroom more), so that whole-system commands take no more memory
// than augtool's:
//
//   - After each collection GOGC is set so that the next one comes when
//     the heap reaches live + min(live·headroomPercent/100, maxHeadroom), or heapBudget if
//     that is more (adjustPace, run from a finalizer once per
//     collection); the first comes at heapBudget.
//   - Huge pages for the first part of the heap (hugePageHeap), set up
//     while the collector is off so that its ballast starts no
//     collection.
//
// GOGC or GOMEMLIMIT in the environment turn this pacing off: the
// runtime's own applies. A soft limit of 1 GiB makes the collector work
// harder before the heap gets that big.
func tuneGC() {
	debug.SetGCPercent(-1)
	collect := hugePageHeap()
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		debug.SetGCPercent(gogcFromEnv())
		if collect {
			runtime.GC()
		}
		return
	}
	debug.SetGCPercent(heapBudget / minHeap * 100)
	debug.SetMemoryLimit(1 << 30)
	if collect {
		runtime.GC()
	}
	watchCollections()
}

const (
	heapBudget  = 16 << 20
	maxHeadroom = 256 << 20
	minHeap     = 4 << 20 // the runtime's heap goal at GOGC=100 before any collection
	// headroomPercent of the live heap may be allocated before the next
	// collection (GOGC=100 is 100; half keeps whole-system commands
	// within augtool's memory)
	headroomPercent = 50
)

// gogcFromEnv is the runtime's reading of GOGC (100 unless set).
func gogcFromEnv() int {
	v := os.Getenv("GOGC")
	if v == "off" {
		return -1
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 100
		}
		n = n*10 + int(c-'0')
	}
	if v == "" {
		return 100
	}
	return n
}

// gcSentinel is an object nothing holds: its finalizer runs after each
// collection and arms the next one.
type gcSentinel struct{ _ [16]byte }

func watchCollections() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		adjustPace()
		watchCollections()
	})
}

var liveSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

// adjustPace sets GOGC for the next collection from the heap the last
// one left.
func adjustPace() {
	metrics.Read(liveSample)
	if liveSample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetGCPercent(gogcFor(int64(liveSample[0].Value.Uint64())))
}

// gogcFor is the GOGC that puts the next collection at
// max(heapBudget, live + min(live·headroom, maxHeadroom)).
func gogcFor(live int64) int {
	live = max(live, 1)
	goal := max(heapBudget, live+min(live*headroomPercent/100, maxHeadroom))
	return int((goal - live) * 100 / live)
}
