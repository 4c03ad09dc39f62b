package main

import (
	"os"
	"runtime"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePageHeap asks Linux for transparent huge pages on the first
// hugeHeapBytes of the Go heap. Where THP is "madvise" (Debian's and
// Ubuntu's default) the Go runtime never asks for them, so every 4 KiB
// of a fresh heap costs a page fault, and a run of lensnet is mostly
// fresh heap: set + save on a 10,000-stanza interfaces file touched
// ~5,000 pages, whose faults were ~40% of its wall time on this
// project's VM. The runtime maps heap address space as it grows, and an
// madvise covers only what is mapped, so a ballast (never touched, so
// never backed) makes it map the range first; it is dropped, and once
// the caller has collected it (when it says so), its pages serve the
// tree. GODEBUG=disablethp=1 (the runtime's own switch for THP) turns
// this off. The caller keeps the collector off meanwhile, so that the
// ballast does not start a collection of its own.
func hugePageHeap() (collect bool) {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return false
	}
	first := new([16]byte)
	ballast := make([]byte, hugeHeapBytes)
	lo := uintptr(unsafe.Pointer(first)) &^ (hugePageBytes - 1)
	hi := uintptr(unsafe.Pointer(unsafe.SliceData(ballast))) + hugeHeapBytes
	runtime.KeepAlive(first)
	runtime.KeepAlive(ballast)
	ballast = nil
	if hi > lo && hi-lo <= 2*hugeHeapBytes {
		// Holes in the range (ENOMEM) and kernels without THP (EINVAL)
		// leave the heap as it was; neither is worth reporting.
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, lo, hi-lo, unix.MADV_HUGEPAGE)
	}
	return true
}

const (
	hugePageBytes = 2 << 20
	hugeHeapBytes = 64 << 20
)
