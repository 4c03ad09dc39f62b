package lensnet

import (
	"flag"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/spf13/afero"
)

// Benchmarks of editing one big file of each shipped lens: BigLoad
// opens a handle on the file; BigEdit opens it, changes one value (or
// adds a line) and saves. Both report MB/s over the file's size and
// the heap the iteration grew to (peak-MB, from the runtime's peak
// heap size after a GC) so that edit + save can be compared with the
// load: it must cost about the same, at every size.
//
//	go test -run '^$' -bench 'Big' -benchtime 3x
//	go test -run '^$' -bench 'Big' -benchtime 1x -bigfile-long   (adds 50 MB)

var bigLong = flag.Bool("bigfile-long", false, "also run the big-file benchmarks on 50 MB files")

// bigCase is one lens's big file and an edit of it.
type bigCase struct {
	name  string
	path  string
	xform string
	gen   func(size int) string
	// edit changes the loaded file (h.Set or another verb)
	edit func(b *testing.B, h *Handle)
}

// grow calls line(i) for i = 0, 1, ... until the text has size bytes.
func grow(size int, line func(i int) string) string {
	var sb strings.Builder
	sb.Grow(size + 256)
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(line(i))
	}
	return sb.String()
}

// bigText generates a file of about size bytes from a generator of n
// entries, scaling n from one sample.
func bigText(size int, g func(n int) string) string {
	per := float64(len(g(1000))) / 1000
	return g(int(float64(size)/per) + 1)
}

func setOne(p, v string) func(b *testing.B, h *Handle) {
	return func(b *testing.B, h *Handle) {
		b.Helper()
		if err := h.Set(p, v); err != nil {
			b.Fatal(err)
		}
	}
}

var bigCases = []bigCase{
	{name: "hosts", path: "/etc/hosts", xform: "Hosts incl /etc/hosts",
		gen:  func(size int) string { return bigText(size, gen.Hosts) },
		edit: setOne("/files/etc/hosts/5/ipaddr", "10.9.9.9")},
	{name: "interfaces/option", path: "/etc/network/interfaces", xform: ifacesXform,
		gen:  func(size int) string { return bigText(size, gen.Interfaces) },
		edit: setOne("/files/etc/network/interfaces/iface[3]/address", "10.9.9.9")},
	{name: "interfaces/append-auto", path: "/etc/network/interfaces", xform: ifacesXform,
		gen:  func(size int) string { return bigText(size, gen.Interfaces) },
		edit: setOne("/files/etc/network/interfaces/auto[last()+1]/1", "ethnew")},
	{name: "shellvars", path: "/etc/sysconfig/big", xform: "Shellvars incl /etc/sysconfig/big",
		gen:  func(size int) string { return grow(size, gen.Ifcfg) },
		edit: setOne("/files/etc/sysconfig/big/DEVICE[3]", "eth99")},
	{name: "sysctl", path: "/etc/sysctl.conf", xform: "Sysctl incl /etc/sysctl.conf",
		gen:  func(size int) string { return bigText(size, gen.Sysctl) },
		edit: setOne("/files/etc/sysctl.conf/net.ipv4.conf.eth3.rp_filter", "0")},
	{name: "modprobe", path: "/etc/modprobe.d/big.conf", xform: "Modprobe incl /etc/modprobe.d/big.conf",
		gen:  func(size int) string { return bigText(size, gen.Modprobe) },
		edit: setOne("/files/etc/modprobe.d/big.conf/alias[2]/modulename", "bonding2")},
	{name: "resolv", path: "/etc/resolv.conf", xform: "Resolv incl /etc/resolv.conf",
		gen:  func(size int) string { return bigText(size, gen.Resolv) },
		edit: setOne("/files/etc/resolv.conf/nameserver[3]", "10.9.9.9")},
}

func bigSizes() []int {
	s := []int{1 << 20, 10 << 20}
	if *bigLong {
		s = append(s, 50<<20)
	}
	return s
}

// bigRun runs f b.N times on a fresh memory root holding the file, and
// reports the peak heap of the iterations.
func bigRun(b *testing.B, c bigCase, size int, f func(b *testing.B, fsys afero.Fs)) {
	text := c.gen(size)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		b.StopTimer()
		fsys := afero.NewMemMapFs()
		if err := afero.WriteFile(fsys, c.path, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		stop := watchHeap(before.HeapAlloc)
		f(b, fsys)
		if p := stop(); p > peak {
			peak = p
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

func BenchmarkBigLoad(b *testing.B) {
	for _, c := range bigCases {
		if strings.HasSuffix(c.name, "/append-auto") {
			continue // the same load as interfaces/option
		}
		for _, size := range bigSizes() {
			b.Run(fmt.Sprintf("%s/%dMB", strings.TrimSuffix(c.name, "/option"), size>>20), func(b *testing.B) {
				bigRun(b, c, size, func(b *testing.B, fsys afero.Fs) {
					benchOpen(b, fsys, c.xform)
				})
			})
		}
	}
}

func BenchmarkBigEdit(b *testing.B) {
	for _, c := range bigCases {
		for _, size := range bigSizes() {
			b.Run(fmt.Sprintf("%s/%dMB", c.name, size>>20), func(b *testing.B) {
				bigRun(b, c, size, func(b *testing.B, fsys afero.Fs) {
					h := benchOpen(b, fsys, c.xform)
					c.edit(b, h)
					if err := h.Save(); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}

// watchHeap samples the heap (live and not yet swept objects) every
// millisecond until the returned function is called, which returns the
// largest sample above base.
func watchHeap(base uint64) func() uint64 {
	done := make(chan struct{})
	res := make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak {
				peak = v
			}
			select {
			case <-done:
				if peak < base {
					peak = base
				}
				res <- peak - base
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-res
	}
}
