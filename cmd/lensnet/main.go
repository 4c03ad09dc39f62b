// Command lensnet is the lensnet command-line tool.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	tuneGC()
	hugePageHeap()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC lets the heap grow to five times the live data before a
// collection (GOGC=400) instead of twice: a run of lensnet is short and
// builds one tree it keeps, so collecting often only costs time (loading
// and saving 10,000 interfaces stanzas: ~85 -> ~65 ms; peak memory about
// the same, as the tree is most of the heap). A soft limit of 1 GiB makes
// the collector work harder before the heap gets that big. GOGC and
// GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}
