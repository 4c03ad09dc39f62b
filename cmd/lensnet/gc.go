package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// tuneGC sets the collector up for what a run of lensnet is: short,
// building one tree it keeps to the end, so that collecting often only
// costs time.
//
//   - GOGC=400: the heap grows to five times the live data before a
//     collection, instead of twice.
//   - heapFloor, a 16 MiB block counted as live data, moves the first
//     collection from 16 MiB (the runtime's 4 MiB minimum times five),
//     which a large file reaches in the middle of loading, to 80 MiB.
//     The block is only address space: it is never written, so it takes
//     no memory, and the collector does not scan it.
//   - Huge pages for the first part of the heap (hugePageHeap), set up
//     while the collector is off so that its ballast starts no
//     collection.
//   - A soft limit of 1 GiB makes the collector work harder before the
//     heap gets that big.
//
// GOGC and GOMEMLIMIT in the environment win.
func tuneGC() {
	// no collection while the heap is set up: it is tiny yet
	percent := debug.SetGCPercent(-1)
	if os.Getenv("GOGC") == "" {
		percent = 400
		heapFloor = make([]byte, 16<<20)
	}
	collect := hugePageHeap() // after the floor, which is then below the huge pages
	debug.SetGCPercent(percent)
	if collect {
		runtime.GC()
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}

// heapFloor is tuneGC's never-touched block, alive for the whole run
// because this variable holds it.
//
//lint:ignore U1000 written only: holding the block is its purpose
var heapFloor []byte
