package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
)

// BenchmarkSetSave is the bench workload "interfaces: set one option by
// predicate + save" at 10,000 stanzas, in process: load, set the mtu of
// one stanza, save (the file is written back before each run).
func BenchmarkSetSave(b *testing.B) {
	dir := b.TempDir()
	p := filepath.Join(dir, "etc/network/interfaces")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.Fatal(err)
	}
	text := gen.Interfaces(10000)
	script := "set /files/etc/network/interfaces/iface[. = 'eth5000']/mtu 1400\nsave\n"
	for b.Loop() {
		b.StopTimer()
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var errb bytes.Buffer
		if rc := run([]string{"-r", dir, "-A", "-t", "Interfaces incl /etc/network/interfaces"}, strings.NewReader(script), io.Discard, &errb); rc != 0 {
			b.Fatalf("exit %d: %s", rc, errb.String())
		}
	}
	b.StopTimer()
	out, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(string(out), "mtu 1400") {
		b.Fatal("the option was not saved")
	}
}
