// Command lensnet is the lensnet command-line tool.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC lets the heap grow to five times the live data before a
// collection (GOGC=400) instead of twice, and counts a never-touched
// 16 MiB block (heapFloor) as live data: a run of lensnet is short and
// builds one tree it keeps, so collecting often only costs time. With
// the runtime's 4 MiB minimum the first collection came at 16 MiB, in
// the middle of loading a 10,000-stanza interfaces file; with the floor
// it comes at 80 MiB (the block is only address space: it is never
// written, so it takes no memory, and the collector does not scan it).
// Loading and saving that file: ~85 -> ~65 ms with GOGC=400, one
// collection fewer with the floor. A soft limit of 1 GiB makes the
// collector work harder before the heap gets that big. GOGC and
// GOMEMLIMIT in the environment win.
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
