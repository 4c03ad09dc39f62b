package files

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkRootLoad does what a load does with a Root on the real disk:
// in one batch, glob 10,000 files in one directory, stat each and read
// each whole.
func BenchmarkRootLoad(b *testing.B) {
	dir := b.TempDir()
	d := filepath.Join(dir, "etc", "sysconfig", "network-scripts")
	if err := os.MkdirAll(d, 0o755); err != nil {
		b.Fatal(err)
	}
	const n = 10000
	for i := range n {
		text := fmt.Sprintf("DEVICE=eth%d\nBOOTPROTO=dhcp\nONBOOT=yes\n", i)
		if err := os.WriteFile(filepath.Join(d, fmt.Sprintf("ifcfg-eth%d", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	r, err := NewRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r.Batch(func() {
			ms, err := afero.Glob(r, "/etc/sysconfig/network-scripts/ifcfg-*")
			if err != nil || len(ms) != n {
				b.Fatal(len(ms), err)
			}
			for _, m := range ms {
				if _, err := r.Stat(m); err != nil {
					b.Fatal(err)
				}
				if _, _, _, err := r.ReadFile(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
