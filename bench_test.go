package lensnet

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
)

// Benchmarks of the handle on the inputs cmd/bench generates (go run
// ./cmd/bench times the whole CLI against augtool on them): a Debian
// interfaces file of N stanzas and N RHEL ifcfg files, on a memory file
// system. MB/s comes from b.SetBytes over the input text; linear means
// the same MB/s at every size.
//
//	go test -run '^$' -bench . -benchtime 5x

var benchSizes = []int{1000, 3000, 10000}

const (
	ifacesFile  = "/etc/network/interfaces"
	ifacesXform = "Interfaces incl /etc/network/interfaces"
	ifcfgXform  = "Shellvars incl /etc/sysconfig/network-scripts/ifcfg-*"
)

// ifacesRoot returns a memory root holding an interfaces file of n
// stanzas, and the file's size.
func ifacesRoot(b *testing.B, n int) (afero.Fs, int64) {
	b.Helper()
	text := gen.Interfaces(n)
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, ifacesFile, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	return fsys, int64(len(text))
}

// ifcfgRoot returns a memory root holding n ifcfg files, and their
// total size.
func ifcfgRoot(b *testing.B, n int) (afero.Fs, int64) {
	b.Helper()
	fsys := afero.NewMemMapFs()
	var size int64
	for i := range n {
		text := gen.Ifcfg(i)
		size += int64(len(text))
		if err := afero.WriteFile(fsys, fmt.Sprintf("/etc/sysconfig/network-scripts/ifcfg-eth%d", i), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return fsys, size
}

func benchOpen(b *testing.B, fsys afero.Fs, xform string) *Handle {
	b.Helper()
	h, err := Open(Options{Fs: fsys, NoAutoload: true, Transforms: []string{xform}})
	if err != nil {
		b.Fatal(err)
	}
	if errs := h.Errors(); len(errs) > 0 {
		b.Fatal(errs[0])
	}
	return h
}

// BenchmarkLoad opens a handle and loads the files (lens modules are
// compiled once per handle, so that is included).
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("interfaces/stanzas=%d", n), func(b *testing.B) {
			fsys, size := ifacesRoot(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				benchOpen(b, fsys, ifacesXform)
			}
		})
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("ifcfg/files=%d", n), func(b *testing.B) {
			fsys, size := ifcfgRoot(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				benchOpen(b, fsys, ifcfgXform)
			}
		})
	}
}

// BenchmarkReload loads the files again on an open handle, without
// compiling lens modules.
func BenchmarkReload(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("interfaces/stanzas=%d", n), func(b *testing.B) {
			fsys, size := ifacesRoot(b, n)
			h := benchOpen(b, fsys, ifacesXform)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if err := h.Load(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("ifcfg/files=%d", n), func(b *testing.B) {
			fsys, size := ifcfgRoot(b, n)
			h := benchOpen(b, fsys, ifcfgXform)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if err := h.Load(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSetSave loads the files again, sets one option of the middle
// stanza by predicate and saves, as bench's second workload does (a
// save right after a load writes only what changed; later saves of the
// same load write the whole tree, see BenchmarkResave).
func BenchmarkSetSave(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("interfaces/stanzas=%d", n), func(b *testing.B) {
			fsys, size := ifacesRoot(b, n)
			h := benchOpen(b, fsys, ifacesXform)
			p := fmt.Sprintf("/files/etc/network/interfaces/iface[. = 'eth%d']/mtu", n/2/5*5)
			b.SetBytes(size)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				if err := h.Load(); err != nil {
					b.Fatal(err)
				}
				if err := h.Set(p, fmt.Sprint(9000+i%2)); err != nil {
					b.Fatal(err)
				}
				if err := h.Save(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResave sets one option and saves, again and again on one
// load; every iteration changes the value, so every Save writes.
func BenchmarkResave(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("interfaces/stanzas=%d", n), func(b *testing.B) {
			fsys, size := ifacesRoot(b, n)
			h := benchOpen(b, fsys, ifacesXform)
			p := fmt.Sprintf("/files/etc/network/interfaces/iface[. = 'eth%d']/mtu", n/2/5*5)
			b.SetBytes(size)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				if err := h.Set(p, fmt.Sprint(9000+i%2)); err != nil {
					b.Fatal(err)
				}
				if err := h.Save(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("ifcfg/files=%d", n), func(b *testing.B) {
			fsys, size := ifcfgRoot(b, n)
			h := benchOpen(b, fsys, ifcfgXform)
			p := fmt.Sprintf("/files/etc/sysconfig/network-scripts/ifcfg-eth%d/MTU", n/2)
			b.SetBytes(size)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				if err := h.Set(p, fmt.Sprint(9000+i%2)); err != nil {
					b.Fatal(err)
				}
				if err := h.Save(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPrint matches /files//* ... as augtool's print /files does:
// the nodes under /files printed with their paths.
func BenchmarkPrint(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("interfaces/stanzas=%d", n), func(b *testing.B) {
			fsys, size := ifacesRoot(b, n)
			h := benchOpen(b, fsys, ifacesXform)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				benchPrint(b, h, "/files")
			}
		})
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("ifcfg/files=%d", n), func(b *testing.B) {
			fsys, size := ifcfgRoot(b, n)
			h := benchOpen(b, fsys, ifcfgXform)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				benchPrint(b, h, "/files")
			}
		})
	}
}

func benchPrint(b *testing.B, h *Handle, p string) {
	ns, err := h.MatchNodes(p)
	if err != nil || len(ns) != 1 {
		b.Fatal(p, ns, err)
	}
	for _, n := range ns {
		if err := tree.Fprint(io.Discard, n, n.Path()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch evaluates a path with a predicate over every stanza,
// and one that selects every option of every stanza (Match returns
// their printed paths, with [n]).
func BenchmarkMatch(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("stanzas=%d", n), func(b *testing.B) {
			fsys, size := ifacesRoot(b, n)
			h := benchOpen(b, fsys, ifacesXform)
			for _, q := range []struct{ name, path string }{
				{"predicate", fmt.Sprintf("/files/etc/network/interfaces/iface[. = 'eth%d']/address", n/2/5*5)},
				{"all", "/files/etc/network/interfaces/iface/*"},
			} {
				b.Run(q.name, func(b *testing.B) {
					b.SetBytes(size)
					b.ReportAllocs()
					for b.Loop() {
						if ms, err := h.Match(q.path); err != nil || len(ms) == 0 {
							b.Fatal(q.path, err)
						}
					}
				})
			}
		})
	}
}

// realRoot skips the benchmark unless the machine's /etc looks like a
// real system (at least 100 files), since the figures mean something
// only there.
func realRoot(b *testing.B) {
	b.Helper()
	n := 0
	_ = filepath.WalkDir("/etc", func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	if n < 100 {
		b.Skipf("/etc has %d files, fewer than 100", n)
	}
}

// BenchmarkReloadRoot reloads the machine's real root with every lens
// compiled and every automaton warm (chunkXforms is raised so no lens
// is released between chunks): the per-file and per-node cost of the
// get engine, without compiling anything.
func BenchmarkReloadRoot(b *testing.B) {
	realRoot(b)
	defer func(n int) { chunkXforms = n }(chunkXforms)
	chunkXforms = 1000
	h, err := Open(Options{LoadAll: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := h.Load(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := h.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenRoot opens the machine's real root and loads every file,
// as a whole-system command does: "cached" with the caches of
// Options.CacheDir, warm after the first open (no lens compiled, no
// text parsed), "uncached" without (the library parsed, the lenses
// compiled and every text parsed each time).
func BenchmarkOpenRoot(b *testing.B) {
	realRoot(b)
	for _, cached := range []bool{true, false} {
		name, dir := "uncached", ""
		if cached {
			name, dir = "cached", b.TempDir()
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Open(Options{LoadAll: true, CacheDir: dir}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
