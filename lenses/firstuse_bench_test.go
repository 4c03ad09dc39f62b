package lenses_test

import (
	"testing"

	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lenses"
)

// firstUseTexts are small texts each shipped lens reads.
var firstUseTexts = map[string]string{
	"Shellvars":  "DEVICE=eth0\nONBOOT=yes\n",
	"Interfaces": "auto lo\niface lo inet loopback\n",
	"Sysctl":     "net.ipv4.ip_forward = 1\n",
	"Modprobe":   "options e1000 debug=1\n",
	"Hosts":      "127.0.0.1 localhost\n",
	"Resolv":     "nameserver 8.8.8.8\n",
}

// BenchmarkFirstUse measures the one-off cost of a shipped lens in a
// process, as a short CLI run pays it: a fresh loader compiles the
// module (without type checking), then the lens reads a small text
// (get) and, in the put case, writes its tree back. Lenses build their
// automata lazily, so this is where they are built.
//
//	go test ./lenses -run '^$' -bench FirstUse -count 5
func BenchmarkFirstUse(b *testing.B) {
	for _, module := range shipped {
		text := firstUseTexts[module]
		for _, put := range []bool{false, true} {
			name := module + "/get"
			if put {
				name = module + "/getput"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					ld := lang.NewLoader(lang.Options{Path: []lang.Dir{{Name: "(embedded)", FS: lenses.FS}}})
					l, err := ld.Lens(module + ".lns")
					if err != nil {
						b.Fatal(err)
					}
					root, err := l.Get(text)
					if err != nil {
						b.Fatal(err)
					}
					if !put {
						continue
					}
					if out, err := l.Put(root, text); err != nil || out != text {
						b.Fatalf("put: %q, %v", out, err)
					}
				}
			})
		}
	}
}
