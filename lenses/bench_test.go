package lenses_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
)

// Benchmarks of the shipped lenses on generated inputs at growing sizes,
// with augtool 1.14 (package augeas-tools, if installed) on the same
// files in the same run. MB/s comes from b.SetBytes; linear means the
// same MB/s at every size.
//
//   go test ./lenses -run '^$' -bench . -benchtime 3x

var (
	interfaceSizes = []int{1000, 3000, 10000}    // stanzas; 10,000 is about 1.2 MB
	ifcfgCounts    = []int{1000, 3000, 10000}    // files
	sysctlSizes    = []int{10000, 30000, 100000} // lines
)

func BenchmarkInterfaces(b *testing.B) {
	l := lensOf(b, own(), "Interfaces")
	for _, n := range interfaceSizes {
		benchGetPut(b, l, fmt.Sprintf("stanzas=%d", n), gen.Interfaces(n), func(root *tree.Node) {
			// set one option of the middle stanza, as "set
			// iface[. = 'ethN']/mtu 9000" would
			for _, k := range root.Children() {
				if v, _ := k.Value(); v == fmt.Sprintf("eth%d", n/2) {
					k.Append(tree.NewValue("mtu", "9000"))
				}
			}
		})
	}
}

func BenchmarkSysctl(b *testing.B) {
	l := lensOf(b, own(), "Sysctl")
	for _, n := range sysctlSizes {
		benchGetPut(b, l, fmt.Sprintf("lines=%d", n), gen.Sysctl(n), func(root *tree.Node) {
			root.Append(tree.NewValue("vm.swappiness", "10"))
		})
	}
}

// benchGetPut measures get of text and put of the edited tree.
func benchGetPut(b *testing.B, l *lens.Lens, name, text string, edit func(*tree.Node)) {
	warmUp(b, l, text)
	b.Run(name+"/get", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := l.Get(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	root, err := l.Get(text)
	if err != nil {
		b.Fatal(err)
	}
	edit(root)
	b.Run(name+"/put", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := l.Put(root, text); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkIfcfg(b *testing.B) {
	l := lensOf(b, own(), "Shellvars")
	for _, n := range ifcfgCounts {
		files := make([]string, n)
		size := 0
		for i := range files {
			files[i] = gen.Ifcfg(i)
			size += len(files[i])
		}
		warmUp(b, l, files[0])
		b.Run(fmt.Sprintf("files=%d/get", n), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					if _, err := l.Get(f); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		roots := make([]*tree.Node, n)
		for i, f := range files {
			roots[i], _ = l.Get(f)
			roots[i].Append(tree.NewValue("MTU", "9000"))
		}
		b.Run(fmt.Sprintf("files=%d/put", n), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for i, f := range files {
					if _, err := l.Put(roots[i], f); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// warmUp reads and writes text once, outside the timings: the first use
// of a lens builds the lazy automata of its parts (a one-time cost per
// process, measured by the lens/lang benchmarks).
func warmUp(b *testing.B, l *lens.Lens, text string) {
	root, err := l.Get(text)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := l.Put(root, text); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkAugtool runs augtool on the same inputs: load + print (get)
// and a set + save (put), one process per iteration (its start-up with
// only the needed lens, about 10 ms, is included).
func BenchmarkAugtool(b *testing.B) {
	augtool, err := exec.LookPath("augtool")
	if err != nil {
		b.Skip("augtool not installed (package augeas-tools)")
	}
	run := func(b *testing.B, root, lensName, incl, cmds string, size int) {
		b.SetBytes(int64(size))
		for b.Loop() {
			cmd := exec.Command(augtool, "-r", root, "-A", "-t", lensName+" incl "+incl)
			cmd.Stdin = strings.NewReader(cmds)
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("augtool: %v\n%s", err, out)
			}
		}
	}
	for _, n := range interfaceSizes {
		root := b.TempDir()
		text := gen.Interfaces(n)
		writeFile(b, root, "/etc/network/interfaces", text)
		b.Run(fmt.Sprintf("Interfaces/stanzas=%d/get", n), func(b *testing.B) {
			run(b, root, "Interfaces", "/etc/network/interfaces", "print /files\n", len(text))
		})
		b.Run(fmt.Sprintf("Interfaces/stanzas=%d/put", n), func(b *testing.B) {
			run(b, root, "Interfaces", "/etc/network/interfaces",
				fmt.Sprintf("set /files/etc/network/interfaces/iface[. = 'eth%d']/mtu 9000\nsave\nrm /files/etc/network/interfaces/iface[. = 'eth%d']/mtu\nsave\n", n/2, n/2), len(text))
		})
	}
	for _, n := range sysctlSizes {
		root := b.TempDir()
		text := gen.Sysctl(n)
		writeFile(b, root, "/etc/sysctl.conf", text)
		b.Run(fmt.Sprintf("Sysctl/lines=%d/get", n), func(b *testing.B) {
			run(b, root, "Sysctl", "/etc/sysctl.conf", "print /files\n", len(text))
		})
	}
	for _, n := range ifcfgCounts {
		root := b.TempDir()
		size := 0
		for i := 0; i < n; i++ {
			text := gen.Ifcfg(i)
			size += len(text)
			writeFile(b, root, fmt.Sprintf("/etc/sysconfig/network-scripts/ifcfg-eth%d", i), text)
		}
		b.Run(fmt.Sprintf("Ifcfg/files=%d/get", n), func(b *testing.B) {
			run(b, root, "Shellvars", "/etc/sysconfig/network-scripts/ifcfg-*", "print /files\n", size)
		})
	}
}

func writeFile(b *testing.B, root, path, text string) {
	p := filepath.Join(root, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}
