package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lensnet/lensnet"
	"github.com/spf13/afero"
)

// FuzzShell runs arbitrary command scripts (two lines, each maybe in
// --json mode) against a small memory root: no input may panic, every
// failure must say something on standard error, and a file that failed
// to load is never written.
func FuzzShell(f *testing.F) {
	for _, s := range []string{
		"get /files/etc/hosts/1/ipaddr", "set /files/etc/hosts/1/alias x\nsave",
		"rm /files/etc/hosts\nsave", "mv /files/etc/hosts/1 /files/etc/hosts/1/x",
		"defvar v 'x'\nmatch /files/etc/hosts/*[canonical = $v]", "store Hosts.lns /augeas/root /p\nerrors",
		"dump-xml /files//*", "span /files/etc/hosts/1", "context /files/etc\nls hosts",
		"set /files/etc/bad/x 1\nsave", "ins a before /files/etc/hosts/*", "print /files/etc/hosts/*[",
		"set /augeas/load/X/lens Nope.lns\nload", "retrieve Hosts /augeas/root /files/etc/hosts /out",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, script string, json bool) {
		if len(script) > 2000 {
			return
		}
		fsys := afero.NewMemMapFs()
		hosts := "127.0.0.1 localhost\n10.0.0.1 a b\n"
		bad := "1.2.3.4\n" // an address without a name: Hosts cannot read it
		_ = afero.WriteFile(fsys, "/etc/hosts", []byte(hosts), 0o644)
		_ = afero.WriteFile(fsys, "/etc/bad", []byte(bad), 0o644)
		h, err := lensnet.Open(lensnet.Options{Fs: fsys, NoAutoload: true, Span: true,
			Transforms: []string{"Hosts incl /etc/hosts", "Hosts incl /etc/bad"}})
		if err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		sh := &shell{h: h, p: &printer{out: &out, errw: &errb, json: json}}
		for _, line := range strings.SplitN(script, "\n", 3)[:min(2, strings.Count(script, "\n")+1)] {
			before := errb.Len()
			if !sh.line(strings.TrimSpace(line)) && errb.Len() == before {
				t.Fatalf("%q failed without a word on stderr", line)
			}
		}
		if b, _ := afero.ReadFile(fsys, "/etc/bad"); string(b) != bad {
			t.Fatalf("a file that failed to load was rewritten: %q", b)
		}
	})
}
